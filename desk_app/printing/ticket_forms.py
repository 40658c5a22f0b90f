"""The ticket queue's paper: the complaint and repair registers, the item-release slip, the
major-incident report and the monthly complaint report (DOMAIN.md "Tickets", "Paper").

- 投诉受理登记表 / 住户报修登记表: every complaint (repair) registered in a date range, one
  ruled row per ticket, A4 landscape, the clerk's and the supervisor's signatures;
- 物品放行条: one slip in two parts (存根 kept by the desk, 放行联 shown at the gate) with
  the items, the identity check and the signatures of the resident and the clerk;
- 重大事件报告: the written report a major incident needs by the next day;
- 部门客户投诉工作月报: counts by kind and building, the on-time reply rate and the
  follow-up rate, with a bar chart.

Every page carries the desk, the form title, "第 n 页 共 m 页", its signature lines and its
seal (the fingerprint of the tickets it prints, as text and as a QR code: services/page_seal.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from reportlab.graphics import renderPDF
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from desk_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from desk_app.domain.tickets import LEVEL_CHINESE, ClockKind, TicketKind, TicketStatus, Urgency, Validity
from desk_app.printing.fonts import TextMeasure
from desk_app.printing.form_layout import (
    SEAL_ROOM,
    Align,
    Column,
    FormField,
    LaidRow,
    PageGeometry,
    Para,
    RuledTable,
    SignatureSlot,
    TablePage,
    TextStyle,
    atomic_pdf,
    draw_fields,
    draw_footer,
    draw_line,
    draw_signature_lines,
)
from desk_app.printing.logbook import chinese_date
from desk_app.services import page_seal
from desk_app.services.container import Services
from desk_app.services.tickets import MonthlyReport, TicketView

Progress = Callable[[int, int], None]

PORTRAIT = PageGeometry()
LANDSCAPE = PageGeometry(width=A4[1], height=A4[0], margin_top=28.0, margin_bottom=26.0)

TEXT = TextStyle(size=8.5)
CENTER = TextStyle(size=8.5, align="center")
SMALL = TextStyle(size=7.0, gray=0.3)
SMALL_CENTER = TextStyle(size=7.0, gray=0.3, align="center")
LATE = TextStyle(size=7.5)
EMPTY = TextStyle(size=9.0, gray=0.4, align="center")
HEADING = TextStyle(size=10.5)

END_OF_RECORDS = "（以下空白）"
NO_RECORDS = "本期无登记"
YES_NO = {True: "是", False: "否"}

COMPLAINT_TITLE = "投诉受理登记表"
REPAIR_TITLE = "住户报修登记表"
SLIP_TITLE = "物品放行条"
INCIDENT_TITLE = "重大事件报告"
MONTHLY_TITLE = "部门客户投诉工作月报"

VALIDITY = {Validity.UNDECIDED: "待定", Validity.VALID: "有效", Validity.INVALID: "无效"}


def _time(value: datetime | None, with_day: bool = True) -> str:
    if value is None:
        return "—"
    return f"{value:%m-%d %H:%M}" if with_day else f"{value:%H:%M}"


def _resident(view: TicketView) -> list[Para]:
    row = view.row
    lines = [Para(row.resident_name or "—", TEXT)]
    where = f"{row.building}{row.room}".strip()
    if where:
        lines.append(Para(where, SMALL))
    if row.phone:
        lines.append(Para(row.phone, SMALL))
    return lines


def _notes(view: TicketView, *actions: str) -> list[str]:
    return [e.note for e in view.events if e.action in actions and e.note]


def _clock_cell(view: TicketView, kind: ClockKind) -> list[Para]:
    """Due time, when it was met and by whom; "超时" when met late or overdue and unmet."""
    clocks = [c for c in view.clocks if c.kind is kind]
    if not clocks:
        return [Para("—", CENTER)]
    paras: list[Para] = []
    for clock in clocks:
        paras.append(Para(f"限 {_time(clock.due_at)}", SMALL))
        if clock.met_at is not None:
            late = "（超时）" if not clock.on_time else ""
            paras.append(Para(f"{_time(clock.met_at)} {clock.met_by or ''}{late}".strip(), LATE))
        elif view.row.status is not TicketStatus.CLOSED:
            paras.append(Para("未完成", LATE))
    return paras


def _reply_cell(view: TicketView) -> list[Para]:
    cell = _clock_cell(view, ClockKind.REPLY)
    if any(c.kind is ClockKind.NEXT_REPLY for c in view.clocks):
        cell += [Para("约定再次答复", SMALL), *_clock_cell(view, ClockKind.NEXT_REPLY)]
    return cell


def _status(view: TicketView) -> list[Para]:
    row = view.row
    paras = [Para(row.status.chinese, CENTER)]
    if row.closed_at is not None:
        paras.append(Para(_time(row.closed_at), SMALL_CENTER))
    if row.level.rank > 0:
        paras.append(Para(f"已上报{LEVEL_CHINESE[row.level]}", SMALL_CENTER))
    if row.urgency is Urgency.MAJOR:
        paras.append(Para("重大事件", SMALL_CENTER))
    elif row.urgency is Urgency.URGENT:
        paras.append(Para("紧急", SMALL_CENTER))
    return paras


def _number(view: TicketView) -> list[Para]:
    row = view.row
    return [
        Para(f"#{row.id}", CENTER),
        Para(f"{row.created_at:%m-%d}", SMALL_CENTER),
        Para(f"{row.created_at:%H:%M}", SMALL_CENTER),
        Para(row.source.chinese, SMALL_CENTER),
    ]


@dataclass(frozen=True)
class RegisterSpec:
    """What a register prints: its title, its columns (as shares of the width) and its cells."""

    kind: TicketKind
    title: str
    columns: tuple[tuple[str, float, Align], ...]  # title, share of the width, alignment

    def cells(self, view: TicketView) -> list[list[Para]]:
        if self.kind is TicketKind.COMPLAINT:
            return self._complaint(view)
        return self._repair(view)

    @staticmethod
    def _complaint(view: TicketView) -> list[list[Para]]:
        d = view.details
        nature = [Para(VALIDITY[d.validity], CENTER)]
        if d.solved_on_spot:
            nature.append(Para("当场解决", SMALL_CENTER))
        handling = [Para(n, TEXT) for n in _notes(view, "judged", "replied", "completed", "closed", "reopened")]
        follow = _clock_cell(view, ClockKind.FOLLOW_UP) + [Para(n, TEXT) for n in _notes(view, "followed_up")]
        return [
            _number(view),
            _resident(view),
            [Para(view.row.description, TEXT)],
            nature,
            _reply_cell(view),
            handling or [Para("—", CENTER)],
            follow,
            [Para(view.row.created_by, CENTER)],
            _status(view),
        ]

    @staticmethod
    def _repair(view: TicketView) -> list[list[Para]]:
        d = view.details
        visit = [Para(_time(d.visit_at), CENTER)] if d.visit_at else [Para("—", CENTER)]
        visit += [p for p in _clock_cell(view, ClockKind.VISIT) if p.style is LATE]
        dispatched = [Para(d.dispatched_to or "—", CENTER)]
        done = [Para(n, TEXT) for n in _notes(view, "completed")]
        completed_at = [e.at for e in view.events if e.action == "completed"]
        if completed_at:
            done.insert(0, Para(_time(completed_at[-1]), SMALL))
        follow = _clock_cell(view, ClockKind.FOLLOW_UP) + [Para(n, TEXT) for n in _notes(view, "followed_up")]
        return [
            _number(view),
            _resident(view),
            [Para(view.row.description, TEXT)],
            visit,
            dispatched,
            done or [Para("—", CENTER)],
            follow,
            [Para(view.row.created_by, CENTER)],
            _status(view),
        ]


COMPLAINT_REGISTER = RegisterSpec(
    TicketKind.COMPLAINT,
    COMPLAINT_TITLE,
    (
        ("编号", 0.06, "center"),
        ("投诉人", 0.11, "left"),
        ("投诉内容", 0.22, "left"),
        ("性质", 0.06, "center"),
        ("答复时限", 0.10, "left"),
        ("处理情况", 0.18, "left"),
        ("回访", 0.12, "left"),
        ("受理人", 0.06, "center"),
        ("状态", 0.09, "center"),
    ),
)
REPAIR_REGISTER = RegisterSpec(
    TicketKind.REPAIR,
    REPAIR_TITLE,
    (
        ("编号", 0.06, "center"),
        ("报修人", 0.11, "left"),
        ("报修内容", 0.24, "left"),
        ("约定时间", 0.08, "center"),
        ("派工人员", 0.08, "center"),
        ("完成情况", 0.16, "left"),
        ("回访", 0.12, "left"),
        ("受理人", 0.06, "center"),
        ("状态", 0.09, "center"),
    ),
)
REGISTERS = {spec.kind: spec for spec in (COMPLAINT_REGISTER, REPAIR_REGISTER)}


def _period_text(date_from: date, date_to: date) -> str:
    if date_from == date_to:
        return chinese_date(date_from)
    return f"{date_from:%Y-%m-%d} 至 {date_to:%Y-%m-%d}"


def _title(canvas: Canvas, m: TextMeasure, g: PageGeometry, desk_name: str, title: str) -> None:
    draw_line(canvas, m, g.left, g.top - 11, desk_name, TextStyle(size=11, align="center"), g.content_width)
    draw_line(canvas, m, g.left, g.top - 36, title, TextStyle(size=18, align="center"), g.content_width)


# -- registers -----------------------------------------------------------------------------------
REGISTER_HEADER = 66.0
REGISTER_FOOTER = 50.0


def render_register_pdf(
    services: Services,
    kind: TicketKind,
    date_from: date,
    date_to: date,
    path: Path,
    *,
    progress: Progress | None = None,
) -> int:
    """The complaint or repair register of the tickets registered from ``date_from`` to
    ``date_to`` (desk dates, both included) as a PDF at ``path``; returns the page count."""
    spec = REGISTERS.get(kind)
    if spec is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("DeskError", "There is no printed register for {kind}."), kind=kind.label
        )
    views = services.tickets.registers(kind, date_from, date_to)
    desk = services.desk.info()
    g = LANDSCAPE
    measure = TextMeasure()
    columns = [Column(title, round(g.content_width * share, 2), align) for title, share, align in spec.columns]
    columns[-1] = Column(columns[-1].title, g.content_width - sum(c.width for c in columns[:-1]), columns[-1].align)
    table = RuledTable(columns, measure, title_style=TextStyle(size=9.5, align="center"))
    rows: list[LaidRow] = [table.lay_out_row(spec.cells(v), tag=v) for v in views]
    room = g.top - REGISTER_HEADER - (g.bottom + REGISTER_FOOTER)
    if rows:
        summary = f"共 {len(views)} 件，其中已关闭 {sum(v.row.status is TicketStatus.CLOSED for v in views)} 件。"
        rows.append(table.lay_out_span([Para(summary, TextStyle(size=8.5)), Para(END_OF_RECORDS, EMPTY)]))
    else:
        rows.append(table.lay_out_span([Para(NO_RECORDS, TextStyle(size=12.0, leading=60.0, align="center"))]))
    pages: list[TablePage] = table.paginate(rows, room)
    printed_at = services.clock.now().astimezone(desk.tz)
    total = len(pages)
    # Each page's seal names the tickets it lists (a page without any has none).
    listed = [list(dict.fromkeys(r.tag.id for r in page.rows if isinstance(r.tag, TicketView))) for page in pages]
    rules = [page_seal.register_rule(kind is TicketKind.COMPLAINT, ids) for ids in listed if ids]
    sealed = iter(page_seal.seals(services.db, rules, desk.tz))
    seals = [next(sealed) if ids else None for ids in listed]
    if progress is not None:
        progress(0, total)
    with atomic_pdf(Path(path), title=f"{spec.title} {desk.name}", author=desk.name) as canvas:
        for number, page in enumerate(pages, start=1):
            canvas.setPageSize((g.width, g.height))
            _title(canvas, measure, g, desk.name, spec.title)
            draw_fields(
                canvas,
                measure,
                g.left,
                g.top - 58,
                g.content_width,
                [
                    FormField("登记期间", _period_text(date_from, date_to), 1.4),
                    FormField("登记件数", str(len(views)), 1.0),
                ],
            )
            table.draw(canvas, g.left, g.top - REGISTER_HEADER, page.rows)
            draw_signature_lines(
                canvas,
                measure,
                g.left,
                g.bottom + 28,
                g.content_width * 0.75,
                [SignatureSlot("值班员签名"), SignatureSlot("客服主管审核"), SignatureSlot("日期")],
            )
            draw_footer(canvas, measure, g, printed_at, number, total, f"{page_seal.LABEL} —", seals[number - 1])
            canvas.showPage()
            if progress is not None:
                progress(number, total)
    return total


# -- the item-release slip -----------------------------------------------------------------------
SLIP_PARTS = (("存根", "（前台留存）"), ("放行联", "（交门岗查验后收回）"))


def render_release_slip_pdf(services: Services, ticket_id: int, path: Path) -> int:
    """The 物品放行条 of an item-release ticket: two parts on one A4 page, cut along the line."""
    view = services.tickets.get(ticket_id)
    if view.row.kind is not TicketKind.ITEM_RELEASE:
        raise ValidationError(
            QT_TRANSLATE_NOOP("DeskError", "Ticket #{id} is not an item release; it has no release slip."),
            id=ticket_id,
        )
    desk = services.desk.info()
    g = PORTRAIT
    measure = TextMeasure()
    printed_at = services.clock.now().astimezone(desk.tz)
    half = (g.top - g.bottom) / 2
    seal = page_seal.seal(services.db, page_seal.ticket_rule(ticket_id), desk.tz)
    with atomic_pdf(Path(path), title=f"{SLIP_TITLE} #{ticket_id} {desk.name}", author=desk.name) as canvas:
        for index, (part, note) in enumerate(SLIP_PARTS):
            top = g.top - index * half
            _draw_slip(canvas, measure, g, top, half - 24, view, desk.name, part, note)
        # The cut line between the two parts.
        cut_y = g.top - half + 6
        canvas.setDash(4, 3)
        canvas.setLineWidth(0.5)
        canvas.line(g.left, cut_y, g.right, cut_y)
        canvas.setDash()
        draw_line(canvas, measure, g.left, cut_y + 3, "沿此线剪开", TextStyle(size=7.0, gray=0.4))
        draw_footer(canvas, measure, g, printed_at, 1, 1, seal=seal)
        canvas.showPage()
    return 1


def _draw_slip(
    canvas: Canvas,
    m: TextMeasure,
    g: PageGeometry,
    top: float,
    height: float,
    view: TicketView,
    desk_name: str,
    part: str,
    part_note: str,
) -> None:
    row, d = view.row, view.details
    draw_line(canvas, m, g.left, top - 11, desk_name, TextStyle(size=10.5, align="center"), g.content_width)
    draw_line(
        canvas, m, g.left, top - 34, f"{SLIP_TITLE}（{part}）", TextStyle(size=16, align="center"), g.content_width
    )
    draw_line(canvas, m, g.left, top - 34, part_note, TextStyle(size=8.0, gray=0.3, align="right"), g.content_width)
    draw_fields(
        canvas,
        m,
        g.left,
        top - 56,
        g.content_width,
        [FormField("编号", f"#{row.id}", 0.7), FormField("日期", chinese_date(row.created_at.date()), 1.5)],
    )
    draw_fields(
        canvas,
        m,
        g.left,
        top - 74,
        g.content_width,
        [
            FormField("业主姓名", row.resident_name or "—", 1.0),
            FormField("房号", f"{row.building}{row.room}" or "—", 1.0),
            FormField("联系电话", row.phone or "—", 1.0),
        ],
    )
    identity = "已核验" + (f"（{d.identity_note}）" if d.identity_note else "") if d.identity_checked else "未核验"
    draw_fields(canvas, m, g.left, top - 92, g.content_width, [FormField("身份核验", identity, 1.0)])
    table = RuledTable(
        [
            Column("序号", 40.0, "center"),
            Column("放行物品", g.content_width - 40.0 - 170.0),
            Column("备注", 170.0),
        ],
        m,
        title_style=TextStyle(size=9.0, align="center"),
        pad_y=2.0,
    )
    rows = [
        table.lay_out_row([[Para(str(n), CENTER)], [Para(item, TEXT)], []]) for n, item in enumerate(d.items, start=1)
    ]
    if row.description:
        rows.append(table.lay_out_span([Para(f"事由：{row.description}", TEXT)]))
    room = height - 100 - 52
    page = table.paginate(rows, room)[0]  # at most ITEMS_MAX short lines: always fits
    bottom = table.draw(canvas, g.left, top - 100, page.rows)
    sign_y = min(bottom - 26, top - height + 30)
    draw_signature_lines(
        canvas,
        m,
        g.left,
        sign_y,
        g.content_width - SEAL_ROOM,  # the page's QR code is under the second part's lines
        [
            SignatureSlot("业主签名"),
            SignatureSlot("值班员签名", f"登记：{row.created_by} {row.created_at:%H:%M}"),
            SignatureSlot("门岗查验"),
        ],
    )
    draw_line(
        canvas,
        m,
        g.left,
        sign_y - 22,
        "（管理处盖章）当日有效",
        TextStyle(size=8.0, gray=0.3, align="right"),
        g.content_width - SEAL_ROOM,
    )


# -- the major-incident report -------------------------------------------------------------------
def render_incident_report_pdf(services: Services, ticket_id: int, path: Path) -> int:
    """The written report of a major incident (重大事件报告), with the ticket's history."""
    view = services.tickets.get(ticket_id)
    if view.row.urgency is not Urgency.MAJOR:
        raise ValidationError(
            QT_TRANSLATE_NOOP("DeskError", "Ticket #{id} is not a major incident; it has no incident report."),
            id=ticket_id,
        )
    if not view.incident_report:
        raise ValidationError(
            QT_TRANSLATE_NOOP("DeskError", "The incident report of ticket #{id} has not been written yet."),
            id=ticket_id,
        )
    desk = services.desk.info()
    g = PORTRAIT
    measure = TextMeasure()
    printed_at = services.clock.now().astimezone(desk.tz)
    row = view.row
    body = RuledTable([Column("事件经过、处理情况及整改措施", g.content_width)], measure, pad_x=6.0, pad_y=5.0)
    body_rows = [body.lay_out_row([[Para(view.incident_report, TextStyle(size=10.0, leading=16.0))]])]
    history = RuledTable(
        [Column("时间", 80.0, "center"), Column("人员", 70.0, "center"), Column("处理经过", g.content_width - 150.0)],
        measure,
    )
    history_rows = [
        history.lay_out_row(
            [
                [Para(_time(e.at), CENTER)],
                [Para(e.actor or "系统", CENTER)],
                [Para(_event_text(e.action, e.note), TEXT)],
            ]
        )
        for e in view.events
    ]
    header_height, footer_height = 120.0, 70.0
    room = g.top - header_height - (g.bottom + footer_height)
    pages = _flow([(body, body_rows), (history, history_rows)], room)
    report_clock = next((c for c in view.clocks if c.kind is ClockKind.INCIDENT_REPORT), None)
    total = len(pages)
    seal = page_seal.seal(services.db, page_seal.ticket_rule(ticket_id), desk.tz)
    with atomic_pdf(Path(path), title=f"{INCIDENT_TITLE} #{row.id} {desk.name}", author=desk.name) as canvas:
        for number, blocks in enumerate(pages, start=1):
            _title(canvas, measure, g, desk.name, INCIDENT_TITLE)
            draw_fields(
                canvas,
                measure,
                g.left,
                g.top - 60,
                g.content_width,
                [
                    FormField("工单", f"#{row.id} {row.kind.chinese}", 1.0),
                    FormField("发生时间", f"{row.created_at:%Y-%m-%d %H:%M}", 1.2),
                    FormField("当前级别", LEVEL_CHINESE[row.level], 1.0),
                ],
            )
            draw_fields(
                canvas,
                measure,
                g.left,
                g.top - 80,
                g.content_width,
                [
                    FormField("地点", f"{row.building}{row.room}" or "—", 1.0),
                    FormField("相关住户", row.resident_name or "—", 1.0),
                    FormField(
                        "报告时限",
                        f"{report_clock.due_at:%Y-%m-%d %H:%M}" if report_clock else "—",
                        1.2,
                    ),
                ],
            )
            draw_fields(canvas, measure, g.left, g.top - 100, g.content_width, [FormField("事件", row.description)])
            y = g.top - header_height
            for table, page in blocks:
                y = table.draw(canvas, g.left, y, page.rows) - FLOW_GAP
            draw_signature_lines(
                canvas,
                measure,
                g.left,
                g.bottom + 36,
                g.content_width - SEAL_ROOM,
                [SignatureSlot("报告人"), SignatureSlot("管理处主任"), SignatureSlot("总经理批示")],
            )
            draw_footer(canvas, measure, g, printed_at, number, total, seal=seal)
            canvas.showPage()
    return total


