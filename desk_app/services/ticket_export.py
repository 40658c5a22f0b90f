"""The register lists as Excel workbooks (.xlsx), for the managers' own sums and filters.

One sheet per export: a header row, one row per ticket of the kind registered in the date
range (oldest first), the columns every ticket has, then those of its kind. Times are real
Excel date-times in desk time, yes/no are 是/否, and text that Excel would take for a
formula (=, +, -, @ first) stays text. The file appears only when complete.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from desk_app.atomic_files import write_atomically
from desk_app.domain.tickets import LEVEL_CHINESE, ClockKind, TicketKind, Validity
from desk_app.services.container import Services
from desk_app.services.tickets import ClockView, TicketView

Progress = Callable[[int, int], None]
CellValue = str | int | float | datetime | None
Getter = Callable[[TicketView], CellValue]

VALIDITY = {Validity.UNDECIDED: "待定", Validity.VALID: "有效", Validity.INVALID: "无效"}
FORMULA_START = ("=", "+", "-", "@")
TIME_FORMAT = "yyyy-mm-dd hh:mm"


@dataclass(frozen=True)
class XColumn:
    title: str
    width: float
    get: Getter


def _local(value: datetime | None) -> datetime | None:
    # Excel has no time zones: the desk's wall-clock time.
    return value.replace(tzinfo=None) if value is not None else None


def _yes(value: bool) -> str:
    return "是" if value else "否"


def _clock(view: TicketView, kind: ClockKind) -> ClockView | None:
    return next((c for c in view.clocks if c.kind is kind), None)


def _due(kind: ClockKind) -> Getter:
    return lambda v: _local(c.due_at) if (c := _clock(v, kind)) else None


def _met(kind: ClockKind) -> Getter:
    return lambda v: _local(c.met_at) if (c := _clock(v, kind)) else None


def _on_time(kind: ClockKind) -> Getter:
    def get(view: TicketView) -> str:
        c = _clock(view, kind)
        return "" if c is None or c.on_time is None else _yes(c.on_time)

    return get


def _notes(*actions: str) -> Getter:
    return lambda v: "\n".join(e.note for e in v.events if e.action in actions and e.note)


COMMON = [
    XColumn("编号", 8, lambda v: v.row.id),
    XColumn("登记时间", 17, lambda v: _local(v.row.created_at)),
    XColumn("来源", 6, lambda v: v.row.source.chinese),
    XColumn("住户", 10, lambda v: v.row.resident_name),
    XColumn("楼栋", 7, lambda v: v.row.building),
    XColumn("房号", 11, lambda v: v.row.room),
    XColumn("电话", 13, lambda v: v.row.phone),
    XColumn("内容", 40, lambda v: v.row.description),
]
TAIL = [
    XColumn("受理人", 8, lambda v: v.row.created_by),
    XColumn("上报级别", 10, lambda v: LEVEL_CHINESE[v.row.level]),
    XColumn("状态", 8, lambda v: v.row.status.chinese),
    XColumn("关闭时间", 17, lambda v: _local(v.row.closed_at)),
    XColumn("处理经过", 40, _notes("judged", "replied", "dispatched", "completed", "delivered", "closed", "reopened")),
]
FOLLOW_UP = [
    XColumn("回访时限", 17, _due(ClockKind.FOLLOW_UP)),
    XColumn("回访时间", 17, _met(ClockKind.FOLLOW_UP)),
    XColumn("回访情况", 24, _notes("followed_up")),
]
VISIT = [
    XColumn("约定时间", 17, lambda v: _local(v.details.visit_at)),
    XColumn("派工人员", 12, lambda v: v.details.dispatched_to),
    XColumn("完成时间", 17, lambda v: _local(next((e.at for e in v.events if e.action == "completed"), None))),
]
BY_KIND: dict[TicketKind, list[XColumn]] = {
    TicketKind.CONSULTATION: [],
    TicketKind.HELP_REQUEST: [VISIT[1], VISIT[2], *FOLLOW_UP],
    TicketKind.REPAIR: [*VISIT, *FOLLOW_UP],
    TicketKind.COMPLAINT: [
        XColumn("性质", 6, lambda v: VALIDITY[v.details.validity]),
        XColumn("当场解决", 8, lambda v: _yes(v.details.solved_on_spot)),
        XColumn("答复时限", 17, _due(ClockKind.REPLY)),
        XColumn("答复时间", 17, _met(ClockKind.REPLY)),
        XColumn("按时答复", 8, _on_time(ClockKind.REPLY)),
        *FOLLOW_UP,
    ],
    TicketKind.CONVENIENCE: [
        XColumn("服务项目", 14, lambda v: v.price_item.name if v.price_item else ""),
        XColumn("数量", 6, lambda v: v.details.quantity),
        XColumn("单价（元）", 10, lambda v: v.price_item.price_cents / 100 if v.price_item else None),
        XColumn(
            "金额（元）",
            10,
            lambda v: v.price_item.price_cents * v.details.quantity / 100 if v.price_item else None,
        ),
        XColumn("已付款", 7, lambda v: _yes(v.details.paid)),
        *VISIT,
        *FOLLOW_UP,
    ],
    TicketKind.ITEM_RELEASE: [
        XColumn("放行物品", 30, lambda v: "、".join(v.details.items)),
        XColumn("身份核验", 16, lambda v: v.details.identity_note or _yes(v.details.identity_checked)),
    ],
    TicketKind.VISITOR: [
        XColumn("来访人", 10, lambda v: v.details.visitor_name),
        XColumn("人数", 6, lambda v: v.details.visitor_count),
        XColumn("业主同意", 8, lambda v: _yes(v.details.owner_consent)),
    ],
    TicketKind.MESSAGE: [
        XColumn("收件人", 10, lambda v: v.details.recipient),
        XColumn("已转达", 7, lambda v: _yes(v.details.delivered)),
    ],
}

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="E8E8E8")
WRAP = Alignment(wrap_text=True, vertical="top")


def columns_for(kind: TicketKind) -> list[XColumn]:
    return [*COMMON, *BY_KIND[kind], *TAIL]


def _put(cell: Cell | MergedCell, value: CellValue) -> None:
    if isinstance(value, str) and value.startswith(FORMULA_START):
        cell.value = value
        cell.data_type = "s"  # text, never a formula someone typed into a description
        return
    cell.value = value
    if isinstance(value, datetime):
        cell.number_format = TIME_FORMAT


def export_register_xlsx(
    services: Services,
    kind: TicketKind,
    date_from: date,
    date_to: date,
    path: Path,
    *,
    progress: Progress | None = None,
) -> int:
    """Write the tickets of ``kind`` registered from ``date_from`` to ``date_to`` to ``path``
    (.xlsx); return how many rows were written."""
    views = services.tickets.registers(kind, date_from, date_to)
    desk = services.desk.info()
    columns = columns_for(kind)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = f"{kind.chinese}登记"
    book.properties.title = f"{kind.chinese}登记 {date_from:%Y-%m-%d}—{date_to:%Y-%m-%d}"
    book.properties.creator = f"DutyDesk {desk.name}"
    for index, column in enumerate(columns, start=1):
        title = sheet.cell(row=1, column=index, value=column.title)
        title.font, title.fill = HEADER_FONT, HEADER_FILL
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    total = len(views)
    for row_index, view in enumerate(views, start=2):
        for col_index, column in enumerate(columns, start=1):
            cell = sheet.cell(row=row_index, column=col_index)
            _put(cell, column.get(view))
            if column.width >= 24:
                cell.alignment = WRAP
        if progress is not None and (row_index % 200 == 0 or row_index - 1 == total):
            progress(row_index - 1, total)
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(total + 1, 1)}"
    write_atomically(Path(path), book.save)
    return total
