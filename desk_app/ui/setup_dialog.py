"""First start: the desk's name, time zone and shifts, the items kept at the desk, and the
first supervisor.

Everything is checked by ``DeskService.set_up``, which writes all of it or nothing; the
dialog only checks what the service cannot see (the repeated password). An error is
shown in the dialog, which stays open with what was typed.
"""

from __future__ import annotations

import logging
from zoneinfo import available_timezones

from PySide6.QtCore import QEvent, QObject, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.errors import DeskError
from desk_app.domain.roles import Actor
from desk_app.domain.shifts import MINUTES_PER_DAY, PRESETS
from desk_app.domain.text_rules import FIELD_DESK_NAME, FIELD_ITEM, FIELD_NAME, FIELD_UNIT
from desk_app.services.container import Services
from desk_app.ui.i18n import APP_TITLE, translate_error
from desk_app.ui.password_dialog import enter_moves_on
from desk_app.ui.service_dialog import ServiceDialog
from desk_app.ui.setup_items import ItemTable, starting_items
from desk_app.ui.widgets_common import (
    NOTE_STYLE,
    SIGN_IN_ERROR_STYLE,
    chain_tab_order,
    enter_moves_to_next_cell,
    form_table,
)

log = logging.getLogger(__name__)

DEFAULT_TIMEZONE = "Asia/Shanghai"
DEFAULT_PRESET = "three_shifts_24h"
MAX_SHIFTS = 8
MAX_ITEMS = 60


def duration_between(start_minute: int, end_minute: int) -> int:
    """Minutes from start to end on the desk clock; an end at or before the start is the
    next day, and an end equal to the start is a 24-hour duty."""
    minutes = (end_minute - start_minute) % MINUTES_PER_DAY
    return minutes or MINUTES_PER_DAY


def _minutes(value: QTime) -> int:
    return value.hour() * 60 + value.minute()


