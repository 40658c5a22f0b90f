"""The one font of every printed form: WenQuanYi Micro Hei, embedded as a subset.

It covers Chinese, digits and Latin letters, so a page never shows holes on another
computer (CONVENTIONS.md "Text people read"). Loading the .ttc takes a few hundred
milliseconds, so it is registered once per process and widths are cached per character.
"""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desk_app.paths import font_path

FONT_NAME = "WQYMicroHei"

_lock = threading.Lock()
_registered = False


def register_cjk_font() -> str:
    """Register the bundled CJK font with ReportLab (once) and return its name."""
    global _registered
    if _registered:
        return FONT_NAME
    with _lock:
        if not _registered:
            pdfmetrics.registerFont(TTFont(FONT_NAME, str(font_path()), subfontIndex=0))
            _registered = True
    return FONT_NAME


class TextMeasure:
    """String widths in the form font, with a per-character cache (wrapping measures a lot)."""

    def __init__(self, font_name: str | None = None) -> None:
        self.font_name = font_name or register_cjk_font()
        self._unit: dict[str, float] = {}

    def width(self, text: str, size: float) -> float:
        unit = self._unit
        total = 0.0
        for ch in text:
            w = unit.get(ch)
            if w is None:
                w = pdfmetrics.stringWidth(ch, self.font_name, 1.0)
                unit[ch] = w
            total += w
        return total * size
