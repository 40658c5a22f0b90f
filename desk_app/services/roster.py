"""The roster (值班安排表): the month grid a supervisor edits or generates, publishing it as
a version, and the changes made to a published month (each with who and why). What the
handover needs — who is expected on a shift — comes from the published roster only. The
desk's and people's rules, wishes and leave are ``RosterInputs`` (services/roster_inputs.py).

Rules are checked here, and a published month's cells cannot change in the database without
the roster_change row that records the change (a trigger refuses it).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Iterable
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_app.domain import roster as rr
from desk_app.domain.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from desk_app.domain.roles import Actor, Role, require_role
from desk_app.domain.roster import Locked, RosterStatus, StaffRules
from desk_app.domain.text_rules import FIELD_REASON, REASON_MAX, clean_text
from desk_app.roster.conflict import Conflict
from desk_app.services.common import audit, from_db, to_db
from desk_app.services.roster_inputs import RosterInputs
from desk_app.services.roster_views import (
    ChangeView,
    CoverageGap,
    IssueKind,
    MonthConflict,
    MonthSummary,
    MonthView,
    RosterIssue,
    RosterSettings,
    StaffMember,
)
from desk_app.storage.models import Account, RosterCell, RosterChange, RosterMonth, RosterVersion

# What callers have always imported from here.
__all__ = [
    "ChangeView",
    "CoverageGap",
    "IssueKind",
    "MonthConflict",
    "MonthSummary",
    "MonthView",
    "RosterIssue",
    "RosterService",
    "RosterSettings",
    "StaffMember",
]


class RosterService(RosterInputs):
    """The month: its cells, generating, publishing, versions and changes, its gaps and rule
    breaks, and the solver's problem of it."""

    # -- the month ---------------------------------------------------------------------------
    def month(self, year: int, month: int) -> MonthView:
        days = rr.month_days(year, month)
        staff = self.staff()
        with self._db.read() as session:
            row = self._month_row(session, year, month)
            view = MonthView(year, month, days, RosterStatus.DRAFT, 0, staff)
            if row is None:
                return view
            view.status, view.version = RosterStatus(row.status), row.version
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
            if row.status == RosterStatus.PUBLISHED:
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

    def publish(
        self,
        actor: Actor,
        year: int,
        month: int,
        note: str = "",
        *,
        password: str,
        accept_gaps: Collection[CoverageGap] = (),
    ) -> int:
        """Publish the month as it stands: a new version with its snapshot; returns it.
        Given with the supervisor's own password at that moment.

        A month with shifts short of people is published only when the caller passes those
        very gaps in ``accept_gaps`` (the supervisor was shown them and accepted them); a gap
        not among them refuses the publishing and nothing is written."""
        require_role(actor, Role.SUPERVISOR)
        note = clean_text(note, field=FIELD_REASON, max_len=REASON_MAX, required=False)
        gaps = self.coverage_gaps(year, month)
        accepted = set(accept_gaps)  # the very gaps: a shift shorter than when seen is not accepted
        unaccepted = [g for g in gaps if g not in accepted]
        if unaccepted:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "DeskError",
                    "{count} shifts of this month are short of people: "
                    "they must be confirmed before the month is published.",
                ),
                count=len(unaccepted),
            )
        self._accounts.confirm_password(actor, password)
        with self._db.write(actor) as session:
            row = self._month_for_write(session, year, month)
            if row.status == RosterStatus.PUBLISHED:
                raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "This month is already published."))
            row.status, row.version = RosterStatus.PUBLISHED, row.version + 1
            session.flush()
            self._snapshot(session, row, actor, note or (f"缺岗 {len(gaps)} 处" if gaps else ""))
            accepted_text = f", {len(gaps)} shifts short of people accepted" if gaps else ""
            audit(
                session,
                self._clock.now(),
                actor.account_id,
                "roster.published",
                f"{year}-{month:02d} v{row.version}{accepted_text}, by password",
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

    def summary(self, year: int, month: int) -> MonthSummary:
        """What the month as it stands achieves, counted from its cells by the roster's own
        checker: every shift short of people, every wish not met, every rule broken."""
        from desk_app.services.roster_summary import month_summary

        view = self.month(year, month)
        names = {t.id: t.name for t in self._desk.shift_templates(include_inactive=True)}
        return month_summary(view, self.problem(year, month), names)

    def coverage_gaps(self, year: int, month: int) -> list[CoverageGap]:
        """Every shift of the month short of people, by day and shift."""
        return list(self.summary(year, month).coverage)

    def issues(self, year: int, month: int) -> list[RosterIssue]:
        """What the supervisor must see before publishing: every shift short of people, every
        wish not met, and every rule the month as it stands breaks."""
        return self.summary(year, month).issues()

    def solution_cells(
        self, year: int, month: int, assignments: Iterable[tuple[str, int, str]]
    ) -> list[tuple[int, date, int]]:
        """The solver's (staff key, day number, shift key) as (account id, date, template id)."""
        days = rr.month_days(year, month)
        return [(rr.account_of_key(s), days[d], rr.template_of_key(t)) for s, d, t in assignments]

    def solution_conflicts(self, year: int, month: int, conflicts: Iterable[Conflict]) -> list[MonthConflict]:
        """The solver's conflicts of the month's problem with account ids, dates and templates."""
        days = rr.month_days(year, month)
        return [
            MonthConflict(
                c.rule,
                tuple(rr.account_of_key(s) for s in c.people),
                tuple(days[d] for d in c.days),
                rr.template_of_key(c.shift) if c.shift is not None else None,
            )
            for c in conflicts
        ]

    def expected_on(self, day: date, template_id: int) -> list[tuple[int, str]]:
        """Who the current published roster puts on ``template_id`` on ``day`` (the handover's
        expected successors); empty when that month is not published."""
        with self._db.read() as session:
            rows = session.execute(
                select(Account.id, Account.display_name)
                .join(RosterCell, RosterCell.account_id == Account.id)
                .join(RosterMonth, RosterMonth.id == RosterCell.month_id)
                .where(
                    RosterCell.day == day,
                    RosterCell.template_id == template_id,
                    RosterMonth.status == RosterStatus.PUBLISHED,
                )
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
            calendar=self.holidays.calendar(),
        )

    # -- internals ---------------------------------------------------------------------------
    @staticmethod
    def _month_row(session: Session, year: int, month: int) -> RosterMonth | None:
        return session.scalar(select(RosterMonth).where(RosterMonth.year == year, RosterMonth.month == month))

    def _month_for_write(self, session: Session, year: int, month: int) -> RosterMonth:
        row = self._month_row(session, year, month)
        if row is None:
            row = RosterMonth(year=year, month=month, status=RosterStatus.DRAFT, version=0)
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
        if row.status == RosterStatus.PUBLISHED:
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
        if row.status == RosterStatus.PUBLISHED:
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
