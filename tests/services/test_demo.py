"""Demo data: every category, valid corrections, an intact chain, never mixed into a real log."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from desk_app.cli import main
from desk_app.domain.categories import MANUAL_CATEGORIES, LogCategory
from desk_app.domain.errors import ValidationError
from desk_app.services.demo import DEMO_PASSWORD, generate
from desk_app.services.log import LogFilter
from desk_app.storage.models import DayReview, LogEntry
from tests.conftest import TZ


@pytest.fixture
def demo(services):
    calls: list[tuple[int, int]] = []
    summary = generate(services, 3, entries_per_day=60, seed=7, progress=lambda d, t: calls.append((d, t)))
    return summary, calls


def _rows(services) -> list[LogEntry]:
    with services.db.read() as session:
        return list(session.scalars(select(LogEntry).order_by(LogEntry.id)))


def test_makes_every_category_and_a_sound_chain(services, demo):
    summary, calls = demo
    rows = _rows(services)
    # Each shift of the three days was handed over: one HANDOVER entry each, in the chain.
    assert summary.entries == 189 and summary.handovers == 9  # the HANDOVER entries counted
    assert len(rows) == 189
    assert {r.category for r in rows} == {c.value for c in MANUAL_CATEGORIES} | {LogCategory.HANDOVER.value}
    assert sum(r.category == LogCategory.HANDOVER.value for r in rows) == 9
    assert services.log.count(LogFilter()) == 189
    assert services.log.verify().ok
    assert calls[-1] == (3, 3)
    # Varied, realistic text: buildings, several distinct situations per category.
    assert len({r.situation for r in rows}) > 100
    assert any("栋" in r.situation for r in rows)
    assert any(r.backdate_reason for r in rows)
    assert any(r.follow_up for r in rows)


def test_demo_accounts_can_sign_in(services, demo):
    summary, _ = demo
    assert DEMO_PASSWORD in summary.describe()
    roles = {role for _, _, role in summary.accounts}
    assert roles == {"clerk", "supervisor", "manager"}
    assert services.accounts.authenticate("zhang", DEMO_PASSWORD).display_name == "张敏"
    assert services.accounts.authenticate("zhou", DEMO_PASSWORD).role.value == "manager"


def test_incidents_are_dealt_with_and_older_follow_ups_closed(services, clock, demo):
    yesterday = clock.now().astimezone(TZ).date() - timedelta(days=1)
    entries = [e for e in services.log.iter_chronological(LogFilter()) if e.follow_up]
    assert services.handover.incidents_in_progress() == []  # nothing keeps the desk from handing over
    old = [e for e in entries if e.shift_date < yesterday - timedelta(days=1)]
    assert old and all(e.follow_up_closed for e in old)
    # Some of yesterday's follow-ups are still being followed up (handed over shift to shift).
    assert any(not e.follow_up_closed for e in entries if e.shift_date == yesterday)
    open_ids = {i for i, _, _ in services.handover.open_follow_ups()}
    assert open_ids == {e.id for e in entries if not e.follow_up_closed and not e.is_corrected}


def test_the_demo_desk_has_an_item_list_to_count(services, demo):
    items = {i.name: i.expected for i in services.handover.items()}
    assert items["钥匙"] == 12 and items["对讲机"] == 3
    assert len(items) == len(set(items))


def test_times_are_inside_the_shift_and_in_the_past(services, clock, demo):
    now = clock.now()
    yesterday = now.astimezone(TZ).date() - timedelta(days=1)
    templates = {t.id: t for t in services.desk.shift_templates()}
    for entry in services.log.iter_chronological(LogFilter()):
        assert entry.shift_date <= yesterday
        assert entry.occurred_at <= entry.recorded_at <= now
        start = entry.occurred_at.astimezone(TZ)
        template = templates[entry.shift_template_id]
        shift_start = start.replace(
            year=entry.shift_date.year,
            month=entry.shift_date.month,
            day=entry.shift_date.day,
            hour=template.start_minute // 60,
            minute=template.start_minute % 60,
            second=0,
        )
        assert shift_start <= start < shift_start + timedelta(minutes=template.duration_minutes)
        if entry.recorded_at - entry.occurred_at >= timedelta(minutes=1):
            assert entry.backdate_reason


def test_corrections_point_at_earlier_entries_of_the_same_or_previous_shift(services, demo):
    rows = _rows(services)
    by_id = {r.id: r for r in rows}
    shift_keys = sorted({(r.occurred_at.date(), r.shift_date, r.shift_template_id) for r in rows})
    assert shift_keys
    with services.db.read() as session:
        signed = {r.day: r.signed_at for r in session.scalars(select(DayReview))}
    corrections = [r for r in rows if r.corrects_id is not None]
    assert corrections
    targets = [r.corrects_id for r in corrections]
    assert len(targets) == len(set(targets))  # never the same entry twice
    order = []
    for r in rows:  # shifts in the order they were worked
        key = (r.shift_date, r.shift_template_id)
        if not order or order[-1] != key:
            order.append(key)
    for fix in corrections:
        original = by_id[fix.corrects_id]
        assert original.id < fix.id
        mine = order.index((fix.shift_date, fix.shift_template_id))
        theirs = order.index((original.shift_date, original.shift_template_id))
        assert mine - theirs in (0, 1)
        signed_at = signed.get(original.shift_date)
        assert fix.after_review == (signed_at is not None and signed_at <= fix.recorded_at)


def test_signatures_are_in_time_order_and_recent_days_stay_unsigned(services, clock, demo):
    with services.db.read() as session:
        reviews = list(session.scalars(select(DayReview).order_by(DayReview.id)))
    assert reviews
    assert [r.signed_at for r in reviews] == sorted(r.signed_at for r in reviews)
    today = clock.now().astimezone(TZ).date()
    unsigned = services.log.unsigned_days(today - timedelta(days=10), today)
    assert unsigned == [today - timedelta(days=2), today - timedelta(days=1)]
    for review in reviews:
        last = max(r.recorded_at for r in _rows(services) if r.shift_date == review.day)
        assert review.signed_at > last


def test_same_seed_same_log(tmp_path, clock):
    from desk_app.services.container import Services

    texts = []
    for name in ("a", "b"):
        svc = Services.open(f"sqlite:///{(tmp_path / name).as_posix()}.sqlite", clock=clock)
        try:
            generate(svc, 2, entries_per_day=20, seed=3)
            texts.append([(r.situation, r.occurred_at, r.corrects_id) for r in _rows(svc)])
        finally:
            svc.close()
    assert texts[0] == texts[1]


def test_refuses_a_log_that_has_entries(services, demo):
    with pytest.raises(ValidationError, match="already has log entries"):
        generate(services, 1)
    assert services.log.count(LogFilter()) == 189


def test_refuses_a_real_log(services, clerk):
    services.log.add(clerk, LogCategory.PATROL, "巡查地下车库")
    with pytest.raises(ValidationError, match="already has log entries"):
        generate(services, 1)
    assert services.log.count(LogFilter()) == 1


def test_cli_demo(db_url, capsys):
    assert main(["--db", db_url, "demo", "--days", "2"]) == 0
    out = capsys.readouterr().out
    # 40 a day, and a HANDOVER entry for each shift handed over (how many depends on the hour)
    entries = re.search(r"(\d+) log entries", out)
    handed = re.search(r"(\d+) shifts handed over", out)
    assert entries and handed and int(entries[1]) == 80 + int(handed[1])
    assert "Demo tickets: 50 (" in out  # 25 a day by default
    assert re.search(r"Demo roster: \d{4}-\d\d published, \d{4}-\d\d as a draft", out)
    assert DEMO_PASSWORD in out
    assert main(["--db", db_url, "verify"]) == 0
    assert main(["--db", db_url, "demo", "--days", "2"]) == 1
    assert "already has log entries" in capsys.readouterr().err


def test_the_demo_roster_is_published_for_this_month_and_drafted_for_the_next(services, clock, demo):
    from desk_app.roster.checker import violations
    from desk_app.roster.problem import load_problem
    from desk_app.services.demo_roster import generate_roster

    summary = generate_roster(services)
    assert summary.published == (2026, 11) and summary.draft == (2026, 12)
    current = services.roster.month(2026, 11)
    assert current.published and current.version == 1
    today = clock.now().astimezone(TZ).date()
    for template in services.roster.templates():  # the handover knows who comes next
        assert len(services.roster.expected_on(today, template.id)) == 1
    problem = load_problem(services.roster.problem(2026, 12))
    draft = services.roster.month(2026, 12)
    cells = [(f"a{a}", d.day - 1, f"s{t}") for a, d, t in draft.assignments()]
    assert not draft.published and cells and violations(problem, cells) == []
    assert all(m.rules.mobile for m in services.roster.staff())
    assert generate_roster(services).shifts == 0  # never over a roster that exists
