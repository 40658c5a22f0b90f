"""What a roster achieves, counted from the roster itself (never from the solver's cost):
shifts short of people, wishes not met, rules not kept — on small problems whose answers
are known."""

from __future__ import annotations

from typing import Any

from desk_app.domain.roster import WishKind
from desk_app.roster.checker import objective
from desk_app.roster.conflict import Rule
from desk_app.roster.problem import load_problem
from desk_app.roster.solver import solve
from desk_app.roster.summary import Short, summarize

SHIFTS = [
    {"id": "AM", "start": "08:00", "minutes": 480, "cannot_be_followed_by": []},
    {"id": "PM", "start": "16:00", "minutes": 480, "cannot_be_followed_by": ["AM"]},
]


def _problem(**extra: Any) -> Any:
    """One person, three days, one AM and one PM needed each day: at most one of the two
    can be staffed each day, so three shifts stay short whatever the roster."""
    data = {
        "start_date": "2026-12-07",
        "days": 3,
        "shifts": SHIFTS,
        "staff": [{"id": "p1", "max_shifts": {}}],
        "cover": [
            {"day": d, "shift": s, "required": 1, "under_weight": 100, "over_weight": 1}
            for d in range(3)
            for s in ("AM", "PM")
        ],
        **extra,
    }
    return load_problem(data)


def test_a_solved_roster_short_of_people_is_counted_from_the_roster():
    problem = _problem(requests=[{"staff": "p1", "day": 1, "shift": None, "kind": "off", "weight": 5}])
    solution = solve(problem, time_limit=2.0, workers=1)
    assert solution.status == "OPTIMAL"
    found = summarize(problem, solution.assignments)
    # One person a day: three of the six shifts are short, one person each.
    assert len(found.short) == 3
    assert [s.day for s in found.short] == [0, 1, 2]
    assert all(s.required == 1 and s.planned == 0 for s in found.short)
    # A missing person weighs more than the wish: p1 works day 1 and the wish is not met.
    [wish] = found.unmet
    assert (wish.staff, wish.day, wish.kind) == ("p1", 1, WishKind.OFF)
    assert found.broken == ()
    # The solver's figure is a weighted sum of the same things; the summary never uses it.
    assert solution.objective == objective(problem, solution.assignments) == 3 * 100 + 5


def test_a_hand_made_roster_names_each_short_shift_and_each_rule_not_kept():
    problem = load_problem(
        {
            "start_date": "2026-12-07",
            "days": 3,
            "shifts": SHIFTS,
            "staff": [{"id": "p1", "max_shifts": {}, "max_consecutive_days": 1}, {"id": "p2", "max_shifts": {}}],
            "cover": [
                {"day": d, "shift": "AM", "required": 2, "under_weight": 100, "over_weight": 1} for d in range(3)
            ],
            "requests": [
                {"staff": "p2", "day": 0, "shift": "PM", "kind": "on", "weight": 3},
                {"staff": "p2", "day": 2, "shift": None, "kind": "off", "weight": 0},  # does not count
            ],
        }
    )
    roster = [("p1", 0, "AM"), ("p1", 1, "AM"), ("p2", 0, "AM"), ("p2", 2, "AM")]
    found = summarize(problem, roster)
    assert found.short == (Short(1, "AM", 2, 1), Short(2, "AM", 2, 1))
    assert [(r.staff, r.day, r.shift) for r in found.unmet] == [("p2", 0, "PM")]
    assert [(c.rule, c.people, c.days) for c in found.broken] == [(Rule.MAX_CONSECUTIVE_DAYS, ("p1",), (0,))]
    full = summarize(problem, [*roster, ("p2", 1, "AM"), ("p1", 2, "AM")])
    assert full.short == ()


def test_a_roster_that_meets_everything_is_complete():
    problem = load_problem(
        {
            "start_date": "2026-12-07",
            "days": 2,
            "shifts": SHIFTS,
            "staff": [{"id": "p1", "max_shifts": {}}],
            "cover": [{"day": d, "shift": "AM", "required": 1, "under_weight": 100, "over_weight": 1} for d in (0, 1)],
        }
    )
    found = summarize(problem, [("p1", 0, "AM"), ("p1", 1, "AM")])
    assert found.short == () and found.unmet == () and found.broken == ()
