"""Working days in mainland China: weekends and statutory holidays are off, and the
make-up working days (调休上班) that fall on a Saturday or Sunday are on.

Two sources, the desk's first:

* **the desk's own table**: days a supervisor entered or corrected from the State
  Council's yearly notice (放假安排), and the years they confirmed (services/holidays.py
  keeps them; this module never reads a database);
* **the library** ``holidays`` (python-holidays, ``China``), which carries every notice up
  to its release and computes the statutory days of later years from the rules (元旦 and,
  from the lunar calendar, 春节 …) without their bridging days and make-up working days.
  A year whose notice the library does not carry is *not confirmed*: its days are a
  guess until the desk confirms them.

``HolidayCalendar`` is the one answer to "is this a working day": the roster, the ticket
clocks, the printed roster and its Excel copy all take one, built by the services.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from desk_app.domain.errors import QT_TRANSLATE_NOOP

NAME_MAX = 20
# A working-day clock further than this is not looked for (a rule says "2 working days").
_MAX_SCAN_DAYS = 3660


class DayKind(enum.StrEnum):
    """What a day of the notice is. ``ORDINARY`` is only the desk's: "this day is neither",
    to take back a day the library lists wrongly."""

    HOLIDAY = "holiday"  # 放假 (a statutory holiday or a bridging day off)
    WORKDAY = "workday"  # 调休上班 (a make-up working day, usually a Saturday or Sunday)
    ORDINARY = "ordinary"  # 照常 (as the weekday says)

    @property
    def label(self) -> str:
        """English label, a translation source in context ``DayKind``."""
        return _KIND_LABELS[self]


_KIND_LABELS = {
    DayKind.HOLIDAY: QT_TRANSLATE_NOOP("DayKind", "Holiday"),
    DayKind.WORKDAY: QT_TRANSLATE_NOOP("DayKind", "Make-up working day"),
    DayKind.ORDINARY: QT_TRANSLATE_NOOP("DayKind", "Ordinary day"),
}


class DaySource(enum.StrEnum):
    LIBRARY = "library"
    DESK = "desk"


@dataclass(frozen=True)
class SpecialDay:
    day: date
    kind: DayKind
    name: str
    source: DaySource


# -- the library -----------------------------------------------------------------------------
# The library's names, as the notice says them (its own names carry "observed" and "day
# off (substituted from …)" marks; a bridging day is named after the holiday it bridges).
_LIBRARY_NAMES = {
    "元旦": "元旦",
    "春节": "春节",
    "农历除夕": "春节",
    "春节延长假期": "春节",
    "清明节": "清明节",
    "劳动节": "劳动节",
    "端午节": "端午节",
    "中秋节": "中秋节",
    "国庆节": "国庆节",
    "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日": "抗战胜利纪念日",
}


def library_notice_years() -> range:
    """The years whose State Council notice the installed library carries."""
    from holidays.countries.china import ChinaStaticHolidays

    years = ChinaStaticHolidays.special_public_holidays
    return range(min(years), max(years) + 1)


def _nearest_name(day: date, named: Mapping[date, str]) -> str:
    if not named:
        return ""
    nearest = min(named, key=lambda d: (abs((d - day).days), d))
    return named[nearest]


@cache
def library_days(year: int) -> tuple[SpecialDay, ...]:
    """The library's days of ``year``: holidays (the weekends they bridge included) and
    make-up working days, each named after its holiday."""
    from holidays.countries.china import China

    around = China(years=(year - 1, year, year + 1), language="zh_CN")
    labels = {d: str(n) for d, n in around.items()}
    named = {d: _LIBRARY_NAMES[n.split("（")[0]] for d, n in labels.items() if n.split("（")[0] in _LIBRARY_NAMES}
    off = {d: named.get(d) or _nearest_name(d, named) for d in labels}
    on = {d for d in around.weekend_workdays if d not in off}
    for made_up in on:  # the notice names it after the holiday whose day off it repays
        repaid = [d for d, label in labels.items() if made_up.isoformat() in label]
        named.setdefault(made_up, off[repaid[0]] if repaid else _nearest_name(made_up, named))
    result: dict[date, SpecialDay] = {}
    for d, name in off.items():
        result[d] = SpecialDay(d, DayKind.HOLIDAY, name, DaySource.LIBRARY)
    for d in on:
        result[d] = SpecialDay(d, DayKind.WORKDAY, named[d], DaySource.LIBRARY)
    # A weekend inside a run of days off is part of the holiday (春节 "2月15日至23日").
    for d in sorted(off):
        for step in (1, -1):
            run, cursor = [], d + timedelta(days=step)
            while cursor.weekday() >= 5 and cursor not in on and cursor not in off:
                run.append(cursor)
                cursor += timedelta(days=step)
            for bridged in run:
                result.setdefault(bridged, SpecialDay(bridged, DayKind.HOLIDAY, off[d], DaySource.LIBRARY))
    return tuple(sorted((s for s in result.values() if s.day.year == year), key=lambda s: s.day))


def library_confirms(year: int) -> bool:
    return year in library_notice_years()


# -- the calendar ----------------------------------------------------------------------------
class HolidayCalendar:
    """The desk's calendar: its own entries over the library's, by day.

    ``desk_days``: what supervisors entered (an ``ORDINARY`` entry takes a library day
    back); ``desk_confirmed``: the years a supervisor confirmed from the notice.
    ``library`` and ``library_confirmed`` are the library's (replaceable in tests)."""

    def __init__(
        self,
        desk_days: Iterable[SpecialDay] = (),
        desk_confirmed: Iterable[int] = (),
        *,
        library: Callable[[int], Iterable[SpecialDay]] = library_days,
        library_confirmed: Callable[[int], bool] = library_confirms,
    ) -> None:
        self._desk = {s.day: s for s in desk_days}
        self._desk_confirmed = frozenset(desk_confirmed)
        self._library = library
        self._library_confirmed = library_confirmed
        self._years: dict[int, dict[date, SpecialDay]] = {}

    def _library_year(self, year: int) -> dict[date, SpecialDay]:
        if year not in self._years:
            self._years[year] = {s.day: s for s in self._library(year)}
        return self._years[year]

    def entry(self, day: date) -> SpecialDay | None:
        """The day's entry, the desk's before the library's (None: as the weekday says)."""
        own = self._desk.get(day)
        found = own if own is not None else self._library_year(day.year).get(day)
        return None if found is None or found.kind is DayKind.ORDINARY else found

    def is_workday(self, day: date) -> bool:
        found = self.entry(day)
        if found is None:
            return day.weekday() < 5
        return found.kind is DayKind.WORKDAY

    def is_holiday(self, day: date) -> bool:
        """A statutory holiday or a day off it bridges, not an ordinary weekend."""
        found = self.entry(day)
        return found is not None and found.kind is DayKind.HOLIDAY

    def is_make_up_day(self, day: date) -> bool:
        """A working day on a Saturday or Sunday (调休上班)."""
        return day.weekday() >= 5 and self.is_workday(day)

    def name(self, day: date) -> str:
        found = self.entry(day)
        return found.name if found is not None else ""

    def is_confirmed(self, year: int) -> bool:
        """Whether ``year``'s days come from a notice (the library's or the desk's)."""
        return year in self._desk_confirmed or self._library_confirmed(year)

    def unconfirmed_years(self, first: date, last: date) -> list[int]:
        return [y for y in range(first.year, last.year + 1) if not self.is_confirmed(y)]

    def add_working_days(self, day: date, n: int) -> date:
        """The ``n``-th working day after ``day`` (``day`` itself does not count)."""
        if n < 0:
            raise ValueError("n must not be negative")
        current, remaining = day, n
        for _ in range(_MAX_SCAN_DAYS):
            if remaining == 0:
                return current
            current += timedelta(days=1)
            if self.is_workday(current):
                remaining -= 1
        raise ValueError("no working days in ten years")
