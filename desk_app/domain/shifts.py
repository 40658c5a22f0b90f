"""Shift templates and the question "which shift is running at this instant?".

A template has a local start time and a length; a shift may cross midnight (16:30-23:30,
20:00-09:00, 24-hour duty 08:00-08:00). A shift *occurrence* is a template on a date:
the date is the local date on which the shift starts, and is the date the paper log uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from desk_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError

MINUTES_PER_DAY = 24 * 60


@dataclass(frozen=True)
class ShiftTemplate:
    id: int
    name: str
    start_minute: int  # minutes after local midnight
    duration_minutes: int

    @property
    def start_time(self) -> time:
        return time(self.start_minute // 60, self.start_minute % 60)

    @property
    def end_minute(self) -> int:
        return (self.start_minute + self.duration_minutes) % MINUTES_PER_DAY

    def span_text(self) -> str:
        end = self.end_minute
        return f"{self.start_minute // 60:02d}:{self.start_minute % 60:02d}–{end // 60:02d}:{end % 60:02d}"


@dataclass(frozen=True)
class ShiftOccurrence:
    template: ShiftTemplate
    shift_date: date
    start: datetime  # aware, desk time zone
    end: datetime

    def contains(self, instant: datetime) -> bool:
        return self.start <= instant < self.end


def validate_template(name: str, start_minute: int, duration_minutes: int) -> None:
    if not 0 <= start_minute < MINUTES_PER_DAY:
        raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "A shift must start between 00:00 and 23:59."))
    if not 30 <= duration_minutes <= MINUTES_PER_DAY:
        raise ValidationError(
            QT_TRANSLATE_NOOP("DeskError", "A shift lasts between 30 minutes and 24 hours.")
        )
    if not name.strip():
        raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "A shift needs a name."))


def occurrence(template: ShiftTemplate, shift_date: date, tz: ZoneInfo) -> ShiftOccurrence:
    naive_start = datetime.combine(shift_date, template.start_time)
    start = naive_start.replace(tzinfo=tz)
    # Wall-clock arithmetic: a shift is "08:00 to 16:00" on the desk's clock.
    end = (naive_start + timedelta(minutes=template.duration_minutes)).replace(tzinfo=tz)
    return ShiftOccurrence(template, shift_date, start, end)


def running_at(
    templates: list[ShiftTemplate], instant: datetime, tz: ZoneInfo
) -> ShiftOccurrence | None:
    """The shift running at ``instant``; of overlapping shifts, the one that began last."""
    local = instant.astimezone(tz)
    candidates: list[ShiftOccurrence] = []
    for template in templates:
        for back in (0, 1):
            occ = occurrence(template, local.date() - timedelta(days=back), tz)
            if occ.contains(local):
                candidates.append(occ)
    if not candidates:
        return None
    return max(candidates, key=lambda o: (o.start, o.template.id))


# Presets the setup dialog offers (DOMAIN.md "Roster": examples from the seed texts).
PRESETS: dict[str, list[tuple[str, int, int]]] = {
    "three_shifts_24h": [("早班", 8 * 60, 480), ("中班", 16 * 60, 480), ("夜班", 0, 480)],
    "day_evening": [("白班", 8 * 60 + 30, 480), ("晚班", 16 * 60 + 30, 420)],
    "day_night_12h": [("白班", 9 * 60, 720), ("夜班", 21 * 60, 720)],
    "duty_24h": [("24小时值班", 8 * 60, 1440)],
}
