"""A walk through the whole program, offscreen, with a screenshot of every screen.

    uv run python scripts/screenshot_tour.py                    # both languages, /tmp/dutydesk-tour
    uv run python scripts/screenshot_tour.py /tmp/shots --lang zh_CN

A demo desk (three days of log, tickets, this month's roster published and next month's
drafted) in a temporary folder, with a memory credential store, its own HOME and settings,
and the services' clock fixed at 15:45 on Tuesday 2026-12-01 (the 早班 ends at 16:00). The
real start-up and window at 1600×1000, driven as the desk's people would: the clerk on duty
signs in with the demo password, writes an entry, registers a request, opens every dialog of
the log, ticket and handover tabs, walks the handover wizard step by step and signs it over
to the next clerk; then the supervisor signs in and opens the admin, roster and review
dialogs. Every dialog is shown, photographed and cancelled (message boxes, input and file
dialogs included), so the walk writes nothing but the entry, the request and the handover.

The pictures go to ``<folder>/<language>/NN-name.png``. Every screen is checked
(``scripts/tour_checks.py``): no text clipped, and in Chinese no English word but the names
of things. The findings are printed at the end, one a line; tests/ui/test_tour.py runs the
same walk and fails on any.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QStandardPaths  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
    QWizard,
)
from shiboken6 import Shiboken  # noqa: E402

from desk_app import secrets  # noqa: E402
from desk_app.domain.categories import LogCategory  # noqa: E402
from desk_app.domain.clock import FixedClock  # noqa: E402
from desk_app.domain.handover import Disposition  # noqa: E402
from desk_app.domain.roster import RequestKind  # noqa: E402
from desk_app.domain.tickets import TicketKind, TicketStatus  # noqa: E402
from desk_app.services.container import Services  # noqa: E402
from desk_app.services.demo import CLERKS, DEMO_PASSWORD, MANAGER, SUPERVISOR, generate  # noqa: E402
from desk_app.services.demo_roster import generate_roster  # noqa: E402
from desk_app.services.demo_tickets import generate_tickets  # noqa: E402
from desk_app.ui import i18n  # noqa: E402
from desk_app.ui.app import Startup  # noqa: E402
from desk_app.ui.main_window import MainWindow  # noqa: E402
from scripts.tour_checks import Finding, clipped_texts, english_words  # noqa: E402

NOW = datetime(2026, 12, 1, 15, 45, tzinfo=ZoneInfo("Asia/Shanghai"))  # a Tuesday, 15 minutes before 16:00
WINDOW_SIZE = (1600, 1000)
DEFAULT_FOLDER = Path(tempfile.gettempdir()) / "dutydesk-tour"
LANGUAGES = (i18n.CHINESE, i18n.ENGLISH)
PATIENCE_MS = 60_000


# -- the demo desk ---------------------------------------------------------------------------------
def build_demo(folder: Path, clock: FixedClock) -> Path:
    """A demo desk in ``folder``: its database file, closed (copy it for each walk)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "demo.sqlite"
    services = Services.open(f"sqlite:///{path.as_posix()}", clock=clock)
    try:
        generate(services, 3, entries_per_day=12, seed=7)
        generate_tickets(services, 3, per_day=8, seed=7)
        generate_roster(services, seed=7)
    finally:
        services.close()
    return path


def user_data(services: Services) -> set[str]:
    """What people typed, which the English check leaves alone: account names and the desk."""
    data = {services.desk.info().name}
    for account in services.accounts.staff():
        data.update({account.username, account.display_name})
    data.update(name for name, _ in (*CLERKS, SUPERVISOR, MANAGER))
    return data


# -- screens --------------------------------------------------------------------------------------
@dataclass
class Shot:
    name: str
    path: Path
    findings: list[Finding]


