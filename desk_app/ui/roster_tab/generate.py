"""Generating a month's roster off the UI thread: the solver runs in the background, each
better roster it finds is shown in the grid at once (not saved), a Stop button ends the
search early, and the best roster is saved to the draft when the search ends."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QObject, Signal

from desk_app.roster.problem import load_problem
from desk_app.roster.solver import Solution, solve
from desk_app.services.container import Services
from desk_app.ui.tasks import Task, run_in_background


class RosterGenerator(QObject):
    """One search at a time. ``improved`` carries (objective, bound, seconds, assignments
    in solver keys); ``finished`` the Solution; ``failed`` an error text."""

    improved = Signal(int, int, float, object)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, services: Services, parent: QObject) -> None:
        super().__init__(parent)
        self._services = services
        self._stop = threading.Event()
        self.task: Task | None = None

    @property
    def running(self) -> bool:
        return self.task is not None

    def start(self, problem_data: dict[str, Any], time_limit: float) -> Task:
        problem = load_problem(problem_data)  # built by the service: a bad one is a bug, raised here
        self._stop.clear()

        def work(_progress: Any) -> Solution:
            return solve(problem, time_limit, progress=self._improved, stop=self._stop)

        self.task = run_in_background(work, self._done, self._error, context=self)
        return self.task

    def stop(self) -> None:
        self._stop.set()

    def _improved(self, objective: int, bound: int, seconds: float, assignments: list[Any]) -> None:
        # Called on the solver's thread: the signal is queued to the window's thread.
        self.improved.emit(objective, bound, seconds, assignments)

    def _done(self, solution: object) -> None:
        self.task = None
        self.finished.emit(solution)

    def _error(self, exc: BaseException, _trace: str) -> None:
        self.task = None
        self.failed.emit(str(exc))
