"""Starting the window: the application, its language and fonts, the database, setup,
sign-in and the main window; sign-out comes back to sign-in.

``Startup`` holds the sequence in small steps a test can drive one by one (the dialogs'
``exec`` patched); ``run_gui`` adds what belongs to a real process: the QApplication,
the log file and the exception hook, the event loop.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog

from desk_app import __version__
from desk_app.domain.clock import Clock, SystemClock
from desk_app.domain.errors import DeskError
from desk_app.domain.roles import Actor
from desk_app.local_settings import backup_folder
from desk_app.paths import APP_NAME, ORG_NAME, default_db_url, font_path, log_dir, resource
from desk_app.services.backup import BackupFile, BackupPlan, restore
from desk_app.services.container import Services
from desk_app.single_instance import SingleInstance
from desk_app.storage.database import displayed_url, finish_interrupted_restore, sqlite_path
from desk_app.storage.fileops import private_files, restore_umask
from desk_app.storage.sqlite_files import database_error
from desk_app.ui import i18n
from desk_app.ui.backup_scheduler import BackupScheduler
from desk_app.ui.display_check import QtFailureGuard, display_problem
from desk_app.ui.errors import install_exception_hook, setup_logging
from desk_app.ui.main_window import MainWindow, TabFactory
from desk_app.ui.setup_dialog import SetupDialog
from desk_app.ui.signin_dialog import SignInDialog
from desk_app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAILED = 1

OpenServices = Callable[[str], Services]
# ask_restore(the error or None for a missing file, the backup) -> restore it?
AskRestore = Callable[[DeskError | None, BackupFile], bool]


class Startup(QObject):
    """Database, setup, sign-in, main window; and back to sign-in after signing out.

    ``start()`` returns whether the event loop should run; when it does not,
    ``exit_code`` says why (a database that cannot be opened is ``EXIT_FAILED``, a
    person choosing Quit is ``EXIT_OK``).
    """

    finished = Signal(int)  # the program should end with this exit code

    def __init__(
        self,
        url: str,
        *,
        open_services: OpenServices | None = None,
        clock: Clock | None = None,
        log_tab_factory: TabFactory | None = None,
        backups: BackupPlan | None = None,
        ask_restore: AskRestore | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.url = url
        # Where backups are made and looked for (None: no automatic backups, no restore offer).
        self.backups = backups
        # The background work before a window exists (the backup check, the daily backup).
        self.task_runner = TaskRunner(self)
        self._ask_restore = ask_restore or self._ask_restore_dialog
        self.scheduler: BackupScheduler | None = None
        backup_dir = backups.folder if backups is not None else None
        self._open_services = open_services or (lambda u: Services.open(u, clock=clock, backup_dir=backup_dir))
        self._log_tab_factory = log_tab_factory
        self.services: Services | None = None
        self.window: MainWindow | None = None
        self.error: DeskError | None = None
        self.exit_code = EXIT_OK
        self.done = False
        self._last_username = ""

    # -- the steps ---------------------------------------------------------------------
    def start(self) -> bool:
        if not self.open_database():
            return False
        if not self.ensure_set_up():
            return self._finish(EXIT_OK)
        actor = self.sign_in()
        if actor is None:
            return self._finish(EXIT_OK)
        self.show_main_window(actor)
        return True

    def open_database(self, retry: bool = True) -> bool:
        path = sqlite_path(self.url)
        try:
            if path is not None:
                # A restore stopped half-way (a crash, a power cut) is finished first.
                finish_interrupted_restore(path)
            if path is not None and not path.exists() and retry and self._recover(None, path):
                return self.open_database(retry=False)
            try:
                self.services = self._open_services(self.url)
            except OSError as exc:  # a folder that cannot be created, a file without permission
                raise database_error(exc, exc.filename or displayed_url(self.url)) from exc
        except DeskError as exc:
            self.error = exc
            log.error("cannot open the database %s: %s", displayed_url(self.url), exc.english())
            if retry and path is not None and self._recover(exc, path):
                self.error = None
                return self.open_database(retry=False)
            self.report_error(exc)
            self._finish(EXIT_FAILED)
            return False
        if self.backups is not None and path is not None:
            self.scheduler = BackupScheduler(self.backups, path, self)
            self.scheduler.start()
        return True

    def _recover(self, exc: DeskError | None, path: Path) -> bool:
        """Offer the newest backup that passes every check; restoring keeps the damaged or
        unreadable file aside (renamed, never overwritten). ``exc`` None: the file is missing."""
        if self.backups is None or not self.backups.backups():
            return False
        best = self._newest_good_backup()
        if best is None or not self._ask_restore(exc, best):
            return False
        try:
            # Forced: the person chose this backup in the question, knowing the current
            # file (which cannot be opened) is kept aside.
            aside = restore(best.path, path, self.backups.clock, force=True)
        except (DeskError, OSError) as failure:
            log.error("restoring %s failed: %s", best.path, failure)
            return False
        log.warning("restored %s from %s; the previous file is kept as %s", path, best.path, aside)
        return True

    def _newest_good_backup(self) -> BackupFile | None:
        """Check the backups off the UI thread (each check reads a whole database) while a
        busy dialog shows; the start-up waits in a local event loop."""
        plan = self.backups
        assert plan is not None
        progress = QProgressDialog(self.tr("Checking the backups…"), "", 0, 0)
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.ApplicationModal)
        progress.setMinimumDuration(500)
        loop = QEventLoop()
        found: list[BackupFile | None] = []

        def done(result: object) -> None:
            found.append(result if isinstance(result, BackupFile) else None)
            loop.quit()

        def failed(error: BaseException, trace: str) -> None:
            log.error("checking the backups failed: %s\n%s", error, trace)
            found.append(None)
            loop.quit()

        self.task_runner.submit(lambda _p: plan.newest_good(), self, done, failed)
        if not found:
            loop.exec()
        progress.close()
        return found[0] if found else None

    def _ask_restore_dialog(self, exc: DeskError | None, backup: BackupFile) -> bool:
        if exc is None:
            question = self.tr(
                "There is no database at {path}, but there is a backup of {time}.\n\n"
                "Restore the backup, or start with a new, empty desk?"
            ).format(path=sqlite_path(self.url), time=f"{backup.made:%Y-%m-%d %H:%M}")
        else:
            question = self.tr(
                "DutyDesk cannot open its database.\n\n{reason}\n\nThe newest good backup is of {time}. "
                "Restore it? The current file is kept aside, not overwritten."
            ).format(reason=i18n.translate_error(exc), time=f"{backup.made:%Y-%m-%d %H:%M}")
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Restore a backup"), question)
        restore_button = box.addButton(self.tr("Restore the backup"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(
            self.tr("Start a new desk") if exc is None else self.tr("Quit"), QMessageBox.ButtonRole.RejectRole
        )
        box.exec()
        return box.clickedButton() is restore_button

    def report_error(self, exc: DeskError) -> None:
        QMessageBox.critical(
            None,
            self.tr("DutyDesk cannot start"),
            self.tr("DutyDesk cannot open its database.\n\n{reason}\n\nNothing was changed.").format(
                reason=i18n.translate_error(exc)
            ),
        )

    def ensure_set_up(self) -> bool:
        services = self._require_services()
        if services.desk.is_set_up():
            return True
        dialog = SetupDialog(services)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:
            return False
        self._last_username = dialog.actor.username
        return True

    def sign_in(self) -> Actor | None:
        dialog = SignInDialog(self._require_services(), username=self._last_username)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.actor

    def show_main_window(self, actor: Actor) -> MainWindow:
        window = MainWindow(self._require_services(), actor, self._log_tab_factory)
        # Queued: the next sign-in dialog opens after the window's closeEvent has returned,
        # not in a nested event loop inside it.
        queued = Qt.ConnectionType.QueuedConnection
        window.signed_out.connect(self._on_signed_out, queued)
        window.handed_over.connect(self._on_handed_over, queued)
        window.closed.connect(self._on_closed, queued)
        self.window = window
        if self.scheduler is not None:
            self.scheduler.failed.connect(window.show_backup_failure)
        window.show()
        return window

    # -- after the window --------------------------------------------------------------
    def _drop_window(self) -> None:
        """The previous person's window goes, and their records leave memory with it."""
        if self.window is not None:
            self.window.deleteLater()
            self.window = None

    def _on_signed_out(self) -> None:
        if self.window is not None:
            self._last_username = ""  # a shared PC: the next person types their own name
        self._drop_window()
        actor = self.sign_in()
        if actor is None:
            self._finish(EXIT_OK)
            return
        self.show_main_window(actor)

    def _on_handed_over(self, incoming: Actor) -> None:
        """The handover is signed: the incoming clerk's window, without asking again —
        unless their password was reset since: then they sign in and choose a new one."""
        self._drop_window()
        accounts = self._require_services().accounts
        if accounts.must_change_password(incoming):
            accounts.sign_out(incoming)
            self._last_username = incoming.username
            actor = self.sign_in()
            if actor is None:
                self._finish(EXIT_OK)
                return
            incoming = actor
        self.show_main_window(incoming)

    def _on_closed(self) -> None:
        self._drop_window()
        self._finish(EXIT_OK)

    def _finish(self, code: int) -> bool:
        self.exit_code = code
        self.done = True
        self.finished.emit(code)
        return False

    def bring_to_front(self) -> None:
        """A second start of the program: show this one instead."""
        target = self.window or QApplication.activeModalWidget()
        if target is not None:
            target.showNormal()
            target.raise_()
            target.activateWindow()

    def shutdown(self) -> None:
        self.task_runner.shutdown()
        if self.services is not None:
            self.services.close()
            self.services = None

    def _require_services(self) -> Services:
        if self.services is None:
            raise RuntimeError("the database is not open")
        return self.services


