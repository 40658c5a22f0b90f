"""The roster's inputs (值班安排表): the desk's shift needs, rest and bans, each person's
rules, their wishes and their approved leave: what a month is planned from and checked
against. ``RosterService`` (services/roster.py) adds the month itself.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from sqlalchemy import select

from desk_app.domain import roster as rr
from desk_app.domain.clock import Clock
from desk_app.domain.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from desk_app.domain.roles import Actor, Role, require_role
from desk_app.domain.roster import RequestKind, RequestStatus, ShiftNeed, StaffRules, Wish, WishKind
from desk_app.domain.shifts import ShiftTemplate
from desk_app.domain.text_rules import check_whole_number
from desk_app.services.accounts import AccountService
from desk_app.services.common import audit, to_db
from desk_app.services.desk import DeskService
from desk_app.services.holidays import HolidayService
from desk_app.services.roster_views import RosterSettings, StaffMember
from desk_app.storage.database import Database
from desk_app.storage.models import Account, DeskSettings, RosterWish, ShiftFollowBan, StaffRequest, StaffRule
from desk_app.storage.models import ShiftNeed as ShiftNeedRow

PHONE_MAX = 24


class RosterInputs:
    def __init__(
        self, db: Database, clock: Clock, desk: DeskService, accounts: AccountService, holidays: HolidayService
    ) -> None:
        self._db = db
        self._clock = clock
        self._desk = desk
        self._accounts = accounts
        self.holidays = holidays  # the desk's holiday table: which days are holidays

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

    # -- approved leave ---------------------------------------------------------------------
    def approved_leave(self, first: date, last: date) -> dict[int, set[date]]:
        with self._db.read() as session:
            rows = session.scalars(
                select(StaffRequest).where(
                    StaffRequest.kind == RequestKind.LEAVE,
                    StaffRequest.status == RequestStatus.APPROVED,
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
                Wish(w.account_id, w.day, w.template_id, WishKind(w.kind), w.weight)
                for w in session.scalars(
                    select(RosterWish).where(RosterWish.day >= first, RosterWish.day <= last).order_by(RosterWish.id)
                )
            ]

    def set_wish(self, actor: Actor, wish: Wish) -> None:
        """A person's own wish (a supervisor may enter anyone's); one wish per person and day."""
        if wish.account_id != actor.account_id:
            require_role(actor, Role.SUPERVISOR)
        if wish.kind not in list(WishKind):
            raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "A wish is to work or to be off."))
        if isinstance(wish.weight, bool) or not isinstance(wish.weight, int) or not 1 <= wish.weight <= 10:
            raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "A wish weighs from 1 to 10."))
        if wish.template_id is not None:
            self._template(wish.template_id)
        if wish.day <= self._desk.today():
            raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "A wish is for a day still to come."))
        with self._db.write(actor) as session:
            row = session.scalar(
                select(RosterWish).where(RosterWish.account_id == wish.account_id, RosterWish.day == wish.day)
            )
            if row is None:
                row = RosterWish(account_id=wish.account_id, day=wish.day, created_at=to_db(self._clock.now()))
                session.add(row)
            row.template_id, row.kind, row.weight = wish.template_id, WishKind(wish.kind), wish.weight

    def remove_wish(self, actor: Actor, account_id: int, day: date) -> None:
        if account_id != actor.account_id:
            require_role(actor, Role.SUPERVISOR)
        with self._db.write(actor) as session:
            row = session.scalar(select(RosterWish).where(RosterWish.account_id == account_id, RosterWish.day == day))
            if row is not None:
                session.delete(row)

    def _template(self, template_id: int) -> ShiftTemplate:
        for t in self._desk.shift_templates(include_inactive=True):
            if t.id == template_id:
                return t
        raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "Unknown shift."))


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
