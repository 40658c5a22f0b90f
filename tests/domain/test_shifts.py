"""Which shift is running: midnight crossings, overlaps, 24-hour duty, the desk's zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from desk_app.domain.errors import ValidationError
from desk_app.domain.shifts import PRESETS, ShiftTemplate, occurrence, running_at, validate_template

TZ = ZoneInfo("Asia/Shanghai")


def _templates(preset: str) -> list[ShiftTemplate]:
    return [ShiftTemplate(i, name, start, length) for i, (name, start, length) in enumerate(PRESETS[preset], 1)]


def _at(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=TZ)


def _running(templates: list[ShiftTemplate], instant: datetime) -> tuple[str, date] | None:
    occ = running_at(templates, instant, TZ)
    return None if occ is None else (occ.template.name, occ.shift_date)


def test_span_text_crosses_midnight() -> None:
    assert ShiftTemplate(1, "晚班", 16 * 60 + 30, 420).span_text() == "16:30–23:30"
    assert ShiftTemplate(1, "夜班", 20 * 60, 780).span_text() == "20:00–09:00"
    assert ShiftTemplate(1, "24小时值班", 8 * 60, 1440).span_text() == "08:00–08:00"


def test_three_shifts_cover_the_day_and_the_night_shift_belongs_to_its_start_date() -> None:
    t = _templates("three_shifts_24h")  # 早班 08-16, 中班 16-24, 夜班 00-08
    assert _running(t, _at(24, 8)) == ("早班", date(2026, 11, 24))
    assert _running(t, _at(24, 15, 59)) == ("早班", date(2026, 11, 24))
    assert _running(t, _at(24, 16)) == ("中班", date(2026, 11, 24))
    assert _running(t, _at(24, 23, 59)) == ("中班", date(2026, 11, 24))
    assert _running(t, _at(25, 0)) == ("夜班", date(2026, 11, 25))
    assert _running(t, _at(25, 7, 59)) == ("夜班", date(2026, 11, 25))


def test_a_shift_crossing_midnight_keeps_the_date_it_started_on() -> None:
    t = _templates("day_night_12h")  # 白班 09-21, 夜班 21-09
    assert _running(t, _at(24, 21)) == ("夜班", date(2026, 11, 24))
    assert _running(t, _at(25, 2)) == ("夜班", date(2026, 11, 24))
    assert _running(t, _at(25, 8, 59)) == ("夜班", date(2026, 11, 24))
    assert _running(t, _at(25, 9)) == ("白班", date(2026, 11, 25))
    # New year's night: the shift of 31 December runs into the next year.
    assert _running(t, datetime(2027, 1, 1, 3, tzinfo=TZ)) == ("夜班", date(2026, 12, 31))


def test_gaps_have_no_running_shift_and_the_end_is_exclusive() -> None:
    t = _templates("day_evening")  # 白班 08:30-16:30, 晚班 16:30-23:30
    assert _running(t, _at(24, 8, 29)) is None
    assert _running(t, _at(24, 8, 30)) == ("白班", date(2026, 11, 24))
    assert _running(t, _at(24, 16, 30)) == ("晚班", date(2026, 11, 24))
    assert _running(t, _at(24, 23, 29)) == ("晚班", date(2026, 11, 24))
    assert _running(t, _at(24, 23, 30)) is None
    assert _running(t, _at(25, 3)) is None
    assert _running([], _at(24, 12)) is None


def test_overlapping_shifts_pick_the_one_that_started_last() -> None:
    # 003: 09:00-21:00 and 20:00-09:00 overlap from 20:00 to 21:00 and 09:00 is a handover.
    day = ShiftTemplate(1, "白班", 9 * 60, 720)
    night = ShiftTemplate(2, "夜班", 20 * 60, 780)
    for order in ([day, night], [night, day]):
        assert _running(order, _at(24, 19, 59)) == ("白班", date(2026, 11, 24))
        assert _running(order, _at(24, 20)) == ("夜班", date(2026, 11, 24))
        assert _running(order, _at(24, 20, 59)) == ("夜班", date(2026, 11, 24))
        assert _running(order, _at(25, 9)) == ("白班", date(2026, 11, 25))


def test_overlap_where_the_later_start_is_on_the_previous_day() -> None:
    # A 24-hour duty 08:00-08:00 and an early shift 07:30-15:30: at 07:45 the early
    # shift (today 07:30) began after the duty (yesterday 08:00).
    duty = ShiftTemplate(1, "24小时值班", 8 * 60, 1440)
    early = ShiftTemplate(2, "早班", 7 * 60 + 30, 480)
    assert _running([duty, early], _at(25, 7, 45)) == ("早班", date(2026, 11, 25))
    assert _running([duty, early], _at(25, 7, 15)) == ("24小时值班", date(2026, 11, 24))
    assert _running([duty, early], _at(25, 8)) == ("24小时值班", date(2026, 11, 25))


def test_identical_starts_are_decided_by_template_id() -> None:
    a = ShiftTemplate(1, "A", 8 * 60, 480)
    b = ShiftTemplate(2, "B", 8 * 60, 240)
    assert _running([b, a], _at(24, 9)) == ("B", date(2026, 11, 24))
    assert _running([b, a], _at(24, 13)) == ("A", date(2026, 11, 24))


def test_24_hour_duty_runs_from_eight_to_eight() -> None:
    t = _templates("duty_24h")
    assert _running(t, _at(24, 8)) == ("24小时值班", date(2026, 11, 24))
    assert _running(t, _at(25, 7, 59)) == ("24小时值班", date(2026, 11, 24))
    assert _running(t, _at(25, 8)) == ("24小时值班", date(2026, 11, 25))
    occ = occurrence(t[0], date(2026, 11, 24), TZ)
    assert occ.end - occ.start == timedelta(hours=24)


def test_instants_in_other_zones_are_read_on_the_desk_clock() -> None:
    t = _templates("three_shifts_24h")
    # 23:30 UTC on the 24th is 07:30 on the 25th in Shanghai: the night shift of the 25th.
    assert _running(t, datetime(2026, 11, 24, 23, 30, tzinfo=UTC)) == ("夜班", date(2026, 11, 25))
    assert _running(t, datetime(2026, 11, 24, 0, 0, tzinfo=UTC)) == ("早班", date(2026, 11, 24))


@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_in_a_zone_without_daylight_saving_every_shift_lasts_its_length_all_year(preset: str) -> None:
    templates = _templates(preset)
    day = date(2026, 1, 1)
    while day.year == 2026:
        for template in templates:
            occ = occurrence(template, day, TZ)
            real = occ.end.astimezone(UTC) - occ.start.astimezone(UTC)
            assert real == timedelta(minutes=template.duration_minutes), (preset, day)
            assert occ.start.utcoffset() == timedelta(hours=8)
        day += timedelta(days=1)


@pytest.mark.parametrize("preset", ["three_shifts_24h", "day_night_12h", "duty_24h"])
def test_round_the_clock_presets_leave_no_gap(preset: str) -> None:
    templates = _templates(preset)
    instant = _at(1, 0, month=3)
    while instant < _at(3, 0, month=3):
        assert running_at(templates, instant, TZ) is not None, instant
        instant += timedelta(minutes=1)


@pytest.mark.parametrize(
    ("name", "start", "length", "message"),
    [
        ("早班", -1, 480, "start between"),
        ("早班", 1440, 480, "start between"),
        ("早班", 480, 29, "lasts between"),
        ("早班", 480, 1441, "lasts between"),
        ("  ", 480, 480, "needs a name"),
    ],
)
def test_bad_templates_are_refused(name: str, start: int, length: int, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        validate_template(name, start, length)


def test_extreme_valid_templates() -> None:
    validate_template("x", 0, 30)
    validate_template("x", 1439, 1440)