def install_fonts(app: QApplication) -> list[str]:
    """Register the shipped CJK font; make it the fallback when the system has none.

    Windows in Chinese has its own CJK fonts, which look native; a machine without any
    would otherwise show empty boxes for every Chinese character.
    """
    font_id = QFontDatabase.addApplicationFont(str(font_path()))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.warning("the bundled font %s could not be loaded", font_path())
        return []
    system_cjk = [f for f in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese) if f not in families]
    if not system_cjk:
        font = app.font()
        fallback = [f for f in families if "Mono" not in f] or families
        font.setFamilies([font.family(), *fallback])
        app.setFont(font)
    return list(families)


def create_application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resource("icons", "dutydesk.png"))))
    # Windows come and go (sign-out closes the main window before sign-in shows):
    # Startup decides when the program ends.
    app.setQuitOnLastWindowClosed(False)
    return app


def run_gui(db_url: str | None) -> int:
    """The window program. Returns the process exit code."""
    previous_umask = private_files()  # the database, its journals, backups, logs: owner only
    try:
        return _run_gui(db_url)
    finally:
        restore_umask(previous_umask)


def _run_gui(db_url: str | None) -> int:
    if QApplication.instance() is None:
        # A fresh Linux desktop may lack what Qt's X11 plugin needs: say what to install,
        # in one sentence, instead of Qt's abort.
        problem = display_problem()
        if problem is not None:
            print(problem, file=sys.stderr)
            return EXIT_FAILED
        with QtFailureGuard():
            app = create_application()
    else:
        app = create_application()
    log_path = setup_logging(log_dir())
    reporter = install_exception_hook(log_path)
    log.info("DutyDesk %s starting", __version__)
    i18n.install_translators(app)
    install_fonts(app)
    url = db_url or default_db_url()
    database = sqlite_path(url)
    instance = SingleInstance(database) if database is not None else None
    if instance is not None and not instance.claim():
        log.info("DutyDesk is already open on %s: brought it to the front", database)
        return EXIT_OK
    startup = Startup(url, backups=BackupPlan(backup_folder(), SystemClock()))
    if instance is not None:
        instance.activate_requested.connect(startup.bring_to_front)
    startup.finished.connect(app.exit)
    try:
        if not startup.start():
            return startup.exit_code
        return app.exec()
    except Exception as exc:  # a bug, not a rule: logged and shown, never a silent exit
        reporter.handle(type(exc), exc, exc.__traceback__)
        return EXIT_FAILED
    finally:
        startup.shutdown()
        if instance is not None:
            instance.release()
        log.info("DutyDesk stopped")
