"""The application shell as people use it: first start, sign-in, accounts, the main
window and its menus, sign-out, and a database that cannot be opened."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QWidget
from shiboken6 import Shiboken

from desk_app.domain.errors import AuthenticationError, DatabaseOpenError, PermissionDenied
from desk_app.domain.roles import Role
from desk_app.domain.shifts import PRESETS
from desk_app.ui import errors as ui_errors
from desk_app.ui import i18n
from desk_app.ui.accounts_dialog import AccountsDialog
from desk_app.ui.app import EXIT_FAILED, EXIT_OK, Startup, install_fonts
from desk_app.ui.handover_tab import HandoverTab
from desk_app.ui.main_window import GEOMETRY_KEY, MainWindow
from desk_app.ui.roster_tab import RosterTab
from desk_app.ui.setup_dialog import SetupDialog, duration_between
from desk_app.ui.signin_dialog import SignInDialog
from desk_app.ui.ticket_tab import TicketTab
from tests.conftest import CLERK_PASSWORD, SUPERVISOR_PASSWORD
from tests.ui.typing import type_text

ROOT = Path(__file__).resolve().parents[2]
NEW_PASSWORD = "new-secret-99"


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


class Boxes:
    """QMessageBox's blocking static functions, recorded instead of shown."""

    def __init__(self, monkeypatch) -> None:
        self.calls: list[tuple[str, str, str]] = []
        for kind in ("critical", "information", "warning", "about"):
            monkeypatch.setattr(QMessageBox, kind, self._recorder(kind))

    def _recorder(self, kind: str):
        def record(parent, title, text, *args, **kwargs):
            self.calls.append((kind, title, text))
            return QMessageBox.StandardButton.Ok

        return staticmethod(record)


@pytest.fixture
def boxes(monkeypatch) -> Boxes:
    return Boxes(monkeypatch)


def plain_tab(services, actor, parent) -> QWidget:
    return QLabel("log tab stand-in", parent)


# -- first start -------------------------------------------------------------------------
def fill_setup(
    qtbot,
    dialog: SetupDialog,
    *,
    desk="XX花园客户服务中心前台",
    username="zhangmin",
    name="张敏",
    password=SUPERVISOR_PASSWORD,
    repeat=None,
) -> None:
    dialog.desk_name.clear()
    type_text(qtbot, dialog.desk_name, desk)
    dialog.username.clear()
    type_text(qtbot, dialog.username, username)
    dialog.display_name.clear()
    type_text(qtbot, dialog.display_name, name)
    dialog.password.setText(password)
    dialog.password_repeat.setText(password if repeat is None else repeat)


def test_setup_creates_the_desk_and_the_first_supervisor(qtbot, services):
    dialog = SetupDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.timezone.currentText() == "Asia/Shanghai"
    assert dialog.shift_table.shifts() == PRESETS["three_shifts_24h"]
    fill_setup(qtbot, dialog)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor is not None and dialog.actor.role is Role.SUPERVISOR
    assert services.desk.info().name == "XX花园客户服务中心前台"
    assert services.desk.info().timezone == "Asia/Shanghai"
    assert [(t.name, t.start_minute, t.duration_minutes) for t in services.desk.shift_templates()] == sorted(
        PRESETS["three_shifts_24h"], key=lambda s: s[1]
    )
    assert services.accounts.authenticate("zhangmin", SUPERVISOR_PASSWORD).display_name == "张敏"


def test_setup_with_an_edited_shift_pattern(qtbot, services):
    dialog = SetupDialog(services)
    qtbot.addWidget(dialog)
    dialog.preset.setCurrentIndex(dialog.preset.findData("day_evening"))
    table = dialog.shift_table
    assert table.shifts() == PRESETS["day_evening"]
    # The evening shift of desk 000 ends at 23:30; make it end at 00:30 instead, and rename it.
    name = table.cellWidget(1, table.NAME)
    name.clear()
    type_text(qtbot, name, "夜班")
    end = table.cellWidget(1, table.END)
    end.setTime(end.time().addSecs(3600))
    assert "next day" in table.cellWidget(1, table.LENGTH).text()
    fill_setup(qtbot, dialog, desk="翠湖花园前台")
    dialog.submit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    shifts = [(t.name, t.start_minute, t.duration_minutes) for t in services.desk.shift_templates()]
    assert shifts == [("白班", 8 * 60 + 30, 480), ("夜班", 16 * 60 + 30, 480)]


