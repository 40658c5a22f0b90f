"""The roster solver: Google OR-Tools CP-SAT over the problem of ``problem.py``.

The model has one Boolean per person, day and shift the person may work there, and a
"works that day" Boolean per person and day. The hard rules are exactly those of the
contract; the objective sums the weights of unmet "on" / violated "off" requests and the
cover rows' shortfall and excess. What makes it strong:

- variables that can never be true are not created (a person who may not work a shift,
  days off, locked cells), so presolve starts small;
- redundant constraints: each person's number of working days is bounded by their minutes
  and by the longest allowed run; runs are stated as window sums and forbidden patterns;
- symmetry breaking: among people with identical rules and no personal requests, days off
  or locks, the first works at least as many days as the next;
- a greedy roster as the solution hint, so the first solution comes at once, and CP-SAT's
  parallel portfolio with large-neighbourhood search improves it.

When no roster satisfies the rules, a second model enforces each group of rules (one
person's maximum run, minutes, weekends, …) behind an assumption literal and asks CP-SAT
which groups together are infeasible; they are reported by name.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ortools.sat.python import cp_model

from desk_app.roster.checker import Assignment
from desk_app.roster.problem import Problem, Staff, read_problem

# progress(objective, best bound, seconds, assignments of that solution)
Progress = Callable[[int, int, float, list[Assignment]], None]


@dataclass
class Solution:
    status: str  # OPTIMAL, FEASIBLE, INFEASIBLE, UNKNOWN (stopped or out of time before a first roster)
    objective: int | None = None
    bound: int | None = None
    assignments: list[Assignment] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    wall_time: float = 0.0
    timeline: list[tuple[float, int]] = field(default_factory=list)  # (seconds, objective) of each improvement

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "status": self.status,
            "objective": self.objective,
            "best_bound": self.bound,
            "wall_time": round(self.wall_time, 3),
            "assignments": [{"staff": s, "day": d, "shift": t} for s, d, t in sorted(self.assignments, key=_order)],
        }
        if self.status == "INFEASIBLE":
            data["conflicts"] = self.conflicts
        return data


def _order(a: Assignment) -> tuple[int, str, str]:
    return (a[1], a[0], a[2])


class _Model:
    """The CP-SAT model of a problem; ``guarded`` puts each rule group behind an assumption."""

    def __init__(
        self,
        problem: Problem,
        *,
        guarded: bool = False,
        symmetry: bool = True,
        strong: bool = True,
        hint: list[Assignment] | None = None,
    ) -> None:
        self.p = problem
        self.m = cp_model.CpModel()
        self.guarded = guarded
        self.strong = strong
        self.guards: dict[str, cp_model.IntVar] = {}
        self.x: dict[tuple[str, int, str], cp_model.IntVar] = {}
        self.work: dict[tuple[str, int], Any] = {}
        self.terms: list[Any] = []
        self.constant = 0
        self.weekend_vars: list[tuple[str, list[int], Any]] = []  # person, days, "worked that weekend"
        self.cover_vars: list[tuple[int, str, int, Any, Any]] = []  # day, shift, required, short, over
        self._build(symmetry, hint or [])
        if hint:
            self.hint(hint)

    def _guard(self, name: str) -> list[cp_model.IntVar]:
        if not self.guarded:
            return []
        if name not in self.guards:
            self.guards[name] = self.m.new_bool_var(name)
        return [self.guards[name]]

    def _add(self, constraint: Any, group: str) -> None:
        lits = self._guard(group)
        if lits:
            constraint.only_enforce_if(lits)

    def _build(self, symmetry: bool, hint: list[Assignment]) -> None:
        p, m = self.p, self.m
        locked = {(lk.staff, lk.day): lk.shift for lk in p.locked}
        for person in p.staff:
            for day in range(p.days):
                names = []
                for shift in p.shifts:
                    if not person.may_work(shift.id) and self.strong:
                        continue
                    off = day in person.days_off
                    other = (person.id, day) in locked and locked[(person.id, day)] != shift.id
                    if (off or other) and self.strong and not self.guarded:
                        continue  # never true: not created, presolve starts smaller
                    var = m.new_bool_var(f"x_{person.id}_{day}_{shift.id}")
                    self.x[(person.id, day, shift.id)] = var
                    names.append(var)
                    if off:
                        self._add(m.add(var == 0), f"days off of {person.id}")
                    if other:
                        self._add(m.add(var == 0), f"locked cells of {person.id}")
                w = m.new_bool_var(f"w_{person.id}_{day}")
                m.add(sum(names) == w)  # at most one shift a day, structural
                self.work[(person.id, day)] = w
                target = locked.get((person.id, day), "absent")
                if target != "absent":
                    if target is None:
                        self._add(m.add(w == 0), f"locked cells of {person.id}")
                    elif (person.id, day, target) in self.x:
                        self._add(m.add(self.x[(person.id, day, target)] == 1), f"locked cells of {person.id}")
                    else:  # locked on a shift the person may not work (or on a day off)
                        self._add(m.add_bool_or([]), f"locked cells of {person.id}")
            self._person(person)
        self._objective()
        if symmetry and self.strong:
            self._break_symmetry(hint)

    def _person(self, person: Staff) -> None:
        p, m, s = self.p, self.m, person.id
        x, w = self.x, self.work
        # Shifts that may not follow each other on consecutive days.
        for day in range(p.days - 1):
            for shift in p.shifts:
                for then in shift.cannot_be_followed_by:
                    a, b = x.get((s, day, shift.id)), x.get((s, day + 1, then))
                    if a is not None and b is not None:
                        self._add(m.add_bool_or([a.Not(), b.Not()]), f"rest between shifts of {s}")
        for shift in p.shifts:
            most = person.max_shifts.get(shift.id)
            cells = [x[(s, d, shift.id)] for d in range(p.days) if (s, d, shift.id) in x]
            if most is not None and cells and most < len(cells):
                self._add(m.add(sum(cells) <= most), f"most {shift.id} shifts of {s}")
        minutes = sum(x[(s, d, t.id)] * t.minutes for d in range(p.days) for t in p.shifts if (s, d, t.id) in x)
        if person.min_minutes > 0:
            self._add(m.add(minutes >= person.min_minutes), f"minimum minutes of {s}")
        if person.max_minutes is not None:
            self._add(m.add(minutes <= person.max_minutes), f"maximum minutes of {s}")
        days = [w[(s, d)] for d in range(p.days)]
        lengths = [t.minutes for t in p.shifts if person.may_work(t.id)] or [1]
        # Redundant: how many days the minutes allow (tightens the LP relaxation).
        if self.strong and person.max_minutes is not None:
            self._add(m.add(sum(days) <= person.max_minutes // min(lengths)), f"maximum minutes of {s}")
        if self.strong and person.min_minutes > 0:
            self._add(m.add(sum(days) >= -(-person.min_minutes // max(lengths))), f"minimum minutes of {s}")
        most_run = person.max_consecutive_days
        if most_run is not None and most_run < p.days:
            for start in range(p.days - most_run):
                self._add(m.add(sum(days[start : start + most_run + 1]) <= most_run), f"maximum run of work of {s}")
            # Redundant: a day off in every window of most_run + 1 days bounds the total.
            if self.strong:
                self._add(m.add(sum(days) <= p.days - p.days // (most_run + 1)), f"maximum run of work of {s}")
        self._minimum_runs(days, person.min_consecutive_days, True, f"minimum run of work of {s}")
        self._minimum_runs(days, person.min_consecutive_days_off, False, f"minimum run of days off of {s}")
        if person.max_weekends is not None:
            weekends = []
            for group in p.weekends():
                worked = m.new_bool_var(f"we_{s}_{group[0]}")
                for day in group:
                    m.add_implication(days[day], worked)
                weekends.append(worked)
                self.weekend_vars.append((s, group, worked))
            if len(weekends) > person.max_weekends:
                self._add(m.add(sum(weekends) <= person.max_weekends), f"most weekends of {s}")

    def _minimum_runs(self, days: list[Any], least: int, working: bool, group: str) -> None:
        """No run of ``working`` days shorter than ``least`` between two days of the other
        kind inside the period: forbid each pattern other, run of length L < least, other."""
        n = len(days)

        def is_(day: int) -> Any:
            return days[day] if working else days[day].Not()

        def other(day: int) -> Any:
            return days[day].Not() if working else days[day]

        for length in range(1, least):
            for start in range(1, n - length):
                # not (other(start-1) and is_(start..start+L-1) and other(start+L))
                clause = [other(start - 1).Not(), other(start + length).Not()]
                clause += [is_(d).Not() for d in range(start, start + length)]
                self._add(self.m.add_bool_or(clause), group)

    def _objective(self) -> None:
        p, m, x, w = self.p, self.m, self.x, self.work
        for r in p.requests:
            if r.weight == 0:
                continue
            lit = w[(r.staff, r.day)] if r.shift is None else x.get((r.staff, r.day, r.shift))
            if r.kind == "on":
                if lit is None:  # can never be met
                    self.constant += r.weight
                else:
                    self.constant += r.weight
                    self.terms.append(-r.weight * lit)
            elif lit is not None:
                self.terms.append(r.weight * lit)
        for row in p.cover:
            cells = [x[(s.id, row.day, row.shift)] for s in p.staff if (s.id, row.day, row.shift) in x]
            short = m.new_int_var(0, row.required, f"short_{row.day}_{row.shift}")
            over = m.new_int_var(0, max(0, len(cells) - row.required), f"over_{row.day}_{row.shift}")
            m.add(sum(cells) + short - over == row.required)
            self.cover_vars.append((row.day, row.shift, row.required, short, over))
            self.terms += [row.under_weight * short, row.over_weight * over]
        m.minimize(sum(self.terms) + self.constant)

    def _break_symmetry(self, hint: list[Assignment]) -> None:
        """Identical people, untouched by requests, locks and days off, are interchangeable:
        order them by how many days they work (in the hint's order, so the hint stays valid)."""
        hinted: dict[str, int] = {}
        for s, _d, _t in hint:
            hinted[s] = hinted.get(s, 0) + 1
        p = self.p
        personal = {r.staff for r in p.requests} | {lk.staff for lk in p.locked}
        groups: dict[tuple[Any, ...], list[Staff]] = {}
        for person in p.staff:
            if person.id in personal or person.days_off:
                continue
            key = (
                tuple(sorted(person.max_shifts.items())),
                person.min_minutes,
                person.max_minutes,
                person.max_consecutive_days,
                person.min_consecutive_days,
                person.min_consecutive_days_off,
                person.max_weekends,
            )
            groups.setdefault(key, []).append(person)
        for members in groups.values():
            members.sort(key=lambda person: -hinted.get(person.id, 0))
            for a, b in zip(members, members[1:], strict=False):
                total_a = sum(self.work[(a.id, d)] for d in range(p.days))
                total_b = sum(self.work[(b.id, d)] for d in range(p.days))
                self.m.add(total_a >= total_b)

    def hint(self, assignments: list[Assignment]) -> None:
        """Hint every variable (a complete hint is taken as it is, a partial one is only a
        direction for the search)."""
        chosen = set(assignments)
        worked = {(s, d) for s, d, _t in chosen}
        for key, var in self.x.items():
            self.m.add_hint(var, key in chosen)
        for (s, d), var in self.work.items():
            self.m.add_hint(var, (s, d) in worked)
        for s, group, var in self.weekend_vars:
            self.m.add_hint(var, any((s, d) in worked for d in group))
        planned: dict[tuple[int, str], int] = {}
        for _s, d, t in chosen:
            planned[(d, t)] = planned.get((d, t), 0) + 1
        for day, shift, required, short, over in self.cover_vars:
            have = planned.get((day, shift), 0)
            self.m.add_hint(short, max(0, required - have))
            self.m.add_hint(over, max(0, have - required))

    def read(self, value: Callable[[Any], int]) -> list[Assignment]:
        return [key for key, var in self.x.items() if value(var)]


def greedy(problem: Problem) -> list[Assignment]:
    """A quick roster, day by day, as a supervisor fills a paper grid: people in a run that
    is still too short carry on, people whose rest is still too short stay off, then each
    shift's cover goes to those who have worked least. Rest between shifts, maxima, minutes,
    the longest run, weekends, days off, locks and whole-day "off" wishes are respected;
    what the greedy cannot see (minimum minutes) the solver repairs. Only a hint."""
    p = problem
    locked = {(lk.staff, lk.day): lk.shift for lk in p.locked}
    offs = {(r.staff, r.day) for r in p.requests if r.kind == "off" and r.shift is None}
    weekend_of = {day: i for i, group in enumerate(p.weekends()) for day in group}
    count: dict[tuple[str, str], int] = {}
    minutes = {s.id: 0 for s in p.staff}
    run = {s.id: 0 for s in p.staff}  # working days in a row, up to yesterday
    rest = {s.id: 0 for s in p.staff}  # days off in a row, up to yesterday
    inside = {s.id: False for s in p.staff}  # the current run or rest began inside the period
    weekends: dict[str, set[int]] = {s.id: set() for s in p.staff}
    yesterday: dict[str, str | None] = {s.id: None for s in p.staff}
    need: dict[tuple[int, str], int] = {}
    over_cost: dict[tuple[int, str], int] = {}
    for row in p.cover:
        need[(row.day, row.shift)] = need.get((row.day, row.shift), 0) + row.required
        over_cost[(row.day, row.shift)] = over_cost.get((row.day, row.shift), 0) + row.over_weight
    result: list[Assignment] = []

    def allowed(person: Staff, day: int, shift_id: str) -> bool:
        s = person.id
        if (s, day) in locked or day in person.days_off or (s, day) in offs or not person.may_work(shift_id):
            return False
        if count.get((s, shift_id), 0) >= person.max_shifts.get(shift_id, p.days):
            return False
        prev = yesterday[s]
        if prev is not None and shift_id in p.shift_index[prev].cannot_be_followed_by:
            return False
        if person.max_minutes is not None and minutes[s] + p.shift_index[shift_id].minutes > person.max_minutes:
            return False
        if person.max_consecutive_days is not None and run[s] >= person.max_consecutive_days:
            return False
        if run[s] == 0 and inside[s] and rest[s] < person.min_consecutive_days_off:
            return False  # still resting
        week = weekend_of.get(day)
        return not (
            week is not None
            and person.max_weekends is not None
            and week not in weekends[s]
            and len(weekends[s]) >= person.max_weekends
        )

    def must_continue(person: Staff) -> bool:
        return 0 < run[person.id] < person.min_consecutive_days and inside[person.id]

    for day in range(p.days):
        today: dict[str, str] = {s: t for (s, d), t in locked.items() if d == day and t is not None}
        for shift in sorted(p.shifts, key=lambda t: -need.get((day, t.id), 0)):
            wanted = need.get((day, shift.id), 0) - sum(1 for t in today.values() if t == shift.id)
            if wanted <= 0:
                continue
            candidates = [
                (not must_continue(person), minutes[person.id], person.id)
                for person in p.staff
                if person.id not in today and allowed(person, day, shift.id)
            ]
            for _first, _used, s in sorted(candidates)[:wanted]:
                today[s] = shift.id
        # A run that is still too short goes on where an extra person costs least.
        for person in p.staff:
            if person.id in today or not must_continue(person):
                continue
            options = [t for t in p.shifts if allowed(person, day, t.id)]
            if options:
                today[person.id] = min(options, key=lambda t: over_cost.get((day, t.id), 0)).id
        for person in p.staff:
            s = person.id
            t = today.get(s)
            if t is not None:
                result.append((s, day, t))
                count[(s, t)] = count.get((s, t), 0) + 1
                minutes[s] += p.shift_index[t].minutes
                inside[s] = inside[s] if run[s] else day > 0
                run[s], rest[s] = run[s] + 1, 0
                if day in weekend_of:
                    weekends[s].add(weekend_of[day])
            else:
                inside[s] = inside[s] if rest[s] else day > 0
                run[s], rest[s] = 0, rest[s] + 1
            yesterday[s] = t
    return _drop_short_runs(p, result)


def _drop_short_runs(problem: Problem, assignments: list[Assignment]) -> list[Assignment]:
    """Take out working runs inside the period shorter than the person's minimum (what is
    left is longer rest, which breaks no rule of runs)."""
    by_person: dict[str, dict[int, str]] = {}
    for s, d, t in assignments:
        by_person.setdefault(s, {})[d] = t
    locked = {(lk.staff, lk.day) for lk in problem.locked}
    keep: list[Assignment] = []
    for person in problem.staff:
        days = by_person.get(person.id, {})
        day = 0
        while day < problem.days:
            if day not in days:
                day += 1
                continue
            end = day
            while end + 1 < problem.days and end + 1 in days:
                end += 1
            short = end - day + 1 < person.min_consecutive_days and day > 0 and end < problem.days - 1
            if not short or any((person.id, d) in locked for d in range(day, end + 1)):
                keep += [(person.id, d, days[d]) for d in range(day, end + 1)]
            day = end + 1
    return keep


class _Watcher(cp_model.CpSolverSolutionCallback):
    def __init__(self, model: _Model, progress: Progress | None, started: float) -> None:
        super().__init__()
        self.model = model
        self.progress = progress
        self.started = started
        self.timeline: list[tuple[float, int]] = []

    def on_solution_callback(self) -> None:
        objective = round(self.objective_value)
        seconds = time.perf_counter() - self.started
        self.timeline.append((seconds, objective))
        if self.progress is not None:
            assignments = self.model.read(self.boolean_value)
            self.progress(objective, round(self.best_objective_bound), seconds, assignments)


def solve(
    problem: Problem,
    time_limit: float = 10.0,
    workers: int | None = None,
    *,
    progress: Progress | None = None,
    stop: threading.Event | None = None,
    explain: bool = True,
    strong: bool = True,
) -> Solution:
    """Solve within ``time_limit`` seconds; ``stop`` ends the search early (the best roster
    found so far is returned). INFEASIBLE comes with the rule groups that conflict.

    ``strong=False`` is the plain model the benchmark compares against: a Boolean for
    every person, day and shift, the contract's rules written directly, no redundant
    constraints, no symmetry breaking, no hint."""
    started = time.perf_counter()
    model = _Model(problem, strong=strong, hint=greedy(problem) if strong else None)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.01, float(time_limit))
    solver.parameters.num_workers = workers or os.cpu_count() or 1
    watcher = _Watcher(model, progress, started)
    done = threading.Event()
    if stop is not None:

        def watch() -> None:
            while not done.is_set():
                if stop.wait(0.05):
                    solver.stop_search()
                    return

        threading.Thread(target=watch, daemon=True).start()
    try:
        status = solver.solve(model.m, watcher)
    finally:
        done.set()
    name = solver.status_name(status)
    result = Solution(status=name if name != "MODEL_INVALID" else "UNKNOWN", timeline=watcher.timeline)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        result.objective = round(solver.objective_value)
        result.bound = round(solver.best_objective_bound)
        result.assignments = model.read(solver.boolean_value)
    elif status == cp_model.INFEASIBLE and explain:
        result.conflicts = explain_infeasible(problem, max(1.0, time_limit))
    result.wall_time = time.perf_counter() - started
    return result


