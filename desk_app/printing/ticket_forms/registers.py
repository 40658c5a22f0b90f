"""投诉受理登记表 / 住户报修登记表: every complaint (repair) registered in a date range, one
ruled row per ticket, A4 landscape, with the clerk's and the supervisor's signatures and,
on each page, the seal of the tickets it lists. No Qt here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

from desk_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from desk_app.domain.tickets import LEVEL_CHINESE, ClockKind, TicketKind, TicketStatus, Urgency, Validity
from desk_app.printing.fonts import TextMeasure
from desk_app.printing.form_footer import SignatureSlot, draw_footer, draw_signature_lines
from desk_app.printing.form_layout import LANDSCAPE, FormField, atomic_pdf, draw_fields, draw_title
from desk_app.printing.logbook import chinese_date
from desk_app.printing.ruled_table import Align, LaidRow, Para, RuledTable, TablePage, columns_by_share
from desk_app.printing.text_lines import TextStyle
from desk_app.printing.ticket_forms.common import (
    CENTER,
    EMPTY,
    LATE,
    SMALL,
    SMALL_CENTER,
    TEXT,
    Progress,
    short_time,
)
from desk_app.services import page_seal
from desk_app.services.container import Services
from desk_app.services.tickets import TicketView

END_OF_RECORDS = "（以下空白）"
NO_RECORDS = "本期无登记"
COMPLAINT_TITLE = "投诉受理登记表"
REPAIR_TITLE = "住户报修登记表"

VALIDITY = {Validity.UNDECIDED: "待定", Validity.VALID: "有效", Validity.INVALID: "无效"}

REGISTER_HEADER = 66.0
REGISTER_FOOTER = 50.0


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
        paras.append(Para(f"限 {short_time(clock.due_at)}", SMALL))
        if clock.met_at is not None:
            late = "（超时）" if not clock.on_time else ""
            paras.append(Para(f"{short_time(clock.met_at)} {clock.met_by or ''}{late}".strip(), LATE))
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
        paras.append(Para(short_time(row.closed_at), SMALL_CENTER))
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
        visit = [Para(short_time(d.visit_at), CENTER)] if d.visit_at else [Para("—", CENTER)]
        visit += [p for p in _clock_cell(view, ClockKind.VISIT) if p.style is LATE]
        dispatched = [Para(d.dispatched_to or "—", CENTER)]
        done = [Para(n, TEXT) for n in _notes(view, "completed")]
        completed_at = [e.at for e in view.events if e.action == "completed"]
        if completed_at:
            done.insert(0, Para(short_time(completed_at[-1]), SMALL))
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


def _lay_out(spec: RegisterSpec, tickets: tuple[TicketView, ...]) -> tuple[RuledTable, list[TablePage]]:
    """The register's table and its pages: a row per ticket, then the count (or 本期无登记)."""
    g = LANDSCAPE
    columns = columns_by_share(g.content_width, spec.columns)
    table = RuledTable(columns, TextMeasure(), title_style=TextStyle(size=9.5, align="center"))
    rows: list[LaidRow] = [table.lay_out_row(spec.cells(v), tag=v) for v in tickets]
    room = g.top - REGISTER_HEADER - (g.bottom + REGISTER_FOOTER)
    if rows:
        closed = sum(v.row.status is TicketStatus.CLOSED for v in tickets)
        summary = f"共 {len(tickets)} 件，其中已关闭 {closed} 件。"
        rows.append(table.lay_out_span([Para(summary, TextStyle(size=8.5)), Para(END_OF_RECORDS, EMPTY)]))
    else:
        rows.append(table.lay_out_span([Para(NO_RECORDS, TextStyle(size=12.0, leading=60.0, align="center"))]))
    return table, table.paginate(rows, room)


def _listed(page: TablePage) -> tuple[int, ...]:
    """The tickets a page lists (a ticket split over two pages is on both)."""
    return tuple(dict.fromkeys(r.tag.id for r in page.rows if isinstance(r.tag, TicketView)))


@dataclass(frozen=True)
class RegisterSheet:
    """What a register shows: the tickets registered from ``date_from`` to ``date_to`` and
    each page's seal, by the tickets the page lists (a page not found there has none)."""

    desk_name: str
    printed_at: datetime
    kind: TicketKind
    date_from: date
    date_to: date
    tickets: tuple[TicketView, ...]
    seals: Mapping[tuple[int, ...], page_seal.Seal] = field(default_factory=dict)

    @property
    def spec(self) -> RegisterSpec:
        spec = REGISTERS.get(self.kind)
        if spec is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("DeskError", "There is no printed register for {kind}."), kind=self.kind.label
            )
        return spec

    @classmethod
    def gather(cls, services: Services, kind: TicketKind, date_from: date, date_to: date) -> RegisterSheet:
        """The tickets registered from ``date_from`` to ``date_to`` (desk dates, both included)."""
        desk = services.desk.info()
        sheet = cls(desk.name, services.desk.now(), kind, date_from, date_to, ())
        spec = sheet.spec  # before anything is read: no register for this kind
        sheet = replace(sheet, tickets=tuple(services.tickets.registers(kind, date_from, date_to)))
        # Each page's seal names the tickets it lists: lay the pages out to know them.
        listed = [ids for ids in map(_listed, _lay_out(spec, sheet.tickets)[1]) if ids]
        rules = [page_seal.register_rule(kind is TicketKind.COMPLAINT, ids) for ids in listed]
        return replace(sheet, seals=dict(zip(listed, page_seal.seals(services.db, rules, desk.tz), strict=True)))


def draw_register(sheet: RegisterSheet, path: Path, *, progress: Progress | None = None) -> int:
    """Write the register of ``sheet`` to ``path`` as a PDF; return the page count."""
    spec = sheet.spec
    g = LANDSCAPE
    table, pages = _lay_out(spec, sheet.tickets)
    measure = table.measure
    period = _period_text(sheet.date_from, sheet.date_to)
    total = len(pages)
    if progress is not None:
        progress(0, total)
    with atomic_pdf(Path(path), title=f"{spec.title} {sheet.desk_name}", author=sheet.desk_name) as canvas:
        for number, page in enumerate(pages, start=1):
            canvas.setPageSize((g.width, g.height))
            draw_title(canvas, measure, g, sheet.desk_name, spec.title)
            draw_fields(
                canvas,
                measure,
                g.left,
                g.top - 58,
                g.content_width,
                [FormField("登记期间", period, 1.4), FormField("登记件数", str(len(sheet.tickets)), 1.0)],
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
            seal = sheet.seals.get(_listed(page))
            draw_footer(canvas, measure, g, sheet.printed_at, number, total, f"{page_seal.LABEL} —", seal)
            canvas.showPage()
            if progress is not None:
                progress(number, total)
    return total


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
    return draw_register(RegisterSheet.gather(services, kind, date_from, date_to), path, progress=progress)
