"""The desk's holiday table (管理 → 节假日安排…): a year's days as the library seeds them and
as a supervisor enters or corrects them from the State Council's notice (放假安排), and the
year confirmed with the notice's reference. Also the two warnings that a year's holidays
are a guess: the roster tab's banner and the notice a supervisor sees on signing in.

The services check the role and every value again; the buttons only spare a clerk a
refusal.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.roles import Actor, Role
from desk_app.domain.workdays import NAME_MAX, DayKind, DaySource
from desk_app.services.container import Services
from desk_app.services.holidays import FIRST_YEAR, LAST_YEAR, NOTICE_MAX, YearView
from desk_app.ui.service_dialog import ServiceDialog, attempt
from desk_app.ui.widgets_common import ALERT_STYLE, NOTE_STYLE, OK_STYLE, WARNING_STYLE, pydate, qdate, weekday_name

if TYPE_CHECKING:
    from desk_app.ui.main_window import MainWindow

DATE, WEEKDAY, KIND, NAME, SOURCE = range(5)


def provisional(text: str) -> str:
    """A due time counted in working days of a year whose holidays nobody confirmed."""
    return QCoreApplication.translate("HolidayWarning", "{time} (holidays not confirmed)").format(time=text)


def _years_text(years: list[int]) -> str:
    return "、".join(str(y) for y in years)


class HolidaysDialog(ServiceDialog):
    """Pick a year, see its days (where each comes from), add, correct or remove one, and
    confirm the year from the notice."""

    def __init__(self, services: Services, actor: Actor, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Holiday schedule"))
        self._services = services
        self._actor = actor
        self._view: YearView | None = None
        supervisor = self._supervisor = actor.role.at_least(Role.SUPERVISOR)

        self.year = QSpinBox()
        self.year.setRange(FIRST_YEAR, LAST_YEAR)
        self.year.setValue(year)
        self.year.setKeyboardTracking(False)
        self.state = QLabel()
        self.state.setWordWrap(True)
        year_row = QHBoxLayout()
        year_label = QLabel(self.tr("&Year"))
        year_label.setBuddy(self.year)
        year_row.addWidget(year_label)
        year_row.addWidget(self.year)
        year_row.addWidget(self.state, 1)

        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Weekday"), self.tr("Kind"), self.tr("Name"), self.tr("Source")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        for column in (DATE, WEEKDAY, KIND, NAME):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SOURCE, QHeaderView.ResizeMode.Stretch)
        self.table.installEventFilter(self)

        # -- one day -----------------------------------------------------------------------
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.kind = QComboBox()
        for kind in DayKind:
            self.kind.addItem(QCoreApplication.translate("DayKind", kind.label), kind.value)
        self.name = QLineEdit()
        self.name.setMaxLength(NAME_MAX)
        self.name.setPlaceholderText(self.tr("e.g. 元旦, 春节, 国庆节"))
        self.name.returnPressed.connect(self.save_day)
        self.save_day_button = QPushButton(self.tr("&Save this day"))
        self.save_day_button.clicked.connect(self.save_day)
        self.remove_button = QPushButton(self.tr("&Remove the desk's entry"))
        self.remove_button.clicked.connect(self.remove_day)
        day_box = QGroupBox(self.tr("A day of the notice"))
        day_form = QFormLayout(day_box)
        day_form.addRow(self.tr("&Date"), self.day)
        day_form.addRow(self.tr("&Kind"), self.kind)
        day_form.addRow(self.tr("&Name"), self.name)
        day_buttons = QHBoxLayout()
        day_buttons.addStretch(1)
        day_buttons.addWidget(self.remove_button)
        day_buttons.addWidget(self.save_day_button)
        day_form.addRow(day_buttons)

        # -- the year's confirmation ---------------------------------------------------------
        self.notice = QLineEdit()
        self.notice.setMaxLength(NOTICE_MAX)
        self.notice.setPlaceholderText(self.tr("e.g. 国办发明电〔2026〕7号"))
        self.notice.returnPressed.connect(self.confirm_year)
        self.confirm_button = QPushButton(self.tr("&Confirm the year"))
        self.confirm_button.clicked.connect(self.confirm_year)
        self.unconfirm_button = QPushButton(self.tr("&Undo the confirmation"))
        self.unconfirm_button.setToolTip(self.tr("The year's days are a guess again until it is confirmed."))
        self.unconfirm_button.clicked.connect(self.unconfirm_year)
        self.confirmation = QLabel()
        self.confirmation.setWordWrap(True)
        confirm_box = QGroupBox(self.tr("Checked against the State Council's notice"))
        confirm_form = QFormLayout(confirm_box)
        confirm_form.addRow(self.tr("N&otice"), self.notice)  # a whole row: the reference is long
        confirm_row = QHBoxLayout()
        confirm_row.addStretch(1)
        confirm_row.addWidget(self.confirm_button)
        confirm_row.addWidget(self.unconfirm_button)
        confirm_form.addRow(confirm_row)
        confirm_form.addRow(self.confirmation)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        # Enter is each field's own (the name saves the day, the notice confirms the year, the
        # year loads it): no button of the dialog takes it as the default.
        for button in (
            self.save_day_button,
            self.remove_button,
            self.confirm_button,
            self.unconfirm_button,
            buttons.button(QDialogButtonBox.StandardButton.Close),
        ):
            button.setAutoDefault(False)
            button.setDefault(False)
        layout = QVBoxLayout(self)
        layout.addLayout(year_row)
        layout.addWidget(self.table, 1)
        edits = QHBoxLayout()
        edits.addWidget(day_box, 1)
        edits.addWidget(confirm_box, 1)
        layout.addLayout(edits)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        for widget in (self.save_day_button, self.remove_button, self.confirm_button, self.name, self.notice):
            widget.setEnabled(supervisor)
        if not supervisor:
            self.show_message(self.tr("Only a supervisor or manager changes the holiday schedule."), NOTE_STYLE)
        self.setTabOrder(self.year, self.table)
        self.setTabOrder(self.table, self.day)
        self.setTabOrder(self.day, self.kind)
        self.setTabOrder(self.kind, self.name)
        self.setTabOrder(self.name, self.save_day_button)
        self.setTabOrder(self.save_day_button, self.remove_button)
        self.setTabOrder(self.remove_button, self.notice)
        self.setTabOrder(self.notice, self.confirm_button)
        self.setTabOrder(self.confirm_button, self.unconfirm_button)
        self.year.valueChanged.connect(self._year_changed)
        self.table.currentCellChanged.connect(lambda row, *_: self._pick(row))
        self.resize(900, 640)
        self._year_changed()

    # -- loading ---------------------------------------------------------------------------
    def _year_changed(self) -> None:
        year = self.year.value()
        self.day.setDateRange(QDate(year, 1, 1), QDate(year, 12, 31))
        self.day.setDate(QDate(year, 1, 1))
        self.load()

    def load(self) -> None:
        view = attempt(lambda: self._services.holidays.year(self.year.value()), self.show_error)
        if view is None:
            return
        self._view = view
        self.table.setRowCount(len(view.days))
        for row, d in enumerate(view.days):
            kind = QCoreApplication.translate("DayKind", d.kind.label)
            source = self.tr("Holiday library") if d.source is DaySource.LIBRARY else self.tr("Entered at the desk")
            if d.source is DaySource.DESK and d.library is not None:
                source = self.tr("Entered at the desk (library: {kind} {name})").format(
                    kind=QCoreApplication.translate("DayKind", d.library.kind.label), name=d.library.name
                )
            cells = [d.day.isoformat(), weekday_name(d.day.weekday()), kind, d.name, source]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, d.day.isoformat())
                self.table.setItem(row, column, item)
        self.state.setText(self._state_text(view))
        self.state.setStyleSheet(OK_STYLE if view.confirmed else WARNING_STYLE)
        if view.confirmation is not None:
            c = view.confirmation
            self.confirmation.setText(
                self.tr("Confirmed by {name} on {at} from the notice {notice}.").format(
                    name=c.by, at=f"{c.at:%Y-%m-%d %H:%M}", notice=c.notice
                )
            )
            self.notice.setText(c.notice)
            self.unconfirm_button.setEnabled(self._supervisor)
        else:
            self.unconfirm_button.setEnabled(False)
            self.confirmation.setText(self.tr("Not confirmed at this desk yet."))
            self.notice.clear()

    def _state_text(self, view: YearView) -> str:
        if view.confirmation is not None:
            return self.tr("{year}: confirmed at this desk.").format(year=view.year)
        if view.library_confirmed:
            return self.tr("{year}: the holiday library carries the State Council's notice.").format(year=view.year)
        return self.tr(
            "{year}: not confirmed. The holiday library does not carry this year's notice: its days are "
            "reckoned from the rules, without bridging days or make-up working days. Enter the days from "
            "the notice and confirm the year."
        ).format(year=view.year)

    def _pick(self, row: int) -> None:
        if self._view is None or not 0 <= row < len(self._view.days):
            return
        d = self._view.days[row]
        self.day.setDate(qdate(d.day))
        self.kind.setCurrentIndex(self.kind.findData(d.kind.value))
        self.name.setText(d.name)

    def select_day(self, day: date) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, DATE)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == day.isoformat():
                self.table.setCurrentCell(row, DATE)
                return

    # -- changing ----------------------------------------------------------------------------
    def save_day(self) -> None:
        day = pydate(self.day.date())
        kind = DayKind(self.kind.currentData())
        holidays = self._services.holidays
        if self.attempt(lambda: holidays.set_day(self._actor, self.year.value(), day, kind, self.name.text())):
            self.load()
            self.select_day(day)
            self.show_message(self.tr("{day} saved.").format(day=day.isoformat()))

    def remove_day(self) -> None:
        day = pydate(self.day.date())
        if self.attempt(lambda: self._services.holidays.remove_day(self._actor, self.year.value(), day)):
            self.load()
            self.show_message(self.tr("The desk's entry for {day} is removed.").format(day=day.isoformat()))

    def confirm_year(self) -> None:
        year = self.year.value()
        if self.attempt(lambda: self._services.holidays.confirm_year(self._actor, year, self.notice.text())):
            self.load()
            self.show_message(self.tr("{year} is confirmed.").format(year=year))

    def unconfirm_year(self) -> None:
        year = self.year.value()
        if self.attempt(lambda: self._services.holidays.unconfirm_year(self._actor, year)):
            self.load()
            self.show_message(self.tr("The confirmation of {year} is taken back.").format(year=year))

    def eventFilter(self, watched: object, event: object) -> bool:  # noqa: N802 - Qt's name
        if watched is self.table and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Delete and self.remove_button.isEnabled():
                self.remove_day()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.name.setFocus()
                return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]


class HolidayWarning(QLabel):
    """The roster tab's banner: the month being planned, or the next 60 days, fall in a year
    whose holidays nobody has confirmed."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setWordWrap(True)
        self.setStyleSheet(f"{ALERT_STYLE} background: #fff4e5; padding: 4px;")
        self.hide()

    def refresh(self, first: date, last: date) -> list[int]:
        holidays = self._services.holidays

        def years() -> list[int]:
            return sorted({*holidays.unconfirmed_years(first, last), *holidays.upcoming_unconfirmed()})

        found = attempt(years, self.setText) or []
        if found:
            self.setText(
                self.tr(
                    "The holidays of {years} are not confirmed: holidays and make-up working days may be "
                    "missing or wrong. A supervisor enters them from the State Council's notice "
                    "(Admin → Holiday schedule…)."
                ).format(years=_years_text(found))
            )
        self.setVisible(bool(found))
        return found


