"""重大事件报告: the written report a major incident needs by the next day, with the ticket's
history and the seal of the ticket. No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desk_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from desk_app.domain.tickets import LEVEL_CHINESE, ClockKind, Urgency
from desk_app.printing.fonts import TextMeasure
from desk_app.printing.form_footer import SEAL_ROOM, SignatureSlot, draw_footer, draw_signature_lines
from desk_app.printing.form_layout import PORTRAIT, FormField, atomic_pdf, draw_fields, draw_title
from desk_app.printing.ruled_table import Column, Para, RuledTable
from desk_app.printing.table_flow import FLOW_GAP, flow_tables
from desk_app.printing.text_lines import TextStyle
from desk_app.printing.ticket_forms.common import CENTER, TEXT, Progress, short_time
from desk_app.services import page_seal
from desk_app.services.container import Services
from desk_app.services.tickets import TicketView

INCIDENT_TITLE = "重大事件报告"
HEADER_HEIGHT = 120.0
FOOTER_HEIGHT = 70.0

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


@dataclass(frozen=True)
class IncidentReportSheet:
    """What the report shows: a major incident's ticket with its written report, and its seal."""

    desk_name: str
    printed_at: datetime
    ticket: TicketView
    seal: page_seal.Seal | None = None

    @classmethod
    def gather(cls, services: Services, ticket_id: int) -> IncidentReportSheet:
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
        seal = page_seal.seal(services.db, page_seal.ticket_rule(ticket_id), desk.tz)
        return cls(desk.name, services.desk.now(), view, seal)


def draw_incident_report(sheet: IncidentReportSheet, path: Path, *, progress: Progress | None = None) -> int:
    """Write the report of ``sheet`` to ``path`` as a PDF; return the page count."""
    g = PORTRAIT
    measure = TextMeasure()
    view, row = sheet.ticket, sheet.ticket.row
    body = RuledTable([Column("事件经过、处理情况及整改措施", g.content_width)], measure, pad_x=6.0, pad_y=5.0)
    body_rows = [body.lay_out_row([[Para(view.incident_report or "", TextStyle(size=10.0, leading=16.0))]])]
    history = RuledTable(
        [Column("时间", 80.0, "center"), Column("人员", 70.0, "center"), Column("处理经过", g.content_width - 150.0)],
        measure,
    )
    history_rows = [
        history.lay_out_row(
            [
                [Para(short_time(e.at), CENTER)],
                [Para(e.actor or "系统", CENTER)],
                [Para(_event_text(e.action, e.note), TEXT)],
            ]
        )
        for e in view.events
    ]
    room = g.top - HEADER_HEIGHT - (g.bottom + FOOTER_HEIGHT)
    pages = flow_tables([(body, body_rows), (history, history_rows)], room)
    report_clock = next((c for c in view.clocks if c.kind is ClockKind.INCIDENT_REPORT), None)
    total = len(pages)
    if progress is not None:
        progress(0, total)
    title = f"{INCIDENT_TITLE} #{row.id} {sheet.desk_name}"
    with atomic_pdf(Path(path), title=title, author=sheet.desk_name) as canvas:
        for number, blocks in enumerate(pages, start=1):
            draw_title(canvas, measure, g, sheet.desk_name, INCIDENT_TITLE)
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
            y = g.top - HEADER_HEIGHT
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
            draw_footer(canvas, measure, g, sheet.printed_at, number, total, seal=sheet.seal)
            canvas.showPage()
            if progress is not None:
                progress(number, total)
    return total


def render_incident_report_pdf(services: Services, ticket_id: int, path: Path) -> int:
    """The written report of a major incident (重大事件报告), with the ticket's history."""
    return draw_incident_report(IncidentReportSheet.gather(services, ticket_id), path)