@dataclass
class Walk:
    """One language's walk: where its pictures go and what its checks found."""

    folder: Path
    language: str
    user_data: set[str] = field(default_factory=set)
    shots: list[Shot] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)  # the names the next dialogs are given
    answers: dict[type, Callable[[Any], int]] = field(default_factory=dict)

    @property
    def findings(self) -> list[Finding]:
        return [f for shot in self.shots for f in shot.findings]

    def settle(self) -> None:
        from desk_app.ui.tasks import live_runners

        for _ in range(3):
            QCoreApplication.processEvents()
            for runner in live_runners():
                if Shiboken.isValid(runner):
                    runner.wait_idle(PATIENCE_MS)
        QCoreApplication.processEvents()

    def capture(self, widget: QWidget, name: str) -> Shot:
        """Photograph ``widget`` (shown if it is not) and check what it shows."""
        if not widget.isVisible():
            widget.show()
        QCoreApplication.processEvents()
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        path = self.folder / f"{len(self.shots) + 1:02d}-{slug}.png"
        widget.grab().save(str(path))
        screen = f"{self.language}/{path.stem}"
        findings = clipped_texts(widget, screen)
        if self.language != i18n.ENGLISH:
            findings += english_words(widget, screen, user_data=self.user_data)
        shot = Shot(name, path, findings)
        self.shots.append(shot)
        return shot

    def expect(self, *names: str) -> None:
        """The names of the dialogs the next action opens (a name not used is not kept)."""
        self.pending = list(names)

    def next_name(self, fallback: str) -> str:
        return self.pending.pop(0) if self.pending else fallback

    # -- every dialog opened is photographed and cancelled ------------------------------------
    def _exec(self, dialog: QDialog) -> int:
        self.settle()
        self.capture(dialog, self.next_name(type(dialog).__name__))
        answer = self.answers.pop(type(dialog), None)
        if answer is not None:
            return answer(dialog)
        dialog.reject()
        return int(QDialog.DialogCode.Rejected)

    def _box(self, icon: QMessageBox.Icon, default: QMessageBox.StandardButton) -> Callable[..., Any]:
        def show(parent: QWidget | None, title: str, text: str, buttons: Any = None, *_args: Any) -> Any:
            box = QMessageBox(icon, title, text, buttons or QMessageBox.StandardButton.Ok, parent)
            self.capture(box, self.next_name(f"message-{title}"))
            box.close()
            box.deleteLater()
            return default

        return show

    def _about(self, parent: QWidget | None, title: str, text: str) -> None:
        self._box(QMessageBox.Icon.Information, QMessageBox.StandardButton.Ok)(parent, title, text)

    def _input(self, parent: QWidget | None, title: str, label: str, *args: Any, **_kwargs: Any) -> tuple[Any, bool]:
        dialog = QInputDialog(parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        if args and isinstance(args[0], QLineEdit.EchoMode):
            dialog.setTextEchoMode(args[0])
        self.capture(dialog, self.next_name("input"))
        dialog.close()
        dialog.deleteLater()
        return "", False

    def _int(self, parent: QWidget | None, title: str, label: str, *args: Any, **_kwargs: Any) -> tuple[int, bool]:
        dialog = QInputDialog(parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setInputMode(QInputDialog.InputMode.IntInput)
        self.capture(dialog, self.next_name("input-number"))
        dialog.close()
        dialog.deleteLater()
        return 0, False

    def _file(self, folders: bool) -> Callable[..., Any]:
        def show(parent: QWidget | None, caption: str = "", directory: str = "", filter: str = "", *_a: Any) -> Any:
            dialog = QFileDialog(parent, caption, directory, filter)
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
            if folders:
                dialog.setFileMode(QFileDialog.FileMode.Directory)
            else:
                dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            self.capture(dialog, self.next_name("file-dialog"))
            dialog.close()
            dialog.deleteLater()
            return "" if folders else ("", "")

        return show

    @contextmanager
    def dialogs_photographed(self) -> Iterator[None]:
        """QDialog.exec, the message boxes, input and file dialogs: shown, photographed, cancelled."""
        box = QMessageBox.StandardButton
        patches: list[tuple[Any, str, Any]] = [
            (QDialog, "exec", lambda dialog, *_args: self._exec(dialog)),
            (QMessageBox, "exec", lambda dialog, *_args: self._exec(dialog)),
            (QMessageBox, "information", self._box(QMessageBox.Icon.Information, box.Ok)),
            (QMessageBox, "warning", self._box(QMessageBox.Icon.Warning, box.Ok)),
            (QMessageBox, "critical", self._box(QMessageBox.Icon.Critical, box.Ok)),
            (QMessageBox, "question", self._box(QMessageBox.Icon.Question, box.No)),
            (QMessageBox, "about", self._about),
            (QInputDialog, "getText", self._input),
            (QInputDialog, "getMultiLineText", self._input),
            (QInputDialog, "getInt", self._int),
            (QFileDialog, "getSaveFileName", self._file(False)),
            (QFileDialog, "getOpenFileName", self._file(False)),
            (QFileDialog, "getExistingDirectory", self._file(True)),
        ]
        saved = [(owner, name, owner.__dict__.get(name)) for owner, name, _ in patches]
        for owner, name, replacement in patches:
            setattr(owner, name, replacement)
        try:
            yield
        finally:
            for owner, name, original in saved:
                if original is None:
                    delattr(owner, name)
                else:
                    setattr(owner, name, original)

    def open_windows(self, name: str, before: set[int]) -> None:
        """Photograph and close the windows opened (non-modally) since ``before``."""
        self.settle()
        for widget in QApplication.topLevelWidgets():
            if id(widget) not in before and widget.isVisible() and isinstance(widget, QDialog):
                self.capture(widget, name)
                widget.reject()
        self.settle()


def top_levels() -> set[int]:
    return {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}


# -- the walk --------------------------------------------------------------------------------------
def sign_in_as(username: str) -> Callable[[Any], int]:
    def answer(dialog: Any) -> int:
        dialog.username.setText(username)
        dialog.password.setText(DEMO_PASSWORD)
        dialog.sign_in()
        return int(dialog.result())

    return answer


def window_of(startup: Startup) -> MainWindow:
    window = startup.window
    assert window is not None, "nobody is signed in"
    window.resize(*WINDOW_SIZE)
    return window


def tabs(walk: Walk, window: MainWindow, who: str) -> None:
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        walk.settle()
        walk.capture(window, f"{who}-tab-{index + 1}")


def clerk_log_and_tickets(walk: Walk, window: MainWindow, services: Services) -> None:
    log_tab = window.log_tab
    window.tabs.setCurrentWidget(log_tab)
    bar = log_tab.entry_bar
    bar.set_category(LogCategory.PATROL)
    bar.situation.setText("巡查地下车库，负二层照明正常")
    bar.handling.setText("已处理")
    bar.save()
    walk.settle()
    log_tab.jump_to_row(0)
    walk.expect("log-correction")
    log_tab.correct_selected()
    from desk_app.ui.log_tab.print_dialog import PrintLogDialog

    walk.expect("log-print", "log-print-preview")
    walk.answers[PrintLogDialog] = lambda dialog: (dialog._finish(PrintLogDialog.PRINT), int(dialog.result()))[1]
    log_tab.choose_print()
    walk.settle()

    ticket_tab = window.ticket_tab
    window.tabs.setCurrentWidget(ticket_tab)
    walk.expect("ticket-register")
    ticket_tab.register()
    walk.expect("ticket-registers-and-reports")
    ticket_tab.choose_paper()
    open_work = ticket_tab.status.currentData()
    for kind in TicketKind:  # one ticket of each kind: open if there is one, else closed
        ticket_tab.kind.setCurrentIndex(ticket_tab.kind.findData(kind.value))
        for status in (open_work, TicketStatus.CLOSED.value):
            ticket_tab.status.setCurrentIndex(ticket_tab.status.findData(status))
            ticket_tab.refresh()
            if ticket_tab.model.rowCount():
                break
        else:
            continue
        ticket = ticket_tab.model.row_of(0)
        dialog = ticket_tab.open_detail(ticket.id)
        walk.settle()
        walk.capture(dialog, f"ticket-detail-{ticket.kind.value}")
        for key, button in dialog.buttons.items():
            if button.isVisible() and key not in {"slip", "print_report", "reopen"}:
                walk.expect(f"ticket-{ticket.kind.value}-{key}")
                button.click()
                walk.settle()
        dialog.reject()
        walk.settle()
    ticket_tab.kind.setCurrentIndex(0)
    ticket_tab.status.setCurrentIndex(ticket_tab.status.findData(open_work))
    ticket_tab.refresh()


def clerk_handover(walk: Walk, window: MainWindow, services: Services, incoming: str) -> None:
    tab = window.handover_tab
    window.tabs.setCurrentWidget(tab)
    walk.settle()
    walk.expect("handover-item-list")
    tab.open_items()
    follow_ups = tab.follow_ups
    if follow_ups.count():
        follow_ups.setCurrentRow(0)
        walk.expect("handover-close-follow-up")
        tab.close_selected_follow_up()
    # An incident being handled keeps the handover from starting: every one is listed.
    services.log.add(window.actor, LogCategory.INCIDENT, "3栋电梯困人，已通知维保", follow_up=True)
    before = top_levels()
    tab.open_wizard()
    walk.open_windows("handover-incidents", before)
    if tab.incidents_dialog is not None:
        tab.incidents_dialog.close()
    boss = services.accounts.authenticate(SUPERVISOR[0], DEMO_PASSWORD)
    for entry_id, _situation, _incident in services.handover.open_follow_ups():
        services.handover.close_follow_up(boss, entry_id, "已处理完毕")  # the demo desk in its normal state
    tab.refresh()
    walk.settle()
    wizard = tab.open_wizard()
    if wizard is None:
        walk.capture(window, "handover-refused")
        return
    wizard.resize(1100, 760)
    walk.settle()
    draft = wizard.draft
    steps = ["records", "count", "work", "area", "sign"]
    for number, step in enumerate(steps, start=1):
        walk.capture(wizard, f"handover-step-{number}-{step}")
        if step == "records":
            draft.records_acknowledged = True
        elif step == "count":
            for count in draft.counts:
                count.counted = count.expected
        elif step == "work":
            important = [i for i, work in enumerate(draft.open_work) if work.important]
            if important:
                walk.expect("handover-override")
                wizard.request_override(important[0])
            for index in important:  # the supervisor lets them pass, as at a real desk
                wizard.override(index, SUPERVISOR[0], DEMO_PASSWORD, "主管同意移交，接班后继续跟进")
            draft = wizard.draft
            for work in draft.open_work:
                work.disposition, work.note = Disposition.HANDED_OVER, "接班后继续跟进"
        wizard.draft_edited()
        for page in wizard.step_pages:
            page.load()
        if step != "sign":
            wizard.next()
            walk.settle()
    wizard.identify_incoming(incoming, DEMO_PASSWORD)
    sign = wizard.sign_page  # both clerks type their passwords and press "Sign and finish"
    sign.outgoing_password.setText(DEMO_PASSWORD)
    sign.incoming_username.setText(incoming)
    sign.incoming_password.setText(DEMO_PASSWORD)
    walk.capture(wizard, "handover-step-5-sign-typed")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    walk.settle()
    if wizard.signed_view is None:
        raise RuntimeError(f"the handover was not signed: {sign.reason.text() if hasattr(sign, 'reason') else ''}")


def incoming_records(walk: Walk, window: MainWindow) -> None:
    tab = window.handover_tab
    window.tabs.setCurrentWidget(tab)
    walk.settle()
    walk.capture(window, "incoming-handover-tab")
    if tab.selected_handover() is None and tab.table.rowCount():
        tab.table.selectRow(0)
    walk.expect("handover-details")
    tab.show_details()
    walk.expect("handover-print-preview")
    if tab.print_selected(tab.PRINT) is not None:
        walk.settle()
    walk.expect("handover-save-pdf")
    if tab.print_selected(tab.SAVE_PDF) is not None:
        walk.settle()


def ask_for_leave(walk: Walk, window: MainWindow) -> None:
    """The incoming clerk asks for a day off through the roster tab (the supervisor decides later)."""
    from desk_app.ui.roster_tab.requests_panel import RequestDialog

    def submit(dialog: Any) -> int:
        dialog.reason.setText("家中有事")
        dialog.submit()
        return int(dialog.result())

    window.tabs.setCurrentWidget(window.roster_tab)
    walk.settle()
    walk.expect("clerk-request-leave")
    walk.answers[RequestDialog] = submit
    window.roster_tab.requests.ask(RequestKind.LEAVE)
    walk.settle()


def supervisor_dialogs(walk: Walk, window: MainWindow) -> None:
    for name, action in (
        ("admin-accounts", window.open_accounts),
        ("admin-ticket-rules", window.open_ticket_rules),
        ("admin-backups", window.open_backups),
        ("admin-mail", window.open_mail),
        ("admin-holidays", window.holidays_action.trigger),
        ("file-change-password", window.change_password),
        ("file-check-page", window.open_page_check),
        ("help-about", window.show_about),
    ):
        walk.expect(name)
        action()
        walk.settle()
    before = top_levels()
    window.show_notices()
    walk.open_windows("notices", before)
    other = next(code for code in LANGUAGES if code != walk.language)
    walk.expect("view-language")
    window.choose_language(other)
    i18n.set_language(walk.language)  # the walk goes on in its own language
    handover = window.handover_tab
    window.tabs.setCurrentWidget(handover)
    walk.settle()
    walk.expect("handover-item-list-supervisor")
    handover.open_items()
    if handover.table.rowCount():
        handover.table.selectRow(0)
        walk.expect("handover-check")
        handover.show_details()
    walk.expect("log-sign-day")
    window.tabs.setCurrentWidget(window.log_tab)
    window.log_tab.sign_day()

    roster = window.roster_tab
    window.tabs.setCurrentWidget(roster)
    walk.settle()
    walk.expect("roster-rules")
    roster.edit_rules()
    walk.expect("roster-changes")
    roster.show_changes()
    before = top_levels()
    roster.show_person(0)
    walk.open_windows("roster-person-calendar", before)
    panel = roster.requests
    if panel.table.rowCount():
        panel.table.selectRow(0)
        walk.expect("roster-request-approve")
        panel.decide(True)
    for kind in RequestKind:
        walk.expect(f"roster-request-{kind.value}")
        panel.ask(kind)
    roster.month.setDate(roster.month.date().addMonths(1))
    walk.settle()
    walk.capture(window, "roster-next-month-draft")
    walk.expect("roster-publish-note")
    roster.publish()
    walk.settle()

    window.lock()
    walk.settle()
    walk.capture(window, "locked")
    walk.capture(window.lock_page, "lock-page")
    window.lock_page.password.setText(DEMO_PASSWORD)
    window.lock_page.unlock()
    walk.settle()


def first_start(walk: Walk, folder: Path, clock: FixedClock) -> None:
    """The first-start setup dialog, on a database of its own."""
    from desk_app.ui.setup_dialog import SetupDialog

    services = Services.open(f"sqlite:///{(folder / 'empty.sqlite').as_posix()}", clock=clock)
    try:
        walk.expect("first-start-setup")
        SetupDialog(services).exec()
    finally:
        services.close()


def walk_language(folder: Path, language: str, demo: Path) -> Walk:
    """The whole walk in ``language`` on a copy of the demo database."""
    from desk_app.services.backup import BackupPlan
    from desk_app.ui.errors import CrashDialog

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    pictures = folder / language
    shutil.rmtree(pictures, ignore_errors=True)
    pictures.mkdir(parents=True)
    work = Path(tempfile.mkdtemp(prefix=f"tour-{language}-"))
    database = work / "desk.sqlite"
    shutil.copyfile(demo, database)
    clock = FixedClock(NOW)
    walk = Walk(pictures, language)
    i18n.set_language(language)
    i18n.install_translators(app, language)
    clerk, incoming = CLERKS[0][0], CLERKS[1][0]
    startup = Startup(f"sqlite:///{database.as_posix()}", clock=clock, backups=BackupPlan(work / "backups", clock))
    try:
        with walk.dialogs_photographed():
            first_start(walk, work, clock)
            walk.expect("sign-in")
            walk.answers[type_of_signin()] = sign_in_as(clerk)
            if not startup.start():
                raise RuntimeError(f"the desk did not start: {startup.error}")
            services = startup.services
            assert services is not None
            walk.user_data = user_data(services)
            window = window_of(startup)
            walk.settle()
            tabs(walk, window, "clerk")
            clerk_log_and_tickets(walk, window, services)
            walk.expect("crash-dialog")
            trace = "Traceback (most recent call last):\n  ...\nRuntimeError: example"
            CrashDialog(trace, work / "desk.log", window).exec()
            clerk_handover(walk, window, services, incoming)
            window = window_of(startup)
            if window.actor.username != incoming:
                raise RuntimeError(f"after the handover {window.actor.username} is signed in, not {incoming}")
            incoming_records(walk, window)
            ask_for_leave(walk, window)
            walk.expect("sign-in-supervisor")
            walk.answers[type_of_signin()] = sign_in_as(SUPERVISOR[0])
            window.sign_out()
            walk.settle()
            window = window_of(startup)
            tabs(walk, window, "supervisor")
            supervisor_dialogs(walk, window)
            window.close()
            walk.settle()
    finally:
        startup.shutdown()
        walk.settle()
        shutil.rmtree(work, ignore_errors=True)
    return walk


def type_of_signin() -> type:
    from desk_app.ui.signin_dialog import SignInDialog

    return SignInDialog


def run_tour(folder: Path, languages: tuple[str, ...] = LANGUAGES) -> list[Walk]:
    """Every language's walk into ``folder/<language>``; the caller keeps settings and the
    credential store apart from the real user's (``isolated``, or the tests' fixtures)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    from desk_app.ui.app import install_fonts

    previous_locale, previous_font = QLocale(), app.font()
    install_fonts(app)  # as the program does: without it Chinese is drawn as empty boxes
    walks = []
    with tempfile.TemporaryDirectory(prefix="dutydesk-tour-demo-") as tmp:
        demo = build_demo(Path(tmp), FixedClock(NOW))
        try:
            for language in languages:
                walks.append(walk_language(folder, language, demo))
        finally:
            i18n.remove_translators(app)
            QLocale.setDefault(previous_locale)
            app.setFont(previous_font)
    return walks


@contextmanager
def isolated(folder: Path) -> Iterator[None]:
    """Settings, per-user folders, HOME and the credential store of the walk's own."""
    home = folder / "home"
    home.mkdir(parents=True, exist_ok=True)
    os.environ["HOME"] = str(home)
    os.environ["XDG_CONFIG_HOME"] = str(home / ".config")
    os.environ["XDG_DATA_HOME"] = str(home / ".local" / "share")
    QStandardPaths.setTestModeEnabled(True)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / "settings"))
    with secrets.memory_keyring():
        yield


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER, help="where the pictures go")
    parser.add_argument("--lang", choices=LANGUAGES, action="append", help="only this language (repeatable)")
    args = parser.parse_args(argv)
    from desk_app.ui.app import create_application

    app = create_application()
    app.setOrganizationName("DutyDeskTour")
    app.setApplicationName("DutyDeskTour")
    folder: Path = args.folder.resolve()
    with tempfile.TemporaryDirectory(prefix="dutydesk-tour-home-") as home, isolated(Path(home)):
        walks = run_tour(folder, tuple(args.lang or LANGUAGES))
    for walk in walks:
        print(f"{walk.language}: {len(walk.shots)} screens in {walk.folder}")
        seen: set[tuple[str, str, str]] = set()
        for finding in walk.findings:  # each once, on the first screen that shows it
            if (key := (finding.kind, finding.path, finding.text)) not in seen:
                seen.add(key)
                print(f"  {finding.describe()}")
    return 1 if any(walk.findings for walk in walks) else 0


if __name__ == "__main__":
    sys.exit(main())
