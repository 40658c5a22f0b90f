"""A small layout kit for the desk's paper forms, drawn straight onto a ReportLab canvas.

Every form (shift log, handover record, complaint register, roster) is the same shape:
a header, a ruled table whose cells wrap long text, and a footer with signature lines and
"第 n 页 共 m 页". The kit works in two passes so the page count is known before any page
is drawn:

1. ``RuledTable.lay_out_row`` wraps each cell into lines (CJK breaks at any character,
   Latin words stay whole) and gives the row its height;
2. ``RuledTable.paginate`` cuts the rows into pages (a row taller than a page is split);
3. the form draws each page: its own header, ``RuledTable.draw``, ``draw_signature_lines``
   and ``page_number_text``.

Platypus would do the same far more slowly; this draws a 100-page log in well under a second.
No Qt here: the Qt layer only shows and prints the finished PDF.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Literal

from reportlab.graphics.barcode import qrencoder
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from desk_app import atomic_files
from desk_app.printing.fonts import TextMeasure, register_cjk_font
from desk_app.services.page_seal import LABEL, Seal

Align = Literal["left", "center", "right"]

# Measured on WenQuanYi Micro Hei (face ascent 765, descent -240 per 1000 units).
ASCENT = 0.765
DESCENT = 0.240

# A line may not start with these (Chinese typesetting, 避头): the character before
# moves down with them.
NO_LINE_START = frozenset("，。、；：！？）》」』】〕〉”’,.;:!?)]}%…—")
# A run of these is one unbreakable word (Latin letters, digits, ASCII punctuation).
_TOKEN = re.compile(r"[ \t]+|[!-~\u00a0-\u02ff]+|.", re.S)


@dataclass(frozen=True)
class PageGeometry:
    """Paper size and margins in points (A4 portrait by default)."""

    width: float = A4[0]
    height: float = A4[1]
    margin_left: float = 36.0
    margin_right: float = 36.0
    margin_top: float = 30.0
    margin_bottom: float = 28.0

    @property
    def left(self) -> float:
        return self.margin_left

    @property
    def right(self) -> float:
        return self.width - self.margin_right

    @property
    def top(self) -> float:
        return self.height - self.margin_top

    @property
    def bottom(self) -> float:
        return self.margin_bottom

    @property
    def content_width(self) -> float:
        return self.right - self.left


@dataclass(frozen=True)
class TextStyle:
    size: float = 9.0
    leading: float = 0.0  # 0: 1.3 × size
    gray: float = 0.0  # 0 black … 1 white
    strike: bool = False  # struck through (a corrected record stays readable)
    align: Align = "left"

    @property
    def line_height(self) -> float:
        return self.leading or round(self.size * 1.3, 2)


@dataclass(frozen=True)
class Para:
    """A paragraph in a cell; wrapped to the cell width. ``\\n`` starts a new line."""

    text: str
    style: TextStyle = field(default_factory=TextStyle)


@dataclass(frozen=True)
class Column:
    title: str
    width: float
    align: Align = "left"


@dataclass(frozen=True)
class Line:
    text: str
    style: TextStyle
    width: float


@dataclass
class LaidRow:
    """A table row with its cells wrapped into lines. ``span`` rows have one full-width cell."""

    cells: list[list[Line]]
    height: float
    span: bool = False
    tag: object = None  # what the row stands for (the form's own record)


@dataclass
class TablePage:
    rows: list[LaidRow]
    height: float  # including the column-title row


def wrap_text(text: str, width: float, size: float, measure: TextMeasure) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` at font ``size``.

    Chinese breaks between any two characters, a Latin word or a number only at a space
    (or anywhere, when it alone is wider than the line). Closing punctuation never starts
    a line.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        tokens = _TOKEN.findall(paragraph)
        current: list[str] = []
        current_width = 0.0
        for token in tokens:
            token_width = measure.width(token, size)
            if token.isspace():
                if current:
                    current.append(token)
                    current_width += token_width
                continue
            if current_width + token_width <= width + 0.01:
                current.append(token)
                current_width += token_width
                continue
            if token_width > width:  # a word longer than the line: cut it anywhere
                for ch in token:
                    ch_width = measure.width(ch, size)
                    if current and current_width + ch_width > width + 0.01:
                        lines.append("".join(current).rstrip())
                        current, current_width = [], 0.0
                    current.append(ch)
                    current_width += ch_width
                continue
            carry: list[str] = []
            while current and current[-1].isspace():
                current.pop()
            if token[0] in NO_LINE_START and len(current) > 1:
                carry = [current.pop()]
            lines.append("".join(current).rstrip())
            current = [*carry, token]
            current_width = measure.width("".join(current), size)
        lines.append("".join(current).rstrip())
    return lines


def fit_text(text: str, width: float, size: float, measure: TextMeasure) -> str:
    """``text`` cut with "…" so it fits on one line of ``width``."""
    if measure.width(text, size) <= width:
        return text
    ellipsis = "…"
    room = width - measure.width(ellipsis, size)
    out: list[str] = []
    used = 0.0
    for ch in text:
        used += measure.width(ch, size)
        if used > room:
            break
        out.append(ch)
    return "".join(out) + ellipsis


def page_number_text(number: int, total: int) -> str:
    return f"第 {number} 页 共 {total} 页"


def baseline_below(top: float, style: TextStyle) -> float:
    """The baseline of a line whose box (``style.line_height`` tall) starts at ``top``."""
    glyphs = (ASCENT + DESCENT) * style.size
    return top - (style.line_height - glyphs) / 2 - ASCENT * style.size


class RuledTable:
    """A table with a column-title row and ruled cells that grow with their text."""

    def __init__(
        self,
        columns: Sequence[Column],
        measure: TextMeasure,
        *,
        pad_x: float = 3.5,
        pad_y: float = 3.0,
        title_style: TextStyle = TextStyle(size=10, align="center"),
        rule_width: float = 0.6,
    ) -> None:
        self.columns = list(columns)
        self.measure = measure
        self.pad_x = pad_x
        self.pad_y = pad_y
        self.title_style = title_style
        self.rule_width = rule_width
        self.width = sum(c.width for c in self.columns)
        self.title_height = title_style.line_height + 2 * pad_y + 2

    # -- pass 1: wrap -------------------------------------------------------------------
    def _lines(self, paras: Sequence[Para], width: float, align: Align) -> list[Line]:
        lines: list[Line] = []
        for para in paras:
            style = para.style if para.style.align != "left" or align == "left" else replace(para.style, align=align)
            for text in wrap_text(para.text, width, style.size, self.measure):
                lines.append(Line(text, style, self.measure.width(text, style.size)))
        return lines

    def _height(self, cells: Sequence[Sequence[Line]]) -> float:
        tallest = max((sum(line.style.line_height for line in cell) for cell in cells), default=0.0)
        return max(tallest, TextStyle().line_height) + 2 * self.pad_y

    def lay_out_row(self, cells: Sequence[Sequence[Para]], tag: object = None) -> LaidRow:
        if len(cells) != len(self.columns):
            raise ValueError(f"{len(cells)} cells for {len(self.columns)} columns")
        laid = [
            self._lines(paras, column.width - 2 * self.pad_x, column.align)
            for paras, column in zip(cells, self.columns, strict=True)
        ]
        return LaidRow(laid, self._height(laid), tag=tag)

    def lay_out_span(self, paras: Sequence[Para], tag: object = None) -> LaidRow:
        """A row with one cell across the whole table (for 无记录, 以下空白 …)."""
        laid = [self._lines(paras, self.width - 2 * self.pad_x, "left")]
        return LaidRow(laid, self._height(laid), span=True, tag=tag)

    # -- pass 2: paginate ---------------------------------------------------------------
    def paginate(self, rows: Sequence[LaidRow], room: float) -> list[TablePage]:
        """Cut ``rows`` into pages of at most ``room`` points (title row included).

        Always returns at least one page. A row that does not fit on an empty page is split
        between lines.
        """
        body_room = room - self.title_height
        if body_room < 3 * TextStyle().line_height:
            raise ValueError("no room for the table on the page")
        pages: list[TablePage] = []
        current: list[LaidRow] = []
        used = 0.0
        queue = list(reversed(rows))
        while queue:
            row = queue.pop()
            if used + row.height <= body_room:
                current.append(row)
                used += row.height
                continue
            if row.height > body_room or not current:
                head, tail = self._split(row, body_room - used)
                if head is not None:
                    current.append(head)
                    used += head.height
                if tail is not None:
                    queue.append(tail)
            else:
                queue.append(row)
            pages.append(TablePage(current, used + self.title_height))
            current, used = [], 0.0
        if current or not pages:
            pages.append(TablePage(current, used + self.title_height))
        return pages

    def _split(self, row: LaidRow, room: float) -> tuple[LaidRow | None, LaidRow | None]:
        heads: list[list[Line]] = []
        tails: list[list[Line]] = []
        limit = room - 2 * self.pad_y
        for cell in row.cells:
            used = 0.0
            take = 0
            for line in cell:
                if used + line.style.line_height > limit:
                    break
                used += line.style.line_height
                take += 1
            heads.append(cell[:take])
            tails.append(cell[take:])
        if not any(heads):
            return None, row
        head = LaidRow(heads, self._height(heads), row.span, row.tag)
        if not any(tails):
            return head, None
        return head, LaidRow(tails, self._height(tails), row.span, row.tag)

    # -- pass 3: draw -------------------------------------------------------------------
    def draw(self, canvas: Canvas, x: float, top: float, rows: Sequence[LaidRow]) -> float:
        """Draw the title row and ``rows`` from ``top`` down; return the table's bottom."""
        font = self.measure.font_name
        rules = canvas.beginPath()
        strikes = canvas.beginPath()
        text = canvas.beginText()
        edges = [x]
        for column in self.columns:
            edges.append(edges[-1] + column.width)
        right = edges[-1]

        # Column titles on a light band.
        canvas.setFillGray(0.92)
        canvas.rect(x, top - self.title_height, self.width, self.title_height, stroke=0, fill=1)
        title_base = baseline_below(top - (self.title_height - self.title_style.line_height) / 2, self.title_style)
        text.setFillGray(0)
        text.setFont(font, self.title_style.size)
        for column, left in zip(self.columns, edges, strict=False):
            w = self.measure.width(column.title, self.title_style.size)
            text.setTextOrigin(left + (column.width - w) / 2, title_base)
            text.textOut(column.title)
        y = top - self.title_height
        rules.moveTo(x, y)
        rules.lineTo(right, y)

        gray = 0.0
        size = self.title_style.size
        for row in rows:
            bottom = y - row.height
            lefts = [x] if row.span else edges[:-1]
            widths = [self.width] if row.span else [c.width for c in self.columns]
            for cell, left, width in zip(row.cells, lefts, widths, strict=False):
                line_top = y - self.pad_y
                for line in cell:
                    style = line.style
                    base = baseline_below(line_top, style)
                    line_top -= style.line_height
                    if not line.text:
                        continue
                    if style.align == "center":
                        lx = left + (width - line.width) / 2
                    elif style.align == "right":
                        lx = left + width - self.pad_x - line.width
                    else:
                        lx = left + self.pad_x
                    if style.gray != gray:
                        gray = style.gray
                        text.setFillGray(gray)
                    if style.size != size:
                        size = style.size
                        text.setFont(font, size)
                    text.setTextOrigin(lx, base)
                    text.textOut(line.text)
                    if style.strike:
                        sy = base + 0.3 * style.size
                        strikes.moveTo(lx - 1, sy)
                        strikes.lineTo(lx + line.width + 1, sy)
            if not row.span:
                for edge in edges[1:-1]:
                    rules.moveTo(edge, y)
                    rules.lineTo(edge, bottom)
            rules.moveTo(x, bottom)
            rules.lineTo(right, bottom)
            y = bottom
        # Inner verticals of the title row and the outer frame.
        for edge in edges[1:-1]:
            rules.moveTo(edge, top)
            rules.lineTo(edge, top - self.title_height)
        rules.rect(x, y, self.width, top - y)

        canvas.drawText(text)
        canvas.setLineWidth(self.rule_width)
        canvas.setStrokeGray(0)
        canvas.drawPath(rules, stroke=1, fill=0)
        canvas.setLineWidth(0.7)
        canvas.drawPath(strikes, stroke=1, fill=0)
        return y


