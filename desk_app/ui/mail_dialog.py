"""The mail server reports are sent from: this computer's settings (QSettings) and the
password, which goes to the system's password store, never to a file."""

from __future__ import annotations

import contextlib

from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desk_app import local_settings, mailer, secrets
from desk_app.domain.errors import DeskError
from desk_app.ui.service_dialog import ServiceDialog, failure_text
from desk_app.ui.tasks import Task, TaskRunner
from desk_app.ui.widgets_common import PLAIN_STYLE


class MailDialog(ServiceDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mail server"))
        server = local_settings.mail_server()
        self.host = QLineEdit(server.host)
        self.host.setPlaceholderText("smtp.example.com")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(server.port)
        self.tls = QCheckBox(self.tr("TLS from the start (port 465); unticked: STARTTLS (port 587)"))
        self.tls.setChecked(server.tls)
        self.user = QLineEdit(server.user)
        self.sender_address = QLineEdit(server.sender)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        stored = False
        with contextlib.suppress(DeskError):  # no password store: say "not stored"
            stored = bool(server.user and secrets.mail_password(server.user))
        self.password.setPlaceholderText(
            self.tr("stored in the system's password store") if stored else self.tr("not stored yet")
        )
        self.test_to = QLineEdit()
        self.test_to.setPlaceholderText(self.tr("address for a test mail"))
        self.test_button = QPushButton(self.tr("Send a test mail"))
        self.test_button.clicked.connect(self.send_test)
        self.task: Task | None = None
        self.message.setStyleSheet(PLAIN_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("Server:"), self.host)
        form.addRow(self.tr("Port:"), self.port)
        form.addRow("", self.tls)
        form.addRow(self.tr("User:"), self.user)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Sender address:"), self.sender_address)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_to, 1)
        test_row.addWidget(self.test_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(test_row)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def save(self) -> bool:
        server = local_settings.MailServer(
            self.host.text().strip(),
            self.port.value(),
            self.user.text().strip(),
            self.sender_address.text().strip(),
            self.tls.isChecked(),
        )
        if self.password.text() and not self.attempt(
            lambda: secrets.set_mail_password(server.user, self.password.text())
        ):
            return False
        local_settings.set_mail_server(server)
        self.password.clear()
        self.password.setPlaceholderText(self.tr("stored in the system's password store"))
        self.show_message(self.tr("Saved."))
        return True

    def send_test(self) -> Task | None:
        if not self.save():
            return None
        server, to = local_settings.mail_server(), [self.test_to.text().strip()]
        subject = self.tr("DutyDesk test mail")
        body = self.tr("The duty desk can send reports from this address.")
        self.test_button.setEnabled(False)
        self.task = TaskRunner.of(self).submit(
            lambda _p: mailer.send(server, to, subject, body), self, self._sent, self._failed
        )
        return self.task

    def _sent(self, _result: object) -> None:
        self.test_button.setEnabled(True)
        self.show_message(self.tr("The test mail was sent."))

    def _failed(self, exc: BaseException, _trace: str) -> None:
        self.test_button.setEnabled(True)
        self.show_error(failure_text(exc))
