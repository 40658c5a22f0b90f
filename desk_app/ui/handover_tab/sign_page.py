"""Step 5: both clerks sign with their own passwords; only then is the shift handed over."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QVBoxLayout

from desk_app.domain.handover import Disposition, Step
from desk_app.ui.handover_tab.common import problem_text
from desk_app.ui.handover_tab.page_base import StepPage
from desk_app.ui.service_dialog import attempt
from desk_app.ui.widgets_common import ERROR_STYLE, WARNING_STYLE, message_label

if TYPE_CHECKING:
    from desk_app.ui.handover_tab.wizard import HandoverWizard


FIELD_WIDTH = 320


class SignPage(StepPage):
    step = Step.SIGN_OFF

    def __init__(self, desk: HandoverWizard) -> None:
        super().__init__(desk)
        self.setTitle(self.tr("5. Sign-off"))
        self.setSubTitle(
            self.tr("Both clerks sign with their own passwords. Only then may the outgoing clerk leave the desk.")
        )
        self.setFinalPage(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.outgoing_password = QLineEdit()
        self.outgoing_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.incoming_username = QLineEdit()
        self.incoming_password = QLineEdit()
        self.incoming_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = message_label()
        for field in (self.outgoing_password, self.incoming_username, self.incoming_password):
            field.setMaximumWidth(FIELD_WIDTH)

        outgoing = QGroupBox(self.tr("Outgoing clerk: {name}").format(name=desk.view.outgoing_name))
        out_form = QFormLayout(outgoing)
        out_form.addRow(self.tr("Password"), self.outgoing_password)
        incoming = QGroupBox(self.tr("Incoming clerk"))
        in_form = QFormLayout(incoming)
        in_form.addRow(self.tr("User name"), self.incoming_username)
        in_form.addRow(self.tr("Password"), self.incoming_password)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(outgoing)
        layout.addWidget(incoming)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.reason)

        for field in (self.outgoing_password, self.incoming_username, self.incoming_password):
            field.textChanged.connect(self._typed)
        self.load()

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        if not self.incoming_username.text() and self.desk.incoming_username:
            self.incoming_username.setText(self.desk.incoming_username)
        self.load()
        self.outgoing_password.setFocus()

    def load(self) -> None:
        draft = self.draft
        differences = sum(1 for c in draft.counts if c.needs_explanation)
        handed = sum(1 for w in draft.open_work if w.disposition is Disposition.HANDED_OVER)
        closed = sum(1 for w in draft.open_work if w.disposition is Disposition.CLOSED)
        self.summary.setText(
            self.tr(
                "{items} items counted, {differences} with a difference or damage; {closed} open "
                "items closed, {handed} handed over; {anomalies} anomalies; {faults} faults."
            ).format(
                items=len(draft.counts),
                differences=differences,
                closed=closed,
                handed=handed,
                anomalies=len(draft.anomalies),
                faults=len(draft.faults),
            )
        )
        self.refresh_reason()

    def _passwords_typed(self) -> bool:
        return bool(
            self.outgoing_password.text() and self.incoming_username.text().strip() and self.incoming_password.text()
        )

    def _typed(self) -> None:
        self.message.clear()
        self.refresh_reason()
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self.draft.can_sign() and self._passwords_typed()

    def refresh_reason(self) -> None:
        blocking = self.draft.blocking()
        self.reason.setStyleSheet(ERROR_STYLE)
        if blocking:
            self.reason.setText(problem_text(blocking[0]))
        elif not self._passwords_typed():
            self.reason.setStyleSheet(WARNING_STYLE)
            self.reason.setText(self.tr("Both clerks type their passwords to sign."))
        else:
            self.reason.clear()

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        signed = attempt(
            lambda: self.desk.sign(
                self.outgoing_password.text(),
                self.incoming_username.text().strip(),
                self.incoming_password.text(),
            ),
            self.message.setText,  # after the clearing, which clears it
            clear=(self.outgoing_password, self.incoming_password),
        )
        return signed is not None
