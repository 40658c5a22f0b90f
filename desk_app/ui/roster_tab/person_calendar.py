"""One person's month as a wall calendar: each day with its shift and times, holidays and
make-up working days marked, approved leave and kept days off shown."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.workdays import HolidayCalendar
from desk_app.services.container import Services
from desk_app.ui.roster_tab.model import HOLIDAY_COLOR, LEAVE_COLOR, MAKE_UP_COLOR, WEEKEND_COLOR
from desk_app.ui.widgets_common import weekday_name


class PersonCalendarDialog(QDialog):
    def __init__(
        self, services: Services, year: int, month: int, account_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        view = services.roster.month(year, month)
        member = next(m for m in view.staff if m.account_id == account_id)
        templates = {t.id: t for t in services.desk.shift_templates(include_inactive=True)}
        self.calendar = services.holidays.calendar()
        leave = services.roster.approved_leave(view.days[0], view.days[-1]).get(account_id, set())
        self.setWindowTitle(self.tr("{name}: {year}-{month:02d}").format(name=member.name, year=year, month=month))
        first = view.days[0]
        weeks = (first.weekday() + len(view.days) + 6) // 7
        self.table = QTableWidget(weeks, 7)
        self.table.setHorizontalHeaderLabels([weekday_name(d) for d in range(7)])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        worked = 0
        for day in view.days:
            position = first.weekday() + day.day - 1
            template_id, locked = view.cells.get((account_id, day), (None, False))
            lines = [str(day.day)]
            if template_id is not None and template_id in templates:
                template = templates[template_id]
                lines.append(f"{template.name}\n{template.span_text()}")
                worked += 1
            elif day in leave:
                lines.append(self.tr("leave"))
            elif locked:
                lines.append(self.tr("day off"))
            item = QTableWidgetItem("\n".join(lines))
            item.setTextAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            color = self._color(day, day in leave, self.calendar)
            if color is not None:
                item.setBackground(color)
            if self.calendar.is_holiday(day):
                item.setToolTip(self.tr("Statutory holiday"))
            self.table.setItem(position // 7, position % 7, item)
        summary = QLabel(self.tr("{n} shifts this month").format(n=worked))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(summary)
        layout.addWidget(buttons)
        self.resize(760, 520)

    @staticmethod
    def _color(day: date, on_leave: bool, calendar: HolidayCalendar) -> QBrush | None:
        if on_leave:
            return QBrush(LEAVE_COLOR)
        if calendar.is_holiday(day):
            return QBrush(HOLIDAY_COLOR)
        if day.weekday() >= 5:
            return QBrush(MAKE_UP_COLOR if calendar.is_workday(day) else WEEKEND_COLOR)
        return None
