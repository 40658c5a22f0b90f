"""Filters of the log list: date range, category, clerk and free text (debounced)."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from desk_app.domain.categories import LogCategory
from desk_app.services.container import Services
from desk_app.services.log import LogFilter
from desk_app.ui.log_tab.entry_bar import category_label, combo_category
from desk_app.ui.widgets_common import pydate, qdate

SEARCH_DELAY_MS = 250


class FilterBar(QWidget):
    changed = Signal(object)  # LogFilter

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        today = services.desk.today()
        self.use_dates = QCheckBox(self.tr("Dates"))
        self.date_from = QDateEdit(qdate(today))
        self.date_to = QDateEdit(qdate(today))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.category = QComboBox()
        self.category.addItem(self.tr("All categories"), None)
        for category in LogCategory:
            self.category.addItem(category_label(category), category.value)
        self.clerk = QComboBox()
        self.clerk.addItem(self.tr("All clerks"), None)
        for person in services.accounts.staff():
            self.clerk.addItem(person.display_name, person.id)
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Search text, e.g. 漏水 (Ctrl+F)"))
        self.text.setClearButtonEnabled(True)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.use_dates)
        layout.addWidget(self.date_from)
        layout.addWidget(QLabel("–"))
        layout.addWidget(self.date_to)
        layout.addWidget(self.category)
        layout.addWidget(self.clerk)
        layout.addWidget(self.text, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self._emit)
        self.text.textChanged.connect(lambda _t: self._debounce.start())
        self.use_dates.toggled.connect(self._dates_toggled)
        self.date_from.dateChanged.connect(lambda _d: self._emit())
        self.date_to.dateChanged.connect(lambda _d: self._emit())
        self.category.currentIndexChanged.connect(lambda _i: self._emit())
        self.clerk.currentIndexChanged.connect(lambda _i: self._emit())

    def _dates_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self._emit()

    def current(self) -> LogFilter:
        date_from = date_to = None
        if self.use_dates.isChecked():
            date_from, date_to = pydate(self.date_from.date()), pydate(self.date_to.date())
            if date_to < date_from:
                date_from, date_to = date_to, date_from
        category = combo_category(self.category)
        return LogFilter(
            date_from=date_from,
            date_to=date_to,
            categories=frozenset({category}) if category is not None else frozenset(),
            clerk_id=self.clerk.currentData(),
            text=self.text.text().strip(),
        )

    def apply_now(self) -> None:
        """Skip the typing delay (tests, Enter in the search box)."""
        self._debounce.stop()
        self._emit()

    def _emit(self) -> None:
        self.changed.emit(self.current())