class ShiftTable(QTableWidget):
    """Shift templates as rows of name, start, end; the length is shown, not typed."""

    NAME, START, END, LENGTH = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        headers = [self.tr("Name"), self.tr("Starts"), self.tr("Ends"), self.tr("Length")]
        form_table(self, headers, stretch=self.LENGTH, widths={self.NAME: 170, self.START: 90, self.END: 90})

    def set_shifts(self, shifts: list[tuple[str, int, int]]) -> None:
        self.setRowCount(0)
        for name, start, duration in shifts:
            self.add_shift(name, start, duration)

    def add_shift(self, name: str = "", start: int = 8 * 60, duration: int = 8 * 60) -> None:
        row = self.rowCount()
        self.insertRow(row)
        name_edit = QLineEdit(name)
        name_edit.setFrame(False)
        end = (start + duration) % MINUTES_PER_DAY
        self.setCellWidget(row, self.NAME, name_edit)
        self.setCellWidget(row, self.START, self._time_edit(start))
        self.setCellWidget(row, self.END, self._time_edit(end))
        self.setCellWidget(row, self.LENGTH, QLabel())
        for column in (self.NAME, self.START, self.END):
            self.cellWidget(row, column).installEventFilter(self)
        self._update_length(row)

    def remove_selected(self) -> None:
        row = self.currentRow()
        if row >= 0:
            self.removeRow(row)
            for other in range(self.rowCount()):
                self._update_length(other)

    def editors(self) -> list[QWidget]:
        """The cells' fields in reading order (for the dialog's Tab order)."""
        return [
            widget
            for row in range(self.rowCount())
            for column in (self.NAME, self.START, self.END)
            if (widget := self.cellWidget(row, column)) is not None
        ]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if enter_moves_to_next_cell(watched, event, self.editors()):
            return True  # not the dialog's "Set up the desk" while the shifts are edited
        return super().eventFilter(watched, event)

    def shifts(self) -> list[tuple[str, int, int]]:
        result = []
        for row in range(self.rowCount()):
            name = self._line(row).text()
            start = _minutes(self._time(row, self.START).time())
            end = _minutes(self._time(row, self.END).time())
            result.append((name, start, duration_between(start, end)))
        return result

    def _time_edit(self, minute: int) -> QTimeEdit:
        edit = QTimeEdit(QTime(minute // 60, minute % 60))
        edit.setDisplayFormat("HH:mm")
        edit.setFrame(False)
        edit.timeChanged.connect(lambda _t, e=edit: self._update_length(self._row_of(e)))
        return edit

    def _row_of(self, widget: QWidget) -> int:
        for row in range(self.rowCount()):
            if widget in (self.cellWidget(row, self.START), self.cellWidget(row, self.END)):
                return row
        return -1

    def _line(self, row: int) -> QLineEdit:
        widget = self.cellWidget(row, self.NAME)
        assert isinstance(widget, QLineEdit)
        return widget

    def _time(self, row: int, column: int) -> QTimeEdit:
        widget = self.cellWidget(row, column)
        assert isinstance(widget, QTimeEdit)
        return widget

    def _update_length(self, row: int) -> None:
        label = self.cellWidget(row, self.LENGTH) if row >= 0 else None
        if not isinstance(label, QLabel):
            return
        start = _minutes(self._time(row, self.START).time())
        end = _minutes(self._time(row, self.END).time())
        minutes = duration_between(start, end)
        hours, rest = divmod(minutes, 60)
        text = self.tr("{h} h {m} min").format(h=hours, m=rest) if rest else self.tr("{h} h").format(h=hours)
        if start + minutes > MINUTES_PER_DAY:
            text = self.tr("{length}, ends next day").format(length=text)
        label.setText(" " + text + " ")


class SetupDialog(ServiceDialog):
    error_style = SIGN_IN_ERROR_STYLE

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Set up the desk — {app}").format(app=APP_TITLE))

        intro = QLabel(
            self.tr(
                "This is the first start of DutyDesk with this database. Name the desk, choose its "
                "shifts, list the items kept at the desk and create the first supervisor account; "
                "the supervisor then adds the clerks."
            )
        )
        intro.setWordWrap(True)

        self.desk_name = QLineEdit()
        self.desk_name.setPlaceholderText(self.tr("for example: Green Lake Garden customer service centre front desk"))
        self.timezone = QComboBox()
        self.timezone.setEditable(True)
        zones = sorted(available_timezones() - {DEFAULT_TIMEZONE})
        self.timezone.addItems([DEFAULT_TIMEZONE, *zones])
        self.timezone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = QCompleter(self.timezone.model(), self.timezone)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.timezone.setCompleter(completer)
        desk_box = QGroupBox(self.tr("Desk"))
        desk_form = QFormLayout(desk_box)
        desk_form.addRow(self.tr("Desk name:"), self.desk_name)
        desk_form.addRow(self.tr("Time zone:"), self.timezone)

        self.preset = QComboBox()
        for key, shifts in PRESETS.items():
            self.preset.addItem(self._preset_text(key, shifts), key)
        self.shift_table = ShiftTable()
        self.shift_table.setMinimumHeight(150)
        self.add_shift_button = QPushButton(self.tr("Add shift"))
        self.remove_shift_button = QPushButton(self.tr("Remove shift"))
        self.add_shift_button.clicked.connect(self._add_shift)
        self.remove_shift_button.clicked.connect(self._remove_shift)
        self.preset.currentIndexChanged.connect(self._apply_preset)
        shift_hint = QLabel(self.tr("Choose the pattern closest to the desk's, then adjust names and times if needed."))
        shift_hint.setWordWrap(True)
        shift_buttons = QHBoxLayout()
        shift_buttons.addStretch(1)
        shift_buttons.addWidget(self.add_shift_button)
        shift_buttons.addWidget(self.remove_shift_button)
        shift_box = QGroupBox(self.tr("Shifts"))
        shift_layout = QVBoxLayout(shift_box)
        shift_layout.addWidget(shift_hint)
        shift_layout.addWidget(self.preset)
        shift_layout.addWidget(self.shift_table)
        shift_layout.addLayout(shift_buttons)

        self.item_table = ItemTable()
        self.item_table.setMinimumHeight(250)
        self.item_table.set_items(starting_items())
        self.add_item_button = QPushButton(self.tr("Add item"))
        self.remove_item_button = QPushButton(self.tr("Remove item"))
        self.add_item_button.clicked.connect(self._add_item)
        self.remove_item_button.clicked.connect(self._remove_item)
        item_hint = QLabel(
            self.tr(
                "Everything kept at the desk is counted at every handover. Change the list to what "
                "this desk really keeps; a supervisor can change it later (Handover → Item list…)."
            )
        )
        item_hint.setWordWrap(True)
        item_hint.setStyleSheet(NOTE_STYLE)
        # Shown once the list is empty: a desk that keeps nothing says so (recorded in the
        # first supervisor's name), or it could not hand over.
        self.keeps_no_items = QCheckBox(self.tr("This desk keeps no items to count"))
        item_buttons = QHBoxLayout()
        item_buttons.addStretch(1)
        item_buttons.addWidget(self.add_item_button)
        item_buttons.addWidget(self.remove_item_button)
        item_box = QGroupBox(self.tr("Items kept at the desk"))
        item_layout = QVBoxLayout(item_box)
        item_layout.addWidget(item_hint)
        item_layout.addWidget(self.item_table)
        item_layout.addWidget(self.keeps_no_items)
        item_layout.addLayout(item_buttons)

        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("Latin letters and digits, for example zhangmin"))
        self.display_name = QLineEdit()
        self.display_name.setPlaceholderText(self.tr("as printed on the forms, for example 张敏"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_repeat = QLineEdit()
        self.password_repeat.setEchoMode(QLineEdit.EchoMode.Password)
        person_box = QGroupBox(self.tr("First supervisor"))
        person_form = QFormLayout(person_box)
        person_form.addRow(self.tr("User name:"), self.username)
        person_form.addRow(self.tr("Name:"), self.display_name)
        person_form.addRow(self.tr("Password:"), self.password)
        person_form.addRow(self.tr("Repeat password:"), self.password_repeat)
        # Enter moves down the person's fields and, in the last, sets up the desk.
        enter_moves_on([self.username, self.display_name, self.password, self.password_repeat], self.submit)

        self.message.hide()

        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(self.tr("Set up the desk"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        columns = QHBoxLayout()
        columns.addWidget(shift_box, 1)
        columns.addWidget(item_box, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(desk_box)
        layout.addLayout(columns, 1)
        layout.addWidget(person_box)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(1000)

        self.preset.setCurrentIndex(max(0, self.preset.findData(DEFAULT_PRESET)))
        self._apply_preset()
        self.item_table.changed.connect(self._update_keeps_no_items)
        self._update_keeps_no_items()
        self.desk_name.setFocus()

    def _preset_text(self, key: str, shifts: list[tuple[str, int, int]]) -> str:
        labels = {
            "three_shifts_24h": self.tr("Three shifts, around the clock"),
            "day_evening": self.tr("Day and evening"),
            "day_night_12h": self.tr("Day and night, 12 hours each"),
            "duty_24h": self.tr("24-hour duty"),
        }
        times = "  ".join(f"{name} {_span(start, duration)}" for name, start, duration in shifts)
        return f"{labels.get(key, key)}: {times}"

    def _apply_preset(self) -> None:
        key = self.preset.currentData()
        self.shift_table.set_shifts(PRESETS.get(key, []))
        self._chain_tab_order()

    def _add_shift(self) -> None:
        if self.shift_table.rowCount() < MAX_SHIFTS:
            self.shift_table.add_shift()
            self._chain_tab_order()

    def _remove_shift(self) -> None:
        self.shift_table.remove_selected()
        self._chain_tab_order()

    def _add_item(self) -> None:
        if self.item_table.rowCount() < MAX_ITEMS:
            name = self.item_table.add_item()
            self._chain_tab_order()
            name.setFocus()

    def _remove_item(self) -> None:
        self.item_table.remove_selected()
        self._chain_tab_order()

    def _update_keeps_no_items(self) -> None:
        self.keeps_no_items.setVisible(not self.item_table.listed())

    def _chain_tab_order(self) -> None:
        """Tab goes through the form from top to bottom, through each table's cells and out
        of it to the next control (rows come and go, so this is done again each time)."""
        chain_tab_order(
            [
                self.desk_name,
                self.timezone,
                self.preset,
                self.shift_table,
                *self.shift_table.editors(),
                self.add_shift_button,
                self.remove_shift_button,
                self.item_table,
                *self.item_table.editors(),
                self.keeps_no_items,
                self.add_item_button,
                self.remove_item_button,
                self.username,
                self.display_name,
                self.password,
                self.password_repeat,
                *self.buttons.buttons(),
            ]
        )

    def submit(self) -> None:
        if self.password.text() != self.password_repeat.text():
            self.show_error(self.tr("The two passwords are not the same."))
            self.password_repeat.clear()
            self.password_repeat.setFocus()
            return
        items = self.item_table.listed()
        if not items and not self.keeps_no_items.isChecked():
            self._update_keeps_no_items()
            self.show_error(
                self.tr(
                    "The item list is empty. Add the items kept at the desk, or tick “{keeps_none}” "
                    "if it really keeps none."
                ).format(keeps_none=self.keeps_no_items.text())
            )
            self.keeps_no_items.setFocus()
            return
        try:
            self.actor = self._services.desk.set_up(
                self._services.accounts,
                desk_name=self.desk_name.text(),
                timezone=self.timezone.currentText().strip(),
                shifts=self.shift_table.shifts(),
                supervisor_username=self.username.text(),
                supervisor_name=self.display_name.text(),
                supervisor_password=self.password.text(),
                items=items,
            )
        except DeskError as exc:
            self.show_error(translate_error(exc))  # not attempt(): the field named gets the focus
            self._focus_for(exc)
            return
        if not items:
            try:
                self._services.handover.record_keeps_no_items(self.actor)
            except DeskError as exc:  # the desk is set up; its first handover asks again
                log.warning("setup: keeping no items not recorded: %s", exc.english())
        log.info("desk set up: %s; first supervisor %s", self.desk_name.text().strip(), self.actor.username)
        self.accept()

    def _focus_for(self, exc: DeskError) -> None:
        field = str(exc.params.get("field", ""))
        item_error = field in (FIELD_ITEM, FIELD_UNIT) or "name" in exc.params or "max" in exc.params
        if item_error and self.item_table.focus_first_invalid():
            return
        target = {FIELD_DESK_NAME: self.desk_name, FIELD_NAME: self.display_name}.get(field)
        if target is not None:
            target.setFocus()


def _span(start: int, duration: int) -> str:
    end = (start + duration) % MINUTES_PER_DAY
    return f"{start // 60:02d}:{start % 60:02d}–{end // 60:02d}:{end % 60:02d}"
