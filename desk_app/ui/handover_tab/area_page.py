"""Step 4: anomalies in the area, each explained; a fault pauses the whole handover."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from desk_app.domain.handover import Anomaly, Fault, Step
from desk_app.domain.text_rules import REASON_MAX
from desk_app.ui.handover_tab.common import plain_table, read_only_item
from desk_app.ui.handover_tab.page_base import StepPage

if TYPE_CHECKING:
    from desk_app.ui.handover_tab.wizard import HandoverWizard


class AreaPage(StepPage):
    step = Step.AREA

    def __init__(self, desk: HandoverWizard) -> None:
        super().__init__(desk)
        self.setTitle(self.tr("4. Area check"))
        self.setSubTitle(
            self.tr(
                "The incoming clerk records anything out of order in the area; the outgoing "
                "clerk explains each one. A fault found now stops the handover until the "
                "outgoing clerk has dealt with it."
            )
        )
        self.anomalies = plain_table(
            [self.tr("Anomaly found by the incoming clerk"), self.tr("Explanation by the outgoing clerk"), ""],
            stretch=1,
        )
        self.anomalies.setSelectionMode(self.anomalies.SelectionMode.NoSelection)
        self.anomalies.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.anomalies.setColumnWidth(0, 300)
        self.anomalies.verticalHeader().setDefaultSectionSize(30)
        self.new_anomaly = QLineEdit()
        self.new_anomaly.setMaxLength(REASON_MAX + 50)
        self.new_anomaly.setPlaceholderText(self.tr("e.g. the lobby door closer is loose"))
        self.add_anomaly_button = QPushButton(self.tr("Add anomaly"))
        self.explanation: list[QLineEdit] = []

        self.faults = plain_table([self.tr("Fault"), self.tr("How the outgoing clerk dealt with it")], stretch=1)
        self.faults.setSelectionMode(self.faults.SelectionMode.NoSelection)
        self.faults.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.faults.setColumnWidth(0, 300)
        self.faults.verticalHeader().setDefaultSectionSize(30)
        self.new_fault = QLineEdit()
        self.new_fault.setMaxLength(REASON_MAX + 50)
        self.new_fault.setPlaceholderText(self.tr("e.g. the fire alarm panel shows a fault"))
        self.fault_button = QPushButton(self.tr("Report a fault"))
        self.resolution: list[QLineEdit] = []

        anomaly_row = QHBoxLayout()
        anomaly_row.addWidget(self.new_anomaly, 1)
        anomaly_row.addWidget(self.add_anomaly_button)
        fault_row = QHBoxLayout()
        fault_row.addWidget(self.new_fault, 1)
        fault_row.addWidget(self.fault_button)
        fault_box = QGroupBox(self.tr("Faults during the handover"))
        fault_layout = QVBoxLayout(fault_box)
        fault_layout.addWidget(self.faults)
        fault_layout.addLayout(fault_row)

        layout = QVBoxLayout(self)
        layout.addWidget(self.anomalies, 2)
        layout.addLayout(anomaly_row)
        layout.addWidget(fault_box, 1)
        layout.addWidget(self.reason)

        self.add_anomaly_button.clicked.connect(self.add_anomaly)
        self.new_anomaly.returnPressed.connect(self.add_anomaly)
        self.fault_button.clicked.connect(self.report_fault)
        self.new_fault.returnPressed.connect(self.report_fault)
        self.load()

    def load(self) -> None:
        self.anomalies.clearContents()
        self.anomalies.setRowCount(len(self.draft.anomalies))
        self.explanation = []
        for row, anomaly in enumerate(self.draft.anomalies):
            self.anomalies.setItem(row, 0, read_only_item(anomaly.description))
            explanation = QLineEdit(anomaly.explanation)
            explanation.setMaxLength(REASON_MAX + 50)
            explanation.textChanged.connect(lambda text, r=row: self._explained(r, text))
            remove = QPushButton(self.tr("Remove"))
            remove.clicked.connect(lambda _c=False, r=row: self._remove(r))
            self.anomalies.setCellWidget(row, 1, explanation)
            self.anomalies.setCellWidget(row, 2, remove)
            self.explanation.append(explanation)
        self.faults.clearContents()
        self.faults.setRowCount(len(self.draft.faults))
        self.resolution = []
        for row, fault in enumerate(self.draft.faults):
            self.faults.setItem(row, 0, read_only_item(fault.description))
            resolution = QLineEdit(fault.resolution)
            resolution.setMaxLength(REASON_MAX + 50)
            resolution.setPlaceholderText(self.tr("needed before the handover goes on"))
            resolution.textChanged.connect(lambda text, r=row: self._resolved(r, text))
            self.faults.setCellWidget(row, 1, resolution)
            self.resolution.append(resolution)
        self.refresh_reason()

    def add_anomaly(self) -> None:
        text = self.new_anomaly.text().strip()
        if not text:
            return
        self.draft.anomalies.append(Anomaly(text))
        self.new_anomaly.clear()
        self.load()
        self.edited()
        self.explanation[-1].setFocus()

    def _remove(self, row: int) -> None:
        del self.draft.anomalies[row]
        self.load()
        self.edited()

    def _explained(self, row: int, text: str) -> None:
        self.draft.anomalies[row].explanation = text
        self.edited()

    def report_fault(self) -> None:
        text = self.new_fault.text().strip()
        if not text:
            return
        self.draft.faults.append(Fault(text))
        self.new_fault.clear()
        self.load()
        self.edited()
        self.desk.save_now()  # a fault is never lost, whatever happens next

    def _resolved(self, row: int, text: str) -> None:
        self.draft.faults[row].resolution = text
        self.edited()
