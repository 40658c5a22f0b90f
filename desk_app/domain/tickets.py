"""Tickets: the kinds of request a desk takes, their states and their clocks (DOMAIN.md
"Tickets"). Qt-free: the service stores what these rules decide.

Clocks:
- a complaint not solved on the spot gets a reply within 2 hours (valid or not), counted
  on the wall clock: the desk is staffed day and night, holidays included;
- every reply of a valid complaint that does not solve it agrees the next reply time;
- a repair or a convenience service has the visit time agreed with the resident;
- a valid complaint, a repair, a help request and a convenience service are visited back
  (回访) within 2 working days of completion (weekends and statutory holidays skipped,
  make-up working days counted);
- a major incident needs a written report by the end of the next day.
Each clock is met once; the ticket's "due" is the earliest clock not yet met.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from desk_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from desk_app.domain.roles import Role
from desk_app.domain.workdays import HolidayCalendar


class TicketKind(enum.StrEnum):
    CONSULTATION = "consultation"
    HELP_REQUEST = "help_request"
    REPAIR = "repair"
    COMPLAINT = "complaint"
    CONVENIENCE = "convenience"
    ITEM_RELEASE = "item_release"
    VISITOR = "visitor"
    MESSAGE = "message"

    @property
    def label(self) -> str:
        """English label; translation source in context ``TicketKind``."""
        return _KIND_LABELS[self]

    @property
    def chinese(self) -> str:
        """The word printed on paper forms (forms are always Chinese)."""
        return _KIND_CHINESE[self]

    @property
    def needs_follow_up(self) -> bool:
        """Whether the ticket is visited back (回访) after its work is done."""
        return self in (TicketKind.HELP_REQUEST, TicketKind.REPAIR, TicketKind.COMPLAINT, TicketKind.CONVENIENCE)

    @property
    def needs_resident(self) -> bool:
        return self is not TicketKind.VISITOR


_KIND_LABELS = {
    TicketKind.CONSULTATION: QT_TRANSLATE_NOOP("TicketKind", "Consultation"),
    TicketKind.HELP_REQUEST: QT_TRANSLATE_NOOP("TicketKind", "Help request"),
    TicketKind.REPAIR: QT_TRANSLATE_NOOP("TicketKind", "Repair"),
    TicketKind.COMPLAINT: QT_TRANSLATE_NOOP("TicketKind", "Complaint"),
    TicketKind.CONVENIENCE: QT_TRANSLATE_NOOP("TicketKind", "Convenience service"),
    TicketKind.ITEM_RELEASE: QT_TRANSLATE_NOOP("TicketKind", "Item release"),
    TicketKind.VISITOR: QT_TRANSLATE_NOOP("TicketKind", "Visitor"),
    TicketKind.MESSAGE: QT_TRANSLATE_NOOP("TicketKind", "Message"),
}
_KIND_CHINESE = {
    TicketKind.CONSULTATION: "咨询",
    TicketKind.HELP_REQUEST: "求助",
    TicketKind.REPAIR: "报修",
    TicketKind.COMPLAINT: "投诉",
    TicketKind.CONVENIENCE: "便民服务",
    TicketKind.ITEM_RELEASE: "物品放行",
    TicketKind.VISITOR: "来访",
    TicketKind.MESSAGE: "留言",
}


class TicketStatus(enum.StrEnum):
    OPEN = "open"  # registered, nobody has acted yet
    IN_PROGRESS = "in_progress"  # replied to, dispatched, being worked on
    FOLLOW_UP = "follow_up"  # the work is done, the follow-up visit (回访) is due
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]

    @property
    def chinese(self) -> str:
        return _STATUS_CHINESE[self]


_STATUS_LABELS = {
    TicketStatus.OPEN: QT_TRANSLATE_NOOP("TicketStatus", "Open"),
    TicketStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("TicketStatus", "In progress"),
    TicketStatus.FOLLOW_UP: QT_TRANSLATE_NOOP("TicketStatus", "Awaiting follow-up"),
    TicketStatus.CLOSED: QT_TRANSLATE_NOOP("TicketStatus", "Closed"),
}
_STATUS_CHINESE = {
    TicketStatus.OPEN: "待处理",
    TicketStatus.IN_PROGRESS: "处理中",
    TicketStatus.FOLLOW_UP: "待回访",
    TicketStatus.CLOSED: "已关闭",
}


class Urgency(enum.StrEnum):
    NORMAL = "normal"
    URGENT = "urgent"
    MAJOR = "major"  # a major incident: the manager at once, a written report by the next day

    @property
    def label(self) -> str:
        return _URGENCY_LABELS[self]


_URGENCY_LABELS = {
    Urgency.NORMAL: QT_TRANSLATE_NOOP("Urgency", "Normal"),
    Urgency.URGENT: QT_TRANSLATE_NOOP("Urgency", "Urgent"),
    Urgency.MAJOR: QT_TRANSLATE_NOOP("Urgency", "Major incident"),
}


class Source(enum.StrEnum):
    PHONE = "phone"
    VISIT = "visit"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _SOURCE_LABELS[self]

    @property
    def chinese(self) -> str:
        return {"phone": "来电", "visit": "来访", "other": "其他"}[self.value]


_SOURCE_LABELS = {
    Source.PHONE: QT_TRANSLATE_NOOP("Source", "Phone"),
    Source.VISIT: QT_TRANSLATE_NOOP("Source", "Visit"),
    Source.OTHER: QT_TRANSLATE_NOOP("Source", "Other"),
}


class Validity(enum.StrEnum):
    UNDECIDED = "undecided"
    VALID = "valid"
    INVALID = "invalid"


class ClockKind(enum.StrEnum):
    REPLY = "reply"  # complaint: first reply within 2 hours
    NEXT_REPLY = "next_reply"  # complaint: the agreed next reply
    VISIT = "visit"  # repair / convenience: the time agreed with the resident
    FOLLOW_UP = "follow_up"  # 回访 after completion
    INCIDENT_REPORT = "incident_report"  # major incident: written report by the next day

    @property
    def label(self) -> str:
        return _CLOCK_LABELS[self]

    @property
    def chinese(self) -> str:
        return _CLOCK_CHINESE[self]


_CLOCK_LABELS = {
    ClockKind.REPLY: QT_TRANSLATE_NOOP("ClockKind", "Reply"),
    ClockKind.NEXT_REPLY: QT_TRANSLATE_NOOP("ClockKind", "Next reply"),
    ClockKind.VISIT: QT_TRANSLATE_NOOP("ClockKind", "Agreed visit"),
    ClockKind.FOLLOW_UP: QT_TRANSLATE_NOOP("ClockKind", "Follow-up visit"),
    ClockKind.INCIDENT_REPORT: QT_TRANSLATE_NOOP("ClockKind", "Incident report"),
}

_CLOCK_CHINESE = {
    ClockKind.REPLY: "答复",
    ClockKind.NEXT_REPLY: "下次答复",
    ClockKind.VISIT: "约定上门",
    ClockKind.FOLLOW_UP: "回访",
    ClockKind.INCIDENT_REPORT: "事件报告",
}


class TicketAction(enum.StrEnum):
    """What an event of a ticket records (ticket_event.action)."""

    REGISTERED = "registered"
    JUDGED = "judged"  # a complaint judged valid or invalid
    REPLIED = "replied"
    DISPATCHED = "dispatched"
    COMPLETED = "completed"
    FOLLOWED_UP = "followed_up"  # the follow-up visit (回访)
    DELIVERED = "delivered"  # a message passed on
    CLOSED = "closed"
    REOPENED = "reopened"
    INCIDENT_REPORT = "incident_report"
    ESCALATED = "escalated"


_WORKING = (TicketStatus.OPEN, TicketStatus.IN_PROGRESS)
_NOT_CLOSED = (*_WORKING, TicketStatus.FOLLOW_UP)
# The ticket's workflow: which action moves a ticket from which status to which. An action
# not listed (judged, escalated, incident_report) leaves the status as it is; registration
# sets the first status from the kind (services/tickets/registration.py).
TRANSITIONS: dict[TicketAction, dict[TicketStatus, frozenset[TicketStatus]]] = {
    TicketAction.REPLIED: dict.fromkeys(
        _WORKING, frozenset({TicketStatus.IN_PROGRESS, TicketStatus.FOLLOW_UP, TicketStatus.CLOSED})
    ),
    TicketAction.DISPATCHED: dict.fromkeys(_WORKING, frozenset({TicketStatus.IN_PROGRESS})),
    TicketAction.COMPLETED: dict.fromkeys(_WORKING, frozenset({TicketStatus.FOLLOW_UP})),
    TicketAction.FOLLOWED_UP: {TicketStatus.FOLLOW_UP: frozenset({TicketStatus.CLOSED})},
    TicketAction.DELIVERED: dict.fromkeys(_NOT_CLOSED, frozenset({TicketStatus.CLOSED})),
    TicketAction.CLOSED: dict.fromkeys(_NOT_CLOSED, frozenset({TicketStatus.CLOSED})),
    TicketAction.REOPENED: {TicketStatus.CLOSED: frozenset({TicketStatus.OPEN})},
}


def can_start(action: TicketAction, status: TicketStatus) -> bool:
    """Whether ``action`` may be taken on a ticket in ``status``."""
    return status in TRANSITIONS[action]


def check_move(action: TicketAction, before: TicketStatus, after: TicketStatus) -> None:
    """A move the table does not list is a mistake of the program, not of the user."""
    if after not in TRANSITIONS.get(action, {}).get(before, frozenset()):
        raise ValueError(f"{action}: no move from {before} to {after}")


LEVELS = (Role.CLERK, Role.SUPERVISOR, Role.MANAGER)
# Escalation notes are records, written in Chinese like the paper forms.
LEVEL_CHINESE = {Role.CLERK: "值班员", Role.SUPERVISOR: "客服主管", Role.MANAGER: "管理处主任"}


@dataclass(frozen=True)
class KindRule:
    """The desk's clocks and escalation for one kind (supervisors may change them)."""

    kind: TicketKind
    reply_minutes: int | None = None  # complaints: 120
    follow_up_working_days: int | None = None  # 2 for the kinds that are visited back
    escalate_before_minutes: int = 30  # to the supervisor this long before a clock runs out
    manager_after_minutes: int = 60  # to the manager this long after a clock ran out


