"""Settings that belong to this computer, not to the desk (QSettings: the registry on
Windows): where backups go (a USB drive or a network share of this PC). The desk's rules
(shifts, clocks, item list, idle lock) live in the database."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from desk_app.paths import data_dir

BACKUP_FOLDER_KEY = "backup/folder"


def _settings() -> QSettings:
    data_dir()  # names the application, also in the command line (which has no window)
    return QSettings()


def backup_folder() -> Path:
    value = _settings().value(BACKUP_FOLDER_KEY, "")
    return Path(str(value)) if value else data_dir() / "backups"


def set_backup_folder(folder: Path) -> None:
    _settings().setValue(BACKUP_FOLDER_KEY, str(folder))
