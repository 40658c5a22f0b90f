"""The ticket queue: registering residents' requests, their workflows and clocks, escalation,
incident reports, the queue's indexed queries, and the monthly complaint figures.

Every rule is checked here, whatever the window shows. Every change writes a TicketEvent
(who, when, why) in the same transaction as the change; tickets are never deleted (the
database refuses it). A ticket's ``due_at`` is the earliest clock not yet met, kept up to
date on every change, so what is due or overdue is an index range, never a Python scan.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Select, and_, func, insert, or_, select, text, update
from sqlalchemy.orm import Session

from desk_app.domain import tickets as tk
from desk_app.domain.clock import Clock
from desk_app.domain.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from desk_app.domain.handover import OpenWork, WorkSource
from desk_app.domain.roles import Actor, Role, require_role
from desk_app.domain.text_rules import (
    FIELD_NAME,
    FIELD_REASON,
    NAME_MAX,
    REASON_MAX,
    check_whole_number,
    clean_text,
)
from desk_app.domain.textsearch import index_text, plan
from desk_app.domain.tickets import (
    ClockKind,
    KindRule,
    TicketDetails,
    TicketKind,
    TicketStatus,
    Urgency,
    Validity,
)
from desk_app.services.common import audit, from_db, to_db
from desk_app.services.desk import DeskService
from desk_app.storage.database import Database
from desk_app.storage.models import (
    Account,
    IncidentReport,
    PriceItem,
    Resident,
    Ticket,
    TicketClock,
    TicketEvent,
    TicketNotice,
    TicketNoticeSeen,
    TicketRule,
)

DESCRIPTION_MAX = 500
NOTE_MAX = 500
BUILDING_MAX = 20
ROOM_MAX = 30
ITEM_MAX = 40
ITEMS_MAX = 20
REPORT_MAX = 5000
QUANTITY_MAX = 99
VISITORS_MAX = 50
PRICE_MAX_CENTS = 1_000_000
# A clock set "now" from a dialog may be a few seconds old by the time it is saved.
PAST_GRACE = timedelta(minutes=1)
# How far ahead the automatic escalation looks (the largest escalate_before_minutes allowed).
ESCALATION_HORIZON = timedelta(minutes=1440)

FIELD_DESCRIPTION = QT_TRANSLATE_NOOP("Field", "Description")
FIELD_RESIDENT = QT_TRANSLATE_NOOP("Field", "Resident")
FIELD_BUILDING = QT_TRANSLATE_NOOP("Field", "Building")
FIELD_ROOM = QT_TRANSLATE_NOOP("Field", "Unit and room")
FIELD_NOTE = QT_TRANSLATE_NOOP("Field", "Note")
FIELD_PERSON = QT_TRANSLATE_NOOP("Field", "Person dispatched")
FIELD_ITEM = QT_TRANSLATE_NOOP("Field", "Item")
FIELD_VISITOR = QT_TRANSLATE_NOOP("Field", "Visitor")
FIELD_RECIPIENT = QT_TRANSLATE_NOOP("Field", "Recipient")
FIELD_REPORT = QT_TRANSLATE_NOOP("Field", "Incident report")
FIELD_IDENTITY = QT_TRANSLATE_NOOP("Field", "Identity shown")
FIELD_UNIT = QT_TRANSLATE_NOOP("Field", "Unit")


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

    def overdue(self, now: datetime) -> bool:
        return self.due_at is not None and self.due_at < now


@dataclass(frozen=True)
class ClockView:
    kind: ClockKind
    due_at: datetime
    met_at: datetime | None
    met_by: str | None

    @property
    def on_time(self) -> bool | None:
        return None if self.met_at is None else self.met_at <= self.due_at


@dataclass(frozen=True)
class EventView:
    at: datetime
    actor: str | None
    action: str
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


def _details_to_json(details: TicketDetails) -> str:
    data = asdict(details)
    data["validity"] = details.validity.value
    data["visit_at"] = details.visit_at.isoformat() if details.visit_at else None
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def _details_from_json(raw: str) -> TicketDetails:
    data: dict[str, Any] = json.loads(raw or "{}")
    known = {f for f in TicketDetails.__dataclass_fields__}
    data = {k: v for k, v in data.items() if k in known}
    if "validity" in data:
        data["validity"] = Validity(data["validity"])
    if data.get("visit_at"):
        data["visit_at"] = datetime.fromisoformat(data["visit_at"])
    return TicketDetails(**data)


class TicketService:
    def __init__(self, db: Database, clock: Clock, desk: DeskService) -> None:
        self._db = db
        self._clock = clock
        self._desk = desk

    # -- the desk's rules and price list --------------------------------------------------
    def rules(self) -> dict[TicketKind, KindRule]:
        with self._db.read() as session:
            stored = {r.kind: r for r in session.scalars(select(TicketRule))}
        result = tk.default_rules()
        for kind in TicketKind:
            row = stored.get(kind.value)
            if row is not None:
                result[kind] = KindRule(
                    kind,
                    row.reply_minutes,
                    row.follow_up_working_days,
                    row.escalate_before_minutes,
                    row.manager_after_minutes,
                )
        return result

    def set_rule(self, actor: Actor, rule: KindRule) -> None:
        require_role(actor, Role.SUPERVISOR)
        check_whole_number(rule.reply_minutes, 5, 10080, QT_TRANSLATE_NOOP("Field", "Reply within (minutes)"))
        check_whole_number(
            rule.follow_up_working_days, 1, 30, QT_TRANSLATE_NOOP("Field", "Follow-up within (working days)")
        )
        check_whole_number(
            rule.escalate_before_minutes, 0, 1440, QT_TRANSLATE_NOOP("Field", "Escalate before (minutes)")
        )
        check_whole_number(rule.manager_after_minutes, 0, 10080, QT_TRANSLATE_NOOP("Field", "Manager after (minutes)"))
        with self._db.write(actor) as session:
            row = session.get(TicketRule, rule.kind.value)
            if row is None:
                row = TicketRule(kind=rule.kind.value)
                session.add(row)
            row.reply_minutes = rule.reply_minutes
            row.follow_up_working_days = rule.follow_up_working_days
            row.escalate_before_minutes = rule.escalate_before_minutes
            row.manager_after_minutes = rule.manager_after_minutes
            audit(session, self._clock.now(), actor.account_id, "ticket_rule.changed", json.dumps(asdict(rule)))

    def price_list(self, include_retired: bool = False) -> list[tk.PriceItem]:
        with self._db.read() as session:
            query = select(PriceItem).order_by(PriceItem.id)
            if not include_retired:
                query = query.where(PriceItem.active.is_(True))
            return [_price(p) for p in session.scalars(query)]

    def add_price_item(self, actor: Actor, name: str, unit: str, price_cents: int) -> tk.PriceItem:
        require_role(actor, Role.SUPERVISOR)
        name = clean_text(name, field=FIELD_NAME, max_len=NAME_MAX, required=True)
        unit = clean_text(unit, field=FIELD_UNIT, max_len=10, required=True)
        if isinstance(price_cents, bool) or not isinstance(price_cents, int) or not 0 <= price_cents <= PRICE_MAX_CENTS:
            raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "A price must be between 0 and 10000 yuan."))
        with self._db.write(actor) as session:
            if session.scalar(select(PriceItem.id).where(PriceItem.name == name)) is not None:
                raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "{name} is already on the price list."), name=name)
            item = PriceItem(name=name, unit=unit, price_cents=price_cents, active=True)
            session.add(item)
            session.flush()
            audit(session, self._clock.now(), actor.account_id, "price_item.added", f"{item.id} {name} {price_cents}")
            return _price(item)

    def retire_price_item(self, actor: Actor, item_id: int) -> None:
        require_role(actor, Role.SUPERVISOR)
        with self._db.write(actor) as session:
            item = session.get(PriceItem, item_id)
            if item is None:
                raise NotFound(QT_TRANSLATE_NOOP("DeskError", "Price item #{id} does not exist."), id=item_id)
            item.active = False
            audit(session, self._clock.now(), actor.account_id, "price_item.retired", f"{item_id} {item.name}")

    # -- residents --------------------------------------------------------------------------
    def residents_matching(self, typed: str, limit: int = 8) -> list[ResidentView]:
        """Residents whose name, phone or building starts with ``typed``, latest served first."""
        typed = (typed or "").strip()
        if not typed or len(typed) > 40:
            return []
        escaped = typed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        with self._db.read() as session:
            rows = session.scalars(
                select(Resident)
                .where(
                    or_(
                        Resident.name.like(escaped, escape="\\"),
                        Resident.phone.like(escaped, escape="\\"),
                        (Resident.building + Resident.room).like(escaped, escape="\\"),
                    )
                )
                .order_by(Resident.last_used_at.desc())
                .limit(limit)
            )
            return [ResidentView(r.id, r.name, r.building, r.room, r.phone) for r in rows]

    # -- registering ------------------------------------------------------------------------
    def register(self, actor: Actor, data: TicketInput) -> TicketView:
        """Register a request; every field is checked before anything is written."""
        require_role(actor, Role.CLERK)
        now = self._clock.now()
        kind = data.kind
        description = clean_text(
            data.description, field=FIELD_DESCRIPTION, max_len=DESCRIPTION_MAX, required=True, multiline=True
        )
        resident = self._valid_resident(kind, data.resident)
        details = self._valid_details(kind, data.details, now)
        rule = self.rules()[kind]
        status = TicketStatus.OPEN
        clocks: list[tuple[ClockKind, datetime]] = []
        closed_note = ""
        if kind is TicketKind.COMPLAINT:
            if details.solved_on_spot:
                if details.validity is Validity.UNDECIDED:
                    raise ValidationError(
                        QT_TRANSLATE_NOOP(
                            "DeskError", "A complaint solved on the spot must be judged valid or invalid."
                        )
                    )
                if details.validity is Validity.VALID:
                    status = TicketStatus.FOLLOW_UP
                    due = tk.follow_up_due(now, rule, self._tz())
                    if due is not None:
                        clocks.append((ClockKind.FOLLOW_UP, due))
                else:
                    status, closed_note = TicketStatus.CLOSED, "当场答复（无效投诉）"
            else:
                due = tk.reply_due(now, rule)
                if due is not None:
                    clocks.append((ClockKind.REPLY, due))
        elif kind in (TicketKind.REPAIR, TicketKind.CONVENIENCE, TicketKind.HELP_REQUEST):
            if details.visit_at is not None:
                clocks.append((ClockKind.VISIT, details.visit_at))
            if details.dispatched_to:
                status = TicketStatus.IN_PROGRESS
        elif kind in (TicketKind.CONSULTATION, TicketKind.ITEM_RELEASE, TicketKind.VISITOR):
            # Answered, released or let in at the desk: the registration is the record.
            status, closed_note = TicketStatus.CLOSED, "当场办结"
        elif kind is TicketKind.MESSAGE and details.delivered:
            status, closed_note = TicketStatus.CLOSED, "当场转达"
        if data.urgency is Urgency.MAJOR:
            if kind in (TicketKind.CONSULTATION, TicketKind.ITEM_RELEASE, TicketKind.VISITOR, TicketKind.MESSAGE):
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "DeskError", "Only a help request, a repair, a complaint or a service can be a major incident."
                    )
                )
            clocks.append((ClockKind.INCIDENT_REPORT, tk.incident_report_due(now, self._tz())))
        with self._db.write(actor) as session:
            resident_id = self._remember_resident(session, resident, now) if resident.name or resident.phone else None
            ticket = Ticket(
                kind=kind.value,
                status=status.value,
                urgency=data.urgency.value,
                source=data.source.value,
                resident_id=resident_id,
                resident_name=resident.name,
                building=resident.building,
                room=resident.room,
                phone=resident.phone,
                description=description,
                details_json=_details_to_json(details),
                created_at=to_db(now),
                created_by=actor.account_id,
                level=Role.CLERK.value,
                closed_at=to_db(now) if status is TicketStatus.CLOSED else None,
            )
            session.add(ticket)
            session.flush()
            for clock_kind, due in clocks:
                session.add(TicketClock(ticket_id=ticket.id, kind=clock_kind.value, due_at=to_db(due)))
            self._event(session, ticket, actor, "registered", None, status, description[:80])
            if closed_note:
                self._event(session, ticket, actor, "closed", status, status, closed_note)
            session.execute(
                text("INSERT INTO ticket_fts(rowid, body) VALUES (:id, :body)"),
                {"id": ticket.id, "body": index_text(*_search_parts(ticket, details))},
            )
            session.flush()
            self._refresh_due(session, ticket)
            if data.urgency is Urgency.MAJOR:
                self._raise_level(session, ticket, Role.MANAGER, actor, "重大事件，立即上报管理处主任")
            return self._view(session, ticket)

    def _valid_resident(self, kind: TicketKind, resident: ResidentInput) -> ResidentInput:
        name = clean_text(
            resident.name,
            field=FIELD_RESIDENT,
            max_len=NAME_MAX,
            required=kind.needs_resident and kind is not TicketKind.VISITOR,
        )
        building = clean_text(
            resident.building,
            field=FIELD_BUILDING,
            max_len=BUILDING_MAX,
            required=kind in (TicketKind.REPAIR, TicketKind.VISITOR),
        )
        room = clean_text(
            resident.room, field=FIELD_ROOM, max_len=ROOM_MAX, required=kind in (TicketKind.REPAIR, TicketKind.VISITOR)
        )
        phone_needed = kind in (TicketKind.COMPLAINT, TicketKind.REPAIR, TicketKind.CONVENIENCE)
        phone = tk.normalize_phone(resident.phone, required=phone_needed)
        return ResidentInput(name, building, room, phone)

    def _valid_details(self, kind: TicketKind, details: TicketDetails, now: datetime) -> TicketDetails:
        d = replace(details)
        if d.visit_at is not None:
            if d.visit_at.tzinfo is None:
                raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "The visit time has no time zone."))
            self._future(d.visit_at, now)
        d.dispatched_to = clean_text(d.dispatched_to, field=FIELD_PERSON, max_len=NAME_MAX, required=False)
        if kind is TicketKind.CONVENIENCE:
            if d.price_item_id is None:
                raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "Choose the service from the price list."))
            if not any(p.id == d.price_item_id for p in self.price_list()):
                raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "That service is not on the desk's price list."))
            if d.visit_at is None:
                raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "Agree a time for the service with the resident."))
            check_whole_number(d.quantity, 1, QUANTITY_MAX, QT_TRANSLATE_NOOP("Field", "Quantity"))
        if kind is TicketKind.ITEM_RELEASE:
            items = [clean_text(i, field=FIELD_ITEM, max_len=ITEM_MAX, required=False) for i in d.items]
            d.items = [i for i in items if i]
            if not d.items:
                raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "List the items to be released."))
            if len(d.items) > ITEMS_MAX:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("DeskError", "At most {n} items fit on one release slip."), n=ITEMS_MAX
                )
            if not d.identity_checked:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("DeskError", "Check the resident's identity before releasing items.")
                )
            d.identity_note = clean_text(d.identity_note, field=FIELD_IDENTITY, max_len=NAME_MAX, required=False)
        if kind is TicketKind.VISITOR:
            d.visitor_name = clean_text(d.visitor_name, field=FIELD_VISITOR, max_len=NAME_MAX, required=True)
            check_whole_number(d.visitor_count, 1, VISITORS_MAX, QT_TRANSLATE_NOOP("Field", "Number of visitors"))
            if not d.owner_consent:
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "DeskError", "A visitor who is not an owner enters only with the owner's consent."
                    )
                )
        if kind is TicketKind.MESSAGE:
            d.recipient = clean_text(d.recipient, field=FIELD_RECIPIENT, max_len=NAME_MAX, required=True)
        return d

    def _future(self, when: datetime, now: datetime) -> None:
        if when < now - PAST_GRACE:
            raise ValidationError(
                QT_TRANSLATE_NOOP("DeskError", "The time {time} is in the past."),
                time=when.astimezone(self._tz()).strftime("%Y-%m-%d %H:%M"),
            )

    def _remember_resident(self, session: Session, resident: ResidentInput, now: datetime) -> int:
        row = session.scalar(
            select(Resident).where(
                Resident.name == resident.name,
                Resident.building == resident.building,
                Resident.room == resident.room,
                Resident.phone == resident.phone,
            )
        )
        if row is None:
            row = Resident(
                name=resident.name,
                building=resident.building,
                room=resident.room,
                phone=resident.phone,
                last_used_at=to_db(now),
            )
            session.add(row)
            session.flush()
        else:
            row.last_used_at = to_db(now)
        return row.id

    # -- the workflow -----------------------------------------------------------------------
    def judge(self, actor: Actor, ticket_id: int, validity: Validity, reason: str) -> TicketView:
        """Judge a complaint valid or invalid (有效/无效投诉), with the reason."""
        require_role(actor, Role.CLERK)
        reason = clean_text(reason, field=FIELD_REASON, max_len=REASON_MAX, required=True)
        if validity is Validity.UNDECIDED:
            raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "Say whether the complaint is valid or invalid."))
        with self._db.write(actor) as session:
            ticket = self._open_ticket(session, ticket_id, (TicketKind.COMPLAINT,))
            details = _details_from_json(ticket.details_json)
            if self._clock_met(session, ticket, ClockKind.FOLLOW_UP) or ticket.status == TicketStatus.FOLLOW_UP:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("DeskError", "The complaint is already resolved; reopen it to judge it again.")
                )
            details.validity = validity
            ticket.details_json = _details_to_json(details)
            word = "有效投诉" if validity is Validity.VALID else "无效投诉"
            self._event(session, ticket, actor, "judged", None, None, f"{word}：{reason}")
            return self._view(session, ticket)

    def reply(
        self,
        actor: Actor,
        ticket_id: int,
        note: str,
        *,
        resolved: bool,
        next_reply_at: datetime | None = None,
    ) -> TicketView:
        """A reply to the complainant. Unless it resolves the complaint, the next reply time is
        agreed and becomes a clock; a resolved valid complaint awaits its follow-up visit, a
        resolved invalid one is closed."""
        require_role(actor, Role.CLERK)
        note = clean_text(note, field=FIELD_NOTE, max_len=NOTE_MAX, required=True, multiline=True)
        now = self._clock.now()
        with self._db.write(actor) as session:
            ticket = self._open_ticket(session, ticket_id, (TicketKind.COMPLAINT,))
            if ticket.status == TicketStatus.FOLLOW_UP:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("DeskError", "This complaint is resolved and waits for its follow-up visit.")
                )
            details = _details_from_json(ticket.details_json)
            self._meet(session, ticket, (ClockKind.REPLY, ClockKind.NEXT_REPLY), actor, now)
            before = TicketStatus(ticket.status)
            if resolved:
                if details.validity is Validity.UNDECIDED:
                    raise ValidationError(
                        QT_TRANSLATE_NOOP(
                            "DeskError", "Judge the complaint valid or invalid before recording it as resolved."
                        )
                    )
                if details.validity is Validity.VALID:
                    self._start_follow_up(session, ticket, now)
                    ticket.status = TicketStatus.FOLLOW_UP.value
                else:
                    ticket.status = TicketStatus.CLOSED.value
                    ticket.closed_at = to_db(now)
            else:
                if next_reply_at is None:
                    raise ValidationError(
                        QT_TRANSLATE_NOOP("DeskError", "Agree with the resident when the next reply will be.")
                    )
                self._future(next_reply_at, now)
                if next_reply_at <= now:
                    raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "The next reply must be later than now."))
                session.add(
                    TicketClock(ticket_id=ticket.id, kind=ClockKind.NEXT_REPLY.value, due_at=to_db(next_reply_at))
                )
                ticket.status = TicketStatus.IN_PROGRESS.value
            self._event(session, ticket, actor, "replied", before, TicketStatus(ticket.status), note)
            session.flush()
            self._refresh_due(session, ticket)
            return self._view(session, ticket)

    def dispatch(
        self, actor: Actor, ticket_id: int, person: str, visit_at: datetime | None = None, note: str = ""
    ) -> TicketView:
        """Send someone (engineering, a cleaner …), optionally at a time agreed with the resident."""
        require_role(actor, Role.CLERK)
        person = clean_text(person, field=FIELD_PERSON, max_len=NAME_MAX, required=True)
        note = clean_text(note, field=FIELD_NOTE, max_len=NOTE_MAX, required=False)
        now = self._clock.now()
        if visit_at is not None:
            self._future(visit_at, now)
        with self._db.write(actor) as session:
            ticket = self._open_ticket(
                session, ticket_id, (TicketKind.REPAIR, TicketKind.HELP_REQUEST, TicketKind.CONVENIENCE)
            )
            if ticket.status == TicketStatus.FOLLOW_UP:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("DeskError", "The work is done; it waits for its follow-up visit.")
                )
            details = _details_from_json(ticket.details_json)
            details.dispatched_to = person
            if visit_at is not None:
                # A new agreed time replaces the old one: the old clock is closed as rescheduled.
                self._meet(session, ticket, (ClockKind.VISIT,), actor, now)
                session.add(TicketClock(ticket_id=ticket.id, kind=ClockKind.VISIT.value, due_at=to_db(visit_at)))
                details.visit_at = visit_at
            ticket.details_json = _details_to_json(details)
            before = TicketStatus(ticket.status)
            ticket.status = TicketStatus.IN_PROGRESS.value
            when = f"，约定 {visit_at.astimezone(self._tz()):%m-%d %H:%M}" if visit_at else ""
            self._event(
                session,
                ticket,
                actor,
                "dispatched",
                before,
                TicketStatus.IN_PROGRESS,
                f"派{person}{when}" + (f"；{note}" if note else ""),
            )
            session.flush()
            self._refresh_due(session, ticket)
            return self._view(session, ticket)

    def complete(self, actor: Actor, ticket_id: int, note: str, *, paid: bool | None = None) -> TicketView:
        """The work is done; kinds that are visited back now wait for the follow-up."""
        require_role(actor, Role.CLERK)
        note = clean_text(note, field=FIELD_NOTE, max_len=NOTE_MAX, required=True, multiline=True)
        now = self._clock.now()
        with self._db.write(actor) as session:
            ticket = self._open_ticket(
                session, ticket_id, (TicketKind.REPAIR, TicketKind.HELP_REQUEST, TicketKind.CONVENIENCE)
            )
            if ticket.status == TicketStatus.FOLLOW_UP:
                raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "The work is already recorded as done."))
            details = _details_from_json(ticket.details_json)
            if paid is not None:
                details.paid = paid
                ticket.details_json = _details_to_json(details)
            self._meet(session, ticket, (ClockKind.VISIT,), actor, now)
            before = TicketStatus(ticket.status)
            self._start_follow_up(session, ticket, now)
            ticket.status = TicketStatus.FOLLOW_UP.value
            self._event(
                session,
                ticket,
                actor,
                "completed",
                before,
                TicketStatus.FOLLOW_UP,
                note + ("；已收费" if details.paid else "；未收费" if ticket.kind == TicketKind.CONVENIENCE else ""),
            )
            session.flush()
            self._refresh_due(session, ticket)
            return self._view(session, ticket)

    def record_follow_up(self, actor: Actor, ticket_id: int, note: str, *, satisfied: bool) -> TicketView:
        """The follow-up visit (回访): recorded, the ticket is closed."""
        require_role(actor, Role.CLERK)
        note = clean_text(note, field=FIELD_NOTE, max_len=NOTE_MAX, required=True, multiline=True)
        now = self._clock.now()
        with self._db.write(actor) as session:
            ticket = self._open_ticket(session, ticket_id, None)
            if ticket.status != TicketStatus.FOLLOW_UP:
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "DeskError", "The follow-up visit comes after the work is done or the complaint resolved."
                    )
                )
            self._meet(session, ticket, (ClockKind.FOLLOW_UP,), actor, now)
            ticket.status = TicketStatus.CLOSED.value
            ticket.closed_at = to_db(now)
            verdict = "满意" if satisfied else "不满意"
            self._event(
                session,
                ticket,
                actor,
                "followed_up",
                TicketStatus.FOLLOW_UP,
                TicketStatus.CLOSED,
                f"回访（{verdict}）：{note}",
            )
            session.flush()
            self._refresh_due(session, ticket)
            return self._view(session, ticket)

    def deliver(self, actor: Actor, ticket_id: int, note: str = "") -> TicketView:
        """A message was passed on to its recipient."""
        require_role(actor, Role.CLERK)
        note = clean_text(note, field=FIELD_NOTE, max_len=NOTE_MAX, required=False)
        now = self._clock.now()
        with self._db.write(actor) as session:
            ticket = self._open_ticket(session, ticket_id, (TicketKind.MESSAGE,))
            details = _details_from_json(ticket.details_json)
            details.delivered = True
            ticket.details_json = _details_to_json(details)
            before = TicketStatus(ticket.status)
            ticket.status = TicketStatus.CLOSED.value
            ticket.closed_at = to_db(now)
            self._event(session, ticket, actor, "delivered", before, TicketStatus.CLOSED, note or "已转达")
            session.flush()
            self._refresh_due(session, ticket)
            return self._view(session, ticket)

    def close(self, actor: Actor, ticket_id: int, reason: str) -> TicketView:
        """Close a ticket by hand (the resident withdrew it, a duplicate …), with the reason.
        A valid complaint is never closed before its follow-up visit (回访率100%)."""
        require_role(actor, Role.CLERK)
        reason = clean_text(reason, field=FIELD_REASON, max_len=REASON_MAX, required=True)
        now = self._clock.now()
        with self._db.write(actor) as session:
            ticket = self._open_ticket(session, ticket_id, None)
            details = _details_from_json(ticket.details_json)
            if (
                ticket.kind == TicketKind.COMPLAINT
                and details.validity is not Validity.INVALID
                and not self._clock_met(session, ticket, ClockKind.FOLLOW_UP)
            ):
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "DeskError",
                        "A complaint cannot be closed before its follow-up visit is recorded "
                        "(an invalid complaint is closed by its reply).",
                    )
                )
            if ticket.urgency == Urgency.MAJOR and not self._clock_met(session, ticket, ClockKind.INCIDENT_REPORT):
                raise ValidationError(
                    QT_TRANSLATE_NOOP("DeskError", "A major incident is closed only after its written report.")
                )
            before = TicketStatus(ticket.status)
            ticket.status = TicketStatus.CLOSED.value
            ticket.closed_at = to_db(now)
            self._event(session, ticket, actor, "closed", before, TicketStatus.CLOSED, reason)
            session.flush()
            self._refresh_due(session, ticket)
            return self._view(session, ticket)

    def reopen(self, actor: Actor, ticket_id: int, reason: str) -> TicketView:
        """Reopen a closed ticket (the problem came back); a complaint gets a new reply clock."""
        require_role(actor, Role.CLERK)
        reason = clean_text(reason, field=FIELD_REASON, max_len=REASON_MAX, required=True)
        now = self._clock.now()
        with self._db.write(actor) as session:
            ticket = self._get(session, ticket_id)
            if ticket.status != TicketStatus.CLOSED:
                raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "Ticket #{id} is not closed."), id=ticket_id)
            ticket.status = TicketStatus.OPEN.value
            ticket.closed_at = None
            if ticket.kind == TicketKind.COMPLAINT:
                details = _details_from_json(ticket.details_json)
                details.solved_on_spot = False
                details.validity = Validity.UNDECIDED
                ticket.details_json = _details_to_json(details)
                due = tk.reply_due(now, self.rules()[TicketKind.COMPLAINT])
                if due is not None:
                    session.add(TicketClock(ticket_id=ticket.id, kind=ClockKind.REPLY.value, due_at=to_db(due)))
            self._event(session, ticket, actor, "reopened", TicketStatus.CLOSED, TicketStatus.OPEN, reason)
            session.flush()
            self._refresh_due(session, ticket)
            return self._view(session, ticket)

    def write_incident_report(self, actor: Actor, ticket_id: int, body: str) -> TicketView:
        """The written report of a major incident (due by the end of the next day)."""
        require_role(actor, Role.CLERK)
        body = clean_text(body, field=FIELD_REPORT, max_len=REPORT_MAX, required=True, multiline=True)
        now = self._clock.now()
        with self._db.write(actor) as session:
            ticket = self._get(session, ticket_id)
            if ticket.urgency != Urgency.MAJOR:
                raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "Only a major incident has a written report."))
            if session.scalar(select(IncidentReport.id).where(IncidentReport.ticket_id == ticket.id)) is not None:
                raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "The report of this incident is already written."))
            session.add(
                IncidentReport(ticket_id=ticket.id, written_at=to_db(now), author_id=actor.account_id, body=body)
            )
            self._meet(session, ticket, (ClockKind.INCIDENT_REPORT,), actor, now)
            self._event(session, ticket, actor, "incident_report", None, None, body[:80])
            session.flush()
            self._refresh_due(session, ticket)
            return self._view(session, ticket)

    # -- escalation (逐级上报) ---------------------------------------------------------------
    def escalate(self, actor: Actor, ticket_id: int, reason: str) -> TicketView:
        """Move a ticket one level up (clerk → supervisor → manager) on demand, with a reason."""
        require_role(actor, Role.CLERK)
        reason = clean_text(reason, field=FIELD_REASON, max_len=REASON_MAX, required=True)
        with self._db.write(actor) as session:
            ticket = self._open_ticket(session, ticket_id, None)
            level = Role(ticket.level)
            if level is Role.MANAGER:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("DeskError", "Ticket #{id} is already with the manager."), id=ticket_id
                )
            target = tk.LEVELS[tk.LEVELS.index(level) + 1]
            self._raise_level(session, ticket, target, actor, reason)
            return self._view(session, ticket)

    def escalate_due(self) -> list[int]:
        """Raise every open ticket whose clock is about to run out or has run out to the level
        its kind's rule asks for. Only tickets with a clock inside the horizon are read (an
        index range on the open tickets' due time). Returns the ids raised."""
        now = self._clock.now()
        kind_rules = self.rules()
        raised: list[int] = []
        with self._db.write() as session:
            candidates = session.scalars(
                select(Ticket).where(
                    Ticket.status != TicketStatus.CLOSED.value,
                    Ticket.level != Role.MANAGER.value,
                    or_(
                        and_(Ticket.due_at.is_not(None), Ticket.due_at <= to_db(now + ESCALATION_HORIZON)),
                        Ticket.urgency == Urgency.MAJOR.value,
                    ),
                )
            ).all()
            for ticket in candidates:
                due = from_db(ticket.due_at) if ticket.due_at else None
                target = tk.escalation_target(
                    Role(ticket.level), due, now, kind_rules[TicketKind(ticket.kind)], Urgency(ticket.urgency)
                )
                if target is None:
                    continue
                clock = ClockKind(ticket.due_clock).chinese if ticket.due_clock else ""
                overdue = due is not None and due <= now
                reason = f"{clock}{'已超时' if overdue else '即将到期'}" if due else "重大事件"
                self._raise_level(session, ticket, target, None, reason.strip())
                raised.append(ticket.id)
        return raised

    def notices(self, actor: Actor) -> list[Notice]:
        """Escalations that reached the actor's level and that they have not acknowledged."""
        with self._db.read() as session:
            seen = select(TicketNoticeSeen.notice_id).where(TicketNoticeSeen.account_id == actor.account_id)
            rows = session.execute(
                select(TicketNotice, Ticket.kind, Ticket.description)
                .join(Ticket, Ticket.id == TicketNotice.ticket_id)
                .where(TicketNotice.level == actor.role.value, TicketNotice.id.not_in(seen))
                .order_by(TicketNotice.id)
            ).all()
            tz = self._tz()
            return [
                Notice(n.id, n.ticket_id, from_db(n.at).astimezone(tz), n.reason, TicketKind(k), d) for n, k, d in rows
            ]

    def acknowledge(self, actor: Actor, notice_ids: Iterable[int]) -> None:
        now = to_db(self._clock.now())
        ids = sorted(set(notice_ids))
        if not ids:
            return
        with self._db.write(actor) as session:
            done = set(
                session.scalars(
                    select(TicketNoticeSeen.notice_id).where(
                        TicketNoticeSeen.account_id == actor.account_id, TicketNoticeSeen.notice_id.in_(ids)
                    )
                )
            )
            valid = set(session.scalars(select(TicketNotice.id).where(TicketNotice.id.in_(ids))))
            rows = [
                {"notice_id": i, "account_id": actor.account_id, "seen_at": now}
                for i in ids
                if i in valid and i not in done
            ]
            if rows:
                session.execute(insert(TicketNoticeSeen), rows)

    # -- reading ----------------------------------------------------------------------------
    def get(self, ticket_id: int) -> TicketView:
        with self._db.read() as session:
            return self._view(session, self._get(session, ticket_id))

    def count(self, flt: TicketFilter) -> int:
        now = self._clock.now()
        with self._db.read() as session:
            query = self._filtered(select(func.count(Ticket.id)), flt, now)
            return int(session.scalar(query) or 0)

    def page(self, flt: TicketFilter, offset: int, limit: int) -> list[TicketRow]:
        """Open work sorted by what is due first (tickets without a clock after, oldest first);
        closed tickets newest first."""
        now = self._clock.now()
        with self._db.read() as session:
            names = dict(session.execute(select(Account.id, Account.display_name)).all())
            tz = self._tz()
            if not flt.open_only:
                query = self._filtered(select(Ticket), flt, now).order_by(Ticket.created_at.desc(), Ticket.id.desc())
                return [_row(t, names, tz) for t in session.scalars(query.offset(offset).limit(limit))]
            # Two index ranges instead of one sort: tickets with a clock by due time, then the rest.
            timed = self._filtered(select(Ticket), flt, now).where(Ticket.due_at.is_not(None))
            rows = list(session.scalars(timed.order_by(Ticket.due_at, Ticket.id).offset(offset).limit(limit)))
            if len(rows) < limit and not (flt.due_today or flt.overdue):
                n_timed = (
                    offset + len(rows)
                    if rows
                    else int(
                        session.scalar(
                            self._filtered(select(func.count(Ticket.id)), flt, now).where(Ticket.due_at.is_not(None))
                        )
                        or 0
                    )
                )
                untimed = self._filtered(select(Ticket), flt, now).where(Ticket.due_at.is_(None))
                rest = session.scalars(
                    untimed.order_by(Ticket.id).offset(max(0, offset - n_timed)).limit(limit - len(rows))
                )
                rows.extend(rest)
            return [_row(t, names, tz) for t in rows]

    def _filtered(self, query: Select[Any], flt: TicketFilter, now: datetime) -> Select[Any]:
        if flt.statuses:
            query = query.where(Ticket.status.in_([s.value for s in flt.statuses]))
        else:
            query = query.where(Ticket.status != TicketStatus.CLOSED.value)
        if flt.kinds:
            query = query.where(Ticket.kind.in_([k.value for k in flt.kinds]))
        if flt.building.strip():
            query = query.where(Ticket.building == flt.building.strip())
        if flt.clerk_id is not None:
            query = query.where(Ticket.created_by == flt.clerk_id)
        if flt.overdue:
            query = query.where(Ticket.due_at < to_db(now))
        if flt.due_today:
            tz = self._tz()
            end = datetime.combine(now.astimezone(tz).date() + timedelta(days=1), time(0), tz)
            query = query.where(Ticket.due_at < to_db(end))
            if not flt.overdue:
                query = query.where(Ticket.due_at >= to_db(now))
        if flt.text.strip():
            search = plan(flt.text)
            if search.fts_query:
                query = query.where(
                    Ticket.id.in_(
                        select(text("rowid")).select_from(text("ticket_fts")).where(text("ticket_fts MATCH :fts"))
                    )
                ).params(fts=search.fts_query)
            for term in search.like_terms:
                pattern = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
                query = query.where(
                    or_(
                        Ticket.description.like(pattern, escape="\\"),
                        Ticket.resident_name.like(pattern, escape="\\"),
                        Ticket.phone.like(pattern, escape="\\"),
                        (Ticket.building + Ticket.room).like(pattern, escape="\\"),
                    )
                )
        return query

    def buildings(self) -> list[str]:
        with self._db.read() as session:
            return [b for b in session.scalars(select(Resident.building).distinct().order_by(Resident.building)) if b]

    def open_work(self) -> list[OpenWork]:
        """Open tickets for the handover's open-work step: urgent ones, major incidents and
        anything overdue are important (they block the handover until dealt with)."""
        now = self._clock.now()
        with self._db.read() as session:
            rows = session.scalars(
                select(Ticket).where(Ticket.status != TicketStatus.CLOSED.value).order_by(Ticket.due_at, Ticket.id)
            ).all()
            tz = self._tz()
            work: list[OpenWork] = []
            for t in rows:
                due = from_db(t.due_at).astimezone(tz) if t.due_at else None
                where = f"{t.building}{t.room}" if t.building or t.room else ""
                status = TicketStatus(t.status).chinese
                label = (
                    f"#{t.id} {TicketKind(t.kind).chinese}（{status}）{t.resident_name}{where}：{t.description[:60]}"
                )
                if due is not None:
                    label += f"（{ClockKind(t.due_clock).chinese if t.due_clock else ''} {due:%m-%d %H:%M}）"
                important = t.urgency != Urgency.NORMAL.value or (due is not None and due < now)
                work.append(OpenWork(WorkSource.TICKET, t.id, label, important=important))
            return work

    def is_closed(self, ticket_id: int) -> bool:
        with self._db.read() as session:
            return session.scalar(select(Ticket.status).where(Ticket.id == ticket_id)) == TicketStatus.CLOSED.value

    def monthly_report(self, year: int, month: int) -> MonthlyReport:
        """The month's figures, counted by the database (ticket registered in the month, desk time)."""
        if not (2000 <= year <= 2100 and 1 <= month <= 12):
            raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "No such month."))
        tz = self._tz()
        start = datetime.combine(date(year, month, 1), time(0), tz)
        end = datetime.combine(date(year + month // 12, month % 12 + 1, 1), time(0), tz)
        window = and_(Ticket.created_at >= to_db(start), Ticket.created_at < to_db(end))
        report = MonthlyReport(year, month)
        with self._db.read() as session:
            for kind, n in session.execute(select(Ticket.kind, func.count()).where(window).group_by(Ticket.kind)):
                report.by_kind[TicketKind(kind)] = n
            complaint = and_(window, Ticket.kind == TicketKind.COMPLAINT.value)
            report.complaints = report.by_kind.get(TicketKind.COMPLAINT, 0)
            for building, n in session.execute(
                select(Ticket.building, func.count())
                .where(complaint)
                .group_by(Ticket.building)
                .order_by(func.count().desc())
            ):
                report.complaints_by_building[building or "—"] = n
            validity = func.json_extract(Ticket.details_json, "$.validity")
            on_spot = func.json_extract(Ticket.details_json, "$.solved_on_spot")
            report.valid = int(session.scalar(select(func.count()).where(complaint, validity == "valid")) or 0)
            report.invalid = int(session.scalar(select(func.count()).where(complaint, validity == "invalid")) or 0)
            report.solved_on_spot = int(session.scalar(select(func.count()).where(complaint, on_spot == 1)) or 0)
            replies = (
                select(TicketClock)
                .join(Ticket, Ticket.id == TicketClock.ticket_id)
                .where(complaint, TicketClock.kind == ClockKind.REPLY.value)
            )
            # A reply counts once it was given or its time ran out (not while it may still be on time).
            now = self._clock.now()
            reply_rows = [c for c in session.scalars(replies) if c.met_at is not None or from_db(c.due_at) < now]
            report.replies_due = len(reply_rows)
            report.replies_on_time = sum(1 for c in reply_rows if c.met_at is not None and c.met_at <= c.due_at)
            # Every valid complaint is visited back: those not yet visited count as not done.
            report.follow_ups_due = report.valid
            report.follow_ups_done = int(
                session.scalar(
                    select(func.count(func.distinct(TicketClock.ticket_id)))
                    .join(Ticket, Ticket.id == TicketClock.ticket_id)
                    .where(
                        complaint,
                        validity == "valid",
                        TicketClock.kind == ClockKind.FOLLOW_UP.value,
                        TicketClock.met_at.is_not(None),
                    )
                )
                or 0
            )
            report.closed = int(
                session.scalar(select(func.count()).where(complaint, Ticket.status == TicketStatus.CLOSED.value)) or 0
            )
        return report

    def registers(self, kind: TicketKind, date_from: date, date_to: date) -> list[TicketView]:
        """Every ticket of a kind registered in the date range, oldest first (the paper registers)."""
        if date_to < date_from:
            raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "The end date is before the start date."))
        tz = self._tz()
        start = to_db(datetime.combine(date_from, time(0), tz))
        end = to_db(datetime.combine(date_to + timedelta(days=1), time(0), tz))
        with self._db.read() as session:
            rows = session.scalars(
                select(Ticket)
                .where(Ticket.kind == kind.value, Ticket.created_at >= start, Ticket.created_at < end)
                .order_by(Ticket.created_at, Ticket.id)
            ).all()
            return [self._view(session, t) for t in rows]

    # -- internals --------------------------------------------------------------------------
    def _tz(self) -> ZoneInfo:
        return self._desk.info().tz

    def _get(self, session: Session, ticket_id: int) -> Ticket:
        ticket = session.get(Ticket, ticket_id)
        if ticket is None:
            raise NotFound(QT_TRANSLATE_NOOP("DeskError", "Ticket #{id} does not exist."), id=ticket_id)
        return ticket

    def _open_ticket(self, session: Session, ticket_id: int, kinds: tuple[TicketKind, ...] | None) -> Ticket:
        ticket = self._get(session, ticket_id)
        if kinds is not None and TicketKind(ticket.kind) not in kinds:
            raise ValidationError(
                QT_TRANSLATE_NOOP("DeskError", "This cannot be done with a ticket of the kind {kind}."),
                kind=TicketKind(ticket.kind).label,
            )
        if ticket.status == TicketStatus.CLOSED:
            raise ValidationError(
                QT_TRANSLATE_NOOP("DeskError", "Ticket #{id} is closed; reopen it first."), id=ticket_id
            )
        return ticket

    def _event(
        self,
        session: Session,
        ticket: Ticket,
        actor: Actor | None,
        action: str,
        before: TicketStatus | None,
        after: TicketStatus | None,
        note: str,
    ) -> None:
        session.add(
            TicketEvent(
                ticket_id=ticket.id,
                at=to_db(self._clock.now()),
                actor_id=actor.account_id if actor else None,
                action=action,
                status_from=before.value if before else None,
                status_to=after.value if after else None,
                note=note,
            )
        )

    def _meet(
        self, session: Session, ticket: Ticket, kinds: tuple[ClockKind, ...], actor: Actor, now: datetime
    ) -> None:
        session.execute(
            update(TicketClock)
            .where(
                TicketClock.ticket_id == ticket.id,
                TicketClock.kind.in_([k.value for k in kinds]),
                TicketClock.met_at.is_(None),
            )
            .values(met_at=to_db(now), met_by=actor.account_id)
        )

    def _clock_met(self, session: Session, ticket: Ticket, kind: ClockKind) -> bool:
        return (
            session.scalar(
                select(TicketClock.id)
                .where(
                    TicketClock.ticket_id == ticket.id, TicketClock.kind == kind.value, TicketClock.met_at.is_not(None)
                )
                .limit(1)
            )
            is not None
        )

    def _start_follow_up(self, session: Session, ticket: Ticket, now: datetime) -> None:
        due = tk.follow_up_due(now, self.rules()[TicketKind(ticket.kind)], self._tz())
        if due is None:  # the desk switched follow-ups off for this kind: a day, not never
            due = now + timedelta(days=1)
        session.add(TicketClock(ticket_id=ticket.id, kind=ClockKind.FOLLOW_UP.value, due_at=to_db(due)))

    def _refresh_due(self, session: Session, ticket: Ticket) -> None:
        """``due_at`` = the earliest unmet clock of an open ticket (None when closed)."""
        if ticket.status == TicketStatus.CLOSED:
            ticket.due_at, ticket.due_clock = None, None
            return
        first = session.execute(
            select(TicketClock.due_at, TicketClock.kind)
            .where(TicketClock.ticket_id == ticket.id, TicketClock.met_at.is_(None))
            .order_by(TicketClock.due_at)
            .limit(1)
        ).first()
        ticket.due_at, ticket.due_clock = (first[0], first[1]) if first else (None, None)

    def _raise_level(self, session: Session, ticket: Ticket, target: Role, actor: Actor | None, reason: str) -> None:
        before = Role(ticket.level)
        ticket.level = target.value
        session.add(TicketNotice(ticket_id=ticket.id, level=target.value, at=to_db(self._clock.now()), reason=reason))
        self._event(
            session,
            ticket,
            actor,
            "escalated",
            None,
            None,
            f"{tk.LEVEL_CHINESE[before]} → {tk.LEVEL_CHINESE[target]}：{reason}",
        )

    def _view(self, session: Session, ticket: Ticket) -> TicketView:
        tz = self._tz()
        names = dict(session.execute(select(Account.id, Account.display_name)).all())
        clocks = [
            ClockView(
                ClockKind(c.kind),
                from_db(c.due_at).astimezone(tz),
                from_db(c.met_at).astimezone(tz) if c.met_at else None,
                names.get(c.met_by) if c.met_by else None,
            )
            for c in session.scalars(
                select(TicketClock).where(TicketClock.ticket_id == ticket.id).order_by(TicketClock.id)
            )
        ]
        events = [
            EventView(
                from_db(e.at).astimezone(tz),
                names.get(e.actor_id) if e.actor_id else None,
                e.action,
                TicketStatus(e.status_from) if e.status_from else None,
                TicketStatus(e.status_to) if e.status_to else None,
                e.note,
            )
            for e in session.scalars(
                select(TicketEvent).where(TicketEvent.ticket_id == ticket.id).order_by(TicketEvent.id)
            )
        ]
        report = session.scalar(select(IncidentReport.body).where(IncidentReport.ticket_id == ticket.id))
        details = _details_from_json(ticket.details_json)
        if details.visit_at is not None:  # stored as given (maybe UTC): shown in desk time
            details.visit_at = details.visit_at.astimezone(tz)
        price = None
        if details.price_item_id is not None:
            item = session.get(PriceItem, details.price_item_id)
            price = _price(item) if item else None
        return TicketView(_row(ticket, names, tz), details, clocks, events, report, price)


def _row(t: Ticket, names: dict[int, str], tz: ZoneInfo) -> TicketRow:
    return TicketRow(
        id=t.id,
        kind=TicketKind(t.kind),
        status=TicketStatus(t.status),
        urgency=Urgency(t.urgency),
        source=tk.Source(t.source),
        resident_name=t.resident_name,
        building=t.building,
        room=t.room,
        phone=t.phone,
        description=t.description,
        created_at=from_db(t.created_at).astimezone(tz),
        created_by=names.get(t.created_by, "?"),
        level=Role(t.level),
        due_at=from_db(t.due_at).astimezone(tz) if t.due_at else None,
        due_clock=ClockKind(t.due_clock) if t.due_clock else None,
        closed_at=from_db(t.closed_at).astimezone(tz) if t.closed_at else None,
    )


def _price(item: PriceItem) -> tk.PriceItem:
    return tk.PriceItem(item.id, item.name, item.unit, item.price_cents, item.active)


def _search_parts(ticket: Ticket, details: TicketDetails) -> list[str]:
    return [
        ticket.description,
        ticket.resident_name,
        ticket.building + ticket.room,
        ticket.phone,
        details.visitor_name,
        details.recipient,
        " ".join(details.items),
        details.dispatched_to,
    ]
