"""Backups and the idle lock, for a supervisor: the folder backups go to (this computer's
setting: a USB drive or a network share), a backup made now, the backups there; and how
long the desk computer may stay unused before the window locks (the desk's rule)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desk_app import local_settings
from desk_app.domain.roles import Actor
from desk_app.services.backup import BackupPlan
from desk_app.services.container import Services
from desk_app.storage.database import sqlite_path
from desk_app.ui import save_files
from desk_app.ui.service_dialog import ServiceDialog, failure_text
from desk_app.ui.tasks import Task, TaskRunner
from desk_app.ui.widgets_common import PLAIN_STYLE


class BackupDialog(ServiceDialog):
    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Backups and locking"))
        self._services = services
        self._actor = actor
        self.task: Task | None = None
        self.folder = QLineEdit(str(local_settings.backup_folder()))
        self.folder.setReadOnly(True)
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self.choose_folder)
        self.now_button = QPushButton(self.tr("Back up now"))
        self.now_button.clicked.connect(self.back_up_now)
        self.list = QListWidget()
        self.idle = QSpinBox()
        self.idle.setRange(1, 240)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setValue(services.desk.idle_lock_minutes())
        save_idle = QPushButton(self.tr("Save"))
        save_idle.clicked.connect(self.save_idle)
        self.message.setStyleSheet(PLAIN_STYLE)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)
        idle_row = QHBoxLayout()
        idle_row.addWidget(self.idle)
        idle_row.addWidget(save_idle)
        idle_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Backup folder:"), folder_row)
        form.addRow(self.tr("Lock the window after:"), idle_row)
        hint = QLabel(
            self.tr(
                "A backup is made every day the program runs; dailies are kept for a month, the "
                "first of each month for three years. Restore with “desk-app restore FILE” while "
                "DutyDesk is closed; the backup is checked first and the current database kept aside."
            )
        )
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.now_button)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(640, 460)
        self.show_backups()

    def _plan(self) -> BackupPlan:
        return BackupPlan(Path(self.folder.text()), self._services.clock)

    def show_backups(self) -> None:
        self.list.clear()
        for backup in self._plan().backups():
            self.list.addItem(f"{backup.made:%Y-%m-%d %H:%M}  {backup.path.name}")
        if self.list.count() == 0:
            self.list.addItem(self.tr("No backups in this folder yet."))

    def choose_folder(self) -> None:
        chosen = save_files.ask_folder(self, self.tr("Backup folder"), Path(self.folder.text()))
        if chosen is not None:
            self.set_folder(chosen)

    def set_folder(self, folder: Path) -> None:
        local_settings.set_backup_folder(folder)
        self.folder.setText(str(folder))
        self.show_backups()

    def back_up_now(self) -> Task | None:
        database = sqlite_path(self._services.db.url)
        if database is None:
            return None
        plan = self._plan()
        self.now_button.setEnabled(False)
        self.task = TaskRunner.of(self).submit(lambda _p: plan.manual(database), self, self._made, self._failed)
        return self.task

    def _made(self, path: object) -> None:
        self.now_button.setEnabled(True)
        self.show_message(self.tr("Backed up to {path}.").format(path=str(path)))
        self.show_backups()
        save_files.confirm_saved(self, Path(str(path)))

    def _failed(self, exc: BaseException, _trace: str) -> None:
        self.now_button.setEnabled(True)
        self.show_error(failure_text(exc))

    def save_idle(self) -> bool:
        if not self.attempt(lambda: self._services.desk.set_idle_lock_minutes(self._actor, self.idle.value())):
            return False
        self.show_message(
            self.tr("Saved: the window locks after {n} minutes from the next sign-in.").format(n=self.idle.value())
        )
        return True
