"""Nothing a clerk types is lost: the keyboard lands in the entry line after sign-in and
unlock, Ctrl+N reaches it from any tab, Enter saves from every field, a refused save keeps
the text and says why, and what is typed and not saved survives a sign-out, the idle lock
and a crash as that clerk's draft — offered back to them, never to anyone else."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desk_app.domain.roles import Role
from desk_app.domain.tickets import Source, TicketKind, Validity
from desk_app.services.container import Services
from desk_app.services.log import LogFilter
from desk_app.services.tickets import ResidentInput, TicketInput
from desk_app.ui.main_window import MainWindow
from desk_app.ui.ticket_tab.detail_dialog import ActionDialog, TicketDetailDialog
from desk_app.ui.ticket_tab.register_dialog import RegisterDialog
from tests.conftest import CLERK_PASSWORD
from tests.ui.typing import type_text


def _window(qtbot, services, actor) -> MainWindow:
    window = MainWindow(services, actor)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window


def _focused():
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _signed_in_bar(qtbot, services, actor):
    """The window, with the keyboard in its entry line (as right after sign-in)."""
    window = _window(qtbot, services, actor)
    bar = window.log_tab.entry_bar
    qtbot.waitUntil(bar.situation.hasFocus)
    return window, bar


def _save_typed(qtbot, bar, text: str) -> None:
    type_text(qtbot, bar.situation, text)
    qtbot.keyClick(bar.situation, Qt.Key.Key_Return)


def _entries(services) -> list[str]:
    return [e.situation for e in services.log.page(LogFilter(), 0, 100)]


@pytest.fixture
def li(services, supervisor):
    services.accounts.create(supervisor, "li", "李娜", CLERK_PASSWORD, Role.CLERK)
    return services.accounts.authenticate("li", CLERK_PASSWORD)


# -- the keyboard's place -------------------------------------------------------------------
def test_right_after_sign_in_the_first_keys_go_to_the_entry_line(qtbot, services, clerk):
    window = _window(qtbot, services, clerk)
    bar = window.log_tab.entry_bar
    qtbot.waitUntil(bar.situation.hasFocus)
    type_text(qtbot, _focused(), "大堂灯不亮")
    qtbot.keyClick(_focused(), Qt.Key.Key_Return)
    assert _entries(services) == ["大堂灯不亮"]


def test_ctrl_n_reaches_the_entry_line_from_any_tab(qtbot, services, clerk):
    window = _window(qtbot, services, clerk)
    bar = window.log_tab.entry_bar
    for tab in (window.ticket_tab, window.roster_tab, window.handover_tab):
        window.tabs.setCurrentWidget(tab)
        qtbot.keyClick(tab, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentWidget() is window.log_tab
        qtbot.waitUntil(bar.situation.hasFocus)


def test_enter_on_the_check_box_saves_and_the_old_message_goes(qtbot, services, clerk):
    _, bar = _signed_in_bar(qtbot, services, clerk)
    _save_typed(qtbot, bar, "3栋漏水")
    assert bar.message.text().startswith("Saved as #1")
    type_text(qtbot, bar.situation, "5栋电梯异响")
    assert bar.message.text() == ""  # "saved as #1" does not stand beside unsaved text
    bar.follow_up.setFocus()
    qtbot.keyClick(bar.follow_up, Qt.Key.Key_Space)
    assert bar.follow_up.isChecked()
    qtbot.keyClick(bar.follow_up, Qt.Key.Key_Return)
    assert _entries(services) == ["5栋电梯异响", "3栋漏水"]
    assert services.log.page(LogFilter(), 0, 1)[0].follow_up
    assert bar.message.text().startswith("Saved as #2")


def test_a_refused_save_keeps_the_text_and_ctrl_n_does_not_select_it(qtbot, services, clerk):
    window, bar = _signed_in_bar(qtbot, services, clerk)
    _save_typed(qtbot, bar, "已保存的一条")
    bar.time.setTime(bar.time.time().addSecs(-40 * 60))  # earlier: needs a reason
    type_text(qtbot, bar.situation, "补记：电梯困人")
    qtbot.keyClick(bar.situation, Qt.Key.Key_Return)
    assert _entries(services) == ["已保存的一条"]  # refused: no reason for the earlier time
    assert bar.situation.text() == "补记：电梯困人"
    assert "say why the entry is late" in bar.message.text() and "Saved" not in bar.message.text()
    # Ctrl+N again: the cursor goes after the text, which is not selected to be typed over.
    window.tabs.setCurrentWidget(window.ticket_tab)
    qtbot.keyClick(window.ticket_tab, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(bar.situation.hasFocus)
    assert not bar.situation.hasSelectedText()
    type_text(qtbot, _focused(), "，已救出")
    assert bar.situation.text() == "补记：电梯困人，已救出"


# -- drafts ----------------------------------------------------------------------------------
def test_unsaved_text_survives_a_crash_for_the_same_clerk_only(qtbot, services, clerk, li, db_url, clock):
    window = _window(qtbot, services, clerk)
    bar = window.log_tab.entry_bar
    type_text(qtbot, bar.situation, "4栋业主反映水压低")
    type_text(qtbot, bar.handling, "已通知工程部")
    assert bar.drafts.timer.isActive()  # saved a moment after the typing stops
    bar.drafts.timer.timeout.emit()
    # The power goes: no close, no sign-out. The program starts again on the same file.
    restarted = Services.open(db_url, clock=clock)
    try:
        clock.advance(timedelta(minutes=5))
        other = _window(qtbot, restarted, li)
        assert other.log_tab.entry_bar.situation.text() == ""  # never shown to another clerk
        other.close()
        again = _window(qtbot, restarted, restarted.accounts.authenticate("wang", CLERK_PASSWORD))
        restored = again.log_tab.entry_bar
        assert restored.situation.text() == "4栋业主反映水压低"
        assert restored.handling.text() == "已通知工程部"
        assert restored.message.text().startswith("Put back what you typed at")
        qtbot.waitUntil(restored.situation.hasFocus)
        qtbot.keyClick(restored.situation, Qt.Key.Key_Return)
        assert _entries(restarted) == ["4栋业主反映水压低"]
        assert restarted.drafts.load(clerk, "log_entry") is None  # saved: the draft is gone
        again.close()
    finally:
        restarted.close()


def test_unsaved_text_survives_the_idle_lock_and_a_sign_out(qtbot, services, clerk):
    window = _window(qtbot, services, clerk)
    bar = window.log_tab.entry_bar
    type_text(qtbot, bar.situation, "快递柜故障")
    window.lock()
    assert services.drafts.load(clerk, "log_entry").fields["situation"] == "快递柜故障"
    window.lock_page.password.setText(CLERK_PASSWORD)
    assert window.lock_page.unlock()
    qtbot.waitUntil(bar.situation.hasFocus)
    assert bar.situation.text() == "快递柜故障"
    type_text(qtbot, bar.situation, "，已报修")
    with qtbot.waitSignal(window.signed_out):
        window.sign_out()
    assert services.drafts.load(clerk, "log_entry").fields["situation"] == "快递柜故障，已报修"
    back = _window(qtbot, services, clerk)
    assert back.log_tab.entry_bar.situation.text() == "快递柜故障，已报修"


def test_switching_tabs_keeps_the_text_and_saves_the_draft(qtbot, services, clerk):
    window = _window(qtbot, services, clerk)
    bar = window.log_tab.entry_bar
    type_text(qtbot, bar.situation, "停车场道闸抬不起")
    window.tabs.setCurrentWidget(window.ticket_tab)
    assert services.drafts.load(clerk, "log_entry") is not None
    window.tabs.setCurrentWidget(window.log_tab)
    qtbot.waitUntil(bar.situation.hasFocus)
    assert bar.situation.text() == "停车场道闸抬不起"


def test_the_ticket_registration_keeps_its_draft_until_registered(qtbot, services, clerk, li):
    first = RegisterDialog(services, clerk)
    qtbot.addWidget(first)
    first.kind.setCurrentIndex(first.kind.findData(TicketKind.COMPLAINT.value))
    type_text(qtbot, first.name, "李先生")
    type_text(qtbot, first.description, "楼上装修噪音，晚上十点后仍在施工")
    first.reject()  # cancelled, or closed by the lock's next person
    assert RegisterDialog(services, li).description.toPlainText() == ""  # another clerk
    again = RegisterDialog(services, clerk)
    qtbot.addWidget(again)
    assert again.current_kind() is TicketKind.COMPLAINT
    assert again.name.text() == "李先生"
    assert again.description.toPlainText() == "楼上装修噪音，晚上十点后仍在施工"
    assert again.discard_button.isVisibleTo(again) and "Put back" in again.message.text()
    type_text(qtbot, again.phone, "13800138000")
    again.save()
    assert again.saved is not None, again.message.text()
    assert services.drafts.load(clerk, "ticket_register") is None
    assert RegisterDialog(services, clerk).description.toPlainText() == ""


def test_a_refused_reply_is_there_again_when_the_reply_is_opened(qtbot, services, clerk):
    resident = ResidentInput("李先生", "3栋", "2单元1203", "13800138000")
    ticket = services.tickets.register(clerk, TicketInput(TicketKind.COMPLAINT, Source.PHONE, "装修噪音", resident))
    services.tickets.judge(clerk, ticket.id, Validity.VALID, "属实")
    seen: list[str] = []
    long_reply = "已联系装修方协调，" * 300  # far past what a reply may hold

    def type_reply(action: ActionDialog) -> bool:
        seen.append(action.note.toPlainText())
        if not action.note.toPlainText():
            action.note.setPlainText(long_reply)
        if action.check is not None:
            action.check.setChecked(True)
        return True

    detail = TicketDetailDialog(services, clerk, ticket.id, ask=type_reply)
    qtbot.addWidget(detail)
    detail.reply()
    assert detail.message.text()  # refused, and says why
    assert services.tickets.get(ticket.id).row.status.value == "open"
    detail.reply()  # opened again: the text is there
    assert seen == ["", long_reply]


def test_a_correction_and_a_follow_up_note_keep_their_drafts(qtbot, services, clerk):
    from desk_app.domain.categories import LogCategory
    from desk_app.ui.handover_tab.follow_up_dialog import CloseFollowUpDialog
    from desk_app.ui.log_tab.correction_dialog import CorrectionDialog

    entry = services.log.add(clerk, LogCategory.REPAIR, "3栋漏水", "已通知工程部", follow_up=True)
    first = CorrectionDialog(services, clerk, entry)
    qtbot.addWidget(first)
    assert services.drafts.load(clerk, f"log_correction_{entry.id}") is None  # opening keeps nothing
    first.situation.setText("3栋2单元1203厨房漏水")
    first.reject()
    again = CorrectionDialog(services, clerk, entry)
    qtbot.addWidget(again)
    assert again.situation.text() == "3栋2单元1203厨房漏水" and "Put back" in again.message.text()
    again.save()
    assert again.result_entry is not None
    assert services.drafts.load(clerk, f"log_correction_{entry.id}") is None

    note = CloseFollowUpDialog(services, clerk, again.result_entry.id, "3栋2单元1203厨房漏水")
    qtbot.addWidget(note)
    type_text(qtbot, note.note, "工程部已修复，业主确认")
    note.reject()
    reopened = CloseFollowUpDialog(services, clerk, again.result_entry.id, "3栋2单元1203厨房漏水")
    qtbot.addWidget(reopened)
    assert reopened.note.text() == "工程部已修复，业主确认"
    assert reopened.close_follow_up()
