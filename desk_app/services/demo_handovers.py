"""The demo's last month handed over shift by shift, the way the clerks do it.

``desk_app.services.demo`` writes the log in time order; for the last ``HANDOVER_DAYS``
days it stops at the end of every shift and hands it over through ``HandoverService``
with a clock set to that moment: the outgoing clerk signs in with their password and
starts the handover, the incoming clerk signs in to it, the items are counted (now and
then one is short or damaged, explained, and found by the next shift), the open
follow-ups are closed or handed over with a note, and both sign with their passwords. So
the records, their log entries and their digests are the program's own, and ``verify``
finds nothing. Incidents are dealt with (and recorded so) within their shift, as the
handover requires; other follow-ups are closed hours later, or at a handover.

The demo's accounts share one published password (``DEMO_PASSWORD``), so they are hashed
with cheap Argon2 parameters (``DEMO_HASHER``): a month of handovers checks about 300
passwords, which would take over a minute at full cost. The first real sign-in re-hashes
each one at full cost (``AccountService.authenticate``: ``check_needs_rehash``).
"""

from __future__ import annotations

import heapq
import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from argon2 import PasswordHasher, Type

from desk_app.domain.clock import FixedClock
from desk_app.domain.handover import Anomaly, Condition, Disposition, HandoverDraft, OpenWork, WorkSource
from desk_app.domain.roles import Actor
from desk_app.domain.shifts import ShiftOccurrence
from desk_app.services.container import Services
from desk_app.services.demo_text import (
    CHECK_REMARKS,
    CLOSED_AT_HANDOVER_NOTES,
    COUNT_DIFFERENCES,
    FOLLOW_UP_NOTES,
    FOUND_EXPLANATION,
    FREE_WORK,
    FREE_WORK_DONE,
    FREE_WORK_HANDED_OVER,
    HANDED_OVER_NOTES,
    INCIDENT_CLOSURES,
    TICKET_HANDED_OVER_NOTE,
    DemoText,
)
from desk_app.storage import journal

HANDOVER_DAYS = 31  # the last month of the demo is handed over shift by shift
# The last half hour of a handed-over shift is the handover's: the log's entries of that
# shift come before it, so the log's ids follow the time across the HANDOVER entries.
HANDOVER_MARGIN = timedelta(minutes=30)
DEMO_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1, type=Type.ID)
DIFFERENCE_RATE = 0.2  # handovers where one item is short or damaged
LATE_RATE = 0.05  # the incoming clerk arrives after the time they are due
CLOSE_AT_HANDOVER_RATE = 0.25  # open follow-ups closed at the handover rather than handed over
FREE_WORK_RATE = 0.08  # a parcel or a key left at the desk, handed over until collected
OVERRIDE_REASON = "已知悉，由接班人员优先处理"
UNCHECKED_RECENT_DAYS = 2  # the supervisor's daily check has not reached yesterday's and the day before's


class PastDesk:
    """The services of the demo's database with their own clock, set to the moment being
    made. Closing it gives the database back to the caller's services (their sign-ins and
    their clock for the journal)."""

    def __init__(self, owner: Services) -> None:
        self._owner = owner
        self._writer_check = owner.db.check_writer
        self._journal = journal.context_of(owner.db.engine)
        self._journal_now = self._journal.now if self._journal is not None else None
        self.clock = FixedClock(owner.clock.now())
        self.services = Services.for_database(owner.db, self.clock, hasher=DEMO_HASHER)

    def close(self) -> None:
        self._owner.db.check_writer = self._writer_check
        if self._journal is not None and self._journal_now is not None:
            self._journal.now = self._journal_now


@dataclass(order=True)
class _Closure:
    closed_at: datetime
    log_entry_id: int
    closed_by: int = field(compare=False)
    note: str = field(compare=False)


