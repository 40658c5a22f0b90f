"""The roster (值班安排表): the desk's shift needs and rules, each person's rules, the month
grid a supervisor edits or generates, publishing it as a version, and the changes made to a
published month (each with who and why). What the handover needs — who is expected on a
shift — comes from the published roster only.

Rules are checked here, and a published month's cells cannot change in the database without
the roster_change row that records the change (a trigger refuses it).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_app.domain import roster as rr
from desk_app.domain.clock import Clock
from desk_app.domain.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from desk_app.domain.roles import Actor, Role, require_role
from desk_app.domain.roster import Locked, ShiftNeed, StaffRules, Wish
from desk_app.domain.shifts import ShiftTemplate
from desk_app.domain.text_rules import FIELD_REASON, REASON_MAX, check_whole_number, clean_text
from desk_app.services.accounts import AccountService
from desk_app.services.common import audit, from_db, to_db
from desk_app.services.desk import DeskService
from desk_app.storage.database import Database
from desk_app.storage.models import (
    Account,
    DeskSettings,
    RosterCell,
    RosterChange,
    RosterMonth,
    RosterVersion,
    RosterWish,
    ShiftFollowBan,
    StaffRequest,
    StaffRule,
)
from desk_app.storage.models import ShiftNeed as ShiftNeedRow

PHONE_MAX = 24


@dataclass(frozen=True)
class RosterSettings:
    min_rest_minutes: int = 720
    leave_notice_days: int = 1
    cover_max_minutes: int = 240


@dataclass(frozen=True)
class StaffMember:
    account_id: int
    name: str
    role: Role
    rules: StaffRules  # resolved with the desk's defaults


@dataclass
class MonthView:
    year: int
    month: int
    days: list[date]
    status: str  # "draft" (also for a month never saved) or "published"
    version: int
    staff: list[StaffMember]
    # (account id, day) → (template id or None for a locked day off, locked)
    cells: dict[tuple[int, date], tuple[int | None, bool]] = field(default_factory=dict)

    @property
    def published(self) -> bool:
        return self.status == "published"

    def shift_of(self, account_id: int, day: date) -> int | None:
        cell = self.cells.get((account_id, day))
        return cell[0] if cell else None

    def assignments_of(self, account_id: int) -> list[tuple[date, int]]:
        return [(d, t) for a, d, t in self.assignments() if a == account_id]

    def assignments(self) -> list[tuple[int, date, int]]:
        return sorted((a, d, t) for (a, d), (t, _locked) in self.cells.items() if t is not None)


@dataclass(frozen=True)
class CoverageGap:
    day: date
    template_id: int
    needed: int
    planned: int


@dataclass(frozen=True)
class RosterIssue:
    """A gap (``subject`` a shift, ``needed``/``planned`` people) or a rule break
    (``subject`` the person, ``detail`` the rule)."""

    kind: str  # "gap" | "rule"
    day: date | None
    subject: str
    needed: int = 0
    planned: int = 0
    detail: str = ""


@dataclass(frozen=True)
class ChangeView:
    at: datetime
    by: str
    version: int
    account: str
    day: date
    before: int | None
    after: int | None
    reason: str


class RosterService:
    def __init__(self, db: Database, clock: Clock, desk: DeskService, accounts: AccountService) -> None:
        self._db = db
        self._clock = clock
        self._desk = desk
        self._accounts = accounts

    # -- desk rules --------------------------------------------------------------------------
    def settings(self) -> RosterSettings:
        with self._db.read() as session:
            row = session.get(DeskSettings, 1)
            if row is None:
                return RosterSettings()
            return RosterSettings(row.min_rest_minutes, row.leave_notice_days, row.cover_max_minutes)

    def set_settings(self, actor: Actor, settings: RosterSettings) -> None:
        require_role(actor, Role.SUPERVISOR)
        for value, low, high, label in (
            (settings.min_rest_minutes, 0, 1440, QT_TRANSLATE_NOOP("Field", "Rest between shifts (minutes)")),
            (settings.leave_notice_days, 0, 30, QT_TRANSLATE_NOOP("Field", "Days of notice for leave")),
            (settings.cover_max_minutes, 30, 240, QT_TRANSLATE_NOOP("Field", "Longest cover (minutes)")),
        ):
            check_whole_number(value, low, high, label)
        with self._db.write(actor) as session:
            row = session.get(DeskSettings, 1)
            if row is None:
                row = DeskSettings(id=1)
                session.add(row)
            row.min_rest_minutes = settings.min_rest_minutes
            row.leave_notice_days = settings.leave_notice_days
            row.cover_max_minutes = settings.cover_max_minutes
            audit(session, self._clock.now(), actor.account_id, "roster.settings", json.dumps(settings.__dict__))

    def templates(self) -> list[ShiftTemplate]:
        return self._desk.shift_templates()

    def needs(self) -> dict[int, ShiftNeed]:
        """Each active shift's headcount (one person every day unless the desk says otherwise)."""
        with self._db.read() as session:
            rows = {r.template_id: r for r in session.scalars(select(ShiftNeedRow))}
        result = {}
        for t in self.templates():
            row = rows.get(t.id)
            if row is None:
                result[t.id] = ShiftNeed(t.id)
            else:
                result[t.id] = ShiftNeed(t.id, tuple(json.loads(row.weekday_counts)), row.holiday_count)
        return result

    def set_need(self, actor: Actor, need: ShiftNeed) -> None:
        require_role(actor, Role.SUPERVISOR)
        rr.validate_need(need)
        self._template(need.template_id)
        with self._db.write(actor) as session:
            row = session.get(ShiftNeedRow, need.template_id)
            if row is None:
                row = ShiftNeedRow(template_id=need.template_id)
                session.add(row)
            row.weekday_counts = json.dumps(list(need.weekday_counts))
            row.holiday_count = need.holiday_count
            audit(session, self._clock.now(), actor.account_id, "roster.need", repr(need))

    def explicit_bans(self) -> set[tuple[int, int]]:
        with self._db.read() as session:
            return {(b.first_id, b.then_id) for b in session.scalars(select(ShiftFollowBan))}

    def set_explicit_bans(self, actor: Actor, pairs: Iterable[tuple[int, int]]) -> None:
        require_role(actor, Role.SUPERVISOR)
        pairs = set(pairs)
        for first, then in pairs:
            self._template(first)
            self._template(then)
        with self._db.write(actor) as session:
            for ban in session.scalars(select(ShiftFollowBan)):
                session.delete(ban)
            session.flush()
            session.add_all(ShiftFollowBan(first_id=a, then_id=b) for a, b in sorted(pairs))
            audit(session, self._clock.now(), actor.account_id, "roster.bans", json.dumps(sorted(pairs)))

    def bans(self) -> set[tuple[int, int]]:
        """Every (first, then) pair not allowed on two days running: the desk's minimum rest
        and its explicit bans."""
        return rr.follow_bans(self.templates(), self.settings().min_rest_minutes, self.explicit_bans())

    # -- people's rules ----------------------------------------------------------------------
    def default_rules(self) -> StaffRules:
        with self._db.read() as session:
            row = session.scalar(select(StaffRule).where(StaffRule.account_id.is_(None)))
            return _rules(row) if row is not None else StaffRules()

    def rules_of(self, account_id: int) -> StaffRules:
        """A person's own rules (None: the desk's default)."""
        with self._db.read() as session:
            row = session.scalar(select(StaffRule).where(StaffRule.account_id == account_id))
            return _rules(row) if row is not None else StaffRules()

    def set_rules(self, actor: Actor, account_id: int | None, rules: StaffRules) -> None:
        """Set a person's rules, or (``account_id`` None) the desk's defaults."""
        require_role(actor, Role.SUPERVISOR)
        rr.validate_rules(rules)
        known = {t.id for t in self._desk.shift_templates(include_inactive=True)}
        if any(t not in known for t in rules.max_shifts):
            raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "Unknown shift."))
        mobile = _phone(rules.mobile)
        office = _phone(rules.office_phone)
        with self._db.write(actor) as session:
            if account_id is not None and session.get(Account, account_id) is None:
                raise NotFound(QT_TRANSLATE_NOOP("DeskError", "No such person."))
            query = select(StaffRule).where(
                StaffRule.account_id.is_(None) if account_id is None else StaffRule.account_id == account_id
            )
            row = session.scalar(query)
            if row is None:
                row = StaffRule(account_id=account_id)
                session.add(row)
            row.max_shifts = json.dumps({str(k): v for k, v in sorted(rules.max_shifts.items())})
            for name in rr.RULE_LIMITS:
                setattr(row, name, getattr(rules, name))
            row.no_nights = rules.no_nights
            row.mobile, row.office_phone = mobile, office
            audit(session, self._clock.now(), actor.account_id, "roster.rules", f"{account_id}: {rules!r}")

    def staff(self) -> list[StaffMember]:
        """The people on the roster: the active duty clerks, with their resolved rules."""
        default = self.default_rules()
        with self._db.read() as session:
            accounts = session.scalars(
                select(Account).where(Account.active.is_(True), Account.role == Role.CLERK.value).order_by(Account.id)
            ).all()
            own = {r.account_id: _rules(r) for r in session.scalars(select(StaffRule)) if r.account_id is not None}
        return [
            StaffMember(a.id, a.display_name, Role(a.role), own.get(a.id, StaffRules()).resolved(default))
            for a in accounts
        ]

    # -- the month ---------------------------------------------------------------------------
    def month(self, year: int, month: int) -> MonthView:
        days = rr.month_days(year, month)
        staff = self.staff()
        with self._db.read() as session:
            row = self._month_row(session, year, month)
            view = MonthView(year, month, days, "draft", 0, staff)
            if row is None:
                return view
            view.status, view.version = row.status, row.version
            for cell in session.scalars(select(RosterCell).where(RosterCell.month_id == row.id)):
                view.cells[(cell.account_id, cell.day)] = (cell.template_id, cell.locked)
        # People no longer on the roster who still hold cells stay visible.
        listed = {m.account_id for m in staff}
        missing = {a for (a, _d) in view.cells} - listed
        if missing:
            with self._db.read() as session:
                for account in session.scalars(select(Account).where(Account.id.in_(missing))):
                    view.staff.append(StaffMember(account.id, account.display_name, Role(account.role), StaffRules()))
        return view

    def set_cell(
        self,
        actor: Actor,
        day: date,
        account_id: int,
        template_id: int | None,
        *,
        locked: bool = False,
        reason: str = "",
        request_id: int | None = None,
    ) -> None:
        """Put a person on a shift (or off, ``template_id`` None) for a day. In a published
        month the change needs a reason and makes a new version."""
        require_role(actor, Role.SUPERVISOR)
        if template_id is not None:
            self._template(template_id)
        with self._db.write(actor) as session:
            self._write_cell(session, actor, day, account_id, template_id, locked, reason, request_id)

    def apply_solution(self, actor: Actor, year: int, month: int, assignments: Iterable[tuple[int, date, int]]) -> int:
        """Replace a draft month's unlocked cells by a generated roster; locked cells stay."""
        require_role(actor, Role.SUPERVISOR)
        days = set(rr.month_days(year, month))
        known = {t.id for t in self.templates()}
        with self._db.write(actor) as session:
            row = self._month_for_write(session, year, month)
            if row.status == "published":
                raise ValidationError(
                    QT_TRANSLATE_NOOP("DeskError", "This month is published: change it cell by cell, with a reason.")
                )
            cells = {
                (c.account_id, c.day): c
                for c in session.scalars(select(RosterCell).where(RosterCell.month_id == row.id))
            }
            for cell in list(cells.values()):
                if not cell.locked:
                    session.delete(cell)
                    del cells[(cell.account_id, cell.day)]
            session.flush()
            written = 0
            for account_id, day, template_id in assignments:
                if day not in days or template_id not in known:
                    raise ValidationError(
                        QT_TRANSLATE_NOOP("DeskError", "The generated roster does not fit this month.")
                    )
                if (account_id, day) in cells:
                    continue  # locked: the supervisor's choice stands
                session.add(RosterCell(month_id=row.id, account_id=account_id, day=day, template_id=template_id))
                written += 1
            audit(session, self._clock.now(), actor.account_id, "roster.generated", f"{year}-{month:02d}: {written}")
            return written

    def publish(self, actor: Actor, year: int, month: int, note: str = "", *, password: str) -> int:
        """Publish the month as it stands: a new version with its snapshot; returns it.
        Given with the supervisor's own password at that moment."""
        require_role(actor, Role.SUPERVISOR)
        note = clean_text(note, field=FIELD_REASON, max_len=REASON_MAX, required=False)
        gaps = self.coverage_gaps(year, month)
        self._accounts.confirm_password(actor, password)
        with self._db.write(actor) as session:
            row = self._month_for_write(session, year, month)
            if row.status == "published":
                raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "This month is already published."))
            row.status, row.version = "published", row.version + 1
            session.flush()
            self._snapshot(session, row, actor, note or (f"缺岗 {len(gaps)} 处" if gaps else ""))
            audit(
                session,
                self._clock.now(),
                actor.account_id,
                "roster.published",
                f"{year}-{month:02d} v{row.version} by password",
            )
            return row.version

    def changes(self, year: int, month: int) -> list[ChangeView]:
        tz = self._desk.info().tz
        with self._db.read() as session:
            row = self._month_row(session, year, month)
            if row is None:
                return []
            names = dict(session.execute(select(Account.id, Account.display_name)).all())
            return [
                ChangeView(
                    from_db(c.at).astimezone(tz),
                    names.get(c.by_id, "?"),
                    c.version,
                    names.get(c.account_id, "?"),
                    c.day,
                    c.before_template_id,
                    c.after_template_id,
                    c.reason,
                )
                for c in session.scalars(
                    select(RosterChange).where(RosterChange.month_id == row.id).order_by(RosterChange.id)
                )
            ]

    def version_snapshot(self, year: int, month: int, version: int) -> dict[str, object]:
        with self._db.read() as session:
            row = self._month_row(session, year, month)
            snap = None
            if row is not None:
                snap = session.scalar(
                    select(RosterVersion).where(RosterVersion.month_id == row.id, RosterVersion.version == version)
                )
            if snap is None:
                raise NotFound(QT_TRANSLATE_NOOP("DeskError", "No such roster version."))
            data: dict[str, object] = json.loads(snap.snapshot)
            return data

    def version_time(self, year: int, month: int, version: int) -> datetime | None:
        """When a version was made (desk time)."""
        with self._db.read() as session:
            at = session.scalar(
                select(RosterVersion.at)
                .join(RosterMonth, RosterMonth.id == RosterVersion.month_id)
                .where(RosterMonth.year == year, RosterMonth.month == month, RosterVersion.version == version)
            )
        return from_db(at).astimezone(self._desk.info().tz) if at is not None else None

    def coverage_gaps(self, year: int, month: int) -> list[CoverageGap]:
        view = self.month(year, month)
        needs = self.needs()
        planned: dict[tuple[date, int], int] = {}
        for _account, day, template_id in view.assignments():
            planned[(day, template_id)] = planned.get((day, template_id), 0) + 1
        gaps = []
        for d in view.days:
            for t in self.templates():
                need = needs[t.id].on(d)
                have = planned.get((d, t.id), 0)
                if have < need:
                    gaps.append(CoverageGap(d, t.id, need, have))
        return gaps

    def issues(self, year: int, month: int) -> list[RosterIssue]:
        """What the supervisor must see before publishing: every shift short of people, and
        every rule the month as it stands breaks (checked by the solver's own checker)."""
        names = {t.id: t.name for t in self._desk.shift_templates(include_inactive=True)}
        found = [
            RosterIssue("gap", g.day, f"{names.get(g.template_id, '?')}", g.needed, g.planned)
            for g in self.coverage_gaps(year, month)
        ]
        return found + self.rule_breaks(year, month)

    def rule_breaks(self, year: int, month: int) -> list[RosterIssue]:
        from desk_app.roster.checker import violations
        from desk_app.roster.problem import load_problem

        view = self.month(year, month)
        people = {m.account_id: m.name for m in view.staff}
        problem = load_problem(self.problem(year, month))
        listed = {s.id for s in problem.staff}
        assignments = [
            (rr.staff_key(a), view.days.index(d), rr.shift_key(t))
            for a, d, t in view.assignments()
            if rr.staff_key(a) in listed
        ]
        return [
            RosterIssue(
                "rule",
                view.days[v.day] if v.day is not None else None,
                people.get(rr.account_of_key(v.staff), v.staff),
                detail=v.rule,
            )
            for v in violations(problem, assignments)
            if v.rule not in ("locked", "unknown")
        ]

    def solution_cells(
        self, year: int, month: int, assignments: Iterable[tuple[str, int, str]]
    ) -> list[tuple[int, date, int]]:
        """The solver's (staff key, day number, shift key) as (account id, date, template id)."""
        days = rr.month_days(year, month)
        return [(rr.account_of_key(s), days[d], rr.template_of_key(t)) for s, d, t in assignments]

    def expected_on(self, day: date, template_id: int) -> list[tuple[int, str]]:
        """Who the current published roster puts on ``template_id`` on ``day`` (the handover's
        expected successors); empty when that month is not published."""
        with self._db.read() as session:
            rows = session.execute(
                select(Account.id, Account.display_name)
                .join(RosterCell, RosterCell.account_id == Account.id)
                .join(RosterMonth, RosterMonth.id == RosterCell.month_id)
                .where(RosterCell.day == day, RosterCell.template_id == template_id, RosterMonth.status == "published")
                .order_by(Account.id)
            ).all()
            return [(r[0], r[1]) for r in rows]

    # -- the solver's problem ------------------------------------------------------------------
    def problem(self, year: int, month: int) -> dict[str, object]:
        """The month as a solver problem: needs, bans, everyone's rules, approved leave as days
        off, wishes, and the locked cells to keep."""
        view = self.month(year, month)
        listed = {m.account_id: m.rules for m in self.staff()}
        leave = self.approved_leave(view.days[0], view.days[-1])
        locked = [Locked(a, d, t) for (a, d), (t, lk) in view.cells.items() if lk and a in listed]
        return rr.build_problem(
            view.days,
            self.templates(),
            self.needs(),
            self.bans(),
            listed,
            leave,
            self.wishes(view.days[0], view.days[-1]),
            locked,
        )

    def approved_leave(self, first: date, last: date) -> dict[int, set[date]]:
        from datetime import timedelta

        with self._db.read() as session:
            rows = session.scalars(
                select(StaffRequest).where(
                    StaffRequest.kind == "leave",
                    StaffRequest.status == "approved",
                    StaffRequest.day_from <= last,
                    StaffRequest.day_to >= first,
                )
            ).all()
        leave: dict[int, set[date]] = {}
        for r in rows:
            d = max(r.day_from, first)
            while d <= min(r.day_to, last):
                leave.setdefault(r.requester_id, set()).add(d)
                d += timedelta(days=1)
        return leave

    # -- wishes ----------------------------------------------------------------------------------
    def wishes(self, first: date, last: date) -> list[Wish]:
        with self._db.read() as session:
            return [
                Wish(w.account_id, w.day, w.template_id, w.kind, w.weight)
                for w in session.scalars(
                    select(RosterWish).where(RosterWish.day >= first, RosterWish.day <= last).order_by(RosterWish.id)
                )
            ]

    def set_wish(self, actor: Actor, wish: Wish) -> None:
        """A person's own wish (a supervisor may enter anyone's); one wish per person and day."""
        if wish.account_id != actor.account_id:
            require_role(actor, Role.SUPERVISOR)
        if wish.kind not in ("on", "off"):
            raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "A wish is to work or to be off."))
        if isinstance(wish.weight, bool) or not isinstance(wish.weight, int) or not 1 <= wish.weight <= 10:
            raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "A wish weighs from 1 to 10."))
        if wish.template_id is not None:
            self._template(wish.template_id)
        today = self._clock.now().astimezone(self._desk.info().tz).date()
        if wish.day <= today:
            raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "A wish is for a day still to come."))
        with self._db.write(actor) as session:
            row = session.scalar(
                select(RosterWish).where(RosterWish.account_id == wish.account_id, RosterWish.day == wish.day)
            )
            if row is None:
                row = RosterWish(account_id=wish.account_id, day=wish.day, created_at=to_db(self._clock.now()))
                session.add(row)
            row.template_id, row.kind, row.weight = wish.template_id, wish.kind, wish.weight

    def remove_wish(self, actor: Actor, account_id: int, day: date) -> None:
        if account_id != actor.account_id:
            require_role(actor, Role.SUPERVISOR)
        with self._db.write(actor) as session:
            row = session.scalar(select(RosterWish).where(RosterWish.account_id == account_id, RosterWish.day == day))
            if row is not None:
                session.delete(row)

    # -- internals ---------------------------------------------------------------------------
    def _template(self, template_id: int) -> ShiftTemplate:
        for t in self._desk.shift_templates(include_inactive=True):
            if t.id == template_id:
                return t
        raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "Unknown shift."))

    @staticmethod
    def _month_row(session: Session, year: int, month: int) -> RosterMonth | None:
        return session.scalar(select(RosterMonth).where(RosterMonth.year == year, RosterMonth.month == month))

    def _month_for_write(self, session: Session, year: int, month: int) -> RosterMonth:
        row = self._month_row(session, year, month)
        if row is None:
            row = RosterMonth(year=year, month=month, status="draft", version=0)
            session.add(row)
            session.flush()
        return row

    def _write_cell(
        self,
        session: Session,
        actor: Actor,
        day: date,
        account_id: int,
        template_id: int | None,
        locked: bool,
        reason: str,
        request_id: int | None,
    ) -> bool:
        """The one place a cell changes. Returns whether anything changed."""
        if session.get(Account, account_id) is None:
            raise NotFound(QT_TRANSLATE_NOOP("DeskError", "No such person."))
        row = self._month_for_write(session, day.year, day.month)
        cell = session.scalar(
            select(RosterCell).where(
                RosterCell.month_id == row.id, RosterCell.account_id == account_id, RosterCell.day == day
            )
        )
        before = cell.template_id if cell is not None else None
        if row.status == "published":
            reason = clean_text(reason, field=FIELD_REASON, max_len=REASON_MAX, required=True)
            if before == template_id and (cell.locked if cell is not None else False) == locked:
                return False  # nothing changes: no new version
            row.version += 1
            session.add(
                RosterChange(
                    month_id=row.id,
                    version=row.version,
                    at=to_db(self._clock.now()),
                    by_id=actor.account_id,
                    reason=reason,
                    account_id=account_id,
                    day=day,
                    before_template_id=before,
                    after_template_id=template_id,
                    request_id=request_id,
                )
            )
            session.flush()
        if template_id is None and not locked:
            if cell is not None:
                session.delete(cell)
        elif cell is None:
            session.add(
                RosterCell(month_id=row.id, account_id=account_id, day=day, template_id=template_id, locked=locked)
            )
        else:
            cell.template_id, cell.locked = template_id, locked
        if row.status == "published":
            session.flush()
            self._snapshot(session, row, actor, reason)
        return True

    def _snapshot(self, session: Session, row: RosterMonth, actor: Actor, note: str) -> None:
        cells = sorted(
            [c.account_id, c.day.isoformat(), c.template_id]
            for c in session.scalars(select(RosterCell).where(RosterCell.month_id == row.id))
            if c.template_id is not None
        )
        body = json.dumps(
            {"year": row.year, "month": row.month, "version": row.version, "cells": cells},
            ensure_ascii=False,
            sort_keys=True,
        )
        session.add(
            RosterVersion(
                month_id=row.id,
                version=row.version,
                at=to_db(self._clock.now()),
                by_id=actor.account_id,
                note=note,
                snapshot=body,
                digest=hashlib.sha256(body.encode()).hexdigest(),
            )
        )


def _rules(row: StaffRule) -> StaffRules:
    raw: Mapping[str, int] = json.loads(row.max_shifts or "{}")
    return StaffRules(
        max_shifts={int(k): int(v) for k, v in raw.items()},
        min_minutes=row.min_minutes,
        max_minutes=row.max_minutes,
        max_consecutive_days=row.max_consecutive_days,
        min_consecutive_days=row.min_consecutive_days,
        min_consecutive_days_off=row.min_consecutive_days_off,
        max_weekends=row.max_weekends,
        no_nights=row.no_nights,
        mobile=row.mobile,
        office_phone=row.office_phone,
    )


def _phone(value: str) -> str:
    from desk_app.domain.tickets import normalize_phone

    return normalize_phone(value, required=False) if value.strip() else ""
