"""Several ruled tables one under the other, run over as many pages as they need.

- ``flow_sections``: sections (a heading over a table) where a table goes on under what is
  above it and over later pages, its heading repeated with "（续）" (the handover record);
- ``flow_tables``: tables without headings, a table that does not fit in what is left of a
  page starting on the next one (the incident report).

No Qt here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from desk_app.printing.fonts import TextMeasure
from desk_app.printing.ruled_table import LaidRow, RuledTable, TablePage
from desk_app.printing.text_lines import TextStyle, draw_line

HEADING_HEIGHT = 20.0  # a section title above its table
SECTION_GAP = 8.0
FLOW_GAP = 12.0


@dataclass
class Section:
    heading: str
    table: RuledTable
    rows: list[LaidRow]


@dataclass
class Block:
    """A part of a page: an optional section heading, then part of a table."""

    heading: str
    table: RuledTable
    rows: list[LaidRow]

    @property
    def height(self) -> float:
        head = HEADING_HEIGHT if self.heading else 0.0
        return head + self.table.title_height + sum(r.height for r in self.rows)


def flow_sections(sections: Sequence[Section], room: float) -> list[list[Block]]:
    """The sections as pages of blocks, each page at most ``room`` points tall."""
    pages: list[list[Block]] = [[]]
    used = 0.0
    min_row = 3 * TextStyle().line_height
    for section in sections:
        rows = list(section.rows)
        heading = section.heading
        while rows:
            head = HEADING_HEIGHT if heading else 0.0
            offset = used + (SECTION_GAP if used else 0.0) + head
            first = min(rows[0].height, min_row)
            if used and offset + section.table.title_height + first > room:
                pages.append([])
                used = 0.0
                continue
            # A spacer stands for what is above the table on this page, so that the
            # table kit paginates the rest of the page and then whole pages.
            spacer = LaidRow([[] for _ in section.table.columns], offset)
            chunks = section.table.paginate([spacer, *rows], room)
            placed = [r for r in chunks[0].rows if r is not spacer]
            if not placed:
                assert used, "an empty page always takes a row (split if need be)"
                pages.append([])
                used = 0.0
                continue
            pages[-1].append(Block(heading, section.table, placed))
            used = chunks[0].height  # the spacer included
            if len(chunks) == 1:
                rows = []
            else:
                rows = [r for chunk in chunks[1:] for r in chunk.rows]
                heading = f"{section.heading}（续）" if section.heading else ""
                pages.append([])
                used = 0.0
    return [page for page in pages if page] or [[]]


def draw_blocks(
    canvas: Canvas, measure: TextMeasure, x: float, top: float, blocks: Sequence[Block], heading: TextStyle
) -> float:
    """A page's blocks from ``top`` down, each heading in style ``heading``; returns the bottom."""
    y = top
    for i, block in enumerate(blocks):
        if i:
            y -= SECTION_GAP
        if block.heading:
            draw_line(canvas, measure, x, y - 14, block.heading, heading)
            y -= HEADING_HEIGHT
        y = block.table.draw(canvas, x, y, block.rows)
    return y


def flow_tables(
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
