"""The roster solver held to an independent checker: hard rules never broken, the reported
objective is the checker's, known optima found, locked cells kept, conflicts named."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk_app.roster.checker import objective, violations
from desk_app.roster.conflict import Conflict, Rule
from desk_app.roster.problem import ProblemError, load_problem, read_problem
from desk_app.roster.solver import greedy, solve, solve_file

SHIFTS = [
    {"id": "AM", "start": "08:00", "minutes": 480, "cannot_be_followed_by": []},
    {"id": "PM", "start": "16:00", "minutes": 480, "cannot_be_followed_by": ["AM"]},
    {"id": "N", "start": "00:00", "minutes": 480, "cannot_be_followed_by": ["AM", "PM"]},
]


def person(i: int, **rules: Any) -> dict[str, Any]:
    return {"id": f"p{i}", "max_shifts": {}, **rules}


def problem(staff: list[dict[str, Any]], days: int = 7, **extra: Any) -> dict[str, Any]:
    return {"start_date": "2026-12-07", "days": days, "shifts": SHIFTS, "staff": staff, **extra}


def cover(days: int, required: dict[str, int], under: int = 100, over: int = 1) -> list[dict[str, Any]]:
    return [
        {"day": d, "shift": s, "required": n, "under_weight": under, "over_weight": over}
        for d in range(days)
        for s, n in required.items()
    ]


# -- random problems against the checker --------------------------------------------------
@st.composite
def random_problems(draw: st.DrawFn) -> dict[str, Any]:
    days = draw(st.integers(3, 10))
    n_shifts = draw(st.integers(1, 3))
    shifts = []
    for i in range(n_shifts):
        follow = draw(st.lists(st.sampled_from([f"s{j}" for j in range(n_shifts)]), max_size=2, unique=True))
        shifts.append(
            {
                "id": f"s{i}",
                "start": f"{draw(st.integers(0, 23)):02d}:00",
                "minutes": draw(st.sampled_from([240, 420, 480, 720])),
                "cannot_be_followed_by": follow,
            }
        )
    staff = []
    for i in range(draw(st.integers(1, 5))):
        max_shifts = {s["id"]: draw(st.integers(0, days)) for s in shifts if draw(st.booleans())}
        lo = draw(st.integers(0, 2400))
        staff.append(
            {
                "id": f"p{i}",
                "max_shifts": max_shifts,
                "min_minutes": draw(st.sampled_from([0, 0, lo])),
                "max_minutes": draw(st.sampled_from([None, lo + draw(st.integers(0, 4000))])),
                "max_consecutive_days": draw(st.sampled_from([None, 1, 2, 3, 5, 6])),
                "min_consecutive_days": draw(st.integers(1, 3)),
                "min_consecutive_days_off": draw(st.integers(1, 3)),
                "max_weekends": draw(st.sampled_from([None, 0, 1, 2])),
                "days_off": draw(st.lists(st.integers(0, days - 1), max_size=3, unique=True)),
            }
        )
    ids = [s["id"] for s in shifts]
    people = [p["id"] for p in staff]
    requests = [
        {
            "staff": draw(st.sampled_from(people)),
            "day": draw(st.integers(0, days - 1)),
            "shift": draw(st.sampled_from([None, *ids])),
            "kind": draw(st.sampled_from(["on", "off"])),
            "weight": draw(st.integers(0, 9)),
        }
        for _ in range(draw(st.integers(0, 6)))
    ]
    cover_rows = [
        {
            "day": d,
            "shift": s,
            "required": draw(st.integers(0, 2)),
            "under_weight": draw(st.integers(0, 50)),
            "over_weight": draw(st.integers(0, 5)),
        }
        for d in range(days)
        for s in ids
        if draw(st.booleans())
    ]
    locked = {}
    for _ in range(draw(st.integers(0, 3))):
        locked[(draw(st.sampled_from(people)), draw(st.integers(0, days - 1)))] = draw(st.sampled_from([None, *ids]))
    return {
        "start_date": draw(st.sampled_from(["2026-12-05", "2026-12-07", "2026-10-01"])),
        "days": days,
        "shifts": shifts,
        "staff": staff,
        "requests": requests,
        "cover": cover_rows,
        "locked": [{"staff": s, "day": d, "shift": t} for (s, d), t in locked.items()],
    }


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_problems())
def test_the_solver_never_breaks_a_hard_rule_and_reports_its_true_objective(data):
    p = load_problem(data)
    solution = solve(p, time_limit=5, workers=2, explain=False)
    assert solution.status in ("OPTIMAL", "FEASIBLE", "INFEASIBLE")
    if solution.status == "INFEASIBLE":
        # The plain model, without the strengthening, finds no valid roster either.
        plain = solve(p, time_limit=10, workers=2, strong=False, explain=False)
        assert plain.status not in ("OPTIMAL", "FEASIBLE") or violations(p, plain.assignments) != []
        return
    assert violations(p, solution.assignments) == []
    assert solution.objective == objective(p, solution.assignments)
    if solution.status == "OPTIMAL":
        # The plain model agrees on the optimum: the strengthening cuts no good roster.
        plain = solve(p, time_limit=10, workers=2, strong=False, explain=False)
        if plain.status == "OPTIMAL":
            assert plain.objective == solution.objective


# -- known optima ---------------------------------------------------------------------------
def test_a_problem_that_fits_exactly_has_cost_zero():
    data = problem([person(i, max_consecutive_days=5) for i in range(3)], cover=cover(7, {"AM": 1, "PM": 1}))
    solution = solve(load_problem(data), 10, 2)
    assert solution.status == "OPTIMAL" and solution.objective == 0
    assert len(solution.assignments) == 14


def test_people_short_cost_the_under_weight():
    # Two people, at most 5 days in a row: over 7 days each works at most 6 (a day off
    # somewhere in every 6 days), so 12 of the 14 person-days needed: 2 short × 100.
    data = problem([person(0, max_consecutive_days=5), person(1, max_consecutive_days=5)], cover=cover(7, {"AM": 2}))
    solution = solve(load_problem(data), 10, 2)
    assert solution.status == "OPTIMAL" and solution.objective == 200


def test_wishes_are_weighed_against_each_other():
    data = problem(
        [person(0), person(1)],
        days=1,
        cover=cover(1, {"AM": 1}),
        requests=[
            {"staff": "p0", "day": 0, "shift": None, "kind": "off", "weight": 3},
            {"staff": "p1", "day": 0, "shift": None, "kind": "off", "weight": 5},
        ],
    )
    solution = solve(load_problem(data), 10, 2)
    assert solution.assignments == [("p0", 0, "AM")] and solution.objective == 3


def test_locked_cells_are_kept_even_when_they_cost():
    data = problem(
        [person(0), person(1)],
        days=2,
        cover=cover(2, {"AM": 1}),
        locked=[{"staff": "p0", "day": 0, "shift": "PM"}, {"staff": "p1", "day": 1, "shift": None}],
    )
    solution = solve(load_problem(data), 10, 2)
    assert ("p0", 0, "PM") in solution.assignments
    assert not any(s == "p1" and d == 1 for s, d, _t in solution.assignments)
    assert ("p0", 1, "AM") not in solution.assignments  # AM may not follow PM
    # day 0: AM by p1 (PM has no cover row, so p0's PM costs nothing); day 1: p0 cannot
    # (AM may not follow PM) and p1 is locked off: one short (100)
    assert solution.objective == 100


def test_rest_and_the_night_exemption():
    data = problem(
        [person(0, max_shifts={"N": 0}), person(1)],
        days=4,
        cover=cover(4, {"N": 1, "AM": 1}),
    )
    p = load_problem(data)
    solution = solve(p, 10, 2)
    assert solution.status == "OPTIMAL"
    assert not any(s == "p0" and t == "N" for s, _d, t in solution.assignments)
    assert violations(p, solution.assignments) == []


def test_runs_touching_the_edges_are_exempt_from_the_minimum():
    # One working day at the very start is allowed although runs must be at least 3 long.
    data = problem(
        [person(0, min_consecutive_days=3)],
        days=5,
        requests=[{"staff": "p0", "day": 0, "shift": "AM", "kind": "on", "weight": 10}],
    )
    solution = solve(load_problem(data), 10, 2)
    assert ("p0", 0, "AM") in solution.assignments and solution.objective == 0
    inside = problem(
        [person(0, min_consecutive_days=3)],
        days=5,
        requests=[{"staff": "p0", "day": 2, "shift": "AM", "kind": "on", "weight": 10}],
    )
    solution = solve(load_problem(inside), 10, 2)
    days = sorted(d for _s, d, _t in solution.assignments)
    assert 2 in days and (len(days) >= 3 or 0 in days or 4 in days)


# -- infeasible ------------------------------------------------------------------------------
def test_an_infeasible_problem_names_the_rules_that_conflict():
    data = problem(
        [person(0, max_consecutive_days=2, min_minutes=7 * 480)],
        days=7,
    )
    solution = solve(load_problem(data), 10, 2)
    assert solution.status == "INFEASIBLE"
    assert {c.text() for c in solution.conflicts} == {"maximum run of work of p0", "minimum minutes of p0"}
    assert set(solution.conflicts) == {
        Conflict(Rule.MAX_CONSECUTIVE_DAYS, ("p0",)),
        Conflict(Rule.MIN_MINUTES, ("p0",)),
    }


def test_a_locked_shift_on_a_day_off_conflicts_with_the_day_off():
    data = problem(
        [person(0, days_off=[3])],
        days=5,
        locked=[{"staff": "p0", "day": 3, "shift": "AM"}],
    )
    solution = solve(load_problem(data), 10, 2)
    assert solution.status == "INFEASIBLE"
    assert {c.text() for c in solution.conflicts} == {"days off of p0", "locked cells of p0"}
    assert set(solution.conflicts) == {Conflict(Rule.DAYS_OFF, ("p0",), (3,)), Conflict(Rule.LOCKED, ("p0",), (3,))}


# -- stopping and progress ----------------------------------------------------------------------
def test_progress_reports_each_better_roster_and_stop_ends_the_search():
    data = problem(
        [person(i, max_consecutive_days=5) for i in range(12)], days=28, cover=cover(28, {"AM": 3, "PM": 3, "N": 2})
    )
    p = load_problem(data)
    seen: list[int] = []
    stop = threading.Event()

    def progress(obj: int, _bound: int, _seconds: float, assignments) -> None:
        assert violations(p, assignments) == []
        seen.append(obj)
        stop.set()  # the first roster is enough

    solution = solve(p, 60, 2, progress=progress, stop=stop)
    assert seen and solution.status in ("FEASIBLE", "OPTIMAL")
    assert solution.wall_time < 30
    assert solution.objective == objective(p, solution.assignments)


def test_the_greedy_start_respects_what_it_can_see():
    data = problem(
        [person(i, max_consecutive_days=5, max_shifts={"N": 0}) for i in range(4)],
        days=14,
        cover=cover(14, {"AM": 1, "PM": 1, "N": 1}),
    )
    p = load_problem(data)
    start = greedy(p)
    assert start
    assert not any(t == "N" for _s, _d, t in start)
    assert [v for v in violations(p, start) if v.rule in ("follow", "max_consecutive_days", "one_shift_a_day")] == []


# -- the file contract ------------------------------------------------------------------------
def test_solve_file_writes_the_solution_json(tmp_path: Path):
    source = tmp_path / "problem.json"
    source.write_text(json.dumps(problem([person(0), person(1)], cover=cover(7, {"AM": 1}))), encoding="utf-8")
    out = tmp_path / "solution.json"
    solution = solve_file(source, out, 10, 2)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["status"] == solution.status == "OPTIMAL"
    assert data["objective"] == 0
    assert sorted(a["day"] for a in data["assignments"] if a["shift"] == "AM") == list(range(7))
    assert set(data["assignments"][0]) == {"staff", "day", "shift"}


def _bad(**changes: Any) -> str:
    data: dict[str, Any] = {
        "start_date": "2026-12-01",
        "days": 3,
        "shifts": [{"id": "A", "start": "08:00", "minutes": 60}],
        "staff": [{"id": "x"}],
    }
    data.update(changes)
    return json.dumps(data)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"days": 3}', "'start_date' is missing"),
        (_bad(start_date="2026-13-01"), "not a date"),
        (_bad(days=0), "days"),
        (_bad(shifts=[{"id": "A", "start": "25:00", "minutes": 60}]), "not a time"),
        (_bad(shifts=[{"id": "A", "start": "08:00", "minutes": 60, "cannot_be_followed_by": ["B"]}]), "unknown shift"),
        (_bad(staff=[{"id": "x", "max_shifts": {"A": -1}}]), "must be from 0"),
        (_bad(staff=[{"id": "x", "days_off": [3]}]), "days_off"),
        (_bad(requests=[{"staff": "y", "day": 0, "kind": "on"}]), "unknown staff"),
        (_bad(staff=[{"id": "x", "min_minutes": 500, "max_minutes": 100}]), "more than max_minutes"),
        (_bad(locked=[{"staff": "x", "day": 9, "shift": "A"}]), "day"),
        (_bad(cover=[{"day": 0, "shift": "A", "required": "two"}]), "not a whole number"),
    ],
)
def test_a_bad_problem_file_gets_one_clear_message(tmp_path: Path, text: str, message: str):
    source = tmp_path / "problem.json"
    source.write_text(text, encoding="utf-8")
    with pytest.raises(ProblemError, match=message):
        read_problem(source)
    with pytest.raises(ProblemError):
        solve_file(source, tmp_path / "out.json", 1)
    assert not (tmp_path / "out.json").exists()
