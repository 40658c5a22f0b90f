"""Step 3: every piece of open work is closed or handed over with a note."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from desk_app.domain.handover import Disposition, Step
from desk_app.domain.text_rules import REASON_MAX
from desk_app.ui.handover_tab.common import plain_table, read_only_item
from desk_app.ui.handover_tab.page_base import StepPage
from desk_app.ui.service_dialog import attempt
from desk_app.ui.widgets_common import message_label

if TYPE_CHECKING:
    from desk_app.ui.handover_tab.wizard import HandoverWizard


class WorkPage(StepPage):
    step = Step.OPEN_WORK
    WORK, DISPOSITION, NOTE, SUPERVISOR = range(4)

    def __init__(self, desk: HandoverWizard) -> None:
        super().__init__(desk)
        self.setTitle(self.tr("3. Open work"))
        self.setSubTitle(
            self.tr(
                "Each open item is either closed now or handed over with a note. Important "
                "work left unfinished stops the handover unless a supervisor allows it."
            )
        )
        self.table = plain_table(
            [self.tr("Work"), self.tr("Done?"), self.tr("Note"), self.tr("Supervisor")],
            stretch=self.WORK,  # the work's own words take the spare width, wrapped if long
        )
        self.table.setSelectionMode(self.table.SelectionMode.NoSelection)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.DISPOSITION, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(self.NOTE, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(self.DISPOSITION, 130)
        self.table.setColumnWidth(self.NOTE, 320)
        rows = self.table.verticalHeader()
        rows.setMinimumSectionSize(30)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # a wrapped work fits its row
        self.disposition: list[QComboBox] = []
        self.note: list[QLineEdit] = []
        self.override_buttons: dict[int, QPushButton] = {}

        self.new_work = QLineEdit()
        self.new_work.setMaxLength(REASON_MAX + 50)
        self.new_work.setPlaceholderText(self.tr("A pending matter not in the list, e.g. a parcel to be collected"))
        self.new_important = QCheckBox(self.tr("Important"))
        self.add_button = QPushButton(self.tr("Add pending item"))
        self.message = message_label()

        add_row = QHBoxLayout()
        add_row.addWidget(self.new_work, 1)
        add_row.addWidget(self.new_important)
        add_row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(add_row)
        layout.addWidget(self.message)
        layout.addWidget(self.reason)

        self.add_button.clicked.connect(self.add_work)
        self.new_work.returnPressed.connect(self.add_work)
        self.load()

    def load(self) -> None:
        work_list = self.draft.open_work
        self.table.clearContents()
        self.table.setRowCount(len(work_list))
        self.disposition, self.note, self.override_buttons = [], [], {}
        names = self.desk.staff_names()
        for row, work in enumerate(work_list):
            shown = self.tr("Important: {work}").format(work=work.description) if work.important else work.description
            self.table.setItem(row, self.WORK, read_only_item(shown))
            combo = QComboBox()
            combo.addItem(self.tr("To do"), Disposition.PENDING.value)
            combo.addItem(self.tr("Closed"), Disposition.CLOSED.value)
            combo.addItem(self.tr("Handed over"), Disposition.HANDED_OVER.value)
            combo.setCurrentIndex(combo.findData(work.disposition.value))
            note = QLineEdit(work.note)
            note.setMaxLength(REASON_MAX + 50)
            note.setPlaceholderText(self.tr("how it was closed, or what the next shift must do"))
            combo.currentIndexChanged.connect(lambda _i, r=row: self._disposed(r))
            note.textChanged.connect(lambda text, r=row: self._noted(r, text))
            self.table.setCellWidget(row, self.DISPOSITION, combo)
            self.table.setCellWidget(row, self.NOTE, note)
            self.disposition.append(combo)
            self.note.append(note)
            if work.important:
                if work.override_by is not None and work.override_reason.strip():
                    self.table.setItem(
                        row,
                        self.SUPERVISOR,
                        read_only_item(
                            self.tr("Allowed by {name}: {reason}").format(
                                name=names.get(work.override_by, "?"), reason=work.override_reason
                            )
                        ),
                    )
                else:
                    button = QPushButton(self.tr("Supervisor allows…"))
                    button.clicked.connect(lambda _c=False, r=row: self.desk.request_override(r))
                    self.table.setCellWidget(row, self.SUPERVISOR, button)
                    self.override_buttons[row] = button
            else:
                self.table.setItem(row, self.SUPERVISOR, read_only_item(""))
        self.refresh_reason()

    def _disposed(self, row: int) -> None:
        self.draft.open_work[row].disposition = Disposition(self.disposition[row].currentData())
        self.edited()

    def _noted(self, row: int, text: str) -> None:
        self.draft.open_work[row].note = text
        self.edited()

    def add_work(self) -> None:
        if not attempt(
            lambda: self.desk.add_free_work(self.new_work.text(), self.new_important.isChecked()), self.message.setText
        ):
            return
        self.message.clear()
        self.new_work.clear()
        self.new_important.setChecked(False)
