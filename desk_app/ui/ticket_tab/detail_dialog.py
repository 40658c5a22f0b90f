"""One ticket: its fields, its clocks (due, met, on time or late), who did what and why,
and the actions that apply to its kind and status. Each action asks for what the service
needs; a refusal (closing a valid complaint before its follow-up visit …) is shown and
nothing changes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.roles import Actor, Role
from desk_app.domain.tickets import TicketKind, TicketStatus, Urgency, Validity
from desk_app.services.container import Services
from desk_app.services.tickets import TicketView
from desk_app.ui.documents import DocumentRunner, Output
from desk_app.ui.drafts import DraftKeeper
from desk_app.ui.holidays_dialog import provisional
from desk_app.ui.i18n import role_label
from desk_app.ui.service_dialog import ServiceDialog
from desk_app.ui.tasks import Task
from desk_app.ui.ticket_tab.register_dialog import _datetime_edit, to_aware


def _ymd_hm(value: datetime | None) -> str:
    return "" if value is None else f"{value:%Y-%m-%d %H:%M}"


class ActionDialog(QDialog):
    """Asks for a note and, when the action needs them, a time, a yes/no, a validity."""

    def __init__(
        self,
        title: str,
        note_label: str,
        parent: QWidget | None = None,
        *,
        when_label: str | None = None,
        when_default: datetime | None = None,
        tz: object = None,
        check_label: str | None = None,
        validity: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
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
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.restored)
        layout.addWidget(buttons)
        self.resize(460, 260)

    def keep_drafts(self, services: Services, actor: Actor, form: str) -> DraftKeeper:
        """Keep the note as ``actor``'s draft of ``form`` and put back the one waiting."""
        self.drafts = DraftKeeper(services, actor, form, {"note": self.note}, self)
        self.drafts.keep_for(self, self.restored)
        return self.drafts

    def text(self) -> str:
        return self.note.toPlainText()

    def when_value(self) -> datetime | None:
        return to_aware(self.when, self._tz) if self.when is not None else None  # type: ignore[arg-type]


AskFn = Callable[[ActionDialog], bool]


