"""物品放行条: one slip in two parts (存根 kept by the desk, 放行联 shown at the gate) with the
items, the identity check and the signatures of the resident and the clerk, and the seal
of the ticket. No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from desk_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from desk_app.domain.tickets import TicketKind
from desk_app.printing.fonts import TextMeasure
from desk_app.printing.form_footer import SEAL_ROOM, SignatureSlot, draw_footer, draw_signature_lines
from desk_app.printing.form_layout import PORTRAIT, FormField, PageGeometry, atomic_pdf, draw_fields
from desk_app.printing.logbook import chinese_date
from desk_app.printing.ruled_table import Column, Para, RuledTable
from desk_app.printing.text_lines import TextStyle, draw_line
from desk_app.printing.ticket_forms.common import CENTER, TEXT, Progress
from desk_app.services import page_seal
from desk_app.services.container import Services
from desk_app.services.tickets import TicketView

SLIP_TITLE = "物品放行条"
SLIP_PARTS = (("存根", "（前台留存）"), ("放行联", "（交门岗查验后收回）"))


@dataclass(frozen=True)
class ReleaseSlipSheet:
    """What the slip shows: an item-release ticket, and its seal."""

    desk_name: str
    printed_at: datetime
    ticket: TicketView
    seal: page_seal.Seal | None = None

    @classmethod
    def gather(cls, services: Services, ticket_id: int) -> ReleaseSlipSheet:
        view = services.tickets.get(ticket_id)
        if view.row.kind is not TicketKind.ITEM_RELEASE:
            raise ValidationError(
                QT_TRANSLATE_NOOP("DeskError", "Ticket #{id} is not an item release; it has no release slip."),
                id=ticket_id,
            )
        desk = services.desk.info()
        seal = page_seal.seal(services.db, page_seal.ticket_rule(ticket_id), desk.tz)
        return cls(desk.name, services.desk.now(), view, seal)


def draw_release_slip(sheet: ReleaseSlipSheet, path: Path, *, progress: Progress | None = None) -> int:
    """The slip of ``sheet``: two parts on one A4 page, cut along the line; returns 1."""
    g = PORTRAIT
    measure = TextMeasure()
    half = (g.top - g.bottom) / 2
    if progress is not None:
        progress(0, 1)
    title = f"{SLIP_TITLE} #{sheet.ticket.row.id} {sheet.desk_name}"
    with atomic_pdf(Path(path), title=title, author=sheet.desk_name) as canvas:
        for index, (part, note) in enumerate(SLIP_PARTS):
            top = g.top - index * half
            _draw_slip(canvas, measure, g, top, half - 24, sheet.ticket, sheet.desk_name, part, note)
        # The cut line between the two parts.
        cut_y = g.top - half + 6
        canvas.setDash(4, 3)
        canvas.setLineWidth(0.5)
        canvas.line(g.left, cut_y, g.right, cut_y)
        canvas.setDash()
        draw_line(canvas, measure, g.left, cut_y + 3, "沿此线剪开", TextStyle(size=7.0, gray=0.4))
        draw_footer(canvas, measure, g, sheet.printed_at, 1, 1, seal=sheet.seal)
        canvas.showPage()
    if progress is not None:
        progress(1, 1)
    return 1


def render_release_slip_pdf(services: Services, ticket_id: int, path: Path) -> int:
    """The 物品放行条 of an item-release ticket: two parts on one A4 page, cut along the line."""
    return draw_release_slip(ReleaseSlipSheet.gather(services, ticket_id), path)


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
