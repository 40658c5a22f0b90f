"""The handover tab: start or resume the handover, the shift's state, the reminder 15
minutes before the end, the overdue warning, open follow-ups, and the list of handovers
(details, the supervisor's check, printing the 交接班记录表)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.errors import DeskError
from desk_app.domain.roles import Actor, Role
from desk_app.domain.shifts import ShiftOccurrence
from desk_app.services.container import Services
from desk_app.services.handover import HandoverView, IncidentsInProgress, Overdue, ShiftReminder, SignedHandover
from desk_app.ui.documents import DocumentRunner, Output
from desk_app.ui.handover_tab.common import fit_columns, hm, plain_table, read_only_item, ymd_hm
from desk_app.ui.handover_tab.detail_dialog import HandoverDetailDialog
from desk_app.ui.handover_tab.follow_up_dialog import CloseFollowUpDialog
from desk_app.ui.handover_tab.incidents_dialog import IncidentsDialog, open_incidents
from desk_app.ui.handover_tab.items_dialog import ItemsDialog
from desk_app.ui.handover_tab.wizard import HandoverWizard
from desk_app.ui.service_dialog import attempt
from desk_app.ui.tasks import Task
from desk_app.ui.widgets_common import ERROR_COLOR, ERROR_STYLE, NOTE_STYLE, WARNING_STYLE, message_label, pydate, qdate

REFRESH_MS = 30_000
LIST_DAYS = 7


class HandoverTab(QWidget):
    status_changed = Signal(str)  # a line for the main window's status bar ("" = nothing to say)
    # The end-of-shift reminder as it stands at each refresh ("" when there is none): it
    # counts down by the clock and goes once the handover is started or signed.
    reminder = Signal(str)
    handed_over = Signal(object)  # the incoming clerk's Actor: the desk is theirs now

    PRINT, SAVE_PDF = Output.PRINT, Output.SAVE_PDF
    DATE, SHIFT, OUTGOING, INCOMING, STATE, SIGNED, LATE, DIFFERENCES, CHECKED = range(9)

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self.wizard: HandoverWizard | None = None
        self.incidents_dialog: IncidentsDialog | None = None  # open while incidents block the start
        self._last_signed: int | None = None
        self._handed_to: Actor | None = None
        self._handovers: list[HandoverView] = []
        self._shown_rows: list[list[str]] | None = None  # the list's texts when its columns were fitted
        self._documents = DocumentRunner(self)
        is_supervisor = actor.role.at_least(Role.SUPERVISOR)

        self.state_label = QLabel()
        font = self.state_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.state_label.setFont(font)
        self.state_label.setWordWrap(True)
        self.reminder_label = message_label(WARNING_STYLE)
        self.overdue_banner = message_label(ERROR_STYLE)
        self.overdue_banner.setStyleSheet(
            f"color: white; background: {ERROR_COLOR}; padding: 6px; border-radius: 3px; font-weight: bold;"
        )
        self.message = message_label()
        self.start_button = QPushButton(self.tr("Start handover…"))
        self.start_button.setMinimumHeight(34)
        self.items_button = QPushButton(self.tr("Item list…"))
        self.items_button.setVisible(is_supervisor)

        self.follow_ups = QListWidget()
        self.follow_ups.setAlternatingRowColors(True)
        self.close_follow_up_button = QPushButton(self.tr("Close follow-up…"))

        today = self._today()
        self.date_from = QDateEdit(qdate(today - timedelta(days=LIST_DAYS)))
        self.date_to = QDateEdit(qdate(today))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.table = plain_table(
            [
                self.tr("Date"),
                self.tr("Shift"),
                self.tr("Outgoing"),
                self.tr("Incoming"),
                self.tr("State"),
                self.tr("Signed"),
                self.tr("Late"),
                self.tr("Items / differences"),
                self.tr("Checked by"),
            ],
            stretch=self.CHECKED,
        )
        self.details_button = QPushButton(self.tr("Details…"))
        self.check_button = QPushButton(self.tr("Check…"))
        self.check_button.setVisible(is_supervisor)
        self.print_button = QPushButton(self.tr("Print…"))
        self.save_pdf_button = QPushButton(self.tr("Save as PDF…"))

        top = QHBoxLayout()
        top.addWidget(self.state_label, 1)
        top.addWidget(self.start_button)
        top.addWidget(self.items_button)

        follow_box = QGroupBox(self.tr("Open follow-ups and incidents"))
        follow_layout = QVBoxLayout(follow_box)
        follow_layout.addWidget(self.follow_ups)
        follow_row = QHBoxLayout()
        follow_row.addStretch(1)
        follow_row.addWidget(self.close_follow_up_button)
        follow_layout.addLayout(follow_row)

        list_box = QGroupBox(self.tr("Handovers"))
        list_layout = QVBoxLayout(list_box)
        range_row = QHBoxLayout()
        range_row.addWidget(QLabel(self.tr("From")))
        range_row.addWidget(self.date_from)
        range_row.addWidget(QLabel(self.tr("to")))
        range_row.addWidget(self.date_to)
        range_row.addStretch(1)
        for button in (self.details_button, self.check_button, self.print_button, self.save_pdf_button):
            range_row.addWidget(button)
        list_layout.addLayout(range_row)
        list_layout.addWidget(self.table)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.overdue_banner)
        layout.addWidget(self.reminder_label)
        layout.addWidget(self.message)
        layout.addWidget(follow_box, 1)
        layout.addWidget(list_box, 2)

        self.start_button.clicked.connect(self.open_wizard)
        self.items_button.clicked.connect(self.open_items)
        self.close_follow_up_button.clicked.connect(self.close_selected_follow_up)
        self.follow_ups.currentRowChanged.connect(lambda _r: self._update_buttons())
        self.date_from.dateChanged.connect(lambda _d: self.reload_handovers())
        self.date_to.dateChanged.connect(lambda _d: self.reload_handovers())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _i: self.show_details())
        self.details_button.clicked.connect(self.show_details)
        self.check_button.clicked.connect(self.show_details)
        self.print_button.clicked.connect(lambda: self.print_selected(self.PRINT))
        self.save_pdf_button.clicked.connect(lambda: self.print_selected(self.SAVE_PDF))

        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(REFRESH_MS)
        self.refresh_timer.timeout.connect(lambda: self.refresh())
        self.refresh_timer.start()
        self.refresh(announce=False)  # nobody listens yet; the window refreshes once connected

    # -- state ---------------------------------------------------------------------------------
    def _today(self) -> date:
        return self._services.desk.today()

    def refresh(self, announce: bool = True) -> None:
        """The shift's state, the reminder, the overdue warning, follow-ups and the list.

        ``announce``: send the reminder (as it stands now) and the status line to the window.
        """
        services = self._services

        def read() -> tuple[HandoverView | None, Overdue | None, ShiftOccurrence | None]:
            current = services.handover.current()
            return current, services.handover.overdue_of(current), services.desk.shift_at()

        state = attempt(read, self.state_label.setText)
        if state is None:
            return
        current, overdue, shift = state
        done = self._signed_handover_of(shift) if shift is not None else None  # once a refresh
        if current is not None:
            self.state_label.setText(
                self.tr("Handover of {shift} {date} started at {time} by {name}; not signed yet.").format(
                    shift=current.shift.template.name,
                    date=current.shift.shift_date.isoformat(),
                    time=hm(current.started_at),
                    name=current.outgoing_name,
                )
            )
            self.start_button.setText(self.tr("Resume handover…"))
            self.start_button.setEnabled(True)
        else:
            self.state_label.setText(self._shift_state(shift, done))
            self.start_button.setText(self.tr("Start handover…"))
            # Nothing to start until the next shift begins (the service refuses it anyway).
            self.start_button.setEnabled(done is None)

        status = ""
        if overdue is not None:
            status = self.tr(
                "{shift} ended at {time}; the handover is overdue by {n} minutes. The outgoing clerk "
                "stays on duty until the incoming clerk signs."
            ).format(shift=overdue.shift.template.name, time=hm(overdue.shift.end), n=overdue.minutes)
            if overdue.expected:
                status += " " + self.tr("The roster expects {names}.").format(names="、".join(overdue.expected))
        self.overdue_banner.setText(status)
        self.overdue_banner.setVisible(bool(status))

        self.refresh_reminder(announce)
        if announce:
            self.status_changed.emit(status)
        self.reload_follow_ups()
        self.reload_handovers()

    def _shift_state(self, shift: ShiftOccurrence | None, done: HandoverView | None) -> str:
        """The running shift and where its handover stands (``done``: its signed handover),
        when none is open."""
        if shift is None:
            return self.tr("No shift is running now.")
        if done is not None:
            return self.tr("{shift} {date} was handed over to {name} at {time}; {name} is on duty.").format(
                shift=shift.template.name,
                date=shift.shift_date.isoformat(),
                name=done.incoming_name or "",
                time=hm(done.incoming_signed_at),
            )
        return self.tr("{shift} {span}, {date}: no handover started.").format(
            shift=shift.template.name, span=shift.template.span_text(), date=shift.shift_date.isoformat()
        )

    def _signed_handover_of(self, shift: ShiftOccurrence) -> HandoverView | None:
        for view in self._services.handover.handovers(shift.shift_date, shift.shift_date):
            if view.shift.template.id == shift.template.id and view.signed:
                return view
        return None

    def refresh_reminder(self, announce: bool = True) -> str:
        """The reminder as the clock has it now, shown here and (``announce``) sent to the
        window; the window calls this on its own periodic refresh too."""
        try:
            reminder = self._services.handover.end_of_shift_reminder()
        except DeskError:  # the shifts cannot be read: refresh() says so in the state line
            reminder = None
        text = self._reminder_text(reminder) if reminder is not None else ""
        self.reminder_label.setText(text)
        self.reminder_label.setVisible(bool(text))
        if announce:
            self.reminder.emit(text)
        return text

    def _reminder_text(self, reminder: ShiftReminder) -> str:
        return self.tr("{shift} ends at {time}, in {n} minutes: tidy the desk and start the handover.").format(
            shift=reminder.shift.template.name, time=hm(reminder.shift.end), n=reminder.minutes_left
        )

    def reload_follow_ups(self) -> None:
        self.follow_ups.clear()
        for entry_id, situation, incident in self._services.handover.open_follow_ups():
            text = f"#{entry_id} {situation}"
            if incident:
                text = self.tr("Incident in progress: {entry}").format(entry=text)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, (entry_id, situation))
            self.follow_ups.addItem(item)
        if self.follow_ups.count() == 0:
            placeholder = QListWidgetItem(self.tr("Nothing is waiting to be followed up."))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.follow_ups.addItem(placeholder)
        self._update_buttons()

    def reload_handovers(self) -> None:
        start, end = pydate(self.date_from.date()), pydate(self.date_to.date())
        selected = self.selected_handover()
        self._handovers = self._services.handover.handovers(start, end)
        self.table.setRowCount(len(self._handovers))
        shown: list[list[str]] = []
        for row, view in enumerate(self._handovers):
            differences = sum(1 for c in view.draft.counts if c.needs_explanation)
            cells = [
                view.shift.shift_date.isoformat(),
                view.shift.template.name,
                view.outgoing_name,
                view.incoming_name or "",
                self.tr("signed") if view.signed else self.tr("open"),
                ymd_hm(view.incoming_signed_at),
                self.tr("{n} min").format(n=view.late_minutes) if view.late_minutes else "",
                f"{len(view.draft.counts)} / {differences}",
                view.checked_by or "",
            ]
            shown.append(cells)
            for column, text in enumerate(cells):
                self.table.setItem(row, column, read_only_item(text))
            if selected is not None and view.id == selected.id:
                self.table.selectRow(row)
        if shown != self._shown_rows:
            # Only new texts are measured: a column the person widened stays so on every
            # refresh that changes nothing.
            self._shown_rows = shown
            fit_columns(self.table, stretch=self.CHECKED)
        self._update_buttons()

    def selected_handover(self) -> HandoverView | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if len(rows) != 1:
            return None
        row = rows.pop()
        return self._handovers[row] if 0 <= row < len(self._handovers) else None

    def select_handover(self, handover_id: int) -> bool:
        for row, view in enumerate(self._handovers):
            if view.id == handover_id:
                self.table.selectRow(row)
                return True
        return False

    def _update_buttons(self) -> None:
        view = self.selected_handover()
        self.details_button.setEnabled(view is not None)
        self.check_button.setEnabled(view is not None and view.signed and not view.checked_by)
        self.print_button.setEnabled(view is not None and view.signed)
        self.save_pdf_button.setEnabled(view is not None and view.signed)
        item = self.follow_ups.currentItem()
        self.close_follow_up_button.setEnabled(item is not None and item.data(Qt.ItemDataRole.UserRole) is not None)

    # -- the wizard ------------------------------------------------------------------------------
    def open_wizard(self) -> HandoverWizard | None:
        """Start the handover (or resume the one begun); refusals are shown, not raised."""
        if self.wizard is not None:
            self.wizard.raise_()
            self.wizard.activateWindow()
            return self.wizard

        def refused(text: str) -> None:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(text)

        blocked: list[IncidentsInProgress] = []

        def start() -> HandoverView:
            try:
                return self._services.handover.start(self._actor)
            except IncidentsInProgress as exc:  # every incident listed, each to be opened
                blocked.append(exc)
                raise

        view = attempt(start, refused)
        if blocked:
            self.show_blocking_incidents(blocked[0])
        if view is None:
            self.refresh()
            return None
        self.message.clear()
        wizard = HandoverWizard(self._services, self._actor, view, self)
        wizard.setWindowFlag(Qt.WindowType.Window, True)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        wizard.signed.connect(self._signed)
        wizard.save_failed.connect(self.message.setText)
        wizard.finished.connect(self._wizard_closed)
        self.wizard = wizard
        wizard.show()
        self.refresh()
        return wizard

    def show_blocking_incidents(self, refusal: IncidentsInProgress) -> IncidentsDialog:
        """The incidents that keep the handover from starting, in a window of their own."""
        dialog = open_incidents(self.incidents_dialog, self._services, self._actor, refusal.incidents, self)
        dialog.start_requested.connect(self.open_wizard)
        dialog.finished.connect(lambda _result: self._incidents_closed(dialog))
        self.incidents_dialog = dialog
        return dialog

    def _incidents_closed(self, dialog: IncidentsDialog) -> None:
        if self.incidents_dialog is dialog:
            self.incidents_dialog = None
        if self.wizard is None and not self._services.handover.incidents_in_progress():
            self.message.clear()  # the refusal named them: it no longer holds
        self.refresh()

    def _signed(self, signed: SignedHandover) -> None:
        view = signed.view
        self._last_signed = view.id
        self._handed_to = signed.incoming
        self.message.setStyleSheet(NOTE_STYLE)
        self.message.setText(
            self.tr("Handed over to {name} at {time}. The outgoing clerk may leave the desk.").format(
                name=view.incoming_name or "", time=hm(view.incoming_signed_at)
            )
        )

    def _wizard_closed(self, _result: int) -> None:
        self.wizard = None
        self.refresh()
        if self._last_signed is not None:
            self.select_handover(self._last_signed)
        incoming, self._handed_to = self._handed_to, None
        if incoming is not None:
            self.handed_over.emit(incoming)

    def save_open_work(self) -> None:
        """Called when the window closes: nothing typed in the wizard is lost."""
        if self.wizard is not None:
            self.wizard.save_now()

    # -- other actions ------------------------------------------------------------------------------
    def open_items(self) -> None:
        ItemsDialog(self._services, self._actor, self).exec()

    def close_selected_follow_up(self) -> None:
        item = self.follow_ups.currentItem()
        data = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if data is None:
            return
        entry_id, situation = data
        if CloseFollowUpDialog(self._services, self._actor, entry_id, situation, self).exec():
            self.refresh()

    def show_details(self) -> None:
        view = self.selected_handover()
        if view is None:
            return
        HandoverDetailDialog(self._services, self._actor, view.id, self).exec()
        self.reload_handovers()

    # -- printing ---------------------------------------------------------------------------------
    def print_selected(self, action: int) -> Task | None:
        view = self.selected_handover()
        if view is None or not view.signed:
            return None
        return self.print_handover(view, action)

    def print_handover(self, view: HandoverView, action: int) -> Task:
        """Render the 交接班记录表 off the UI thread, then print it or save a copy."""
        from desk_app.printing.handover_form import render_handover_pdf

        services, handover_id = self._services, view.id
        return self._documents.start(
            lambda target, progress: render_handover_pdf(services, handover_id, target, progress=progress),
            f"交接班记录表_{view.shift.shift_date:%Y-%m-%d}_{view.shift.template.name}.pdf",
            Output(action),
        )
