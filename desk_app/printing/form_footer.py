"""The foot of every form: signature lines, "第 n 页 共 m 页", when it was printed and the
page's seal (services/page_seal/) as text and as a QR code. No Qt here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from reportlab.graphics.barcode import qrencoder
from reportlab.pdfgen.canvas import Canvas

from desk_app.printing.fonts import TextMeasure
from desk_app.printing.form_layout import PageGeometry
from desk_app.printing.text_lines import TextStyle, draw_line
from desk_app.services.page_seal import LABEL, Seal


def page_number_text(number: int, total: int) -> str:
    return f"第 {number} 页 共 {total} 页"


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


# The page's seal (services/page_seal/) as a QR code at the right of the footer, about
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