def default_rules() -> dict[TicketKind, KindRule]:
    rules = {kind: KindRule(kind) for kind in TicketKind}
    for kind in TicketKind:
        if kind.needs_follow_up:
            rules[kind] = KindRule(kind, follow_up_working_days=2)
    rules[TicketKind.COMPLAINT] = KindRule(
        TicketKind.COMPLAINT,
        reply_minutes=120,
        follow_up_working_days=2,
        escalate_before_minutes=30,
        manager_after_minutes=0,
    )
    return rules


def reply_due(received: datetime, rule: KindRule) -> datetime | None:
    """When the first reply of a complaint is due (wall clock: holidays do not stop it)."""
    if rule.reply_minutes is None:
        return None
    return received + timedelta(minutes=rule.reply_minutes)


# When a reply leaves a complaint open, the next reply is agreed with the resident; the
# dialog suggests the desk's reply interval from now (two hours if the desk set none).
DEFAULT_NEXT_REPLY = timedelta(hours=2)


def suggested_next_reply(now: datetime, rule: KindRule) -> datetime:
    """A sensible next reply time to offer: one reply interval ahead, on a whole minute
    (never the current minute, which is already past when the reply is saved)."""
    step = timedelta(minutes=rule.reply_minutes) if rule.reply_minutes else DEFAULT_NEXT_REPLY
    due = now + step
    whole = due.replace(second=0, microsecond=0)
    return whole if whole == due else whole + timedelta(minutes=1)


