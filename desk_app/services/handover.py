"""The handover (交接班): the desk's item list, the wizard's saved draft, and sign-off.

The rules that block sign-off live in ``desk_app.domain.handover.HandoverDraft``; this
service enforces them again at ``sign`` (the window cannot bypass them), checks both
people's passwords, and writes the record once: the counts, the open work handed over,
the anomalies, follow-ups closed, and a HANDOVER entry in the log's hash chain that
carries the SHA-256 of the whole record, so the handover is as tamper-evident as the log.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from desk_app.domain.categories import LogCategory
from desk_app.domain.clock import Clock
from desk_app.domain.errors import QT_TRANSLATE_NOOP, NotFound, PermissionDenied, ValidationError
from desk_app.domain.handover import (
    Disposition,
    HandoverDraft,
    ItemCount,
    OpenWork,
    WorkSource,
)
from desk_app.domain.roles import Actor, Role, require_role
from desk_app.domain.shifts import ShiftOccurrence, ShiftTemplate, occurrence, running_at
from desk_app.domain.text_rules import FIELD_NAME, FIELD_REASON, NAME_MAX, REASON_MAX, clean_text
from desk_app.services import log_chain
from desk_app.services.accounts import AccountService
from desk_app.services.common import audit, from_db, to_db
from desk_app.services.desk import DeskService
from desk_app.storage.database import Database
from desk_app.storage.models import (
    Account,
    DeskSettings,
    FollowUpClosure,
    Handover,
    HandoverCheck,
    HandoverItem,
    HandoverItemChange,
    LogEntry,
)

UNIT_MAX = 10
# A successor this late still takes over the shift that ended (the outgoing clerk stays on
# duty, 002 4.2.8); covering a post lasts at most 4 hours (002 第1篇 七.7).
LATE_HANDOVER_GRACE = timedelta(hours=4)
EXPECTED_MAX = 100_000
DIGEST_PREFIX = "记录摘要 sha256:"
_DIGEST_RE = re.compile(re.escape(DIGEST_PREFIX) + r"([0-9a-f]{64})")


class OpenWorkSource(Protocol):
    """Something that has open work to declare at a handover (the ticket queue plugs in here)."""

    def open_work(self) -> list[OpenWork]: ...

    def is_closed(self, ref_id: int) -> bool:
        """Whether the work ``ref_id`` is really closed (checked when "closed" is signed for)."""
        ...


@dataclass(frozen=True)
class ItemView:
    id: int
    name: str
    unit: str
    expected: int
    active: bool


@dataclass(frozen=True)
class HandoverView:
    id: int
    shift: ShiftOccurrence
    outgoing_id: int
    outgoing_name: str
    incoming_id: int | None
    incoming_name: str | None
    state: str
    started_at: datetime
    incoming_arrived_at: datetime | None
    outgoing_signed_at: datetime | None
    incoming_signed_at: datetime | None
    late_minutes: int | None
    early_arrival_minutes: int
    draft: HandoverDraft
    record: dict[str, Any] | None
    log_entry_id: int | None
    checked_by: str | None = None
    checked_at: datetime | None = None
    check_remark: str = ""

    @property
    def signed(self) -> bool:
        return self.state == "signed"


@dataclass(frozen=True)
class SignedHandover:
    """A handover both clerks signed, and the incoming clerk, who has just proved who they
    are with their password: the desk is theirs from now on."""

    view: HandoverView
    incoming: Actor


class RosterSource(Protocol):
    """Who the published roster puts on a shift (the roster plugs in here)."""

    def expected_on(self, day: date, template_id: int) -> list[tuple[int, str]]: ...


@dataclass(frozen=True)
class Overdue:
    shift: ShiftOccurrence
    minutes: int
    expected: tuple[str, ...] = ()  # the successors the published roster names


class HandoverService:
    def __init__(
        self,
        db: Database,
        clock: Clock,
        desk: DeskService,
        accounts: AccountService,
        sources: list[OpenWorkSource] | None = None,
        roster: RosterSource | None = None,
    ) -> None:
        self._db = db
        self._clock = clock
        self._desk = desk
        self._accounts = accounts
        self._sources = list(sources or [])
        self._roster = roster

    def add_source(self, source: OpenWorkSource) -> None:
        self._sources.append(source)

    # -- the item list (物品清点清单) --------------------------------------------------------
    def items(self, include_retired: bool = False) -> list[ItemView]:
        with self._db.read() as session:
            query = select(HandoverItem).order_by(HandoverItem.sort_order, HandoverItem.id)
            if not include_retired:
                query = query.where(HandoverItem.active.is_(True))
            return [_item(i) for i in session.scalars(query)]

    def add_item(self, actor: Actor, name: str, unit: str, expected: int) -> ItemView:
        require_role(actor, Role.SUPERVISOR)
        name, unit, expected = _valid_item(name, unit, expected)
        with self._db.write(actor) as session:
            _refuse_duplicate(session, name, None)
            order = len(session.scalars(select(HandoverItem.id)).all())
            item = HandoverItem(name=name, unit=unit, expected=expected, active=True, sort_order=order)
            session.add(item)
            session.flush()
            self._record_change(session, actor, item, "added")
            return _item(item)

    def change_item(self, actor: Actor, item_id: int, name: str, unit: str, expected: int) -> ItemView:
        require_role(actor, Role.SUPERVISOR)
        name, unit, expected = _valid_item(name, unit, expected)
        with self._db.write(actor) as session:
            item = _get_item(session, item_id)
            _refuse_duplicate(session, name, item_id)
            item.name, item.unit, item.expected = name, unit, expected
            self._record_change(session, actor, item, "changed")
            return _item(item)

    def retire_item(self, actor: Actor, item_id: int) -> None:
        require_role(actor, Role.SUPERVISOR)
        with self._db.write(actor) as session:
            item = _get_item(session, item_id)
            item.active = False
            self._record_change(session, actor, item, "retired")

    def item_history(self) -> list[tuple[datetime, str, str, str, str, int]]:
        """(when, who, action, name, unit, expected), newest first."""
        tz = self._desk.info().tz
        with self._db.read() as session:
            rows = session.execute(
                select(HandoverItemChange, Account.display_name)
                .join(Account, Account.id == HandoverItemChange.actor_id)
                .order_by(HandoverItemChange.id.desc())
            ).all()
        return [(from_db(c.at).astimezone(tz), who, c.action, c.name, c.unit, c.expected) for c, who in rows]

    def _record_change(self, session: Session, actor: Actor, item: HandoverItem, action: str) -> None:
        session.add(
            HandoverItemChange(
                item_id=item.id,
                at=to_db(self._clock.now()),
                actor_id=actor.account_id,
                action=action,
                name=item.name,
                unit=item.unit,
                expected=item.expected,
            )
        )

    # -- desk setting -------------------------------------------------------------------
    def early_arrival_minutes(self) -> int:
        with self._db.read() as session:
            settings = session.get(DeskSettings, 1)
            return settings.early_arrival_minutes if settings else 15

    def set_early_arrival_minutes(self, actor: Actor, minutes: int) -> None:
        require_role(actor, Role.SUPERVISOR)
        if not 0 <= minutes <= 60:
            raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "The early arrival is between 0 and 60 minutes."))
        with self._db.write(actor) as session:
            settings = session.get(DeskSettings, 1)
            if settings is None:
                session.add(DeskSettings(id=1, early_arrival_minutes=minutes))
            else:
                settings.early_arrival_minutes = minutes

    # -- open work -------------------------------------------------------------------------
    def incidents_in_progress(self) -> list[tuple[int, str]]:
        """Incident entries still being handled: (entry id, situation)."""
        with self._db.read() as session:
            return [(i, s) for i, s in session.execute(_open_follow_ups(LogCategory.INCIDENT)).all()]

    def open_follow_ups(self) -> list[tuple[int, str, bool]]:
        """Log entries marked "needs follow-up" and not yet closed: (id, situation, incident)."""
        with self._db.read() as session:
            rows = session.execute(_open_follow_ups(None).add_columns(LogEntry.category)).all()
        return [(i, s, c == LogCategory.INCIDENT.value) for i, s, c in rows]

    def close_follow_up(self, actor: Actor, entry_id: int, note: str) -> None:
        """Record a follow-up (or an incident) as dealt with, outside a handover."""
        require_role(actor, Role.CLERK)
        note = clean_text(note, field=FIELD_REASON, max_len=REASON_MAX, required=True)
        with self._db.write(actor) as session:
            self._close(session, actor.account_id, entry_id, note, None)

    def _close(self, session: Session, by: int, entry_id: int, note: str, handover_id: int | None) -> None:
        entry = session.get(LogEntry, entry_id)
        if entry is None or not entry.follow_up:
            raise NotFound(QT_TRANSLATE_NOOP("DeskError", "Entry #{id} has no follow-up to close."), id=entry_id)
        if session.scalar(select(FollowUpClosure.id).where(FollowUpClosure.log_entry_id == entry_id)):
            return  # already closed: closing twice changes nothing
        session.add(
            FollowUpClosure(
                log_entry_id=entry_id,
                closed_at=to_db(self._clock.now()),
                closed_by=by,
                note=note,
                handover_id=handover_id,
            )
        )

    def _collect_open_work(self, session: Session) -> list[OpenWork]:
        work = [
            OpenWork(WorkSource.LOG_FOLLOW_UP, entry_id, f"#{entry_id} {situation}", important=incident)
            for entry_id, situation, incident in (
                (i, s, c == LogCategory.INCIDENT.value)
                for i, s, c in session.execute(_open_follow_ups(None).add_columns(LogEntry.category)).all()
            )
        ]
        # Free-text items handed over at the last handover come round again until closed.
        last = session.scalar(select(Handover).where(Handover.state == "signed").order_by(Handover.id.desc()).limit(1))
        if last is not None and last.record_json:
            for raw in json.loads(last.record_json).get("open_work", []):
                if raw["source"] == WorkSource.FREE.value and raw["disposition"] == Disposition.HANDED_OVER.value:
                    work.append(
                        OpenWork(WorkSource.FREE, None, raw["description"], important=raw.get("important", False))
                    )
        for source in self._sources:
            work.extend(source.open_work())
        return work

    # -- the handover itself ---------------------------------------------------------------
    def current(self) -> HandoverView | None:
        """The handover being filled in, if any (there is at most one)."""
        with self._db.read() as session:
            row = session.scalar(select(Handover).where(Handover.state == "open").limit(1))
            return self._view(session, row) if row is not None else None

    def start(self, actor: Actor) -> HandoverView:
        """The outgoing clerk starts (or resumes) the handover of the running shift."""
        require_role(actor, Role.CLERK)
        existing = self.current()
        if existing is not None:
            if existing.outgoing_id != actor.account_id and actor.role is Role.CLERK:
                raise PermissionDenied(
                    QT_TRANSLATE_NOOP("DeskError", "{name} has already started a handover."),
                    name=existing.outgoing_name,
                )
            return existing
        incidents = self.incidents_in_progress()
        if incidents:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "DeskError",
                    "No handover while an incident is being handled: #{id} {text}. Record how it was dealt with first.",
                ),
                id=incidents[0][0],
                text=incidents[0][1][:40],
            )
        shift = self._shift_to_hand_over(actor.account_id)
        if shift is None:
            raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "No shift is running now."))
        with self._db.write(actor) as session:
            done = session.scalar(
                select(Handover.id).where(
                    Handover.state == "signed",
                    Handover.shift_date == shift.shift_date,
                    Handover.shift_template_id == shift.template.id,
                )
            )
            if done is not None:
                raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "This shift was already handed over."))
            draft = HandoverDraft(
                counts=[
                    ItemCount(i.id, i.name, i.unit, i.expected)
                    for i in session.scalars(
                        select(HandoverItem)
                        .where(HandoverItem.active.is_(True))
                        .order_by(HandoverItem.sort_order, HandoverItem.id)
                    )
                ],
                open_work=self._collect_open_work(session),
            )
            settings = session.get(DeskSettings, 1)
            row = Handover(
                shift_template_id=shift.template.id,
                shift_date=shift.shift_date,
                outgoing_id=actor.account_id,
                state="open",
                started_at=to_db(self._clock.now()),
                early_arrival_minutes=settings.early_arrival_minutes if settings else 15,
                draft_json=draft.to_json(),
            )
            session.add(row)
            session.flush()
            return self._view(session, row)

    def save_draft(self, actor: Actor, handover_id: int, draft: HandoverDraft) -> None:
        """Saved on every change, so an interrupted handover resumes where it stopped.

        A draft carries what the clerks typed, never an approval: the open work to declare,
        its importance and any supervisor's release (``override``), and the items with
        their expected quantities are kept as the service stored them, whatever ``draft``
        says about them."""
        require_role(actor, Role.CLERK)
        with self._db.write(actor) as session:
            row = self._open_row(session, handover_id)
            stored = HandoverDraft.from_json(row.draft_json)
            row.draft_json = _typed_only(stored, draft).to_json()

    def add_free_work(
        self, actor: Actor, handover_id: int, description: str, important: bool = False
    ) -> HandoverDraft:
        require_role(actor, Role.CLERK)
        text = clean_text(description, field=FIELD_NAME, max_len=REASON_MAX, required=True)
        with self._db.write(actor) as session:
            row = self._open_row(session, handover_id)
            draft = HandoverDraft.from_json(row.draft_json)
            draft.open_work.append(OpenWork(WorkSource.FREE, None, text, important=important))
            row.draft_json = draft.to_json()
            return draft

    def identify_incoming(self, handover_id: int, username: str, password: str) -> HandoverView:
        """The incoming clerk signs in to the wizard: arrival time and lateness are recorded."""
        person = self._accounts.authenticate(username, password)
        try:
            with self._db.write(person) as session:
                row = self._open_row(session, handover_id)
                if person.account_id == row.outgoing_id:
                    raise ValidationError(
                        QT_TRANSLATE_NOOP("DeskError", "The outgoing clerk cannot also be the incoming clerk.")
                    )
                now = self._clock.now()
                if row.incoming_id != person.account_id:
                    row.incoming_id = person.account_id
                    row.incoming_arrived_at = to_db(now)
                return self._view(session, row)
        finally:
            self._accounts.sign_out(person)  # the password proved who arrived; the desk is not theirs yet

    def override(self, handover_id: int, work_index: int, username: str, password: str, reason: str) -> HandoverDraft:
        """A supervisor lets important unfinished work pass, with a reason, by their password."""
        supervisor = self._accounts.authenticate(username, password)
        try:
            require_role(supervisor, Role.SUPERVISOR)
            reason = clean_text(reason, field=FIELD_REASON, max_len=REASON_MAX, required=True)
            with self._db.write(supervisor) as session:
                row = self._open_row(session, handover_id)
                draft = HandoverDraft.from_json(row.draft_json)
                if not 0 <= work_index < len(draft.open_work):
                    raise NotFound(QT_TRANSLATE_NOOP("DeskError", "No such open work."))
                work = draft.open_work[work_index]
                work.override_by = supervisor.account_id
                work.override_reason = reason
                row.draft_json = draft.to_json()
                audit(
                    session,
                    self._clock.now(),
                    supervisor.account_id,
                    "handover.override",
                    f"#{row.id} {work.key}: by password; {reason}",
                )
                return draft
        finally:
            self._accounts.sign_out(supervisor)  # given by password now, not a sign-in

    def sign(
        self, handover_id: int, outgoing_password: str, incoming_username: str, incoming_password: str
    ) -> SignedHandover:
        """Both clerks sign with their own passwords; only then is the shift handed over."""
        with self._db.read() as session:
            row = self._open_row(session, handover_id)
            outgoing = session.get(Account, row.outgoing_id)
            assert outgoing is not None
            outgoing_username = outgoing.username
            draft = HandoverDraft.from_json(row.draft_json)
        problems = draft.blocking()
        if problems:
            raise ValidationError(
                QT_TRANSLATE_NOOP("DeskError", "The handover cannot be signed yet: {problem}"),
                problem=problems[0].english(),
            )
        for work in draft.open_work:
            if (
                work.source is WorkSource.TICKET
                and work.disposition is Disposition.CLOSED
                and work.ref_id is not None
                and not any(source.is_closed(work.ref_id) for source in self._sources)
            ):
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "DeskError",
                        "Ticket #{id} is still open in the ticket queue: close it there, or hand it over.",
                    ),
                    id=work.ref_id,
                )
        out_actor = self._accounts.authenticate(outgoing_username, outgoing_password)
        try:
            in_actor = self._accounts.authenticate(incoming_username, incoming_password)
            try:
                if in_actor.account_id == out_actor.account_id:
                    raise ValidationError(
                        QT_TRANSLATE_NOOP("DeskError", "The outgoing clerk cannot sign for the incoming clerk.")
                    )
                return self._write_signed(handover_id, draft, out_actor, in_actor)
            except BaseException:
                self._accounts.sign_out(in_actor)
                raise
        finally:
            # The outgoing clerk's password signed the record; their shift, and sign-in, ends.
            self._accounts.sign_out(out_actor)

    def _write_signed(
        self, handover_id: int, draft: HandoverDraft, out_actor: Actor, in_actor: Actor
    ) -> SignedHandover:
        now = self._clock.now().replace(microsecond=0)
        tz = self._desk.info().tz
        with self._db.write(out_actor) as session:
            row = self._open_row(session, handover_id)
            for work in draft.open_work:
                if work.override_by is None:
                    continue
                releaser = session.get(Account, work.override_by)
                if releaser is None or Role(releaser.role).rank < Role.SUPERVISOR.rank:
                    raise PermissionDenied(
                        QT_TRANSLATE_NOOP(
                            "DeskError", "“{work}” was not released by a supervisor: it cannot be handed over."
                        ),
                        work=work.description,
                    )
            if row.incoming_id != in_actor.account_id:
                row.incoming_id = in_actor.account_id
                row.incoming_arrived_at = to_db(now)
            shift = self._shift_of(row)
            arrived = from_db(row.incoming_arrived_at) if row.incoming_arrived_at else now
            expected_by = shift.end - timedelta(minutes=row.early_arrival_minutes)
            late = max(0, int((arrived - expected_by).total_seconds() // 60))
            for work in draft.open_work:
                if work.source is WorkSource.LOG_FOLLOW_UP and work.disposition is Disposition.CLOSED:
                    assert work.ref_id is not None
                    self._close(session, out_actor.account_id, work.ref_id, work.note or "交接班时关闭", row.id)
            record = {
                "handover_id": row.id,
                "shift_date": shift.shift_date.isoformat(),
                "shift": shift.template.name,
                "outgoing": out_actor.display_name,
                "incoming": in_actor.display_name,
                "started_at": from_db(row.started_at).astimezone(tz).isoformat(),
                "incoming_arrived_at": arrived.astimezone(tz).isoformat(),
                "signed_at": now.astimezone(tz).isoformat(),
                "early_arrival_minutes": row.early_arrival_minutes,
                "late_minutes": late,
                **json.loads(draft.to_json()),
            }
            record_json = json.dumps(record, ensure_ascii=False, sort_keys=True)
            digest = hashlib.sha256(record_json.encode("utf-8")).hexdigest()
            differences = sum(1 for c in draft.counts if c.needs_explanation)
            handed = sum(1 for w in draft.open_work if w.disposition is Disposition.HANDED_OVER)
            (entry,) = log_chain.append(
                session,
                [
                    {
                        "clerk_id": out_actor.account_id,
                        "shift_template_id": shift.template.id,
                        "shift_date": shift.shift_date,
                        "occurred_at": to_db(now),
                        "recorded_at": to_db(now),
                        "tz": self._desk.info().timezone,
                        "category": LogCategory.HANDOVER.value,
                        "situation": f"交接班：{out_actor.display_name} → {in_actor.display_name}"
                        f"（{shift.shift_date:%m-%d} {shift.template.name}）",
                        "handling": f"物品{len(draft.counts)}项，差异或损坏{differences}项；"
                        f"移交事项{handed}项；异常{len(draft.anomalies)}项；"
                        + (f"接班迟到{late}分钟；" if late else "")
                        + f"{DIGEST_PREFIX}{digest}",
                        "backdate_reason": "",
                        "follow_up": False,
                        "corrects_id": None,
                        "after_review": False,
                    }
                ],
            )
            row.incoming_id = in_actor.account_id
            row.outgoing_signed_at = to_db(now)
            row.incoming_signed_at = to_db(now)
            row.late_minutes = late
            row.record_json = record_json
            row.log_entry_id = entry["id"]
            row.state = "signed"
            session.flush()
            return SignedHandover(self._view(session, row), in_actor)

    # -- supervision ------------------------------------------------------------------------
    def overdue(self) -> Overdue | None:
        """The open handover's shift has ended and no successor has signed: who waits how long."""
        now = self._clock.now()
        current = self.current()
        if current is None:
            return None
        if now <= current.shift.end:
            return None
        return Overdue(
            current.shift, int((now - current.shift.end).total_seconds() // 60), tuple(self.successors(current.shift))
        )

    def successors(self, shift: ShiftOccurrence) -> list[str]:
        """Who the published roster expects on the shift that follows ``shift`` (the one
        starting when it ends, else the one running then); empty without a roster."""
        if self._roster is None:
            return []
        tz = self._desk.info().tz
        templates = self._desk.shift_templates()
        end = shift.end
        following = [
            occ
            for t in templates
            for back in (0, 1)
            if (occ := occurrence(t, end.astimezone(tz).date() - timedelta(days=back), tz)).start == end
        ]
        if not following:
            running = running_at(templates, end, tz)
            following = [running] if running is not None else []
        names: list[str] = []
        for occ in following:
            names += [name for _id, name in self._roster.expected_on(occ.shift_date, occ.template.id)]
        return names

    def handovers(self, date_from: date, date_to: date) -> list[HandoverView]:
        with self._db.read() as session:
            rows = session.scalars(
                select(Handover)
                .where(Handover.shift_date >= date_from, Handover.shift_date <= date_to)
                .order_by(Handover.started_at.desc())
            ).all()
            return self._views(session, list(rows))

    def get(self, handover_id: int) -> HandoverView:
        with self._db.read() as session:
            row = session.get(Handover, handover_id)
            if row is None:
                raise NotFound(QT_TRANSLATE_NOOP("DeskError", "No such handover."))
            return self._view(session, row)

    def check(self, actor: Actor, handover_id: int, remark: str = "", *, password: str) -> None:
        """The supervisor's daily changeover check of a signed handover, given with their
        own password at that moment."""
        require_role(actor, Role.SUPERVISOR)
        remark = clean_text(remark, field=FIELD_REASON, max_len=REASON_MAX, required=False)
        self._accounts.confirm_password(actor, password)
        with self._db.write(actor) as session:
            row = session.get(Handover, handover_id)
            if row is None or row.state != "signed":
                raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "Only a signed handover can be checked."))
            if session.scalar(select(HandoverCheck.id).where(HandoverCheck.handover_id == handover_id)):
                raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "This handover is already checked."))
            session.add(
                HandoverCheck(
                    handover_id=handover_id,
                    checker_id=actor.account_id,
                    checked_at=to_db(self._clock.now()),
                    remark=remark,
                )
            )
            audit(session, self._clock.now(), actor.account_id, "handover.checked", f"#{handover_id} by password")

    def verify_records(self) -> list[int]:
        """Signed handovers whose stored record no longer matches the digest in the log chain."""
        bad: list[int] = []
        with self._db.read() as session:
            rows = session.execute(
                select(Handover.id, Handover.record_json, LogEntry.handling)
                .join(LogEntry, LogEntry.id == Handover.log_entry_id, isouter=True)
                .where(Handover.state == "signed")
            ).all()
        for handover_id, record_json, handling in rows:
            match = _DIGEST_RE.search(handling or "")
            digest = hashlib.sha256((record_json or "").encode("utf-8")).hexdigest()
            if match is None or match.group(1) != digest:
                bad.append(handover_id)
        return bad

    # -- helpers -------------------------------------------------------------------------
    def _open_row(self, session: Session, handover_id: int) -> Handover:
        row = session.get(Handover, handover_id)
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("DeskError", "No such handover."))
        if row.state != "open":
            raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "This handover is already signed."))
        return row

    def _shift_of(self, row: Handover) -> ShiftOccurrence:
        templates = {t.id: t for t in self._desk.shift_templates(include_inactive=True)}
        return occurrence(templates[row.shift_template_id], row.shift_date, self._desk.info().tz)

    def _shift_to_hand_over(self, outgoing_id: int) -> ShiftOccurrence | None:
        """The running shift, unless the outgoing clerk kept the log of the shift before it,
        which ended a short while ago and was not handed over: a successor who arrives after
        the end takes over the shift that ended, so lateness and the overdue warning are
        measured against its end."""
        now = self._clock.now()
        running = self._desk.shift_at(now)
        ended = self._last_ended_shift()
        if ended is None or now - ended.end > LATE_HANDOVER_GRACE:
            return running

        def wrote_in(occ: ShiftOccurrence) -> bool:
            query = (
                select(LogEntry.id)
                .where(LogEntry.clerk_id == outgoing_id)
                .where(LogEntry.shift_date == occ.shift_date, LogEntry.shift_template_id == occ.template.id)
                .limit(1)
            )
            return session.scalar(query) is not None

        with self._db.read() as session:
            handed = session.scalar(
                select(Handover.id).where(
                    Handover.shift_date == ended.shift_date, Handover.shift_template_id == ended.template.id
                )
            )
            if handed is None and wrote_in(ended) and (running is None or not wrote_in(running)):
                return ended
        return running

    def _last_ended_shift(self) -> ShiftOccurrence | None:
        """Between shifts (a desk not staffed round the clock): the shift that ended last."""
        now = self._clock.now()
        tz = self._desk.info().tz
        best: ShiftOccurrence | None = None
        for template in self._desk.shift_templates():
            for back in (0, 1):
                occ = occurrence(template, now.astimezone(tz).date() - timedelta(days=back), tz)
                if occ.end <= now and (best is None or occ.end > best.end):
                    best = occ
        return best

    def _view(self, session: Session, row: Handover) -> HandoverView:
        return self._views(session, [row])[0]

    def _views(self, session: Session, rows: list[Handover]) -> list[HandoverView]:
        """The views of ``rows`` with one query each for the names, the templates and the
        checks, however many rows (the handover tab lists a week every 30 seconds)."""
        if not rows:
            return []
        names = dict(session.execute(select(Account.id, Account.display_name)).all())
        templates = {t.id: t for t in self._desk.shift_templates(include_inactive=True)}
        checks = {
            check.handover_id: (check, checker)
            for check, checker in session.execute(
                select(HandoverCheck, Account.display_name)
                .join(Account, Account.id == HandoverCheck.checker_id)
                .where(HandoverCheck.handover_id.in_([row.id for row in rows]))
                .order_by(HandoverCheck.id)
            )
        }
        return [self._build_view(row, names, templates, checks.get(row.id)) for row in rows]

    def _build_view(
        self,
        row: Handover,
        names: dict[int, str],
        templates: dict[int, ShiftTemplate],
        check: tuple[HandoverCheck, str] | None,
    ) -> HandoverView:
        tz = self._desk.info().tz

        def local(value: datetime | None) -> datetime | None:
            return from_db(value).astimezone(tz) if value is not None else None

        started = local(row.started_at)
        assert started is not None
        return HandoverView(
            id=row.id,
            shift=occurrence(templates[row.shift_template_id], row.shift_date, tz),
            outgoing_id=row.outgoing_id,
            outgoing_name=names.get(row.outgoing_id, "?"),
            incoming_id=row.incoming_id,
            incoming_name=names.get(row.incoming_id) if row.incoming_id else None,
            state=row.state,
            started_at=started,
            incoming_arrived_at=local(row.incoming_arrived_at),
            outgoing_signed_at=local(row.outgoing_signed_at),
            incoming_signed_at=local(row.incoming_signed_at),
            late_minutes=row.late_minutes,
            early_arrival_minutes=row.early_arrival_minutes,
            draft=HandoverDraft.from_json(row.draft_json),
            record=json.loads(row.record_json) if row.record_json else None,
            log_entry_id=row.log_entry_id,
            checked_by=check[1] if check else None,
            checked_at=local(check[0].checked_at) if check else None,
            check_remark=check[0].remark if check else "",
        )


