"""Running work off the UI thread: database scans, printing, solving, backups.

One ``TaskRunner`` per owner: the main window owns the one every tab, dialog and watch
inside it uses, and the start-up owns one for what comes before the window (the backup
check, the daily backup). In the manner of Electrum's ``TaskThread``:

* the runner's worker threads (``QThread`` objects made on the UI thread, reused for
  every task) take tasks from a queue; a task is a plain Python object, never a Qt one;
* results, errors and progress come back through two signals of the runner itself,
  connected once to its own slots when it is made: no connection per task, no lambda that
  captures a task, nothing for a finished task to leave behind;
* the callbacks run on the UI thread. A result whose receiver (the widget or model that
  asked) has been deleted is dropped;
* ``cancel`` and ``stop`` set the task's stop event, which the work reads (the roster's
  CP-SAT search stops on it). A cancelled task's result is dropped; a stopped one's is
  delivered (the best roster so far). Closing the owner cancels everything it runs;
  a task's ``on_dropped`` is called instead of its callbacks when its outcome reaches
  nobody (cancelled, its receiver deleted, or never run), to remove what it left behind.

``TaskRunner.of(obj)`` finds the runner of the nearest owner above ``obj``; outside any
(a widget made alone in a test) it is the application's own.
"""

from __future__ import annotations

import atexit
import itertools
import logging
import queue
import threading
import traceback
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEventLoop, QObject, Qt, QThread, Signal
from shiboken6 import Shiboken

log = logging.getLogger(__name__)

ProgressFn = Callable[..., None]  # progress(done, total) or any values the receiver expects
Work = Callable[["Progress"], Any]
OnDone = Callable[[Any], None]
OnError = Callable[[BaseException, str], None]

MAX_WORKERS = 3  # a roster search and a print may run while the minute's checks go on


@dataclass(eq=False)
class Task:
    """One piece of work and where its outcome goes.

    The runner holds it until its outcome is delivered, or drops it at shutdown. Delivered,
    it lets go of its work and callbacks at once: a Task someone keeps afterwards (to stop
    or cancel it, or a test) holds nothing of what it ran, only its id and flags."""

    id: int
    work: Work
    receiver: QObject
    on_done: OnDone | None
    on_error: OnError | None
    on_progress: ProgressFn | None
    on_dropped: Callable[[], None] | None = None
    stop_event: threading.Event = field(default_factory=threading.Event)
    cancelled: bool = False

    def stop(self) -> None:
        """End the work early; what it returns is still delivered."""
        self.stop_event.set()

    def cancel(self) -> None:
        """End the work early and drop what it returns."""
        self.cancelled = True
        self.stop_event.set()


class Progress:
    """What the work is given: call it to report progress; ``stop_event`` says to end early."""

    __slots__ = ("_runner", "_task")

    def __init__(self, runner: TaskRunner, task: Task) -> None:
        self._runner = runner
        self._task = task

    def __call__(self, *values: Any) -> None:
        if not self._task.cancelled:
            self._runner._progressed.emit((self._task.id, values))

    @property
    def stop_event(self) -> threading.Event:
        return self._task.stop_event


class _Worker(QThread):
    def __init__(self, tasks: queue.SimpleQueue[Task | None], execute: Callable[[Task], None]) -> None:
        super().__init__()
        self._tasks = tasks
        self._execute = execute

    def run(self) -> None:  # worker thread
        while True:
            task = self._tasks.get()
            if task is None:
                return
            self._execute(task)


class _Workers:
    """The runner's threads. A plain object, so that it can still end them when the runner
    is deleted without being shut down (a QThread deleted while running aborts the program)."""

    def __init__(self) -> None:
        self.queue: queue.SimpleQueue[Task | None] = queue.SimpleQueue()
        self.threads: list[_Worker] = []

    def add(self, execute: Callable[[Task], None]) -> None:
        worker = _Worker(self.queue, execute)
        self.threads.append(worker)
        worker.start()

    def end_with_runner(self, *_destroyed: object) -> None:
        self.end()

    def end(self, timeout_ms: int = 30_000) -> None:
        for _ in self.threads:
            self.queue.put(None)
        for worker in self.threads:
            if not worker.wait(timeout_ms):
                log.error("a background task did not end within %d ms of closing", timeout_ms)
                worker.wait()
        self.threads.clear()


