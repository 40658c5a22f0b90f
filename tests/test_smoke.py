"""The smoke test's checks that can be run outside the bundle: the holiday library's step
fails on a library that does not name the days in Chinese (a bundle without its CN.mo)."""

from __future__ import annotations

import pytest

from desk_app.domain.workdays import DayKind, HolidayCalendar, SpecialDay, library_days
from desk_app.smoke import check_holiday_library


def test_the_holiday_step_passes_on_the_installed_library():
    assert check_holiday_library(HolidayCalendar()).startswith("国庆节; notices 2001-")


def test_the_holiday_step_fails_on_a_library_without_its_chinese_names():
    def untranslated(year: int) -> tuple[SpecialDay, ...]:  # the days, named as without CN.mo
        return tuple(
            SpecialDay(s.day, s.kind, "National Day" if s.name == "国庆节" else "", s.source)
            for s in library_days(year)
        )

    with pytest.raises(RuntimeError, match="does not name the days in Chinese"):
        check_holiday_library(HolidayCalendar(library=untranslated))


def test_the_holiday_step_fails_on_a_library_without_the_make_up_day():
    def no_make_up(year: int) -> tuple[SpecialDay, ...]:
        return tuple(s for s in library_days(year) if s.kind is not DayKind.WORKDAY)

    with pytest.raises(RuntimeError, match="no 2026 National Day or its make-up day"):
        check_holiday_library(HolidayCalendar(library=no_make_up))
