"""部门客户投诉工作月报: the month's counts by kind and building, the on-time reply rate and
the follow-up rate, with two bar charts and the seal of the month's tickets. No Qt here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reportlab.graphics import renderPDF
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.colors import Color

from desk_app.domain.tickets import TicketKind
from desk_app.printing.fonts import TextMeasure
from desk_app.printing.form_footer import SEAL_ROOM, SignatureSlot, draw_footer, draw_signature_lines
from desk_app.printing.form_layout import PORTRAIT, FormField, atomic_pdf, draw_fields, draw_title
from desk_app.printing.ruled_table import Column, Para, RuledTable
from desk_app.printing.text_lines import TextStyle, draw_line
from desk_app.printing.ticket_forms.common import CENTER, EMPTY, HEADING, SMALL, Progress
from desk_app.services import page_seal
from desk_app.services.container import Services
from desk_app.services.tickets import MonthlyReport

MONTHLY_TITLE = "部门客户投诉工作月报"


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


@dataclass(frozen=True)
class MonthlyReportSheet:
    """What the report shows: the month's figures, and the seal of its tickets."""

    desk_name: str
    printed_at: datetime
    report: MonthlyReport
    seal: page_seal.Seal | None = None

    @classmethod
    def gather(cls, services: Services, year: int, month: int) -> MonthlyReportSheet:
        report = services.tickets.monthly_report(year, month)
        desk = services.desk.info()
        seal = page_seal.seal(services.db, page_seal.monthly_rule(year, month), desk.tz)
        return cls(desk.name, services.desk.now(), report, seal)


def draw_monthly_report(sheet: MonthlyReportSheet, path: Path, *, progress: Progress | None = None) -> int:
    """Write the report of ``sheet`` to ``path`` as a PDF (one page); returns 1."""
    report = sheet.report
    year, month = report.year, report.month
    g = PORTRAIT
    measure = TextMeasure()
    font = measure.font_name
    if progress is not None:
        progress(0, 1)
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

    title = f"{MONTHLY_TITLE} {year}-{month:02d} {sheet.desk_name}"
    with atomic_pdf(Path(path), title=title, author=sheet.desk_name) as canvas:
        draw_title(canvas, measure, g, sheet.desk_name, MONTHLY_TITLE)
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
        draw_footer(canvas, measure, g, sheet.printed_at, 1, 1, seal=sheet.seal)
        canvas.showPage()
    if progress is not None:
        progress(1, 1)
    return 1


def render_monthly_report_pdf(services: Services, year: int, month: int, path: Path) -> int:
    """部门客户投诉工作月报 of a month: figures, counts by kind and building, two charts."""
    return draw_monthly_report(MonthlyReportSheet.gather(services, year, month), path)
