"""The roster solver: Google OR-Tools CP-SAT over the model of ``model.py``, started from
the greedy roster of ``greedy.py`` as its hint, so the first solution comes at once, and
CP-SAT's parallel portfolio with large-neighbourhood search improves it.

When no roster satisfies the rules, the guarded model enforces each group of rules (one
person's maximum run, minutes, weekends, …) behind an assumption literal and asks CP-SAT
which groups together are infeasible; they are reported as ``Conflict`` values.
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
from desk_app.roster.conflict import Conflict, Rule
from desk_app.roster.greedy import greedy
from desk_app.roster.model import RosterModel
from desk_app.roster.problem import Problem, read_problem

__all__ = ["Progress", "Solution", "explain_infeasible", "greedy", "solve", "solve_file"]

# progress(objective, best bound, seconds, assignments of that solution)
Progress = Callable[[int, int, float, list[Assignment]], None]


@dataclass
class Solution:
    status: str  # OPTIMAL, FEASIBLE, INFEASIBLE, UNKNOWN (stopped or out of time before a first roster)
    objective: int | None = None
    bound: int | None = None
    assignments: list[Assignment] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
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
            data["conflicts"] = [c.text() for c in self.conflicts]
        return data


def _order(a: Assignment) -> tuple[int, str, str]:
    return (a[1], a[0], a[2])


class _Watcher(cp_model.CpSolverSolutionCallback):
    def __init__(self, model: RosterModel, progress: Progress | None, started: float) -> None:
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
    model = RosterModel(problem, strong=strong, hint=greedy(problem) if strong else None)
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


def explain_infeasible(problem: Problem, time_limit: float = 10.0) -> list[Conflict]:
    """The groups of rules that cannot all hold together: CP-SAT's core of assumptions,
    then made minimal by taking out each group that is not needed for the conflict."""
    model = RosterModel(problem, guarded=True, symmetry=False)
    by_index = {lit.index: group for group, lit in model.guards.items()}
    deadline = time.perf_counter() + time_limit

    def infeasible_with(groups: list[Conflict]) -> tuple[bool, list[Conflict]]:
        model.m.clear_assumptions()
        model.m.add_assumptions([model.guards[g] for g in groups])
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(0.1, deadline - time.perf_counter())
        solver.parameters.num_workers = 1  # the core of assumptions comes from the sequential search
        status = solver.solve(model.m)
        if status != cp_model.INFEASIBLE:
            return False, []
        return True, [by_index[i] for i in solver.sufficient_assumptions_for_infeasibility() if i in by_index]

    infeasible, core = infeasible_with(list(model.guards))
    if not infeasible:
        return [Conflict(Rule.UNCHECKED)]
    core = sorted(set(core), key=Conflict.text)
    for group in list(core):
        if time.perf_counter() > deadline:
            break
        rest = [g for g in core if g != group]
        still, smaller = infeasible_with(rest)
        if still:
            core = sorted(set(smaller) & set(rest), key=Conflict.text) or rest
    return core or [Conflict(Rule.ONE_SHIFT_A_DAY)]


def solve_file(problem_path: Path, solution_path: Path, time_limit: float, workers: int | None = None) -> Solution:
    """``desk-app roster solve``: read, solve, write the solution JSON (whole or not at all)."""
    from desk_app.atomic_files import write_atomically

    problem = read_problem(Path(problem_path))
    solution = solve(problem, time_limit, workers)
    body = json.dumps(solution.to_json(), ensure_ascii=False, indent=1).encode()
    write_atomically(Path(solution_path), lambda handle: handle.write(body))
    return solution
