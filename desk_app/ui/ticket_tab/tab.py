"""The ticket queue (工单): open work sorted by what is due first, with live countdowns,
filters and search; Ctrl+T registers a request (Ctrl+N is the log entry, from any tab),
Enter opens one. Text typed on the filter row or in the queue goes to the search field."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.roles import Actor
from desk_app.domain.tickets import TicketKind, TicketStatus
from desk_app.services.container import Services
from desk_app.services.tickets import TicketFilter, TicketView
from desk_app.ui.documents import DocumentRunner
from desk_app.ui.tasks import Task
from desk_app.ui.ticket_tab.detail_dialog import TicketDetailDialog
from desk_app.ui.ticket_tab.model import TicketTableModel
from desk_app.ui.ticket_tab.paper_dialog import TicketPaperDialog
from desk_app.ui.ticket_tab.register_dialog import RegisterDialog
from desk_app.ui.widgets_common import OK_STYLE, message_label

TICK_MS = 1000
RELOAD_MS = 30_000
SEARCH_DELAY_MS = 300
OPEN_WORK = "open"


class TypedTextToSearch(QObject):
    """Sends what is typed on a filter combo or box, or in the queue, to the search field
    (the queue's own keyboard search jumped between rows by their number). A combo would
    otherwise take the letters as a keyboard search of its items (typing "c" chose
    "Closed" and changed the queue) and drop everything else, Chinese included; arrows,
    space and the shortcuts still work the combo."""

    def __init__(self, search: QLineEdit, parent: QObject) -> None:
        super().__init__(parent)
        self._search = search

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            text = event.text()
            typing = event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier == Qt.KeyboardModifier.NoModifier
            if typing and text and text.isprintable() and not text.isspace():
                self._type(text)
                return True
        elif event.type() == QEvent.Type.InputMethod and isinstance(event, QInputMethodEvent):
            commit = event.commitString()
            if commit:
                self._type(commit)
                return True
        return False

    def _type(self, text: str) -> None:
        self._search.setFocus(Qt.FocusReason.OtherFocusReason)
        self._search.insert(text)


class TicketTab(QWidget):
    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self.model = TicketTableModel(services.tickets, services.clock)

        self.new_button = QPushButton(self.tr("Register… (Ctrl+T)"))
        self.new_button.clicked.connect(self.register)
        self.paper_button = QPushButton(self.tr("Registers and reports… (Ctrl+P)"))
        self.paper_button.clicked.connect(self.choose_paper)
        self.documents = DocumentRunner(self)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("All kinds"), None)
        for kind in TicketKind:
            self.kind.addItem(QCoreApplication.translate("TicketKind", kind.label), kind.value)
        self.status = QComboBox()
        self.status.addItem(self.tr("Open work"), OPEN_WORK)
        for status in TicketStatus:
            self.status.addItem(QCoreApplication.translate("TicketStatus", status.label), status.value)
        self.building = QComboBox()
        self.clerk = QComboBox()
        self.due_today = QCheckBox(self.tr("Due today"))
        self.overdue = QCheckBox(self.tr("Overdue"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search, e.g. 漏水 (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.count_label = QLabel()
        # What the last registration became, and where to find it (link: show it).
        self.message = message_label(OK_STYLE, self)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.linkActivated.connect(lambda _link: self.show_registered())
        self._registered: TicketView | None = None
        self._details: dict[int, TicketDetailDialog] = {}
        self._fill_choices()

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TicketTableModel.DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (0, 60),
            (1, 80),
            (2, 80),
            (3, 70),
            (4, 80),
            (5, 120),
            (7, 90),
            (8, 220),  # "Next reply overdue 13 days 12:51"
            (9, 80),
            (10, 70),
        ):
            self.table.setColumnWidth(column, width)
        # One path opens a ticket: the view emits activated for Enter and for the
        # platform's click or double click (doubleClicked too would open it twice).
        self.table.activated.connect(self._activated)

        for combo in (self.kind, self.status, self.building, self.clerk):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addWidget(self.search, 1)
        top.addWidget(self.paper_button)
        filters = QHBoxLayout()
        filter_widgets: tuple[QWidget, ...] = (
            self.kind,
            self.status,
            self.building,
            self.clerk,
            self.due_today,
            self.overdue,
        )
        for widget in filter_widgets:
            filters.addWidget(widget)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addWidget(self.message, 1)
        layout.addLayout(bottom)
        self._typed_to_search = TypedTextToSearch(self.search, self)
        typed_on: tuple[QWidget, ...] = (*filter_widgets, self.table)
        for target in typed_on:
            target.installEventFilter(self._typed_to_search)
            target.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)  # Chinese typed here too

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self.search_now)
        for combo in (self.kind, self.status, self.building, self.clerk):
            combo.currentIndexChanged.connect(self.refresh)
        for box in (self.due_today, self.overdue):
            box.toggled.connect(self.refresh)
        # The last registration's line is about the queue as it was: a new search or filter
        # makes it stale (its "show it" link would undo what was just chosen).
        self.search.textEdited.connect(self._forget_registration)
        for combo in (self.kind, self.status, self.building, self.clerk):
            combo.activated.connect(self._forget_registration)
        for box in (self.due_today, self.overdue):
            box.clicked.connect(self._forget_registration)
        QShortcut(QKeySequence("Ctrl+T"), self).activated.connect(self.register)
        QShortcut(QKeySequence("Ctrl+F"), self).activated.connect(lambda: self.search.setFocus())
        QShortcut(QKeySequence("Ctrl+P"), self).activated.connect(self.choose_paper)

        self.tick_timer = QTimer(self)
        self.tick_timer.setInterval(TICK_MS)
        self.tick_timer.timeout.connect(self.model.tick)
        self.tick_timer.start()
        self.reload_timer = QTimer(self)
        self.reload_timer.setInterval(RELOAD_MS)
        self.reload_timer.timeout.connect(self.refresh)
        self.reload_timer.start()
        self.refresh()

    def _fill_choices(self) -> None:
        self.building.addItem(self.tr("All buildings"), "")
        for building in self._services.tickets.buildings():
            self.building.addItem(building, building)
        self.clerk.addItem(self.tr("All clerks"), None)
        for person in self._services.accounts.staff():
            self.clerk.addItem(person.display_name, person.id)

    def current_filter(self) -> TicketFilter:
        kind = self.kind.currentData()
        status = self.status.currentData()
        return TicketFilter(
            kinds=(TicketKind(kind),) if kind else (),
            statuses=() if status == OPEN_WORK else (TicketStatus(status),),
            building=self.building.currentData() or "",
            clerk_id=self.clerk.currentData(),
            due_today=self.due_today.isChecked(),
            overdue=self.overdue.isChecked(),
            text=self.search.text(),
        )

    def refresh(self) -> None:
        """Read the queue again (an indexed count and one page: quick even on 200,000 tickets)."""
        selected = self.selected_id()
        self.model.reload(self.current_filter())
        self.count_label.setText(self.tr("{n} tickets").format(n=self.model.total))
        if selected is not None:
            self.select(selected)

    def search_now(self) -> None:
        """Enter in the search field: the queue read now, the keyboard in it (Enter again opens)."""
        self._search_timer.stop()
        self.refresh()
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)
        self.table.setFocus()

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.row_of(index.row()).id if index.isValid() else None

    def select(self, ticket_id: int) -> bool:
        row = self.model.find(ticket_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def register(self) -> None:
        dialog = RegisterDialog(self._services, self._actor, self)
        if dialog.exec() and dialog.saved is not None:
            self.registered(dialog.saved)

    def registered(self, saved: TicketView) -> None:
        """Say what a registration became and select it; one closed at registration (a
        visitor let in, a consultation answered …) or hidden by the filters is not in the
        queue shown, so the message says where it is and links to it."""
        self.refresh()
        self._registered = saved
        row = saved.row
        what = self.tr("{kind} #{id}").format(kind=QCoreApplication.translate("TicketKind", row.kind.label), id=row.id)
        link = ""
        if self.select(row.id):
            text = self.tr("Registered: {ticket}.")
        else:
            if row.status is TicketStatus.CLOSED:
                text = self.tr("Registered and closed: {ticket} (listed under “Closed”).")
            else:
                text = self.tr("Registered: {ticket} (the filters hide it).")
            show_it = self.tr("Show it")
            link = f' <a href="show">{escape(show_it)}</a>'
        self.message.setText(escape(text.format(ticket=what), quote=False) + link)
        self.message.show()

    def _forget_registration(self, *_args: object) -> None:
        self.message.clear()

    def show_registered(self) -> bool:
        """Show the last registered ticket: the filters set to list it, then selected."""
        saved = self._registered
        if saved is None:
            return False
        status = TicketStatus.CLOSED.value if self._services.tickets.is_closed(saved.id) else OPEN_WORK
        widgets = (self.kind, self.status, self.building, self.clerk, self.due_today, self.overdue, self.search)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            for combo in (self.kind, self.building, self.clerk):
                combo.setCurrentIndex(0)
            self.status.setCurrentIndex(self.status.findData(status))
            self.due_today.setChecked(False)
            self.overdue.setChecked(False)
            self.search.clear()
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self._search_timer.stop()
        self.refresh()
        self.table.setFocus()
        return self.select(saved.id)

    def choose_paper(self) -> Task | None:
        """Print a register or the monthly report, or save a register as Excel (off the UI thread)."""
        dialog = TicketPaperDialog(self._services, self)
        if not dialog.exec() or dialog.choice is None:
            return None
        choice = dialog.choice
        return self.documents.start(choice.render, choice.file_name, choice.output, choice.mail_to)

    def show_ticket(self, ticket_id: int) -> None:
        """Open a ticket (from a notification): select it if it is listed, show its details."""
        self.select(ticket_id)
        self.open_detail(ticket_id)

    def open_detail(self, ticket_id: int) -> TicketDetailDialog:
        """The ticket's window: one per ticket (asked again, the open one comes forward)."""
        dialog = self._details.get(ticket_id)
        if dialog is not None:
            dialog.raise_()
            dialog.activateWindow()
            return dialog
        dialog = TicketDetailDialog(self._services, self._actor, ticket_id, self, documents=self.documents)
        self._details[ticket_id] = dialog
        dialog.finished.connect(lambda _result: self._detail_closed(ticket_id, dialog))
        dialog.open()
        return dialog

    def _detail_closed(self, ticket_id: int, dialog: TicketDetailDialog) -> None:
        if self._details.get(ticket_id) is dialog:
            del self._details[ticket_id]
        if dialog.changed:
            self.refresh()
        dialog.deleteLater()  # a child of the tab: kept for the whole shift otherwise

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_detail(self.model.row_of(index.row()).id)
