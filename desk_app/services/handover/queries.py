"""Reading handovers: one, a period's, whether the open one is overdue (with who the
roster expects to take over), and the reminder before the end of a shift."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date, timedelta

from sqlalchemy import select

from desk_app.domain.errors import QT_TRANSLATE_NOOP, NotFound
from desk_app.domain.shifts import ShiftOccurrence, occurrence, running_at
from desk_app.services.handover.items import with_current_items
from desk_app.services.handover.shared import HandoverBase
from desk_app.services.handover.views import HandoverView, Overdue, ShiftReminder
from desk_app.storage.models import Handover

# The clerk is reminded to start the handover this long before the shift ends.
REMIND_BEFORE = timedelta(minutes=15)


class HandoverQueries(HandoverBase):
    def get(self, handover_id: int) -> HandoverView:
        """One handover; an open one with the item list as it is now (what signing would
        count: items added since the draft was saved are there, retired ones are gone),
        though the stored draft is left as it is."""
        with self._db.read() as session:
            row = session.get(Handover, handover_id)
            if row is None:
                raise NotFound(QT_TRANSLATE_NOOP("DeskError", "No such handover."))
            view = self._view(session, row)
            if view.signed:
                return view
            return replace(view, draft=with_current_items(session, view.draft, self._desk.info().tz))

    def handovers(self, date_from: date, date_to: date) -> list[HandoverView]:
        with self._db.read() as session:
            rows = session.scalars(
                select(Handover)
                .where(Handover.shift_date >= date_from, Handover.shift_date <= date_to)
                .order_by(Handover.started_at.desc())
            ).all()
            return self._views(session, list(rows))

    def overdue(self) -> Overdue | None:
        """The open handover's shift has ended and no successor has signed: who waits how long."""
        return self.overdue_of(self.current())

    def overdue_of(self, current: HandoverView | None) -> Overdue | None:
        """``overdue`` for the open handover ``current`` the caller has just read."""
        now = self._clock.now()
        if current is None or now <= current.shift.end:
            return None
        return Overdue(
            current.shift, int((now - current.shift.end).total_seconds() // 60), tuple(self.successors(current.shift))
        )

    def end_of_shift_reminder(self) -> ShiftReminder | None:
        """The running shift ends within ``REMIND_BEFORE`` (by the clock, now) and its
        handover has not been started, let alone signed; None otherwise."""
        now = self._clock.now()
        shift = self._desk.shift_at(now)
        if shift is None:
            return None
        left = shift.end - now
        if left > REMIND_BEFORE or left <= timedelta(0):
            return None
        with self._db.read() as session:
            begun = session.scalar(
                select(Handover.id)
                .where(Handover.shift_date == shift.shift_date, Handover.shift_template_id == shift.template.id)
                .limit(1)
            )
        if begun is not None:
            return None
        return ShiftReminder(shift, math.ceil(left.total_seconds() / 60))

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
