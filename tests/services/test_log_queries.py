"""The log's list queries return exactly what a plain Python filter over every entry returns.

The service chooses different query plans (count from the chain head or the search index,
walk the time index or look up search matches, page from either end); these tests pin the
results, whatever the plan.
"""

from __future__ import annotations

import random
import unicodedata
from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk_app.domain.categories import LogCategory
from desk_app.domain.clock import FixedClock
from desk_app.domain.shifts import PRESETS
from desk_app.domain.textsearch import plan
from desk_app.services import log_chain
from desk_app.services.common import to_db
from desk_app.services.container import Services
from desk_app.services.demo import generate
from desk_app.services.log import LogEntryView, LogFilter, LogService
from tests.conftest import TZ

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=TZ)
# Few letters, so that random 2- and 3-letter terms often occur; with punctuation,
# digits, Latin letters in both cases and full-width forms (NFKC folds them).
ALPHABET = "漏水停电梯困门禁卡栋单元快递1２3aBＣ，。-_%\\ "


def _all(log: LogService) -> list[LogEntryView]:
    return list(log.iter_chronological(LogFilter()))


def _newest_first(entries: list[LogEntryView]) -> list[int]:
    return [e.id for e in sorted(entries, key=lambda e: (e.occurred_at, e.id), reverse=True)]


def _fold(value: str) -> str:
    return unicodedata.normalize("NFKC", value).casefold()


def _ascii_lower(value: str) -> str:
    return "".join(ch.lower() if "A" <= ch <= "Z" else ch for ch in value)


def matches_text(entry: LogEntryView, query: str) -> bool:
    """The documented search semantics (desk_app.domain.textsearch), in plain Python."""
    search = plan(query)
    phrases = [t for t in query.split() if t not in search.like_terms]
    for term in phrases:  # indexed: NFKC + case-folded substring of either field
        if _fold(term) not in _fold(entry.situation) and _fold(term) not in _fold(entry.handling):
            return False
    for term in search.like_terms:  # LIKE: substring, ASCII letters case-insensitive
        needle = _ascii_lower(term)
        if needle not in _ascii_lower(entry.situation) and needle not in _ascii_lower(entry.handling):
            return False
    return True


def matches(entry: LogEntryView, flt: LogFilter) -> bool:
    if flt.date_from is not None and entry.shift_date < flt.date_from:
        return False
    if flt.date_to is not None and entry.shift_date > flt.date_to:
        return False
    if flt.categories and entry.category not in flt.categories:
        return False
    if flt.clerk_id is not None and entry.clerk_id != flt.clerk_id:
        return False
    if flt.shift_template_id is not None and entry.shift_template_id != flt.shift_template_id:
        return False
    return not flt.text.strip() or matches_text(entry, flt.text)


def check(log: LogService, everything: list[LogEntryView], flt: LogFilter) -> list[int]:
    expected = _newest_first([e for e in everything if matches(e, flt)])
    total = log.count(flt)
    assert total == len(expected), flt
    assert [e.id for e in log.page(flt, 0, total + 5, total)] == expected
    assert [e.id for e in log.iter_chronological(flt, batch=7)] == expected[::-1]
    return expected


# -- a realistic log: three demo days ------------------------------------------------------
@pytest.fixture(scope="module")
def demo_log(tmp_path_factory) -> tuple[Services, list[LogEntryView]]:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    services = Services.open(f"sqlite:///{path.as_posix()}", clock=FixedClock(NOW))
    generate(services, 4, entries_per_day=50, seed=11)
    yield services, _all(services.log)
    services.close()


