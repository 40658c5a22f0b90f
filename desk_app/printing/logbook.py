"""The printed shift log (值班记录表): one or more A4 pages per shift occurrence.

Each page carries the desk, the form title, the shift date and shift, the clerks who wrote
on that shift, a ruled table of the entries (time, category, situation, handling and
result), signature lines for the clerk, the successor and the supervisor, the page number
over the whole document and the page's seal (its entries' fingerprint, as text and as a QR
code), so a paper page can later be checked against the database with ``desk-app
verify-page`` (DOMAIN.md "Shift log", "Paper").

Corrections stay visible as the rules require: a corrected entry is struck through with
"已更正，见 #n", the correcting entry says "更正 #n".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from desk_app.domain.shifts import ShiftTemplate
from desk_app.printing.fonts import TextMeasure
from desk_app.printing.form_footer import SEAL_ROOM, SignatureSlot, draw_footer, draw_signature_lines
from desk_app.printing.form_layout import FormField, PageGeometry, atomic_pdf, draw_fields, draw_title
from desk_app.printing.ruled_table import Column, LaidRow, Para, RuledTable, TablePage
from desk_app.printing.text_lines import TextStyle
from desk_app.services import page_seal
from desk_app.services.container import Services
from desk_app.services.log import DayReviewView, LogEntryView, LogFilter

Progress = Callable[[int, int], None]

FORM_TITLE = "值班记录表"
NO_RECORDS = "无记录"
END_OF_RECORDS = "（以下空白）"
# An entry of a signed day written after the signature: the signature does not cover it.
AFTER_SIGNATURE = "签阅后补记，未经审阅"
WEEKDAYS = "一二三四五六日"

GEOMETRY = PageGeometry()
HEADER_HEIGHT = 68.0  # desk name, form title, date/shift/clerk line
FOOTER_HEIGHT = 58.0  # signature lines, fingerprint and page number

TEXT = TextStyle(size=9.0)
STRUCK = TextStyle(size=9.0, gray=0.35, strike=True)
NOTE = TextStyle(size=7.5, gray=0.25)
MARK = TextStyle(size=7.5)
TIME = TextStyle(size=9.5, align="center")
ENTRY_NO = TextStyle(size=7.0, gray=0.4, align="center")
SMALL_CENTER = TextStyle(size=7.0, gray=0.25, align="center")


def _columns(width: float) -> list[Column]:
    time_w, category_w = 50.0, 50.0
    rest = width - time_w - category_w
    situation_w = round(rest * 0.52, 2)
    return [
        Column("时间", time_w, "center"),
        Column("类别", category_w, "center"),
        Column("情况", situation_w),
        Column("处理及结果", rest - situation_w),
    ]


def chinese_date(day: date) -> str:
    """2026年11月24日 星期二"""
    return f"{day.year}年{day.month}月{day.day}日 星期{WEEKDAYS[day.weekday()]}"


@dataclass
class ShiftGroup:
    """The entries of one shift occurrence (a shift template on a shift date)."""

    shift_date: date
    template_id: int
    shift_text: str  # 早班 08:00–16:00
    sort_key: tuple[date, int, int]
    entries: list[LogEntryView] = field(default_factory=list)

    def clerks(self) -> list[str]:
        return list(dict.fromkeys(e.clerk_name for e in self.entries))


def group_by_shift(entries: Iterable[LogEntryView], templates: Sequence[ShiftTemplate]) -> list[ShiftGroup]:
    """Entries (oldest first) grouped by shift occurrence, in the order the shifts began."""
    by_id = {t.id: t for t in templates}
    groups: dict[tuple[date, int], ShiftGroup] = {}
    for entry in entries:
        key = (entry.shift_date, entry.shift_template_id)
        group = groups.get(key)
        if group is None:
            template = by_id.get(entry.shift_template_id)
            if template is not None:
                text, start = f"{template.name} {template.span_text()}", template.start_minute
            else:
                text, start = entry.shift_name, entry.occurred_at.hour * 60 + entry.occurred_at.minute
            sort_key = (entry.shift_date, start, entry.shift_template_id)
            group = groups[key] = ShiftGroup(entry.shift_date, entry.shift_template_id, text, sort_key)
        group.entries.append(entry)
    return sorted(groups.values(), key=lambda g: g.sort_key)


@dataclass
class LogPage:
    """One printed page: its shift (None on the 无记录 page) and its part of the table."""

    group: ShiftGroup | None
    table: TablePage
    date_text: str
    shift_text: str
    clerks_text: str

    @property
    def entry_ids(self) -> list[int]:
        """The entries this page prints (an entry split over two pages is on both)."""
        return list(dict.fromkeys(r.tag.id for r in self.table.rows if isinstance(r.tag, LogEntryView)))

    @property
    def last_entry(self) -> LogEntryView | None:
        for row in reversed(self.table.rows):
            if isinstance(row.tag, LogEntryView):
                return row.tag
        return None


class LogbookLayout:
    """Turns log entries into pages (pass 1 and 2), then draws them (pass 3)."""

    def __init__(self, desk_name: str, printed_at: datetime, measure: TextMeasure | None = None) -> None:
        self.desk_name = desk_name
        self.printed_at = printed_at
        self.measure = measure or TextMeasure()
        self.table = RuledTable(_columns(GEOMETRY.content_width), self.measure)
        self.table_top = GEOMETRY.top - HEADER_HEIGHT
        self.table_room = self.table_top - (GEOMETRY.bottom + FOOTER_HEIGHT)

    # -- layout ------------------------------------------------------------------------
    def entry_row(self, entry: LogEntryView, several_clerks: bool) -> LaidRow:
        time_cell = [Para(f"{entry.occurred_at:%H:%M}", TIME), Para(f"#{entry.id}", ENTRY_NO)]
        if entry.occurred_at.date() != entry.shift_date:
            time_cell.append(Para(f"{entry.occurred_at:%m-%d}", SMALL_CENTER))
        if several_clerks:
            time_cell.append(Para(entry.clerk_name, SMALL_CENTER))
        category_cell = [Para(entry.category.chinese, TextStyle(size=9.0, align="center"))]
        if entry.follow_up:
            category_cell.append(Para("【需跟进】", TextStyle(size=7.0, align="center")))
        situation: list[Para] = []
        if entry.after_signature:
            situation.append(Para(AFTER_SIGNATURE, MARK))
        if entry.corrects_id is not None:
            note = f"更正 #{entry.corrects_id}" + ("（审阅后更正）" if entry.after_review else "")
            situation.append(Para(note, MARK))
        body = STRUCK if entry.is_corrected else TEXT
        situation.append(Para(entry.situation, body))
        if entry.is_corrected:
            situation.append(Para(f"已更正，见 #{entry.corrected_by_id}", MARK))
        if entry.backdate_reason:
            situation.append(Para(f"补记：{entry.backdate_reason}（{entry.recorded_at:%H:%M} 录入）", NOTE))
        handling = [Para(entry.handling, body)] if entry.handling else []
        return self.table.lay_out_row([time_cell, category_cell, situation, handling], tag=entry)

    def pages_for(self, groups: Sequence[ShiftGroup], empty_date: str, empty_shift: str) -> list[LogPage]:
        pages: list[LogPage] = []
        end_row = self.table.lay_out_span([Para(END_OF_RECORDS, TextStyle(size=8.0, gray=0.4, align="center"))])
        for group in groups:
            clerks = group.clerks()
            rows = [self.entry_row(e, len(clerks) > 1) for e in group.entries]
            table_pages = self.table.paginate(rows, self.table_room)
            last = table_pages[-1]
            if last.height + end_row.height <= self.table_room:  # only where it fits: never a page of its own
                last.rows.append(end_row)
                last.height += end_row.height
            date_text = chinese_date(group.shift_date)
            for table_page in table_pages:
                pages.append(LogPage(group, table_page, date_text, group.shift_text, "、".join(clerks)))
        if not pages:
            empty = self.table.lay_out_span([Para(NO_RECORDS, TextStyle(size=14.0, leading=72.0, align="center"))])
            table_page = self.table.paginate([empty], self.table_room)[0]
            pages.append(LogPage(None, table_page, empty_date, empty_shift, "—"))
        return pages

    # -- drawing -----------------------------------------------------------------------
    def draw_page(
        self,
        canvas: Canvas,
        page: LogPage,
        number: int,
        total: int,
        review: DayReviewView | None,
        seal: page_seal.Seal | None = None,
    ) -> None:
        m, g = self.measure, GEOMETRY
        top = g.top
        draw_title(canvas, m, g, self.desk_name, FORM_TITLE)
        draw_fields(
            canvas,
            m,
            g.left,
            top - 58,
            g.content_width,
            [
                FormField("日期", page.date_text, 1.2),
                FormField("班次", page.shift_text, 1.0),
                FormField("值班员", page.clerks_text, 1.1),
            ],
        )
        self.table.draw(canvas, g.left, self.table_top, page.table.rows)

        sign_y = g.bottom + 34
        note = ""
        if review is not None:
            note = f"系统已签阅：{review.signer_name} {review.signed_at:%Y-%m-%d %H:%M}"
            if review.covers_to_id is not None:  # what the signature covers
                note += f"\n签阅范围：至第 #{review.covers_to_id} 条记录"
        draw_signature_lines(
            canvas,
            m,
            g.left,
            sign_y,
            g.content_width - SEAL_ROOM,
            [SignatureSlot("值班员签名"), SignatureSlot("接班人签名"), SignatureSlot("主管审阅签名", note, 1.15)],
        )
        # The page's seal: what `desk-app verify-page` checks the paper against.
        draw_footer(canvas, m, g, self.printed_at, number, total, f"{page_seal.LABEL} —（本页无记录）", seal)


def _filter_texts(flt: LogFilter, templates: Sequence[ShiftTemplate]) -> tuple[str, str]:
    if flt.date_from is not None and flt.date_from == flt.date_to:
        date_text = chinese_date(flt.date_from)
    elif flt.date_from is not None or flt.date_to is not None:
        start = f"{flt.date_from:%Y-%m-%d}" if flt.date_from else ""
        end = f"{flt.date_to:%Y-%m-%d}" if flt.date_to else ""
        date_text = f"{start} 至 {end}".strip()
    else:
        date_text = "—"
    shift_text = "全部班次"
    if flt.shift_template_id is not None:
        for template in templates:
            if template.id == flt.shift_template_id:
                shift_text = f"{template.name} {template.span_text()}"
    return date_text, shift_text


@dataclass(frozen=True)
class LogbookSheet:
    """What the printed log shows: its entries by shift, the days' signatures and each
    page's seal, by the entries the page prints (a page not found there has none)."""

    desk_name: str
    printed_at: datetime
    groups: tuple[ShiftGroup, ...]
    date_text: str  # of the selection, for the 无记录 page
    shift_text: str
    reviews: Mapping[date, DayReviewView] = field(default_factory=dict)
    seals: Mapping[tuple[int, ...], page_seal.Seal] = field(default_factory=dict)

    @classmethod
    def gather(cls, services: Services, flt: LogFilter) -> LogbookSheet:
        desk = services.desk.info()
        templates = services.desk.shift_templates(include_inactive=True)
        groups = group_by_shift(services.log.iter_chronological(flt), templates)
        reviews: dict[date, DayReviewView] = {}
        if groups:
            reviews = services.log.reviews(groups[0].shift_date, max(g.shift_date for g in groups))
        sheet = cls(desk.name, services.desk.now(), tuple(groups), *_filter_texts(flt, templates), reviews)
        # The seals name the entries of each page: lay the pages out to know them.
        printed = [tuple(page.entry_ids) for page in sheet.pages(LogbookLayout(desk.name, sheet.printed_at))]
        sealed = [ids for ids in printed if ids]
        rules = [page_seal.log_rule(ids) for ids in sealed]
        seals = dict(zip(sealed, page_seal.seals(services.db, rules, desk.tz), strict=True))
        return replace(sheet, seals=seals)

    def pages(self, layout: LogbookLayout) -> list[LogPage]:
        return layout.pages_for(self.groups, self.date_text, self.shift_text)


def draw_log(sheet: LogbookSheet, path: Path, *, progress: Progress | None = None) -> int:
    """Write the shift log of ``sheet`` to ``path`` as a PDF; return the page count.

    The file appears only when complete (written beside it, then renamed). ``progress``
    is called with (pages drawn, pages in all), from the calling thread.
    """
    layout = LogbookLayout(sheet.desk_name, sheet.printed_at)
    pages = sheet.pages(layout)
    total = len(pages)
    if progress is not None:
        progress(0, total)
    with atomic_pdf(Path(path), title=f"{FORM_TITLE} {sheet.desk_name}", author=sheet.desk_name) as canvas:
        for number, page in enumerate(pages, start=1):
            review = sheet.reviews.get(page.group.shift_date) if page.group is not None else None
            layout.draw_page(canvas, page, number, total, review, sheet.seals.get(tuple(page.entry_ids)))
            canvas.showPage()
            if progress is not None:
                progress(number, total)
    return total


def render_log_pdf(
    services: Services,
    flt: LogFilter,
    path: Path,
    *,
    progress: Progress | None = None,
) -> int:
    """Write the shift log selected by ``flt`` to ``path`` as a PDF; return the page count."""
    return draw_log(LogbookSheet.gather(services, flt), path, progress=progress)
