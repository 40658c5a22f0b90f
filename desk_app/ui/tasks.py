"""Running work off the UI thread: database scans, printing, solving.

``run_in_background(fn, on_done, on_error, on_progress)`` runs ``fn(progress)`` on Qt's
global thread pool; ``progress(done, total)`` may be called from the worker and is
delivered to ``on_progress`` on the UI thread. Results and errors come back as queued
signals, so slots always run on the UI thread. Services open their own short sessions,
so the worker never shares a database session with the window.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal

ProgressFn = Callable[[int, int], None]

# Tasks alive until they finish: a QRunnable collected by Python while its thread still
# runs would crash the program.
_running: set[Task] = set()


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object, str)
    progress = Signal(int, int)
    finished = Signal()


class Task(QRunnable):
    def __init__(self, fn: Callable[[ProgressFn], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = _Signals()
        self.cancelled = False

    def run(self) -> None:  # worker thread
        try:
            result = self.fn(self._report)
        except Exception as exc:  # handed to the UI thread, never swallowed
            if not self.cancelled:
                self.signals.failed.emit(exc, traceback.format_exc())
            self.signals.finished.emit()
            return
        if not self.cancelled:
            self.signals.done.emit(result)
        self.signals.finished.emit()

    def _report(self, done: int, total: int) -> None:
        if not self.cancelled:
            self.signals.progress.emit(done, total)


def run_in_background(
    fn: Callable[[ProgressFn], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException, str], None],
    on_progress: Callable[[int, int], None] | None = None,
    *,
    context: QObject,
) -> Task:
    """Start ``fn`` on the global pool; the callbacks run on ``context``'s (the UI) thread.

    When ``context`` (a widget or model) is destroyed, results are dropped instead of
    reaching a dead object.
    """
    task = Task(fn)
    task.setAutoDelete(False)  # kept alive by _running until it finishes
    relay = _Relay(context, on_done, on_error, on_progress)
    queued = Qt.ConnectionType.QueuedConnection
    task.signals.done.connect(relay.done, queued)
    task.signals.failed.connect(relay.failed, queued)
    task.signals.progress.connect(relay.progress, queued)
    context.destroyed.connect(lambda *_: setattr(task, "cancelled", True))
    _running.add(task)
    task.signals.finished.connect(lambda: _running.discard(task))
    QThreadPool.globalInstance().start(task)
    return task


class _Relay(QObject):
    """Lives in the UI thread as a child of ``context``: queued slots run there."""

    def __init__(
        self,
        context: QObject,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException, str], None],
        on_progress: Callable[[int, int], None] | None,
    ) -> None:
        super().__init__(context)
        self._on_done = on_done
        self._on_error = on_error
        self._on_progress = on_progress

    def done(self, result: object) -> None:
        self._on_done(result)
        self.deleteLater()

    def failed(self, exc: object, trace: str) -> None:
        assert isinstance(exc, BaseException)
        self._on_error(exc, trace)
        self.deleteLater()

    def progress(self, done: int, total: int) -> None:
        if self._on_progress is not None:
            self._on_progress(done, total)
