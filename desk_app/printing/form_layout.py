"""A small layout kit for the desk's paper forms, drawn straight onto a ReportLab canvas.

Every form (shift log, handover record, complaint register, roster) is the same shape:
a header, a ruled table whose cells wrap long text, and a footer with signature lines and
"第 n 页 共 m 页". The kit is in four modules:

- this one: the page's geometry, the header's "label：value" fields and writing the PDF
  (``atomic_pdf``);
- printing/text_lines.py: text styles, wrapping and fitting text, drawing a line of it;
- printing/ruled_table.py: the ruled table, laid out and paginated before anything is drawn
  (so the page count is known), then drawn page by page;
- printing/form_footer.py: signature lines, the page number and the page's seal.

Platypus would do the same far more slowly; this draws a 100-page log in well under a second.
No Qt here: the Qt layer only shows and prints the finished PDF.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from desk_app import atomic_files
from desk_app.printing.fonts import TextMeasure, register_cjk_font
from desk_app.printing.text_lines import TextStyle, draw_line


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


PORTRAIT = PageGeometry()
LANDSCAPE = PageGeometry(width=A4[1], height=A4[0], margin_top=28.0, margin_bottom=26.0)


def draw_title(canvas: Canvas, measure: TextMeasure, g: PageGeometry, desk_name: str, title: str) -> None:
    """The head of a form: the desk's name, and the form's title under it in large type."""
    draw_line(canvas, measure, g.left, g.top - 11, desk_name, TextStyle(size=11, align="center"), g.content_width)
    draw_line(canvas, measure, g.left, g.top - 36, title, TextStyle(size=18, align="center"), g.content_width)


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