def test_shift_length_crosses_midnight_and_24_hours():
    assert duration_between(16 * 60, 0) == 480
    assert duration_between(20 * 60, 9 * 60) == 13 * 60
    assert duration_between(8 * 60, 8 * 60) == 24 * 60


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"username": "王丽"}, "A user name is 2 to 40 Latin letters"),
        ({"password": "short", "repeat": "short"}, "A password needs at least 8 characters."),
        ({"repeat": "something-else"}, "The two passwords are not the same."),
        ({"desk": "   "}, "Desk name must not be empty."),
        ({"name": ""}, "Name must not be empty."),
    ],
)
def test_invalid_setup_keeps_the_dialog_open_and_writes_nothing(qtbot, services, change, expected):
    dialog = SetupDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    fill_setup(qtbot, dialog, **change)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.actor is None
    assert dialog.message.isVisible()
    assert expected in dialog.message.text()  # no translator installed: the English source
    assert not services.desk.is_set_up()
    assert not services.accounts.has_accounts()


def test_setup_shift_errors_are_shown(qtbot, services):
    dialog = SetupDialog(services)
    qtbot.addWidget(dialog)
    fill_setup(qtbot, dialog)
    dialog.shift_table.cellWidget(0, dialog.shift_table.NAME).clear()
    dialog.submit()
    assert dialog.message.text() == "A shift needs a name."
    while dialog.shift_table.rowCount():
        dialog.shift_table.selectRow(0)
        dialog.shift_table.remove_selected()
    dialog.submit()
    assert dialog.message.text() == "The desk needs at least one shift."
    assert not services.desk.is_set_up()


# -- sign-in -------------------------------------------------------------------------------
@pytest.fixture
def signin(qtbot, services, supervisor) -> SignInDialog:
    dialog = SignInDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_sign_in_with_enter_returns_the_actor(qtbot, signin, supervisor):
    assert signin.desk_label.text() == "XX花园客户服务中心前台"
    qtbot.keyClicks(signin.username, "zhang")
    qtbot.keyClicks(signin.password, SUPERVISOR_PASSWORD)
    qtbot.keyClick(signin.password, Qt.Key.Key_Return)
    assert signin.result() == QDialog.DialogCode.Accepted
    assert signin.actor == supervisor


def test_wrong_password_shows_the_message_and_five_lock_the_account(qtbot, signin, clock):
    qtbot.keyClicks(signin.username, "zhang")
    for _ in range(4):
        qtbot.keyClicks(signin.password, "wrong-password")
        qtbot.keyClick(signin.password, Qt.Key.Key_Return)
        assert signin.isVisible() and signin.actor is None
        assert signin.message.text() == "Wrong user name or password."
        assert signin.password.text() == ""
        assert signin.password.hasFocus()
    qtbot.keyClicks(signin.password, "wrong-password")
    qtbot.keyClick(signin.password, Qt.Key.Key_Return)
    assert signin.message.text() == "Wrong user name or password."  # locked now, and not told so
    # The right password does not help while the account is locked ...
    clock.advance(timedelta(minutes=5))
    qtbot.keyClicks(signin.password, SUPERVISOR_PASSWORD)
    signin.sign_in()
    assert signin.message.text() == "Too many wrong passwords: this account is locked for 10 more minutes."
    assert signin.actor is None
    # ... and does once the lock has run out.
    clock.advance(timedelta(minutes=10))
    qtbot.keyClicks(signin.password, SUPERVISOR_PASSWORD)
    signin.sign_in()
    assert signin.actor is not None and signin.result() == QDialog.DialogCode.Accepted


# -- accounts --------------------------------------------------------------------------------
def test_a_clerk_cannot_open_accounts_and_the_service_refuses_anyway(qtbot, services, clerk):
    window = MainWindow(services, clerk, plain_tab)
    qtbot.addWidget(window)
    assert not window.accounts_action.isEnabled()
    with pytest.raises(PermissionDenied):
        services.accounts.list_accounts(clerk)
    with pytest.raises(PermissionDenied):
        services.accounts.create(clerk, "lina", "李娜", NEW_PASSWORD, Role.CLERK)
    # Even if the dialog were reached somehow, it shows the refusal and offers nothing.
    dialog = AccountsDialog(services, clerk)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0
    assert "This needs the role" in dialog.message.text()
    assert not dialog.create_button.isEnabled()


