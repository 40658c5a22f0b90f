"""The printed roster (值班安排表): a month on A4 landscape, people × days.

Each row is a person with their mobile and office phones; each column a day with its
weekday, statutory holidays marked 休/假日 and tinted, make-up working days marked 班.
Under the grid: the legend of shift times, the coverage per shift, the version and its
publication, the signatures of the supervisor who compiled it and the manager who received
it, and the seal of the version and its cells (DOMAIN.md "Roster", "Paper"). Many people
run over several pages, each with the header, the legend and the signatures.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from desk_app.domain.roster import WEEKDAY_NAMES, short_labels
from desk_app.domain.shifts import ShiftTemplate
from desk_app.domain.workdays import HolidayCalendar
from desk_app.printing.fonts import TextMeasure
from desk_app.printing.form_footer import SEAL_ROOM, SignatureSlot, draw_footer, draw_signature_lines
from desk_app.printing.form_layout import LANDSCAPE, PageGeometry, atomic_pdf, draw_title
from desk_app.printing.text_lines import TextStyle, draw_line
from desk_app.services import page_seal
from desk_app.services.container import Services
from desk_app.services.roster import MonthView

Progress = Callable[[int, int], None]

FORM_TITLE = "值班安排表"
HOLIDAY_FILL = Color(0.88, 0.88, 0.88)
WEEKEND_FILL = Color(0.95, 0.95, 0.95)

NAME_WIDTH = 112.0
TOTAL_WIDTH = 26.0
ROW_HEIGHT = 20.0
HEADER_ROW = 26.0
HEADER_HEIGHT = 66.0
FOOTER_HEIGHT = 92.0


@dataclass
class RosterPage:
    people: list[int]  # indexes into the month's staff


def _day_mark(day: date, calendar: HolidayCalendar) -> str:
    if calendar.is_holiday(day):
        return "假"
    if calendar.is_make_up_day(day):
        return "班"
    return ""


@dataclass(frozen=True)
class RosterSheet:
    """What the printed roster shows: the month as it stands (the published version, or the
    draft marked 草稿), its shifts, and the seal of the version (or the draft month) and its
    cells (None for a month nobody has touched: nothing to check). ``calendar``: the desk's
    holidays, which shade the columns; a year nobody confirmed is said so on the page."""

    desk_name: str
    printed_at: datetime
    view: MonthView
    templates: tuple[ShiftTemplate, ...]
    calendar: HolidayCalendar
    published_at: datetime | None = None
    seal: page_seal.Seal | None = None

    @classmethod
    def gather(cls, services: Services, year: int, month: int) -> RosterSheet:
        view = services.roster.month(year, month)
        desk = services.desk.info()
        published_at = None
        if view.published:
            published_at = services.roster.version_time(year, month, view.version)
        seal: page_seal.Seal | None = page_seal.seal(
            services.db, page_seal.roster_rule(services.db, year, month), desk.tz
        )
        if seal is not None and not seal.count:
            seal = None
        templates = tuple(services.roster.templates())
        calendar = services.holidays.calendar()
        return cls(desk.name, services.desk.now(), view, templates, calendar, published_at, seal)


def draw_roster(sheet: RosterSheet, path: Path, *, progress: Progress | None = None) -> int:
    """Write the roster of ``sheet`` to ``path`` as a PDF (A4 landscape); return the page count."""
    view = sheet.view
    labels = short_labels(sheet.templates)
    g = LANDSCAPE
    measure = TextMeasure()
    rows_per_page = max(1, int((g.top - HEADER_HEIGHT - HEADER_ROW - (g.bottom + FOOTER_HEIGHT)) // ROW_HEIGHT))
    everyone = list(range(len(view.staff)))
    pages = [RosterPage(everyone[i : i + rows_per_page]) for i in range(0, len(everyone), rows_per_page)] or [
        RosterPage([])
    ]
    total = len(pages)
    if progress is not None:
        progress(0, total)
    title = f"{FORM_TITLE} {view.year}-{view.month:02d} {sheet.desk_name}"
    with atomic_pdf(Path(path), title=title, author=sheet.desk_name) as canvas:
        for number, page in enumerate(pages, start=1):
            canvas.setPageSize((g.width, g.height))
            _draw_page(canvas, measure, g, sheet, page, labels)
            draw_footer(canvas, measure, g, sheet.printed_at, number, total, f"{page_seal.LABEL} —", sheet.seal)
            canvas.showPage()
            if progress is not None:
                progress(number, total)
    return total


def render_roster_pdf(services: Services, year: int, month: int, path: Path) -> int:
    """The month's roster as it stands (the published version, or the draft marked 草稿)."""
    return draw_roster(RosterSheet.gather(services, year, month), path)