def _exec(dialog: ActionDialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted


class TicketDetailDialog(ServiceDialog):
    def __init__(
        self,
        services: Services,
        actor: Actor,
        ticket_id: int,
        parent: QWidget | None = None,
        ask: AskFn = _exec,
        documents: DocumentRunner | None = None,
    ) -> None:
        super().__init__(parent)
        # The forms are made by the tab's runner, so a slip still prints after this closes.
        self._documents = documents or DocumentRunner(self)
        self._services = services
        self._actor = actor
        self._ask = ask  # tests answer the action dialogs without a nested event loop
        self._tz = services.desk.info().tz
        self.changed = False
        self.view: TicketView = services.tickets.get(ticket_id)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.clocks = QTableWidget(0, 4)
        self.clocks.setHorizontalHeaderLabels([self.tr("Clock"), self.tr("Due"), self.tr("Met"), self.tr("On time")])
        self.events = QTableWidget(0, 4)
        self.events.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Note")])
        for table in (self.clocks, self.events):
            table.verticalHeader().setVisible(False)
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.horizontalHeader().setStretchLastSection(True)
        self.actions_row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, label, slot in (
            ("judge", self.tr("Judge…"), self.judge),
            ("reply", self.tr("Reply…"), self.reply),
            ("dispatch", self.tr("Dispatch…"), self.dispatch),
            ("complete", self.tr("Work done…"), self.complete),
            ("follow_up", self.tr("Follow-up visit…"), self.follow_up),
            ("deliver", self.tr("Delivered…"), self.deliver),
            ("report", self.tr("Incident report…"), self.report),
            ("escalate", self.tr("Escalate…"), self.escalate),
            ("close", self.tr("Close…"), self.close_ticket),
            ("reopen", self.tr("Reopen…"), self.reopen),
            ("slip", self.tr("Print release slip…"), self.print_slip),
            ("print_report", self.tr("Print incident report…"), self.print_report),
        ):
            button = QPushButton(label)
            button.clicked.connect(slot)
            self.buttons[key] = button
            self.actions_row.addWidget(button)
        self.actions_row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(self.tr("Clocks")))
        layout.addWidget(self.clocks)
        layout.addWidget(QLabel(self.tr("History")))
        layout.addWidget(self.events, 1)
        layout.addLayout(self.actions_row)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.resize(900, 640)
        self._show()

    # -- showing ------------------------------------------------------------------------
    def _show(self) -> None:
        v = self.view
        r = v.row
        kind = QCoreApplication.translate("TicketKind", r.kind.label)
        self.setWindowTitle(self.tr("Ticket #{id} — {kind}").format(id=r.id, kind=kind))
        lines = [
            f"<b>#{r.id} {kind}</b> — {QCoreApplication.translate('TicketStatus', r.status.label)}"
            f" — {QCoreApplication.translate('Urgency', r.urgency.label)} — {role_label(r.level)}",
            f"{r.resident_name} {r.building}{r.room} {r.phone}",
            r.description.replace("\n", "<br>"),
            self.tr("Registered {time} by {name}").format(time=_ymd_hm(r.created_at), name=r.created_by),
        ]
        d = v.details
        if d.dispatched_to:
            lines.append(self.tr("Dispatched: {name}").format(name=d.dispatched_to))
        if d.items:
            lines.append(self.tr("Items: {items}").format(items="；".join(d.items)))
        if d.visitor_name:
            lines.append(self.tr("Visitor: {name} ({n})").format(name=d.visitor_name, n=d.visitor_count))
        if d.recipient:
            lines.append(self.tr("Recipient: {name}").format(name=d.recipient))
        if v.price_item is not None:
            lines.append(f"{v.price_item.name} ¥{v.price_item.price_text} × {d.quantity}")
        if r.kind is TicketKind.COMPLAINT and d.validity is not Validity.UNDECIDED:
            lines.append(self.tr("Valid complaint") if d.validity is Validity.VALID else self.tr("Invalid complaint"))
        if v.incident_report:
            lines.append(self.tr("Incident report: {text}").format(text=v.incident_report[:200]))
        self.summary.setText("<br>".join(lines))
        self.clocks.setRowCount(len(v.clocks))
        for i, c in enumerate(v.clocks):
            on_time = "" if c.on_time is None else (self.tr("yes") if c.on_time else self.tr("late"))
            for j, text in enumerate(
                [
                    QCoreApplication.translate("ClockKind", c.kind.label),
                    provisional(_ymd_hm(c.due_at)) if c.provisional else _ymd_hm(c.due_at),
                    _ymd_hm(c.met_at),
                    on_time,
                ]
            ):
                self.clocks.setItem(i, j, QTableWidgetItem(text))
        self.events.setRowCount(len(v.events))
        for i, e in enumerate(v.events):
            for j, text in enumerate([_ymd_hm(e.at), e.actor or self.tr("(program)"), self._action(e.action), e.note]):
                self.events.setItem(i, j, QTableWidgetItem(text))
        for table in (self.clocks, self.events):
            table.resizeColumnsToContents()
            table.horizontalHeader().setStretchLastSection(True)
        self._enable()

    def _action(self, code: str) -> str:
        names = {
            "registered": self.tr("registered"),
            "closed": self.tr("closed"),
            "judged": self.tr("judged"),
            "replied": self.tr("replied"),
            "dispatched": self.tr("dispatched"),
            "completed": self.tr("work done"),
            "followed_up": self.tr("followed up"),
            "delivered": self.tr("delivered"),
            "reopened": self.tr("reopened"),
            "incident_report": self.tr("incident report"),
            "escalated": self.tr("escalated"),
        }
        return names.get(code, code)

    def _enable(self) -> None:
        r = self.view.row
        is_open = r.status is not TicketStatus.CLOSED
        work = r.kind in (TicketKind.REPAIR, TicketKind.HELP_REQUEST, TicketKind.CONVENIENCE)
        complaint = r.kind is TicketKind.COMPLAINT
        shown = {
            "judge": complaint and is_open and r.status is not TicketStatus.FOLLOW_UP,
            "reply": complaint and is_open and r.status is not TicketStatus.FOLLOW_UP,
            "dispatch": work and is_open and r.status is not TicketStatus.FOLLOW_UP,
            "complete": work and is_open and r.status is not TicketStatus.FOLLOW_UP,
            "follow_up": r.status is TicketStatus.FOLLOW_UP,
            "deliver": r.kind is TicketKind.MESSAGE and is_open,
            "report": r.urgency is Urgency.MAJOR and self.view.incident_report is None,
            "escalate": is_open and r.level is not Role.MANAGER,
            "close": is_open,
            "reopen": not is_open,
            "slip": r.kind is TicketKind.ITEM_RELEASE,
            "print_report": self.view.incident_report is not None,
        }
        for key, button in self.buttons.items():
            button.setVisible(shown[key])

    def _run(self, action: Callable[[], TicketView], dialog: ActionDialog | None = None) -> None:
        """Carry out an action; refused, what was typed for it stays as the clerk's draft and
        is there again when they open the same action."""
        view = self.attempt(action)
        if view is None:
            return
        self.view = view
        if dialog is not None and dialog.drafts is not None:
            dialog.drafts.discard()
        self.message.clear()
        self.changed = True
        self._show()

    # -- actions --------------------------------------------------------------------------
    def _dialog(self, key: str, title: str, note: str, **kwargs: object) -> ActionDialog | None:
        """The action's dialog, with what this clerk typed for it before and did not save."""
        dialog = ActionDialog(title, note, self, tz=self._tz, **kwargs)  # type: ignore[arg-type]
        drafts = dialog.keep_drafts(self._services, self._actor, f"ticket_{self.view.id}_{key}")
        accepted = self._ask(dialog)
        drafts.flush()  # tests answer without exec(): the dialog's closing does it otherwise
        return dialog if accepted else None

    def judge(self) -> None:
        d = self._dialog("judge", self.tr("Judge the complaint"), self.tr("Reason:"), validity=True)
        if d is not None and d.validity is not None:
            validity = Validity(d.validity.currentData())
            self._run(lambda: self._services.tickets.judge(self._actor, self.view.id, validity, d.text()), d)

    def reply(self) -> None:
        now = self._services.clock.now()
        d = self._dialog(
            "reply",
            self.tr("Reply to the complainant"),
            self.tr("Reply:"),
            check_label=self.tr("This resolves the complaint"),
            when_label=self.tr("Next reply (if not resolved):"),
            when_default=now,
        )
        if d is None or d.check is None:
            return
        resolved = d.check.isChecked()
        next_at = None if resolved else d.when_value()
        self._run(
            lambda: self._services.tickets.reply(
                self._actor, self.view.id, d.text(), resolved=resolved, next_reply_at=next_at
            ),
            d,
        )

    def dispatch(self) -> None:
        now = self._services.clock.now()
        d = self._dialog(
            "dispatch",
            self.tr("Dispatch"),
            self.tr("Person dispatched:"),
            check_label=self.tr("A visit time was agreed"),
            when_label=self.tr("Agreed visit:"),
            when_default=now,
        )
        if d is None or d.check is None:
            return
        visit = d.when_value() if d.check.isChecked() else None
        self._run(lambda: self._services.tickets.dispatch(self._actor, self.view.id, d.text(), visit), d)

    def complete(self) -> None:
        paid_label = self.tr("Paid") if self.view.row.kind is TicketKind.CONVENIENCE else None
        d = self._dialog("complete", self.tr("Work done"), self.tr("What was done:"), check_label=paid_label)
        if d is None:
            return
        paid = d.check.isChecked() if d.check is not None else None
        self._run(lambda: self._services.tickets.complete(self._actor, self.view.id, d.text(), paid=paid), d)

    def follow_up(self) -> None:
        d = self._dialog(
            "follow_up",
            self.tr("Follow-up visit"),
            self.tr("What the resident said:"),
            check_label=self.tr("Satisfied"),
        )
        if d is not None and d.check is not None:
            satisfied = d.check.isChecked()
            self._run(
                lambda: self._services.tickets.record_follow_up(
                    self._actor, self.view.id, d.text(), satisfied=satisfied
                ),
                d,
            )

    def deliver(self) -> None:
        d = self._dialog("deliver", self.tr("Message delivered"), self.tr("How:"))
        if d is not None:
            self._run(lambda: self._services.tickets.deliver(self._actor, self.view.id, d.text()), d)

    def report(self) -> None:
        d = self._dialog("report", self.tr("Incident report"), self.tr("Report:"))
        if d is not None:
            self._run(lambda: self._services.tickets.write_incident_report(self._actor, self.view.id, d.text()), d)

    def escalate(self) -> None:
        d = self._dialog("escalate", self.tr("Escalate"), self.tr("Reason:"))
        if d is not None:
            self._run(lambda: self._services.tickets.escalate(self._actor, self.view.id, d.text()), d)

    def close_ticket(self) -> None:
        d = self._dialog("close", self.tr("Close the ticket"), self.tr("Reason:"))
        if d is not None:
            self._run(lambda: self._services.tickets.close(self._actor, self.view.id, d.text()), d)

    def reopen(self) -> None:
        d = self._dialog("reopen", self.tr("Reopen the ticket"), self.tr("Reason:"))
        if d is not None:
            self._run(lambda: self._services.tickets.reopen(self._actor, self.view.id, d.text()), d)

    # -- paper ----------------------------------------------------------------------------
    def print_slip(self) -> Task:
        """The 物品放行条 (two parts on one page), through the print preview."""
        from desk_app.printing.ticket_forms import SLIP_TITLE, render_release_slip_pdf

        services, ticket_id = self._services, self.view.id
        return self._documents.start(
            lambda path, _progress: render_release_slip_pdf(services, ticket_id, path),
            f"{SLIP_TITLE}_{ticket_id}.pdf",
            Output.PRINT,
        )

    def print_report(self) -> Task:
        from desk_app.printing.ticket_forms import INCIDENT_TITLE, render_incident_report_pdf

        services, ticket_id = self._services, self.view.id
        return self._documents.start(
            lambda path, _progress: render_incident_report_pdf(services, ticket_id, path),
            f"{INCIDENT_TITLE}_{ticket_id}.pdf",
            Output.PRINT,
        )
