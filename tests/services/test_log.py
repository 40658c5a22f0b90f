"""The shift log's rules: what may be written, corrections, the daily signature,
and that nothing written can be changed."""

from __future__ import annotations

import inspect
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from desk_app.domain.categories import LogCategory
from desk_app.domain.errors import NotFound, PermissionDenied, ValidationError
from desk_app.domain.shifts import PRESETS
from desk_app.domain.text_rules import SITUATION_MAX
from desk_app.services import log_chain
from desk_app.services.container import Services
from desk_app.services.log import LogFilter, LogService
from desk_app.storage.models import DayReview, LogEntry
from tests.conftest import SUPERVISOR_PASSWORD

TZ = ZoneInfo("Asia/Shanghai")
TODAY = date(2026, 11, 24)


def _at(hour: int, minute: int = 0, second: int = 0, day: int = 24) -> datetime:
    return datetime(2026, 11, day, hour, minute, second, tzinfo=TZ)


def _state(services: Services) -> tuple[int, int, log_chain.Head]:
    with services.db.read() as session:
        entries = int(session.scalar(select(func.count()).select_from(LogEntry)) or 0)
        fts = int(session.scalar(text("SELECT count(*) FROM log_fts_docsize")) or 0)
        head = log_chain.read_head(session)
    return entries, fts, head


def _reviews(services: Services) -> int:
    with services.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(DayReview)) or 0)


# -- adding --------------------------------------------------------------------------------


def test_an_entry_records_who_what_when_and_which_shift(services, clock, clerk) -> None:
    entry = services.log.add(clerk, LogCategory.REPAIR, "  3栋2单元厨房漏水 ", "已通知工程部", follow_up=True)
    assert entry.id == 1
    assert (entry.clerk_id, entry.clerk_name) == (clerk.account_id, "王丽")
    assert (entry.shift_name, entry.shift_date) == ("早班", TODAY)
    assert entry.occurred_at == entry.recorded_at == _at(10)
    assert entry.occurred_at.tzinfo is not None and entry.occurred_at.utcoffset() == timedelta(hours=8)
    assert (entry.category, entry.situation, entry.handling) == (LogCategory.REPAIR, "3栋2单元厨房漏水", "已通知工程部")
    assert entry.follow_up and not entry.after_review and not entry.is_corrected
    assert entry.backdate_reason == "" and not entry.day_signed
    assert services.log.get(entry.id) == entry
    assert _state(services)[:2] == (1, 1)


def test_a_night_entry_after_midnight_belongs_to_the_night_shift(services, clock, clerk) -> None:
    clock.set(_at(2, 30, day=25))
    entry = services.log.add(clerk, LogCategory.PATROL, "夜间巡查")
    assert (entry.shift_name, entry.shift_date) == ("夜班", date(2026, 11, 25))


def test_a_supervisor_may_write_in_the_log_too(services, supervisor) -> None:
    assert services.log.add(supervisor, LogCategory.OTHER, "领班抽查前台").clerk_name == "张敏"


REFUSED_TEXTS = [
    pytest.param("", "must not be empty", id="empty"),
    pytest.param(" \u3000 ", "must not be empty", id="blank"),
    pytest.param("水" * (SITUATION_MAX + 1), f"limit is {SITUATION_MAX}", id="too-long"),
    pytest.param("漏水\x07", "control character", id="bell"),
    pytest.param("漏水\n二行", "control character", id="newline"),
    pytest.param("漏水😀", "cannot be printed", id="emoji"),
]


@pytest.mark.parametrize(("situation", "message"), REFUSED_TEXTS)
def test_bad_situation_is_refused_and_nothing_written(services, clerk, situation, message) -> None:
    before = _state(services)
    with pytest.raises(ValidationError, match=message):
        services.log.add(clerk, LogCategory.OTHER, situation)
    assert _state(services) == before


