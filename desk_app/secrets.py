"""Secrets live in the operating system's credential store (Windows Credential Manager,
the macOS keychain, the Secret Service on Linux) through ``keyring`` — never in a settings
file or the database. Today: the mail server's password for sending reports; a database
server's password will join it."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import keyring
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError, PasswordDeleteError

from desk_app.domain.errors import QT_TRANSLATE_NOOP, DeskError

SERVICE = "DutyDesk"
MAIL = "mail:"  # + the mail account's user name


class SecretStoreError(DeskError):
    """The credential store refused or is missing."""


def _key(kind: str, account: str) -> str:
    if not account.strip():
        raise SecretStoreError(QT_TRANSLATE_NOOP("DeskError", "A password needs the account it belongs to."))
    return kind + account.strip()


def set_mail_password(account: str, password: str) -> None:
    try:
        if password:
            keyring.set_password(SERVICE, _key(MAIL, account), password)
        else:
            with contextlib.suppress(PasswordDeleteError):  # there was none
                keyring.delete_password(SERVICE, _key(MAIL, account))
    except KeyringError as exc:
        raise SecretStoreError(
            QT_TRANSLATE_NOOP("DeskError", "The system's password store refused: {reason}"), reason=str(exc)
        ) from exc


def mail_password(account: str) -> str | None:
    try:
        return keyring.get_password(SERVICE, _key(MAIL, account))
    except KeyringError as exc:
        raise SecretStoreError(
            QT_TRANSLATE_NOOP("DeskError", "The system's password store refused: {reason}"), reason=str(exc)
        ) from exc


class MemoryKeyring(KeyringBackend):
    """A credential store held in memory, for a run that must not touch this computer's
    own: the tests and the screenshot tour."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.passwords.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@contextlib.contextmanager
def memory_keyring() -> Iterator[MemoryKeyring]:
    """``keyring`` answers from a fresh ``MemoryKeyring`` inside the block."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)
