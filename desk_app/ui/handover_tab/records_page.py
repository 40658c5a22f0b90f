"""Step 1: the incoming clerk reads the outgoing shift's records and signs in."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
)

from desk_app.domain.handover import Step, WorkSource
from desk_app.services.log import LogFilter
from desk_app.ui.handover_tab.common import hm, plain_table, read_only_item
from desk_app.ui.handover_tab.page_base import StepPage
from desk_app.ui.service_dialog import attempt
from desk_app.ui.widgets_common import CORRECTED_COLOR, NOTE_STYLE, message_label

if TYPE_CHECKING:
    from desk_app.ui.handover_tab.wizard import HandoverWizard

MAX_ENTRIES = 500


class RecordsPage(StepPage):
    step = Step.RECORDS
    TIME, CATEGORY, CLERK, SITUATION, HANDLING, FOLLOW_UP = range(6)

    def __init__(self, desk: HandoverWizard) -> None:
        super().__init__(desk)
        self.setTitle(self.tr("1. Previous records"))
        self.setSubTitle(
            self.tr(
                "The incoming clerk reads what the outgoing shift recorded and what must be "
                "followed up, asks about anything unclear, and signs in."
            )
        )
        self.entries = plain_table(
            [
                self.tr("Time"),
                self.tr("Category"),
                self.tr("Clerk"),
                self.tr("Situation"),
                self.tr("Handling and result"),
                self.tr("Follow-up"),
            ],
            stretch=3,
        )
        self.entries.setWordWrap(False)
        self.follow_ups_title = QLabel()
        self.follow_ups = QListWidget()
        self.follow_ups.setMaximumHeight(self.follow_ups.fontMetrics().height() * 7)

        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("User name"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password"))
        self.identify_button = QPushButton(self.tr("Sign in as the incoming clerk"))
        self.arrival = QLabel()
        self.arrival.setWordWrap(True)
        self.arrival.setStyleSheet(NOTE_STYLE)
        self.message = message_label()
        self.acknowledged = QCheckBox(self.tr("The incoming clerk has read these records and the items to follow up"))

        incoming = QGroupBox(self.tr("Incoming clerk"))
        row = QHBoxLayout()
        row.addWidget(self.username, 1)
        row.addWidget(self.password, 1)
        row.addWidget(self.identify_button)
        box = QVBoxLayout(incoming)
        box.addLayout(row)
        box.addWidget(self.arrival)
        box.addWidget(self.message)

        layout = QVBoxLayout(self)
        layout.addWidget(self.entries, 1)
        layout.addWidget(self.follow_ups_title)
        layout.addWidget(self.follow_ups)
        layout.addWidget(incoming)
        layout.addWidget(self.acknowledged)
        layout.addWidget(self.reason)

        self.identify_button.clicked.connect(self.identify)
        self.password.returnPressed.connect(self.identify)
        self.acknowledged.toggled.connect(self._acknowledge)
        self._fill_entries()
        self.load()

    def _fill_entries(self) -> None:
        view = self.desk.view
        shift = view.shift
        flt = LogFilter(date_from=shift.shift_date, date_to=shift.shift_date, shift_template_id=shift.template.id)
        log = self.desk.services.log
        total = log.count(flt)
        entries = log.page(flt, 0, MAX_ENTRIES, total)
        self.entries.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            if entry.is_corrected:
                # As in the log: a corrected entry stays listed, struck through, and points
                # at its correction (which carries the follow-up, if any).
                follow = self.tr("corrected by #{id}").format(id=entry.corrected_by_id)
            elif not entry.follow_up:
                follow = ""
            elif entry.follow_up_closed:
                follow = self.tr("done")
            else:
                follow = self.tr("to follow up")
            cells = [
                hm(entry.occurred_at),
                QCoreApplication.translate("LogCategory", entry.category.label),
                entry.clerk_name,
                entry.situation,
                entry.handling,
                follow,
            ]
            for column, text in enumerate(cells):
                item = read_only_item(text)
                if entry.is_corrected and column != self.FOLLOW_UP:
                    font = item.font()
                    font.setStrikeOut(True)
                    item.setFont(font)
                    item.setForeground(QBrush(QColor(CORRECTED_COLOR)))
                self.entries.setItem(row, column, item)
        if total == 0:
            self.entries.setRowCount(1)
            self.entries.setItem(0, 3, read_only_item(self.tr("No records in this shift.")))

    def load(self) -> None:
        follow = [w.description for w in self.draft.open_work if w.source is WorkSource.LOG_FOLLOW_UP]
        self.follow_ups.clear()
        self.follow_ups.addItems(follow)
        self.follow_ups.setVisible(bool(follow))
        if follow:
            self.follow_ups_title.setText(self.tr("To follow up ({n}):").format(n=len(follow)))
        else:
            self.follow_ups_title.setText(self.tr("Nothing is waiting to be followed up."))
        self.acknowledged.blockSignals(True)
        self.acknowledged.setChecked(self.draft.records_acknowledged)
        self.acknowledged.blockSignals(False)
        self.show_arrival()
        self.refresh_reason()

    def show_arrival(self) -> None:
        view = self.desk.view
        expected_text = hm(view.shift.end - timedelta(minutes=view.early_arrival_minutes))
        text = self.tr("The incoming clerk is expected by {time} ({n} minutes before the shift ends).").format(
            time=expected_text, n=view.early_arrival_minutes
        )
        if view.incoming_name and view.incoming_arrived_at is not None:
            text += " " + self.tr("{name} signed in at {time}.").format(
                name=view.incoming_name, time=hm(view.incoming_arrived_at)
            )
        self.arrival.setText(text)

    def identify(self) -> None:
        done = attempt(
            lambda: self.desk.identify_incoming(self.username.text().strip(), self.password.text()),
            self.message.setText,
            clear=(self.password,),
        )
        if done is None:
            return
        self.message.clear()
        self.password.clear()
        self.show_arrival()

    def _acknowledge(self, checked: bool) -> None:
        self.draft.records_acknowledged = checked
        self.edited()
