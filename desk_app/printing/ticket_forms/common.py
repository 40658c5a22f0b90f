"""What the ticket queue's forms share: their text styles and how they print a time. No Qt here."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from desk_app.printing.text_lines import TextStyle

Progress = Callable[[int, int], None]

TEXT = TextStyle(size=8.5)
CENTER = TextStyle(size=8.5, align="center")
SMALL = TextStyle(size=7.0, gray=0.3)
SMALL_CENTER = TextStyle(size=7.0, gray=0.3, align="center")
LATE = TextStyle(size=7.5)
EMPTY = TextStyle(size=9.0, gray=0.4, align="center")
HEADING = TextStyle(size=10.5)


def short_time(value: datetime | None, with_day: bool = True) -> str:
    """11-24 09:30 (or 09:30); "—" for no time."""
    if value is None:
        return "—"
    return f"{value:%m-%d %H:%M}" if with_day else f"{value:%H:%M}"
