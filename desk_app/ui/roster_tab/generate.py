"""Generating a month's roster off the UI thread: the solver runs in the background, each
better roster it finds is shown in the grid at once (not saved), a Stop button ends the
search early, and the best roster is saved to the draft when the search ends
(``RosterGenerator`` runs the search, ``GenerateFlow`` is the tab's side of it).

The solver's thread never touches a Qt object: each better roster goes through the task's
progress (delivered on the UI thread), and the search stops on the task's stop event, which
Stop sets, and which closing the window or signing out sets too (the result then dropped)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QObject, QTimer, Signal

from desk_app.domain.errors import DeskError
from desk_app.domain.roles import Actor
from desk_app.roster.checker import Assignment
from desk_app.roster.problem import Problem, load_problem
from desk_app.roster.solver import Solution, solve
from desk_app.roster.summary import summarize
from desk_app.services.container import Services
from desk_app.ui.i18n import translate_error
from desk_app.ui.roster_tab.texts import generated_text
from desk_app.ui.service_dialog import attempt
from desk_app.ui.tasks import Progress, Task, TaskRunner

if TYPE_CHECKING:
    from desk_app.ui.roster_tab.tab import RosterTab


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
        self.problem: Problem | None = None  # the problem of the search running (or last run)

    @property
    def running(self) -> bool:
        return self.task is not None

    def start(self, problem_data: dict[str, Any], time_limit: float) -> Task:
        problem = load_problem(problem_data)  # built by the service: a bad one is a bug, raised here
        self.problem = problem

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


class GenerateFlow(QObject):
    """The tab's Generate button from start to end: the controls locked and the progress
    shown while the search runs, each better roster previewed in the grid, then the best
    one saved to the draft, or the conflicting rules named. Its strings are the roster
    tab's (context ``RosterTab``)."""

    def __init__(self, tab: RosterTab, services: Services, actor: Actor) -> None:
        super().__init__(tab)
        self._tab = tab
        self._services = services
        self._actor = actor
        self._month: tuple[int, int] = (0, 0)
        self.generator = RosterGenerator(services, tab)
        self.generator.improved.connect(self._improved)
        self.generator.finished.connect(self._generated)
        self.generator.failed.connect(self._failed)
        self._elapsed = QElapsedTimer()
        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(250)
        self._clock_timer.timeout.connect(self._tick)

    def start(self) -> bool:
        """Start the solver for the shown month; the grid shows each better roster."""
        tab = self._tab
        year, month = tab.year_month()
        problem = attempt(lambda: self._services.roster.problem(year, month), tab.say)
        if problem is None:
            return False
        self._month = (year, month)
        self.generator.start(problem, float(tab.time_limit.value()))
        self._elapsed.start()
        tab.progress.setRange(0, tab.time_limit.value() * 1000)
        tab.progress.setValue(0)
        tab.progress.setVisible(True)
        tab.stop_button.setVisible(True)
        for control in (tab.generate_button, tab.publish_button, tab.month, tab.previous_button, tab.next_button):
            control.setEnabled(False)
        tab.table.setEnabled(False)
        tab.progress_label.setText(QCoreApplication.translate("RosterTab", "Searching…"))
        tab.message.clear()
        self._clock_timer.start()
        return True

    def stop(self) -> None:
        self.generator.stop()
        self._tab.progress_label.setText(QCoreApplication.translate("RosterTab", "Stopping…"))

    def _tick(self) -> None:
        progress = self._tab.progress
        progress.setValue(min(progress.maximum(), int(self._elapsed.elapsed())))

    def _improved(self, _objective: int, _bound: int, seconds: float, assignments: list[Assignment]) -> None:
        """Each better roster in the grid, and what it achieves counted from it (never the
        solver's weighted cost, which means nothing to a supervisor)."""
        self._tab.model.preview(self._services.roster.solution_cells(*self._month, assignments))
        problem = self.generator.problem
        if problem is None:
            return
        found = summarize(problem, assignments)
        self._tab.progress_label.setText(
            QCoreApplication.translate(
                "RosterTab", "Best so far: {short} shifts short of people, {wishes} wishes not met ({s:.0f} s)"
            ).format(short=len(found.short), wishes=len(found.unmet), s=seconds)
        )

    def _finish(self) -> None:
        tab = self._tab
        self._clock_timer.stop()
        tab.progress.setVisible(False)
        tab.stop_button.setVisible(False)
        for control in (tab.month, tab.previous_button, tab.next_button, tab.table):
            control.setEnabled(True)
        tab.progress_label.clear()

    def _generated(self, solution: Solution) -> None:
        self._finish()
        tab, roster = self._tab, self._services.roster
        year, month = self._month
        if solution.status == "INFEASIBLE":
            tab.reload()
            tab.say(
                QCoreApplication.translate(
                    "RosterTab", "No roster satisfies the rules. These rules conflict: {rules}"
                ).format(
                    rules="; ".join(tab.conflict_texts(roster.solution_conflicts(year, month, solution.conflicts)))
                )
            )
            return
        if not solution.assignments and solution.status not in ("OPTIMAL", "FEASIBLE"):
            tab.reload()
            tab.say(QCoreApplication.translate("RosterTab", "No roster was found in the time given; allow more time."))
            return
        try:
            cells = roster.solution_cells(year, month, solution.assignments)
            roster.apply_solution(self._actor, year, month, cells)
            summary = roster.summary(year, month)  # counted from the roster saved, not the search
        except DeskError as exc:
            tab.reload()
            tab.say(translate_error(exc))
            return
        tab.reload()
        # Green only for a month with every shift staffed and every rule kept: shifts short of
        # people or rules broken are for the supervisor to act on.
        tab.say(generated_text(summary, solution.status == "OPTIMAL", solution.wall_time), ok=summary.complete)

    def _failed(self, error: str) -> None:
        self._finish()
        self._tab.reload()
        self._tab.say(
            QCoreApplication.translate("RosterTab", "The roster could not be generated: {error}").format(error=error)
        )