FLOW_GAP = 12.0


def _flow(
    sections: Sequence[tuple[RuledTable, list[LaidRow]]], room: float
) -> list[list[tuple[RuledTable, TablePage]]]:
    """Tables one under the other over as few pages as possible: a table that does not fit in
    what is left of a page starts on the next one (and runs on over pages if it must)."""
    pages: list[list[tuple[RuledTable, TablePage]]] = [[]]
    left = room
    for table, rows in sections:
        height = table.title_height + sum(r.height for r in rows)
        if height <= left:
            pages[-1].append((table, TablePage(rows, height)))
            left -= height + FLOW_GAP
            continue
        parts = table.paginate(rows, room)
        if pages[-1]:
            pages.append([])
        for n, part in enumerate(parts):
            if n:
                pages.append([])
            pages[-1].append((table, part))
        left = room - parts[-1].height - FLOW_GAP
    return pages


EVENT_CHINESE = {
    "registered": "登记",
    "judged": "判定",
    "replied": "答复",
    "dispatched": "派工",
    "completed": "完成",
    "followed_up": "回访",
    "delivered": "转达",
    "closed": "关闭",
    "reopened": "重新打开",
    "incident_report": "提交事件报告",
    "escalated": "上报",
}


def _event_text(action: str, note: str) -> str:
    word = EVENT_CHINESE.get(action, action)
    return f"{word}：{note}" if note else word


