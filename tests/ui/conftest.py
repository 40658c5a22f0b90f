"""UI tests keep their settings (language, window geometry) and per-user folders in a
temporary place, never in the real user's."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, QStandardPaths


@pytest.fixture(autouse=True)
def isolated_settings(qapp, tmp_path_factory):
    QStandardPaths.setTestModeEnabled(True)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path_factory.mktemp("settings")))
    qapp.setOrganizationName("DutyDeskTests")
    qapp.setApplicationName("DutyDeskTests")
    yield


@pytest.fixture(autouse=True)
def background_tasks_end(qapp):
    """Every test ends with its background work delivered and the runners' threads ended,
    so that no task of one test runs into the next (or outlives the QApplication)."""
    yield
    from desk_app.ui.tasks import live_runners

    for runner in live_runners():
        assert runner.wait_idle(60_000), "a background task did not finish"
        runner.shutdown()
