"""The queue as a table: rows read page by page (``fetchMore``), sorted by the service by
what is due first; the due column counts down from the injected clock, repainted every
second without touching the database."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desk_app.domain.clock import Clock
from desk_app.services.tickets import TicketFilter, TicketRow, TicketService
from desk_app.ui.holidays_dialog import provisional
from desk_app.ui.i18n import role_label
from desk_app.ui.widgets_common import ERROR_COLOR, WARNING_COLOR

PAGE = 200
SOON = timedelta(minutes=30)
OVERDUE_COLOR = QColor(ERROR_COLOR)
SOON_COLOR = QColor(WARNING_COLOR)

Index = QModelIndex | QPersistentModelIndex


def countdown(span: timedelta) -> str:
    """A span of time as the queue shows it: "1:23", or "4 days 22:16" (in Chinese
    "4天 22:16") from a day on; never negative."""
    seconds = max(0, int(span.total_seconds()))
    days, rest = divmod(seconds, 86_400)
    hours, rest = divmod(rest, 3600)
    clock = f"{hours}:{rest // 60:02d}"
    if days == 1:
        return QCoreApplication.translate("TicketTableModel", "1 day {time}").format(time=clock)
    if days:
        return QCoreApplication.translate("TicketTableModel", "{days} days {time}").format(days=days, time=clock)
    return clock


def due_text(clock: str, due: datetime, now: datetime) -> str:
    """The due column, worded in this one place: "Reply in 1:23", "Reply overdue 4 days 22:16"."""
    if due < now:
        return QCoreApplication.translate("TicketTableModel", "{clock} overdue {time}").format(
            clock=clock, time=countdown(now - due)
        )
    return QCoreApplication.translate("TicketTableModel", "{clock} in {time}").format(
        clock=clock, time=countdown(due - now)
    )


class TicketTableModel(QAbstractTableModel):
    NUMBER, KIND, STATUS, URGENCY, RESIDENT, ADDRESS, DESCRIPTION, REGISTERED, DUE, LEVEL, CLERK = range(11)

    def __init__(self, tickets: TicketService, clock: Clock) -> None:
        super().__init__()
        self._tickets = tickets
        self._clock = clock
        self._rows: list[TicketRow] = []
        self._total = 0
        self.filter = TicketFilter()
        self.now = clock.now()

    # -- loading --------------------------------------------------------------------------
    def reload(self, flt: TicketFilter | None = None) -> None:
        """Count and read the first page again (after a filter change or an action)."""
        if flt is not None:
            self.filter = flt
        self.beginResetModel()
        self.now = self._clock.now()
        self._total = self._tickets.count(self.filter)
        self._rows = self._tickets.page(self.filter, 0, PAGE)
        self.endResetModel()

    @property
    def total(self) -> int:
        return self._total

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802, B008 - Qt's API
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802, B008 - Qt's API
        more = self._tickets.page(self.filter, len(self._rows), PAGE)
        if not more:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def tick(self) -> None:
        """The clock moved: repaint the countdowns and colours only."""
        self.now = self._clock.now()
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.CLERK))

    def row_of(self, row: int) -> TicketRow:
        return self._rows[row]

    def find(self, ticket_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == ticket_id), None)

    # -- Qt's table ---------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() else 11

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [
            self.tr("No."),
            self.tr("Kind"),
            self.tr("Status"),
            self.tr("Urgency"),
            self.tr("Resident"),
            self.tr("Address"),
            self.tr("Request"),
            self.tr("Registered"),
            self.tr("Due"),
            self.tr("Level"),
            self.tr("Clerk"),
        ][section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and row.due_at is not None:
            if row.due_at < self.now:
                return QBrush(OVERDUE_COLOR)
            if row.due_at - self.now <= SOON:
                return QBrush(SOON_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.DESCRIPTION:
            return row.description
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def _text(self, row: TicketRow, column: int) -> str:
        if column == self.NUMBER:
            return f"#{row.id}"
        if column == self.KIND:
            return QCoreApplication.translate("TicketKind", row.kind.label)
        if column == self.STATUS:
            return QCoreApplication.translate("TicketStatus", row.status.label)
        if column == self.URGENCY:
            return QCoreApplication.translate("Urgency", row.urgency.label)
        if column == self.RESIDENT:
            return row.resident_name
        if column == self.ADDRESS:
            return f"{row.building}{row.room}"
        if column == self.DESCRIPTION:
            return row.description.replace("\n", " ")
        if column == self.REGISTERED:
            return f"{row.created_at:%m-%d %H:%M}"
        if column == self.DUE:
            if row.due_at is None:
                return ""
            clock = QCoreApplication.translate("ClockKind", row.due_clock.label) if row.due_clock else ""
            text = due_text(clock, row.due_at, self.now)
            return provisional(text) if row.due_provisional else text
        if column == self.LEVEL:
            return role_label(row.level)
        if column == self.CLERK:
            return row.created_by
        return ""
