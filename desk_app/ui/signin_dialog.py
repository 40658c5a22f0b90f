"""Sign-in: user name and password, Enter signs in. Every record carries who made it."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.errors import DeskError
from desk_app.domain.roles import Actor
from desk_app.services.container import Services
from desk_app.ui.i18n import APP_TITLE, translate_error
from desk_app.ui.service_dialog import ServiceDialog
from desk_app.ui.widgets_common import SIGN_IN_ERROR_STYLE

log = logging.getLogger(__name__)


class SignInDialog(ServiceDialog):
    error_style = SIGN_IN_ERROR_STYLE

    def __init__(self, services: Services, parent: QWidget | None = None, username: str = "") -> None:
        super().__init__(parent)
        self._services = services
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Sign in — {app}").format(app=APP_TITLE))

        self.desk_label = QLabel(services.desk.info().name)
        font = self.desk_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.desk_label.setFont(font)
        self.desk_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.desk_label.setWordWrap(True)

        self.username = QLineEdit(username)
        self.username.setPlaceholderText(self.tr("for example wangli"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message.hide()

        form = QFormLayout()
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Password:"), self.password)

        self.buttons = QDialogButtonBox()
        self.sign_in_button = self.buttons.addButton(self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit_button = self.buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.sign_in_button.setDefault(True)  # Enter in either field signs in
        self.buttons.accepted.connect(self.sign_in)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.desk_label)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        (self.password if username else self.username).setFocus()

    def sign_in(self) -> None:
        try:
            self.actor = self._services.accounts.authenticate(self.username.text(), self.password.text())
        except DeskError as exc:
            log.info("sign-in refused for %r: %s", self.username.text().strip(), exc.english())
            self.show_error(translate_error(exc))  # not attempt(): the refusal is logged
            self.password.clear()
            self.password.setFocus()
            return
        log.info("signed in: %s (%s)", self.actor.username, self.actor.role.value)
        self.accept()
