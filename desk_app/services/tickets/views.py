"""What the ticket service takes and gives: the input of a registration, a queue row, a
ticket's whole view, the queue's filter, an escalation notice and the monthly figures."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from desk_app.domain import tickets as tk
from desk_app.domain.roles import Role
from desk_app.domain.tickets import (
    ClockKind,
    TicketAction,
    TicketDetails,
    TicketKind,
    TicketStatus,
    Urgency,
)


@dataclass(frozen=True)
class ResidentInput:
    name: str = ""
    building: str = ""
    room: str = ""
    phone: str = ""


@dataclass(frozen=True)
class TicketInput:
    kind: TicketKind
    source: tk.Source
    description: str
    resident: ResidentInput = ResidentInput()
    urgency: Urgency = Urgency.NORMAL
    details: TicketDetails = field(default_factory=TicketDetails)


@dataclass(frozen=True)
class ResidentView:
    id: int
    name: str
    building: str
    room: str
    phone: str


@dataclass(frozen=True)
class TicketRow:
    """One line of the queue."""

    id: int
    kind: TicketKind
    status: TicketStatus
    urgency: Urgency
    source: tk.Source
    resident_name: str
    building: str
    room: str
    phone: str
    description: str
    created_at: datetime  # aware, desk time
    created_by: str
    level: Role
    due_at: datetime | None  # aware, desk time
    due_clock: ClockKind | None
    closed_at: datetime | None
    # the due time counts working days of a year whose holidays nobody confirmed yet
    due_provisional: bool = False

    def overdue(self, now: datetime) -> bool:
        return self.due_at is not None and self.due_at < now


@dataclass(frozen=True)
class ClockView:
    kind: ClockKind
    due_at: datetime
    met_at: datetime | None
    met_by: str | None
    provisional: bool = False  # counted in working days of a year nobody confirmed

    @property
    def on_time(self) -> bool | None:
        return None if self.met_at is None else self.met_at <= self.due_at


@dataclass(frozen=True)
class EventView:
    at: datetime
    actor: str | None
    action: TicketAction
    status_from: TicketStatus | None
    status_to: TicketStatus | None
    note: str


@dataclass(frozen=True)
class TicketView:
    row: TicketRow
    details: TicketDetails
    clocks: list[ClockView]
    events: list[EventView]
    incident_report: str | None
    price_item: tk.PriceItem | None

    @property
    def id(self) -> int:
        return self.row.id

    @property
    def follow_up_done(self) -> bool:
        return any(c.kind is ClockKind.FOLLOW_UP and c.met_at is not None for c in self.clocks)


@dataclass(frozen=True)
class TicketFilter:
    kinds: tuple[TicketKind, ...] = ()
    statuses: tuple[TicketStatus, ...] = ()  # empty: every status but closed
    building: str = ""
    clerk_id: int | None = None
    due_today: bool = False
    overdue: bool = False
    text: str = ""

    @property
    def open_only(self) -> bool:
        return TicketStatus.CLOSED not in self.statuses


@dataclass(frozen=True)
class Notice:
    id: int
    ticket_id: int
    at: datetime
    reason: str
    kind: TicketKind
    description: str


@dataclass
class MonthlyReport:
    """部门客户投诉工作月报: the month's complaints and the desk's other requests."""

    year: int
    month: int
    by_kind: dict[TicketKind, int] = field(default_factory=dict)
    complaints_by_building: dict[str, int] = field(default_factory=dict)
    complaints: int = 0
    valid: int = 0
    invalid: int = 0
    solved_on_spot: int = 0
    replies_due: int = 0
    replies_on_time: int = 0
    follow_ups_due: int = 0
    follow_ups_done: int = 0
    closed: int = 0

    @staticmethod
    def _rate(part: int, whole: int) -> float | None:
        return None if whole == 0 else part / whole

    @property
    def on_time_reply_rate(self) -> float | None:
        return self._rate(self.replies_on_time, self.replies_due)

    @property
    def follow_up_rate(self) -> float | None:
        return self._rate(self.follow_ups_done, self.follow_ups_due)
