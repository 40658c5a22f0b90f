"""Registering a request by keyboard: the kind first (typing its number 1-8), the resident with
suggestions from the people served before (a suggestion picked fills the name, the address
and the phone, each in its own field), the request, then the fields of its kind, in the same
form so every field lines up. Ctrl+Enter saves. The service checks everything; a refusal is
shown here and nothing is written, and what was typed stays."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QModelIndex, Qt, QTime
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.roles import Actor
from desk_app.domain.tickets import Source, TicketDetails, TicketKind, Urgency, Validity
from desk_app.services.container import Services
from desk_app.services.tickets import ResidentInput, ResidentView, TicketInput, TicketView
from desk_app.ui.drafts import DraftKeeper
from desk_app.ui.service_dialog import ServiceDialog

KINDS = list(TicketKind)
# The completer's roles: the popup shows the whole line, the name field gets the name only.
NAME_ROLE = Qt.ItemDataRole.UserRole + 1
SUGGESTION_ROLE = Qt.ItemDataRole.UserRole + 2  # the row in ``_suggestions``


def _datetime_edit(tz: ZoneInfo, now: datetime) -> QDateTimeEdit:
    edit = QDateTimeEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    local = now.astimezone(tz)
    edit.setDateTime(QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute)))
    return edit


def to_aware(edit: QDateTimeEdit, tz: ZoneInfo) -> datetime:
    value = edit.dateTime().toPython()
    assert isinstance(value, datetime)
    return value.replace(tzinfo=tz)


DRAFT_FORM = "ticket_register"


class RegisterDialog(ServiceDialog):
    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._tz = services.desk.info().tz
        self._suggestions: list[ResidentView] = []
        self.saved: TicketView | None = None
        now = services.clock.now()
        self.setWindowTitle(self.tr("Register a request"))

        self.kind = QComboBox()
        for number, kind in enumerate(KINDS, start=1):
            self.kind.addItem(f"{number} {QCoreApplication.translate('TicketKind', kind.label)}", kind.value)
        self.source = QComboBox()
        for source in Source:
            self.source.addItem(QCoreApplication.translate("Source", source.label), source.value)
        self.urgency = QComboBox()
        for urgency in Urgency:
            self.urgency.addItem(QCoreApplication.translate("Urgency", urgency.label), urgency.value)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("name, or a phone number or building to look up"))
        self._completions = QStandardItemModel(self)
        completer = QCompleter(self._completions, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        # What the completer writes into the field (highlighted or picked) is the name.
        completer.setCompletionRole(NAME_ROLE)
        self.name.setCompleter(completer)
        completer.activated[QModelIndex].connect(self._suggestion_chosen)  # type: ignore[index]
        self.name.textEdited.connect(self._suggest)
        self.building = QLineEdit()
        self.building.setPlaceholderText(self.tr("e.g. 3栋"))
        self.room = QLineEdit()
        self.room.setPlaceholderText(self.tr("e.g. 2单元1203"))
        self.phone = QLineEdit()
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(self.description.fontMetrics().lineSpacing() * 4 + 12)

        # -- the fields of each kind ------------------------------------------------------
        self.on_spot = QCheckBox(self.tr("Solved on the spot"))
        self.validity = QComboBox()
        self.validity.addItem(self.tr("Not judged yet"), Validity.UNDECIDED.value)
        self.validity.addItem(self.tr("Valid complaint"), Validity.VALID.value)
        self.validity.addItem(self.tr("Invalid complaint"), Validity.INVALID.value)
        complaint = [(None, self.on_spot), (self.tr("Judged:"), self.validity)]
        self.has_visit = QCheckBox(self.tr("Visit time agreed"))
        self.visit = _datetime_edit(self._tz, now)
        self.dispatched = QLineEdit()
        self.dispatched.setPlaceholderText(self.tr("e.g. 工程部刘师傅"))
        work = [
            (None, self.has_visit),
            (self.tr("Agreed visit:"), self.visit),
            (self.tr("Person dispatched:"), self.dispatched),
        ]
        self.price = QComboBox()
        for item in services.tickets.price_list():
            self.price.addItem(f"{item.name}  ¥{item.price_text}/{item.unit}", item.id)
        self.quantity = QSpinBox()
        self.quantity.setRange(1, 99)
        self.service_time = _datetime_edit(self._tz, now)
        self.paid = QCheckBox(self.tr("Paid"))
        service = [
            (self.tr("Service:"), self.price),
            (self.tr("Quantity:"), self.quantity),
            (self.tr("Agreed time:"), self.service_time),
            (None, self.paid),
        ]
        self.items = QPlainTextEdit()
        self.items.setTabChangesFocus(True)
        self.items.setPlaceholderText(self.tr("one item per line"))
        self.items.setFixedHeight(self.items.fontMetrics().lineSpacing() * 4 + 12)
        self.identity_checked = QCheckBox(self.tr("Identity checked"))
        self.identity_note = QLineEdit()
        self.identity_note.setPlaceholderText(self.tr("e.g. 身份证后四位 1234"))
        release = [
            (self.tr("Items:"), self.items),
            (None, self.identity_checked),
            (self.tr("Identity shown:"), self.identity_note),
        ]
        self.visitor_name = QLineEdit()
        self.visitor_count = QSpinBox()
        self.visitor_count.setRange(1, 50)
        self.consent = QCheckBox(self.tr("The owner agreed"))
        visitor = [
            (self.tr("Visitor:"), self.visitor_name),
            (self.tr("Number:"), self.visitor_count),
            (None, self.consent),
        ]
        self.recipient = QLineEdit()
        self.delivered = QCheckBox(self.tr("Passed on already"))
        message = [(self.tr("Recipient:"), self.recipient), (None, self.delivered)]
        self._pages: dict[TicketKind, list[tuple[str | None, QWidget]]] = {
            TicketKind.CONSULTATION: [],
            TicketKind.HELP_REQUEST: work,
            TicketKind.REPAIR: work,
            TicketKind.COMPLAINT: complaint,
            TicketKind.CONVENIENCE: service,
            TicketKind.ITEM_RELEASE: release,
            TicketKind.VISITOR: visitor,
            TicketKind.MESSAGE: message,
        }
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.addButton(self.tr("Register (Ctrl+Enter)"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Kind:"), self.kind)
        form.addRow(self.tr("Source:"), self.source)
        form.addRow(self.tr("Resident:"), self.name)
        form.addRow(self.tr("Building:"), self.building)
        form.addRow(self.tr("Unit and room:"), self.room)
        form.addRow(self.tr("Phone:"), self.phone)
        form.addRow(self.tr("Request:"), self.description)
        form.addRow(self.tr("Urgency:"), self.urgency)
        # The fields of every kind in the same form (so they line up with the ones above),
        # shown for the kind chosen.
        self.form = form
        self._kind_fields: list[QWidget] = []
        for rows in (complaint, work, service, release, visitor, message):
            for label, widget in rows:
                if label is None:
                    form.addRow(widget)
                else:
                    form.addRow(label, widget)
                self._kind_fields.append(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.save)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        # What the clerk types is kept as their draft until the request is registered.
        self.drafts = DraftKeeper(
            services,
            actor,
            DRAFT_FORM,
            {
                "kind": self.kind,
                "source": self.source,
                "urgency": self.urgency,
                "name": self.name,
                "building": self.building,
                "room": self.room,
                "phone": self.phone,
                "description": self.description,
                "dispatched": self.dispatched,
                "items": self.items,
                "identity_note": self.identity_note,
                "visitor_name": self.visitor_name,
                "recipient": self.recipient,
            },
            self,
        )
        self.discard_button = buttons.addButton(self.tr("Clear the form"), QDialogButtonBox.ButtonRole.ResetRole)
        self.discard_button.clicked.connect(self.clear_draft)
        restored = self.drafts.keep_for(
            self, self.message, self.tr("Put back what you typed at {time} and did not register.")
        )
        self.discard_button.setVisible(restored is not None)
        self._kind_changed()
        self.resize(560, self.sizeHint().height())
        self.kind.setFocus()

    def clear_draft(self) -> None:
        """Start again: the fields emptied, the kept draft deleted."""
        lines = (self.name, self.building, self.room, self.phone, self.dispatched, self.identity_note)
        for edit in (*lines, self.visitor_name, self.recipient, self.description, self.items):
            edit.clear()
        self.drafts.discard()
        self.message.clear()
        self.discard_button.setVisible(False)

    def current_kind(self) -> TicketKind:
        return TicketKind(self.kind.currentData())

    def _kind_changed(self) -> None:
        kind = self.current_kind()
        shown = {id(widget) for _label, widget in self._pages[kind]}
        for widget in self._kind_fields:
            self.form.setRowVisible(widget, id(widget) in shown)
        if kind is TicketKind.VISITOR:
            self.source.setCurrentIndex(list(Source).index(Source.VISIT))

    def _suggest(self, typed: str) -> None:
        self._suggestions = self._services.tickets.residents_matching(typed)
        self._completions.clear()
        for row, r in enumerate(self._suggestions):
            item = QStandardItem(self._suggestion_text(r))
            item.setData(r.name, NAME_ROLE)
            item.setData(row, SUGGESTION_ROLE)
            item.setEditable(False)
            self._completions.appendRow(item)

    @staticmethod
    def _suggestion_text(r: ResidentView) -> str:
        """The popup's line: "陈先生  3栋2单元1502  13800138000" (shown, never stored)."""
        return "  ".join(part for part in (r.name, f"{r.building}{r.room}", r.phone) if part)

    def _suggestion_chosen(self, index: QModelIndex) -> None:
        """A suggestion picked: the name, the address and the phone each in its own field."""
        row = index.data(SUGGESTION_ROLE)
        if not isinstance(row, int) or not 0 <= row < len(self._suggestions):
            return
        chosen = self._suggestions[row]
        self.name.setText(chosen.name)
        self.building.setText(chosen.building)
        self.room.setText(chosen.room)
        self.phone.setText(chosen.phone)

    def ticket_input(self) -> TicketInput:
        kind = self.current_kind()
        details = TicketDetails()
        if kind is TicketKind.COMPLAINT:
            details.solved_on_spot = self.on_spot.isChecked()
            details.validity = Validity(self.validity.currentData())
        elif kind in (TicketKind.REPAIR, TicketKind.HELP_REQUEST):
            details.visit_at = to_aware(self.visit, self._tz) if self.has_visit.isChecked() else None
            details.dispatched_to = self.dispatched.text()
        elif kind is TicketKind.CONVENIENCE:
            details.price_item_id = self.price.currentData()
            details.quantity = self.quantity.value()
            details.visit_at = to_aware(self.service_time, self._tz)
            details.paid = self.paid.isChecked()
        elif kind is TicketKind.ITEM_RELEASE:
            details.items = self.items.toPlainText().splitlines()
            details.identity_checked = self.identity_checked.isChecked()
            details.identity_note = self.identity_note.text()
        elif kind is TicketKind.VISITOR:
            details.visitor_name = self.visitor_name.text()
            details.visitor_count = self.visitor_count.value()
            details.owner_consent = self.consent.isChecked()
        elif kind is TicketKind.MESSAGE:
            details.recipient = self.recipient.text()
            details.delivered = self.delivered.isChecked()
        return TicketInput(
            kind=kind,
            source=Source(self.source.currentData()),
            description=self.description.toPlainText(),
            resident=ResidentInput(self.name.text(), self.building.text(), self.room.text(), self.phone.text()),
            urgency=Urgency(self.urgency.currentData()),
            details=details,
        )

    def save(self) -> None:
        saved = self.attempt(lambda: self._services.tickets.register(self._actor, self.ticket_input()))
        if saved is None:
            return
        self.saved = saved
        self.drafts.discard()
        self.accept()