def draw_line(
    canvas: Canvas,
    measure: TextMeasure,
    x: float,
    y: float,
    text: str,
    style: TextStyle = TextStyle(),
    width: float | None = None,
) -> float:
    """One line of text with its baseline at ``y``; ``align`` is relative to ``x .. x+width``.

    Text wider than ``width`` is cut with "…". Returns the drawn width.
    """
    if width is not None:
        text = fit_text(text, width, style.size, measure)
    w = measure.width(text, style.size)
    if style.align == "center" and width is not None:
        x += (width - w) / 2
    elif style.align == "right":
        x += (width or 0.0) - w
    canvas.setFillGray(style.gray)
    canvas.setFont(measure.font_name, style.size)
    canvas.drawString(x, y, text)
    canvas.setFillGray(0)
    return w


@dataclass(frozen=True)
class FormField:
    """A "label：value" pair in a form header, with its share of the line."""

    label: str
    value: str
    weight: float = 1.0


def draw_fields(
    canvas: Canvas,
    measure: TextMeasure,
    x: float,
    y: float,
    width: float,
    fields: Sequence[FormField],
    size: float = 10.0,
) -> None:
    """A header line of fields; each gets ``weight`` of ``width``, long values are cut."""
    total = sum(f.weight for f in fields) or 1.0
    style = TextStyle(size=size)
    for form_field in fields:
        share = width * form_field.weight / total
        label = f"{form_field.label}："
        used = draw_line(canvas, measure, x, y, label, style)
        draw_line(canvas, measure, x + used, y, form_field.value, style, width=share - used - 6)
        x += share


