"""Saving a file the program made: where the save dialog opens, and saying it was written.

Every save of the window goes through here (a PDF form, an Excel list, an ``.ics``
calendar, a backup made now, the backup folder chosen): the dialog opens in the folder
this computer last saved into, else in the user's Documents folder (never the program's
folder), and each written file is confirmed by a message that offers to open its folder.
The message is not modal to the program (``open()``): nothing waits on it.
"""

from __future__ import annotations

import enum
import shutil
from pathlib import Path
from typing import BinaryIO

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desk_app import local_settings
from desk_app.atomic_files import write_atomically
from desk_app.domain.errors import QT_TRANSLATE_NOOP

CONTEXT = "PrintPreview"  # the file dialogs' strings were the print preview's first


class FileKind(enum.Enum):
    """What is saved: the dialog's title, its filter and the suffix a name must have."""

    PDF = ".pdf"
    EXCEL = ".xlsx"
    CALENDAR = ".ics"

    @property
    def title(self) -> str:
        return QCoreApplication.translate(CONTEXT, _DIALOGS[self][0])

    @property
    def file_filter(self) -> str:
        return QCoreApplication.translate(CONTEXT, _DIALOGS[self][1])

    @property
    def suffix(self) -> str:
        return str(self.value)


# The save dialog's title and file filter of each kind (translated where shown).
_DIALOGS: dict[FileKind, tuple[str, str]] = {
    FileKind.PDF: (
        QT_TRANSLATE_NOOP("PrintPreview", "Save as PDF"),
        QT_TRANSLATE_NOOP("PrintPreview", "PDF files (*.pdf)"),
    ),
    FileKind.EXCEL: (
        QT_TRANSLATE_NOOP("PrintPreview", "Save as Excel workbook"),
        QT_TRANSLATE_NOOP("PrintPreview", "Excel workbooks (*.xlsx)"),
    ),
    FileKind.CALENDAR: (
        QT_TRANSLATE_NOOP("PrintPreview", "Save the calendar"),
        QT_TRANSLATE_NOOP("PrintPreview", "Calendar files (*.ics)"),
    ),
}


def documents_folder() -> Path:
    """The user's Documents folder (their home when there is none)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(location) if location else Path.home()
    return folder if folder.is_dir() else Path.home()


def start_folder() -> Path:
    """Where a save dialog opens: the last folder saved into on this computer, if it is
    still there, else Documents."""
    last = local_settings.last_save_folder()
    return last if last is not None and last.is_dir() else documents_folder()


def ask_save_path(parent: QWidget | None, kind: FileKind, suggested_name: str) -> Path | None:
    """Ask where to save; the chosen path (with the kind's suffix), None when cancelled.
    The folder is remembered for the next save."""
    start = str(start_folder() / suggested_name)
    name, _selected = QFileDialog.getSaveFileName(parent, kind.title, start, kind.file_filter)
    if not name:
        return None
    target = Path(name)
    if target.suffix.lower() != kind.suffix:
        target = target.with_name(target.name + kind.suffix)
        # The dialog asked about the name as typed; the file written is this one.
        if target.exists() and not _may_replace(parent, target):
            return None
    local_settings.set_last_save_folder(target.parent)
    return target


def _may_replace(parent: QWidget | None, target: Path) -> bool:
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("SaveFiles", "Replace the file?"),
        QCoreApplication.translate("SaveFiles", "{name} already exists in {folder}. Replace it?").format(
            name=target.name, folder=target.parent
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_folder(parent: QWidget | None, title: str, current: Path | None = None) -> Path | None:
    """Ask for a folder (the backup folder): opens at ``current`` if it exists, else where
    a save dialog would."""
    start = current if current is not None and current.is_dir() else start_folder()
    chosen = QFileDialog.getExistingDirectory(parent, title, str(start))
    return Path(chosen) if chosen else None


def save_copy(parent: QWidget | None, source: Path, kind: FileKind, suggested_name: str | None = None) -> Path | None:
    """Ask where, copy ``source`` there whole or not at all, and confirm it; the saved path,
    or None when cancelled or failed (the failure is shown)."""
    target = ask_save_path(parent, kind, suggested_name or Path(source).name)
    if target is None:
        return None
    try:
        copy_atomically(Path(source), target)
    except OSError as exc:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("PrintPreview", "Saving failed"),
            QCoreApplication.translate("PrintPreview", "The file could not be saved to {path}: {error}").format(
                path=str(target), error=exc.strerror or str(exc)
            ),
        )
        return None
    confirm_saved(parent, target)
    return target


def confirm_saved(parent: QWidget | None, path: Path) -> QMessageBox:
    """ "Saved 值班记录表.pdf in D:\\文档." with a button that opens the folder; shown without
    waiting (the caller goes on), closed by either button."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QCoreApplication.translate("SaveFiles", "File saved"))
    box.setText(
        QCoreApplication.translate("SaveFiles", "Saved {name} in {folder}.").format(
            name=path.name, folder=str(path.parent)
        )
    )
    open_button = box.addButton(
        QCoreApplication.translate("SaveFiles", "Open folder"), QMessageBox.ButtonRole.ActionRole
    )
    ok = box.addButton(QMessageBox.StandardButton.Ok)
    box.setDefaultButton(ok)
    box.setEscapeButton(ok)  # Esc and the title bar's close button close it too
    box.setObjectName("fileSaved")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    open_button.clicked.connect(lambda: open_folder(path.parent))
    box.open()
    return box


def open_folder(folder: Path) -> bool:
    """Show ``folder`` in the system's file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def copy_atomically(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target``, whole or not at all."""

    def copy(handle: BinaryIO) -> None:
        with open(source, "rb") as data:
            shutil.copyfileobj(data, handle)

    write_atomically(target, copy)
