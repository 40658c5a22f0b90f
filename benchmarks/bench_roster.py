"""The roster solver on a desk month and on larger generated problems, beside a plain
CP-SAT model given the same time, in the same run.

    uv run python benchmarks/bench_roster.py                 # desk month + 2 large problems
    uv run python benchmarks/bench_roster.py --quick         # shorter time limits
    uv run python benchmarks/bench_roster.py --smoke         # 2 s / 3 s: that it runs (CI)

Problems are generated with a fixed seed (the same rules the window builds: rest between
shifts as "cannot be followed by", 做六休一, minimum runs, weekends, leave, wishes). For
each problem and model the table shows when the first roster came, the best objective at
fixed moments, the final status and when optimality was proven. "strong" is
``desk_app.roster.solver.solve``; "plain" is the same rules with one Boolean per person,
day and shift and nothing else (no redundant constraints, no symmetry breaking, no hint).
Every roster is re-checked with the independent checker.
"""

from __future__ import annotations

import argparse
import os
import random
from datetime import date, timedelta
from typing import Any

from desk_app.roster.checker import objective, violations
from desk_app.roster.problem import load_problem
from desk_app.roster.solver import Solution, solve

DESK_SHIFTS = [("早", "08:00", 480), ("中", "16:00", 480), ("夜", "00:00", 480)]
LARGE_SHIFTS = [
    ("早", "07:30", 480),
    ("中", "09:30", 480),
    ("晚", "12:00", 480),
    ("夜前", "16:00", 480),
    ("夜", "00:00", 450),
    ("长", "09:00", 720),
]
MIN_REST = 12 * 60


def _bans(shifts: list[tuple[str, str, int]]) -> dict[str, list[str]]:
    def start(s: str) -> int:
        h, m = s.split(":")
        return int(h) * 60 + int(m)

    bans: dict[str, list[str]] = {}
    for a, sa, la in shifts:
        bans[a] = [b for b, sb, _lb in shifts if 24 * 60 + start(sb) - (start(sa) + la) < MIN_REST]
    return bans


def make_problem(
    seed: int, staff: int, shifts: list[tuple[str, str, int]], days: int, need: dict[str, tuple[int, int]]
) -> dict[str, Any]:
    """``need``: shift → (weekday count, weekend count)."""
    rng = random.Random(seed)
    start = date(2026, 12, 1)
    bans = _bans(shifts)
    people = []
    for i in range(staff):
        night_free = rng.random() < 0.15
        people.append(
            {
                "id": f"p{i:02d}",
                "max_shifts": {s: (0 if night_free and s.startswith("夜") else days) for s, _t, _m in shifts},
                "min_minutes": 120 * 60 * days // 31,
                "max_minutes": 176 * 60 * days // 31,
                "max_consecutive_days": 6,
                "min_consecutive_days": 2,
                "min_consecutive_days_off": 2 if rng.random() < 0.5 else 1,
                "max_weekends": max(1, days // 7 - 1),
                "days_off": sorted(rng.sample(range(days), rng.choice([0, 0, 0, 2, 3]))),
            }
        )
    requests = []
    for _ in range(staff * 2):
        requests.append(
            {
                "staff": f"p{rng.randrange(staff):02d}",
                "day": rng.randrange(days),
                "shift": rng.choice([None, shifts[rng.randrange(len(shifts))][0]]),
                "kind": rng.choice(["on", "off", "off"]),
                "weight": rng.randint(1, 5),
            }
        )
    cover = []
    for d in range(days):
        weekend = (start + timedelta(days=d)).weekday() >= 5
        for s, _t, _m in shifts:
            cover.append(
                {"day": d, "shift": s, "required": need[s][1 if weekend else 0], "under_weight": 100, "over_weight": 2}
            )
    return {
        "start_date": start.isoformat(),
        "days": days,
        "shifts": [{"id": s, "start": t, "minutes": m, "cannot_be_followed_by": bans[s]} for s, t, m in shifts],
        "staff": people,
        "requests": requests,
        "cover": cover,
    }


def best_at(solution: Solution, seconds: float) -> str:
    found = [obj for t, obj in solution.timeline if t <= seconds]
    return str(min(found)) if found else "—"


def run(name: str, data: dict[str, Any], limit: float, moments: list[float], workers: int) -> list[list[str]]:
    problem = load_problem(data)
    rows = []
    for model, strong in (("strong", True), ("plain", False)):
        solution = solve(problem, limit, workers, strong=strong, explain=False)
        if solution.assignments:
            assert violations(problem, solution.assignments) == [], f"{name} {model}: a hard rule broken"
            cost = objective(problem, solution.assignments)
            if solution.status == "OPTIMAL":
                assert cost == solution.objective, f"{name} {model}: objective {cost} != {solution.objective}"
            else:
                # Shortage and wish slacks are only pushed down by the objective: in a roster
                # found before the search ends (both models) they may exceed the real ones, so
                # the solver's figure is an upper bound of the true cost, not the cost itself.
                assert cost <= solution.objective, f"{name} {model}: objective {cost} > {solution.objective}"
        first = f"{solution.timeline[0][0]:.2f}s" if solution.timeline else "—"
        proven = f"{solution.wall_time:.1f}s" if solution.status == "OPTIMAL" else "—"
        rows.append(
            [
                name,
                model,
                first,
                *(best_at(solution, t) for t in moments),
                str(solution.objective),
                solution.status,
                str(solution.bound),
                proven,
            ]
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="shorter limits (10 s / 20 s)")
    parser.add_argument("--smoke", action="store_true", help="2 s / 3 s: that it runs (CI), not how well")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args(argv)
    if args.smoke:
        desk_limit, large_limit, moments = 2.0, 3.0, [1.0]
    elif args.quick:
        desk_limit, large_limit, moments = 10.0, 20.0, [1.0, 5.0, 10.0]
    else:
        desk_limit, large_limit, moments = 20.0, 60.0, [1.0, 5.0, 10.0, 30.0]
    problems = [
        (
            "desk month: 12 staff, 3 shifts, 31 days",
            make_problem(1, 12, DESK_SHIFTS, 31, {"早": (2, 2), "中": (2, 2), "夜": (1, 1)}),
            desk_limit,
        ),
        (
            "50 staff, 6 shifts, 28 days",
            make_problem(
                2,
                50,
                LARGE_SHIFTS,
                28,
                {"早": (7, 5), "中": (6, 4), "晚": (6, 4), "夜前": (6, 5), "夜": (5, 5), "长": (3, 2)},
            ),
            large_limit,
        ),
        (
            "50 staff, 6 shifts, 56 days",
            make_problem(
                3,
                50,
                LARGE_SHIFTS,
                56,
                {"早": (7, 5), "中": (6, 4), "晚": (6, 4), "夜前": (6, 5), "夜": (5, 5), "长": (3, 2)},
            ),
            large_limit,
        ),
    ]
    header = ["problem", "model", "first", *(f"@{t:g}s" for t in moments), "final", "status", "bound", "proven"]
    table = [header]
    for name, data, limit in problems:
        print(f"solving {name} ({limit:g} s each model, {args.workers} workers) ...", flush=True)
        table += run(name, data, limit, moments, args.workers)
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    print()
    for row in table:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
