"""The demo's shift log, shift by shift: entries with their times, back-dated ones with a
reason, corrections of an earlier entry of the same or the previous shift (some after the
supervisor signed its day). Rows are plain dicts for ``log_chain.append``."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from desk_app.domain.categories import LogCategory
from desk_app.domain.roles import Actor
from desk_app.domain.shifts import ShiftOccurrence
from desk_app.domain.text_rules import HANDLING_MAX
from desk_app.services.demo_text import BACKDATE_REASONS, CORRECTION_NOTES, DemoText

if TYPE_CHECKING:
    from desk_app.services.demo import DemoSummary

CORRECTION_RATE = 0.025
BACKDATE_RATE = 0.06


@dataclass
class Written:
    """What a correction may point at: an earlier entry of this or the previous shift."""

    id: int
    shift_date: date
    category: str
    situation: str
    handling: str


@dataclass
class LogRows:
    """The log as the generator writes it, in time order: ids, corrections' targets."""

    rng: random.Random
    words: DemoText
    tz: Any
    tz_name: str
    sign_time: dict[date, datetime]
    summary: DemoSummary
    now_db: datetime
    next_id: int = 1
    previous_shift: list[Written] = field(default_factory=list)
    corrected: set[int] = field(default_factory=set)

    def shift_rows(self, occ: ShiftOccurrence, count: int, clerk: Actor, keep_free: timedelta) -> list[dict[str, Any]]:
        """``count`` entries of ``occ`` by ``clerk``, none in its last ``keep_free``."""
        start = occ.start.astimezone(UTC).replace(tzinfo=None)
        end = min(occ.end.astimezone(UTC).replace(tzinfo=None), self.now_db)
        span = int((end - start - keep_free).total_seconds())
        if span <= 120 or count == 0:
            return []
        offsets = sorted(self.rng.randrange(60, span - 60) for _ in range(count))
        rows: list[dict[str, Any]] = []
        this_shift: list[Written] = []
        for offset in offsets:
            recorded = start + timedelta(seconds=offset)
            row = entry_row(
                self.rng,
                self.words,
                recorded,
                start,
                self.tz,
                occ,
                clerk,
                self.tz_name,
                this_shift,
                self.previous_shift,
                self.corrected,
                self.sign_time,
                self.next_id,
                self.summary,
            )
            row["id"] = self.next_id
            rows.append(row)
            this_shift.append(Written(self.next_id, occ.shift_date, row["category"], row["situation"], row["handling"]))
            self.next_id += 1
        self.previous_shift = this_shift
        return rows


def entry_row(
    rng: random.Random,
    words: DemoText,
    recorded: datetime,
    shift_start: datetime,
    tz: Any,
    occ: ShiftOccurrence,
    clerk: Actor,
    tz_name: str,
    this_shift: list[Written],
    previous_shift: list[Written],
    corrected: set[int],
    sign_time: dict[date, datetime],
    entry_id: int,
    summary: DemoSummary,
) -> dict[str, Any]:
    occurred = recorded
    reason = ""
    corrects_id: int | None = None
    after_review = False
    local = recorded.replace(tzinfo=UTC).astimezone(tz)
    target: Written | None = None
    if rng.random() < CORRECTION_RATE:
        target = pick_target(rng, this_shift, previous_shift, corrected, sign_time, recorded)
    if target is not None:
        note = rng.choice(CORRECTION_NOTES)
        category = LogCategory(target.category)
        if note == CORRECTION_NOTES[0]:
            category = words.category()
        situation = target.situation
        handling = f"{target.handling}（更正第{target.id}号记录：{note}）"[:HANDLING_MAX]
        follow = rng.random() < 0.2
        corrects_id = target.id
        corrected.add(target.id)
        signed = sign_time.get(target.shift_date)
        after_review = signed is not None and signed <= recorded
        summary.corrections += 1
    else:
        category = words.category()
        if rng.random() < BACKDATE_RATE:
            back = timedelta(minutes=rng.randint(5, 90))
            occurred = max(shift_start, recorded - back)
            if recorded - occurred >= timedelta(minutes=1):
                reason = rng.choice(BACKDATE_REASONS)
                summary.backdated += 1
                local = occurred.replace(tzinfo=UTC).astimezone(tz)
            else:
                occurred = recorded
        situation, handling, follow = words.entry(category, local)
    if follow:
        summary.follow_ups += 1
    return {
        "clerk_id": clerk.account_id,
        "shift_template_id": occ.template.id,
        "shift_date": occ.shift_date,
        "occurred_at": occurred,
        "recorded_at": recorded,
        "tz": tz_name,
        "category": category.value,
        "situation": situation,
        "handling": handling,
        "backdate_reason": reason,
        "follow_up": follow,
        "corrects_id": corrects_id,
        "after_review": after_review,
    }


def pick_target(
    rng: random.Random,
    this_shift: list[Written],
    previous_shift: list[Written],
    corrected: set[int],
    sign_time: dict[date, datetime],
    recorded: datetime,
) -> Written | None:
    """An earlier entry of this or the previous shift that nobody corrected yet."""
    pools: list[list[Written]] = []
    signed_before = [
        w for w in previous_shift[-5:] if (at := sign_time.get(w.shift_date)) is not None and at <= recorded
    ]
    if signed_before:
        pools.append(signed_before)  # a correction after the supervisor signed
    pools.extend((this_shift[-8:], previous_shift[-8:]))
    for pool in pools:
        free = [w for w in pool if w.id not in corrected]
        if free:
            return rng.choice(free)
    return None


__all__ = ["LogRows", "Written"]