class Closures:
    """When each follow-up will be recorded as dealt with, written once that time is past."""

    def __init__(self, rng: random.Random, clerks: list[Actor]) -> None:
        self._rng = rng
        self._clerks = clerks
        self._pending: list[_Closure] = []
        self._cancelled: set[int] = set()

    def plan(self, rows: list[dict[str, Any]], clerk: Actor, incident_limit: datetime, incident: str) -> None:
        """Incidents are dealt with by the clerk on duty before ``incident_limit`` (the
        handover, or the end of the shift); other follow-ups within a day, by anyone."""
        rng = self._rng
        for row in rows:
            if not row["follow_up"]:
                continue
            recorded: datetime = row["recorded_at"]
            if row["category"] == incident:
                at = min(recorded + timedelta(minutes=rng.randint(15, 150)), incident_limit)
                closure = _Closure(
                    max(at, recorded + timedelta(minutes=1)), row["id"], clerk.account_id, rng.choice(INCIDENT_CLOSURES)
                )
            else:
                closure = _Closure(
                    recorded + timedelta(minutes=rng.randint(30, 1200)),
                    row["id"],
                    rng.choice(self._clerks).account_id,
                    rng.choice(FOLLOW_UP_NOTES),
                )
            heapq.heappush(self._pending, closure)

    def cancel(self, entry_id: int) -> None:
        """Closed at a handover instead: the planned closure never happens."""
        self._cancelled.add(entry_id)

    def due(self, until: datetime) -> list[dict[str, Any]]:
        """The closures recorded by ``until`` (naive UTC), as rows of ``follow_up_closure``."""
        rows: list[dict[str, Any]] = []
        while self._pending and self._pending[0].closed_at <= until:
            c = heapq.heappop(self._pending)
            if c.log_entry_id not in self._cancelled:
                rows.append(
                    {
                        "log_entry_id": c.log_entry_id,
                        "closed_at": c.closed_at,
                        "closed_by": c.closed_by,
                        "note": c.note,
                        "handover_id": None,
                    }
                )
        return rows


@dataclass(frozen=True)
class HandoverTimes:
    """The moments of one handover (aware UTC)."""

    start: datetime
    arrival: datetime
    signed: datetime

    @property
    def start_db(self) -> datetime:
        return self.start.astimezone(UTC).replace(tzinfo=None)