def test_supervisor_creates_disables_and_enables_an_account(qtbot, services, supervisor, clerk):
    window = MainWindow(services, supervisor, plain_tab)
    qtbot.addWidget(window)
    assert window.accounts_action.isEnabled()

    dialog = AccountsDialog(services, supervisor, window)
    qtbot.addWidget(dialog)
    assert [dialog.table.item(r, dialog.USERNAME).text() for r in range(dialog.table.rowCount())] == ["wang", "zhang"]
    # Manager is offered while the desk has none (the service allows the first one).
    assert [dialog.role.itemData(i) for i in range(dialog.role.count())] == ["clerk", "supervisor", "manager"]
    qtbot.keyClicks(dialog.username, "lina")
    type_text(qtbot, dialog.display_name, "李娜")
    dialog.password.setText(NEW_PASSWORD)
    dialog.password_repeat.setText(NEW_PASSWORD)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Account lina created."
    assert services.accounts.authenticate("lina", NEW_PASSWORD).role is Role.CLERK
    assert dialog.username.text() == "" and dialog.password.text() == ""

    # The same user name again (in other letter case) is refused inline.
    qtbot.keyClicks(dialog.username, "LiNa")
    type_text(qtbot, dialog.display_name, "李娜")
    dialog.password.setText(NEW_PASSWORD)
    dialog.password_repeat.setText(NEW_PASSWORD)
    dialog.create_account()
    assert dialog.message.text() == "The user name LiNa is taken."

    dialog.select_username("lina")
    assert dialog.disable_button.isEnabled() and not dialog.enable_button.isEnabled()
    qtbot.mouseClick(dialog.disable_button, Qt.MouseButton.LeftButton)
    row = [dialog.table.item(r, dialog.USERNAME).text() for r in range(dialog.table.rowCount())].index("lina")
    assert dialog.table.item(row, dialog.ACTIVE).text() == "no (disabled)"
    with pytest.raises(AuthenticationError, match="disabled"):
        services.accounts.authenticate("lina", NEW_PASSWORD)

    assert dialog.enable_button.isEnabled()
    qtbot.mouseClick(dialog.enable_button, Qt.MouseButton.LeftButton)
    assert services.accounts.authenticate("lina", NEW_PASSWORD).username == "lina"

    # A supervisor cannot disable themself: the button is off, and the service says no.
    dialog.select_username("zhang")
    assert not dialog.disable_button.isEnabled()


def test_supervisor_creates_the_first_manager_and_no_second(qtbot, services, supervisor):
    dialog = AccountsDialog(services, supervisor)
    qtbot.addWidget(dialog)

    def create(username: str) -> None:
        dialog.username.setText(username)
        type_text(qtbot, dialog.display_name, "周建国")
        dialog.role.setCurrentIndex(dialog.role.findData("manager"))
        dialog.password.setText(NEW_PASSWORD)
        dialog.password_repeat.setText(NEW_PASSWORD)
        dialog.create_account()

    create("zhou")
    assert dialog.message.text() == "Account zhou created."
    assert dialog.role.findData("manager") == -1  # not offered any more
    dialog.role.addItem("Manager", "manager")  # and refused by the service if forced
    create("zhou2")
    assert dialog.message.text() == "You cannot create an account with a higher role than yours."


def test_locked_account_shows_until_when_and_can_be_unlocked(qtbot, services, supervisor, clerk):
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            services.accounts.authenticate("wang", "wrong-password")
    dialog = AccountsDialog(services, supervisor)
    qtbot.addWidget(dialog)
    dialog.select_username("wang")
    row = dialog.table.currentRow()
    assert dialog.table.item(row, dialog.LOCKED).text() == "2026-11-24 10:15"
    dialog.enable_button.click()
    assert services.accounts.authenticate("wang", CLERK_PASSWORD).username == "wang"


