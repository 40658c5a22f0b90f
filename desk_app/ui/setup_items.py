"""First start's list of the items kept at the desk (物品清点清单): a starting list of what
desks usually keep, to be edited (added to, removed from, changed) before the desk is set
up. The service checks every line (``DeskService.set_up``); this table only draws them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtWidgets import QLineEdit, QSpinBox, QTableWidget, QWidget

from desk_app.domain.errors import DeskError
from desk_app.domain.handover import EXPECTED_MAX, STARTING_ITEMS, UNIT_MAX, valid_item
from desk_app.domain.text_rules import FIELD_UNIT, NAME_MAX
from desk_app.ui.widgets_common import enter_moves_to_next_cell, form_table


def starting_items() -> list[tuple[str, str, int]]:
    """The starting list in the window's language."""
    return [
        (
            QCoreApplication.translate("StartingItem", name),
            QCoreApplication.translate("StartingItem", unit),
            expected,
        )
        for name, unit, expected in STARTING_ITEMS
    ]


class ItemTable(QTableWidget):
    """The items as rows of name, unit and expected quantity, each cell typed in place."""

    NAME, UNIT, EXPECTED = range(3)
    changed = Signal()  # a row added or removed, a name or unit typed: ``listed()`` may differ

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        headers = [self.tr("Item"), self.tr("Unit"), self.tr("Expected")]
        form_table(self, headers, stretch=self.NAME, widths={self.UNIT: 70, self.EXPECTED: 90})

    def set_items(self, items: list[tuple[str, str, int]]) -> None:
        self.setRowCount(0)
        for name, unit, expected in items:
            self.add_item(name, unit, expected)

    def add_item(self, name: str = "", unit: str = "", expected: int = 0) -> QLineEdit:
        """A new last row; its name field is returned (to be focused)."""
        row = self.rowCount()
        self.insertRow(row)
        name_edit = QLineEdit(name)
        name_edit.setFrame(False)
        name_edit.setMaxLength(NAME_MAX + 20)
        name_edit.setPlaceholderText(self.tr("item"))
        unit_edit = QLineEdit(unit)
        unit_edit.setFrame(False)
        unit_edit.setMaxLength(UNIT_MAX + 10)
        unit_edit.setPlaceholderText(self.tr("unit"))
        count = QSpinBox()
        count.setFrame(False)
        count.setRange(0, EXPECTED_MAX)
        count.setValue(expected)
        self.setCellWidget(row, self.NAME, name_edit)
        self.setCellWidget(row, self.UNIT, unit_edit)
        self.setCellWidget(row, self.EXPECTED, count)
        for widget in (name_edit, unit_edit, count):
            widget.installEventFilter(self)
        name_edit.textChanged.connect(self.changed)
        unit_edit.textChanged.connect(self.changed)
        self.changed.emit()
        return name_edit

    def remove_selected(self) -> None:
        """The selected row (the row being typed in is selected)."""
        row = self.currentRow()
        if row >= 0:
            self.removeRow(row)
            self.changed.emit()

    def listed(self) -> list[tuple[str, str, int]]:
        """Every row but the blank ones (a row added and left empty is no item)."""
        result = []
        for row in range(self.rowCount()):
            name, unit, expected = self._row(row)
            if name.strip() or unit.strip():
                result.append((name, unit, expected))
        return result

    def editors(self) -> list[QWidget]:
        """The cells' fields in reading order (for the dialog's Tab order)."""
        return [
            widget
            for row in range(self.rowCount())
            for column in (self.NAME, self.UNIT, self.EXPECTED)
            if (widget := self.cellWidget(row, column)) is not None
        ]

    def focus_first_invalid(self) -> bool:
        """Put the keyboard in the first row the service would refuse; False if none."""
        seen: set[str] = set()
        for row in range(self.rowCount()):
            name, unit, expected = self._row(row)
            if not (name.strip() or unit.strip()):
                continue
            try:
                clean, _unit, _expected = valid_item(name, unit, expected)
            except DeskError as exc:
                field = self.UNIT if exc.params.get("field") == FIELD_UNIT else self.NAME
                self._focus(row, field)
                return True
            if clean in seen:
                self._focus(row, self.NAME)
                return True
            seen.add(clean)
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if enter_moves_to_next_cell(watched, event, self.editors()):
            return True  # not the dialog's "Set up the desk" while the list is edited
        # The row being typed in is the selected row (so that "Remove item" removes it).
        if isinstance(watched, QWidget) and event.type() == QEvent.Type.FocusIn:
            row = self._row_of(watched)
            if row >= 0 and row != self.currentRow():
                self.setCurrentCell(row, self.NAME)
        return super().eventFilter(watched, event)

    def _focus(self, row: int, column: int) -> None:
        widget = self.cellWidget(row, column)
        if widget is not None:
            self.scrollTo(self.model().index(row, column))
            widget.setFocus()

    def _row(self, row: int) -> tuple[str, str, int]:
        name = self.cellWidget(row, self.NAME)
        unit = self.cellWidget(row, self.UNIT)
        count = self.cellWidget(row, self.EXPECTED)
        assert isinstance(name, QLineEdit) and isinstance(unit, QLineEdit) and isinstance(count, QSpinBox)
        return name.text(), unit.text(), count.value()

    def _row_of(self, widget: QWidget | None) -> int:
        for row in range(self.rowCount()):
            if widget is not None and widget in (self.cellWidget(row, c) for c in range(self.columnCount())):
                return row
        return -1
