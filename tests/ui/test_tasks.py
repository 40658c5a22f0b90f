"""The window's task runner: outcomes on the UI thread, nothing kept after delivery, results
to a deleted receiver dropped, everything cancelled when the owner closes."""

from __future__ import annotations

import gc
import threading

import pytest
from PySide6.QtCore import QObject, QThread
from shiboken6 import Shiboken

from desk_app.domain.roles import Role
from desk_app.ui.main_window import MainWindow
from desk_app.ui.tasks import TaskRunner, application_runner
from tests.conftest import CLERK_PASSWORD


class Receiver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.results: list[object] = []
        self.errors: list[str] = []
        self.progress: list[tuple[object, ...]] = []
        self.threads: list[QThread] = []

    def done(self, result: object) -> None:
        self.threads.append(QThread.currentThread())
        self.results.append(result)

    def failed(self, exc: BaseException, trace: str) -> None:
        self.errors.append(f"{type(exc).__name__}: {exc}")
        assert "Traceback" in trace

    def step(self, *values: object) -> None:
        self.progress.append(values)


@pytest.fixture
def runner(qapp):
    r = TaskRunner()
    yield r
    r.shutdown()


def test_results_errors_and_progress_arrive_on_the_ui_thread_in_order(qapp, runner):
    receiver = Receiver()

    def work(progress):
        for i in range(5):
            progress(i, 5)
        return "done"

    def broken(_progress):
        raise ValueError("no such shift")

    runner.submit(work, receiver, receiver.done, receiver.failed, receiver.step)
    runner.submit(broken, receiver, receiver.done, receiver.failed)
    assert runner.wait_idle()
    assert receiver.results == ["done"]
    assert receiver.threads == [qapp.thread()]
    assert receiver.progress == [(i, 5) for i in range(5)]
    assert receiver.errors == ["ValueError: no such shift"]
    assert runner.pending == 0


def test_ten_thousand_tasks_leave_nothing_behind(qapp, runner):
    receiver = Receiver()
    payload = list(range(100))

    def batch() -> None:
        for i in range(1000):
            work = lambda p, i=i: (p(i, 1000), payload[i % 100])[1]  # noqa: E731
            runner.submit(work, receiver, receiver.done, None, receiver.step)
        assert runner.wait_idle()
        receiver.results.clear()
        receiver.progress.clear()
        receiver.threads.clear()

    batch()  # warm-up: the worker threads, the caches of the first calls
    gc.collect()
    objects = len(gc.get_objects())
    children = len(runner.children())
    for _ in range(10):
        batch()
    gc.collect()
    assert runner.pending == 0
    assert runner.worker_count <= 3  # threads are reused, not one per task
    assert len(runner.children()) == children  # no QObject per task
    assert len(gc.get_objects()) - objects < 200, "finished tasks are kept somewhere"


def test_a_result_for_a_deleted_receiver_is_dropped(qapp, runner):
    receiver = Receiver()
    started, release = threading.Event(), threading.Event()
    delivered: list[object] = []

    def work(_progress):
        started.set()
        release.wait(10)
        return "late"

    runner.submit(work, receiver, delivered.append)
    assert started.wait(10)
    Shiboken.delete(receiver)  # the dialog that asked was closed and deleted mid-run
    release.set()
    assert runner.wait_idle()
    assert delivered == []
    assert runner.pending == 0


def test_cancel_drops_the_result_and_stop_delivers_it(qapp, runner):
    receiver = Receiver()

    def until_stopped(progress):
        assert progress.stop_event.wait(10)
        return "best so far"

    cancelled = runner.submit(until_stopped, receiver, receiver.done)
    stopped = runner.submit(until_stopped, receiver, receiver.done)
    cancelled.cancel()
    stopped.stop()
    assert runner.wait_idle()
    assert receiver.results == ["best so far"]


def test_shutdown_cancels_running_work_and_ends_the_threads(qapp):
    runner = TaskRunner()
    receiver = Receiver()
    started, seen_stop = threading.Event(), threading.Event()

    def long_work(progress):
        started.set()
        if progress.stop_event.wait(30):
            seen_stop.set()
        return "never delivered"

    runner.submit(long_work, receiver, receiver.done)
    assert started.wait(10)
    runner.shutdown()
    assert seen_stop.is_set()
    assert receiver.results == []
    assert runner.worker_count == 0
    with pytest.raises(RuntimeError):
        runner.submit(long_work, receiver, receiver.done)


def test_the_window_owns_the_runner_of_everything_inside_it(qtbot, services, clerk):
    before = application_runner().submitted
    window = MainWindow(services, clerk)
    qtbot.addWidget(window)
    assert window.task_runner.wait_idle()
    assert window.task_runner.submitted >= 2  # the log's first page, the escalation check
    assert TaskRunner.of(window.log_tab.model) is window.task_runner
    assert TaskRunner.of(window.ticket_tab) is window.task_runner
    assert application_runner().submitted == before
    window.close()
    assert window.task_runner.worker_count == 0


def test_signing_out_during_a_roster_search_stops_the_search(qtbot, services, supervisor, monkeypatch):
    from desk_app.ui.roster_tab import generate

    real_solve, searches = generate.solve, []

    def held_solve(problem, time_limit, *, progress, stop):
        # The real CP-SAT search, held at its first roster until someone stops it (a small
        # desk's month is otherwise solved to the optimum before the test can sign out).
        def hold(*values):
            progress(*values)
            stop.wait(30)

        searches.append(real_solve(problem, time_limit, progress=hold, stop=stop))
        return searches[-1]

    monkeypatch.setattr(generate, "solve", held_solve)
    services.accounts.create(supervisor, "wang", "王丽", CLERK_PASSWORD, Role.CLERK)
    services.accounts.create(supervisor, "li", "李娜", CLERK_PASSWORD, Role.CLERK)
    window = MainWindow(services, supervisor)
    qtbot.addWidget(window)
    window.show()
    tab = window.roster_tab
    tab.time_limit.setValue(600)
    finished: list[object] = []
    tab.generator.finished.connect(finished.append)
    improved = threading.Event()
    tab.generator.improved.connect(lambda *_: improved.set())
    assert tab.generate()
    task = tab.generator.task
    assert task is not None
    qtbot.waitUntil(improved.is_set, timeout=60_000)  # the search is under way
    with qtbot.waitSignal(window.signed_out, timeout=10_000):
        window.sign_out()
    assert task.stop_event.is_set() and task.cancelled
    assert window.task_runner.worker_count == 0  # the solver's thread has ended
    assert searches[0].status == "FEASIBLE" and searches[0].wall_time < 30  # stopped, not timed out
    assert finished == []  # nothing was saved for a window that is gone
    assert services.roster.month(2026, 12).assignments() == []


def test_a_document_made_for_a_closed_window_leaves_no_copy(qtbot, services, clerk, monkeypatch):
    from desk_app.ui.documents import DocumentRunner, Output

    window = MainWindow(services, clerk)
    qtbot.addWidget(window)
    documents = DocumentRunner(window.log_tab)
    started, release = threading.Event(), threading.Event()
    made: list[object] = []

    def render(target, _progress):
        started.set()
        release.wait(10)
        target.write_bytes(b"%PDF-1.4 confidential")
        made.append(target)

    documents.start(render, "值班记录表.pdf", Output.SAVE_PDF)
    assert started.wait(10)
    release.set()
    window.close()  # signing out while the PDF is being made: cancelled, and cleaned up
    assert made and not made[0].parent.exists()