@dataclass(frozen=True)
class SignatureSlot:
    """A "label ________" place for a handwritten signature; ``note`` is printed under it
    (one line for each line of ``note``)."""

    label: str
    note: str = ""
    weight: float = 1.0


def draw_signature_lines(
    canvas: Canvas,
    measure: TextMeasure,
    x: float,
    y: float,
    width: float,
    slots: Sequence[SignatureSlot],
    size: float = 9.5,
) -> None:
    """Signature lines side by side on baseline ``y``; notes go small under the lines."""
    total = sum(s.weight for s in slots) or 1.0
    note_style = TextStyle(size=7.0, gray=0.25)
    canvas.setLineWidth(0.6)
    canvas.setStrokeGray(0)
    for slot in slots:
        share = width * slot.weight / total
        label_width = draw_line(canvas, measure, x, y, slot.label, TextStyle(size=size))
        line_start = x + label_width + 3
        line_end = x + share - 10
        canvas.line(line_start, y - 2, line_end, y - 2)
        for n, note in enumerate(slot.note.splitlines()):
            note_y = y - 2 - (note_style.size + 2) * (n + 1)
            draw_line(canvas, measure, line_start, note_y, note, note_style, line_end - line_start)
        x += share


# The page's seal (services/page_seal.py) as a QR code at the right of the footer, about
# 20 mm square with its quiet zone; signature lines leave SEAL_ROOM free for it.
SEAL_SIZE = 56.0
SEAL_ROOM = SEAL_SIZE + 12.0
QR_QUIET_ZONE = 4  # modules of white around the code, as the standard asks


