"""Generating a month's roster off the UI thread: the solver runs in the background, each
better roster it finds is shown in the grid at once (not saved), a Stop button ends the
search early, and the best roster is saved to the draft when the search ends.

The solver's thread never touches a Qt object: each better roster goes through the task's
progress (delivered on the UI thread), and the search stops on the task's stop event, which
Stop sets, and which closing the window or signing out sets too (the result then dropped)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from desk_app.roster.problem import load_problem
from desk_app.roster.solver import Solution, solve
from desk_app.services.container import Services
from desk_app.ui.tasks import Progress, Task, TaskRunner


class RosterGenerator(QObject):
    """One search at a time. ``improved`` carries (objective, bound, seconds, assignments
    in solver keys); ``finished`` the Solution; ``failed`` an error text."""

    improved = Signal(int, int, float, object)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, services: Services, parent: QObject) -> None:
        super().__init__(parent)
        self._services = services
        self.task: Task | None = None

    @property
    def running(self) -> bool:
        return self.task is not None

    def start(self, problem_data: dict[str, Any], time_limit: float) -> Task:
        problem = load_problem(problem_data)  # built by the service: a bad one is a bug, raised here

        def work(progress: Progress) -> Solution:
            return solve(problem, time_limit, progress=progress, stop=progress.stop_event)

        self.task = TaskRunner.of(self).submit(work, self, self._done, self._error, self._improved)
        return self.task

    def stop(self) -> None:
        """End the search; the best roster found so far is still delivered."""
        if self.task is not None:
            self.task.stop()

    def cancel(self) -> None:
        """End the search and drop its result (the tab is closing)."""
        if self.task is not None:
            self.task.cancel()
            self.task = None

    def _improved(self, objective: int, bound: int, seconds: float, assignments: list[Any]) -> None:
        self.improved.emit(objective, bound, seconds, assignments)

    def _done(self, solution: object) -> None:
        self.task = None
        self.finished.emit(solution)

    def _error(self, exc: BaseException, _trace: str) -> None:
        self.task = None
        self.failed.emit(str(exc))