def test_accounts_menu_opens_the_dialog(qtbot, services, supervisor, monkeypatch):
    opened: list[AccountsDialog] = []
    monkeypatch.setattr(AccountsDialog, "exec", lambda self: opened.append(self) or 0)
    window = MainWindow(services, supervisor, plain_tab)
    qtbot.addWidget(window)
    window.accounts_action.trigger()
    assert len(opened) == 1 and opened[0].table.rowCount() == 1


# -- main window -----------------------------------------------------------------------------
def test_main_window_has_four_tabs_and_shows_who_is_on_duty(qtbot, services, clerk):
    window = MainWindow(services, clerk, plain_tab)
    qtbot.addWidget(window)
    assert window.windowTitle() == "XX花园客户服务中心前台 — DutyDesk 值班台"
    assert window.tab_titles() == [
        tr("MainWindow", "Shift log"),
        tr("MainWindow", "Handover"),
        tr("MainWindow", "Tickets"),
        tr("MainWindow", "Roster"),
    ]
    assert window.tabs.widget(0) is window.log_tab
    assert isinstance(window.tabs.widget(1), HandoverTab) and window.tabs.widget(1) is window.handover_tab
    assert isinstance(window.tabs.widget(2), TicketTab) and window.tabs.widget(2) is window.ticket_tab
    assert isinstance(window.tabs.widget(3), RosterTab) and window.tabs.widget(3) is window.roster_tab
    assert window.person_label.text() == "Signed in: 王丽 (wang), Duty clerk"
    assert window.shift_label.text() == "Current shift: 早班 08:00–16:00, 2026-11-24"
    assert window.status_timer.isActive() and window.status_timer.interval() == 60_000


def test_status_bar_follows_the_clock(qtbot, services, clock, clerk):
    window = MainWindow(services, clerk, plain_tab)
    qtbot.addWidget(window)
    clock.advance(timedelta(hours=15))  # 01:00 the next day, inside 夜班 00:00-08:00
    window.status_timer.timeout.emit()
    assert window.shift_label.text() == "Current shift: 夜班 00:00–08:00, 2026-11-25"


def test_main_window_with_the_real_shift_log_tab(qtbot, services, clerk):
    from desk_app.ui.log_tab import LogTab

    window = MainWindow(services, clerk)
    qtbot.addWidget(window)
    assert isinstance(window.log_tab, LogTab)


def test_language_choice_is_stored_for_the_next_start(qtbot, services, clerk, boxes):
    window = MainWindow(services, clerk, plain_tab)
    qtbot.addWidget(window)
    assert i18n.language() == "zh_CN"
    assert window.language_actions["zh_CN"].isChecked()
    window.language_actions["en"].trigger()
    assert i18n.language() == "en"
    assert QSettings().value(i18n.LANGUAGE_KEY) == "en"
    assert boxes.calls and "started again" in boxes.calls[-1][2]


def test_about_names_the_version_and_the_files(qtbot, services, clerk, boxes, db_url):
    window = MainWindow(services, clerk, plain_tab)
    qtbot.addWidget(window)
    window.about_action.trigger()
    kind, _title, text = boxes.calls[-1]
    assert kind == "about" and "0.1.0" in text and "desk.sqlite" in text


def test_window_geometry_is_saved_on_close(qtbot, services, clerk):
    window = MainWindow(services, clerk, plain_tab)
    qtbot.addWidget(window)
    window.show()
    window.resize(700, 500)  # the offscreen screen is 800x600
    with qtbot.waitSignal(window.closed):
        window.close()
    assert QSettings().value(GEOMETRY_KEY) is not None
    again = MainWindow(services, clerk, plain_tab)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (700, 500)


# -- startup -----------------------------------------------------------------------------------
class Script:
    """Stands in for the people at the keyboard: fills each dialog when it opens."""

    def __init__(self, monkeypatch, qtbot) -> None:
        # One list of (user name, password) attempts per sign-in dialog; none left: Quit.
        self.sign_ins: list[list[tuple[str, str]]] = []
        self.setups: list[dict] = []
        self.shown: list[str] = []
        self.messages: list[str] = []
        script = self

        def setup_exec(dialog: SetupDialog) -> int:
            script.shown.append("setup")
            if not script.setups:
                return QDialog.DialogCode.Rejected
            fill_setup(qtbot, dialog, **script.setups.pop(0))
            dialog.submit()
            return dialog.result()

        def signin_exec(dialog: SignInDialog) -> int:
            script.shown.append("sign-in")
            attempts = script.sign_ins.pop(0) if script.sign_ins else []
            for username, password in attempts:
                dialog.username.setText(username)
                dialog.password.setText(password)
                dialog.sign_in()
                if dialog.result() == QDialog.DialogCode.Accepted:
                    return dialog.result()
                script.messages.append(dialog.message.text())
            return QDialog.DialogCode.Rejected

        monkeypatch.setattr(SetupDialog, "exec", setup_exec)
        monkeypatch.setattr(SignInDialog, "exec", signin_exec)


