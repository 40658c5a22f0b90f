"""The one module that knows where things are: user data, logs and bundled resources.

Works from a source checkout, from an installed wheel and from a PyInstaller bundle
(``sys._MEIPASS``). The per-user data folder comes from QStandardPaths (QtCore only).
"""

from __future__ import annotations

import sys
from pathlib import Path

APP_NAME = "DutyDesk"
ORG_NAME = "DutyDesk"
DB_FILENAME = "dutydesk.sqlite"


def resources_dir() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    package = Path(__file__).resolve().parent
    installed = package / "_resources"
    if installed.is_dir():
        return installed
    return package.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def font_path() -> Path:
    return resource("fonts", "wqy-microhei.ttc")


def translations_dir() -> Path:
    return resource("i18n")


def data_dir() -> Path:
    """Per-user data folder (QStandardPaths.AppDataLocation), created if missing."""
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    if not QCoreApplication.applicationName():
        QCoreApplication.setOrganizationName(ORG_NAME)
        QCoreApplication.setApplicationName(APP_NAME)
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    path = Path(location)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_url() -> str:
    return "sqlite:///" + (data_dir() / DB_FILENAME).as_posix()


def log_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path
