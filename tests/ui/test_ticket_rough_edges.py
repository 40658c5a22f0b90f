"""The ticket tab's rough edges of issue 13, driven as a clerk meets them: Enter opens one
window, a picked suggestion fills each field, a registration closed on the spot says where
it went, closing is refused before a reason is asked, the next reply has a sensible
default, countdowns read in the interface's language, typed text reaches the search
field, and the kind's fields line up with the form."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QDate, QDateTime, QPoint, Qt, QTime
from PySide6.QtWidgets import QApplication, QWidget

from desk_app.domain.tickets import Source, TicketDetails, TicketKind, TicketStatus, Urgency, Validity
from desk_app.services.tickets import ResidentInput, TicketFilter, TicketInput
from desk_app.ui import i18n
from desk_app.ui.ticket_tab import TicketTab
from desk_app.ui.ticket_tab.action_dialog import ActionDialog
from desk_app.ui.ticket_tab.detail_dialog import TicketDetailDialog
from desk_app.ui.ticket_tab.model import TicketTableModel, countdown, due_text
from desk_app.ui.ticket_tab.register_dialog import NAME_ROLE, RegisterDialog
from tests.conftest import TZ
from tests.ui.typing import type_text

RESIDENT = ResidentInput("陈先生", "3栋", "2单元1502", "13800138000")


@pytest.fixture
def tab(qtbot, services, clerk):
    widget = TicketTab(services, clerk)
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def chinese(qapp):
    yield i18n.install_translators(qapp, "zh_CN")
    i18n.remove_translators(qapp)


def _complaint(services, clerk):
    return services.tickets.register(clerk, TicketInput(TicketKind.COMPLAINT, Source.PHONE, "楼上装修噪音", RESIDENT))


def _open_details(tab) -> list[TicketDetailDialog]:
    return [d for d in tab.findChildren(TicketDetailDialog) if d.isVisible()]


def _set_when(edit, value: datetime) -> None:
    local = value.astimezone(TZ)
    edit.setDateTime(QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute)))


# -- item 6: one detail window ---------------------------------------------------------------
def test_enter_on_a_selected_ticket_opens_one_detail_window(qtbot, tab, services, clerk):
    ticket = _complaint(services, clerk)
    tab.refresh()
    assert tab.select(ticket.id)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(_open_details(tab)) >= 1)
    QApplication.processEvents()
    assert len(_open_details(tab)) == 1
    assert _open_details(tab)[0].view.id == ticket.id
    _open_details(tab)[0].reject()
    qtbot.waitUntil(lambda: not _open_details(tab))

    # A double click opens it once too; asked again while open, the same window comes forward.
    rect = tab.table.visualRect(tab.model.index(0, TicketTableModel.DESCRIPTION))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: len(_open_details(tab)) >= 1)
    QApplication.processEvents()
    assert len(_open_details(tab)) == 1
    assert tab.open_detail(ticket.id) is _open_details(tab)[0]
    assert len(_open_details(tab)) == 1


def test_enter_in_the_search_field_goes_to_the_queue_and_enter_again_opens_one(qtbot, tab, services, clerk):
    ticket = _complaint(services, clerk)
    tab.search.setFocus()
    type_text(qtbot, tab.search, "装修")
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    assert tab.table.hasFocus() and tab.selected_id() == ticket.id
    assert not _open_details(tab)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(_open_details(tab)) >= 1)
    QApplication.processEvents()
    assert len(_open_details(tab)) == 1


# -- item 7: a picked suggestion ---------------------------------------------------------------
def test_a_picked_suggestion_fills_each_field_and_saves_the_bare_name(qtbot, services, clerk):
    _complaint(services, clerk)
    dialog = RegisterDialog(services, clerk)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(TicketKind.COMPLAINT.value))
    dialog.name.setFocus()
    type_text(qtbot, dialog.name, "陈")
    completer = dialog.name.completer()
    popup = completer.popup()
    qtbot.waitUntil(popup.isVisible)
    first = completer.completionModel().index(0, 0)
    # The popup shows the whole line; whatever the completer writes into the field (a
    # highlighted line, a picked one) is the name alone.
    assert first.data() == "陈先生  3栋2单元1502  13800138000"
    assert completer.completionRole() == NAME_ROLE
    assert completer.pathFromIndex(completer.model().index(0, 0)) == "陈先生"

    popup.setCurrentIndex(first)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.name.text() == "陈先生"
    assert (dialog.building.text(), dialog.room.text(), dialog.phone.text()) == ("3栋", "2单元1502", "13800138000")
    dialog.description.setPlainText("又有噪音")
    dialog.save()
    assert dialog.saved is not None, dialog.message.text()
    assert dialog.saved.row.resident_name == "陈先生"
    assert services.tickets.residents_matching("陈")[0].name == "陈先生"


# -- item 8: registered and closed, and where it went -----------------------------------------
def test_a_visitor_registered_with_ctrl_enter_says_where_it_went(qtbot, tab, services, clerk, monkeypatch):
    def answer(dialog: RegisterDialog) -> int:
        dialog.kind.setCurrentIndex(dialog.kind.findData(TicketKind.VISITOR.value))
        dialog.building.setText("5栋")
        dialog.room.setText("1单元801")
        dialog.description.setPlainText("探访亲友")
        dialog.visitor_name.setText("赵先生")
        dialog.consent.setChecked(True)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        dialog.description.setFocus()
        qtbot.keyClick(dialog.description, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        return dialog.result()

    monkeypatch.setattr(RegisterDialog, "exec", answer)
    tab.register()
    visitor = services.tickets.page(TicketFilter(statuses=(TicketStatus.CLOSED,)), 0, 10)[0]
    assert visitor.kind is TicketKind.VISITOR
    assert tab.model.find(visitor.id) is None  # the default view lists open work
    text = tab.message.text()
    assert f"Registered and closed: Visitor #{visitor.id}" in text and "“Closed”" in text
    assert 'href="show"' in text
    tab.message.linkActivated.emit("show")  # the link: the closed list, the visitor selected
    assert tab.status.currentData() == TicketStatus.CLOSED.value
    assert tab.selected_id() == visitor.id
    tab.refresh()  # the periodic refresh keeps the line
    assert "Registered and closed" in tab.message.text()
    tab.search.setFocus()
    qtbot.keyClicks(tab.search, "5")  # a new search: the line was about the queue before it
    assert tab.message.text() == ""


@pytest.mark.parametrize(
    ("kind", "details"),
    [
        (TicketKind.CONSULTATION, TicketDetails()),
        (TicketKind.ITEM_RELEASE, TicketDetails(items=["纸箱 2 个"], identity_checked=True)),
        (TicketKind.MESSAGE, TicketDetails(recipient="王女士", delivered=True)),
        (TicketKind.COMPLAINT, TicketDetails(solved_on_spot=True, validity=Validity.INVALID)),
    ],
)
def test_every_kind_closed_at_registration_says_so(qtbot, tab, services, clerk, chinese, kind, details):
    saved = services.tickets.register(clerk, TicketInput(kind, Source.PHONE, "当场办理", RESIDENT, details=details))
    assert saved.row.status is TicketStatus.CLOSED
    tab.registered(saved)
    label = {
        TicketKind.CONSULTATION: "咨询",
        TicketKind.ITEM_RELEASE: "物品放行",
        TicketKind.MESSAGE: "留言",
        TicketKind.COMPLAINT: "投诉",
    }[kind]
    assert f"已登记并关闭：{label} #{saved.id}（在「已关闭」中可查）" in tab.message.text()
    assert tab.show_registered() and tab.selected_id() == saved.id


def test_an_open_registration_is_selected_and_confirmed(qtbot, tab, services, clerk):
    saved = _complaint(services, clerk)
    tab.registered(saved)
    assert tab.selected_id() == saved.id
    assert tab.message.text() == f"Registered: Complaint #{saved.id}."


# -- item 9: closing is checked first; the next reply ---------------------------------------------
def test_closing_a_complaint_without_its_visit_is_refused_before_any_reason_is_asked(qtbot, services, clerk):
    ticket = _complaint(services, clerk)
    services.tickets.judge(clerk, ticket.id, Validity.VALID, "属实")
    asked: list[ActionDialog] = []

    def ask(action: ActionDialog) -> bool:
        asked.append(action)
        action.note.setPlainText("业主不再追究")
        return True

    detail = TicketDetailDialog(services, clerk, ticket.id, ask=ask)
    qtbot.addWidget(detail)
    assert detail.buttons["close"].text() == "Close the case…"
    assert not detail.close_ticket()
    assert asked == []  # nothing typed that could be lost
    assert "before its follow-up visit" in detail.message.text()
    assert services.tickets.get(ticket.id).row.status is TicketStatus.OPEN
    with pytest.raises(Exception, match="before its follow-up visit"):
        services.tickets.check_close(clerk, ticket.id)


def test_a_refused_action_keeps_its_dialog_open_with_the_text(qtbot, services, clerk):
    repair = services.tickets.register(
        clerk, TicketInput(TicketKind.REPAIR, Source.PHONE, "厨房漏水", RESIDENT, urgency=Urgency.NORMAL)
    )
    long_reason = "住户来电撤销报修，" * 30  # longer than a reason may be
    seen: list[tuple[bool, str, str]] = []

    def ask(action: ActionDialog) -> bool:
        action.note.setPlainText(long_reason)
        done = action.submit()
        seen.append((done, action.note.toPlainText(), action.message.text()))
        action.note.setPlainText("住户来电撤销报修")  # corrected in the same dialog
        return action.submit()

    detail = TicketDetailDialog(services, clerk, repair.id, ask=ask)
    qtbot.addWidget(detail)
    assert detail.close_ticket()
    ((done, kept, why),) = seen
    assert not done and kept == long_reason and "the limit is 200" in why
    assert services.tickets.get(repair.id).row.status is TicketStatus.CLOSED
    assert services.drafts.load(clerk, f"ticket_{repair.id}_close") is None


def test_the_next_reply_defaults_to_the_reply_interval_and_a_past_time_is_refused(qtbot, services, clerk, clock):
    ticket = _complaint(services, clerk)
    services.tickets.judge(clerk, ticket.id, Validity.VALID, "属实")
    clock.advance(timedelta(minutes=20, seconds=30))
    now = clock.now()
    seen: dict[str, object] = {}

    def ask(action: ActionDialog) -> bool:
        assert action.when is not None
        seen["default"] = action.when_value()
        action.note.setPlainText("已联系装修方，明天再答复")
        _set_when(action.when, now - timedelta(hours=1))
        seen["refused"] = not action.submit()
        seen["message"] = action.message.text()
        seen["kept"] = action.note.toPlainText()
        _set_when(action.when, now + timedelta(hours=3))
        return action.submit()

    detail = TicketDetailDialog(services, clerk, ticket.id, ask=ask)
    qtbot.addWidget(detail)
    detail.reply()
    # 10:20:30 + the desk's two hours, on the next whole minute.
    assert seen["default"] == datetime(2026, 11, 24, 12, 21, tzinfo=TZ)
    assert seen["refused"] and "in the past" in str(seen["message"])
    assert seen["kept"] == "已联系装修方，明天再答复"
    assert detail.view.row.status is TicketStatus.IN_PROGRESS
    assert services.tickets.suggested_next_reply() == datetime(2026, 11, 24, 12, 21, tzinfo=TZ)


# -- item 10: countdowns ---------------------------------------------------------------------------
def test_countdowns_read_in_english_and_in_chinese(qapp):
    now = datetime(2026, 11, 24, 10, 0, tzinfo=TZ)
    assert countdown(timedelta(hours=1, minutes=23)) == "1:23"
    assert due_text("Reply", now + timedelta(days=4, hours=22, minutes=16), now) == "Reply in 4 days 22:16"
    assert due_text("Reply", now - timedelta(days=1, minutes=5), now) == "Reply overdue 1 day 0:05"
    i18n.install_translators(qapp, "zh_CN")
    try:
        ahead = due_text("答复", now + timedelta(days=4, hours=22, minutes=16), now)
        late = due_text("答复", now - timedelta(days=13, hours=12, minutes=51), now)
    finally:
        i18n.remove_translators(qapp)
    assert ahead == "答复 还剩 4天 22:16"
    assert late == "答复 超时 13天 12:51"
    assert not any(ch.isascii() and ch.isalpha() for ch in ahead + late)


def test_the_queue_shows_the_chinese_countdown(qtbot, services, clerk, clock, chinese):
    _complaint(services, clerk)
    clock.advance(timedelta(days=3, hours=3))
    widget = TicketTab(services, clerk)
    qtbot.addWidget(widget)
    due = widget.model.index(0, TicketTableModel.DUE).data()
    assert due == "答复 超时 3天 1:00"


# -- item 15: typed text goes to the search field ------------------------------------------------
def test_text_typed_on_the_status_filter_goes_to_the_search_field(qtbot, tab):
    tab.status.setFocus()
    qtbot.keyClicks(tab.status, "c")  # "c" would pick "Closed" as the combo's keyboard search
    assert tab.status.currentData() == "open"
    assert tab.search.text() == "c" and tab.search.hasFocus()
    tab.search.clear()
    tab.kind.setFocus()
    type_text(qtbot, tab.kind, "漏水")
    type_text(qtbot, tab.search, "3")
    assert tab.search.text() == "漏水3"
    assert tab.kind.currentIndex() == 0
    tab.status.setFocus()
    qtbot.keyClick(tab.status, Qt.Key.Key_Down)  # the arrows still work the combo
    assert tab.status.currentIndex() == 1
    tab.search.clear()
    tab.table.setFocus()
    type_text(qtbot, tab.table, "漏水")  # in the queue too
    assert tab.search.text() == "漏水"


# -- item 16: the kind's fields line up ------------------------------------------------------------
def _x(widget: QWidget, window: QWidget) -> int:
    return widget.mapTo(window, QPoint(0, 0)).x()


def test_the_judged_combo_lines_up_with_the_other_fields(qtbot, services, clerk):
    dialog = RegisterDialog(services, clerk)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(TicketKind.COMPLAINT.value))
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.validity.isVisible()
    assert _x(dialog.validity, dialog) == _x(dialog.name, dialog) == _x(dialog.urgency, dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(TicketKind.VISITOR.value))
    assert not dialog.validity.isVisible() and dialog.visitor_name.isVisible()
    assert _x(dialog.visitor_name, dialog) == _x(dialog.name, dialog)

    judge = ActionDialog("Judge", "Reason:", validity=True)
    qtbot.addWidget(judge)
    judge.show()
    qtbot.waitExposed(judge)
    assert judge.validity is not None
    assert _x(judge.validity, judge) == _x(judge.note, judge)
