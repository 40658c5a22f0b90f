"""Recording a follow-up (or an incident in progress) as dealt with, outside a handover."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.roles import Actor
from desk_app.domain.text_rules import REASON_MAX
from desk_app.services.container import Services
from desk_app.ui.drafts import DraftKeeper
from desk_app.ui.service_dialog import ServiceDialog


class CloseFollowUpDialog(ServiceDialog):
    def __init__(
        self, services: Services, actor: Actor, entry_id: int, situation: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self.entry_id = entry_id
        self.setWindowTitle(self.tr("Close follow-up #{id}").format(id=entry_id))
        self.setMinimumWidth(480)
        shown = QLabel(f"#{entry_id} {situation}")
        shown.setWordWrap(True)
        self.note = QLineEdit()
        self.note.setMaxLength(REASON_MAX + 50)
        self.note.setPlaceholderText(self.tr("How it was dealt with"))
        form = QFormLayout()
        form.addRow(self.tr("Entry"), shown)
        form.addRow(self.tr("Result"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = buttons.addButton(self.tr("Record as done"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.close_follow_up)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.drafts = DraftKeeper(services, actor, f"follow_up_close_{entry_id}", {"note": self.note}, self)
        self.drafts.keep_for(self, self.message)
        self.note.setFocus()

    def close_follow_up(self) -> bool:
        if not self.attempt(
            lambda: self._services.handover.close_follow_up(self._actor, self.entry_id, self.note.text())
        ):
            return False
        self.drafts.discard()
        self.accept()
        return True