def _draw_page(
    canvas: Canvas,
    m: TextMeasure,
    g: PageGeometry,
    sheet: RosterSheet,
    page: RosterPage,
    labels: dict[int, str],
) -> None:
    view, templates, published_at = sheet.view, sheet.templates, sheet.published_at
    draw_title(canvas, m, g, sheet.desk_name, f"{view.year}年{view.month}月{FORM_TITLE}")
    if view.published:
        state = f"第 {view.version} 版" + (f"，发布于 {published_at:%Y-%m-%d %H:%M}" if published_at else "")
    else:
        state = "草稿（未发布）"
    if sheet.calendar.unconfirmed_years(view.days[0], view.days[-1]):
        state += "　节假日安排未确认"
    draw_line(canvas, m, g.left, g.top - 56, state, TextStyle(size=9, align="right"), g.content_width)

    days = view.days
    day_width = (g.content_width - NAME_WIDTH - 2 * TOTAL_WIDTH) / len(days)
    top = g.top - HEADER_HEIGHT
    x0 = g.left
    # Column shading for weekends and holidays, under everything else.
    body_height = HEADER_ROW + ROW_HEIGHT * (len(page.people) + len(templates))
    for i, day in enumerate(days):
        fill = HOLIDAY_FILL if sheet.calendar.is_holiday(day) else WEEKEND_FILL if day.weekday() >= 5 else None
        if fill is not None:
            canvas.setFillColor(fill)
            canvas.rect(x0 + NAME_WIDTH + i * day_width, top - body_height, day_width, body_height, stroke=0, fill=1)
    canvas.setFillGray(0)

    # Header row: 姓名/电话, the days with weekday and mark, totals.
    small = TextStyle(size=7.0, align="center")
    draw_line(canvas, m, x0, top - 16, "姓名 / 手机 / 办公电话", TextStyle(size=8, align="center"), NAME_WIDTH)
    for i, day in enumerate(days):
        x = x0 + NAME_WIDTH + i * day_width
        draw_line(canvas, m, x, top - 10, str(day.day), TextStyle(size=8, align="center"), day_width)
        draw_line(
            canvas, m, x, top - 19, WEEKDAY_NAMES[day.weekday()] + _day_mark(day, sheet.calendar), small, day_width
        )
    totals_x = x0 + NAME_WIDTH + len(days) * day_width
    draw_line(canvas, m, totals_x, top - 16, "班数", small, TOTAL_WIDTH)
    draw_line(canvas, m, totals_x + TOTAL_WIDTH, top - 16, "工时", small, TOTAL_WIDTH)

    minutes = {t.id: t.duration_minutes for t in templates}
    y = top - HEADER_ROW
    cell = TextStyle(size=9.0, align="center")
    for index in page.people:
        member = view.staff[index]
        rules = member.rules
        draw_line(canvas, m, x0 + 3, y - 9, member.name, TextStyle(size=8.5), NAME_WIDTH - 6)
        phones = " ".join(p for p in (rules.mobile, rules.office_phone) if p)
        if phones:
            draw_line(canvas, m, x0 + 3, y - 17, phones, TextStyle(size=6.0, gray=0.25), NAME_WIDTH - 6)
        count = 0
        total = 0
        for i, day in enumerate(days):
            template_id, locked = view.cells.get((member.account_id, day), (None, False))
            text = labels.get(template_id, "") if template_id is not None else ("休" if locked else "")
            if template_id is not None:
                count += 1
                total += minutes.get(template_id, 0)
            if text:
                draw_line(canvas, m, x0 + NAME_WIDTH + i * day_width, y - 13, text, cell, day_width)
        draw_line(canvas, m, totals_x, y - 13, str(count), small, TOTAL_WIDTH)
        draw_line(canvas, m, totals_x + TOTAL_WIDTH, y - 13, f"{total / 60:g}", small, TOTAL_WIDTH)
        y -= ROW_HEIGHT
    # Coverage rows: how many people each shift has each day.
    planned: dict[tuple[date, int], int] = {}
    for _a, day, template_id in view.assignments():
        planned[(day, template_id)] = planned.get((day, template_id), 0) + 1
    for template in templates:
        draw_line(canvas, m, x0 + 3, y - 13, f"{template.name} 人数", TextStyle(size=8, gray=0.2))
        for i, day in enumerate(days):
            n = planned.get((day, template.id), 0)
            draw_line(
                canvas,
                m,
                x0 + NAME_WIDTH + i * day_width,
                y - 13,
                str(n),
                TextStyle(size=7.5, gray=0.2, align="center"),
                day_width,
            )
        y -= ROW_HEIGHT

    # The rules of the grid.
    canvas.setLineWidth(0.5)
    canvas.setStrokeGray(0)
    right = x0 + NAME_WIDTH + len(days) * day_width + 2 * TOTAL_WIDTH
    bottom = top - body_height
    canvas.rect(x0, bottom, right - x0, body_height)
    canvas.line(x0, top - HEADER_ROW, right, top - HEADER_ROW)
    for r in range(1, len(page.people) + len(templates)):
        row_y = top - HEADER_ROW - r * ROW_HEIGHT
        canvas.setLineWidth(0.8 if r == len(page.people) else 0.3)
        canvas.line(x0, row_y, right, row_y)
    canvas.setLineWidth(0.3)
    for i in range(len(days) + 3):
        x = x0 + NAME_WIDTH + i * day_width if i <= len(days) else totals_x + (i - len(days)) * TOTAL_WIDTH
        canvas.line(x, top, x, bottom)

    # Legend of shift times and marks, then the signatures.
    legend = "   ".join(f"{labels[t.id]} = {t.name} {t.span_text()}" for t in templates)
    legend += "   休 = 休息（保留）   假 = 法定节假日   班 = 调休上班"
    draw_line(canvas, m, x0, bottom - 16, "说明：" + legend, TextStyle(size=8), g.content_width)
    draw_signature_lines(
        canvas,
        m,
        g.left,
        g.bottom + 30,
        g.content_width - SEAL_ROOM,
        [SignatureSlot("编制（客服主管）"), SignatureSlot("审核（管理处主任）"), SignatureSlot("日期")],
    )