@pytest.mark.parametrize(("handling", "message"), REFUSED_TEXTS[2:])
def test_bad_handling_is_refused_and_nothing_written(services, clerk, handling, message) -> None:
    services.log.add(clerk, LogCategory.OTHER, "第一条")
    before = _state(services)
    with pytest.raises(ValidationError, match=message):
        services.log.add(clerk, LogCategory.OTHER, "漏水", handling)
    assert _state(services) == before


@pytest.mark.parametrize("category", ["flood", "", None, 3])
def test_unknown_category_is_refused_and_nothing_written(services, clerk, category) -> None:
    before = _state(services)
    with pytest.raises(ValidationError, match="Unknown category"):
        services.log.add(clerk, category, "漏水")
    assert _state(services) == before


def test_a_time_in_the_future_is_refused(services, clock, clerk) -> None:
    before = _state(services)
    with pytest.raises(ValidationError, match="in the future"):
        services.log.add(clerk, LogCategory.OTHER, "漏水", occurred_at=_at(10, 5))
    with pytest.raises(ValidationError, match="in the future"):
        services.log.add(clerk, LogCategory.OTHER, "漏水", occurred_at=_at(10, 1), backdate_reason="x")
    assert _state(services) == before


def test_a_time_a_few_seconds_ahead_counts_as_now(services, clock, clerk) -> None:
    entry = services.log.add(clerk, LogCategory.OTHER, "漏水", occurred_at=_at(10, 0, 30))
    assert entry.occurred_at == _at(10)


def test_a_time_before_the_current_shift_is_refused_even_with_a_reason(services, clock, clerk) -> None:
    before = _state(services)
    with pytest.raises(ValidationError, match="before the current shift"):
        services.log.add(clerk, LogCategory.OTHER, "漏水", occurred_at=_at(7, 59), backdate_reason="补记")
    assert _state(services) == before


def test_back_dating_needs_a_reason(services, clock, clerk) -> None:
    before = _state(services)
    with pytest.raises(ValidationError, match="say why"):
        services.log.add(clerk, LogCategory.OTHER, "漏水", occurred_at=_at(9, 30))
    with pytest.raises(ValidationError, match="say why"):
        services.log.add(clerk, LogCategory.OTHER, "漏水", occurred_at=_at(9, 30), backdate_reason="  ")
    with pytest.raises(ValidationError, match="cannot be printed"):
        services.log.add(clerk, LogCategory.OTHER, "漏水", occurred_at=_at(9, 30), backdate_reason="😀")
    assert _state(services) == before


def test_a_back_dated_entry_keeps_its_reason_and_both_times(services, clock, clerk) -> None:
    entry = services.log.add(
        clerk, LogCategory.PATROL, "巡查花园", occurred_at=_at(8), backdate_reason=" 巡查回来补记 "
    )
    assert entry.occurred_at == _at(8)
    assert entry.recorded_at == _at(10)
    assert entry.backdate_reason == "巡查回来补记"


def test_under_a_minute_earlier_is_not_back_dated(services, clock, clerk) -> None:
    entry = services.log.add(clerk, LogCategory.OTHER, "漏水", occurred_at=_at(9, 59, 1))
    assert entry.backdate_reason == ""


def test_no_running_shift_no_entry(services, clock) -> None:
    supervisor = services.desk.set_up(
        services.accounts,
        desk_name="白班晚班前台",
        timezone="Asia/Shanghai",
        shifts=PRESETS["day_evening"],
        supervisor_username="zhang",
        supervisor_name="张敏",
        supervisor_password="super-secret-1",
    )
    clock.set(_at(23, 45))
    before = _state(services)
    with pytest.raises(ValidationError, match="No shift is running"):
        services.log.add(supervisor, LogCategory.OTHER, "漏水")
    assert _state(services) == before
    clock.set(_at(23, 29))
    assert services.log.add(supervisor, LogCategory.OTHER, "漏水").shift_name == "晚班"


# -- corrections ---------------------------------------------------------------------------


