"""Step 2: every item kept at the post is counted; a difference or damage is explained."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIntValidator
from PySide6.QtWidgets import QComboBox, QHeaderView, QLabel, QLineEdit, QVBoxLayout, QWidget, QWizard

from desk_app.domain.handover import Condition, ItemCount, Step
from desk_app.domain.text_rules import REASON_MAX
from desk_app.services.handover import EXPECTED_MAX
from desk_app.ui.handover_tab.common import plain_table, read_only_item
from desk_app.ui.handover_tab.page_base import StepPage
from desk_app.ui.widgets_common import ERROR_COLOR, NOTE_STYLE, WARNING_STYLE, chain_tab_order

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
        # Tab goes only through what is typed (count, condition, explanation) and then on to
        # the wizard's buttons: the name, unit and expected cells are read, not typed.
        self.table.setTabKeyNavigation(False)
        self.table.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        header = self.table.horizontalHeader()
        for column, width in ((self.COUNTED, 80), (self.CONDITION, 100)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.table.setColumnWidth(column, width)
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.counted: list[QLineEdit] = []
        self.condition: list[QComboBox] = []
        self.explanation: list[QLineEdit] = []

        self.empty_hint = QLabel()
        self.empty_hint.setObjectName("empty_hint")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_hint, 1)
        layout.addWidget(self.reason)
        self.load()

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        """The list as it is now, and the keyboard in the first count not typed yet."""
        self.desk.refresh_items()
        self._chain_tab_order()
        for edit in self.counted:
            if not edit.text():
                edit.setFocus()
                return
        if self.counted:
            self.counted[0].setFocus()

    def editors(self) -> list[QWidget]:
        """What Tab goes through, row by row."""
        return [w for row in zip(self.counted, self.condition, self.explanation, strict=True) for w in row]

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
        self._show_empty_hint()
        self._chain_tab_order()
        self.refresh_reason()

    def _chain_tab_order(self) -> None:
        """The typed cells, row by row, then the wizard's buttons (once the page is in it)."""
        if self.wizard() is None:
            return
        buttons = (
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.NextButton,
            QWizard.WizardButton.FinishButton,
            QWizard.WizardButton.CancelButton,
        )
        chain_tab_order([self.table, *self.editors(), *(self.desk.button(b) for b in buttons)])

    def _show_empty_hint(self) -> None:
        """An empty list says why there is nothing to count, and what to do."""
        empty = not self.draft.counts
        self.table.setVisible(not empty)
        self.empty_hint.setVisible(empty)
        if not empty:
            self.empty_hint.clear()
        elif self.draft.keeps_no_items:
            self.empty_hint.setStyleSheet(NOTE_STYLE)
            self.empty_hint.setText(
                self.tr("{name} recorded at {time} that this desk keeps no items: there is nothing to count.").format(
                    name=self.draft.no_items_by, time=self.draft.no_items_at
                )
            )
        else:
            self.empty_hint.setStyleSheet(WARNING_STYLE)
            self.empty_hint.setText(
                self.tr(
                    "This desk has no item list yet, so nothing can be counted and the handover cannot be "
                    "signed. A supervisor opens Item list… in the handover tab and adds the items kept at "
                    "the desk (keys, walkie-talkies, cash float …), or records there that this desk keeps "
                    "none. Then pause the handover and resume it: the items appear here."
                )
            )

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