def qr_modules(text: str) -> list[list[bool]]:
    """The dark modules of ``text`` as a QR code (level M), row by row from the top.

    ReportLab's encoder with its smallest fitting version and one fixed mask pattern: any
    of the eight masks is a valid code for a reader, and choosing the "best" one encodes
    the page eight times (17 ms a page instead of 2 ms; the tests read every code back)."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(text)
    code.version = code.calculate_version()
    code.makeImpl(False, 0)
    return [list(row) for row in code.modules]


def draw_seal(canvas: Canvas, g: PageGeometry, qr_text: str) -> None:
    """The QR code of ``qr_text`` in the bottom right corner, from a little below the
    footer line (its quiet zone reaches into the margin) to the signature lines' height."""
    modules = qr_modules(qr_text)
    count = len(modules)
    unit = SEAL_SIZE / (count + 2 * QR_QUIET_ZONE)
    left = g.right - SEAL_SIZE + QR_QUIET_ZONE * unit
    top = g.bottom - 10 + SEAL_SIZE - QR_QUIET_ZONE * unit
    # Each run of dark modules in a row as one filled rectangle, all in one path (a graphics
    # Drawing would reference a font the page does not embed).
    canvas.setFillGray(0)
    path = canvas.beginPath()
    for r, row in enumerate(modules):
        c = 0
        while c < count:
            if not row[c]:
                c += 1
                continue
            start = c
            while c < count and row[c]:
                c += 1
            path.rect(left + start * unit, top - (r + 1) * unit, (c - start) * unit, unit)
    canvas.drawPath(path, stroke=0, fill=1)