def _typed_only(stored: HandoverDraft, typed: HandoverDraft) -> HandoverDraft:
    """``typed`` with the open work and the item list as ``stored``: what the clerks may
    change through a saved draft is the counts, dispositions and notes they type."""
    counted = {c.item_id: c for c in typed.counts}
    counts = []
    for item in stored.counts:
        mine = counted.get(item.item_id)
        counts.append(
            replace(item, counted=mine.counted, condition=mine.condition, explanation=mine.explanation)
            if mine is not None
            else item
        )
    by_key: dict[str, list[OpenWork]] = {}
    for work in typed.open_work:
        by_key.setdefault(work.key, []).append(work)
    open_work = []
    for work in stored.open_work:
        same = by_key.get(work.key)
        typed_work = same.pop(0) if same else None
        open_work.append(
            replace(work, disposition=typed_work.disposition, note=typed_work.note) if typed_work is not None else work
        )
    return replace(typed, counts=counts, open_work=open_work)


def _open_follow_ups(category: LogCategory | None) -> Select[int, str]:
    corrected = select(LogEntry.corrects_id).where(LogEntry.corrects_id.is_not(None))
    closed = select(FollowUpClosure.log_entry_id)
    query = (
        select(LogEntry.id, LogEntry.situation)
        .where(LogEntry.follow_up.is_(True))
        .where(LogEntry.id.not_in(closed))
        .where(LogEntry.id.not_in(corrected))
        .order_by(LogEntry.id)
    )
    if category is not None:
        query = query.where(LogEntry.category == category.value)
    return query


