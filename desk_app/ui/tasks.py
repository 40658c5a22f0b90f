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

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

ProgressFn = Callable[[int, int], None]


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object, str)
    progress = Signal(int, int)


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
            return
        if not self.cancelled:
            self.signals.done.emit(result)

    def _report(self, done: int, total: int) -> None:
        if not self.cancelled:
            self.signals.progress.emit(done, total)


def run_in_background(
    fn: Callable[[ProgressFn], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException, str], None],
    on_progress: Callable[[int, int], None] | None = None,
    *,
    context: QObject | None = None,
) -> Task:
    """Start ``fn`` on the global pool. ``context`` (a widget) scopes the slot connections:
    when it is destroyed, results are dropped instead of reaching a dead widget."""
    task = Task(fn)
    task.setAutoDelete(False)  # the caller keeps the Task to cancel it
    if context is not None:
        task.signals.done.connect(on_done, type=_queued())
        task.signals.failed.connect(on_error, type=_queued())
        if on_progress is not None:
            task.signals.progress.connect(on_progress, type=_queued())
        context.destroyed.connect(lambda *_: setattr(task, "cancelled", True))
    else:
        task.signals.done.connect(on_done)
        task.signals.failed.connect(on_error)
        if on_progress is not None:
            task.signals.progress.connect(on_progress)
    QThreadPool.globalInstance().start(task)
    return task


def _queued():
    from PySide6.QtCore import Qt

    return Qt.ConnectionType.QueuedConnection