@pytest.fixture
def script(monkeypatch, qtbot) -> Script:
    return Script(monkeypatch, qtbot)


def test_first_start_sets_up_signs_in_and_signs_out(qtbot, db_url, clock, script):
    script.setups.append({"username": "zhang"})
    script.sign_ins.append([("zhang", SUPERVISOR_PASSWORD)])
    startup = Startup(db_url, clock=clock, log_tab_factory=plain_tab)
    try:
        assert startup.start()
        assert script.shown == ["setup", "sign-in"]
        first = startup.window
        assert first is not None and first.isVisible() and first.actor.username == "zhang"

        # Sign out: back to sign-in; the next person signs in to a new window.
        startup.services.accounts.create(first.actor, "wang", "王丽", CLERK_PASSWORD, Role.CLERK)
        script.sign_ins.append([("wang", CLERK_PASSWORD)])
        first.sign_out_action.trigger()
        qtbot.waitUntil(lambda: startup.window is not None and startup.window is not first)
        assert script.shown == ["setup", "sign-in", "sign-in"]
        assert startup.window is not None and startup.window is not first
        assert startup.window.actor.username == "wang"
        qtbot.waitUntil(lambda: not Shiboken.isValid(first))  # the previous person's window is gone

        # Sign out again and choose Quit at the sign-in: the program ends normally.
        with qtbot.waitSignal(startup.finished) as ended:
            startup.window.sign_out_action.trigger()
        assert ended.args == [EXIT_OK]
        assert startup.window is None
    finally:
        startup.shutdown()


def test_a_set_up_desk_goes_straight_to_sign_in(qtbot, services, supervisor, db_url, clock, script):
    script.sign_ins.append([("zhang", "wrong-password"), ("zhang", SUPERVISOR_PASSWORD)])
    startup = Startup(db_url, clock=clock, log_tab_factory=plain_tab)
    try:
        assert startup.start()
        assert script.shown == ["sign-in"]
        assert script.messages == ["Wrong user name or password."]
        assert startup.window is not None and startup.window.actor.username == "zhang"
        with qtbot.waitSignal(startup.finished) as ended:
            startup.window.quit_action.trigger()
        assert ended.args == [EXIT_OK]
    finally:
        startup.shutdown()


def test_quitting_the_setup_ends_without_writing(qtbot, db_url, clock, script):
    startup = Startup(db_url, clock=clock, log_tab_factory=plain_tab)
    try:
        assert not startup.start()
        assert script.shown == ["setup"] and startup.exit_code == EXIT_OK
        assert not startup.services.desk.is_set_up()
    finally:
        startup.shutdown()


def test_a_corrupt_database_is_reported_and_left_untouched(qtbot, tmp_path, boxes, script):
    path = tmp_path / "dutydesk.sqlite"
    garbage = bytes(range(256)) * 64
    path.write_bytes(garbage)
    startup = Startup(f"sqlite:///{path.as_posix()}")
    with qtbot.waitSignal(startup.finished) as ended:
        assert not startup.start()
    assert ended.args == [EXIT_FAILED] and startup.exit_code == EXIT_FAILED
    assert isinstance(startup.error, DatabaseOpenError)
    assert script.shown == []  # no setup, no sign-in
    ((kind, _title, text),) = boxes.calls
    assert kind == "critical" and str(path) in text and "Nothing was changed" in text
    assert path.read_bytes() == garbage
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dutydesk.sqlite"]  # no -wal, -shm, backup


def test_a_database_folder_that_cannot_be_made_is_reported(qtbot, tmp_path, boxes, script):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the database folder should be")
    startup = Startup(f"sqlite:///{(blocker / 'sub' / 'dutydesk.sqlite').as_posix()}")
    assert not startup.start()
    assert startup.exit_code == EXIT_FAILED and isinstance(startup.error, DatabaseOpenError)
    assert boxes.calls[0][0] == "critical" and "not-a-folder" in boxes.calls[0][2]


