"""A tab whose feature is not in this version yet: says so, and what to use meanwhile.

No sample data and no buttons that do nothing: a clerk must never mistake it for a
working screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

TEXT_WIDTH = 560


class PlaceholderPage(QWidget):
    def __init__(self, title: str, explanation: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(title)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.explanation = QLabel(explanation)
        self.explanation.setWordWrap(True)
        for label in (self.title, self.explanation):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # A column of fixed width, centred: a wrapped label needs a width to compute its height.
        column = QWidget()
        column.setFixedWidth(TEXT_WIDTH)
        column_layout = QVBoxLayout(column)
        column_layout.addWidget(self.title)
        column_layout.addSpacing(12)
        column_layout.addWidget(self.explanation)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
