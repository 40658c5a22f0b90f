"""Sign-in: user name and password, Enter signs in. Every record carries who made it.

A password a supervisor reset must be replaced before the sign-in is usable (the service
saves nothing with it until then): the dialog asks for the new one right there, twice,
and only then signs in. Quitting then signs out again.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.errors import DeskError
from desk_app.domain.roles import Actor
from desk_app.services.container import Services
from desk_app.ui.i18n import APP_TITLE, translate_error
from desk_app.ui.password_dialog import enter_moves_on, password_edit
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

        # Shown only after a sign-in with a reset password.
        self._pending: Actor | None = None
        self._reset_password = ""
        self.new_password = password_edit()
        self.new_password.setPlaceholderText(self.tr("at least 8 characters"))
        self.new_password_repeat = password_edit()
        self.new_box = QGroupBox(self.tr("Choose a new password"))
        self.new_hint = QLabel(
            self.tr("A supervisor reset your password. Choose your own now; the temporary one stops working.")
        )
        self.new_hint.setWordWrap(True)
        new_form = QFormLayout(self.new_box)
        new_form.addRow(self.new_hint)
        new_form.addRow(self.tr("New password:"), self.new_password)
        new_form.addRow(self.tr("Repeat new password:"), self.new_password_repeat)
        enter_moves_on([self.new_password, self.new_password_repeat], self.sign_in)
        self.new_box.hide()

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
        layout.addWidget(self.new_box)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        (self.password if username else self.username).setFocus()

    def sign_in(self) -> None:
        if self._pending is not None:
            self._choose_new_password(self._pending)
            return
        try:
            signed = self._services.accounts.sign_in(self.username.text(), self.password.text())
        except DeskError as exc:
            log.info("sign-in refused for %r: %s", self.username.text().strip(), exc.english())
            self.show_error(translate_error(exc))  # not attempt(): the refusal is logged
            self.password.clear()
            self.password.setFocus()
            return
        if signed.must_change_password:
            log.info("signed in with a reset password: %s must choose a new one", signed.actor.username)
            self._ask_new_password(signed.actor)
            return
        self._signed_in(signed.actor)

    def _ask_new_password(self, actor: Actor) -> None:
        self._pending = actor
        self._reset_password = self.password.text()
        self.username.setReadOnly(True)
        self.password.setReadOnly(True)
        self.sign_in_button.setText(self.tr("Set password and sign in"))
        self.message.hide()
        self.new_box.show()
        self.new_password.setFocus()

    def _choose_new_password(self, actor: Actor) -> None:
        if self.new_password.text() != self.new_password_repeat.text():
            self.show_error(self.tr("The two new passwords are not the same."))
            self.new_password_repeat.clear()
            self.new_password_repeat.setFocus()
            return
        done = self.attempt(
            lambda: self._services.accounts.change_password(actor, self._reset_password, self.new_password.text())
        )
        if not done:
            self.new_password_repeat.clear()
            self.new_password.selectAll()
            self.new_password.setFocus()
            return
        self._pending = None
        self._reset_password = ""
        self._signed_in(actor)

    def _signed_in(self, actor: Actor) -> None:
        self.actor = actor
        log.info("signed in: %s (%s)", actor.username, actor.role.value)
        self.accept()

    def reject(self) -> None:
        """Quit: a sign-in still waiting for its new password ends unused."""
        if self._pending is not None:
            self._services.accounts.sign_out(self._pending)
            self._pending = None
            self._reset_password = ""
        super().reject()
