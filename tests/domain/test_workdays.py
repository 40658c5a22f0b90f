"""The desk's holiday calendar: its own days over the library's, make-up working days as
working days, and which years are confirmed."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from desk_app.domain import tickets as tk
from desk_app.domain.tickets import ClockKind, KindRule, TicketKind
from desk_app.domain.workdays import (
    DayKind,
    DaySource,
    HolidayCalendar,
    SpecialDay,
    library_confirms,
    library_days,
    library_notice_years,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")


def desk(day: date, kind: DayKind, name: str = "春节") -> SpecialDay:
    return SpecialDay(day, kind, name, DaySource.DESK)


def test_the_locked_holiday_library_carries_notices_up_to_2026():
    """Many tests here, in tests/services/test_holidays.py and in the UI tests take 2027 as
    the year nobody confirmed, because the locked `holidays` release (uv.lock) carries the
    State Council's notices up to 2026. A release with the 2027 notice fails this test first,
    for the right reason: move those tests to the first year it does not carry."""
    import holidays

    assert max(library_notice_years()) == 2026, (
        f"holidays {holidays.__version__} carries the notice of {max(library_notice_years())}: "
        "the tests' unconfirmed year (2027) must move on"
    )


def test_the_library_seeds_2027_new_year_as_a_holiday_but_does_not_confirm_2027():
    seeded = {s.day: s for s in library_days(2027)}
    assert seeded[date(2027, 1, 1)].kind is DayKind.HOLIDAY
    assert seeded[date(2027, 1, 1)].name == "元旦"
    assert seeded[date(2027, 2, 6)].name == "春节"  # 正月初一, from the lunar calendar
    calendar = HolidayCalendar()
    assert calendar.is_holiday(date(2027, 1, 1)) and not calendar.is_workday(date(2027, 1, 1))
    assert library_confirms(2026) and not library_confirms(2027)
    assert calendar.is_confirmed(2026) and not calendar.is_confirmed(2027)
    assert calendar.unconfirmed_years(date(2026, 12, 1), date(2027, 1, 30)) == [2027]


def test_a_desk_entry_makes_a_day_a_holiday_when_the_library_has_nothing():
    nothing = HolidayCalendar(library=lambda _year: ())
    assert nothing.is_workday(date(2027, 1, 1))  # a Friday, as far as a calendar without data knows
    entered = HolidayCalendar([desk(date(2027, 1, 1), DayKind.HOLIDAY, "元旦")], library=lambda _year: ())
    assert entered.is_holiday(date(2027, 1, 1))
    assert not entered.is_workday(date(2027, 1, 1))
    assert entered.name(date(2027, 1, 1)) == "元旦"


def test_the_desks_day_takes_precedence_over_the_librarys():
    library = HolidayCalendar()
    assert library.is_holiday(date(2027, 2, 10))  # the library's guess: an observed 春节 day
    corrected = HolidayCalendar([desk(date(2027, 2, 10), DayKind.ORDINARY, "")])
    assert not corrected.is_holiday(date(2027, 2, 10)) and corrected.is_workday(date(2027, 2, 10))
    # A library holiday the desk calls a make-up working day is worked.
    worked = HolidayCalendar([desk(date(2026, 10, 3), DayKind.WORKDAY, "国庆节")])
    assert worked.is_workday(date(2026, 10, 3)) and not worked.is_holiday(date(2026, 10, 3))
    assert worked.entry(date(2026, 10, 3)).source is DaySource.DESK


def test_a_make_up_day_is_a_working_day_and_counts_for_the_clocks():
    calendar = HolidayCalendar()
    assert calendar.is_make_up_day(date(2026, 10, 10))  # the library's 调休上班 Saturday
    assert calendar.entry(date(2026, 10, 10)).name == "国庆节"
    # The desk enters 2027's notice: Sunday 2027-02-14 is worked for 春节.
    entered = HolidayCalendar([desk(date(2027, 2, 14), DayKind.WORKDAY)], library=lambda _year: ())
    assert entered.is_workday(date(2027, 2, 14)) and entered.is_make_up_day(date(2027, 2, 14))
    # Friday 02-12: the first working day after is that Sunday, not Monday.
    assert entered.add_working_days(date(2027, 2, 12), 1) == date(2027, 2, 14)
    assert HolidayCalendar(library=lambda _year: ()).add_working_days(date(2027, 2, 12), 1) == date(2027, 2, 15)


def test_a_year_the_desk_confirmed_is_confirmed_and_its_clocks_are_no_longer_provisional():
    rule = KindRule(TicketKind.COMPLAINT, follow_up_working_days=2)

    def follow_up(calendar: HolidayCalendar, day: date) -> datetime | None:
        return tk.follow_up_due(datetime.combine(day, time(10), SHANGHAI), rule, SHANGHAI, calendar)

    guess = HolidayCalendar()
    assert not guess.is_confirmed(2027) and guess.unconfirmed_years(date(2026, 12, 1), date(2027, 1, 4)) == [2027]
    assert tk.clock_provisional(ClockKind.FOLLOW_UP, follow_up(guess, date(2026, 12, 30)), guess)  # due in 2027
    assert not tk.clock_provisional(ClockKind.FOLLOW_UP, follow_up(guess, date(2026, 12, 1)), guess)
    assert not tk.clock_provisional(ClockKind.REPLY, follow_up(guess, date(2026, 12, 30)), guess)  # wall clock
    confirmed = HolidayCalendar(desk_confirmed=[2027])
    assert confirmed.is_confirmed(2027) and confirmed.unconfirmed_years(date(2026, 12, 1), date(2027, 1, 4)) == []
    assert not tk.clock_provisional(ClockKind.FOLLOW_UP, follow_up(confirmed, date(2026, 12, 30)), confirmed)


def test_the_library_agrees_with_the_2026_notice():
    calendar = HolidayCalendar()
    # 国庆节、中秋节: 10月1日至7日放假；9月20日（周日）、10月10日（周六）上班.
    assert all(calendar.is_holiday(date(2026, 10, d)) for d in range(1, 8))
    assert calendar.is_workday(date(2026, 9, 20)) and calendar.is_workday(date(2026, 10, 10))
    # 春节: 2月15日至23日放假；2月14日（周六）、2月28日（周六）上班.
    assert all(calendar.is_holiday(date(2026, 2, d)) for d in range(15, 24))
    assert calendar.is_workday(date(2026, 2, 14)) and calendar.is_workday(date(2026, 2, 28))
    assert not calendar.is_workday(date(2026, 11, 28))  # an ordinary Saturday


def test_negative_working_days_are_refused():
    with pytest.raises(ValueError):
        HolidayCalendar().add_working_days(date(2026, 1, 5), -1)
