"""Leave (请假), swaps (调班) and covers (顶班): a clerk asks, a supervisor approves or
declines with a reason, and only an approval changes the roster (DOMAIN.md "Leave, swaps,
cover"). There is no private swap: a swap is a request like any other. Leave is asked the
desk's notice ahead (one day by default); a cover lasts at most the desk's limit (4 hours,
and the database refuses more whatever the setting says).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_app.domain.clock import Clock
from desk_app.domain.errors import QT_TRANSLATE_NOOP, NotFound, PermissionDenied, ValidationError
from desk_app.domain.roles import Actor, Role, require_role
from desk_app.domain.roster import RequestKind, RequestStatus, RosterStatus
from desk_app.domain.shifts import occurrence
from desk_app.domain.text_rules import FIELD_REASON, REASON_MAX, clean_text
from desk_app.services.accounts import AccountService
from desk_app.services.common import audit, from_db, to_db
from desk_app.services.desk import DeskService
from desk_app.services.roster import RosterService
from desk_app.storage.database import Database
from desk_app.storage.models import Account, RosterCell, RosterMonth, StaffRequest

LEAVE_MAX_DAYS = 31
KIND_CHINESE = {RequestKind.LEAVE: "请假", RequestKind.SWAP: "调班", RequestKind.COVER: "顶班"}
STATUS_CHINESE = {
    RequestStatus.PENDING: "待审批",
    RequestStatus.APPROVED: "已批准",
    RequestStatus.DECLINED: "未批准",
    RequestStatus.WITHDRAWN: "已撤回",
}


@dataclass(frozen=True)
class RequestView:
    id: int
    kind: RequestKind
    requester_id: int
    requester: str
    created_at: datetime
    reason: str
    status: RequestStatus
    decided_by: str | None
    decided_at: datetime | None
    decision_note: str
    day_from: date
    day_to: date
    template_id: int | None
    other_account_id: int | None
    other: str | None
    other_day: date | None
    other_template_id: int | None
    cover_start: datetime | None
    cover_end: datetime | None


class StaffRequestService:
    def __init__(
        self, db: Database, clock: Clock, desk: DeskService, roster: RosterService, accounts: AccountService
    ) -> None:
        self._db = db
        self._clock = clock
        self._desk = desk
        self._roster = roster
        self._accounts = accounts

    # -- asking ------------------------------------------------------------------------------
    def request_leave(self, actor: Actor, day_from: date, day_to: date, reason: str) -> RequestView:
        reason = self._reason(reason)
        if day_to < day_from:
            raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "The end date is before the start date."))
        if (day_to - day_from).days + 1 > LEAVE_MAX_DAYS:
            raise ValidationError(
                QT_TRANSLATE_NOOP("DeskError", "Leave is asked for at most {n} days at a time."), n=LEAVE_MAX_DAYS
            )
        notice = self._roster.settings().leave_notice_days
        if day_from < self._desk.today() + timedelta(days=notice):
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "DeskError", "Leave is asked at least {n} day(s) before; ask your supervisor in person."
                ),
                n=notice,
            )
        return self._add(
            actor,
            StaffRequest(
                kind=RequestKind.LEAVE, requester_id=actor.account_id, reason=reason, day_from=day_from, day_to=day_to
            ),
        )

    def request_swap(self, actor: Actor, day: date, other_account_id: int, other_day: date, reason: str) -> RequestView:
        """Give my shift on ``day`` to another person and take theirs on ``other_day``."""
        reason = self._reason(reason)
        if other_account_id == actor.account_id:
            raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "A swap is with another person."))
        if min(day, other_day) <= self._desk.today():
            raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "Only shifts still to come can be swapped."))
        mine = self._published_shift(actor.account_id, day)
        theirs = self._published_shift(other_account_id, other_day)
        if mine is None or theirs is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("DeskError", "A swap exchanges two shifts of the published roster.")
            )
        return self._add(
            actor,
            StaffRequest(
                kind=RequestKind.SWAP,
                requester_id=actor.account_id,
                reason=reason,
                day_from=day,
                day_to=day,
                template_id=mine,
                other_account_id=other_account_id,
                other_day=other_day,
                other_template_id=theirs,
            ),
        )

    def request_cover(
        self, actor: Actor, day: date, other_account_id: int, start: datetime, end: datetime, reason: str
    ) -> RequestView:
        """Someone covers my post (顶班) from ``start`` to ``end`` during my shift of ``day``."""
        reason = self._reason(reason)
        if other_account_id == actor.account_id:
            raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "A cover is by another person."))
        if start.tzinfo is None or end.tzinfo is None:
            raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "The cover times have no time zone."))
        limit = self._roster.settings().cover_max_minutes
        minutes = (end - start).total_seconds() / 60
        if minutes <= 0:
            raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "A cover ends after it starts."))
        if minutes > limit:
            raise ValidationError(
                QT_TRANSLATE_NOOP("DeskError", "A cover lasts at most {n} minutes; ask for leave instead."), n=limit
            )
        if start < self._clock.now():
            raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "A cover is asked before it starts."))
        shift = self._published_shift(actor.account_id, day)
        if shift is None:
            raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "You have no shift on that day to be covered."))
        template = next(t for t in self._desk.shift_templates(include_inactive=True) if t.id == shift)
        occ = occurrence(template, day, self._desk.info().tz)
        if start < occ.start or end > occ.end:
            raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "A cover lies within your shift."))
        return self._add(
            actor,
            StaffRequest(
                kind=RequestKind.COVER,
                requester_id=actor.account_id,
                reason=reason,
                day_from=day,
                day_to=day,
                template_id=shift,
                other_account_id=other_account_id,
                cover_start=to_db(start),
                cover_end=to_db(end),
            ),
        )

    def withdraw(self, actor: Actor, request_id: int) -> RequestView:
        with self._db.write(actor) as session:
            row = self._pending(session, request_id)
            if row.requester_id != actor.account_id:
                raise PermissionDenied(QT_TRANSLATE_NOOP("DeskError", "Only the person who asked can withdraw it."))
            row.status, row.decided_by = RequestStatus.WITHDRAWN, actor.account_id
            row.decided_at = to_db(self._clock.now())
        return self.get(request_id)

    # -- deciding ----------------------------------------------------------------------------
    def decide(self, actor: Actor, request_id: int, approve: bool, note: str, *, password: str) -> RequestView:
        """Approve (the roster changes now, each change recorded) or decline, with a reason;
        given with the supervisor's own password at that moment."""
        require_role(actor, Role.SUPERVISOR)
        note = clean_text(note, field=FIELD_REASON, max_len=REASON_MAX, required=not approve)
        self._accounts.confirm_password(actor, password)
        with self._db.write(actor) as session:
            row = self._pending(session, request_id)
            if row.requester_id == actor.account_id:
                raise PermissionDenied(QT_TRANSLATE_NOOP("DeskError", "Nobody approves their own request."))
            if approve:
                self._apply(session, actor, row)
            row.status = RequestStatus.APPROVED if approve else RequestStatus.DECLINED
            row.decided_by, row.decided_at, row.decision_note = actor.account_id, to_db(self._clock.now()), note
            audit(
                session,
                self._clock.now(),
                actor.account_id,
                f"request.{row.status}",
                f"#{row.id} {row.kind} by password",
            )
        return self.get(request_id)

    def _apply(self, session: Session, actor: Actor, row: StaffRequest) -> None:
        why = f"{KIND_CHINESE[RequestKind(row.kind)]} #{row.id}：{row.reason}"
        write = self._roster._write_cell  # the one place a cell changes, in this transaction
        if row.kind == RequestKind.LEAVE:
            day = row.day_from
            while day <= row.day_to:
                write(session, actor, day, row.requester_id, None, True, why, row.id)
                day += timedelta(days=1)
        elif row.kind == RequestKind.SWAP:
            assert row.other_account_id is not None and row.other_day is not None
            mine = self._cell_shift(session, row.requester_id, row.day_from)
            theirs = self._cell_shift(session, row.other_account_id, row.other_day)
            if mine != row.template_id or theirs != row.other_template_id:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("DeskError", "The roster changed since the swap was asked; ask again.")
                )
            if row.day_from != row.other_day:
                if self._cell_shift(session, row.requester_id, row.other_day) is not None or (
                    self._cell_shift(session, row.other_account_id, row.day_from) is not None
                ):
                    raise ValidationError(
                        QT_TRANSLATE_NOOP("DeskError", "After the swap someone would work two shifts on one day.")
                    )
                write(session, actor, row.day_from, row.requester_id, None, False, why, row.id)
                write(session, actor, row.other_day, row.other_account_id, None, False, why, row.id)
            write(session, actor, row.other_day, row.requester_id, row.other_template_id, False, why, row.id)
            write(session, actor, row.day_from, row.other_account_id, row.template_id, False, why, row.id)
        # A cover changes no cell: the post stays the requester's; the approval is the record.

    # -- reading -----------------------------------------------------------------------------
    def get(self, request_id: int) -> RequestView:
        with self._db.read() as session:
            row = session.get(StaffRequest, request_id)
            if row is None:
                raise NotFound(QT_TRANSLATE_NOOP("DeskError", "No such request."))
            return self._view(session, row)

    def requests(self, *, pending_only: bool = False, account_id: int | None = None) -> list[RequestView]:
        with self._db.read() as session:
            query = select(StaffRequest).order_by(StaffRequest.id.desc())
            if pending_only:
                query = query.where(StaffRequest.status == RequestStatus.PENDING)
            if account_id is not None:
                query = query.where(StaffRequest.requester_id == account_id)
            return [self._view(session, r) for r in session.scalars(query.limit(500))]

    # -- internals ---------------------------------------------------------------------------
    @staticmethod
    def _reason(reason: str) -> str:
        return clean_text(reason, field=FIELD_REASON, max_len=REASON_MAX, required=True, multiline=True)

    def _add(self, actor: Actor, row: StaffRequest) -> RequestView:
        row.created_at = to_db(self._clock.now())
        row.status = RequestStatus.PENDING
        with self._db.write(actor) as session:
            session.add(row)
            session.flush()
            request_id = row.id
        return self.get(request_id)

    @staticmethod
    def _pending(session: Session, request_id: int) -> StaffRequest:
        row = session.get(StaffRequest, request_id)
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("DeskError", "No such request."))
        if row.status != RequestStatus.PENDING:
            raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "This request has already been decided."))
        return row

    def _published_shift(self, account_id: int, day: date) -> int | None:
        with self._db.read() as session:
            return session.scalar(
                select(RosterCell.template_id)
                .join(RosterMonth, RosterMonth.id == RosterCell.month_id)
                .where(
                    RosterCell.account_id == account_id,
                    RosterCell.day == day,
                    RosterMonth.status == RosterStatus.PUBLISHED,
                )
            )

    @staticmethod
    def _cell_shift(session: Session, account_id: int, day: date) -> int | None:
        result: int | None = session.scalar(
            select(RosterCell.template_id).where(RosterCell.account_id == account_id, RosterCell.day == day)
        )
        return result

    def _view(self, session: Session, row: StaffRequest) -> RequestView:
        tz = self._desk.info().tz
        names = dict(session.execute(select(Account.id, Account.display_name)).all())

        def local(value: datetime | None) -> datetime | None:
            return from_db(value).astimezone(tz) if value is not None else None

        created = local(row.created_at)
        assert created is not None
        return RequestView(
            id=row.id,
            kind=RequestKind(row.kind),
            requester_id=row.requester_id,
            requester=names.get(row.requester_id, "?"),
            created_at=created,
            reason=row.reason,
            status=RequestStatus(row.status),
            decided_by=names.get(row.decided_by) if row.decided_by else None,
            decided_at=local(row.decided_at),
            decision_note=row.decision_note,
            day_from=row.day_from,
            day_to=row.day_to,
            template_id=row.template_id,
            other_account_id=row.other_account_id,
            other=names.get(row.other_account_id) if row.other_account_id else None,
            other_day=row.other_day,
            other_template_id=row.other_template_id,
            cover_start=local(row.cover_start),
            cover_end=local(row.cover_end),
        )
