"""The supervisor's side of handovers: the daily changeover check, and finding signed
records that no longer match the digest their log entry states."""

from __future__ import annotations

from sqlalchemy import select

from desk_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from desk_app.domain.handover import HandoverState
from desk_app.domain.roles import Actor, Role, require_role
from desk_app.domain.text_rules import FIELD_REMARK, REASON_MAX, clean_text
from desk_app.services.common import audit, to_db
from desk_app.services.handover.record import record_digest, states_digest
from desk_app.services.handover.shared import HandoverBase
from desk_app.storage.models import Handover, HandoverCheck, LogEntry


class Supervision(HandoverBase):
    def check(self, actor: Actor, handover_id: int, remark: str = "", *, password: str) -> None:
        """The supervisor's daily changeover check of a signed handover, given with their
        own password at that moment."""
        require_role(actor, Role.SUPERVISOR)
        remark = clean_text(remark, field=FIELD_REMARK, max_len=REASON_MAX, required=False)
        self._accounts.confirm_password(actor, password)
        with self._db.write(actor) as session:
            row = session.get(Handover, handover_id)
            if row is None or row.state != HandoverState.SIGNED:
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
        """Signed handovers whose stored record no longer matches its digest, or whose digest
        is not the one its entry in the log's hash chain states."""
        bad: list[int] = []
        with self._db.read() as session:
            rows = session.execute(
                select(Handover.id, Handover.record_json, Handover.record_digest, LogEntry.handling)
                .join(LogEntry, LogEntry.id == Handover.log_entry_id, isouter=True)
                .where(Handover.state == HandoverState.SIGNED)
            ).all()
        for handover_id, record, digest, handling in rows:
            if digest != record_digest(record or "") or not states_digest(handling, digest):
                bad.append(handover_id)
        return bad
