"""Step 2: every item kept at the post is counted; a difference or damage is explained."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QIntValidator
from PySide6.QtWidgets import QComboBox, QHeaderView, QLineEdit, QVBoxLayout

from desk_app.domain.handover import Condition, ItemCount, Step
from desk_app.domain.text_rules import REASON_MAX
from desk_app.services.handover import EXPECTED_MAX
from desk_app.ui.handover_tab.common import plain_table, read_only_item
from desk_app.ui.handover_tab.page_base import StepPage
from desk_app.ui.widgets_common import ERROR_COLOR

if TYPE_CHECKING:
    from desk_app.ui.handover_tab.wizard import HandoverWizard


class CountPage(StepPage):
    step = Step.COUNT
    NAME, UNIT, EXPECTED, COUNTED, CONDITION, DIFFERENCE, EXPLANATION = range(7)

    def __init__(self, desk: HandoverWizard) -> None:
        super().__init__(desk)
        self.setTitle(self.tr("2. Item count"))
        self.setSubTitle(
            self.tr(
                "The incoming clerk counts every item and notes its condition. The outgoing "
                "clerk explains every difference and every damaged item."
            )
        )
        self.table = plain_table(
            [
                self.tr("Item"),
                self.tr("Unit"),
                self.tr("Expected"),
                self.tr("Counted"),
                self.tr("Condition"),
                self.tr("Difference"),
                self.tr("Explanation by the outgoing clerk"),
            ],
            stretch=self.EXPLANATION,
        )
        self.table.setSelectionMode(self.table.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        for column, width in ((self.COUNTED, 80), (self.CONDITION, 100)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.table.setColumnWidth(column, width)
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.counted: list[QLineEdit] = []
        self.condition: list[QComboBox] = []
        self.explanation: list[QLineEdit] = []

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.reason)
        self.load()

    def load(self) -> None:
        counts = self.draft.counts
        self.table.clearContents()
        self.table.setRowCount(len(counts))
        self.counted, self.condition, self.explanation = [], [], []
        for row, item in enumerate(counts):
            self.table.setItem(row, self.NAME, read_only_item(item.name))
            self.table.setItem(row, self.UNIT, read_only_item(item.unit))
            self.table.setItem(row, self.EXPECTED, read_only_item(str(item.expected)))
            counted = QLineEdit("" if item.counted is None else str(item.counted))
            counted.setValidator(QIntValidator(0, EXPECTED_MAX, counted))
            counted.setPlaceholderText(self.tr("count"))
            condition = QComboBox()
            condition.addItem(self.tr("Good"), Condition.GOOD.value)
            condition.addItem(self.tr("Damaged"), Condition.DAMAGED.value)
            condition.setCurrentIndex(condition.findData(item.condition.value))
            explanation = QLineEdit(item.explanation)
            explanation.setMaxLength(REASON_MAX + 50)
            counted.textEdited.connect(lambda text, r=row: self._counted(r, text))
            condition.currentIndexChanged.connect(lambda _i, r=row: self._condition(r))
            explanation.textChanged.connect(lambda text, r=row: self._explained(r, text))
            self.table.setCellWidget(row, self.COUNTED, counted)
            self.table.setCellWidget(row, self.CONDITION, condition)
            self.table.setCellWidget(row, self.EXPLANATION, explanation)
            self.counted.append(counted)
            self.condition.append(condition)
            self.explanation.append(explanation)
            self._show_difference(row)
        self.refresh_reason()

    def _counted(self, row: int, text: str) -> None:
        text = text.strip()
        self.draft.counts[row].counted = int(text) if text.isdigit() else None
        self._show_difference(row)
        self.edited()

    def _condition(self, row: int) -> None:
        self.draft.counts[row].condition = Condition(self.condition[row].currentData())
        self._show_difference(row)
        self.edited()

    def _explained(self, row: int, text: str) -> None:
        self.draft.counts[row].explanation = text
        self.edited()

    def _show_difference(self, row: int) -> None:
        item: ItemCount = self.draft.counts[row]
        difference = item.difference
        text = "" if difference is None else (f"{difference:+d}" if difference else "0")
        cell = read_only_item(text)
        if item.needs_explanation:
            cell.setForeground(QColor(ERROR_COLOR))
        self.table.setItem(row, self.DIFFERENCE, cell)
        self.explanation[row].setPlaceholderText(
            self.tr("needed: why the count differs or the item is damaged") if item.needs_explanation else ""
        )
