"""Signing a handover: both clerks sign with their own passwords, and the record is
written once.

The rules that block sign-off live in ``desk_app.domain.handover.HandoverDraft``; they are
enforced again here (the window cannot bypass them). Signing writes the counts, the open
work handed over, the anomalies, the follow-ups closed, and a HANDOVER entry in the log's
hash chain that carries the SHA-256 of the whole record, so the handover is as
tamper-evident as the log.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from desk_app.domain.categories import LogCategory
from desk_app.domain.errors import QT_TRANSLATE_NOOP, PermissionDenied, ValidationError
from desk_app.domain.handover import Disposition, HandoverDraft, HandoverState, WorkSource
from desk_app.domain.roles import Actor, Role
from desk_app.domain.shifts import ShiftOccurrence
from desk_app.services import log_chain
from desk_app.services.common import from_db, to_db
from desk_app.services.handover.items import with_current_items
from desk_app.services.handover.open_work import OpenWorkDeclaration
from desk_app.services.handover.record import entry_handling, entry_situation, record_digest, record_json
from desk_app.services.handover.views import SignedHandover
from desk_app.storage.models import Account, Handover

CLOSED_AT_HANDOVER = "交接班时关闭"  # the closure note of a follow-up closed without one


class Signing(OpenWorkDeclaration):
    def sign(
        self, handover_id: int, outgoing_password: str, incoming_username: str, incoming_password: str
    ) -> SignedHandover:
        """Both clerks sign with their own passwords; only then is the shift handed over."""
        self.refuse_incidents_in_progress()  # an incident logged since the start blocks it too
        outgoing_username, draft = self._draft_to_sign(handover_id)
        self._refuse_unfinished(draft)
        out_actor = self._accounts.authenticate(outgoing_username, outgoing_password)
        try:
            in_actor = self._accounts.authenticate(incoming_username, incoming_password)
            try:
                self._accounts.refuse_reset_password(in_actor)  # a temporary password signs nothing
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

    # -- the steps of signing, in order ---------------------------------------------------
    def _draft_to_sign(self, handover_id: int) -> tuple[str, HandoverDraft]:
        """The outgoing clerk's user name and the draft as stored."""
        with self._db.read() as session:
            row = self._open_row(session, handover_id)
            outgoing = session.get(Account, row.outgoing_id)
            assert outgoing is not None
            # The item list as it is now: an item added since the draft was saved must be counted.
            draft = with_current_items(session, HandoverDraft.from_json(row.draft_json), self._desk.info().tz)
            return outgoing.username, draft

    def _refuse_unfinished(self, draft: HandoverDraft) -> None:
        """The draft's own rules, and every ticket declared closed really closed."""
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

    def _write_signed(
        self, handover_id: int, draft: HandoverDraft, out_actor: Actor, in_actor: Actor
    ) -> SignedHandover:
        now = self._clock.now().replace(microsecond=0)
        with self._db.write(out_actor) as session:
            row = self._open_row(session, handover_id)
            _refuse_unreleased(session, draft)
            arrived = _arrival(row, in_actor, now)
            shift = self._shift_of(row)
            late = _late_minutes(shift, arrived, row.early_arrival_minutes)
            self._close_follow_ups(session, row, draft, out_actor)
            record = record_json(
                handover_id=row.id,
                shift=shift,
                outgoing=out_actor.display_name,
                incoming=in_actor.display_name,
                started_at=from_db(row.started_at),
                arrived_at=arrived,
                signed_at=now,
                early_arrival_minutes=row.early_arrival_minutes,
                late_minutes=late,
                draft=draft,
                tz=self._desk.info().tz,
            )
            digest = record_digest(record)
            entry_id = self._log_entry(session, shift, draft, out_actor, in_actor, now, late, digest)
            row.incoming_id = in_actor.account_id
            row.outgoing_signed_at = to_db(now)
            row.incoming_signed_at = to_db(now)
            row.late_minutes = late
            row.draft_json = draft.to_json()  # the list as signed (items changed since the last save)
            row.record_json = record
            row.record_digest = digest
            row.log_entry_id = entry_id
            row.state = HandoverState.SIGNED.value
            session.flush()
            return SignedHandover(self._view(session, row), in_actor)

    def _close_follow_ups(self, session: Session, row: Handover, draft: HandoverDraft, by: Actor) -> None:
        """The log's follow-ups the clerks declared closed are closed by this handover."""
        for work in draft.open_work:
            if work.source is WorkSource.LOG_FOLLOW_UP and work.disposition is Disposition.CLOSED:
                assert work.ref_id is not None
                self._close(session, by.account_id, work.ref_id, work.note or CLOSED_AT_HANDOVER, row.id)

    def _log_entry(
        self,
        session: Session,
        shift: ShiftOccurrence,
        draft: HandoverDraft,
        out_actor: Actor,
        in_actor: Actor,
        now: datetime,
        late: int,
        digest: str,
    ) -> int:
        """The HANDOVER entry in the log's hash chain, in the outgoing clerk's name."""
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
                    "situation": entry_situation(out_actor.display_name, in_actor.display_name, shift),
                    "handling": entry_handling(draft, late, digest),
                    "backdate_reason": "",
                    "follow_up": False,
                    "corrects_id": None,
                    "after_review": False,
                }
            ],
        )
        return int(entry["id"])


def _refuse_unreleased(session: Session, draft: HandoverDraft) -> None:
    """Important work let pass only by someone who is (still) a supervisor."""
    for work in draft.open_work:
        if work.override_by is None:
            continue
        releaser = session.get(Account, work.override_by)
        if releaser is None or not Role(releaser.role).at_least(Role.SUPERVISOR):
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("DeskError", "“{work}” was not released by a supervisor: it cannot be handed over."),
                work=work.description,
            )


def _arrival(row: Handover, incoming: Actor, now: datetime) -> datetime:
    """When the signing incoming clerk arrived: when they signed in to the wizard, or now."""
    if row.incoming_id != incoming.account_id:
        row.incoming_id = incoming.account_id
        row.incoming_arrived_at = to_db(now)
    return from_db(row.incoming_arrived_at) if row.incoming_arrived_at else now


def _late_minutes(shift: ShiftOccurrence, arrived: datetime, early_arrival_minutes: int) -> int:
    """Minutes the incoming clerk came after the time they were due (before the shift's end)."""
    expected_by = shift.end - timedelta(minutes=early_arrival_minutes)
    return max(0, int((arrived - expected_by).total_seconds() // 60))
