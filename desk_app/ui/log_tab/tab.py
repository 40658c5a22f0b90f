"""The shift-log tab: the list, its filters, the entry line, corrections, review, printing."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.roles import Actor, Role
from desk_app.services.container import Services
from desk_app.services.log import LogEntryView, LogFilter
from desk_app.ui.documents import DocumentRunner, Output
from desk_app.ui.log_tab.correction_dialog import CorrectionDialog
from desk_app.ui.log_tab.entry_bar import EntryBar
from desk_app.ui.log_tab.filter_bar import FilterBar
from desk_app.ui.log_tab.model import Column, LogTableModel
from desk_app.ui.log_tab.print_dialog import PrintLogDialog
from desk_app.ui.log_tab.review_dialog import LOOK_BACK_DAYS, ReviewDialog
from desk_app.ui.tasks import Task
from desk_app.ui.widgets_common import WARNING_STYLE

ROW_HEIGHT = 26


class LogTab(QWidget):
    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._documents = DocumentRunner(self)

        self.model = LogTableModel(services, self)
        self.filters = FilterBar(services)
        self.entry_bar = EntryBar(services, actor)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        vertical = self.view.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row measuring
        vertical.setDefaultSectionSize(ROW_HEIGHT)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.SITUATION, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (Column.SHIFT, 190),
            (Column.TIME, 56),
            (Column.CATEGORY, 84),
            (Column.CLERK, 80),
            (Column.HANDLING, 260),
            (Column.NOTES, 170),
        ):
            self.view.setColumnWidth(column, width)

        self.unsigned_banner = QLabel()
        self.unsigned_banner.setStyleSheet(WARNING_STYLE)
        self.new_button = QPushButton(self.tr("New entry (Ctrl+N)"))
        self.correct_button = QPushButton(self.tr("Correct… (Ctrl+E)"))
        self.sign_button = QPushButton(self.tr("Sign a day…"))
        self.print_button = QPushButton(self.tr("Print… (Ctrl+P)"))
        self.newest_button = QPushButton(self.tr("Newest"))
        self.oldest_button = QPushButton(self.tr("Oldest"))
        is_supervisor = actor.role.at_least(Role.SUPERVISOR)
        self.sign_button.setVisible(is_supervisor)
        self.count_label = QLabel()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setVisible(False)

        tools = QHBoxLayout()
        for button in (self.new_button, self.correct_button, self.sign_button, self.print_button):
            tools.addWidget(button)
        tools.addStretch(1)
        tools.addWidget(self.busy)
        tools.addWidget(self.count_label)
        tools.addWidget(self.newest_button)
        tools.addWidget(self.oldest_button)

        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.unsigned_banner)
        layout.addWidget(self.filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.entry_bar)

        self.filters.changed.connect(self.model.set_filter)
        self.model.loading.connect(self.busy.setVisible)
        self.model.loaded.connect(self._loaded)
        self.model.failed.connect(self._load_failed)
        self.entry_bar.saved.connect(self._entry_saved)
        self.view.doubleClicked.connect(self._follow_link)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.new_button.clicked.connect(self.entry_bar.focus_entry)
        self.correct_button.clicked.connect(self.correct_selected)
        self.sign_button.clicked.connect(self.sign_day)
        self.print_button.clicked.connect(self.choose_print)
        self.newest_button.clicked.connect(lambda: self.jump_to_row(0))
        self.oldest_button.clicked.connect(lambda: self.jump_to_row(self.model.rowCount() - 1))
        # Ctrl+N of the tab alone; in the main window, the window's own Ctrl+N (from any tab)
        # takes over and this one is switched off, so the two are never ambiguous.
        self.new_entry_shortcut = QShortcut(QKeySequence("Ctrl+N"), self)
        self.new_entry_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.new_entry_shortcut.activated.connect(self.focus_entry)
        for keys, slot in (
            ("Ctrl+E", self.correct_selected),
            ("Ctrl+P", self.choose_print),
            ("Ctrl+F", self._focus_search),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        self.model.set_filter(self.filters.current())
        self._refresh_unsigned()
        self._update_buttons()

    def focus_entry(self) -> None:
        self.entry_bar.focus_entry()

    # -- list ----------------------------------------------------------------------------
    def selected_entry(self) -> LogEntryView | None:
        index = self.view.currentIndex()
        return self.model.entry(index.row()) if index.isValid() else None

    def jump_to_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            index = self.model.index(row, Column.SITUATION)
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def jump_to_entry(self, entry_id: int) -> bool:
        row = self._services.log.position_of(self.model.current_filter, entry_id)
        if row is None or row >= self.model.rowCount():
            return False
        self.jump_to_row(row)
        return True

    def _follow_link(self, index: QModelIndex) -> None:
        entry = self.model.entry(index.row())
        if entry is None:
            return
        target = entry.corrected_by_id or entry.corrects_id
        if target is not None and not self.jump_to_entry(target):
            self.count_label.setText(self.tr("#{id} is hidden by the filters").format(id=target))

    def _loaded(self, total: int) -> None:
        self.count_label.setText(self.tr("{n} entries").format(n=f"{total:,}"))
        self._update_buttons()

    def _load_failed(self, message: str) -> None:
        self.count_label.setText(self.tr("Search failed: {reason}").format(reason=message))

    def _entry_saved(self, _entry: LogEntryView) -> None:
        self.model.reload_now()
        self.jump_to_row(0)
        self._refresh_unsigned()

    def _focus_search(self) -> None:
        self.filters.text.setFocus()
        self.filters.text.selectAll()

    def _update_buttons(self) -> None:
        entry = self.selected_entry()
        self.correct_button.setEnabled(entry is not None and not entry.is_corrected)

    def _refresh_unsigned(self) -> None:
        today = self._services.desk.today()
        days = [d for d in self._services.log.unsigned_days(today - timedelta(days=LOOK_BACK_DAYS), today) if d < today]
        if days:
            shown = ", ".join(f"{d:%m-%d}" for d in days[:10]) + (" …" if len(days) > 10 else "")
            self.unsigned_banner.setText(self.tr("Not yet signed by a supervisor: {days}").format(days=shown))
        self.unsigned_banner.setVisible(bool(days))

    # -- actions -------------------------------------------------------------------------
    def correct_selected(self) -> LogEntryView | None:
        entry = self.selected_entry()
        if entry is None or entry.is_corrected:
            return None
        dialog = CorrectionDialog(self._services, self._actor, entry, self)
        if dialog.exec() and dialog.result_entry is not None:
            self.model.reload_now()
            self.jump_to_entry(dialog.result_entry.id)
            return dialog.result_entry
        return None

    def sign_day(self) -> None:
        dialog = ReviewDialog(self._services, self._actor, self)
        if dialog.exec():
            self.model.reload_now()
            self._refresh_unsigned()

    def choose_print(self) -> None:
        dialog = PrintLogDialog(self._services, self)
        if dialog.exec():
            self.print_log(dialog.chosen_filter(), dialog.action)

    def print_log(self, flt: LogFilter, action: int) -> Task:
        """Render the PDF off the UI thread with a progress dialog, then print or save it."""
        from desk_app.printing.logbook import render_log_pdf

        services = self._services
        return self._documents.start(
            lambda target, progress: render_log_pdf(services, flt, target, progress=progress),
            _pdf_name(flt),
            Output(action),
        )


def _pdf_name(flt: LogFilter) -> str:
    """The file name the save dialog suggests, e.g. 值班记录表_2026-11-01_2026-11-30.pdf."""
    if flt.date_from is None or flt.date_to is None:
        return "值班记录表.pdf"
    if flt.date_from == flt.date_to:
        return f"值班记录表_{flt.date_from:%Y-%m-%d}.pdf"
    return f"值班记录表_{flt.date_from:%Y-%m-%d}_{flt.date_to:%Y-%m-%d}.pdf"
