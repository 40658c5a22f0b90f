"""Working days in mainland China: weekends and statutory holidays are off, and the
make-up working days (调休上班) that fall on a Saturday or Sunday are on.

The calendar comes from ``chinesecalendar``, which follows the State Council's yearly
notice. A year it does not know yet (the notice comes out in November or December) falls
back to "Monday to Friday" and says so through ``known``, so a clock computed for such a
year can be shown as provisional instead of silently wrong.
"""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar


def known(day: date) -> bool:
    """Whether the holiday calendar covers ``day``'s year."""
    try:
        chinese_calendar.is_workday(day)
    except NotImplementedError:
        return False
    return True


def is_workday(day: date) -> bool:
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        return day.weekday() < 5


def is_holiday(day: date) -> bool:
    """A statutory holiday (法定节假日) or its bridging days off, not an ordinary weekend."""
    try:
        on_holiday, name = chinese_calendar.get_holiday_detail(day)
    except NotImplementedError:
        return False
    return bool(on_holiday and name is not None)


def add_working_days(day: date, n: int) -> date:
    """The ``n``-th working day after ``day`` (``day`` itself does not count)."""
    if n < 0:
        raise ValueError("n must not be negative")
    current = day
    remaining = n
    while remaining > 0:
        current += timedelta(days=1)
        if is_workday(current):
            remaining -= 1
    return current