def _valid_item(name: str, unit: str, expected: int) -> tuple[str, str, int]:
    name = clean_text(name, field=FIELD_NAME, max_len=NAME_MAX, required=True)
    unit = clean_text(unit, field=FIELD_NAME, max_len=UNIT_MAX, required=True)
    # bool is an int subclass: a checkbox value must not become a quantity of 1.
    if isinstance(expected, bool) or not isinstance(expected, int) or not 0 <= expected <= EXPECTED_MAX:
        raise ValidationError(
            QT_TRANSLATE_NOOP("DeskError", "The expected quantity is a whole number from 0 to {max}."),
            max=EXPECTED_MAX,
        )
    return name, unit, expected


def _refuse_duplicate(session: Session, name: str, item_id: int | None) -> None:
    query = select(HandoverItem.id).where(HandoverItem.name == name, HandoverItem.active.is_(True))
    if item_id is not None:
        query = query.where(HandoverItem.id != item_id)
    if session.scalar(query) is not None:
        raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "The item list already has {name}."), name=name)


def _get_item(session: Session, item_id: int) -> HandoverItem:
    item = session.get(HandoverItem, item_id)
    if item is None:
        raise NotFound(QT_TRANSLATE_NOOP("DeskError", "No such item."))
    return item


def _item(item: HandoverItem) -> ItemView:
    return ItemView(item.id, item.name, item.unit, item.expected, item.active)
