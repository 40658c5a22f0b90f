"""The crash that comes after hours: PySide6 6.12.0 on CPython 3.11 drops a reference to
``True`` on every Python-side signal emission, and the program aborts with ``bool_dealloc``
once the count reaches zero. The program's own signal paths — background tasks with their
progress, the log list's model, the window's timers and watches — are driven tens of
thousands of times here, and the counts of ``True``, ``False`` and ``None`` must not move.

Checked once against PySide6 6.12.0 (uv run --with PySide6==6.12.0 pytest this file): it
fails there, with True losing one reference per emission; and against 6.11.3, where the
item table test fails with None gaining one reference per cell."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEventLoop, QTimer

from desk_app.ui.main_window import MainWindow
from desk_app.ui.refcounts import drift, emit_drift

LIMIT = 50  # a few references come and go with caches; a leak moves thousands

# pytest-qt keeps every Qt message as a record (the offscreen platform warns on each layout
# change of the window), which would hold references of its own.
pytestmark = pytest.mark.no_qt_log


@pytest.fixture
def window(qtbot, services, clerk):
    w = MainWindow(services, clerk)
    qtbot.addWidget(w)
    w.show()
    assert w.task_runner.wait_idle()
    return w


def _within(moved: tuple[int, int, int]) -> bool:
    return all(abs(m) <= LIMIT for m in moved)


def test_a_plain_emit_keeps_the_counts(qapp):
    moved = emit_drift(20_000)
    assert _within(moved), f"True, False, None moved by {moved} after 20,000 emits"


def test_background_tasks_with_progress_keep_the_counts(window):
    runner, receiver = window.task_runner, window.log_tab
    delivered = [0]

    def work(progress):
        progress(1, 2)
        return True

    def done(result: object) -> None:
        delivered[0] += result is True

    def one_batch() -> None:
        for _ in range(250):
            runner.submit(work, receiver, done, None, lambda *_: None)
        assert runner.wait_idle()

    one_batch()
    moved = drift(one_batch, 80, chunk=4)  # 20,000 tasks, 40,000 emissions
    assert _within(moved), f"True, False, None moved by {moved} after 20,000 tasks"
    assert delivered[0] == 250 * 81


def test_the_log_list_model_keeps_the_counts(window):
    model = window.log_tab.model

    def reload() -> None:
        model.reload()
        assert window.task_runner.wait_idle()

    for _ in range(200):  # warm-up: SQLAlchemy's statement cache fills on the first queries
        reload()
    moved = drift(reload, 1000, chunk=100)
    assert _within(moved), f"True, False, None moved by {moved} after 1,000 reloads"


def test_the_window_timers_and_watches_keep_the_counts(qapp, window):
    idle = window.idle_watch
    watch = window.escalation_watch

    def tick() -> None:
        idle.timer.timeout.emit()  # the idle lock's 15-second check, as Qt fires it
        watch.notices_changed.emit([])  # what the escalation watch says every minute
        window.handover_tab.status_changed.emit("")

    moved = drift(tick, 20_000)
    assert _within(moved), f"True, False, None moved by {moved} after 20,000 timer ticks"

    # A real timer firing through the event loop, into the window's own slot.
    timer = QTimer()
    timer.setInterval(0)
    fired = [0]

    def on_timeout() -> None:
        fired[0] += 1
        idle.check()
        if fired[0] >= 20_000:
            loop.quit()

    timer.timeout.connect(on_timeout)
    loop = QEventLoop()

    def run_loop() -> None:
        timer.start()
        loop.exec()
        timer.stop()

    moved = drift(run_loop, 1)
    assert fired[0] == 20_000
    assert _within(moved), f"True, False, None moved by {moved} after 20,000 timeouts"


def test_an_item_table_rebuilt_again_and_again_keeps_the_counts(qtbot):
    """The handover tab's list: read-only items with tooltips in a shown table whose columns
    fit their contents (measured again each time), rebuilt every 30 seconds."""
    from desk_app.ui.handover_tab.common import fit_columns, plain_table, read_only_item

    table = plain_table(["Date", "Shift", "Outgoing", "Incoming"], stretch=3)
    qtbot.addWidget(table)
    table.show()

    def rebuild() -> None:
        table.setRowCount(5)
        for row in range(5):
            for column in range(4):
                table.setItem(row, column, read_only_item(f"{row}-{column}"))
        fit_columns(table, stretch=3)

    rebuild()
    moved = drift(rebuild, 500, chunk=100)  # 10,000 cells
    assert _within(moved), f"True, False, None moved by {moved} after 500 rebuilds"
