"""The dialog of one action on a ticket (judge, reply, dispatch, close …): a note and,
when the action needs them, a time, a yes/no, a validity, all in one form. OK carries the
action out; refused, the dialog stays open with the reason and everything typed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.roles import Actor
from desk_app.domain.tickets import Validity
from desk_app.services.container import Services
from desk_app.services.tickets import TicketView
from desk_app.ui.drafts import DraftKeeper
from desk_app.ui.service_dialog import ServiceDialog
from desk_app.ui.ticket_tab.register_dialog import _datetime_edit, to_aware


class ActionDialog(ServiceDialog):
    """Asks for a note and, when the action needs them, a time, a yes/no, a validity;
    OK carries out ``act`` (a refusal is shown here, the dialog stays open)."""

    def __init__(
        self,
        title: str,
        note_label: str,
        parent: QWidget | None = None,
        *,
        act: Callable[[ActionDialog], TicketView] | None = None,
        when_label: str | None = None,
        when_default: datetime | None = None,
        tz: object = None,
        check_label: str | None = None,
        validity: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._act = act
        self.result_view: TicketView | None = None  # what the action made of the ticket
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 4 + 12)
        self.when: QDateTimeEdit | None = None
        self.check: QCheckBox | None = None
        self.validity: QComboBox | None = None
        self.drafts: DraftKeeper | None = None
        self.restored = QLabel()  # "put back what you typed at …", when there was a draft
        self.restored.setWordWrap(True)
        self.restored.setVisible(False)
        self._tz = tz
        form = QFormLayout()
        if validity:
            self.validity = QComboBox()
            self.validity.addItem(self.tr("Valid complaint"), Validity.VALID.value)
            self.validity.addItem(self.tr("Invalid complaint"), Validity.INVALID.value)
            form.addRow(self.tr("Judged:"), self.validity)
        form.addRow(note_label, self.note)
        if check_label is not None:
            self.check = QCheckBox(check_label)
            form.addRow(self.check)
        if when_label is not None and when_default is not None:
            self.when = _datetime_edit(tz, when_default)  # type: ignore[arg-type]
            form.addRow(when_label, self.when)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.restored)
        layout.addStretch(1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(460, 260)

    def submit(self) -> bool:
        """OK: carry the action out; done, the draft goes and the dialog closes; refused,
        the reason is shown and everything typed stays."""
        if self._act is None:
            self.accept()
            return True
        act = self._act
        view = self.attempt(lambda: act(self))
        if view is None:
            return False
        self.result_view = view
        if self.drafts is not None:
            self.drafts.discard()
        self.accept()
        return True

    def keep_drafts(self, services: Services, actor: Actor, form: str) -> DraftKeeper:
        """Keep the note as ``actor``'s draft of ``form`` and put back the one waiting."""
        self.drafts = DraftKeeper(services, actor, form, {"note": self.note}, self)
        self.drafts.keep_for(self, self.restored)
        return self.drafts

    def text(self) -> str:
        return self.note.toPlainText()

    def when_value(self) -> datetime | None:
        return to_aware(self.when, self._tz) if self.when is not None else None  # type: ignore[arg-type]
