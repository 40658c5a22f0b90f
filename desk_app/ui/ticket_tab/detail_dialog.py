"""One ticket: its fields, its clocks (due, met, on time or late), who did what and why,
and the actions that apply to its kind and status. Each action asks for what the service
needs and carries it out when its OK is pressed: refused, the action's window stays open
with the reason and what was typed (kept as a draft if it is then cancelled). What can be
known before anything is typed (a valid complaint is not closed before its follow-up
visit) is checked before the window opens."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
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
from desk_app.ui.holidays_dialog import provisional
from desk_app.ui.i18n import role_label
from desk_app.ui.service_dialog import ServiceDialog
from desk_app.ui.tasks import Task
from desk_app.ui.ticket_tab.action_dialog import ActionDialog

__all__ = ["ActionDialog", "TicketDetailDialog"]


def _ymd_hm(value: datetime | None) -> str:
    return "" if value is None else f"{value:%Y-%m-%d %H:%M}"


# Shows the action's dialog and returns once it is done or cancelled (exec() in the
# program; tests fill the fields and answer True for OK, without a nested event loop).
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
            ("close", self.tr("Close the case…"), self.close_ticket),
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

    # -- actions --------------------------------------------------------------------------
    def _dialog(
        self, key: str, title: str, note: str, act: Callable[[ActionDialog], TicketView], **kwargs: object
    ) -> bool:
        """Open the action's dialog, with what this clerk typed for it before and did not
        save; OK carries out ``act``. Whether the action was done."""
        dialog = ActionDialog(title, note, self, act=act, tz=self._tz, **kwargs)  # type: ignore[arg-type]
        drafts = dialog.keep_drafts(self._services, self._actor, f"ticket_{self.view.id}_{key}")
        if self._ask(dialog) and dialog.result_view is None:
            dialog.submit()  # answered without exec() (tests): OK pressed
        drafts.flush()  # tests answer without exec(): the dialog's closing does it otherwise
        view = dialog.result_view
        dialog.deleteLater()
        if view is None:
            if dialog.message.text():  # the last refusal stands; the text waits as a draft
                self.show_error(dialog.message.text())
            return False
        self.view = view
        self.message.clear()
        self.changed = True
        self._show()
        return True

    def judge(self) -> None:
        def act(d: ActionDialog) -> TicketView:
            assert d.validity is not None
            validity = Validity(d.validity.currentData())
            return self._services.tickets.judge(self._actor, self.view.id, validity, d.text())

        self._dialog("judge", self.tr("Judge the complaint"), self.tr("Reason:"), act, validity=True)

    def reply(self) -> None:
        def act(d: ActionDialog) -> TicketView:
            resolved = d.check is not None and d.check.isChecked()
            next_at = None if resolved else d.when_value()
            return self._services.tickets.reply(
                self._actor, self.view.id, d.text(), resolved=resolved, next_reply_at=next_at
            )

        self._dialog(
            "reply",
            self.tr("Reply to the complainant"),
            self.tr("Reply:"),
            act,
            check_label=self.tr("This resolves the complaint"),
            when_label=self.tr("Next reply (if not resolved):"),
            when_default=self._services.tickets.suggested_next_reply(),
        )

    def dispatch(self) -> None:
        def act(d: ActionDialog) -> TicketView:
            visit = d.when_value() if d.check is not None and d.check.isChecked() else None
            return self._services.tickets.dispatch(self._actor, self.view.id, d.text(), visit)

        self._dialog(
            "dispatch",
            self.tr("Dispatch"),
            self.tr("Person dispatched:"),
            act,
            check_label=self.tr("A visit time was agreed"),
            when_label=self.tr("Agreed visit:"),
            when_default=self._services.clock.now(),
        )

    def complete(self) -> None:
        def act(d: ActionDialog) -> TicketView:
            paid = d.check.isChecked() if d.check is not None else None
            return self._services.tickets.complete(self._actor, self.view.id, d.text(), paid=paid)

        paid_label = self.tr("Paid") if self.view.row.kind is TicketKind.CONVENIENCE else None
        self._dialog("complete", self.tr("Work done"), self.tr("What was done:"), act, check_label=paid_label)

    def follow_up(self) -> None:
        def act(d: ActionDialog) -> TicketView:
            satisfied = d.check is not None and d.check.isChecked()
            return self._services.tickets.record_follow_up(self._actor, self.view.id, d.text(), satisfied=satisfied)

        self._dialog(
            "follow_up",
            self.tr("Follow-up visit"),
            self.tr("What the resident said:"),
            act,
            check_label=self.tr("Satisfied"),
        )

    def deliver(self) -> None:
        def act(d: ActionDialog) -> TicketView:
            return self._services.tickets.deliver(self._actor, self.view.id, d.text())

        self._dialog("deliver", self.tr("Message delivered"), self.tr("How:"), act)

    def report(self) -> None:
        def act(d: ActionDialog) -> TicketView:
            return self._services.tickets.write_incident_report(self._actor, self.view.id, d.text())

        self._dialog("report", self.tr("Incident report"), self.tr("Report:"), act)

    def escalate(self) -> None:
        def act(d: ActionDialog) -> TicketView:
            return self._services.tickets.escalate(self._actor, self.view.id, d.text())

        self._dialog("escalate", self.tr("Escalate"), self.tr("Reason:"), act)

    def close_ticket(self) -> bool:
        """Close the case (结案): refused before anything is asked when the rules already say
        no (a valid complaint before its follow-up visit, a major incident before its report)."""
        if self.attempt(lambda: self._services.tickets.check_close(self._actor, self.view.id)) is None:
            return False

        def act(d: ActionDialog) -> TicketView:
            return self._services.tickets.close(self._actor, self.view.id, d.text())

        return self._dialog("close", self.tr("Close the case"), self.tr("Reason:"), act)

    def reopen(self) -> None:
        def act(d: ActionDialog) -> TicketView:
            return self._services.tickets.reopen(self._actor, self.view.id, d.text())

        self._dialog("reopen", self.tr("Reopen the ticket"), self.tr("Reason:"), act)

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
