"""A table model over the whole log that never loads the table into memory.

``rowCount`` is the number of matching entries; rows are fetched a page at a time when
the view asks for them (newest first; pages past the middle are read from the oldest
end, so Ctrl+End is as quick as Home). Counting and the first page of a new filter run
off the UI thread; the model switches to the new result in one reset.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from desk_app.services.container import Services
from desk_app.services.log import LogEntryView, LogFilter
from desk_app.ui.tasks import Task, TaskRunner
from desk_app.ui.widgets_common import CORRECTED_COLOR, WARNING_COLOR

PAGE_SIZE = 100
MAX_CACHED_PAGES = 40
WEEKDAYS = (
    QT_TRANSLATE_NOOP("LogTableModel", "Mon"),
    QT_TRANSLATE_NOOP("LogTableModel", "Tue"),
    QT_TRANSLATE_NOOP("LogTableModel", "Wed"),
    QT_TRANSLATE_NOOP("LogTableModel", "Thu"),
    QT_TRANSLATE_NOOP("LogTableModel", "Fri"),
    QT_TRANSLATE_NOOP("LogTableModel", "Sat"),
    QT_TRANSLATE_NOOP("LogTableModel", "Sun"),
)

_Index = QModelIndex | QPersistentModelIndex


class Column:
    SHIFT = 0
    TIME = 1
    CATEGORY = 2
    CLERK = 3
    SITUATION = 4
    HANDLING = 5
    NOTES = 6
    COUNT = 7


ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
GROUP_START_ROLE = Qt.ItemDataRole.UserRole + 2


class LogTableModel(QAbstractTableModel):
    loading = Signal(bool)
    loaded = Signal(int)  # total rows of the new result
    failed = Signal(str)

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._filter = LogFilter()
        self._total = 0
        self._pages: OrderedDict[int, list[LogEntryView]] = OrderedDict()
        self._generation = 0
        self._task: Task | None = None
        self._headers = (
            self.tr("Day / shift"),
            self.tr("Time"),
            self.tr("Category"),
            self.tr("Clerk"),
            self.tr("Situation"),
            self.tr("Handling and result"),
            self.tr("Notes"),
        )

    # -- loading ----------------------------------------------------------------------
    @property
    def current_filter(self) -> LogFilter:
        return self._filter

    def set_filter(self, flt: LogFilter) -> None:
        """Count and fetch the first page in the background, then show the result."""
        self._generation += 1
        generation = self._generation
        log = self._services.log

        def work(_progress: Any) -> tuple[int, list[LogEntryView]]:
            total = log.count(flt)
            return total, log.page(flt, 0, PAGE_SIZE, total)

        def done(result: tuple[int, list[LogEntryView]]) -> None:
            if generation != self._generation:
                return  # a newer filter superseded this one
            self._apply(flt, *result)
            self.loading.emit(False)
            self.loaded.emit(self._total)

        def error(exc: BaseException, _trace: str) -> None:
            if generation == self._generation:
                self.loading.emit(False)
                self.failed.emit(str(exc))

        self.loading.emit(True)
        self._task = TaskRunner.of(self).submit(work, self, done, error)

    def reload(self) -> None:
        self.set_filter(self._filter)

    def reload_now(self) -> None:
        """Synchronous refresh after the user saved an entry (one indexed page)."""
        self._generation += 1
        total = self._services.log.count(self._filter)
        self._apply(self._filter, total, self._services.log.page(self._filter, 0, PAGE_SIZE, total))
        self.loaded.emit(self._total)

    def _apply(self, flt: LogFilter, total: int, first_page: list[LogEntryView]) -> None:
        self.beginResetModel()
        self._filter = flt
        self._total = total
        self._pages.clear()
        self._pages[0] = first_page
        self.endResetModel()

    def _page(self, number: int) -> list[LogEntryView]:
        page = self._pages.get(number)
        if page is None:
            page = self._services.log.page(self._filter, number * PAGE_SIZE, PAGE_SIZE, self._total)
            self._pages[number] = page
            while len(self._pages) > MAX_CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page

    def entry(self, row: int) -> LogEntryView | None:
        if not 0 <= row < self._total:
            return None
        page = self._page(row // PAGE_SIZE)
        offset = row % PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def starts_group(self, row: int) -> bool:
        """True when ``row`` is the first (newest) entry of its day and shift."""
        current = self.entry(row)
        if current is None:
            return False
        previous = self.entry(row - 1) if row > 0 else None
        return previous is None or (previous.shift_date, previous.shift_template_id) != (
            current.shift_date,
            current.shift_template_id,
        )

    # -- Qt model API -------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else Column.COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entry(index.row())
        if entry is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, column, index.row())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(entry)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            if entry.is_corrected and column >= Column.TIME:
                font.setStrikeOut(True)
            if column == Column.SHIFT:
                font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            if entry.is_corrected and column != Column.SHIFT:
                return QBrush(QColor(CORRECTED_COLOR))
            if column == Column.SHIFT and not entry.day_signed:
                return QBrush(QColor(WARNING_COLOR))
            if column == Column.NOTES and entry.after_signature:
                return QBrush(QColor(WARNING_COLOR))
            if column == Column.NOTES and entry.corrects_id is not None:
                return QBrush(QColor("#1f5fae"))
            return None
        if role == Qt.ItemDataRole.BackgroundRole and column == Column.SHIFT:
            return QBrush(QColor("#eef3f8"))
        if role == ENTRY_ROLE:
            return entry
        if role == GROUP_START_ROLE:
            return self.starts_group(index.row())
        return None

    def _display(self, entry: LogEntryView, column: int, row: int) -> str:
        if column == Column.SHIFT:
            if not self.starts_group(row):
                return ""
            day = entry.shift_date
            signed = self.tr("signed") if entry.day_signed else self.tr("not signed")
            weekday = QCoreApplication.translate("LogTableModel", str(WEEKDAYS[day.weekday()]))
            return f"{day:%m-%d} {weekday} {entry.shift_name} · {signed}"
        if column == Column.TIME:
            return f"{entry.occurred_at:%H:%M}"
        if column == Column.CATEGORY:
            return self.tr_category(entry)
        if column == Column.CLERK:
            return entry.clerk_name
        if column == Column.SITUATION:
            return entry.situation
        if column == Column.HANDLING:
            return entry.handling
        if column == Column.NOTES:
            return "  ".join(self.notes(entry))
        return ""

    def tr_category(self, entry: LogEntryView) -> str:
        return QCoreApplication.translate("LogCategory", entry.category.label)

    def notes(self, entry: LogEntryView) -> list[str]:
        notes: list[str] = []
        if entry.after_signature:
            notes.append(self.tr("entered after review, not yet reviewed"))
        if entry.corrected_by_id is not None:
            notes.append(self.tr("corrected by #{id}").format(id=entry.corrected_by_id))
        if entry.corrects_id is not None:
            notes.append(self.tr("corrects #{id}").format(id=entry.corrects_id))
            if entry.after_review:
                notes.append(self.tr("after review"))
        if entry.backdate_reason:
            notes.append(self.tr("late entry: {reason}").format(reason=entry.backdate_reason))
        if entry.follow_up:
            notes.append(self.tr("followed up") if entry.follow_up_closed else self.tr("follow up"))
        return notes

    def _tooltip(self, entry: LogEntryView) -> str:
        recorded = self.tr("#{id}, recorded {time} by {clerk}").format(
            id=entry.id, time=f"{entry.recorded_at:%Y-%m-%d %H:%M}", clerk=entry.clerk_name
        )
        return "\n".join([recorded, entry.situation, entry.handling, *self.notes(entry)]).strip()