# -- the monthly complaint report ----------------------------------------------------------------
def _rate(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def monthly_figures(report: MonthlyReport) -> list[tuple[str, str]]:
    """The report's headline figures as (label, value), in print order."""
    return [
        ("投诉总数", str(report.complaints)),
        ("有效投诉", str(report.valid)),
        ("无效投诉", str(report.invalid)),
        ("当场解决", str(report.solved_on_spot)),
        ("应限时答复", str(report.replies_due)),
        ("按时答复", str(report.replies_on_time)),
        ("按时答复率", _rate(report.on_time_reply_rate)),
        ("应回访", str(report.follow_ups_due)),
        ("已回访", str(report.follow_ups_done)),
        ("回访率", _rate(report.follow_up_rate)),
        ("已关闭", str(report.closed)),
    ]


def _bar_chart(
    font: str, labels: Sequence[str], values: Sequence[int], width: float, height: float, title: str
) -> Drawing:
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 36, 34
    chart.width, chart.height = width - 50, height - 60
    chart.data = [list(values) or [0]]
    chart.categoryAxis.categoryNames = list(labels) or ["—"]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.valueMin = 0
    top = max(values, default=0)
    chart.valueAxis.valueMax = max(top + max(1, top // 8), 4)
    chart.valueAxis.valueStep = max(1, round(chart.valueAxis.valueMax / 5))
    # A grey that prints the same on any printer.
    chart.bars[0].fillColor = Color(0.45, 0.45, 0.45)
    chart.bars[0].strokeColor = Color(0, 0, 0)
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 7.5
    chart.barLabels.nudge = 6
    drawing.add(chart)
    drawing.add(String(width / 2, height - 12, title, fontName=font, fontSize=9.5, textAnchor="middle"))
    return drawing


def render_monthly_report_pdf(services: Services, year: int, month: int, path: Path) -> int:
    """部门客户投诉工作月报 of a month: figures, counts by kind and building, two charts."""
    report = services.tickets.monthly_report(year, month)
    desk = services.desk.info()
    seal = page_seal.seal(services.db, page_seal.monthly_rule(year, month), desk.tz)
    g = PORTRAIT
    measure = TextMeasure()
    printed_at = services.clock.now().astimezone(desk.tz)
    font = measure.font_name

    figures = monthly_figures(report)
    fig_table = RuledTable(
        [Column(label, g.content_width / len(figures), "center") for label, _ in figures],
        measure,
        title_style=TextStyle(size=7.5, align="center"),
    )
    kinds = [(k.chinese, report.by_kind.get(k, 0)) for k in TicketKind]
    buildings = list(report.complaints_by_building.items())
    if len(buildings) > 12:  # the chart keeps the twelve with most complaints, the table all
        shown = buildings[:11]
        shown.append(("其他", sum(n for _, n in buildings[11:])))
    else:
        shown = buildings
    half = g.content_width / 2 - 6
    kind_table = RuledTable([Column("类别", half - 60, "center"), Column("件数", 60, "center")], measure)
    building_table = RuledTable([Column("楼栋", half - 60, "center"), Column("投诉件数", 60, "center")], measure)
    kind_rows = [kind_table.lay_out_row([[Para(k, CENTER)], [Para(str(n), CENTER)]]) for k, n in kinds]
    kind_rows.append(kind_table.lay_out_row([[Para("合计", CENTER)], [Para(str(sum(n for _, n in kinds)), CENTER)]]))
    building_rows = [building_table.lay_out_row([[Para(b, CENTER)], [Para(str(n), CENTER)]]) for b, n in buildings] or [
        building_table.lay_out_span([Para("本月无投诉", EMPTY)])
    ]

    with atomic_pdf(Path(path), title=f"{MONTHLY_TITLE} {year}-{month:02d} {desk.name}", author=desk.name) as canvas:
        _title(canvas, measure, g, desk.name, MONTHLY_TITLE)
        draw_fields(
            canvas,
            measure,
            g.left,
            g.top - 58,
            g.content_width,
            [FormField("月份", f"{year}年{month}月", 1.0), FormField("部门", "客户服务中心", 1.0)],
        )
        y = g.top - 70
        y = fig_table.draw(
            canvas,
            g.left,
            y,
            [fig_table.lay_out_row([[Para(v, TextStyle(size=11, align="center"))] for _, v in figures])],
        )
        y -= 14
        draw_line(canvas, measure, g.left, y - 10, "一、各类服务请求件数", HEADING)
        draw_line(canvas, measure, g.left + half + 12, y - 10, "二、投诉按楼栋分布", HEADING)
        y -= 16
        room = 13 * (TextStyle().line_height + 6) + kind_table.title_height
        left_bottom = kind_table.draw(canvas, g.left, y, kind_table.paginate(kind_rows, room)[0].rows)
        building_page = building_table.paginate(building_rows, room)[0]
        right_bottom = building_table.draw(canvas, g.left + half + 12, y, building_page.rows)
        if len(building_page.rows) < len(building_rows):
            draw_line(
                canvas,
                measure,
                g.left + half + 12,
                right_bottom - 10,
                f"另有 {len(building_rows) - len(building_page.rows)} 栋见图",
                SMALL,
            )
        y = min(left_bottom, right_bottom) - 22
        chart_h = 170.0
        renderPDF.draw(
            _bar_chart(
                font, [k.chinese[:2] for k in TicketKind], [n for _, n in kinds], half, chart_h, "图1 各类请求件数"
            ),
            canvas,
            g.left,
            y - chart_h,
        )
        renderPDF.draw(
            _bar_chart(font, [b for b, _ in shown], [n for _, n in shown], half, chart_h, "图2 各楼栋投诉件数"),
            canvas,
            g.left + half + 12,
            y - chart_h,
        )
        y -= chart_h + 18
        draw_line(canvas, measure, g.left, y, "三、分析及改进措施", HEADING)
        box_bottom = g.bottom + 58
        canvas.setLineWidth(0.6)
        canvas.rect(g.left, box_bottom, g.content_width, y - 8 - box_bottom)
        canvas.setDash(1, 3)
        canvas.setLineWidth(0.3)
        line_y = y - 8 - 22
        while line_y > box_bottom + 6:
            canvas.line(g.left + 8, line_y, g.right - 8, line_y)
            line_y -= 22
        canvas.setDash()
        draw_signature_lines(
            canvas,
            measure,
            g.left,
            g.bottom + 30,
            g.content_width - SEAL_ROOM,
            [SignatureSlot("制表"), SignatureSlot("客服主管"), SignatureSlot("管理处主任")],
        )
        draw_footer(canvas, measure, g, printed_at, 1, 1, seal=seal)
        canvas.showPage()
    return 1