def draw_footer(
    canvas: Canvas,
    measure: TextMeasure,
    g: PageGeometry,
    printed_at: datetime,
    number: int,
    total: int,
    left_text: str = "",
    seal: Seal | None = None,
) -> None:
    """The bottom line of every form: ``left_text`` (a fingerprint, a digest), when it was
    printed in the middle, "第 n 页 共 m 页" on the right.

    With a ``seal``: its fingerprint on the left (``left_text`` when there is none), the
    time and the page number after it, and the QR code in the corner."""
    printed = f"打印于 {printed_at:%Y-%m-%d %H:%M}"
    number_text = page_number_text(number, total)
    if seal is not None or left_text.startswith(LABEL):
        if seal is not None:
            left_text = f"{LABEL} {seal.text}"
            draw_seal(canvas, g, seal.qr_text)
        width = g.content_width - SEAL_ROOM + 6
        number_style = TextStyle(size=9.0, align="right")
        numbered = measure.width(number_text, number_style.size)
        draw_line(canvas, measure, g.left, g.bottom, number_text, number_style, width)
        printed_style = TextStyle(size=7.5, gray=0.4, align="right")
        printed_width = measure.width(printed, printed_style.size)
        room = width - numbered - printed_width - 24
        if measure.width(left_text, 8.0) <= room:
            draw_line(canvas, measure, g.left, g.bottom, printed, printed_style, width - numbered - 12)
        else:  # a long fingerprint keeps the line; the time goes under it
            room = width - numbered - 12
            draw_line(canvas, measure, g.left, g.bottom - 9, printed, replace(printed_style, size=6.5, align="left"))
        draw_line(canvas, measure, g.left, g.bottom, left_text, TextStyle(size=8.0), room)
        return
    if left_text:
        draw_line(canvas, measure, g.left, g.bottom, left_text, TextStyle(size=8.0))
    draw_line(
        canvas, measure, g.left, g.bottom, printed, TextStyle(size=7.5, gray=0.4, align="center"), g.content_width
    )
    draw_line(canvas, measure, g.left, g.bottom, number_text, TextStyle(size=9.0, align="right"), g.content_width)


@contextlib.contextmanager
def atomic_pdf(path: Path, *, title: str = "", author: str = "") -> Iterator[Canvas]:
    """A canvas writing to a temporary file beside ``path``; it replaces ``path`` only
    when the block finishes, so a crash never leaves half a PDF behind."""
    path = Path(path)
    # A printout is an ordinary document, not a private file: it keeps the mode of the file
    # it replaces.
    mode = path.stat().st_mode & 0o777 if path.is_file() else 0o644
    with atomic_files.atomic_path(path, mode=mode) as temp, temp.open("wb") as handle:
        # The form font from the start, so no unembedded Helvetica is referenced.
        canvas = Canvas(handle, pagesize=A4, pageCompression=1, initialFontName=register_cjk_font())
        canvas.setTitle(title)
        canvas.setAuthor(author)
        canvas.setCreator("DutyDesk")
        yield canvas
        canvas.save()
