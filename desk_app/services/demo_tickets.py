"""Realistic demo tickets: every kind, most old ones closed through their workflow, recent
ones at every stage, some overdue and escalated, a few major incidents.

Used by ``desk-app demo`` (a living queue for a newcomer) and by the queue benchmark
(200,000 tickets). Each ticket's life is simulated with the desk's own rules (reply within
2 hours, follow-up within 2 working days, incident report by the next day, escalation by
``escalation_target``) and written in bulk as plain rows: the ticket with its ``due_at``
(the earliest unmet clock, NULL when closed), its clocks, its events, its search-index row
and, for escalations that still matter, a notice. The same seed gives the same tickets.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, insert, select, text

from desk_app.domain import tickets as tk
from desk_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from desk_app.domain.roles import Actor, Role
from desk_app.domain.textsearch import index_text
from desk_app.domain.tickets import ClockKind, TicketAction, TicketKind, TicketStatus, Urgency, Validity
from desk_app.services import demo_ticket_texts as words
from desk_app.services.common import to_db
from desk_app.services.container import Services
from desk_app.services.tickets.records import details_to_json, search_parts
from desk_app.storage.models import IncidentReport, Resident, Ticket, TicketClock, TicketEvent, TicketNotice

Progress = Callable[[int, int], None]

ROWS_PER_TRANSACTION = 10_000
PERSON_FIELDS = ("name", "building", "room", "phone")
RESIDENTS = 1500
# (kind, weight): the mix of a property desk's day.
KIND_MIX = (
    (TicketKind.CONSULTATION, 20),
    (TicketKind.HELP_REQUEST, 8),
    (TicketKind.REPAIR, 22),
    (TicketKind.COMPLAINT, 12),
    (TicketKind.CONVENIENCE, 7),
    (TicketKind.ITEM_RELEASE, 10),
    (TicketKind.VISITOR, 16),
    (TicketKind.MESSAGE, 5),
)
MAJOR_RATE = 0.002  # of help requests, repairs and complaints
URGENT_RATE = 0.04


@dataclass
class TicketDemoSummary:
    tickets: int = 0
    open: int = 0
    overdue: int = 0
    by_kind: dict[TicketKind, int] = field(default_factory=dict)

    def describe(self) -> str:
        return f"Demo tickets: {self.tickets} ({self.open} open, {self.overdue} overdue)."


@dataclass
class _Life:
    """One simulated ticket: its row and what hangs off it."""

    ticket: dict[str, Any]
    clocks: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    notices: list[dict[str, Any]] = field(default_factory=list)
    report: dict[str, Any] | None = None
    search: str = ""


class _Simulator:
    def __init__(self, services: Services, rng: random.Random, clerks: list[Actor], supervisor: Actor) -> None:
        self.rng = rng
        self.clerks = clerks
        self.supervisor = supervisor
        self.tz = services.desk.info().tz
        self.calendar = services.holidays.calendar()
        self.rules = services.tickets.rules()
        self.now = services.clock.now()
        self.prices = [p.id for p in services.tickets.price_list()]

    def event(
        self, life: _Life, at: datetime, actor: Actor | None, action: TicketAction, before: Any, after: Any, note: str
    ) -> None:
        life.events.append(
            {
                "ticket_id": life.ticket["id"],
                "at": to_db(at),
                "actor_id": actor.account_id if actor else None,
                "action": action.value,
                "status_from": before.value if before else None,
                "status_to": after.value if after else None,
                "note": note,
            }
        )

    def clock(self, life: _Life, kind: ClockKind, due: datetime, met: datetime | None, by: Actor | None) -> None:
        life.clocks.append(
            {
                "ticket_id": life.ticket["id"],
                "kind": kind.value,
                "due_at": to_db(due),
                "met_at": to_db(met) if met is not None and met <= self.now else None,
                "met_by": by.account_id if met is not None and met <= self.now and by else None,
            }
        )

    def later(self, start: datetime, low_minutes: int, high_minutes: int) -> datetime:
        return start + timedelta(minutes=self.rng.randint(low_minutes, high_minutes))

    def visit_time(self, created: datetime) -> datetime:
        """A visit agreed on the hour, in working hours, today if there is time, else tomorrow."""
        local = created.astimezone(self.tz)
        day = local.date() if local.hour < 15 else local.date() + timedelta(days=1)
        low = local.hour + 1 if day == local.date() else 9
        hour = self.rng.randint(max(9, low), 17)
        return datetime.combine(day, time(hour, 0), self.tz)

    def life(self, ticket_id: int, created: datetime, resident: dict[str, Any]) -> _Life:
        rng = self.rng
        kind = rng.choices([k for k, _ in KIND_MIX], [w for _, w in KIND_MIX])[0]
        clerk = rng.choice(self.clerks)
        urgency = Urgency.NORMAL
        if kind in (TicketKind.HELP_REQUEST, TicketKind.REPAIR, TicketKind.COMPLAINT):
            if rng.random() < MAJOR_RATE:
                urgency = Urgency.MAJOR
            elif rng.random() < URGENT_RATE:
                urgency = Urgency.URGENT
        details = tk.TicketDetails()
        description = rng.choice(words.DESCRIPTIONS[kind])
        needs_resident = kind is not TicketKind.CONSULTATION or rng.random() < 0.5
        who: dict[str, Any] = resident if needs_resident else {"id": None, **dict.fromkeys(PERSON_FIELDS, "")}
        life = _Life(
            {
                "id": ticket_id,
                "kind": kind.value,
                "urgency": urgency.value,
                "source": rng.choices(["phone", "visit", "other"], [55, 40, 5])[0],
                "resident_id": who["id"],
                "resident_name": who["name"],
                "building": who["building"],
                "room": who["room"],
                "phone": who["phone"],
                "description": description,
                "created_at": to_db(created),
                "created_by": clerk.account_id,
                "level": Role.CLERK.value,
            }
        )
        status = TicketStatus.OPEN
        self.event(life, created, clerk, TicketAction.REGISTERED, None, status, description)
        age = self.now - created
        # How far the work got: old tickets are nearly always finished, recent ones not yet.
        if age > timedelta(days=7):
            chance = 0.997
        elif age > timedelta(days=2):
            chance = 0.95
        else:
            chance = 0.5 if age > timedelta(hours=6) else 0.15
        finished = rng.random() < chance
        step_at = created
        closed_at: datetime | None = None
        # A major incident is closed only after its written report (by the next day).
        report_at = self.later(created, 120, 20 * 60) if urgency is Urgency.MAJOR else None
        hold = report_at is not None and (report_at > self.now or rng.random() < 0.3)
        if hold:
            finished = False

        def close(at: datetime, note: str) -> None:
            nonlocal status, closed_at
            self.event(life, at, clerk, TicketAction.CLOSED, status, TicketStatus.CLOSED, note)
            status, closed_at = TicketStatus.CLOSED, at

        if kind in (TicketKind.CONSULTATION, TicketKind.VISITOR, TicketKind.ITEM_RELEASE):
            if kind is TicketKind.VISITOR:
                details.visitor_name = rng.choice(words.SURNAMES) + rng.choice(words.TITLES)
                details.visitor_count = rng.choice((1, 1, 1, 2, 3))
                details.owner_consent = True
            if kind is TicketKind.ITEM_RELEASE:
                details.items = rng.sample(words.ITEMS, rng.randint(1, 3))
                details.identity_checked = True
                details.identity_note = f"身份证后四位 {rng.randint(1000, 9999)}"
            close(created, "当场办结")
        elif kind is TicketKind.MESSAGE:
            details.recipient = f"{who['building']}{who['room']}{who['name']}" or "业主"
            step_at = min(self.now, self.later(created, 10, 600))
            if finished:
                details.delivered = True
                self.event(life, step_at, clerk, TicketAction.DELIVERED, status, TicketStatus.CLOSED, "已转达")
                status, closed_at = TicketStatus.CLOSED, step_at
        elif kind is TicketKind.COMPLAINT:
            rule = self.rules[kind]
            valid = rng.random() < 0.75
            details.validity = Validity.VALID if valid else Validity.INVALID
            reply_due = tk.reply_due(created, rule) or created + timedelta(hours=2)
            on_time = rng.random() < 0.93
            replied = self.later(created, 10, 110) if on_time else self.later(created, 125, 300)
            if not hold and (finished or (replied <= self.now and rng.random() < 0.6)):
                self.event(
                    life,
                    min(self.now, self.later(created, 2, 8)),
                    clerk,
                    TicketAction.JUDGED,
                    None,
                    None,
                    ("有效投诉：" if valid else "无效投诉：") + "经核实",
                )
                self.clock(life, ClockKind.REPLY, reply_due, replied, clerk)
                if replied <= self.now:
                    after = TicketStatus.FOLLOW_UP if valid else TicketStatus.CLOSED
                    self.event(life, replied, clerk, TicketAction.REPLIED, status, after, rng.choice(words.REPLIES))
                    status = after
                    step_at = replied
                    if not valid:
                        closed_at = replied
            else:
                self.clock(life, ClockKind.REPLY, reply_due, None, None)
        else:  # help request, repair, convenience: a visit, the person sent, the work, a follow-up
            if kind is TicketKind.CONVENIENCE and self.prices:
                details.price_item_id = rng.choice(self.prices)
                details.quantity = rng.choice((1, 1, 2))
            visit = self.visit_time(created) if kind is not TicketKind.HELP_REQUEST else None
            if visit is not None:
                details.visit_at = visit
            dispatched = self.later(created, 5, 90)
            if dispatched <= self.now:
                details.dispatched_to = rng.choice(words.WORKERS)
                self.event(
                    life,
                    dispatched,
                    clerk,
                    TicketAction.DISPATCHED,
                    status,
                    TicketStatus.IN_PROGRESS,
                    details.dispatched_to,
                )
                status = TicketStatus.IN_PROGRESS
            done = (visit or dispatched) + timedelta(minutes=rng.randint(20, 240))
            if visit is not None:
                self.clock(life, ClockKind.VISIT, visit, visit if finished and visit <= self.now else None, clerk)
            if finished and done <= self.now and status is TicketStatus.IN_PROGRESS:
                details.paid = kind is TicketKind.CONVENIENCE
                self.event(
                    life, done, clerk, TicketAction.COMPLETED, status, TicketStatus.FOLLOW_UP, rng.choice(words.RESULTS)
                )
                status = TicketStatus.FOLLOW_UP
                step_at = done
        if status is TicketStatus.FOLLOW_UP:
            due = tk.follow_up_due(step_at, self.rules[kind], self.tz, self.calendar) or step_at + timedelta(days=1)
            visited = self.later(step_at, 60, 36 * 60)
            if finished and visited <= self.now:
                self.clock(life, ClockKind.FOLLOW_UP, due, visited, clerk)
                self.event(
                    life,
                    visited,
                    clerk,
                    TicketAction.FOLLOWED_UP,
                    status,
                    TicketStatus.CLOSED,
                    f"回访（满意）：{rng.choice(words.FOLLOW_UPS)}",
                )
                status, closed_at = TicketStatus.CLOSED, visited
            else:
                self.clock(life, ClockKind.FOLLOW_UP, due, None, None)
        if report_at is not None:
            due = tk.incident_report_due(created, self.tz)
            if not hold:
                self.clock(life, ClockKind.INCIDENT_REPORT, due, report_at, self.supervisor)
                place = who["building"] or "小区"
                body = (
                    f"{created:%m月%d日%H时%M分}，{place}发生：{description}。"
                    "值班员立即上报并通知相关部门，现场已处置完毕。"
                )
                life.report = {
                    "ticket_id": ticket_id,
                    "written_at": to_db(report_at),
                    "author_id": self.supervisor.account_id,
                    "body": body,
                }
                self.event(life, report_at, self.supervisor, TicketAction.INCIDENT_REPORT, None, None, body[:80])
            else:
                self.clock(life, ClockKind.INCIDENT_REPORT, due, None, None)
        # The queue's columns: the earliest unmet clock, and the level escalation reached.
        unmet = [c for c in life.clocks if c["met_at"] is None]
        first = min(unmet, key=lambda c: c["due_at"]) if unmet and status is not TicketStatus.CLOSED else None
        level, target, at = Role.CLERK, None, created
        if urgency is Urgency.MAJOR:
            target, note = Role.MANAGER, "重大事件，立即上报管理处主任"
        elif first is not None:
            rule = self.rules[kind]
            due_at = _aware(first["due_at"])
            target = tk.escalation_target(Role.CLERK, due_at, self.now, rule, urgency)
            at = min(self.now, max(created, due_at - timedelta(minutes=rule.escalate_before_minutes)))
            note = "时限将到或已过，自动上报"
        if target is not None:
            reason = f"{tk.LEVEL_CHINESE[level]} → {tk.LEVEL_CHINESE[target]}：{note}"
            self.event(life, at, None, TicketAction.ESCALATED, None, None, reason)
            if status is not TicketStatus.CLOSED:
                life.notices.append({"ticket_id": ticket_id, "level": target.value, "at": to_db(at), "reason": note})
            level = target
        life.ticket.update(
            status=status.value,
            level=level.value,
            details_json=details_to_json(details),
            due_at=first["due_at"] if first is not None else None,
            due_clock=first["kind"] if first is not None else None,
            closed_at=to_db(closed_at) if closed_at is not None else None,
        )
        place = who["building"] + who["room"]
        life.search = index_text(*search_parts(description, who["name"], place, who["phone"], details))
        return life


def _aware(naive_utc: datetime) -> datetime:
    return naive_utc.replace(tzinfo=UTC)


def _residents(rng: random.Random, count: int) -> list[dict[str, Any]]:
    people: list[dict[str, Any]] = []
    seen: set[tuple[str, ...]] = set()
    while len(people) < count:
        name = rng.choice(words.SURNAMES) + rng.choice(words.TITLES)
        building = f"{rng.randint(1, 24)}栋"
        room = f"{rng.randint(1, 4)}单元{rng.randint(1, 32)}{rng.randint(1, 4):02d}"
        phone = f"1{rng.choice('3456789')}{rng.randint(0, 999_999_999):09d}"
        key = (name, building, room, phone)
        if key in seen:
            continue
        seen.add(key)
        people.append({"name": name, "building": building, "room": room, "phone": phone})
    return people


def generate_tickets(
    services: Services,
    days: int,
    *,
    per_day: int,
    seed: int = 1,
    clerks: list[Actor] | None = None,
    supervisor: Actor | None = None,
    progress: Progress | None = None,
) -> TicketDemoSummary:
    """``per_day`` tickets a day over the ``days`` days up to now (desk time), into a queue
    that has none yet (demo tickets never mix with real ones)."""
    if days <= 0 or per_day <= 0:
        raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "Demo data needs at least one day and one entry a day."))
    with services.db.read() as session:
        if session.scalar(select(Ticket.id).limit(1)) is not None:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "DeskError", "This database already has tickets; demo tickets are only made in an empty queue."
                )
            )
    staff = services.accounts.staff()
    if clerks is None:
        clerks = [
            services.accounts.seed_session(a.id, "demo tickets") for a in staff if a.role is Role.CLERK and a.active
        ]
    if supervisor is None:
        boss = next((a for a in staff if a.role is Role.SUPERVISOR and a.active), None)
        supervisor = services.accounts.seed_session(boss.id, "demo tickets") if boss else None
    if not clerks or supervisor is None:
        raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "Demo tickets need clerks and a supervisor."))
    if not services.tickets.price_list(include_retired=True):
        for name, unit, cents in words.PRICE_LIST:
            services.tickets.add_price_item(supervisor, name, unit, cents)
    rng = random.Random(seed)
    tz = services.desk.info().tz
    now = services.clock.now().replace(microsecond=0)
    today = services.desk.today()
    first_day = today - timedelta(days=days - 1)
    residents = _residents(rng, RESIDENTS)
    with services.db.write() as session:
        start_id = int(session.scalar(select(func.coalesce(func.max(Resident.id), 0))) or 0) + 1
        for offset, r in enumerate(residents):
            r["id"] = start_id + offset
        session.execute(insert(Resident), [{**r, "last_used_at": to_db(now)} for r in residents])
    sim = _Simulator(services, rng, clerks, supervisor)
    summary = TicketDemoSummary()
    total = days * per_day
    next_id = 1
    batch: list[_Life] = []
    made = 0
    for index in range(days):
        day = first_day + timedelta(days=index)
        times = sorted(_moment(rng, day, tz) for _ in range(per_day))
        for moment in times:
            if moment > now:
                moment = now - timedelta(minutes=rng.randint(1, 30))
            life = sim.life(next_id, moment, rng.choice(residents))
            next_id += 1
            batch.append(life)
            status = life.ticket["status"]
            kind = TicketKind(life.ticket["kind"])
            summary.by_kind[kind] = summary.by_kind.get(kind, 0) + 1
            if status != TicketStatus.CLOSED.value:
                summary.open += 1
                if life.ticket["due_at"] is not None and life.ticket["due_at"] < to_db(now):
                    summary.overdue += 1
            if len(batch) >= ROWS_PER_TRANSACTION:
                made += _write(services, batch)
                batch = []
                if progress is not None:
                    progress(made, total)
    made += _write(services, batch)
    with services.db.write() as session:
        session.execute(text("INSERT INTO ticket_fts(ticket_fts) VALUES ('optimize')"))
        session.execute(text("ANALYZE"))
    if progress is not None:
        progress(made, total)
    summary.tickets = made
    return summary


def _moment(rng: random.Random, day: date, tz: Any) -> datetime:
    """Most requests come by day, a few at night."""
    minute = int(rng.triangular(7 * 60, 22 * 60, 10 * 60)) if rng.random() < 0.9 else rng.randrange(0, 24 * 60)
    return datetime.combine(day, time(minute // 60, minute % 60), tz) + timedelta(seconds=rng.randrange(60))


def _write(services: Services, lives: list[_Life]) -> int:
    if not lives:
        return 0
    with services.db.write() as session:
        session.execute(insert(Ticket), [life.ticket for life in lives])
        clocks = [c for life in lives for c in life.clocks]
        if clocks:
            session.execute(insert(TicketClock), clocks)
        session.execute(insert(TicketEvent), [e for life in lives for e in life.events])
        notices = [n for life in lives for n in life.notices]
        if notices:
            session.execute(insert(TicketNotice), notices)
        reports = [life.report for life in lives if life.report is not None]
        if reports:
            session.execute(insert(IncidentReport), reports)
        session.execute(
            text("INSERT INTO ticket_fts(rowid, body) VALUES (:id, :body)"),
            [{"id": life.ticket["id"], "body": life.search} for life in lives],
        )
    return len(lives)
