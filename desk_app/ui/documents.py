"""Making a document (a PDF form, an Excel list) off the UI thread, then printing it or
saving a copy: the one path every tab's "Print…", "Save as PDF…" and "Export…" takes.

The document is written into a private temporary folder by a background task (with a
progress dialog), handed to the print preview or to a save dialog on the UI thread, and the
folder is removed afterwards: duty records are confidential (002 4.2.4), no copy is left
behind.
"""

from __future__ import annotations

import enum
import shutil
import tempfile
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from desk_app import local_settings, mailer
from desk_app.domain.errors import DeskError
from desk_app.ui.i18n import translate_error
from desk_app.ui.tasks import ProgressFn, Task, TaskRunner

# render(target path, progress) writes the document at the path.
Render = Callable[[Path, ProgressFn], object]


class Output(enum.IntEnum):
    PRINT = 1  # the print preview, from which the clerk prints
    SAVE_PDF = 2
    SAVE_EXCEL = 3
    SAVE_CALENDAR = 4
    SEND_MAIL = 5  # rendered and sent by mail from the background, as an attachment


class DocumentRunner(QObject):
    """One document at a time for ``parent``; ``task`` is the one running (tests wait on it)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self.task: Task | None = None
        self._progress: QProgressDialog | None = None
        self._folder: Path | None = None
        self._output = Output.PRINT

    def start(self, render: Render, file_name: str, output: Output, mail_to: Sequence[str] = ()) -> Task:
        folder = Path(tempfile.mkdtemp(prefix="dutydesk-print-"))
        target = folder / file_name
        server = local_settings.mail_server() if output is Output.SEND_MAIL else None
        self._folder = folder
        self._progress = QProgressDialog(self.tr("Preparing the document…"), "", 0, 0, self._parent)
        self._progress.setCancelButton(None)
        self._progress.setWindowModality(Qt.WindowModality.WindowModal)
        self._progress.setMinimumDuration(300)

        def work(progress: ProgressFn) -> Path:
            render(target, progress)
            if server is not None:
                mailer.send(server, list(mail_to), target.stem, target.stem, [target])
            return target

        self._output = output
        self.task = TaskRunner.of(self._parent).submit(
            work, self, self._made, self._failed, self._show_progress, on_dropped=partial(_remove, folder)
        )
        return self.task

    def _show_progress(self, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress.setMaximum(total)
            self._progress.setValue(done)

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress = None

    def _made(self, path: Path) -> None:
        from desk_app.ui import print_preview

        output = self._output
        self._close_progress()
        try:
            if output is Output.PRINT:
                print_preview.print_pdf(self._parent, path)
            elif output is Output.SAVE_PDF:
                print_preview.save_pdf_copy(self._parent, path, suggested_name=path.name)
            elif output is Output.SEND_MAIL:
                QMessageBox.information(
                    self._parent, self.tr("Sent"), self.tr("{name} was sent by mail.").format(name=path.name)
                )
            elif output is Output.SAVE_EXCEL:
                print_preview.save_excel_copy(self._parent, path, suggested_name=path.name)
            else:
                print_preview.save_calendar_copy(self._parent, path, suggested_name=path.name)
        finally:
            shutil.rmtree(path.parent, ignore_errors=True)

    def _failed(self, exc: BaseException, _trace: str) -> None:
        self._close_progress()
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
        text = translate_error(exc) if isinstance(exc, DeskError) else str(exc)
        QMessageBox.warning(self._parent, self.tr("The document could not be made"), text)


def _remove(folder: Path) -> None:
    """A document made for a window that has closed: no copy is left behind."""
    shutil.rmtree(folder, ignore_errors=True)
