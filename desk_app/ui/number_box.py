"""A spin box for a rule's number that may be "not set" (shown as a word such as 默认 or
不设, one step below the lowest value), and reading it back as an int or None."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QSpinBox


def number_box(low: int, high: int, value: int | None, unset_text: str | None = None, buttons: bool = True) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low - 1 if unset_text is not None else low, high)
    if unset_text is not None:
        box.setSpecialValueText(unset_text)
    box.setValue(value if value is not None else box.minimum())
    box.setAlignment(Qt.AlignmentFlag.AlignRight)
    if not buttons:
        box.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
    return box


def number_value(box: QSpinBox) -> int | None:
    if box.specialValueText() and box.value() == box.minimum():
        return None
    return int(box.value())
