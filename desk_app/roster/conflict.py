"""What the roster code reports about rules, as data: the checker's rule breaks in a month
and the solver's groups of rules that cannot all hold together. The window turns a
``Conflict`` into its own (translated) words; ``text`` is the English of the solution
file's ``conflicts`` (``desk-app roster solve``), written, never read back.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Rule(enum.StrEnum):
    """A hard rule of the roster problem (the values are the checker's names)."""

    ONE_SHIFT_A_DAY = "one_shift_a_day"
    UNKNOWN = "unknown"  # an assignment of a person, day or shift the problem does not have
    FOLLOW = "follow"  # too little rest: a shift that may not follow the day before's
    MAX_SHIFTS = "max_shifts"
    MIN_MINUTES = "min_minutes"
    MAX_MINUTES = "max_minutes"
    MAX_CONSECUTIVE_DAYS = "max_consecutive_days"
    MIN_CONSECUTIVE_DAYS = "min_consecutive_days"
    MIN_CONSECUTIVE_DAYS_OFF = "min_consecutive_days_off"
    MAX_WEEKENDS = "max_weekends"
    DAYS_OFF = "days_off"
    LOCKED = "locked"
    UNCHECKED = "unchecked"  # the solver's time ran out before it could name the rules


@dataclass(frozen=True)
class Conflict:
    """A rule broken (the checker) or a rule among those that conflict (the solver).

    ``people`` are the problem's staff ids, ``days`` its day numbers: for a rule break the
    first day concerned (none for a whole-period rule), for a conflict the days off or
    locked cells concerned. ``shift`` is the shift of a MAX_SHIFTS rule."""

    rule: Rule
    people: tuple[str, ...] = ()
    days: tuple[int, ...] = ()
    shift: str | None = None
    detail: str = field(default="", compare=False)  # the checker's English detail, for a reader

    def text(self) -> str:
        """The English of a solver conflict: "maximum run of work of a12"."""
        if self.rule is Rule.ONE_SHIFT_A_DAY and not self.people:
            return "at most one shift a day"
        if self.rule is Rule.UNCHECKED:
            return "the rules could not be checked in the time given"
        phrase = f"most {self.shift} shifts" if self.rule is Rule.MAX_SHIFTS else _PHRASES.get(self.rule, self.rule)
        return f"{phrase} of {', '.join(self.people)}" if self.people else phrase


_PHRASES = {
    Rule.DAYS_OFF: "days off",
    Rule.LOCKED: "locked cells",
    Rule.FOLLOW: "rest between shifts",
    Rule.MIN_MINUTES: "minimum minutes",
    Rule.MAX_MINUTES: "maximum minutes",
    Rule.MAX_CONSECUTIVE_DAYS: "maximum run of work",
    Rule.MIN_CONSECUTIVE_DAYS: "minimum run of work",
    Rule.MIN_CONSECUTIVE_DAYS_OFF: "minimum run of days off",
    Rule.MAX_WEEKENDS: "most weekends",
}
