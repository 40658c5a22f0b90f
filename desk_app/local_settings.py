"""Settings that belong to this computer, not to the desk (QSettings: the registry on
Windows): where backups go (a USB drive or a network share of this PC), the folder files
were last saved into. The desk's rules (shifts, clocks, item list, idle lock) live in the
database."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings

from desk_app.paths import data_dir

BACKUP_FOLDER_KEY = "backup/folder"
LAST_SAVE_FOLDER_KEY = "files/last_save_folder"


def _settings() -> QSettings:
    data_dir()  # names the application, also in the command line (which has no window)
    return QSettings()


def backup_folder() -> Path:
    value = _settings().value(BACKUP_FOLDER_KEY, "")
    return Path(str(value)) if value else data_dir() / "backups"


def set_backup_folder(folder: Path) -> None:
    _settings().setValue(BACKUP_FOLDER_KEY, str(folder))


def last_save_folder() -> Path | None:
    """The folder a PDF, a list or a calendar was last saved into on this computer."""
    value = _settings().value(LAST_SAVE_FOLDER_KEY, "")
    return Path(str(value)) if value else None


def set_last_save_folder(folder: Path) -> None:
    settings = _settings()
    settings.setValue(LAST_SAVE_FOLDER_KEY, str(folder))
    settings.sync()


MAIL_KEYS = ("mail/host", "mail/port", "mail/user", "mail/sender", "mail/tls")


@dataclass(frozen=True)
class MailServer:
    """Where reports are sent from (the password is in the system's password store)."""

    host: str = ""
    port: int = 465
    user: str = ""
    sender: str = ""
    tls: bool = True  # SMTP over TLS (465); False: STARTTLS (587)

    @property
    def configured(self) -> bool:
        return bool(self.host and self.user)


def mail_server() -> MailServer:
    settings = _settings()
    return MailServer(
        host=str(settings.value("mail/host", "")),
        port=int(str(settings.value("mail/port", 465)) or 465),
        user=str(settings.value("mail/user", "")),
        sender=str(settings.value("mail/sender", "")),
        tls=str(settings.value("mail/tls", "true")).lower() in ("true", "1"),
    )


def set_mail_server(server: MailServer) -> None:
    settings = _settings()
    for key, value in zip(MAIL_KEYS, (server.host, server.port, server.user, server.sender, server.tls), strict=True):
        settings.setValue(key, value)
    settings.sync()
