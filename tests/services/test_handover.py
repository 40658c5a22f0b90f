"""The handover service's rules: the item list, starting, open work, signing, lateness,
the supervisor's override and check, and that a signed handover cannot be changed."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from desk_app.cli import main
from desk_app.domain.categories import LogCategory
from desk_app.domain.errors import AuthenticationError, NotFound, PermissionDenied, ValidationError
from desk_app.domain.handover import Anomaly, Condition, Disposition, Fault, HandoverDraft, OpenWork, Step, WorkSource
from desk_app.domain.roles import Actor, Role
from desk_app.services.container import Services
from desk_app.services.handover import (
    DIGEST_PREFIX,
    EXPECTED_MAX,
    HandoverView,
    IncidentInProgress,
    IncidentsInProgress,
)
from desk_app.services.log import LogFilter
from desk_app.storage import journal
from desk_app.storage.database import sqlite_path
from desk_app.storage.models import AuditEvent, FollowUpClosure, Handover, HandoverItemChange, LogEntry
from tests.conftest import CLERK_PASSWORD, SUPERVISOR_PASSWORD, TZ

TODAY = date(2026, 11, 24)
INCOMING_PASSWORD = "incoming-secret-2"


def _at(hour: int, minute: int = 0, second: int = 0, day: int = 24) -> datetime:
    return datetime(2026, 11, day, hour, minute, second, tzinfo=TZ)


@pytest.fixture
def incoming(services, supervisor) -> Actor:
    """A second clerk, who takes over the desk (of a desk that keeps no items, unless the
    test adds some: an item added later ends that record)."""
    services.accounts.create(supervisor, "li", "李强", INCOMING_PASSWORD, Role.CLERK)
    if not services.handover.items():
        services.handover.record_keeps_no_items(supervisor)
    return services.accounts.authenticate("li", INCOMING_PASSWORD)


@pytest.fixture
def items(services, supervisor):
    services.handover.add_item(supervisor, "钥匙", "把", 12)
    services.handover.add_item(supervisor, "对讲机", "台", 3)
    return services.handover.items()


def _counts(services: Services) -> tuple[int, int, int, int, int]:
    """Rows in the tables a refused action must not touch."""
    with services.db.read() as session:
        return tuple(  # type: ignore[return-value]
            int(session.scalar(select(func.count()).select_from(model)) or 0)
            for model in (LogEntry, Handover, FollowUpClosure, HandoverItemChange)
        ) + (len(services.handover.items(include_retired=True)),)


def _complete(draft: HandoverDraft) -> HandoverDraft:
    """Everything read, counted right, open work closed: nothing blocks."""
    draft.records_acknowledged = True
    for count in draft.counts:
        count.counted = count.expected
    for work in draft.open_work:
        if work.disposition is Disposition.PENDING:
            work.disposition = Disposition.CLOSED
            work.note = "已处理"
    return draft


def _start_ready(services: Services, clerk: Actor, when: datetime | None = None) -> HandoverView:
    services.clock.set(when or _at(15, 40))  # type: ignore[attr-defined]
    view = services.handover.start(clerk)
    services.handover.save_draft(clerk, view.id, _complete(view.draft))
    return services.handover.get(view.id)


def _sign(services: Services, view: HandoverView) -> HandoverView:
    return services.handover.sign(view.id, CLERK_PASSWORD, "li", INCOMING_PASSWORD).view


# -- the item list ---------------------------------------------------------------------------


def test_a_supervisor_keeps_the_item_list_and_every_change_is_recorded(services, clock, supervisor) -> None:
    keys = services.handover.add_item(supervisor, " 钥匙 ", "把", 12)
    radios = services.handover.add_item(supervisor, "对讲机", "台", 3)
    assert (keys.name, keys.unit, keys.expected, keys.active) == ("钥匙", "把", 12, True)
    assert [i.name for i in services.handover.items()] == ["钥匙", "对讲机"]
    clock.set(_at(11))
    changed = services.handover.change_item(supervisor, keys.id, "门禁钥匙", "把", 11)
    assert (changed.id, changed.name, changed.expected) == (keys.id, "门禁钥匙", 11)
    clock.set(_at(12))
    services.handover.retire_item(supervisor, radios.id)
    assert [i.name for i in services.handover.items()] == ["门禁钥匙"]
    assert [(i.name, i.active) for i in services.handover.items(include_retired=True)] == [
        ("门禁钥匙", True),
        ("对讲机", False),
    ]
    history = services.handover.item_history()
    assert [(when, who, action, name, unit, n) for when, who, action, name, unit, n in history] == [
        (_at(12), "张敏", "retired", "对讲机", "台", 3),
        (_at(11), "张敏", "changed", "门禁钥匙", "把", 11),
        (_at(10), "张敏", "added", "对讲机", "台", 3),
        (_at(10), "张敏", "added", "钥匙", "把", 12),
    ]


def test_a_clerk_cannot_change_the_item_list(services, clerk, items) -> None:
    before = _counts(services), services.handover.item_history()
    with pytest.raises(PermissionDenied):
        services.handover.add_item(clerk, "雨伞", "把", 5)
    with pytest.raises(PermissionDenied):
        services.handover.change_item(clerk, items[0].id, "钥匙", "把", 1)
    with pytest.raises(PermissionDenied):
        services.handover.retire_item(clerk, items[0].id)
    with pytest.raises(PermissionDenied):
        services.handover.set_early_arrival_minutes(clerk, 5)
    assert (_counts(services), services.handover.item_history()) == before
    assert services.handover.items() == items


@pytest.mark.parametrize(
    ("name", "unit", "expected", "message"),
    [
        pytest.param("", "把", 1, "must not be empty", id="empty-name"),
        pytest.param(" \u3000", "把", 1, "must not be empty", id="blank-name"),
        pytest.param("钥" * 10_000, "把", 1, "limit is 40", id="10000-char-name"),
        pytest.param("钥匙\x00", "把", 1, "control character", id="control-char"),
        pytest.param("雨伞", "", 1, "must not be empty", id="empty-unit"),
        pytest.param("雨伞", "把" * 11, 1, "limit is 10", id="long-unit"),
        pytest.param("雨伞", "把", -1, "whole number", id="negative"),
        pytest.param("雨伞", "把", EXPECTED_MAX + 1, "whole number", id="huge"),
        pytest.param("雨伞", "把", 10**18, "whole number", id="enormous"),
        pytest.param("雨伞", "把", 2.5, "whole number", id="fraction"),
        pytest.param("雨伞", "把", "5", "whole number", id="text"),
        pytest.param("雨伞", "把", True, "whole number", id="bool"),
        pytest.param("钥匙", "串", 2, "already has 钥匙", id="duplicate"),
        pytest.param(" 钥匙 ", "串", 2, "already has 钥匙", id="duplicate-after-trim"),
    ],
)
def test_a_bad_item_is_refused_and_nothing_written(services, supervisor, items, name, unit, expected, message) -> None:
    before = _counts(services), services.handover.item_history()
    with pytest.raises(ValidationError, match=message):
        services.handover.add_item(supervisor, name, unit, expected)
    with pytest.raises(ValidationError, match=message):
        target = items[1] if "钥匙" in name else items[0]
        services.handover.change_item(supervisor, target.id, name, unit, expected)
    assert (_counts(services), services.handover.item_history()) == before
    assert services.handover.items() == items


def test_an_item_may_keep_its_own_name_and_a_retired_name_may_be_reused(services, supervisor, items) -> None:
    services.handover.change_item(supervisor, items[0].id, "钥匙", "把", 13)
    services.handover.retire_item(supervisor, items[1].id)
    again = services.handover.add_item(supervisor, "对讲机", "台", 4)
    assert again.id != items[1].id
    with pytest.raises(NotFound):
        services.handover.change_item(supervisor, 999, "x", "个", 1)
    with pytest.raises(NotFound):
        services.handover.retire_item(supervisor, 999)


def test_the_early_arrival_setting(services, supervisor) -> None:
    assert services.handover.early_arrival_minutes() == 15  # the migration's default row
    services.handover.set_early_arrival_minutes(supervisor, 5)
    assert services.handover.early_arrival_minutes() == 5
    for bad in (-1, 61):
        with pytest.raises(ValidationError):
            services.handover.set_early_arrival_minutes(supervisor, bad)
    assert services.handover.early_arrival_minutes() == 5


# -- starting ------------------------------------------------------------------------------


def test_no_handover_while_an_incident_is_being_handled(services, clock, clerk) -> None:
    incident = services.log.add(clerk, LogCategory.INCIDENT, "3栋电梯困人", "已通知维保", follow_up=True)
    services.log.add(clerk, LogCategory.REPAIR, "5栋漏水", follow_up=True)  # ordinary follow-up: no block
    before = _counts(services)
    with pytest.raises(ValidationError, match=f"#{incident.id} 3栋电梯困人"):
        services.handover.start(clerk)
    assert _counts(services) == before and services.handover.current() is None
    services.handover.close_follow_up(clerk, incident.id, "人已救出，电梯停用待修")
    assert services.handover.incidents_in_progress() == []
    view = services.handover.start(clerk)
    assert view.state == "open" and view.outgoing_name == "王丽"
    assert (view.shift.template.name, view.shift.shift_date) == ("早班", TODAY)


def test_the_refusal_names_every_incident_being_handled(services, clock, clerk) -> None:
    first = services.log.add(clerk, LogCategory.INCIDENT, "3栋电梯困人", "已通知维保", follow_up=True)
    services.log.add(clerk, LogCategory.REPAIR, "5栋漏水", follow_up=True)  # not an incident: not named
    second = services.log.add(clerk, LogCategory.INCIDENT, "7栋停电", "已联系供电局", follow_up=True)
    third = services.log.add(clerk, LogCategory.INCIDENT, "中心花园有老人晕倒", "已拨打120", follow_up=True)
    before = _counts(services)
    with pytest.raises(IncidentsInProgress) as refused:
        services.handover.start(clerk)
    assert isinstance(refused.value, ValidationError)
    assert refused.value.incidents == (
        IncidentInProgress(first.id, "3栋电梯困人"),
        IncidentInProgress(second.id, "7栋停电"),
        IncidentInProgress(third.id, "中心花园有老人晕倒"),
    )
    message = refused.value.english()
    assert message.startswith("No handover while 3 incidents are being handled:")
    for entry in (first, second, third):
        assert f"#{entry.id} {entry.situation}" in message
    assert "5栋漏水" not in message
    assert _counts(services) == before and services.handover.current() is None
    # Dealt with one by one: each refusal names the rest.
    services.handover.close_follow_up(clerk, second.id, "已恢复供电")
    with pytest.raises(IncidentsInProgress) as refused:
        services.handover.start(clerk)
    assert [i.entry_id for i in refused.value.incidents] == [first.id, third.id]


def test_an_incident_logged_after_the_start_stops_the_resume_and_the_signing(services, clerk, incoming) -> None:
    view = _start_ready(services, clerk)
    incident = services.log.add(clerk, LogCategory.INCIDENT, "3栋电梯困人", "已通知维保", follow_up=True)
    before = _counts(services)
    stored = services.handover.get(view.id)
    with pytest.raises(IncidentsInProgress) as resumed:
        services.handover.start(clerk)
    assert [i.entry_id for i in resumed.value.incidents] == [incident.id]
    # Refused before any password is checked: a wrong one is not even counted.
    with pytest.raises(IncidentsInProgress):
        services.handover.sign(view.id, "wrong", "li", "wrong")
    with pytest.raises(IncidentsInProgress) as refused:
        _sign(services, view)
    assert [i.entry_id for i in refused.value.incidents] == [incident.id]
    assert _counts(services) == before
    again = services.handover.get(view.id)
    assert again == stored and again.state == "open" and again.log_entry_id is None
    services.handover.close_follow_up(clerk, incident.id, "人已救出")
    assert services.handover.start(clerk).id == view.id
    assert _sign(services, view).signed


def test_an_incident_without_follow_up_does_not_block(services, clerk) -> None:
    services.log.add(clerk, LogCategory.INCIDENT, "停电5分钟", "已恢复")
    assert services.handover.start(clerk).state == "open"


def test_closing_a_follow_up_needs_a_note_and_an_entry_with_follow_up(services, clerk) -> None:
    plain = services.log.add(clerk, LogCategory.OTHER, "普通记录")
    follow = services.log.add(clerk, LogCategory.REPAIR, "漏水", follow_up=True)
    with pytest.raises(ValidationError, match="must not be empty"):
        services.handover.close_follow_up(clerk, follow.id, " ")
    with pytest.raises(NotFound):
        services.handover.close_follow_up(clerk, plain.id, "x")
    services.handover.close_follow_up(clerk, follow.id, "已修好")
    services.handover.close_follow_up(clerk, follow.id, "再关一次")  # idempotent
    assert services.handover.open_follow_ups() == []


def test_start_resumes_the_same_open_handover(services, clock, clerk, supervisor) -> None:
    first = services.handover.start(clerk)
    clock.set(_at(15, 50))
    again = services.handover.start(clerk)
    assert again.id == first.id and again.started_at == first.started_at == _at(10)
    assert services.handover.start(supervisor).id == first.id  # a supervisor may look at it
    with services.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Handover)) == 1


def test_a_second_clerk_cannot_take_over_someone_elses_handover(services, clerk, incoming) -> None:
    first = services.handover.start(clerk)
    with pytest.raises(PermissionDenied, match="王丽 has already started"):
        services.handover.start(incoming)
    assert services.handover.current().outgoing_id == clerk.account_id
    assert services.handover.current().id == first.id


def test_a_shift_is_handed_over_once(services, clerk, incoming) -> None:
    _sign(services, _start_ready(services, clerk))
    with pytest.raises(ValidationError, match="already handed over"):
        services.handover.start(clerk)


def test_open_work_collects_follow_ups_and_work_handed_over_last_time(services, clock, clerk, incoming) -> None:
    log = services.log
    follow = log.add(clerk, LogCategory.REPAIR, "3栋漏水", follow_up=True)
    log.add(clerk, LogCategory.CONSULTATION, "咨询停车费")  # no follow-up
    wrong = log.add(clerk, LogCategory.COMPLAINT, "投诉噪音 B2", follow_up=True)
    fixed = log.correct(clerk, wrong.id, LogCategory.COMPLAINT, "投诉噪音 B1", follow_up=True)
    closed = log.add(clerk, LogCategory.HELP_REQUEST, "老人求助", follow_up=True)
    services.handover.close_follow_up(clerk, closed.id, "已协助")
    clock.set(_at(15, 30))
    view = services.handover.start(clerk)
    assert [(w.source, w.ref_id) for w in view.draft.open_work] == [
        (WorkSource.LOG_FOLLOW_UP, follow.id),
        (WorkSource.LOG_FOLLOW_UP, fixed.id),
    ]
    assert view.draft.open_work[0].description == f"#{follow.id} 3栋漏水"
    assert not any(w.important for w in view.draft.open_work)

    # Hand over the leak and a parcel typed during the handover; close the complaint.
    draft = services.handover.add_free_work(clerk, view.id, "5栋快递待业主取")
    draft.records_acknowledged = True
    leak, complaint, parcel = draft.open_work
    leak.disposition, leak.note = Disposition.HANDED_OVER, "工程部明早处理"
    complaint.disposition, complaint.note = Disposition.CLOSED, "已回复业主"
    parcel.disposition, parcel.note = Disposition.HANDED_OVER, "业主晚上来取"
    services.handover.save_draft(clerk, view.id, draft)
    _sign(services, services.handover.get(view.id))

    # The next shift's handover: the leak (still open in the log) and the parcel come round.
    clock.set(_at(23, 40))
    nxt = services.handover.start(incoming)
    assert nxt.id != view.id and nxt.shift.template.name == "中班"
    assert [(w.source, w.ref_id, w.description) for w in nxt.draft.open_work] == [
        (WorkSource.LOG_FOLLOW_UP, follow.id, f"#{follow.id} 3栋漏水"),
        (WorkSource.FREE, None, "5栋快递待业主取"),
    ]
    assert all(w.disposition is Disposition.PENDING for w in nxt.draft.open_work)


def test_open_work_from_a_plugged_in_source(services, clerk) -> None:
    class Tickets:
        def open_work(self) -> list[OpenWork]:
            return [OpenWork(WorkSource.TICKET, 42, "报修单 #42", important=True)]

    services.handover.add_source(Tickets())
    view = services.handover.start(clerk)
    assert [(w.source, w.ref_id, w.important) for w in view.draft.open_work] == [(WorkSource.TICKET, 42, True)]


def test_an_open_ticket_is_in_the_handover_and_cannot_be_signed_closed_while_open(services, clerk, incoming) -> None:
    from desk_app.domain.tickets import Source, TicketDetails, TicketKind
    from desk_app.services.tickets import ResidentInput, TicketInput

    services.clock.set(_at(15, 30))
    message = services.tickets.register(
        clerk,
        TicketInput(
            TicketKind.MESSAGE,
            Source.PHONE,
            "快递在前台",
            ResidentInput("李先生", "3栋", "101", ""),
            details=TicketDetails(recipient="3栋101李太太"),
        ),
    )
    view = _start_ready(services, clerk)
    (work,) = [w for w in view.draft.open_work if w.source is WorkSource.TICKET]
    assert work.ref_id == message.id and "快递在前台" in work.description
    before = _counts(services)
    with pytest.raises(ValidationError, match=f"Ticket #{message.id} is still open"):
        _sign(services, view)
    assert _counts(services) == before
    services.tickets.deliver(clerk, message.id, "已电话通知")
    assert _sign(services, view).signed


def test_the_draft_starts_with_every_active_item(services, supervisor, clerk, items) -> None:
    services.handover.retire_item(supervisor, items[1].id)
    view = services.handover.start(clerk)
    assert [(c.item_id, c.name, c.unit, c.expected, c.counted) for c in view.draft.counts] == [
        (items[0].id, "钥匙", "把", 12, None)
    ]
    assert view.draft.step == 0 and not view.draft.records_acknowledged


# -- a desk without an item list ---------------------------------------------------------------

NO_ITEM_LIST = (
    "The handover cannot be signed yet: The desk has no item list, so nothing can be counted. A supervisor "
    "adds the items kept at the desk (Item list… in the handover tab), or records there that this desk keeps none."
)


@pytest.fixture
def bare_incoming(services, supervisor) -> Actor:
    """The second clerk, on a desk where nobody has said anything about items yet."""
    services.accounts.create(supervisor, "li", "李强", INCOMING_PASSWORD, Role.CLERK)
    return services.accounts.authenticate("li", INCOMING_PASSWORD)


def test_a_desk_without_items_cannot_hand_over_until_a_supervisor_records_it_keeps_none(
    services, clock, supervisor, clerk, bare_incoming
) -> None:
    view = _start_ready(services, clerk)
    assert view.draft.counts == [] and not view.draft.keeps_no_items
    assert [p.english() for p in view.draft.problems(Step.COUNT)] == [NO_ITEM_LIST.split(": ", 1)[1]]
    before = _counts(services)
    with pytest.raises(ValidationError) as refused:
        _sign(services, view)
    assert refused.value.english() == NO_ITEM_LIST
    assert _counts(services) == before

    with pytest.raises(PermissionDenied):
        services.handover.record_keeps_no_items(clerk)  # a clerk cannot say so
    assert services.handover.keeps_no_items() is None
    with pytest.raises(ValidationError):
        _sign(services, view)

    clock.set(_at(15, 45))
    record = services.handover.record_keeps_no_items(supervisor)
    assert (record.by, record.at) == ("张敏", _at(15, 45))
    assert services.handover.keeps_no_items() == record
    with services.db.read() as session:
        audited = session.execute(select(AuditEvent.actor_id, AuditEvent.action)).all()
    assert (supervisor.account_id, "handover.no_items") in audited
    resumed = services.handover.start(clerk)
    assert (resumed.draft.no_items_by, resumed.draft.no_items_at) == ("张敏", "2026-11-24 15:45")
    assert resumed.draft.problems(Step.COUNT) == []
    signed = _sign(services, resumed)
    assert signed.record is not None and signed.record["no_items_by"] == "张敏"


def test_a_forged_draft_cannot_say_the_desk_keeps_no_items(services, clerk, bare_incoming) -> None:
    view = _start_ready(services, clerk)
    draft = view.draft
    draft.no_items_by, draft.no_items_at = "张敏", "2026-11-24 10:00"
    services.handover.save_draft(clerk, view.id, draft)
    assert not services.handover.get(view.id).draft.keeps_no_items
    with pytest.raises(ValidationError, match="no item list"):
        _sign(services, view)


def test_a_supervisor_who_adds_items_ends_the_record_and_the_items_are_counted(
    services, supervisor, clerk, bare_incoming
) -> None:
    services.handover.record_keeps_no_items(supervisor)
    services.handover.add_item(supervisor, "钥匙", "把", 12)
    assert services.handover.keeps_no_items() is None
    with pytest.raises(ValidationError, match="The item list is not empty"):
        services.handover.record_keeps_no_items(supervisor)
    view = _start_ready(services, clerk)
    assert [c.name for c in view.draft.counts] == ["钥匙"] and not view.draft.keeps_no_items
    services.handover.retire_item(supervisor, view.draft.counts[0].item_id)
    # Every item retired: the desk again has no list, and the old record does not come back.
    with pytest.raises(ValidationError, match="no item list"):
        _sign(services, view)


def test_items_added_while_a_handover_is_paused_are_there_to_count_when_it_resumes(
    services, supervisor, clerk, incoming, items
) -> None:
    view = _start_ready(services, clerk)  # everything counted, then paused
    keys, radios = view.draft.counts
    umbrellas = services.handover.add_item(supervisor, "雨伞", "把", 5)
    services.handover.change_item(supervisor, radios.item_id, "对讲机", "台", 4)
    with pytest.raises(ValidationError, match="对讲机: 3 counted, 4 expected"):
        _sign(services, view)  # signing sees the list as it is now, resumed or not
    radios.explanation = "核定数量改为4台，现有3台，1台送修"
    services.handover.save_draft(clerk, view.id, view.draft)  # a window that still shows the old list
    with pytest.raises(ValidationError, match="雨伞: not counted"):
        _sign(services, view)

    resumed = services.handover.start(clerk)
    assert [(c.item_id, c.name, c.expected, c.counted) for c in resumed.draft.counts] == [
        (keys.item_id, "钥匙", 12, 12),
        (radios.item_id, "对讲机", 4, 3),
        (umbrellas.id, "雨伞", 5, None),
    ]
    assert resumed.draft.counts[1].explanation == "核定数量改为4台，现有3台，1台送修"
    current = services.handover.current()
    assert current is not None and current.draft == resumed.draft  # stored so, not only shown
    draft = resumed.draft
    draft.counts[2].counted = 5
    services.handover.save_draft(clerk, view.id, draft)
    signed = _sign(services, services.handover.get(view.id))
    assert [c["name"] for c in signed.record["counts"]] == ["钥匙", "对讲机", "雨伞"]
    assert [c.name for c in signed.draft.counts] == ["钥匙", "对讲机", "雨伞"]


def test_setup_writes_the_desks_starting_item_list_with_the_desk(services) -> None:
    boss = services.desk.set_up(
        services.accounts,
        desk_name="前台",
        timezone="Asia/Shanghai",
        shifts=[("早班", 8 * 60, 480)],
        supervisor_username="zhang",
        supervisor_name="张敏",
        supervisor_password=SUPERVISOR_PASSWORD,
        items=[("钥匙", "把", 12), (" 雨伞 ", "把", 5)],
    )
    assert [(i.name, i.unit, i.expected) for i in services.handover.items()] == [("钥匙", "把", 12), ("雨伞", "把", 5)]
    assert [(who, action, name) for _w, who, action, name, _u, _n in services.handover.item_history()] == [
        ("张敏", "added", "雨伞"),
        ("张敏", "added", "钥匙"),
    ]
    assert boss.role is Role.SUPERVISOR


@pytest.mark.parametrize(
    ("items", "message"),
    [
        ([("钥匙", "把", 12), ("钥匙", "串", 2)], "already has 钥匙"),
        ([("钥匙", "", 12)], "Unit must not be empty"),
        ([("钥匙", "把", -1)], "whole number from 0"),
    ],
)
def test_setup_with_a_bad_item_sets_up_nothing(services, items, message) -> None:
    with pytest.raises(ValidationError, match=message):
        services.desk.set_up(
            services.accounts,
            desk_name="前台",
            timezone="Asia/Shanghai",
            shifts=[("早班", 8 * 60, 480)],
            supervisor_username="zhang",
            supervisor_name="张敏",
            supervisor_password=SUPERVISOR_PASSWORD,
            items=items,
        )
    assert not services.desk.is_set_up() and not services.accounts.has_accounts()


# -- the draft survives a restart ----------------------------------------------------------


def test_a_saved_draft_is_there_after_a_restart(db_url, services, clock, clerk, items) -> None:
    view = services.handover.start(clerk)
    draft = view.draft
    draft.records_acknowledged = True
    draft.counts[0].counted = 11
    draft.counts[0].condition = Condition.DAMAGED
    draft.counts[0].explanation = "1把借给工程部，1把齿断"
    draft.step = Step.OPEN_WORK
    services.handover.save_draft(clerk, view.id, draft)
    services.close()  # the program is closed (or the power cut)

    restarted = Services.open(db_url, clock=clock)
    try:
        current = restarted.handover.current()
        assert current is not None and current.id == view.id
        assert current.draft == draft
        assert current.draft.to_json() == draft.to_json()
        assert restarted.handover.start(clerk).draft == draft  # resuming gives the same
    finally:
        restarted.close()


def test_a_signed_handover_cannot_be_saved_again(services, clerk, incoming) -> None:
    view = _sign(services, _start_ready(services, clerk))
    with pytest.raises(ValidationError, match="already signed"):
        services.handover.save_draft(clerk, view.id, HandoverDraft())
    with pytest.raises(ValidationError, match="already signed"):
        _sign(services, view)
    with pytest.raises(NotFound):
        services.handover.save_draft(clerk, 999, HandoverDraft())


# -- signing -------------------------------------------------------------------------------


def _records_not_read(d: HandoverDraft) -> None:
    d.records_acknowledged = False


def _not_counted(d: HandoverDraft) -> None:
    d.counts[0].counted = None


def _difference_unexplained(d: HandoverDraft) -> None:
    d.counts[0].counted = 11


def _damage_unexplained(d: HandoverDraft) -> None:
    d.counts[1].condition = Condition.DAMAGED


def _work_pending(d: HandoverDraft) -> None:
    d.open_work[0].disposition = Disposition.PENDING


def _handed_over_without_note(d: HandoverDraft) -> None:
    d.open_work[0].disposition, d.open_work[0].note = Disposition.HANDED_OVER, ""


def _important_not_closed(d: HandoverDraft) -> None:
    # Importance is the service's (the test adds important work first); a draft cannot set it.
    d.open_work[-1].disposition, d.open_work[-1].note = Disposition.HANDED_OVER, "工程部仍在现场"


def _anomaly_unexplained(d: HandoverDraft) -> None:
    d.anomalies.append(Anomaly("灯坏"))


def _fault_unresolved(d: HandoverDraft) -> None:
    d.faults.append(Fault("停电"))


@pytest.mark.parametrize(
    "spoil",
    [
        _records_not_read,
        _not_counted,
        _difference_unexplained,
        _damage_unexplained,
        _work_pending,
        _handed_over_without_note,
        _important_not_closed,
        _anomaly_unexplained,
        _fault_unresolved,
    ],
)
def test_sign_is_refused_while_anything_blocks_and_nothing_is_written(services, clerk, incoming, items, spoil) -> None:
    services.log.add(clerk, LogCategory.REPAIR, "3栋漏水", follow_up=True)
    view = _start_ready(services, clerk)
    draft = view.draft
    draft.open_work[0].note = draft.open_work[0].note or "已处理"
    if spoil is _important_not_closed:
        services.handover.save_draft(clerk, view.id, draft)
        draft = services.handover.add_free_work(clerk, view.id, "2栋水管爆裂抢修中", important=True)
    spoil(draft)
    assert not draft.can_sign()
    services.handover.save_draft(clerk, view.id, draft)
    before = _counts(services)
    with pytest.raises(ValidationError, match="cannot be signed yet"):
        _sign(services, view)
    assert _counts(services) == before  # no log entry, no closure
    again = services.handover.get(view.id)
    assert again.state == "open" and again.record is None and again.log_entry_id is None
    assert len(services.handover.open_follow_ups()) == 1


def test_the_outgoing_clerk_cannot_sign_as_the_incoming(services, clerk, incoming) -> None:
    view = _start_ready(services, clerk)
    before = _counts(services)
    with pytest.raises(ValidationError, match="cannot sign for the incoming"):
        services.handover.sign(view.id, CLERK_PASSWORD, "wang", CLERK_PASSWORD)
    with pytest.raises(ValidationError, match="cannot also be the incoming"):
        services.handover.identify_incoming(view.id, "wang", CLERK_PASSWORD)
    assert _counts(services) == before
    assert services.handover.get(view.id).state == "open"


@pytest.mark.parametrize(
    ("outgoing_password", "incoming_user", "incoming_password"),
    [
        pytest.param("wrong-password", "li", INCOMING_PASSWORD, id="outgoing-wrong"),
        pytest.param(CLERK_PASSWORD, "li", "wrong-password", id="incoming-wrong"),
        pytest.param(CLERK_PASSWORD, "nobody", INCOMING_PASSWORD, id="incoming-unknown"),
        pytest.param(INCOMING_PASSWORD, "li", INCOMING_PASSWORD, id="incoming-password-for-outgoing"),
    ],
)
def test_wrong_passwords_are_refused(services, clerk, incoming, outgoing_password, incoming_user, incoming_password):
    view = _start_ready(services, clerk)
    before = _counts(services)
    with pytest.raises(AuthenticationError):
        services.handover.sign(view.id, outgoing_password, incoming_user, incoming_password)
    assert _counts(services) == before
    assert services.handover.get(view.id).state == "open"
    with pytest.raises(AuthenticationError):
        services.handover.identify_incoming(view.id, "li", "wrong-password")
    assert services.handover.get(view.id).incoming_id is None


def test_identify_incoming_records_the_arrival(services, clock, clerk, incoming) -> None:
    view = _start_ready(services, clerk, _at(15, 30))
    assert view.incoming_id is None and view.incoming_arrived_at is None
    clock.set(_at(15, 44))
    seen = services.handover.identify_incoming(view.id, "li", INCOMING_PASSWORD)
    assert (seen.incoming_id, seen.incoming_name) == (incoming.account_id, "李强")
    assert seen.incoming_arrived_at == _at(15, 44)
    clock.set(_at(15, 50))
    again = services.handover.identify_incoming(view.id, "li", INCOMING_PASSWORD)
    assert again.incoming_arrived_at == _at(15, 44)  # the first arrival counts
    signed = _sign(services, again)
    assert signed.late_minutes == 0 and signed.incoming_arrived_at == _at(15, 44)
    assert signed.record["incoming_arrived_at"] == _at(15, 44).isoformat()


@pytest.mark.parametrize(
    ("early", "arrival", "late"),
    [
        pytest.param(15, _at(15, 40), 0, id="15-on-time"),
        pytest.param(15, _at(15, 45), 0, id="15-just-in-time"),
        pytest.param(15, _at(15, 52), 7, id="15-late"),
        pytest.param(5, _at(15, 52), 0, id="5-on-time"),
        pytest.param(5, _at(16, 10), 15, id="5-after-the-end"),
        pytest.param(0, _at(16, 3), 3, id="0-late"),
    ],
)
def test_lateness_counts_from_the_end_minus_the_early_arrival(
    services, clock, supervisor, clerk, incoming, early, arrival, late
) -> None:
    services.handover.set_early_arrival_minutes(supervisor, early)
    view = _start_ready(services, clerk, _at(15, 30))
    assert view.early_arrival_minutes == early
    clock.set(arrival)
    services.handover.identify_incoming(view.id, "li", INCOMING_PASSWORD)
    signed = _sign(services, view)
    assert signed.late_minutes == late
    assert signed.record["late_minutes"] == late and signed.record["early_arrival_minutes"] == early
    entry = services.log.get(signed.log_entry_id)
    assert (f"接班迟到{late}分钟" in entry.handling) is (late > 0)


def test_the_early_arrival_is_fixed_when_the_handover_starts(services, clock, supervisor, clerk, incoming) -> None:
    view = _start_ready(services, clerk, _at(15, 30))
    services.handover.set_early_arrival_minutes(supervisor, 5)  # too late for this handover
    clock.set(_at(15, 50))
    signed = _sign(services, view)  # arrival = signing time when nobody identified first
    assert signed.early_arrival_minutes == 15 and signed.late_minutes == 5


# -- the supervisor's override ---------------------------------------------------------------


def test_important_work_needs_a_supervisors_password_and_a_reason(services, clerk, incoming, supervisor) -> None:
    view = _start_ready(services, clerk)
    draft = services.handover.add_free_work(clerk, view.id, "2栋水管爆裂抢修中", important=True)
    work = draft.open_work[-1]
    work.disposition, work.note = Disposition.HANDED_OVER, "工程部仍在现场"
    services.handover.save_draft(clerk, view.id, draft)
    with pytest.raises(ValidationError, match="cannot be signed yet: 2栋水管爆裂抢修中 is important"):
        _sign(services, view)
    index = len(draft.open_work) - 1
    with pytest.raises(PermissionDenied):
        services.handover.override(view.id, index, "wang", CLERK_PASSWORD, "我觉得可以")
    with pytest.raises(PermissionDenied):
        services.handover.override(view.id, index, "li", INCOMING_PASSWORD, "我觉得可以")
    with pytest.raises(AuthenticationError):
        services.handover.override(view.id, index, "zhang", "wrong-password", "主管同意")
    with pytest.raises(ValidationError, match="must not be empty"):
        services.handover.override(view.id, index, "zhang", SUPERVISOR_PASSWORD, "  ")
    with pytest.raises(NotFound):
        services.handover.override(view.id, index + 1, "zhang", SUPERVISOR_PASSWORD, "主管同意")
    assert services.handover.get(view.id).draft.open_work[index].override_by is None

    draft = services.handover.override(view.id, index, "zhang", SUPERVISOR_PASSWORD, "抢修需连续进行，主管同意移交")
    assert draft.open_work[index].override_by == supervisor.account_id
    assert draft.open_work[index].override_reason == "抢修需连续进行，主管同意移交"
    assert services.handover.get(view.id).draft == draft
    signed = _sign(services, view)
    assert signed.record["open_work"][index]["override_by"] == supervisor.account_id


# -- a successful sign-off -------------------------------------------------------------------


def test_signing_writes_the_record_once_and_closes_the_closed_work(services, clock, clerk, incoming, items) -> None:
    leak = services.log.add(clerk, LogCategory.REPAIR, "3栋漏水", follow_up=True)
    lift = services.log.add(clerk, LogCategory.COMPLAINT, "电梯异响", follow_up=True)
    clock.set(_at(15, 30))
    view = services.handover.start(clerk)
    draft = view.draft
    draft.records_acknowledged = True
    draft.counts[0].counted, draft.counts[0].explanation = 11, "1把借给工程部"
    draft.counts[1].counted = 3
    draft.open_work[0].disposition, draft.open_work[0].note = Disposition.CLOSED, "已修好"
    draft.open_work[1].disposition, draft.open_work[1].note = Disposition.HANDED_OVER, "维保明早来"
    draft.anomalies.append(Anomaly("大堂灯闪烁", "已报工程部"))
    draft.faults.append(Fault("门禁主机死机", "重启后恢复"))
    services.handover.save_draft(clerk, view.id, draft)
    log_before = services.log.count(LogFilter())
    clock.set(_at(15, 47, 30))
    signed = _sign(services, view)

    assert signed.state == "signed" and signed.signed
    assert signed.incoming_name == "李强" and signed.outgoing_name == "王丽"
    assert signed.outgoing_signed_at == signed.incoming_signed_at == _at(15, 47, 30)
    assert services.handover.current() is None
    record = signed.record
    assert record is not None
    assert (record["outgoing"], record["incoming"], record["shift"], record["shift_date"]) == (
        "王丽",
        "李强",
        "早班",
        "2026-11-24",
    )
    assert record["counts"][0]["counted"] == 11 and record["counts"][0]["explanation"] == "1把借给工程部"
    assert record["anomalies"] == [{"description": "大堂灯闪烁", "explanation": "已报工程部"}]
    assert signed.late_minutes == 2

    # One HANDOVER entry in the hash chain, carrying the record's digest.
    assert services.log.count(LogFilter()) == log_before + 1
    entry = services.log.get(signed.log_entry_id)
    assert entry.category is LogCategory.HANDOVER and entry.clerk_name == "王丽"
    assert entry.situation == "交接班：王丽 → 李强（11-24 早班）"
    with services.db.read() as session:
        stored = session.get(Handover, signed.id).record_json
    digest = hashlib.sha256(stored.encode("utf-8")).hexdigest()
    assert f"{DIGEST_PREFIX}{digest}" in entry.handling
    assert "物品2项，差异或损坏1项；移交事项1项；异常1项；接班迟到2分钟" in entry.handling

    # The closed follow-up is gone from the open list; the handed-over one stays.
    assert [i for i, _s, _inc in services.handover.open_follow_ups()] == [lift.id]
    with services.db.read() as session:
        closure = session.scalar(select(FollowUpClosure).where(FollowUpClosure.log_entry_id == leak.id))
        assert closure is not None and closure.handover_id == signed.id and closure.note == "已修好"
        assert closure.closed_by == clerk.account_id

    assert services.log.verify().ok
    assert services.handover.verify_records() == []
    assert [h.id for h in services.handover.handovers(TODAY, TODAY)] == [signed.id]
    assert services.handover.handovers(date(2026, 11, 25), date(2026, 11, 25)) == []


def _raw(db_url: str) -> sqlite3.Connection:
    path = sqlite_path(db_url)
    assert path is not None
    conn = sqlite3.connect(path)
    # With the journal's functions, as the program has them: these tests are about the
    # append-only triggers (a connection without them cannot write at all).
    journal.install_functions(conn, journal.JournalContext())
    return conn


def test_a_record_changed_behind_the_programs_back_is_found(services, db_url, clerk, incoming, capsys) -> None:
    signed = _sign(services, _start_ready(services, clerk))
    assert main(["--db", db_url, "verify"]) == 0
    capsys.readouterr()
    conn = _raw(db_url)
    try:
        conn.execute("DROP TRIGGER handover_signed_frozen")
        conn.execute("DROP TRIGGER journal_handover_update")
        conn.execute(
            "UPDATE handover SET record_json = replace(record_json, '李强', '赵六') WHERE id = ?", (signed.id,)
        )
        conn.commit()
    finally:
        conn.close()
    assert services.log.verify().ok  # the log itself is intact …
    assert services.handover.verify_records() == [signed.id]  # … the handover record is not
    assert main(["--db", db_url, "verify"]) != 0
    out = capsys.readouterr().out
    assert f"handover record #{signed.id}" in out


def test_a_handover_entry_changed_in_the_log_is_found_by_the_chain(services, db_url, clerk, incoming) -> None:
    signed = _sign(services, _start_ready(services, clerk))
    conn = _raw(db_url)
    try:
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'log_entry'"
        ).fetchall():
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("UPDATE log_entry SET handling = 'x' WHERE id = ?", (signed.log_entry_id,))
        conn.commit()
    finally:
        conn.close()
    assert not services.log.verify().ok
    assert signed.id in services.handover.verify_records()


@pytest.mark.parametrize(
    "sql",
    [
        pytest.param("UPDATE handover SET record_json = '{}' WHERE state = 'signed'", id="update-signed-record"),
        pytest.param("UPDATE handover SET state = 'open' WHERE state = 'signed'", id="reopen-signed"),
        pytest.param("UPDATE handover SET late_minutes = 0 WHERE state = 'signed'", id="change-lateness"),
        pytest.param("DELETE FROM handover", id="delete-handover"),
        pytest.param("DELETE FROM follow_up_closure", id="delete-closure"),
        pytest.param("UPDATE follow_up_closure SET note = 'x'", id="update-closure"),
        pytest.param("DELETE FROM handover_check", id="delete-check"),
        pytest.param("UPDATE handover_check SET remark = 'x'", id="update-check"),
        pytest.param("DELETE FROM handover_item_change", id="delete-item-change"),
        pytest.param("UPDATE handover_item_change SET expected = 99", id="update-item-change"),
    ],
)
def test_triggers_refuse_changing_the_records_through_raw_sql(
    services, db_url, clerk, incoming, supervisor, items, sql
) -> None:
    services.log.add(clerk, LogCategory.REPAIR, "3栋漏水", follow_up=True)
    signed = _sign(services, _start_ready(services, clerk))
    services.handover.check(supervisor, signed.id, "已检查", password=SUPERVISOR_PASSWORD)
    conn = _raw(db_url)
    try:
        table = sql.split()[2] if sql.startswith("DELETE") else sql.split()[1]
        count = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        assert count >= 1
        with pytest.raises(sqlite3.DatabaseError, match="refused|cannot be changed"):
            conn.execute(sql)
        conn.rollback()
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == count
    finally:
        conn.close()
    assert services.handover.verify_records() == []


def test_an_open_handover_can_be_saved_but_not_deleted(services, db_url, clerk) -> None:
    view = services.handover.start(clerk)
    conn = _raw(db_url)
    try:
        conn.execute("UPDATE handover SET draft_json = draft_json WHERE id = ?", (view.id,))
        with pytest.raises(sqlite3.DatabaseError, match="DELETE refused"):
            conn.execute("DELETE FROM handover WHERE id = ?", (view.id,))
        conn.rollback()
    finally:
        conn.close()


# -- supervision -----------------------------------------------------------------------------


def test_overdue_tells_how_long_the_outgoing_clerk_has_waited(services, clock, clerk) -> None:
    assert services.handover.overdue() is None  # no handover at all
    clock.set(_at(15, 30))
    services.handover.start(clerk)
    assert services.handover.overdue() is None
    clock.set(_at(16, 0))
    assert services.handover.overdue() is None  # the end itself is not overdue yet
    clock.set(_at(16, 25))
    overdue = services.handover.overdue()
    assert overdue is not None
    assert overdue.minutes == 25 and overdue.shift.template.name == "早班"
    assert overdue.expected == ()  # no published roster: nobody named


def test_overdue_names_the_successor_the_published_roster_expects(services, clock, clerk, supervisor, incoming) -> None:
    middle = next(t.id for t in services.desk.shift_templates() if t.name == "中班")
    services.roster.set_cell(supervisor, TODAY, incoming.account_id, middle)
    gaps = services.roster.coverage_gaps(TODAY.year, TODAY.month)
    services.roster.publish(supervisor, TODAY.year, TODAY.month, password=SUPERVISOR_PASSWORD, accept_gaps=gaps)
    clock.set(_at(15, 30))
    services.handover.start(clerk)
    clock.set(_at(16, 10))
    assert services.handover.overdue().expected == ("李强",)


def test_a_handover_started_after_the_end_is_of_the_shift_that_ended(services, clock, clerk, incoming) -> None:
    """The successor is late: the outgoing clerk stays and hands over the 早班, not the 中班."""
    clock.set(_at(15, 0))
    services.log.add(clerk, LogCategory.PATROL, "巡查大堂")
    clock.set(_at(16, 20))
    view = services.handover.start(clerk)
    assert (view.shift.template.name, view.shift.shift_date) == ("早班", TODAY)
    assert services.handover.overdue().minutes == 20
    services.handover.save_draft(clerk, view.id, _complete(view.draft))
    signed = _sign(services, view)
    assert signed.late_minutes == 35  # from 15:45 (16:00 less 15 minutes early arrival)
    # The 早班 is done now: the next handover is the running 中班's.
    clock.set(_at(16, 30))
    assert services.handover.start(incoming).shift.template.name == "中班"


def test_long_after_the_end_a_handover_is_of_the_running_shift(services, clock, clerk) -> None:
    services.log.add(clerk, LogCategory.PATROL, "巡查大堂")
    clock.set(_at(20, 30))  # the 早班 ended 4.5 hours ago and was never handed over
    assert services.handover.start(clerk).shift.template.name == "中班"


def test_a_clerk_who_kept_the_running_shifts_log_hands_over_the_running_shift(services, clock, clerk) -> None:
    clock.set(_at(7, 0))
    services.log.add(clerk, LogCategory.PATROL, "夜班巡查")  # the 夜班 00:00-08:00, never handed over
    clock.set(_at(9, 0))
    services.log.add(clerk, LogCategory.PATROL, "早班巡查")  # the same clerk stayed on for the 早班
    assert services.handover.start(clerk).shift.template.name == "早班"


def test_the_supervisor_checks_a_signed_handover_once(services, clock, clerk, incoming, supervisor) -> None:
    view = _start_ready(services, clerk)
    with pytest.raises(ValidationError, match="Only a signed handover"):
        services.handover.check(supervisor, view.id, "", password=SUPERVISOR_PASSWORD)
    signed = _sign(services, view)
    with pytest.raises(PermissionDenied):
        services.handover.check(clerk, signed.id, "我自己查", password=SUPERVISOR_PASSWORD)
    assert services.handover.get(signed.id).checked_by is None
    clock.set(_at(16, 30))
    services.handover.check(supervisor, signed.id, "交接清楚", password=SUPERVISOR_PASSWORD)
    checked = services.handover.get(signed.id)
    assert (checked.checked_by, checked.checked_at, checked.check_remark) == ("张敏", _at(16, 30), "交接清楚")
    with pytest.raises(ValidationError, match="already checked"):
        services.handover.check(supervisor, signed.id, "再查一次", password=SUPERVISOR_PASSWORD)
    with pytest.raises(ValidationError, match="Only a signed handover"):
        services.handover.check(supervisor, 999, "", password=SUPERVISOR_PASSWORD)
    assert services.handover.get(signed.id).check_remark == "交接清楚"