class TaskRunner(QObject):
    """Background work for one owner; see the module's text."""

    # Emitted on worker threads, delivered to this object's slots on the UI thread.
    _finished = Signal(object)  # (task id, result, error, trace)
    _progressed = Signal(object)  # (task id, values)

    def __init__(self, parent: QObject | None = None, max_workers: int = MAX_WORKERS) -> None:
        super().__init__(parent)
        self._workers = _Workers()
        self._max_workers = max_workers
        self._tasks: dict[int, Task] = {}
        self._busy = 0  # tasks queued or running on a worker
        self._ids = itertools.count(1)
        self._closed = False
        self.submitted = 0  # tasks ever submitted (a test checks which runner got them)
        queued = Qt.ConnectionType.QueuedConnection
        self._finished.connect(self._deliver, queued)
        self._progressed.connect(self._report, queued)
        self.destroyed.connect(self._workers.end_with_runner)
        _runners.add(self)

    # -- finding the runner ----------------------------------------------------------
    @staticmethod
    def of(obj: QObject | None) -> TaskRunner:
        """The runner of the nearest owner at or above ``obj``, else the application's."""
        while obj is not None:
            runner = getattr(obj, "task_runner", None)
            if isinstance(runner, TaskRunner) and not runner._closed:
                return runner
            obj = obj.parent()
        return application_runner()

    # -- the UI thread's side ---------------------------------------------------------
    @property
    def pending(self) -> int:
        """Tasks not yet delivered (queued, running, or with an outcome on its way)."""
        return len(self._tasks)

    @property
    def worker_count(self) -> int:
        return len(self._workers.threads)

    def submit(
        self,
        work: Work,
        receiver: QObject,
        on_done: OnDone | None = None,
        on_error: OnError | None = None,
        on_progress: ProgressFn | None = None,
        on_dropped: Callable[[], None] | None = None,
    ) -> Task:
        """Run ``work(progress)`` on a worker; the callbacks run on the UI thread, and only
        while ``receiver`` lives. An error with no ``on_error`` is logged. ``on_dropped``
        (a plain function, not a method of the receiver, which may be gone) is called
        instead when the outcome will reach nobody: to remove what the work left behind."""
        if self._closed:
            raise RuntimeError("the task runner is shut down")
        task = Task(next(self._ids), work, receiver, on_done, on_error, on_progress, on_dropped)
        self.submitted += 1
        self._tasks[task.id] = task
        self._busy += 1
        threads = len(self._workers.threads)
        if self._busy > threads and threads < self._max_workers:
            self._workers.add(self._execute)
        self._workers.queue.put(task)
        return task

    def wait_idle(self, timeout_ms: int = 30_000) -> bool:
        """Process events until every task is delivered (tests, and closing)."""
        timer = QElapsedTimer()
        timer.start()
        while self._tasks:
            if timer.elapsed() > timeout_ms:
                return False
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            if self._tasks and self._busy:
                QThread.msleep(1)
        return True

    def shutdown(self, timeout_ms: int = 30_000) -> None:
        """Cancel everything, let the workers finish what they hold, and end them."""
        if self._closed:
            return
        self._closed = True
        for task in self._tasks.values():
            task.cancel()
        self._workers.end(timeout_ms)
        QCoreApplication.sendPostedEvents(self)  # the last outcomes, dropped as cancelled
        for task in self._tasks.values():  # never ran, or its outcome never came
            if task.on_dropped is not None:
                task.on_dropped()
        self._tasks.clear()

    def _deliver(self, outcome: tuple[int, Any, BaseException | None, str]) -> None:
        task_id, result, error, trace = outcome
        self._busy -= 1
        task = self._tasks.pop(task_id, None)
        if task is None:
            return
        callbacks = (task.on_done, task.on_error)
        receiver, dropped = task.receiver, task.on_dropped
        # The task lets go of its work and callbacks at once: nothing it held outlives it.
        task.work = _nothing
        task.on_done = task.on_error = task.on_progress = task.on_dropped = None
        if task.cancelled or not Shiboken.isValid(receiver):
            if dropped is not None:
                dropped()
            return
        on_done, on_error = callbacks
        if error is None:
            if on_done is not None:
                on_done(result)
        elif on_error is not None:
            on_error(error, trace)
        else:
            log.error("background task failed: %s\n%s", error, trace)

    def _report(self, message: tuple[int, tuple[Any, ...]]) -> None:
        task_id, values = message
        task = self._tasks.get(task_id)
        if task is None or task.cancelled or task.on_progress is None or not Shiboken.isValid(task.receiver):
            return
        task.on_progress(*values)

    # -- the worker's side -------------------------------------------------------------
    def _execute(self, task: Task) -> None:  # worker thread
        result: Any = None
        error: BaseException | None = None
        trace = ""
        if not task.cancelled:
            try:
                result = task.work(Progress(self, task))
            except Exception as exc:  # handed to the UI thread, never swallowed
                error, trace = exc, traceback.format_exc()
        self._finished.emit((task.id, result, error, trace))


def _nothing(_progress: Progress) -> None:
    return None


_application_runner: TaskRunner | None = None
_runners: weakref.WeakSet[TaskRunner] = weakref.WeakSet()


def live_runners() -> list[TaskRunner]:
    """Every runner not yet deleted (the tests wait for them at teardown)."""
    return [r for r in _runners if Shiboken.isValid(r)]


@atexit.register
def _end_all_runners() -> None:
    """A script that never ran the event loop (a benchmark, the smoke test) still ends its
    worker threads before Python goes: a QThread deleted while running aborts the process."""
    for runner in live_runners():
        runner.shutdown(timeout_ms=10_000)


def application_runner() -> TaskRunner:
    """The runner for work outside any owner; shut down when the application quits."""
    global _application_runner
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("no QApplication: background tasks need one")
    runner = _application_runner
    if runner is None or not Shiboken.isValid(runner) or runner._closed:
        runner = TaskRunner(app)
        app.aboutToQuit.connect(runner.shutdown)
        _application_runner = runner
    return runner
