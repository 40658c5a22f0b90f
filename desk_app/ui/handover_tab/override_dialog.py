"""A supervisor lets important unfinished work pass: user name, password and a reason."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.text_rules import REASON_MAX
from desk_app.ui.service_dialog import ServiceDialog

# (user name, password, reason) -> raises DeskError when refused
Submit = Callable[[str, str, str], None]


class OverrideDialog(ServiceDialog):
    def __init__(self, work: str, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._submit = submit
        self.setWindowTitle(self.tr("Supervisor: allow the handover"))
        self.setMinimumWidth(480)
        explanation = QLabel(
            self.tr(
                "“{work}” is important and not finished. A supervisor may allow the handover "
                "anyway; the name and the reason are kept with the handover record."
            ).format(work=work)
        )
        explanation.setWordWrap(True)
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.reason = QLineEdit()
        self.reason.setMaxLength(REASON_MAX + 50)
        self.reason.setPlaceholderText(self.tr("Why the work may be handed over unfinished"))

        form = QFormLayout()
        form.addRow(self.tr("Supervisor user name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Reason"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.allow_button = buttons.addButton(self.tr("Allow"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.allow)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.username.setFocus()

    def allow(self) -> bool:
        submitted = self.attempt(
            lambda: self._submit(self.username.text().strip(), self.password.text(), self.reason.text()),
            clear=(self.password,),
        )
        if submitted is None:
            return False
        self.accept()
        return True
