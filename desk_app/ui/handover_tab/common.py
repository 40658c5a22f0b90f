"""Small helpers shared by the handover tab's widgets."""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem

from desk_app.domain.handover import Problem

log = logging.getLogger(__name__)


def problem_text(problem: Problem) -> str:
    """A domain problem in the window's language (context ``Handover``), values filled in."""
    template = QCoreApplication.translate("Handover", problem.message)
    try:
        return template.format(**problem.params)
    except (KeyError, IndexError, ValueError, AttributeError, TypeError):
        log.warning("translation of %r does not fit its parameters", problem.message)
        return problem.english()


def hm(value: datetime | None) -> str:
    return "" if value is None else f"{value:%H:%M}"


def ymd_hm(value: datetime | None) -> str:
    return "" if value is None else f"{value:%Y-%m-%d %H:%M}"


def read_only_item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    # setData, not setToolTip: in PySide6 6.10 and 6.11 (hence the pin below 6.10) the item
    # setters (setToolTip, setText, setStatusTip) keep one reference to None per call, and
    # this table is rebuilt every 30 seconds.
    item.setData(Qt.ItemDataRole.ToolTipRole, text)
    return item


def plain_table(headers: list[str], stretch: int | None = None) -> QTableWidget:
    """A table of rows without a row header; ``stretch`` takes the spare width."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


CELL_PADDING = 18  # each side's margin and the grid line, with room to spare


def fit_columns(table: QTableWidget, stretch: int) -> None:
    """Every column as wide as its widest text (header included) and a margin, so that a
    date, a shift or a name is never cut; the column ``stretch`` takes the width left.
    Measured from the texts themselves, not from Qt's size hints, which a fallback font
    (Chinese glyphs drawn by another font than the one measured) can make too small."""
    header = table.horizontalHeader()
    cell_metrics = table.fontMetrics()
    header_metrics = header.fontMetrics()
    for column in range(table.columnCount()):
        if column == stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            continue
        title = table.horizontalHeaderItem(column)
        widest = header_metrics.horizontalAdvance(title.text()) if title is not None else 0
        for row in range(table.rowCount()):
            item = table.item(row, column)
            if item is not None:
                widest = max(widest, cell_metrics.horizontalAdvance(item.text()))
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        table.setColumnWidth(column, widest + 2 * CELL_PADDING)
