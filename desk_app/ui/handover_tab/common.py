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
