"""What every part of the handover service shares: its collaborators, the sources that
plug into it, the handover being filled in, and turning rows into views."""

from __future__ import annotations

from datetime import date
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_app.domain.clock import Clock
from desk_app.domain.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from desk_app.domain.handover import HandoverState, OpenWork
from desk_app.domain.shifts import ShiftOccurrence, occurrence
from desk_app.services.accounts import AccountService
from desk_app.services.desk import DeskService
from desk_app.services.handover.views import HandoverView, handover_views
from desk_app.storage.database import Database
from desk_app.storage.models import Handover


class OpenWorkSource(Protocol):
    """Something that has open work to declare at a handover (the ticket queue plugs in here)."""

    def open_work(self) -> list[OpenWork]: ...

    def is_closed(self, ref_id: int) -> bool:
        """Whether the work ``ref_id`` is really closed (checked when "closed" is signed for)."""
        ...


class RosterSource(Protocol):
    """Who the published roster puts on a shift (the roster plugs in here)."""

    def expected_on(self, day: date, template_id: int) -> list[tuple[int, str]]: ...


class HandoverBase:
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

    def current(self) -> HandoverView | None:
        """The handover being filled in, if any (there is at most one)."""
        with self._db.read() as session:
            row = session.scalar(select(Handover).where(Handover.state == HandoverState.OPEN).limit(1))
            return self._view(session, row) if row is not None else None

    def _open_row(self, session: Session, handover_id: int) -> Handover:
        row = session.get(Handover, handover_id)
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("DeskError", "No such handover."))
        if row.state != HandoverState.OPEN:
            raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "This handover is already signed."))
        return row

    def _shift_of(self, row: Handover) -> ShiftOccurrence:
        templates = {t.id: t for t in self._desk.shift_templates(include_inactive=True)}
        return occurrence(templates[row.shift_template_id], row.shift_date, self._desk.info().tz)

    def _view(self, session: Session, row: Handover) -> HandoverView:
        return self._views(session, [row])[0]

    def _views(self, session: Session, rows: list[Handover]) -> list[HandoverView]:
        if not rows:
            return []
        templates = {t.id: t for t in self._desk.shift_templates(include_inactive=True)}
        return handover_views(session, rows, templates, self._desk.info().tz)
