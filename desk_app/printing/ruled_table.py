"""The ruled table of the desk's paper forms, drawn straight onto a ReportLab canvas.

It works in passes so the page count is known before any page is drawn:

1. ``RuledTable.lay_out_row`` wraps each cell into lines (printing/text_lines.py) and gives
   the row its height;
2. ``RuledTable.paginate`` cuts the rows into pages (a row taller than a page is split);
3. ``RuledTable.draw`` draws the column titles and a page's rows.

No Qt here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from reportlab.pdfgen.canvas import Canvas

from desk_app.printing.fonts import TextMeasure
from desk_app.printing.text_lines import Align, TextStyle, baseline_below, wrap_text


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


def columns_by_share(width: float, columns: Sequence[tuple[str, float, Align]]) -> list[Column]:
    """Columns given as (title, share of ``width``, align); the last takes what is left."""
    cols: list[Column] = []
    used = 0.0
    for i, (title, share, align) in enumerate(columns):
        column_width = width - used if i == len(columns) - 1 else round(width * share, 2)
        used += column_width
        cols.append(Column(title, column_width, align))
    return cols


TITLE_STYLE = TextStyle(size=10, align="center")


class RuledTable:
    """A table with a column-title row and ruled cells that grow with their text."""

    def __init__(
        self,
        columns: Sequence[Column],
        measure: TextMeasure,
        *,
        pad_x: float = 3.5,
        pad_y: float = 3.0,
        title_style: TextStyle = TITLE_STYLE,
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
