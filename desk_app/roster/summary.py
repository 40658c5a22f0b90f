"""What a roster achieves, counted from the roster itself by the checker: the shifts short
of people, the wishes not met and the rules broken. Never from the solver's objective,
which is a weighted sum (and, when the search stopped early, only the best found so far):
a supervisor reads "39 shifts short", not "cost 4100".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from desk_app.roster.checker import Assignment, short_cover, unmet_requests, violations
from desk_app.roster.conflict import Conflict
from desk_app.roster.problem import Problem, Request


@dataclass(frozen=True)
class Short:
    """A shift of a day with fewer people than it needs."""

    day: int
    shift: str
    required: int
    planned: int


@dataclass(frozen=True)
class RosterSummary:
    short: tuple[Short, ...] = ()
    unmet: tuple[Request, ...] = ()  # wishes the roster does not meet
    broken: tuple[Conflict, ...] = ()  # hard rules the roster breaks (a hand-edited month)


def summarize(problem: Problem, assignments: Iterable[Assignment]) -> RosterSummary:
    """The roster's shortfalls, unmet wishes and rule breaks, in day and shift order."""
    assignments = list(assignments)
    short = [Short(row.day, row.shift, row.required, have) for row, have in short_cover(problem, assignments)]
    order = {s.id: i for i, s in enumerate(problem.shifts)}
    short.sort(key=lambda s: (s.day, order.get(s.shift, 0)))
    unmet = sorted(unmet_requests(problem, assignments), key=lambda r: (r.day, r.staff))
    broken = violations(problem, assignments)
    return RosterSummary(tuple(short), tuple(unmet), tuple(broken))
