"""The desk's item list (物品清点清单) and the early-arrival setting, kept by a supervisor.

Every change is recorded by the service; the history is shown under the list.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.roles import Actor
from desk_app.domain.text_rules import NAME_MAX
from desk_app.services.container import Services
from desk_app.services.handover import EXPECTED_MAX, UNIT_MAX, ItemView
from desk_app.ui.handover_tab.common import plain_table, read_only_item, ymd_hm
from desk_app.ui.service_dialog import ServiceDialog
from desk_app.ui.widgets_common import NOTE_STYLE, WARNING_STYLE

FIELD_WIDTH = 320


class ItemsDialog(ServiceDialog):
    NAME, UNIT, EXPECTED = range(3)

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._items: list[ItemView] = []
        self.setWindowTitle(self.tr("Item list for the handover"))
        self.resize(780, 760)

        self.table = plain_table([self.tr("Item"), self.tr("Unit"), self.tr("Expected quantity")], stretch=0)
        self.name = QLineEdit()
        self.name.setMaxLength(NAME_MAX + 20)
        self.name.setPlaceholderText(self.tr("e.g. walkie-talkie"))
        self.unit = QLineEdit()
        self.unit.setMaxLength(UNIT_MAX + 10)
        self.unit.setPlaceholderText(self.tr("e.g. pcs"))
        self.expected = QSpinBox()
        self.expected.setRange(0, EXPECTED_MAX)
        self.add_button = QPushButton(self.tr("Add"))
        self.change_button = QPushButton(self.tr("Change selected"))
        self.retire_button = QPushButton(self.tr("Remove selected"))

        self.early = QSpinBox()
        self.early.setRange(0, 60)
        self.early.setSingleStep(5)
        self.early.setSuffix(self.tr(" min"))
        self.early_button = QPushButton(self.tr("Save"))
        early_note = QLabel(
            self.tr("How many minutes before the end of a shift the incoming clerk must arrive (5 or 15 are usual).")
        )
        early_note.setWordWrap(True)
        early_note.setStyleSheet(NOTE_STYLE)

        self.no_items_note = QLabel()
        self.no_items_note.setWordWrap(True)
        self.no_items_button = QPushButton(self.tr("Record that this desk keeps no items"))
        self.no_items_box = QGroupBox(self.tr("An empty list"))
        no_items_row = QHBoxLayout(self.no_items_box)
        no_items_row.addWidget(self.no_items_note, 1)
        no_items_row.addWidget(self.no_items_button)

        self.history = plain_table(
            [
                self.tr("When"),
                self.tr("Who"),
                self.tr("Change"),
                self.tr("Item"),
                self.tr("Unit"),
                self.tr("Expected"),
            ],
            stretch=3,
        )

        for field in (self.name, self.unit, self.expected):
            field.setMaximumWidth(FIELD_WIDTH)
        self.history.setMinimumHeight(180)
        form = QFormLayout()
        form.addRow(self.tr("Item"), self.name)
        form.addRow(self.tr("Unit"), self.unit)
        form.addRow(self.tr("Expected quantity"), self.expected)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.add_button)
        buttons_row.addWidget(self.change_button)
        buttons_row.addWidget(self.retire_button)
        buttons_row.addStretch(1)
        early_box = QGroupBox(self.tr("Early arrival of the incoming clerk"))
        early_row = QHBoxLayout(early_box)
        early_row.addWidget(self.early)
        early_row.addWidget(self.early_button)
        early_row.addWidget(early_note, 1)
        history_box = QGroupBox(self.tr("Changes to the list"))
        history_layout = QVBoxLayout(history_box)
        history_layout.addWidget(self.history)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons_row)
        layout.addWidget(self.message)
        layout.addWidget(self.no_items_box)
        layout.addWidget(early_box)
        layout.addWidget(history_box, 1)
        layout.addWidget(close)

        self.table.itemSelectionChanged.connect(self._selected)
        self.add_button.clicked.connect(self.add_item)
        self.change_button.clicked.connect(self.change_item)
        self.retire_button.clicked.connect(self.retire_item)
        self.early_button.clicked.connect(self.save_early_arrival)
        self.no_items_button.clicked.connect(self.record_keeps_no_items)
        self.early.setValue(services.handover.early_arrival_minutes())
        self.reload()

    def reload(self) -> None:
        self._items = self._services.handover.items()
        self.table.setRowCount(len(self._items))
        for row, item in enumerate(self._items):
            self.table.setItem(row, self.NAME, read_only_item(item.name))
            self.table.setItem(row, self.UNIT, read_only_item(item.unit))
            self.table.setItem(row, self.EXPECTED, read_only_item(str(item.expected)))
        history = self._services.handover.item_history()
        actions = {"added": self.tr("added"), "changed": self.tr("changed"), "retired": self.tr("removed")}
        self.history.setRowCount(len(history))
        for row, (when, who, action, name, unit, expected) in enumerate(history):
            for column, text in enumerate((ymd_hm(when), who, actions.get(action, action), name, unit, str(expected))):
                self.history.setItem(row, column, read_only_item(text))
        self._show_no_items()
        self._selected()

    def _show_no_items(self) -> None:
        """Whether the desk keeps no items: a supervisor says so once the list is empty."""
        record = self._services.handover.keeps_no_items() if not self._items else None
        self.no_items_box.setVisible(not self._items)
        self.no_items_button.setEnabled(record is None)
        if record is not None:
            self.no_items_note.setStyleSheet(NOTE_STYLE)
            self.no_items_note.setText(
                self.tr("{name} recorded at {time} that this desk keeps no items: handovers count nothing.").format(
                    name=record.by, time=ymd_hm(record.at)
                )
            )
        else:
            self.no_items_note.setStyleSheet(WARNING_STYLE)
            self.no_items_note.setText(
                self.tr(
                    "The list is empty: no handover can be signed until items are added here, or a "
                    "supervisor records that this desk keeps none."
                )
            )

    def selected_item(self) -> ItemView | None:
        row = self.table.currentRow()
        return self._items[row] if 0 <= row < len(self._items) and self.table.selectedItems() else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _selected(self) -> None:
        item = self.selected_item()
        self.change_button.setEnabled(item is not None)
        self.retire_button.setEnabled(item is not None)
        if item is not None:
            self.name.setText(item.name)
            self.unit.setText(item.unit)
            self.expected.setValue(item.expected)

    def _run(self, action: str, done: str) -> bool:
        def act() -> None:
            item = self.selected_item()
            if action == "add":
                self._services.handover.add_item(self._actor, self.name.text(), self.unit.text(), self.expected.value())
            elif item is not None and action == "change":
                self._services.handover.change_item(
                    self._actor, item.id, self.name.text(), self.unit.text(), self.expected.value()
                )
            elif item is not None and action == "retire":
                self._services.handover.retire_item(self._actor, item.id)

        if not self.attempt(act):
            return False
        self.show_message(done, NOTE_STYLE)
        self.reload()
        return True

    def add_item(self) -> bool:
        ok = self._run("add", self.tr("{name} added.").format(name=self.name.text().strip()))
        if ok:
            self.name.clear()
            self.unit.clear()
            self.expected.setValue(0)
        return ok

    def change_item(self) -> bool:
        return self._run("change", self.tr("{name} changed.").format(name=self.name.text().strip()))

    def retire_item(self) -> bool:
        item = self.selected_item()
        name = item.name if item is not None else ""
        return self._run("retire", self.tr("{name} removed from the list.").format(name=name))

    def record_keeps_no_items(self) -> bool:
        if not self.attempt(lambda: self._services.handover.record_keeps_no_items(self._actor)):
            return False
        self.show_message(self.tr("Recorded: this desk keeps no items to count."), NOTE_STYLE)
        self.reload()
        return True

    def save_early_arrival(self) -> bool:
        if not self.attempt(lambda: self._services.handover.set_early_arrival_minutes(self._actor, self.early.value())):
            return False
        self.show_message(
            self.tr("The incoming clerk now arrives {n} minutes early.").format(n=self.early.value()), NOTE_STYLE
        )
        return True
