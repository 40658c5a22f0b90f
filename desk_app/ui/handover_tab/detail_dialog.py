"""One handover, read-only: times, counts, open work, anomalies; the supervisor's check."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.handover import Condition, Disposition
from desk_app.domain.roles import Actor, Role
from desk_app.domain.text_rules import REASON_MAX
from desk_app.services.container import Services
from desk_app.services.handover import HandoverView
from desk_app.ui.handover_tab.common import hm, plain_table, read_only_item, ymd_hm
from desk_app.ui.service_dialog import ServiceDialog


class HandoverDetailDialog(ServiceDialog):
    def __init__(self, services: Services, actor: Actor, handover_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self.view: HandoverView = services.handover.get(handover_id)
        view = self.view
        self.setWindowTitle(
            self.tr("Handover {date} {shift}").format(
                date=view.shift.shift_date.isoformat(), shift=view.shift.template.name
            )
        )
        self.resize(900, 640)

        names = {a.id: a.display_name for a in services.accounts.staff()}
        draft = view.draft
        expected_by = view.shift.end - timedelta(minutes=view.early_arrival_minutes)
        state = self.tr("signed") if view.signed else self.tr("not signed yet")
        facts = QFormLayout()
        facts.addRow(
            self.tr("Shift"),
            QLabel(f"{view.shift.shift_date.isoformat()} {view.shift.template.name} {view.shift.template.span_text()}"),
        )
        facts.addRow(self.tr("Outgoing → incoming"), QLabel(f"{view.outgoing_name} → {view.incoming_name or '—'}"))
        facts.addRow(self.tr("State"), QLabel(state))
        facts.addRow(self.tr("Started"), QLabel(ymd_hm(view.started_at)))
        facts.addRow(
            self.tr("Incoming clerk"),
            QLabel(
                self.tr("expected by {expected} ({n} minutes early), arrived {arrived}").format(
                    expected=hm(expected_by),
                    n=view.early_arrival_minutes,
                    arrived=hm(view.incoming_arrived_at) or "—",
                )
            ),
        )
        facts.addRow(self.tr("Signed"), QLabel(ymd_hm(view.incoming_signed_at) or "—"))
        if view.late_minutes:
            facts.addRow(self.tr("Late"), QLabel(self.tr("{n} min").format(n=view.late_minutes)))

        counts = plain_table(
            [
                self.tr("Item"),
                self.tr("Unit"),
                self.tr("Expected"),
                self.tr("Counted"),
                self.tr("Difference"),
                self.tr("Condition"),
                self.tr("Explanation"),
            ],
            stretch=6,
        )
        self.counts = counts
        counts.setRowCount(len(draft.counts))
        for row, item in enumerate(draft.counts):
            difference = item.difference
            cells = [
                item.name,
                item.unit,
                str(item.expected),
                "" if item.counted is None else str(item.counted),
                "" if difference is None else (f"{difference:+d}" if difference else "0"),
                self.tr("Damaged") if item.condition is Condition.DAMAGED else self.tr("Good"),
                item.explanation,
            ]
            for column, text in enumerate(cells):
                counts.setItem(row, column, read_only_item(text))

        dispositions = {
            Disposition.PENDING: self.tr("To do"),
            Disposition.CLOSED: self.tr("Closed"),
            Disposition.HANDED_OVER: self.tr("Handed over"),
        }
        work = plain_table([self.tr("Work"), self.tr("Done?"), self.tr("Note"), self.tr("Supervisor")], stretch=2)
        self.work = work
        work.setRowCount(len(draft.open_work))
        for row, open_item in enumerate(draft.open_work):
            allowed = (
                self.tr("Allowed by {name}: {reason}").format(
                    name=names.get(open_item.override_by, "?"), reason=open_item.override_reason
                )
                if open_item.override_by is not None
                else ""
            )
            for column, text in enumerate(
                (open_item.description, dispositions[open_item.disposition], open_item.note, allowed)
            ):
                work.setItem(row, column, read_only_item(text))

        area = plain_table([self.tr("Anomaly or fault"), self.tr("Explanation or handling")], stretch=1)
        self.area = area
        rows = [(a.description, a.explanation) for a in draft.anomalies] + [
            (self.tr("Fault: {text}").format(text=f.description), f.resolution) for f in draft.faults
        ]
        area.setRowCount(len(rows))
        for row, pair in enumerate(rows):
            for column, text in enumerate(pair):
                area.setItem(row, column, read_only_item(text))

        tabs = QTabWidget()
        tabs.addTab(counts, self.tr("Items ({n})").format(n=len(draft.counts)))
        tabs.addTab(work, self.tr("Open work ({n})").format(n=len(draft.open_work)))
        tabs.addTab(area, self.tr("Area ({n})").format(n=len(rows)))

        self.check_status = QLabel()
        self.remark = QLineEdit()
        self.remark.setMaxLength(REASON_MAX + 50)
        self.remark.setPlaceholderText(self.tr("Optional remark"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Your password"))
        self.password.returnPressed.connect(self.check)
        self.check_button = QPushButton(self.tr("Sign as checked"))
        check_box = QGroupBox(self.tr("Supervisor's check"))
        check_layout = QVBoxLayout(check_box)
        check_layout.addWidget(self.check_status)
        check_row = QHBoxLayout()
        check_row.addWidget(self.remark, 1)
        check_row.addWidget(self.password)
        check_row.addWidget(self.check_button)
        check_layout.addLayout(check_row)
        check_layout.addWidget(self.message)
        may_check = actor.role.at_least(Role.SUPERVISOR)
        self.remark.setVisible(may_check)
        self.password.setVisible(may_check)
        self.check_button.setVisible(may_check)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(facts)
        layout.addWidget(tabs, 1)
        layout.addWidget(check_box)
        layout.addWidget(close)
        self.check_button.clicked.connect(self.check)
        self._show_check()

    def _show_check(self) -> None:
        view = self.view
        if view.checked_by:
            text = self.tr("Checked by {name} at {time}.").format(name=view.checked_by, time=ymd_hm(view.checked_at))
            if view.check_remark:
                text += " " + view.check_remark
        elif view.signed:
            text = self.tr("Not checked yet.")
        else:
            text = self.tr("Can be checked once both clerks have signed.")
        self.check_status.setText(text)
        self.check_button.setEnabled(view.signed and not view.checked_by)
        self.remark.setEnabled(self.check_button.isEnabled())
        self.password.setEnabled(self.check_button.isEnabled())

    def check(self) -> bool:
        checked = self.attempt(
            lambda: self._services.handover.check(
                self._actor, self.view.id, self.remark.text(), password=self.password.text()
            ),
            clear=(self.password,),
        )
        if checked is None:
            return False
        self.password.clear()
        self.message.clear()
        self.view = self._services.handover.get(self.view.id)
        self._show_check()
        return True