def follow_up_due(completed: datetime, rule: KindRule, tz: ZoneInfo, calendar: HolidayCalendar) -> datetime | None:
    """The end of the n-th working day after the day the work was completed (desk time),
    as the desk's holiday ``calendar`` counts working days."""
    if rule.follow_up_working_days is None:
        return None
    local_day = completed.astimezone(tz).date()
    due_day = calendar.add_working_days(local_day, rule.follow_up_working_days)
    return datetime.combine(due_day, time(23, 59), tz)


# Clocks counted in working days: their due time rests on the holiday calendar.
WORKING_DAY_CLOCKS = frozenset({ClockKind.FOLLOW_UP})


def clock_provisional(kind: ClockKind | None, due: datetime | None, calendar: HolidayCalendar) -> bool:
    """Whether a clock's due time rests on a year's holidays nobody has confirmed yet."""
    return kind in WORKING_DAY_CLOCKS and due is not None and not calendar.is_confirmed(due.year)


def incident_report_due(received: datetime, tz: ZoneInfo) -> datetime:
    """A major incident is reported in writing by the end of the next day (004 一.6)."""
    next_day: date = received.astimezone(tz).date() + timedelta(days=1)
    return datetime.combine(next_day, time(23, 59), tz)


def escalation_target(
    level: Role, due: datetime | None, now: datetime, rule: KindRule, urgency: Urgency
) -> Role | None:
    """The level a ticket should have reached by ``now``, if higher than ``level``."""
    target = Role.CLERK
    if urgency is Urgency.MAJOR:
        target = Role.MANAGER
    elif due is not None:
        if now >= due + timedelta(minutes=rule.manager_after_minutes):
            target = Role.MANAGER
        elif now >= due - timedelta(minutes=rule.escalate_before_minutes):
            target = Role.SUPERVISOR
    return None if level.at_least(target) else target