class Handovers:
    """Hands the demo's shifts over through the handover service, one after another."""

    def __init__(
        self,
        past: PastDesk,
        rng: random.Random,
        words: DemoText,
        closures: Closures,
        password: str,
        supervisor: str,
    ) -> None:
        self._past = past
        self._rng = rng
        self._words = words
        self._closures = closures
        self._password = password
        self._supervisor = supervisor
        self._found = ""  # what the next shift finds of the last difference
        self._signed_ids: list[tuple[date, int]] = []  # (shift date, handover id)
        self.signed = 0
        self.checked = 0
        self.differences = 0

    def times(self, occ: ShiftOccurrence) -> HandoverTimes:
        rng = self._rng
        end = occ.end.astimezone(UTC)
        start = end - timedelta(minutes=rng.randint(24, 28))
        late = rng.random() < LATE_RATE
        arrival = end - timedelta(minutes=rng.randint(5, 14) if late else rng.randint(16, 22))
        signed = min(arrival + timedelta(minutes=rng.randint(3, 8)), end - timedelta(minutes=1))
        return HandoverTimes(start, arrival, signed)

    def hand_over(self, occ: ShiftOccurrence, times: HandoverTimes, outgoing: str, incoming: str) -> None:
        """``outgoing`` hands ``occ`` over to ``incoming`` (user names), at ``times``."""
        services, clock = self._past.services, self._past.clock
        clock.set(times.start)
        actor = services.accounts.authenticate(outgoing, self._password)
        try:
            view = services.handover.start(actor)
            clock.set(times.arrival)
            services.handover.identify_incoming(view.id, incoming, self._password)
            draft = view.draft
            if self._rng.random() < FREE_WORK_RATE:
                text = self._words.fill(self._rng.choice(FREE_WORK), occ.end)
                draft.open_work = services.handover.add_free_work(actor, view.id, text).open_work
                new_free: str | None = text
            else:
                new_free = None
            local = times.arrival.astimezone(occ.end.tzinfo)
            self._count(draft, local)
            for index, work in enumerate(draft.open_work):
                self._declare(work, new_free)
                if work.important and work.disposition is not Disposition.CLOSED:
                    services.handover.override(view.id, index, self._supervisor, self._password, OVERRIDE_REASON)
            services.handover.save_draft(actor, view.id, draft)
            clock.set(times.signed)
            signed = services.handover.sign(view.id, self._password, incoming, self._password)
            services.accounts.sign_out(signed.incoming)  # the incoming clerk's window is not opened here
            self._signed_ids.append((occ.shift_date, signed.view.id))
            self.signed += 1
        finally:
            services.accounts.sign_out(actor)

    def check(self, today: date, tz: Any) -> None:
        """The supervisor's daily check, with their password, of each day's handovers on
        the morning after, up to the day before yesterday."""
        services, clock = self._past.services, self._past.clock
        by_day: dict[date, list[int]] = {}
        for day, handover_id in self._signed_ids:
            if day < today - timedelta(days=UNCHECKED_RECENT_DAYS):
                by_day.setdefault(day, []).append(handover_id)
        for day, ids in sorted(by_day.items()):
            morning = datetime.combine(day + timedelta(days=1), time(9), tz)
            clock.set(morning + timedelta(minutes=self._rng.randint(0, 90)))
            boss = services.accounts.authenticate(self._supervisor, self._password)
            try:
                for handover_id in ids:
                    remark = self._rng.choice(CHECK_REMARKS)
                    services.handover.check(boss, handover_id, remark, password=self._password)
                    self.checked += 1
            finally:
                services.accounts.sign_out(boss)

    def _count(self, draft: HandoverDraft, local: datetime) -> None:
        """Every item counted; now and then one short or damaged, explained; and what the
        last shift missed found, as an anomaly of this one."""
        draft.records_acknowledged = True
        if self._found:
            draft.anomalies.append(Anomaly(self._found, FOUND_EXPLANATION))
            self._found = ""
        difference = None
        if self._rng.random() < DIFFERENCE_RATE:
            difference = self._rng.choice(COUNT_DIFFERENCES)
        for count in draft.counts:
            count.counted = count.expected
            if difference is None or count.name != difference[0] or count.expected < difference[1]:
                continue
            _name, short, explanation, found = difference
            if short:
                count.counted = count.expected - short
            else:
                count.condition = Condition.DAMAGED
            count.explanation = self._words.fill(explanation, local)
            self._found = found
            self.differences += 1

    def _declare(self, work: OpenWork, new_free: str | None) -> None:
        rng = self._rng
        if work.source is WorkSource.LOG_FOLLOW_UP:
            if rng.random() < CLOSE_AT_HANDOVER_RATE:
                work.disposition, work.note = Disposition.CLOSED, rng.choice(CLOSED_AT_HANDOVER_NOTES)
                assert work.ref_id is not None
                self._closures.cancel(work.ref_id)
            else:
                work.disposition, work.note = Disposition.HANDED_OVER, rng.choice(HANDED_OVER_NOTES)
        elif work.source is WorkSource.FREE:
            if work.description == new_free:
                work.disposition, work.note = Disposition.HANDED_OVER, FREE_WORK_HANDED_OVER
            else:  # handed over last time: collected since
                work.disposition, work.note = Disposition.CLOSED, rng.choice(FREE_WORK_DONE)
        else:
            work.disposition, work.note = Disposition.HANDED_OVER, TICKET_HANDED_OVER_NOTE


__all__ = ["DEMO_HASHER", "HANDOVER_DAYS", "HANDOVER_MARGIN", "Closures", "Handovers", "PastDesk"]
