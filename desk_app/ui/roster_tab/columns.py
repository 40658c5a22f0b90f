"""The widths of the month grid's columns: every day of the month in view at once.

The totals (shifts, hours) are as wide as their text; the days share the rest of the grid's
width equally, never narrower than their widest text ("2/1", a shift's label, "31") so that
nothing is elided, and never wider than three times that. Only when even the narrowest days
do not fit does the grid scroll. Called on every load and whenever the grid's viewport
changes width."""

from __future__ import annotations

from PySide6.QtWidgets import QStyle, QTableView

from desk_app.ui.roster_tab.model import RosterGridModel
from desk_app.ui.widgets_common import weekday_name


def fit_day_columns(table: QTableView, model: RosterGridModel) -> None:
    days = len(model.view.days) if model.view is not None else 0
    if not days:
        return
    header = table.horizontalHeader()
    for column in range(days, model.columnCount()):
        table.resizeColumnToContents(column)
    totals = sum(header.sectionSize(c) for c in range(days, model.columnCount()))
    metrics = table.fontMetrics()
    texts = {str(model.data(model.index(r, c)) or "") for r in range(model.rowCount()) for c in range(days)}
    widest = max(
        metrics.horizontalAdvance(t) for t in texts | {"31", *(weekday_name(d, narrow=True) for d in range(7))}
    )
    # Qt draws an item's text inside the focus frame's margin and one pixel, on each side.
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    least = max(widest, header.fontMetrics().horizontalAdvance("31")) + 2 * margin + 2
    width = max(least, min(3 * least, (table.viewport().width() - totals) // days))
    for column in range(days):
        if header.sectionSize(column) != width:
            header.resizeSection(column, width)