class HolidayNotice(QPushButton):
    """What a supervisor sees on signing in while a year of the next 60 days is unconfirmed:
    a button in the status bar that opens the holiday schedule."""

    opened = Signal()

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self.setFlat(True)
        self.setStyleSheet(ALERT_STYLE)
        self.clicked.connect(self.opened)
        self.refresh()

    def refresh(self) -> list[int]:
        years: list[int] = []
        if self.actor.role.at_least(Role.SUPERVISOR):
            years = attempt(self.services.holidays.upcoming_unconfirmed, lambda _text: None) or []
        self.setText(self.tr("Holidays of {years} not confirmed").format(years=_years_text(years)))
        self.setToolTip(
            self.tr("Enter the days from the State Council's notice and confirm the year (Admin → Holiday schedule…).")
        )
        self.setVisible(bool(years))
        return years


def install_holiday_notice(window: MainWindow, services: Services) -> None:
    """The window's part: the sign-in notice in the status bar (supervisors only)."""
    window.holiday_notice = HolidayNotice(services, window.actor, window)
    window.holiday_notice.opened.connect(lambda: open_holidays(window))
    window.statusBar().addPermanentWidget(window.holiday_notice)
    window.status_timer.timeout.connect(window.holiday_notice.refresh)  # the 60 days move on
    if window.holiday_notice.isVisible():
        window.statusBar().showMessage(window.holiday_notice.toolTip(), 60_000)


def open_holidays(window: MainWindow) -> None:
    """管理 → 节假日安排…: the first unconfirmed year ahead, else this year."""
    services = window.holiday_notice.services
    ahead = attempt(services.holidays.upcoming_unconfirmed, lambda _text: None) or []
    year = ahead[0] if ahead else services.desk.today().year
    dialog = HolidaysDialog(services, window.actor, year, window)
    dialog.exec()
    dialog.deleteLater()  # a child of the window: gone once closed, not at sign-out
    window.holiday_notice.refresh()
    reload = getattr(window.roster_tab, "reload", None)
    if callable(reload):
        reload()
