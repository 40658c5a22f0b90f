"""The automatic daily backup while the program runs: at start and then every hour it
makes today's backup if there is none yet, off the UI thread. A backup that fails (the USB
drive is not plugged in, the share is unreachable) is logged and said in the status bar,
and tried again at the next hour."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from desk_app.domain.errors import DeskError
from desk_app.services.backup import BackupPlan
from desk_app.ui.i18n import translate_error
from desk_app.ui.tasks import Task, TaskRunner

log = logging.getLogger(__name__)

CHECK_EVERY_MS = 60 * 60 * 1000


class BackupScheduler(QObject):
    made = Signal(str)  # the path of a new daily backup
    failed = Signal(str)  # why the backup failed, in the window's language

    def __init__(self, plan: BackupPlan, database: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.database = database
        self.task: Task | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.run)

    def start(self) -> None:
        self.run()
        self.timer.start()

    def run(self) -> Task | None:
        if self.task is not None:
            return None  # the previous one is still copying
        plan, database = self.plan, self.database
        self.task = TaskRunner.of(self).submit(lambda _p: plan.daily(database), self, self._done, self._failed)
        return self.task

    def _done(self, path: object) -> None:
        self.task = None
        if path is not None:
            log.info("daily backup written to %s", path)
            self.made.emit(str(path))

    def _failed(self, exc: BaseException, trace: str) -> None:
        self.task = None
        log.error("daily backup failed: %s\n%s", exc, trace)
        self.failed.emit(translate_error(exc) if isinstance(exc, DeskError) else str(exc))
