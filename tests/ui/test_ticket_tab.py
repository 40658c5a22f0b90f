"""The ticket queue driven as a clerk would: registering with the keyboard only, the queue
with its countdowns and filters, the detail dialog's actions and refusals."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desk_app.domain.tickets import Source, TicketDetails, TicketKind, TicketStatus, Validity
from desk_app.services.tickets import ResidentInput, TicketFilter, TicketInput
from desk_app.ui.ticket_tab import TicketTab
from desk_app.ui.ticket_tab.detail_dialog import ActionDialog, TicketDetailDialog
from desk_app.ui.ticket_tab.model import OVERDUE_COLOR, TicketTableModel
from desk_app.ui.ticket_tab.register_dialog import RegisterDialog
from tests.ui.typing import type_text


@pytest.fixture
def tab(qtbot, services, clerk):
    widget = TicketTab(services, clerk)
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    return widget


@pytest.fixture
def dialog(qtbot, services, clerk):
    widget = RegisterDialog(services, clerk)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    widget.kind.setFocus()
    return widget


def _focused():
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _tab(qtbot, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(_focused(), Qt.Key.Key_Tab)


def _type(qtbot, text: str) -> None:
    type_text(qtbot, _focused(), text)


def test_a_complaint_is_registered_with_the_keyboard_only(qtbot, tab, dialog, services, clock):
    qtbot.keyClick(_focused(), Qt.Key.Key_4)  # 4: complaint (the kinds are numbered)
    assert dialog.current_kind() is TicketKind.COMPLAINT
    _tab(qtbot, 2)  # source: phone (the default), then the resident
    _type(qtbot, "李先生")
    _tab(qtbot)
    _type(qtbot, "3栋")
    _tab(qtbot)
    _type(qtbot, "2单元1203")
    _tab(qtbot)
    _type(qtbot, "13800138000")
    _tab(qtbot)
    _type(qtbot, "楼上装修超时施工，噪音大")
    qtbot.keyClick(_focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.saved is not None, dialog.message.text()
    assert dialog.result() == dialog.DialogCode.Accepted
    tab.refresh()
    first = tab.model.row_of(0)
    assert first.id == dialog.saved.id and first.kind is TicketKind.COMPLAINT
    due = tab.model.index(0, TicketTableModel.DUE).data()
    assert "2:00" in due and "Reply" in due


def test_a_visitor_is_registered_with_the_keyboard_only(qtbot, dialog, services):
    qtbot.keyClick(_focused(), Qt.Key.Key_7)  # 7: visitor
    assert dialog.current_kind() is TicketKind.VISITOR
    assert dialog.source.currentData() == Source.VISIT.value
    _tab(qtbot, 3)  # source, the host's name (not needed for a visitor), the building
    _type(qtbot, "5栋")
    _tab(qtbot)
    _type(qtbot, "1单元801")
    _tab(qtbot, 2)  # phone
    _type(qtbot, "探访亲友")
    _tab(qtbot, 2)  # urgency, then the visitor's name
    _type(qtbot, "赵先生")
    _tab(qtbot, 2)  # number of visitors, then consent
    qtbot.keyClick(_focused(), Qt.Key.Key_Space)
    assert dialog.consent.isChecked()
    qtbot.keyClick(_focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.saved is not None, dialog.message.text()
    assert dialog.saved.details.visitor_name == "赵先生"
    assert dialog.saved.row.status is TicketStatus.CLOSED


def test_a_bad_phone_number_is_shown_and_nothing_written(qtbot, dialog, services):
    dialog.kind.setCurrentIndex(list(TicketKind).index(TicketKind.COMPLAINT))
    dialog.name.setText("李先生")
    dialog.phone.setText("138001380")
    dialog.description.setPlainText("噪音")
    dialog.save()
    assert dialog.saved is None
    assert "not a phone number" in dialog.message.text()
    assert dialog.phone.text() == "138001380"  # what was typed stays
    assert services.tickets.count(TicketFilter(statuses=tuple(TicketStatus))) == 0


def _complaint(services, clerk):
    resident = ResidentInput("李先生", "3栋", "2单元1203", "13800138000")
    return services.tickets.register(clerk, TicketInput(TicketKind.COMPLAINT, Source.PHONE, "楼上装修噪音", resident))


def _answer(note: str, *, check: bool | None = None, validity: Validity | None = None):
    def ask(action: ActionDialog) -> bool:
        action.note.setPlainText(note)
        if check is not None and action.check is not None:
            action.check.setChecked(check)
        if validity is not None and action.validity is not None:
            action.validity.setCurrentIndex(action.validity.findData(validity.value))
        return True

    return ask


def test_closing_a_valid_complaint_without_a_follow_up_is_refused(qtbot, services, clerk):
    ticket = _complaint(services, clerk)
    services.tickets.judge(clerk, ticket.id, Validity.VALID, "属实")
    detail = TicketDetailDialog(services, clerk, ticket.id, ask=_answer("业主不再追究"))
    qtbot.addWidget(detail)
    assert detail.buttons["close"].isVisibleTo(detail)
    detail.close_ticket()
    assert "before its follow-up visit" in detail.message.text()
    assert services.tickets.get(ticket.id).row.status is TicketStatus.OPEN
    # Resolve it, visit back: then it closes, and the history says who did what.
    detail._ask = _answer("已协调停工", check=True)
    detail.reply()
    assert detail.view.row.status is TicketStatus.FOLLOW_UP, detail.message.text()
    assert detail.buttons["follow_up"].isVisibleTo(detail)
    assert not detail.buttons["reply"].isVisibleTo(detail)
    detail._ask = _answer("电话回访，业主满意", check=True)
    detail.follow_up()
    assert detail.view.row.status is TicketStatus.CLOSED
    assert detail.events.rowCount() == 4  # registered, judged, replied, followed up
    assert detail.buttons["reopen"].isVisibleTo(detail)


def test_overdue_rows_turn_red_as_the_clock_moves(qtbot, tab, services, clerk, clock):
    _complaint(services, clerk)
    tab.refresh()
    index = tab.model.index(0, TicketTableModel.DUE)
    assert index.data(Qt.ItemDataRole.ForegroundRole) is None
    clock.advance(timedelta(hours=2, minutes=5))
    tab.model.tick()  # the one-second timer: no database call
    assert index.data(Qt.ItemDataRole.ForegroundRole).color() == OVERDUE_COLOR
    assert "overdue 0:05" in index.data()


def test_filters_narrow_the_queue(qtbot, tab, services, clerk, clock):
    complaint = _complaint(services, clerk)
    message = services.tickets.register(
        clerk,
        TicketInput(
            TicketKind.MESSAGE,
            Source.PHONE,
            "快递在前台",
            ResidentInput("王女士", "7栋", "101", ""),
            details=TicketDetails(recipient="王"),
        ),
    )
    tab.refresh()
    assert tab.model.rowCount() == 2
    tab.kind.setCurrentIndex(tab.kind.findData(TicketKind.MESSAGE.value))
    assert [tab.model.row_of(i).id for i in range(tab.model.rowCount())] == [message.id]
    tab.kind.setCurrentIndex(0)
    clock.advance(timedelta(hours=3))
    tab.overdue.setChecked(True)
    assert [tab.model.row_of(i).id for i in range(tab.model.rowCount())] == [complaint.id]
    tab.overdue.setChecked(False)
    tab.search.setText("快递")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=2000)
    assert tab.model.row_of(0).id == message.id


# -- paper and Excel ------------------------------------------------------------------------
def _wait_gone(qtbot, folder) -> None:
    qtbot.waitUntil(lambda: not folder.exists())  # no confidential copy left behind


def test_the_complaint_register_goes_to_the_print_preview(qtbot, tab, services, clerk, monkeypatch):
    from pypdf import PdfReader

    from desk_app.ui import print_preview
    from desk_app.ui.ticket_tab.paper_dialog import REGISTER_COMPLAINTS, TicketPaperDialog

    services.tickets.register(
        clerk,
        TicketInput(
            TicketKind.COMPLAINT, Source.PHONE, "楼道灯不亮多日", ResidentInput("李先生", "3栋", "1201", "13800138000")
        ),
    )
    printed = []
    monkeypatch.setattr(
        print_preview,
        "print_pdf",
        lambda parent, path: printed.append((path, "".join(p.extract_text() for p in PdfReader(str(path)).pages))),
    )

    def choose(dialog: TicketPaperDialog) -> int:
        dialog.what.setCurrentIndex(dialog.what.findData(REGISTER_COMPLAINTS))
        assert dialog.print_button.isVisibleTo(dialog) and not dialog.excel_button.isVisibleTo(dialog)
        dialog.print_button.click()
        return dialog.result()

    monkeypatch.setattr(TicketPaperDialog, "exec", choose)
    assert tab.choose_paper() is not None
    qtbot.waitUntil(lambda: bool(printed), timeout=20_000)
    path, text = printed[0]
    assert path.name == "投诉受理登记表_2026-11-01_2026-11-24.pdf"
    assert "楼道灯不亮多日" in text
    _wait_gone(qtbot, path.parent)


def test_an_excel_list_is_saved_where_the_clerk_says(qtbot, tab, services, clerk, monkeypatch, tmp_path):
    from openpyxl import load_workbook

    from desk_app.ui import print_preview
    from desk_app.ui.ticket_tab.paper_dialog import EXCEL, TicketPaperDialog

    services.tickets.register(
        clerk,
        TicketInput(
            TicketKind.VISITOR,
            Source.VISIT,
            "探望父母",
            ResidentInput("王伯", "2栋", "1单元301"),
            details=TicketDetails(visitor_name="王小明", owner_consent=True),
        ),
    )
    saved = []

    def fake_save(parent, path, suggested_name=None):
        target = tmp_path / "visitors.xlsx"
        target.write_bytes(path.read_bytes())
        saved.append((suggested_name, target))
        return target

    monkeypatch.setattr(print_preview, "save_excel_copy", fake_save)
    dialog = TicketPaperDialog(services, tab)
    qtbot.addWidget(dialog)
    dialog.what.setCurrentIndex(dialog.what.findData(EXCEL + TicketKind.VISITOR.value))
    assert dialog.excel_button.isVisibleTo(dialog) and not dialog.print_button.isVisibleTo(dialog)
    dialog.excel_button.click()
    choice = dialog.choice
    assert choice is not None
    tab.documents.start(choice.render, choice.file_name, choice.output)
    qtbot.waitUntil(lambda: bool(saved), timeout=20_000)
    name, target = saved[0]
    assert name == "来访登记_2026-11-01_2026-11-24.xlsx"
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert "王小明" in rows[1]


def test_a_reversed_period_is_refused_in_the_dialog(qtbot, tab, services):
    from PySide6.QtCore import QDate

    from desk_app.ui.ticket_tab.paper_dialog import TicketPaperDialog

    dialog = TicketPaperDialog(services, tab)
    qtbot.addWidget(dialog)
    dialog.date_from.setDate(QDate(2026, 11, 20))
    dialog.date_to.setDate(QDate(2026, 11, 10))
    dialog.print_button.click()
    assert dialog.choice is None and dialog.message.text()


def test_the_release_slip_prints_from_the_ticket(qtbot, tab, services, clerk, monkeypatch):
    from pypdf import PdfReader

    from desk_app.ui import print_preview

    ticket = services.tickets.register(
        clerk,
        TicketInput(
            TicketKind.ITEM_RELEASE,
            Source.VISIT,
            "搬出旧家具",
            ResidentInput("李先生", "3栋", "1201", "13800138000"),
            details=TicketDetails(items=["旧衣柜 1个"], identity_checked=True),
        ),
    )
    printed = []
    monkeypatch.setattr(
        print_preview, "print_pdf", lambda parent, path: printed.append(PdfReader(str(path)).pages[0].extract_text())
    )
    detail = tab.open_detail(ticket.id)
    qtbot.addWidget(detail)
    assert detail.buttons["slip"].isVisibleTo(detail)
    assert not detail.buttons["print_report"].isVisibleTo(detail)
    detail.buttons["slip"].click()
    qtbot.waitUntil(lambda: bool(printed), timeout=20_000)
    assert "旧衣柜" in printed[0] and "物品放行条" in printed[0]


def test_the_monthly_report_is_sent_by_mail(qtbot, tab, services, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from desk_app import local_settings, mailer, secrets
    from desk_app.ui.ticket_tab.paper_dialog import MONTHLY, TicketPaperDialog

    sent = []

    class FakeSMTP:
        def __init__(self, *args, **kwargs):
            pass

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def login(self, user, password):
            assert password == "mail-pw"

        def send_message(self, message):
            sent.append(message)

    monkeypatch.setattr(mailer.smtplib, "SMTP_SSL", FakeSMTP)
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a: None))
    local_settings.set_mail_server(local_settings.MailServer("smtp.example.com", 465, "desk@example.com"))
    secrets.set_mail_password("desk@example.com", "mail-pw")
    dialog = TicketPaperDialog(services, tab)
    qtbot.addWidget(dialog)
    dialog.what.setCurrentIndex(dialog.what.findData(MONTHLY))
    assert dialog.mail_button.isVisibleTo(dialog)
    assert not dialog.choose_mail(["not an address"])
    assert dialog.choose_mail(["boss@example.com"])
    choice = dialog.choice
    tab.documents.start(choice.render, choice.file_name, choice.output, choice.mail_to)
    qtbot.waitUntil(lambda: bool(sent), timeout=20_000)
    message = sent[0]
    assert message["To"] == "boss@example.com"
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "部门客户投诉工作月报_2026-11.pdf"
    assert attachment.get_content().startswith(b"%PDF")
