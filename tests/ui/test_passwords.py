"""Passwords through the window: changing one's own from the menu, a supervisor's reset in
the accounts dialog, the new password asked at the next sign-in, Enter in the last
password field, and the account table's columns."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget

from desk_app.domain.categories import LogCategory
from desk_app.domain.errors import AuthenticationError, PermissionDenied
from desk_app.domain.roles import Role
from desk_app.ui.accounts_dialog import AccountsDialog
from desk_app.ui.app import Startup
from desk_app.ui.main_window import MainWindow
from desk_app.ui.password_dialog import ChangePasswordDialog
from desk_app.ui.setup_dialog import SetupDialog
from desk_app.ui.signin_dialog import SignInDialog
from tests.conftest import CLERK_PASSWORD, SUPERVISOR_PASSWORD

NEW_PASSWORD = "brand-new-pass-7"
TEMPORARY = re.compile(r"Temporary password for (\S+): (\S+)")


def plain_tab(services, actor, parent) -> QWidget:
    return QLabel("log tab stand-in", parent)


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def enter(qtbot, widget) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def shown(qtbot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


# -- one's own password, from the menu ---------------------------------------------------------
def test_changing_ones_password_from_the_menu(qtbot, services, clerk, monkeypatch):
    window = MainWindow(services, clerk, plain_tab)
    qtbot.addWidget(window)
    assert window.change_password_action.isEnabled()  # everyone's, clerks included
    seen: list[str] = []

    def exec_(dialog: ChangePasswordDialog) -> int:
        shown(qtbot, dialog)
        assert focused() is dialog.current
        # A wrong current password: refused, cleared, counted like a wrong sign-in.
        qtbot.keyClicks(dialog.current, "not-my-password")
        enter(qtbot, dialog.current)
        assert focused() is dialog.new  # Enter moves on
        qtbot.keyClicks(dialog.new, NEW_PASSWORD)
        enter(qtbot, dialog.new)
        assert focused() is dialog.repeat
        qtbot.keyClicks(dialog.repeat, NEW_PASSWORD)
        enter(qtbot, dialog.repeat)  # Enter in the last field changes it
        seen.append(dialog.message.text())
        assert dialog.isVisible() and dialog.current.text() == ""
        assert focused() is dialog.current
        qtbot.keyClicks(dialog.current, CLERK_PASSWORD)
        enter(qtbot, dialog.current)
        enter(qtbot, dialog.new)
        enter(qtbot, dialog.repeat)
        return dialog.result()

    monkeypatch.setattr(ChangePasswordDialog, "exec", exec_)
    window.change_password_action.trigger()
    assert seen == ["The current password is wrong: nothing was changed."]
    assert window.statusBar().currentMessage() == "Your password was changed."
    assert services.accounts.authenticate("wang", NEW_PASSWORD).username == "wang"
    with pytest.raises(AuthenticationError):
        services.accounts.authenticate("wang", CLERK_PASSWORD)
    services.log.add(clerk, LogCategory.PATROL, "改密码后仍在班")  # the window's sign-in goes on


def test_the_two_new_passwords_must_match_and_follow_the_rules(qtbot, services, clerk):
    dialog = shown(qtbot, ChangePasswordDialog(services, clerk))
    dialog.current.setText(CLERK_PASSWORD)
    dialog.new.setText(NEW_PASSWORD)
    dialog.repeat.setText("something-else-1")
    enter(qtbot, dialog.repeat)
    assert dialog.message.text() == "The two new passwords are not the same."
    assert dialog.repeat.text() == "" and dialog.isVisible()
    dialog.new.setText("short")
    dialog.repeat.setText("short")
    dialog.change_button.click()
    assert dialog.message.text() == "A password needs at least 8 characters."
    assert dialog.current.text() == CLERK_PASSWORD  # the new one was refused: the current one stays typed
    assert focused() is dialog.new
    assert services.accounts.authenticate("wang", CLERK_PASSWORD).username == "wang"


# -- a supervisor's reset ----------------------------------------------------------------------
def test_supervisor_resets_a_password_in_the_accounts_dialog(qtbot, services, supervisor, clerk):
    services.accounts.create(supervisor, "zhou", "周建国", "manager-secret-1", Role.MANAGER)
    answers = ["wrong-password", SUPERVISOR_PASSWORD]
    asked: list[str] = []

    def ask(title: str, label: str) -> str | None:
        asked.append(label)
        return answers.pop(0)

    dialog = AccountsDialog(services, supervisor, ask_password=ask)
    qtbot.addWidget(dialog)
    dialog.select_username("zhang")
    assert not dialog.reset_button.isEnabled()  # one's own: Change password
    dialog.select_username("zhou")
    assert not dialog.reset_button.isEnabled()  # a higher role
    dialog.select_username("wang")
    assert dialog.reset_button.isEnabled()

    qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)  # the wrong own password
    assert dialog.message.text() == "Wrong password: nothing was approved."
    assert services.accounts.authenticate("wang", CLERK_PASSWORD).username == "wang"  # nothing reset
    qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
    assert "王丽 (wang)" in asked[-1] and "张敏" in asked[-1]
    match = TEMPORARY.search(dialog.message.text())
    assert match is not None and match.group(1) == "wang"
    temporary = match.group(2)
    row = dialog.table.currentRow()
    assert dialog.table.item(row, dialog.USERNAME).text() == "wang"
    assert dialog.table.item(row, dialog.PASSWORD).text() == "reset: to be changed at the next sign-in"
    signed = services.accounts.sign_in("wang", temporary)
    assert signed.must_change_password


def test_cancelling_the_own_password_question_resets_nothing(qtbot, services, supervisor, clerk):
    dialog = AccountsDialog(services, supervisor, ask_password=lambda title, label: None)
    qtbot.addWidget(dialog)
    dialog.select_username("wang")
    dialog.reset_button.click()
    assert dialog.message.isHidden()
    assert not services.accounts.sign_in("wang", CLERK_PASSWORD).must_change_password


# -- the next sign-in ---------------------------------------------------------------------------
def _reset(services, supervisor, clerk) -> str:
    return services.accounts.reset_password(supervisor, SUPERVISOR_PASSWORD, clerk.account_id).temporary_password


def test_sign_in_with_a_reset_password_asks_for_a_new_one_right_there(qtbot, services, supervisor, clerk):
    temporary = _reset(services, supervisor, clerk)
    dialog = shown(qtbot, SignInDialog(services))
    assert dialog.new_box.isHidden()
    qtbot.keyClicks(dialog.username, "wang")
    qtbot.keyClicks(dialog.password, temporary)
    enter(qtbot, dialog.password)
    # Not signed in yet: the new password is asked first.
    assert dialog.isVisible() and dialog.actor is None
    assert dialog.new_box.isVisible() and focused() is dialog.new_password
    assert dialog.username.isReadOnly() and dialog.password.isReadOnly()
    assert dialog.sign_in_button.text() == "Set password and sign in"
    qtbot.keyClicks(dialog.new_password, NEW_PASSWORD)
    enter(qtbot, dialog.new_password)
    assert focused() is dialog.new_password_repeat
    qtbot.keyClicks(dialog.new_password_repeat, "not-the-same-1")
    enter(qtbot, dialog.new_password_repeat)
    assert dialog.message.text() == "The two new passwords are not the same." and dialog.actor is None
    qtbot.keyClicks(dialog.new_password_repeat, NEW_PASSWORD)
    enter(qtbot, dialog.new_password_repeat)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor is not None and dialog.actor.username == "wang"
    services.log.add(dialog.actor, LogCategory.PATROL, "新密码登录后巡查")  # the sign-in is usable
    assert not services.accounts.sign_in("wang", NEW_PASSWORD).must_change_password
    with pytest.raises(AuthenticationError):
        services.accounts.authenticate("wang", temporary)


def test_the_temporary_password_cannot_be_kept_and_quitting_signs_out(qtbot, services, supervisor, clerk):
    temporary = _reset(services, supervisor, clerk)
    dialog = shown(qtbot, SignInDialog(services, username="wang"))
    dialog.password.setText(temporary)
    dialog.sign_in()
    pending = dialog._pending
    assert pending is not None
    dialog.new_password.setText(temporary)
    dialog.new_password_repeat.setText(temporary)
    dialog.sign_in()
    assert dialog.message.text() == "The new password must be different from the current one."
    assert dialog.actor is None
    dialog.quit_button.click()
    assert dialog.result() == QDialog.DialogCode.Rejected
    with pytest.raises(PermissionDenied):  # that sign-in ended unused
        services.log.add(pending, LogCategory.PATROL, "不该保存")


def test_after_a_handover_a_reset_incoming_clerk_signs_in_with_a_new_password(
    qtbot, db_url, clock, services, supervisor, clerk, monkeypatch
):
    temporary = _reset(services, supervisor, clerk)
    incoming = services.accounts.authenticate("wang", temporary)  # as the handover's signing returns it
    startup = Startup(db_url, clock=clock, log_tab_factory=plain_tab, open_services=lambda url: services)
    startup.services = services
    asked: list[str] = []

    def exec_(dialog: SignInDialog) -> int:
        asked.append(dialog.username.text())
        dialog.password.setText(temporary)
        dialog.sign_in()
        dialog.new_password.setText(NEW_PASSWORD)
        dialog.new_password_repeat.setText(NEW_PASSWORD)
        dialog.sign_in()
        return dialog.result()

    monkeypatch.setattr(SignInDialog, "exec", exec_)
    startup._on_handed_over(incoming)
    assert asked == ["wang"]  # asked, with the name filled in
    window = startup.window
    assert window is not None and window.actor.username == "wang"
    qtbot.addWidget(window)
    services.log.add(window.actor, LogCategory.PATROL, "接班")
    with pytest.raises(PermissionDenied):
        services.log.add(incoming, LogCategory.PATROL, "旧的")


# -- Enter in 确认密码 --------------------------------------------------------------------------
def test_enter_moves_down_the_new_account_form_and_creates_it(qtbot, services, supervisor):
    dialog = shown(qtbot, AccountsDialog(services, supervisor))
    dialog.username.setFocus()
    qtbot.keyClicks(dialog.username, "lina")
    enter(qtbot, dialog.username)
    assert focused() is dialog.display_name
    dialog.display_name.setText("李娜")
    enter(qtbot, dialog.display_name)
    assert focused() is dialog.password
    qtbot.keyClicks(dialog.password, NEW_PASSWORD)
    enter(qtbot, dialog.password)
    assert focused() is dialog.password_repeat
    qtbot.keyClicks(dialog.password_repeat, NEW_PASSWORD)
    enter(qtbot, dialog.password_repeat)
    assert dialog.message.text() == "Account lina created."
    assert dialog.isVisible()  # Enter did not press Close either
    assert services.accounts.authenticate("lina", NEW_PASSWORD).role is Role.CLERK


def test_enter_in_the_setup_dialogs_repeat_password_sets_up_the_desk(qtbot, services):
    dialog = shown(qtbot, SetupDialog(services))
    dialog.desk_name.setText("XX花园客户服务中心前台")
    dialog.username.setText("zhang")
    dialog.display_name.setText("张敏")
    dialog.password.setFocus()
    qtbot.keyClicks(dialog.password, SUPERVISOR_PASSWORD)
    enter(qtbot, dialog.password)  # moves on, does not submit with the repeat empty
    assert focused() is dialog.password_repeat
    assert dialog.message.isHidden() and not services.desk.is_set_up()
    qtbot.keyClicks(dialog.password_repeat, SUPERVISOR_PASSWORD)
    enter(qtbot, dialog.password_repeat)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert services.desk.is_set_up() and dialog.actor is not None


# -- the account table ---------------------------------------------------------------------------
def test_account_columns_fit_their_text_and_the_last_takes_the_rest(qtbot, services, supervisor):
    services.accounts.create(supervisor, "ouyang.xiaoming", "欧阳晓明", NEW_PASSWORD, Role.CLERK)
    services.accounts.create(supervisor, "zhou", "周建国", NEW_PASSWORD, Role.MANAGER)
    dialog = shown(qtbot, AccountsDialog(services, supervisor))
    table = dialog.table
    metrics = table.fontMetrics()
    for column in (dialog.USERNAME, dialog.NAME, dialog.ROLE, dialog.ACTIVE):
        header = table.horizontalHeaderItem(column).text()
        texts = [table.item(row, column).text() for row in range(table.rowCount())] + [header]
        needed = max(metrics.horizontalAdvance(t) for t in texts)
        assert table.columnWidth(column) >= needed + metrics.horizontalAdvance("M"), (column, texts)
    # The name/role columns are not the ones taking the width: the last column stretches.
    widths = [table.columnWidth(c) for c in range(table.columnCount())]
    assert widths[dialog.PASSWORD] == max(widths)
    assert sum(widths) == table.viewport().width()
