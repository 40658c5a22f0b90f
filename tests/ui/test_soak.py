"""The soak test in short (the month is ``benchmarks/soak.py``): two simulated days at the
desk in the real window — every timer at its real rate on the injected clock, six full
handovers, the supervisor's visits, entries, tickets, the idle lock — and nothing of the
program grows from the first day to the second."""

from __future__ import annotations

import pytest

from benchmarks.soak import Desk

# pytest-qt keeps every Qt message as a record, which would hold references of its own.
pytestmark = pytest.mark.no_qt_log


def test_two_simulated_days_at_the_desk_leave_nothing_growing(qapp, tmp_path):
    desk = Desk(tmp_path)
    desk.build()
    result = desk.run(2)
    assert result.check() == []  # no refusal, QObjects, files and True/False/None kept, awake
    first, last = result.readings
    assert last.handovers == 6  # three shifts a day, each handed over to the next clerk
    assert last.entries - first.entries >= 25
    assert last.qobjects == first.qobjects  # the windows of six handovers and two visits are gone
    assert last.python_objects - first.python_objects < first.python_objects // 100