# -- resident data ----------------------------------------------------------------------
# A suggestion line of the register dialog ("陈先生  3栋2单元1502  13800138000") pasted
# or completed into the name field: a run of blanks between parts, or a phone number.
_MORE_THAN_A_NAME = re.compile(r"\s{2,}|\t|\d{7,}")


def is_more_than_a_name(name: str) -> bool:
    """Whether a resident's "name" also holds an address or a phone number."""
    return _MORE_THAN_A_NAME.search(name) is not None


_MOBILE = re.compile(r"1[3-9]\d{9}")
_LANDLINE = re.compile(r"(0\d{2,3})?[2-9]\d{6,7}(转\d{1,6})?")
_SHORT = re.compile(r"[1-9]\d{2,5}")  # 110, 12345 service lines, in-house extensions


def normalize_phone(value: str, *, required: bool) -> str:
    """A Chinese mobile or landline number (spaces, dashes and +86 tolerated), digits only
    in the result, or an extension of 3-6 digits. Anything else is refused."""
    raw = (value or "").strip()
    if not raw:
        if required:
            raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "A phone number is needed."))
        return ""
    compact = re.sub(r"[\s\-()（）]", "", raw)
    compact = compact.replace("ext", "转").replace("-转", "转")
    if compact.startswith("+86"):
        compact = compact[3:]
    elif compact.startswith("0086"):
        compact = compact[4:]
    if _MOBILE.fullmatch(compact) or _LANDLINE.fullmatch(compact) or _SHORT.fullmatch(compact):
        return compact
    raise ValidationError(
        QT_TRANSLATE_NOOP(
            "DeskError",
            "{phone!r} is not a phone number: give a mobile number of 11 digits, a landline "
            "with its area code, or an extension.",
        ),
        phone=raw[:40],
    )


@dataclass(frozen=True)
class PriceItem:
    id: int
    name: str
    unit: str
    price_cents: int
    active: bool = True

    @property
    def price_text(self) -> str:
        return f"{self.price_cents // 100}.{self.price_cents % 100:02d}"


@dataclass
class TicketDetails:
    """What a kind adds to a ticket (stored as JSON beside the common columns)."""

    solved_on_spot: bool = False  # complaint
    validity: Validity = Validity.UNDECIDED  # complaint
    visit_at: datetime | None = None  # repair / convenience: agreed time
    dispatched_to: str = ""  # repair / help request: who was sent
    price_item_id: int | None = None  # convenience service
    quantity: int = 1
    paid: bool = False
    items: list[str] = field(default_factory=list)  # item release
    identity_checked: bool = False  # item release
    identity_note: str = ""  # item release: what was shown (e.g. 身份证后四位 1234)
    visitor_name: str = ""  # visitor
    visitor_count: int = 1
    owner_consent: bool = False  # visitor: the owner agreed (a non-owner enters only so)
    recipient: str = ""  # message
    delivered: bool = False  # message
