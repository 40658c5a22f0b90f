"""The questions the roster tab asks in a dialog: a reason, the supervisor's password (the
tab takes functions of this shape, so the tests answer them)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

# ask_reason(title, label) -> the reason typed, or None when cancelled (tests answer it).
AskReason = Callable[[str, str], str | None]


def ask_reason(parent: QWidget) -> AskReason:
    def ask(title: str, label: str) -> str | None:
        text, ok = QInputDialog.getText(parent, title, label)
        return text if ok else None

    return ask


def ask_password(parent: QWidget) -> AskReason:
    def ask(title: str, label: str) -> str | None:
        text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
        return text if ok else None

    return ask