def test_paging_from_both_ends_equals_the_full_list(demo_log):
    services, everything = demo_log
    log = services.log
    for flt in (
        LogFilter(),
        LogFilter(categories=frozenset({LogCategory.REPAIR, LogCategory.COMPLAINT})),
        LogFilter(text="漏水"),
    ):
        expected = check(log, everything, flt)
        total = len(expected)
        for size in (1, 7, 100):
            pages = [log.page(flt, off, size, total) for off in range(0, total, size)]
            assert [e.id for p in pages for e in p] == expected
            # Without the total the service pages newest-first only; same rows.
            tail = max(0, total - size)
            assert [e.id for e in log.page(flt, tail, size)] == expected[tail:]
        assert log.page(flt, total, 10, total) == []
        assert log.page(flt, total + 3, 10, total) == []
        assert log.page(flt, 0, 0, total) == []
        # Positions agree with the list.
        for row in (0, total // 2, total - 1):
            assert log.position_of(flt, expected[row]) == row


def test_corrections_and_signatures_come_with_the_page(demo_log):
    services, everything = demo_log
    by_id = {e.id: e for e in everything}
    fixes = [e for e in everything if e.corrects_id is not None]
    assert fixes
    for fix in fixes:
        assert by_id[fix.corrects_id].corrected_by_id == fix.id
    assert any(e.day_signed for e in everything)
    assert any(not e.day_signed for e in everything)


def test_filters_combined(demo_log):
    services, everything = demo_log
    log = services.log
    days = sorted({e.shift_date for e in everything})
    clerks = sorted({e.clerk_id for e in everything})
    shifts = sorted({e.shift_template_id for e in everything})
    rng = random.Random(5)
    filters = [
        LogFilter(date_from=days[1]),
        LogFilter(date_to=days[1]),
        LogFilter(date_from=days[1], date_to=days[2]),
        LogFilter(date_from=days[-1] + timedelta(days=1)),
        LogFilter(clerk_id=clerks[0]),
        LogFilter(shift_template_id=shifts[0]),
        LogFilter(clerk_id=clerks[1], categories=frozenset({LogCategory.PATROL})),
        LogFilter(text="栋 漏水", date_from=days[0], date_to=days[2]),
        LogFilter(text="巡查", clerk_id=clerks[2], shift_template_id=shifts[1]),
        LogFilter(text="门禁卡", categories=frozenset({LogCategory.REPAIR, LogCategory.SECURITY})),
        LogFilter(text="电 梯", categories=frozenset({LogCategory.INCIDENT})),
        LogFilter(text="    "),
        LogFilter(text="不存在的词"),
    ]
    for _ in range(40):
        cats = frozenset(rng.sample(list(LogCategory), rng.randint(0, 3)))
        filters.append(
            LogFilter(
                date_from=rng.choice([None, *days]),
                date_to=rng.choice([None, *days]),
                categories=cats,
                clerk_id=rng.choice([None, *clerks]),
                shift_template_id=rng.choice([None, *shifts]),
                text=rng.choice(["", "漏水", "停电", "电梯困", "水", "1", "栋，", "已"]),
            )
        )
    for flt in filters:
        check(log, everything, flt)


# -- search: random texts over a small alphabet ---------------------------------------------
@pytest.fixture(scope="module")
def random_log(tmp_path_factory) -> tuple[Services, list[LogEntryView]]:
    path = tmp_path_factory.mktemp("search") / "search.sqlite"
    services = Services.open(f"sqlite:///{path.as_posix()}", clock=FixedClock(NOW))
    supervisor = services.desk.set_up(
        services.accounts,
        desk_name="测试前台",
        timezone="Asia/Shanghai",
        shifts=PRESETS["three_shifts_24h"],
        supervisor_username="zhang",
        supervisor_name="张敏",
        supervisor_password="super-secret-1",
    )
    template_id = services.desk.shift_templates()[0].id
    rng = random.Random(3)

    def text(max_len: int) -> str:
        return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, max_len))).strip()

    rows: list[dict[str, Any]] = []
    for i in range(400):
        # Inside the shift, as the service guarantees: template 0 is 夜班 00:00-08:00.
        shift_date = date(2026, 11, 20 + i % 3)
        local = datetime.combine(shift_date, time(0, 0), TZ) + timedelta(minutes=rng.randint(0, 479))
        when = to_db(local)
        rows.append(
            {
                "clerk_id": supervisor.account_id,
                "shift_template_id": template_id,
                "shift_date": shift_date,
                "occurred_at": when,
                "recorded_at": when,
                "tz": "Asia/Shanghai",
                "category": rng.choice(list(LogCategory)).value,
                "situation": text(12) or "空",
                "handling": text(8),
                "backdate_reason": "",
                "follow_up": False,
                "corrects_id": None,
                "after_review": False,
            }
        )
    with services.db.write() as session:
        log_chain.append(session, rows)
    yield services, _all(services.log)
    services.close()


TERM = st.text(alphabet=ALPHABET.replace(" ", ""), min_size=1, max_size=4)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(terms=st.lists(TERM, min_size=1, max_size=3))
def test_search_equals_a_python_substring_filter(random_log, terms):
    services, everything = random_log
    check(services.log, everything, LogFilter(text=" ".join(terms)))


@pytest.mark.parametrize(
    "query",
    ["漏水", "停电", "电梯困", "门禁卡", "水", "1", "栋，", "-", "%", "_", "\\", "ab", "AB", "ｃ", "２3",
     "漏水 门禁", "水 。"],
)
def test_search_examples(random_log, query):
    services, everything = random_log
    found = check(services.log, everything, LogFilter(text=query))
    if query in ("漏水", "水"):
        assert found  # the corpus is dense enough for the comparison to mean something


@pytest.mark.parametrize("force", ["walk the time index", "look up every match"])
def test_both_search_plans_give_the_same_rows(demo_log, random_log, monkeypatch, force):
    """Whichever plan the service picks for a search, the rows and counts are the same."""
    import desk_app.services.log_queries as log_module

    walk = force == "walk the time index"
    monkeypatch.setattr(log_module, "_LOOKUP_COST", 10**9 if walk else 0)
    monkeypatch.setattr(log_module, "_FEW_MATCHES", -1 if walk else 10**9)
    for services, everything in (demo_log, random_log):
        log = services.log
        kinds = sorted({e.category for e in everything})[:3]
        for flt in (
            LogFilter(text="水漏"),
            LogFilter(text="漏水"),
            LogFilter(text="栋单元"),
            LogFilter(text="漏水", categories=frozenset(kinds)),
            LogFilter(text="单元", clerk_id=everything[0].clerk_id),
            LogFilter(text="单元", date_from=everything[0].shift_date),
        ):
            expected = check(log, everything, flt)
            total = len(expected)
            got = [e.id for off in range(0, total, 3) for e in log.page(flt, off, 3, total)]
            assert got == expected
