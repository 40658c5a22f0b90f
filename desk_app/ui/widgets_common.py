"""What the window's widgets share: the message colours, the message line, and the
conversions between Qt's dates and times and Python's, and the order of Tab."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Qt, QTime
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableWidget, QWidget

# The colours of a message line, and their style sheets.
ERROR_COLOR = "#c62828"
OK_COLOR = "#2e7d32"
WARNING_COLOR = "#b25b00"
CORRECTED_COLOR = "#8a8a8a"  # a log entry a later one corrected (the log and the handover's records)
ERROR_STYLE = f"color: {ERROR_COLOR};"
OK_STYLE = f"color: {OK_COLOR};"
WARNING_STYLE = f"color: {WARNING_COLOR};"
NOTE_STYLE = "color: #555555;"
PLAIN_STYLE = ""  # the window's own text colour
# The page check's verdict: the page is ours and unchanged, or not.
PASS_STYLE = "color: #1b5e20;"
FAIL_STYLE = "color: #b71c1c; font-weight: bold;"
# The darker red of the sign-in, set-up and accounts dialogs.
SIGN_IN_ERROR_STYLE = "color: #b00020;"
# A red that must not be missed: the status bar's overdue handover and notices.
ALERT_STYLE = f"color: {ERROR_COLOR}; font-weight: bold;"


def message_label(style: str = ERROR_STYLE, parent: QWidget | None = None) -> QLabel:
    """A word-wrapped line for what a rule said, coloured by ``style``."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet(style)
    return label


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def pytime(value: QTime) -> time:
    return time(value.hour(), value.minute())


def chain_tab_order(widgets: Sequence[QWidget]) -> None:
    """Tab goes through ``widgets`` in this order (a table's cell widgets included: a table
    that keeps Tab for itself never lets go of it, so its tab key navigation is turned off
    and its cells are put in the window's chain here)."""
    for first, second in zip(widgets, widgets[1:], strict=False):
        QWidget.setTabOrder(first, second)


def enter_moves_to_next_cell(watched: QObject, event: QEvent, fields: Sequence[QWidget]) -> bool:
    """For a form table's event filter: Enter in one of its cell ``fields`` moves to the
    next (in the last it stays) and goes no further, so a dialog's default button is never
    pressed while the table is being edited. True when the key was taken."""
    if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
        return False
    if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter) or watched not in fields:
        return False
    index = list(fields).index(watched)  # type: ignore[arg-type]
    if index + 1 < len(fields):
        fields[index + 1].setFocus(Qt.FocusReason.TabFocusReason)
    return True


def form_table(table: QTableWidget, headers: list[str], stretch: int, widths: dict[int, int]) -> None:
    """Set up ``table`` as rows of form fields: whole rows selected, columns of fixed
    ``widths`` but ``stretch``, and Tab from cell to cell and on out of the table (its tab
    key navigation off: the dialog chains the cells with ``chain_tab_order``). Enter in a
    cell is the table's own event filter's: ``enter_moves_to_next_cell``."""
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(30)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    for column, width in widths.items():
        table.setColumnWidth(column, width)


def weekday_name(weekday: int, *, narrow: bool = False) -> str:
    """A weekday (Monday = 0) in the interface's language: "周五" / "Fri"; ``narrow`` gives
    the one-character Chinese "五" for tight grids (English keeps "Fri": "T" and "S" would
    each name two days)."""
    locale = QLocale()
    iso = weekday + 1
    if narrow and locale.language() == QLocale.Language.Chinese:
        return locale.dayName(iso, QLocale.FormatType.NarrowFormat)
    return locale.dayName(iso, QLocale.FormatType.ShortFormat)
