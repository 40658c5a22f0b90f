"""The month grid: one row per person and one column per day, then one row per shift with
its coverage (planned/needed, red when short), and each person's totals at the right.

Holidays (法定节假日) are tinted red, weekends grey, make-up working days (调休上班)
yellow; a locked cell is bold, a locked day off reads 休 and approved leave 假."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desk_app.domain.roster import ShiftNeed, short_labels
from desk_app.domain.shifts import ShiftTemplate
from desk_app.domain.workdays import HolidayCalendar
from desk_app.roster.conflict import Rule
from desk_app.services.roster import IssueKind, MonthView, RosterIssue
from desk_app.ui.widgets_common import weekday_name

HOLIDAY_COLOR = QColor("#fde2e2")
WEEKEND_COLOR = QColor("#eeeeee")
MAKE_UP_COLOR = QColor("#fff4c2")
SHORT_COLOR = QColor("#f8bbbb")
COVERAGE_COLOR = QColor("#f3f6fb")
LEAVE_COLOR = QColor("#dcecff")
WISH_COLOR = QColor("#2e7d32")

OFF_MARK = "休"
LEAVE_MARK = "假"

Index = QModelIndex | QPersistentModelIndex
# edit(account_id, day, template_id or None, locked) -> whether the change was saved
EditFn = Callable[[int, date, int | None, bool], bool]


class RosterGridModel(QAbstractTableModel):
    SUMMARY_COLUMNS = 2  # shifts, hours

    def __init__(self, edit: EditFn, *, editable: bool) -> None:
        super().__init__()
        self._edit = edit
        self._editable = editable
        self.view: MonthView | None = None
        self.templates: list[ShiftTemplate] = []
        self.labels: dict[int, str] = {}
        self.needs: dict[int, ShiftNeed] = {}
        self.leave: dict[int, set[date]] = {}
        self.wishes: dict[tuple[int, date], str] = {}
        self.calendar = HolidayCalendar()  # the desk's, given with each month (load)
        self._planned: dict[tuple[date, int], int] = {}

    # -- loading -----------------------------------------------------------------------------
    def load(
        self,
        view: MonthView,
        templates: list[ShiftTemplate],
        needs: dict[int, ShiftNeed],
        leave: dict[int, set[date]],
        wishes: dict[tuple[int, date], str],
        calendar: HolidayCalendar,
    ) -> None:
        self.beginResetModel()
        self.view = view
        self.calendar = calendar
        self.templates = templates
        self.labels = short_labels(templates)
        self.needs = needs
        self.leave = leave
        self.wishes = wishes
        self._count()
        self.endResetModel()

    def preview(self, assignments: list[tuple[int, date, int]]) -> None:
        """Show a generated roster (not saved): locked cells stay, the rest is replaced."""
        if self.view is None:
            return
        kept = {key: cell for key, cell in self.view.cells.items() if cell[1]}
        for account_id, day, template_id in assignments:
            if (account_id, day) not in kept:
                kept[(account_id, day)] = (template_id, False)
        self.view.cells = kept
        self._count()
        self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def _count(self) -> None:
        self._planned = {}
        if self.view is None:
            return
        for _a, day, template_id in self.view.assignments():
            self._planned[(day, template_id)] = self._planned.get((day, template_id), 0) + 1

    @property
    def staff_rows(self) -> int:
        return len(self.view.staff) if self.view is not None else 0

    def day_of(self, column: int) -> date | None:
        if self.view is None or not 0 <= column < len(self.view.days):
            return None
        return self.view.days[column]

    def account_of(self, row: int) -> int | None:
        if self.view is None or not 0 <= row < self.staff_rows:
            return None
        return self.view.staff[row].account_id

    def index_of(self, issue: RosterIssue) -> QModelIndex:
        """The cell an entry of the month's summary is about: a short shift's coverage cell,
        the person's cell of the day, or the person's hours / shifts total for a rule of the
        whole month. Invalid when the grid does not show it."""
        if self.view is None:
            return QModelIndex()
        day = issue.day
        column = self.view.days.index(day) if day in self.view.days else -1
        if issue.kind is IssueKind.GAP:
            rows = [self.staff_rows + i for i, t in enumerate(self.templates) if t.id == issue.template_id]
        else:
            rows = [i for i, m in enumerate(self.view.staff) if m.account_id == issue.account_id]
            if day is None:
                hours = issue.rule in (Rule.MIN_MINUTES, Rule.MAX_MINUTES)
                column = len(self.view.days) + (1 if hours else 0)
        if not rows or column < 0:
            return QModelIndex()
        return self.index(rows[0], column)

    # -- Qt ----------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() or self.view is None else self.staff_rows + len(self.templates)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() or self.view is None else len(self.view.days) + self.SUMMARY_COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if self.view is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            day = self.day_of(section)
            if role == Qt.ItemDataRole.DisplayRole:
                if day is None:
                    return [self.tr("Shifts"), self.tr("Hours")][section - len(self.view.days)]
                return f"{day.day}\n{weekday_name(day.weekday(), narrow=True)}"
            if role == Qt.ItemDataRole.ToolTipRole and day is not None:
                if self.calendar.is_holiday(day):
                    return self.tr("Statutory holiday")
                if self.calendar.is_make_up_day(day):
                    return self.tr("Make-up working day")
            if role == Qt.ItemDataRole.BackgroundRole and day is not None:
                return self._day_brush(day)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section < self.staff_rows:
                return self.view.staff[section].name
            template = self.templates[section - self.staff_rows]
            return self.tr("{shift} planned/needed").format(shift=template.name)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._editable and index.row() < self.staff_rows and self.day_of(index.column()) is not None:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.view is None or not index.isValid():
            return None
        row, column = index.row(), index.column()
        day = self.day_of(column)
        if row >= self.staff_rows:
            return self._coverage(self.templates[row - self.staff_rows], day, column, role)
        account_id = self.view.staff[row].account_id
        if day is None:
            return self._summary(account_id, column - len(self.view.days), role)
        template_id, locked = self.view.cells.get((account_id, day), (None, False))
        on_leave = day in self.leave.get(account_id, set())
        if role == Qt.ItemDataRole.DisplayRole:
            if template_id is not None:
                return self.labels.get(template_id, "?")
            if on_leave:
                return LEAVE_MARK
            return OFF_MARK if locked else ""
        if role == Qt.ItemDataRole.EditRole:
            return template_id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.FontRole and locked:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            if on_leave:
                return QBrush(LEAVE_COLOR)
            return self._day_brush(day)
        if role == Qt.ItemDataRole.ForegroundRole and (account_id, day) in self.wishes:
            return QBrush(WISH_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = []
            template = next((t for t in self.templates if t.id == template_id), None)
            if template is not None:
                parts.append(f"{template.name} {template.span_text()}")
            if locked:
                parts.append(self.tr("locked: the generator keeps it"))
            if on_leave:
                parts.append(self.tr("approved leave"))
            wish = self.wishes.get((account_id, day))
            if wish:
                parts.append(self.tr("wish: {wish}").format(wish=wish))
            return "\n".join(parts) or None
        return None

    def _day_brush(self, day: date) -> QBrush | None:
        if self.calendar.is_holiday(day):
            return QBrush(HOLIDAY_COLOR)
        if day.weekday() >= 5:
            return QBrush(MAKE_UP_COLOR if self.calendar.is_workday(day) else WEEKEND_COLOR)
        return None

    def _coverage(self, template: ShiftTemplate, day: date | None, column: int, role: int) -> Any:
        if day is None:
            return None
        need = self.needs[template.id].on(day, self.calendar) if template.id in self.needs else 0
        have = self._planned.get((day, template.id), 0)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{have}/{need}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(SHORT_COLOR if have < need else COVERAGE_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole and have < need:
            return self.tr("{n} short").format(n=need - have)
        return None

    def _summary(self, account_id: int, which: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role != Qt.ItemDataRole.DisplayRole or self.view is None:
            return None
        minutes = {t.id: t.duration_minutes for t in self.templates}
        mine = [t for a, _d, t in self.view.assignments() if a == account_id]
        if which == 0:
            return str(len(mine))
        return f"{sum(minutes.get(t, 0) for t in mine) / 60:g}"

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """``value``: a template id, None (clear), or the string "off" (a locked day off)."""
        if role != Qt.ItemDataRole.EditRole or self.view is None:
            return False
        account_id, day = self.account_of(index.row()), self.day_of(index.column())
        if account_id is None or day is None:
            return False
        if value == "off":
            template_id, locked = None, True
        else:
            template_id = int(value) if value is not None else None
            locked = self.view.cells.get((account_id, day), (None, False))[1] and template_id is not None
        return self.save(account_id, day, template_id, locked)

    def toggle_lock(self, index: Index) -> bool:
        account_id, day = self.account_of(index.row()), self.day_of(index.column())
        if self.view is None or account_id is None or day is None:
            return False
        template_id, locked = self.view.cells.get((account_id, day), (None, False))
        if template_id is None and locked:
            return self.save(account_id, day, None, False)  # an unlocked day off is no cell at all
        return self.save(account_id, day, template_id, not locked)

    def save(self, account_id: int, day: date, template_id: int | None, locked: bool) -> bool:
        if not self._edit(account_id, day, template_id, locked):
            return False
        assert self.view is not None
        if template_id is None and not locked:
            self.view.cells.pop((account_id, day), None)
        else:
            self.view.cells[(account_id, day)] = (template_id, locked)
        self._count()
        row = next(i for i, m in enumerate(self.view.staff) if m.account_id == account_id)
        column = self.view.days.index(day)
        self.dataChanged.emit(self.index(row, column), self.index(row, self.columnCount() - 1))
        self.dataChanged.emit(self.index(self.staff_rows, column), self.index(self.rowCount() - 1, column))
        return True