def test_a_correction_links_both_ways_and_the_original_stays(services, clock, clerk) -> None:
    original = services.log.add(clerk, LogCategory.REPAIR, "3栋漏水", "已通知")
    clock.advance(timedelta(minutes=5))
    fix = services.log.correct(clerk, original.id, LogCategory.REPAIR, "5栋漏水", "已通知工程部")
    assert fix.corrects_id == original.id and fix.corrected_by_id is None
    kept = services.log.get(original.id)
    assert kept.corrected_by_id == fix.id and kept.is_corrected
    assert (kept.situation, kept.handling, kept.hash) == ("3栋漏水", "已通知", original.hash)
    assert services.log.count(LogFilter()) == 2
    assert not fix.after_review


def test_an_entry_is_corrected_only_once(services, clock, clerk) -> None:
    original = services.log.add(clerk, LogCategory.REPAIR, "3栋漏水")
    fix = services.log.correct(clerk, original.id, LogCategory.REPAIR, "5栋漏水")
    before = _state(services)
    with pytest.raises(ValidationError, match=f"already corrected by #{fix.id}"):
        services.log.correct(clerk, original.id, LogCategory.REPAIR, "6栋漏水")
    assert _state(services) == before
    # The correction itself can be corrected.
    again = services.log.correct(clerk, fix.id, LogCategory.REPAIR, "6栋漏水")
    assert services.log.get(fix.id).corrected_by_id == again.id


def test_correcting_a_missing_entry_writes_nothing(services, clerk) -> None:
    before = _state(services)
    with pytest.raises(NotFound):
        services.log.correct(clerk, 99, LogCategory.REPAIR, "5栋漏水")
    assert _state(services) == before


def test_a_bad_correction_text_is_refused(services, clerk) -> None:
    original = services.log.add(clerk, LogCategory.REPAIR, "3栋漏水")
    before = _state(services)
    with pytest.raises(ValidationError):
        services.log.correct(clerk, original.id, LogCategory.REPAIR, "  ")
    assert _state(services) == before
    assert services.log.get(original.id).corrected_by_id is None


def test_a_correction_after_the_day_was_signed_is_flagged(services, clock, supervisor, clerk) -> None:
    original = services.log.add(clerk, LogCategory.REPAIR, "3栋漏水")
    clock.set(_at(9, day=25))  # the next morning
    services.log.sign_day(supervisor, TODAY, password=SUPERVISOR_PASSWORD)
    fix = services.log.correct(clerk, original.id, LogCategory.REPAIR, "5栋漏水")
    assert fix.after_review
    assert fix.shift_date == date(2026, 11, 25)  # logged in the shift that made it
    assert services.log.get(original.id).day_signed


# -- the supervisor's signature ------------------------------------------------------------


def test_signing_a_day(services, clock, supervisor, clerk) -> None:
    services.log.add(clerk, LogCategory.PATROL, "巡查")
    assert services.log.unsigned_days(TODAY, TODAY) == [TODAY]
    clock.set(_at(8, 30, day=25))  # the day's last shift ended at midnight
    review = services.log.sign_day(supervisor, TODAY, " 记录完整 ", password=SUPERVISOR_PASSWORD)
    assert (review.day, review.signer_name, review.remark) == (TODAY, "张敏", "记录完整")
    assert review.signed_at == _at(8, 30, day=25)
    assert review.covers_to_id == 1
    assert services.log.reviews(TODAY, TODAY) == {TODAY: review}
    assert services.log.unsigned_days(TODAY, TODAY) == []
    assert services.log.get(1).day_signed


def test_unsigned_days_lists_only_days_with_records_and_no_signature(services, clock, supervisor, clerk) -> None:
    for day in (22, 23, 24):
        clock.set(_at(10, day=day))
        services.log.add(clerk, LogCategory.PATROL, f"{day}日巡查")
    services.log.sign_day(supervisor, date(2026, 11, 23), password=SUPERVISOR_PASSWORD)
    assert services.log.unsigned_days(date(2026, 11, 1), date(2026, 11, 30)) == [date(2026, 11, 22), TODAY]
    assert services.log.unsigned_days(date(2026, 11, 23), date(2026, 11, 23)) == []
    assert list(services.log.reviews(date(2026, 11, 1), date(2026, 11, 30))) == [date(2026, 11, 23)]