def explain_infeasible(problem: Problem, time_limit: float = 10.0) -> list[str]:
    """The groups of rules that cannot all hold together: CP-SAT's core of assumptions,
    then made minimal by taking out each group that is not needed for the conflict."""
    model = _Model(problem, guarded=True, symmetry=False)
    by_index = {lit.index: name for name, lit in model.guards.items()}
    deadline = time.perf_counter() + time_limit

    def infeasible_with(names: list[str]) -> tuple[bool, list[str]]:
        model.m.clear_assumptions()
        model.m.add_assumptions([model.guards[n] for n in names])
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(0.1, deadline - time.perf_counter())
        solver.parameters.num_workers = 1  # the core of assumptions comes from the sequential search
        status = solver.solve(model.m)
        if status != cp_model.INFEASIBLE:
            return False, []
        return True, [by_index[i] for i in solver.sufficient_assumptions_for_infeasibility() if i in by_index]

    infeasible, core = infeasible_with(list(model.guards))
    if not infeasible:
        return ["the rules could not be checked in the time given"]
    core = sorted(set(core))
    for name in list(core):
        if time.perf_counter() > deadline:
            break
        rest = [n for n in core if n != name]
        still, smaller = infeasible_with(rest)
        if still:
            core = sorted(set(smaller) & set(rest)) or rest
    return core or ["at most one shift a day"]


def solve_file(problem_path: Path, solution_path: Path, time_limit: float, workers: int | None = None) -> Solution:
    """``desk-app roster solve``: read, solve, write the solution JSON (whole or not at all)."""
    from desk_app.atomic_files import write_atomically

    problem = read_problem(Path(problem_path))
    solution = solve(problem, time_limit, workers)
    body = json.dumps(solution.to_json(), ensure_ascii=False, indent=1).encode()
    write_atomically(Path(solution_path), lambda handle: handle.write(body))
    return solution
