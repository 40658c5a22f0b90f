"""When something goes wrong: the log file, the crash dialog, the error message box.

``install_exception_hook`` routes every uncaught exception (the UI thread's through
``sys.excepthook``, which PySide calls for exceptions in slots, and worker threads'
through ``threading.excepthook``) to a rotating log file and to a dialog whose text can
be copied. Nothing here assumes a console: a windowed build has no stderr.
"""

from __future__ import annotations

import logging
import logging.handlers
import platform
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app import __version__
from desk_app.domain.errors import DeskError
from desk_app.ui.i18n import APP_TITLE, translate_error

log = logging.getLogger("desk_app")

LOG_FILENAME = "dutydesk.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 5


def setup_logging(directory: Path) -> Path:
    """Log the ``desk_app`` loggers to a rotating UTF-8 file in ``directory``."""
    path = directory / LOG_FILENAME
    for handler in list(log.handlers):
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            log.removeHandler(handler)
            handler.close()
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return path


def show_error(parent: QWidget | None, exc: DeskError, title: str | None = None) -> None:
    """A rule said no: tell the person in their language (blocking; patched in tests)."""
    QMessageBox.critical(parent, title or APP_TITLE, translate_error(exc))


def describe(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    """The text a person copies into a message to whoever looks after the desk PC."""
    trace = "".join(traceback.format_exception(exc_type, exc, tb))
    return (
        f"DutyDesk {__version__}\n"
        f"Python {platform.python_version()}, {platform.platform()}\n"
        f"Thread: {threading.current_thread().name}\n\n{trace}"
    )


class CrashDialog(QDialog):
    """An unexpected error: what happened, where the log is, the details to copy."""

    def __init__(self, details: str, log_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("DutyDesk: unexpected error"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        intro = QLabel(
            self.tr(
                "Something went wrong inside DutyDesk. What you saved before is safe. "
                "If it happens again, copy the details below and send them to whoever looks "
                "after this computer."
            )
        )
        intro.setWordWrap(True)
        where = QLabel(self.tr("The details are also in the log file: {path}").format(path=log_path or "-"))
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy details"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(where)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(720, 420)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())


class CrashReporter(QObject):
    """Logs an uncaught exception and shows it, always on the UI thread."""

    _report = Signal(str)

    def __init__(self, log_path: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_path = log_path
        self.showing = False
        self.reports: list[str] = []
        # Queued when emitted from a worker thread: the dialog opens on the UI thread.
        self._report.connect(self.show_dialog, Qt.ConnectionType.QueuedConnection)

    def handle(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        details = describe(exc_type, exc, tb)
        log.error("uncaught exception\n%s", details)
        self.reports.append(details)
        app = QApplication.instance()
        if app is None:
            return
        if QThread.currentThread() is app.thread():
            self.show_dialog(details)
        else:
            self._report.emit(details)

    def handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def show_dialog(self, details: str) -> None:
        if self.showing:  # an error inside the error dialog: logged, not stacked
            return
        self.showing = True
        try:
            CrashDialog(details, self.log_path, QApplication.activeWindow()).exec()
        finally:
            self.showing = False


_reporter: CrashReporter | None = None


def install_exception_hook(log_path: Path | None) -> CrashReporter:
    """Route uncaught exceptions of every thread to ``CrashReporter``."""
    global _reporter
    _reporter = CrashReporter(log_path, QApplication.instance())
    sys.excepthook = _reporter.handle
    threading.excepthook = _reporter.handle_thread
    return _reporter
