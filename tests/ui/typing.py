"""Typing as a Chinese user does: ASCII through key events, Chinese through the input
method (QTest cannot synthesise key events for non-ASCII characters)."""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(qtbot, widget: QWidget, text: str) -> None:
    run: list[str] = []

    def flush() -> None:
        if run:
            qtbot.keyClicks(widget, "".join(run))
            run.clear()

    for ch in text:
        if ch.isascii():
            run.append(ch)
            continue
        flush()
        event = QInputMethodEvent()
        event.setCommitString(ch)
        QApplication.sendEvent(widget, event)
    flush()
