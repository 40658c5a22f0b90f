"""The open work declared at a handover: the log's follow-ups and incidents, the free-text
items handed over last time, and what the plugged-in sources (the ticket queue) report."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from desk_app.domain.categories import LogCategory
from desk_app.domain.errors import QT_TRANSLATE_NOOP, Listed, NotFound, ValidationError
from desk_app.domain.handover import Disposition, HandoverState, OpenWork, WorkSource
from desk_app.domain.roles import Actor, Role, require_role
from desk_app.domain.text_rules import FIELD_REASON, REASON_MAX, clean_text
from desk_app.services.common import to_db
from desk_app.services.handover.shared import HandoverBase
from desk_app.storage.models import FollowUpClosure, Handover, LogEntry

INCIDENT_TEXT_SHOWN = 40  # characters of each incident's situation in the refusal's sentence


@dataclass(frozen=True)
class IncidentInProgress:
    """An incident entry of the log still being handled (its follow-up not closed)."""

    entry_id: int
    situation: str


class IncidentsInProgress(ValidationError):
    """No handover while incidents are being handled. ``incidents`` holds every one of
    them, in the order they were logged, so the window can list them and open each; the
    message names them all."""

    def __init__(self, incidents: list[IncidentInProgress]) -> None:
        self.incidents = tuple(incidents)
        if len(incidents) == 1:
            super().__init__(
                QT_TRANSLATE_NOOP(
                    "DeskError",
                    "No handover while an incident is being handled: #{id} {text}. Record how it was dealt with first.",
                ),
                id=incidents[0].entry_id,
                text=incidents[0].situation[:INCIDENT_TEXT_SHOWN],
            )
        else:
            super().__init__(
                QT_TRANSLATE_NOOP(
                    "DeskError",
                    "No handover while {n} incidents are being handled: {incidents}. "
                    "Record how each was dealt with first.",
                ),
                n=len(incidents),
                incidents=Listed(f"#{i.entry_id} {i.situation[:INCIDENT_TEXT_SHOWN]}" for i in incidents),
            )


class OpenWorkDeclaration(HandoverBase):
    def incidents_in_progress(self) -> list[tuple[int, str]]:
        """Incident entries still being handled: (entry id, situation)."""
        with self._db.read() as session:
            return [(i, s) for i, s in session.execute(_open_follow_ups(LogCategory.INCIDENT)).all()]

    def refuse_incidents_in_progress(self) -> None:
        """Raise IncidentsInProgress, naming every incident still being handled, if any."""
        incidents = self.incidents_in_progress()
        if incidents:
            raise IncidentsInProgress([IncidentInProgress(i, s) for i, s in incidents])

    def open_follow_ups(self) -> list[tuple[int, str, bool]]:
        """Log entries marked "needs follow-up" and not yet closed: (id, situation, incident)."""
        with self._db.read() as session:
            return _follow_ups_with_kind(session)

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
            for entry_id, situation, incident in _follow_ups_with_kind(session)
        ]
        # Free-text items handed over at the last handover come round again until closed.
        last = session.scalar(
            select(Handover).where(Handover.state == HandoverState.SIGNED).order_by(Handover.id.desc()).limit(1)
        )
        if last is not None and last.record_json:
            for raw in json.loads(last.record_json).get("open_work", []):
                if raw["source"] == WorkSource.FREE.value and raw["disposition"] == Disposition.HANDED_OVER.value:
                    work.append(
                        OpenWork(WorkSource.FREE, None, raw["description"], important=raw.get("important", False))
                    )
        for source in self._sources:
            work.extend(source.open_work())
        return work


def _follow_ups_with_kind(session: Session) -> list[tuple[int, str, bool]]:
    rows = session.execute(_open_follow_ups(None).add_columns(LogEntry.category)).all()
    return [(i, s, c == LogCategory.INCIDENT.value) for i, s, c in rows]


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
