"""Leave, swap and cover requests beside the grid: anyone asks, a supervisor approves or
declines with a reason (the services refuse anything else), the author may withdraw."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.roles import Actor, Role
from desk_app.domain.roster import RequestKind, RequestStatus
from desk_app.services.container import Services
from desk_app.services.staff_requests import RequestView
from desk_app.ui.service_dialog import ServiceDialog, attempt
from desk_app.ui.widgets_common import ERROR_STYLE, message_label, pydate, pytime, qdate

AskFn = Callable[[QDialog], bool]


def _exec(dialog: QDialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted


class RequestDialog(ServiceDialog):
    """Asks what a leave, swap or cover request needs; ``submit`` sends it to the service."""

    def __init__(self, services: Services, actor: Actor, kind: RequestKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self.kind = RequestKind(kind)
        self.result_view: RequestView | None = None
        self._tz = services.desk.info().tz
        start = services.desk.today() + timedelta(days=1)
        self.setWindowTitle(
            {
                RequestKind.LEAVE: self.tr("Ask for leave"),
                RequestKind.SWAP: self.tr("Ask for a swap"),
                RequestKind.COVER: self.tr("Ask for a cover"),
            }[self.kind]
        )
        self.day_from = QDateEdit(qdate(start))
        self.day_to = QDateEdit(qdate(start))
        self.other_day = QDateEdit(qdate(start))
        for edit in (self.day_from, self.day_to, self.other_day):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.other = QComboBox()
        for member in services.roster.staff():
            if member.account_id != actor.account_id:
                self.other.addItem(member.name, member.account_id)
        self.cover_from = QTimeEdit(QTime(9, 0))
        self.cover_to = QTimeEdit(QTime(11, 0))
        self.reason = QLineEdit()
        form = QFormLayout()
        if self.kind is RequestKind.LEAVE:
            form.addRow(self.tr("From:"), self.day_from)
            form.addRow(self.tr("To:"), self.day_to)
        elif self.kind is RequestKind.SWAP:
            form.addRow(self.tr("My shift on:"), self.day_from)
            form.addRow(self.tr("With:"), self.other)
            form.addRow(self.tr("Their shift on:"), self.other_day)
        else:
            form.addRow(self.tr("On my shift of:"), self.day_from)
            form.addRow(self.tr("Covered by:"), self.other)
            form.addRow(self.tr("From:"), self.cover_from)
            form.addRow(self.tr("To:"), self.cover_to)
        form.addRow(self.tr("Reason:"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)

    def submit(self) -> bool:
        view = self.attempt(self._send)
        if view is None:
            return False
        self.result_view = view
        self.accept()
        return True

    def _send(self) -> RequestView:
        requests = self._services.requests
        reason = self.reason.text()
        if self.kind is RequestKind.LEAVE:
            return requests.request_leave(self._actor, pydate(self.day_from.date()), pydate(self.day_to.date()), reason)
        if self.kind is RequestKind.SWAP:
            return requests.request_swap(
                self._actor,
                pydate(self.day_from.date()),
                self.other.currentData(),
                pydate(self.other_day.date()),
                reason,
            )
        day = pydate(self.day_from.date())
        start_at = datetime.combine(day, pytime(self.cover_from.time()), self._tz)
        end_at = datetime.combine(day, pytime(self.cover_to.time()), self._tz)
        if end_at <= start_at:  # a cover across midnight ends the next day
            end_at += timedelta(days=1)
        return requests.request_cover(self._actor, day, self.other.currentData(), start_at, end_at, reason)


class DecisionDialog(QDialog):
    def __init__(self, view: RequestView, approve: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Approve the request") if approve else self.tr("Decline the request"))
        self.note = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Your password gives the decision"))
        form = QFormLayout(self)
        summary = QLabel(f"#{view.id} {view.requester}：{view.reason}")
        summary.setWordWrap(True)
        form.addRow(summary)
        form.addRow(self.tr("Note:") if approve else self.tr("Reason:"), self.note)
        form.addRow(self.tr("Password:"), self.password)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        form.addRow(box)
        self.setMinimumWidth(360)


class RequestsPanel(QWidget):
    changed = Signal()  # a decision changed the roster

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None, ask: AskFn = _exec) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._ask = ask
        self.supervisor = actor.role.at_least(Role.SUPERVISOR)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Request"), self.tr("Who"), self.tr("When"), self.tr("State")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._enable)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.message = message_label(ERROR_STYLE)
        self.leave_button = QPushButton(self.tr("Leave…"))
        self.swap_button = QPushButton(self.tr("Swap…"))
        self.cover_button = QPushButton(self.tr("Cover…"))
        self.approve_button = QPushButton(self.tr("Approve…"))
        self.decline_button = QPushButton(self.tr("Decline…"))
        self.withdraw_button = QPushButton(self.tr("Withdraw"))
        self.leave_button.clicked.connect(lambda: self.ask(RequestKind.LEAVE))
        self.swap_button.clicked.connect(lambda: self.ask(RequestKind.SWAP))
        self.cover_button.clicked.connect(lambda: self.ask(RequestKind.COVER))
        self.approve_button.clicked.connect(lambda: self.decide(True))
        self.decline_button.clicked.connect(lambda: self.decide(False))
        self.withdraw_button.clicked.connect(self.withdraw)
        self.approve_button.setVisible(self.supervisor)
        self.decline_button.setVisible(self.supervisor)
        buttons = QGridLayout()
        buttons.addWidget(self.leave_button, 0, 0)
        buttons.addWidget(self.swap_button, 0, 1)
        buttons.addWidget(self.cover_button, 0, 2)
        buttons.addWidget(self.approve_button, 1, 0)
        buttons.addWidget(self.decline_button, 1, 1)
        buttons.addWidget(self.withdraw_button, 1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Leave, swaps and covers")))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.views: list[RequestView] = []
        self.reload()

    def reload(self) -> None:
        mine = None if self.supervisor else self._actor.account_id
        views = self._services.requests.requests(account_id=mine)
        self.views = sorted(views, key=lambda v: (v.status is not RequestStatus.PENDING, -v.id))
        self.table.setRowCount(len(self.views))
        for row, v in enumerate(self.views):
            when = f"{v.day_from:%m-%d}" + (f"–{v.day_to:%m-%d}" if v.day_to != v.day_from else "")
            if v.kind is RequestKind.SWAP and v.other_day is not None:
                when += f" ⇄ {v.other_day:%m-%d}"
            if v.kind is RequestKind.COVER and v.cover_start and v.cover_end:
                when += f" {v.cover_start:%H:%M}–{v.cover_end:%H:%M}"
            for column, text in enumerate([self._kind(v.kind), v.requester, when, self._status(v.status)]):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self._enable()

    def _kind(self, kind: RequestKind) -> str:
        return {
            RequestKind.LEAVE: self.tr("Leave"),
            RequestKind.SWAP: self.tr("Swap"),
            RequestKind.COVER: self.tr("Cover"),
        }[kind]

    def _status(self, status: RequestStatus) -> str:
        return {
            RequestStatus.PENDING: self.tr("pending"),
            RequestStatus.APPROVED: self.tr("approved"),
            RequestStatus.DECLINED: self.tr("declined"),
            RequestStatus.WITHDRAWN: self.tr("withdrawn"),
        }[status]

    def selected(self) -> RequestView | None:
        row = self.table.currentRow()
        return self.views[row] if 0 <= row < len(self.views) else None

    def select(self, request_id: int) -> None:
        for row, v in enumerate(self.views):
            if v.id == request_id:
                self.table.selectRow(row)

    def _enable(self) -> None:
        v = self.selected()
        pending = v is not None and v.status is RequestStatus.PENDING
        self.approve_button.setEnabled(pending and v is not None and v.requester_id != self._actor.account_id)
        self.decline_button.setEnabled(pending and v is not None and v.requester_id != self._actor.account_id)
        self.withdraw_button.setEnabled(pending and v is not None and v.requester_id == self._actor.account_id)
        if v is None:
            self.detail.clear()
            return
        lines = [f"#{v.id} {v.requester}：{v.reason}"]
        if v.other:
            lines.append(self.tr("With: {name}").format(name=v.other))
        if v.decided_by:
            lines.append(f"{v.decided_by} {v.decided_at:%Y-%m-%d %H:%M} {v.decision_note}".strip())
        self.detail.setText("\n".join(lines))

    def ask(self, kind: RequestKind) -> RequestView | None:
        dialog = RequestDialog(self._services, self._actor, kind, self)
        if not self._ask(dialog) or dialog.result_view is None:
            return None
        self.reload()
        self.select(dialog.result_view.id)
        return dialog.result_view

    def decide(self, approve: bool) -> bool:
        v = self.selected()
        if v is None:
            return False
        dialog = DecisionDialog(v, approve, self)
        if not self._ask(dialog):
            return False
        decided = attempt(
            lambda: self._services.requests.decide(
                self._actor, v.id, approve, dialog.note.text(), password=dialog.password.text()
            ),
            self.message.setText,
        )
        if decided is None:
            return False
        self.message.clear()
        self.reload()
        self.changed.emit()
        return True

    def withdraw(self) -> bool:
        v = self.selected()
        if v is None:
            return False
        if not attempt(lambda: self._services.requests.withdraw(self._actor, v.id), self.message.setText):
            return False
        self.reload()
        return True
