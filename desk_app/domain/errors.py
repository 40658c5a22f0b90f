"""Errors the rules raise. Each carries an English message marked for translation.

The message text is the translation source (context ``DeskError``); the window shows
``QCoreApplication.translate("DeskError", err.message).format(**err.params)`` and the
command line prints the English text. This module imports no Qt: lupdate finds the
messages through the no-op marker below.
"""

from __future__ import annotations

from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    return text


# Between the things a message's list parameter names ("#1 电梯困人; #2 停电"); the window
# joins them with this separator's translation.
LIST_SEPARATOR = QT_TRANSLATE_NOOP("DeskError", "; ")


class Listed(tuple[str, ...]):
    """A message parameter that lists things: joined by ``LIST_SEPARATOR`` in English, and
    by its translation in the window (``ui.i18n.translate_error``)."""

    def joined(self, separator: str = LIST_SEPARATOR) -> str:
        return separator.join(self)

    def __format__(self, spec: str) -> str:
        return format(self.joined(), spec)


class DeskError(Exception):
    """A rule said no. Nothing was written."""

    def __init__(self, message: str, **params: Any) -> None:
        self.message = message
        self.params = params
        super().__init__(self.english())

    def english(self) -> str:
        return self.message.format(**self.params)


class ValidationError(DeskError):
    """Bad input from a person or a file."""


class PermissionDenied(DeskError):
    """The signed-in person's role does not allow this."""


class AuthenticationError(DeskError):
    """Wrong user name or password, or a locked or disabled account."""


class NotFound(DeskError):
    pass


class DatabaseOpenError(DeskError):
    """The database file cannot be used (corrupt, foreign, newer, locked)."""