def test_sign_day_refusals_write_nothing(services, clock, supervisor, clerk) -> None:
    services.log.add(clerk, LogCategory.PATROL, "巡查")
    with pytest.raises(ValidationError, match="future"):
        services.log.sign_day(supervisor, date(2026, 11, 25), password=SUPERVISOR_PASSWORD)
    with pytest.raises(ValidationError, match="can be signed from 11-25 00:00, when its last shift ends"):
        services.log.sign_day(supervisor, TODAY, password=SUPERVISOR_PASSWORD)
    clock.set(_at(0, day=25))
    with pytest.raises(ValidationError, match="no records"):
        services.log.sign_day(supervisor, date(2026, 11, 23), password=SUPERVISOR_PASSWORD)
    with pytest.raises(ValidationError, match="cannot be printed"):
        services.log.sign_day(supervisor, TODAY, "好😀", password=SUPERVISOR_PASSWORD)
    assert _reviews(services) == 0
    services.log.sign_day(supervisor, TODAY, password=SUPERVISOR_PASSWORD)
    with pytest.raises(ValidationError, match="already signed"):
        services.log.sign_day(supervisor, TODAY, "再签", password=SUPERVISOR_PASSWORD)
    assert _reviews(services) == 1
    with pytest.raises(PermissionDenied):
        services.log.sign_day(clerk, TODAY, password=SUPERVISOR_PASSWORD)


def test_the_future_is_judged_on_the_desk_clock(services, clock, supervisor, clerk) -> None:
    # 00:30 on the 25th in Shanghai is still the 24th in UTC.
    clock.set(_at(0, 30, day=25))
    services.log.add(clerk, LogCategory.PATROL, "夜间巡查")
    # Not "in the future" (as it would be in UTC): today, and signed once its shifts end.
    with pytest.raises(ValidationError, match="can be signed from 11-26 00:00"):
        services.log.sign_day(supervisor, date(2026, 11, 25), password=SUPERVISOR_PASSWORD)
    clock.set(_at(0, 30, day=26))
    supervisor = services.accounts.authenticate("zhang", SUPERVISOR_PASSWORD)  # 38 h on: a new sign-in
    assert services.log.sign_day(supervisor, date(2026, 11, 25), password=SUPERVISOR_PASSWORD).day == date(2026, 11, 25)


# -- never edited --------------------------------------------------------------------------


def test_the_log_service_offers_no_way_to_change_an_entry() -> None:
    public = {name for name, _ in inspect.getmembers(LogService, inspect.isfunction) if not name.startswith("_")}
    assert {"add", "correct", "sign_day"} <= public
    words = {word for name in public for word in name.split("_")}
    verbs = {"update", "delete", "remove", "edit", "modify", "change", "set", "replace", "unsign", "amend", "erase"}
    assert not words & verbs, public


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE log_entry SET situation = '改过' WHERE id = 1",
        "UPDATE log_entry SET after_review = 1",
        "DELETE FROM log_entry WHERE id = 1",
        "DELETE FROM log_entry",
        "UPDATE day_review SET remark = '改过'",
        "DELETE FROM day_review",
        "UPDATE audit_event SET detail = ''",
        "DELETE FROM audit_event",
    ],
)
def test_the_database_refuses_changes_to_the_log(services, clock, supervisor, clerk, statement) -> None:
    services.log.add(clerk, LogCategory.REPAIR, "3栋漏水")
    clock.set(_at(9, day=25))
    services.log.sign_day(supervisor, TODAY, "已阅", password=SUPERVISOR_PASSWORD)
    before = _state(services), _reviews(services)
    with pytest.raises(DBAPIError, match="append-only"), services.db.engine.begin() as conn:
        conn.execute(text(statement))
    assert (_state(services), _reviews(services)) == before
    assert services.log.get(1).situation == "3栋漏水"
    assert services.log.verify().ok

