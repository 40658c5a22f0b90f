"""Lines of text on a form: their style, how they wrap and fit, and drawing one of them.

Chinese breaks between any two characters, a Latin word or a number stays whole, closing
punctuation never starts a line (避头). The measures are those of the form font
(printing/fonts.py). No Qt here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from reportlab.pdfgen.canvas import Canvas

from desk_app.printing.fonts import TextMeasure

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
class TextStyle:
    size: float = 9.0
    leading: float = 0.0  # 0: 1.3 × size
    gray: float = 0.0  # 0 black … 1 white
    strike: bool = False  # struck through (a corrected record stays readable)
    align: Align = "left"

    @property
    def line_height(self) -> float:
        return self.leading or round(self.size * 1.3, 2)


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


def baseline_below(top: float, style: TextStyle) -> float:
    """The baseline of a line whose box (``style.line_height`` tall) starts at ``top``."""
    glyphs = (ASCENT + DESCENT) * style.size
    return top - (style.line_height - glyphs) / 2 - ASCENT * style.size


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
