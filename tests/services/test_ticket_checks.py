"""What the ticket service checks so the window can ask the right thing (issue 13): a
resident's name is a name, closing by hand is checked before a reason is asked, and the
next reply is offered one reply interval ahead and refused in the past."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

import pytest

from desk_app.domain.errors import ValidationError
from desk_app.domain.tickets import (
    KindRule,
    Source,
    TicketDetails,
    TicketKind,
    TicketStatus,
    Urgency,
    Validity,
    is_more_than_a_name,
    suggested_next_reply,
)
from desk_app.services.tickets import ResidentInput, TicketFilter, TicketInput
from desk_app.storage import journal
from desk_app.storage.database import sqlite_path
from tests.conftest import TZ

RESIDENT = ResidentInput("陈先生", "3栋", "2单元1502", "13800138000")


def _register(services, clerk, kind, resident=RESIDENT, **kwargs):
    return services.tickets.register(clerk, TicketInput(kind, Source.PHONE, "住户来电", resident, **kwargs))


def test_a_suggestion_line_as_the_name_is_refused_and_nothing_written(services, clerk):
    line = ResidentInput("陈先生  3栋2单元1502  13800138000", "3栋", "2单元1502", "13800138000")
    with pytest.raises(ValidationError, match="also holds an address or a phone number"):
        _register(services, clerk, TicketKind.COMPLAINT, line)
    with pytest.raises(ValidationError, match="also holds"):
        _register(services, clerk, TicketKind.CONSULTATION, ResidentInput("陈先生13800138000"))
    assert services.tickets.count(TicketFilter(statuses=tuple(TicketStatus))) == 0
    assert services.tickets.residents_matching("陈") == []
    # One blank between words (a foreign name, 陈先生 租户) is still a name.
    assert _register(services, clerk, TicketKind.CONSULTATION, ResidentInput("John Smith")).row.resident_name == (
        "John Smith"
    )
    assert not is_more_than_a_name("陈先生 租户") and not is_more_than_a_name("3栋住户")
    assert is_more_than_a_name("陈先生\t3栋")


def test_check_close_says_no_exactly_when_close_would(services, clerk):
    complaint = _register(services, clerk, TicketKind.COMPLAINT)
    with pytest.raises(ValidationError, match="before its follow-up visit"):
        services.tickets.check_close(clerk, complaint.id)
    services.tickets.judge(clerk, complaint.id, Validity.INVALID, "不属物业管理范围")
    services.tickets.check_close(clerk, complaint.id)  # an invalid complaint may be closed

    major = _register(services, clerk, TicketKind.REPAIR, urgency=Urgency.MAJOR)
    with pytest.raises(ValidationError, match="written report"):
        services.tickets.check_close(clerk, major.id)
    with pytest.raises(ValidationError, match="written report"):
        services.tickets.close(clerk, major.id, "已处理")

    repair = _register(services, clerk, TicketKind.REPAIR)
    services.tickets.check_close(clerk, repair.id)
    services.tickets.close(clerk, repair.id, "住户撤销")
    with pytest.raises(ValidationError, match="is closed; reopen it first"):
        services.tickets.check_close(clerk, repair.id)
    visitor = _register(
        services, clerk, TicketKind.VISITOR, details=TicketDetails(visitor_name="赵先生", owner_consent=True)
    )
    with pytest.raises(ValidationError, match="reopen it first"):
        services.tickets.check_close(clerk, visitor.id)


def test_the_next_reply_is_offered_one_interval_ahead_on_a_whole_minute(services, supervisor, clerk, clock):
    clock.advance(timedelta(seconds=1))
    assert services.tickets.suggested_next_reply() == datetime(2026, 11, 24, 12, 1, tzinfo=TZ)
    services.tickets.set_rule(supervisor, KindRule(TicketKind.COMPLAINT, reply_minutes=60, follow_up_working_days=2))
    assert services.tickets.suggested_next_reply() == datetime(2026, 11, 24, 11, 1, tzinfo=TZ)
    off = KindRule(TicketKind.COMPLAINT, reply_minutes=None)
    exact = datetime(2026, 11, 24, 10, 0, tzinfo=TZ)
    assert suggested_next_reply(exact, off) == exact + timedelta(hours=2)


def test_a_next_reply_now_or_in_the_past_is_refused(services, clerk, clock):
    complaint = _register(services, clerk, TicketKind.COMPLAINT)
    for when in (clock.now(), clock.now() - timedelta(minutes=30)):
        with pytest.raises(ValidationError, match="later than now|in the past"):
            services.tickets.reply(clerk, complaint.id, "正在协调", resolved=False, next_reply_at=when)
    assert services.tickets.get(complaint.id).row.status is TicketStatus.OPEN


def test_a_name_saved_as_a_whole_suggestion_line_is_no_longer_suggested(services, clerk, db_url):
    """Saved before such names were refused (here by raw SQL, as an older version did):
    offered again, it would only be refused when picked."""
    _register(services, clerk, TicketKind.CONSULTATION)
    raw = sqlite3.connect(sqlite_path(db_url))
    journal.install_functions(raw, journal.JournalContext())
    with raw:
        raw.execute(
            "INSERT INTO resident (name, building, room, phone, last_used_at) VALUES (?, '3栋', '2单元1502', '', ?)",
            ("陈先生  3栋2单元1502  13800000000", "2026-11-24 08:00:00.000000"),
        )
    raw.close()
    assert [r.name for r in services.tickets.residents_matching("陈")] == ["陈先生"]