def test_run_gui_exits_non_zero_on_a_corrupt_database(tmp_path):
    """The real entry point in its own process: exit code, untouched file, the log file."""
    path = tmp_path / "dutydesk.sqlite"
    garbage = b"not a database at all\x00" * 100
    path.write_bytes(garbage)
    home = tmp_path / "home"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
    }
    code = textwrap.dedent(
        """
        import sys
        from PySide6.QtWidgets import QMessageBox
        shown = []
        QMessageBox.critical = staticmethod(lambda parent, title, text, *a: shown.append(text))
        from desk_app.ui.app import run_gui
        rc = run_gui(sys.argv[1])
        print("SHOWN:", len(shown))
        sys.exit(rc)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code, f"sqlite:///{path.as_posix()}"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == EXIT_FAILED, result.stderr
    assert "SHOWN: 1" in result.stdout
    assert path.read_bytes() == garbage
    logs = list(home.rglob("dutydesk.log"))
    assert len(logs) == 1 and "cannot open the database" in logs[0].read_text(encoding="utf-8")


def test_run_gui_refuses_a_server_database_without_showing_or_logging_its_password(tmp_path):
    home = tmp_path / "home"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
    }
    code = textwrap.dedent(
        """
        import sys
        from PySide6.QtWidgets import QMessageBox
        shown = []
        QMessageBox.critical = staticmethod(lambda parent, title, text, *a: shown.append(text))
        from desk_app.ui.app import run_gui
        rc = run_gui(sys.argv[1])
        print("SHOWN:", shown)
        sys.exit(rc)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "postgresql+psycopg://u:secret@h/d"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == EXIT_FAILED, result.stderr
    assert "postgresql+psycopg://…" in result.stdout and "SQLite" in result.stdout  # the one sentence, in the dialog
    assert "secret" not in result.stdout + result.stderr
    logs = list(home.rglob("dutydesk.log"))
    assert len(logs) == 1
    logged = logs[0].read_text(encoding="utf-8")
    assert "cannot open the database" in logged and "secret" not in logged


def test_about_never_shows_a_password(qtbot, services, clerk, boxes):
    url = services.db.url
    services.db.url = "postgresql+psycopg://u:secret@h/d"  # whatever URL a future backend opens
    try:
        window = MainWindow(services, clerk, plain_tab)
        qtbot.addWidget(window)
        window.about_action.trigger()
    finally:
        services.db.url = url
    _kind, _title, text = boxes.calls[-1]
    assert "postgresql+psycopg://…" in text and "secret" not in text


# -- when something goes wrong ------------------------------------------------------------------
def test_uncaught_exceptions_are_logged_and_shown_from_any_thread(qtbot, tmp_path, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(ui_errors.CrashDialog, "exec", lambda self: shown.append(self.details.toPlainText()) or 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    log_path = ui_errors.setup_logging(tmp_path)
    reporter = ui_errors.install_exception_hook(log_path)
    assert sys.excepthook == reporter.handle

    try:
        raise ValueError("boom in the UI thread")
    except ValueError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    assert len(shown) == 1 and "boom in the UI thread" in shown[0] and "DutyDesk 0.1.0" in shown[0]

    def worker() -> None:
        raise RuntimeError("boom in a worker")

    thread = threading.Thread(target=worker, name="worker-1")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: len(shown) == 2)
    assert "boom in a worker" in shown[1] and "worker-1" in shown[1]
    text = log_path.read_text(encoding="utf-8")
    assert "boom in the UI thread" in text and "boom in a worker" in text


def test_crash_dialog_copies_its_details(qtbot):
    dialog = ui_errors.CrashDialog("Traceback: details", Path("/tmp/dutydesk.log"))
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == "Traceback: details"


def test_bundled_cjk_font_is_registered(qapp):
    assert "WenQuanYi Micro Hei" in install_fonts(qapp)


# -- backups at start-up ------------------------------------------------------------------------
def _desk_with_backup(db_url, clock, tmp_path):
    from desk_app.domain.categories import LogCategory
    from desk_app.services.backup import BackupPlan
    from desk_app.services.container import Services

    services = Services.open(db_url, clock=clock)
    supervisor = services.desk.set_up(
        services.accounts,
        desk_name="XX花园客户服务中心前台",
        timezone="Asia/Shanghai",
        shifts=[("早班", 480, 480), ("中班", 960, 480), ("夜班", 0, 480)],
        supervisor_username="zhang",
        supervisor_name="张敏",
        supervisor_password=SUPERVISOR_PASSWORD,
    )
    services.log.add(supervisor, LogCategory.PATROL, "备份里的记录")
    services.close()
    plan = BackupPlan(tmp_path / "usb", clock)
    plan.daily(Path(db_url.removeprefix("sqlite:///")))
    return plan


def test_a_damaged_database_offers_the_newest_good_backup(qtbot, db_url, clock, tmp_path, script):
    plan = _desk_with_backup(db_url, clock, tmp_path)
    path = Path(db_url.removeprefix("sqlite:///"))
    garbage = b"this file was damaged by a power cut" * 200
    path.write_bytes(garbage)
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    asked = []
    script.sign_ins.append([("zhang", SUPERVISOR_PASSWORD)])
    startup = Startup(
        db_url, clock=clock, log_tab_factory=plain_tab, backups=plan, ask_restore=lambda e, b: asked.append(b) or True
    )
    try:
        assert startup.start()
        assert len(asked) == 1 and asked[0].kind in ("daily", "monthly")
        from desk_app.services.log import LogFilter

        assert startup.services.log.count(LogFilter()) == 1  # the backup's record is back
        kept = list(path.parent.glob("*.replaced-*"))
        assert [k.read_bytes() for k in kept if k.suffix == ".sqlite"] == [garbage]  # never overwritten
    finally:
        startup.shutdown()


def test_declining_the_backup_leaves_everything_as_it_was(qtbot, db_url, clock, tmp_path, boxes, script):
    plan = _desk_with_backup(db_url, clock, tmp_path)
    path = Path(db_url.removeprefix("sqlite:///"))
    path.write_bytes(b"damaged" * 500)
    startup = Startup(db_url, clock=clock, backups=plan, ask_restore=lambda e, b: False)
    assert not startup.start()
    assert startup.exit_code == EXIT_FAILED and path.read_bytes() == b"damaged" * 500
    assert not list(path.parent.glob("*.replaced-*"))


def test_a_missing_database_with_backups_asks_before_starting_a_new_desk(qtbot, db_url, clock, tmp_path, script):
    plan = _desk_with_backup(db_url, clock, tmp_path)
    path = Path(db_url.removeprefix("sqlite:///"))
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    reasons = []
    script.sign_ins.append([("zhang", SUPERVISOR_PASSWORD)])
    startup = Startup(
        db_url, clock=clock, log_tab_factory=plain_tab, backups=plan, ask_restore=lambda e, b: reasons.append(e) or True
    )
    try:
        assert startup.start()
        assert reasons == [None] and script.shown == ["sign-in"]  # restored: no new setup
    finally:
        startup.shutdown()


def test_the_daily_backup_runs_at_start_and_failures_reach_the_status_bar(qtbot, db_url, clock, tmp_path, script):
    from desk_app.services.backup import BackupPlan

    plan = _desk_with_backup(db_url, clock, tmp_path)
    for made in plan.folder.glob("*.sqlite"):
        made.unlink()
    script.sign_ins.append([("zhang", SUPERVISOR_PASSWORD)])
    startup = Startup(db_url, clock=clock, log_tab_factory=plain_tab, backups=plan)
    try:
        assert startup.start()
        qtbot.waitUntil(lambda: (plan.folder / f"dutydesk-daily-{clock.now():%Y-%m-%d}.sqlite").exists())
        blocker = tmp_path / "unplugged"
        blocker.write_text("a file where the USB drive's folder should be")
        qtbot.waitUntil(lambda: startup.scheduler.task is None)  # the first backup has reported
        startup.scheduler.plan = BackupPlan(blocker / "backups", clock)
        with qtbot.waitSignal(startup.scheduler.failed):
            assert startup.scheduler.run() is not None
        qtbot.waitUntil(lambda: "daily backup failed" in startup.window.statusBar().currentMessage())
    finally:
        startup.shutdown()
