"""The ticket rules, independent of the window: registering each kind, every clock (holidays
and make-up working days included), the workflows, escalation with an injected clock, the
queue's filters, the handover feed, and bad input that writes nothing."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select, text

from desk_app.domain.errors import PermissionDenied, ValidationError
from desk_app.domain.handover import WorkSource
from desk_app.domain.roles import Role
from desk_app.domain.tickets import (
    ClockKind,
    KindRule,
    Source,
    TicketDetails,
    TicketKind,
    TicketStatus,
    Urgency,
    Validity,
    normalize_phone,
)
from desk_app.domain.workdays import HolidayCalendar
from desk_app.services.tickets import ResidentInput, TicketFilter, TicketInput
from desk_app.storage.models import Ticket, TicketEvent
from tests.conftest import TZ

RESIDENT = ResidentInput("李先生", "3栋", "2单元1203", "138 0013 8000")


@pytest.fixture
def manager(services, supervisor):
    account = services.accounts.build_account("zhou", "周建国", "manager-secret-1", Role.MANAGER, supervisor.account_id)
    with services.db.write() as session:
        session.add(account)
    return services.accounts.authenticate("zhou", "manager-secret-1")


def _complaint(services, clerk, **details):
    return services.tickets.register(
        clerk,
        TicketInput(TicketKind.COMPLAINT, Source.PHONE, "楼上装修噪音扰民", RESIDENT, details=TicketDetails(**details)),
    )


def _count_rows(services, model) -> int:
    with services.db.read() as session:
        return len(session.scalars(select(model)).all())


# -- clocks ---------------------------------------------------------------------------------
def test_a_complaint_gets_a_reply_clock_of_two_hours(services, clerk, clock):
    ticket = _complaint(services, clerk)
    assert ticket.row.status is TicketStatus.OPEN
    assert ticket.row.due_clock is ClockKind.REPLY
    assert ticket.row.due_at == clock.now() + timedelta(hours=2)
    assert ticket.row.phone == "13800138000"  # stored without blanks
    assert [e.action for e in ticket.events] == ["registered"]


def test_a_complaint_at_2330_on_the_eve_of_national_day_is_due_at_0130(services, clerk, clock):
    # 2026-09-30 23:30: the eve of the National Day holiday. The reply clock runs on the
    # wall clock; the follow-up, counted in working days, skips the whole holiday.
    clock.set(datetime(2026, 9, 30, 23, 30, tzinfo=TZ))
    ticket = _complaint(services, clerk)
    assert ticket.row.due_at == datetime(2026, 10, 1, 1, 30, tzinfo=TZ)
    services.tickets.judge(clerk, ticket.id, Validity.VALID, "噪音确实超时")
    clock.set(datetime(2026, 9, 30, 23, 50, tzinfo=TZ))
    resolved = services.tickets.reply(clerk, ticket.id, "已联系装修方停工", resolved=True)
    follow_up = next(c for c in resolved.clocks if c.kind is ClockKind.FOLLOW_UP)
    calendar = services.holidays.calendar()
    assert not calendar.is_workday(date(2026, 10, 1))
    assert follow_up.due_at.date() == calendar.add_working_days(date(2026, 9, 30), 2)
    assert follow_up.due_at.date() > date(2026, 10, 7)


def test_working_days_count_the_make_up_saturday():
    # 2026-10-10 is a Saturday worked in exchange for the National Day holiday (调休上班).
    calendar = HolidayCalendar()  # the library's 2026, which carries the notice
    assert calendar.is_workday(date(2026, 10, 10))
    assert not calendar.is_workday(date(2026, 10, 17))  # an ordinary Saturday
    assert calendar.is_holiday(date(2026, 10, 2))
    # Completed on Friday 10-09: the 1st working day after is the make-up Saturday 10-10.
    assert calendar.add_working_days(date(2026, 10, 9), 1) == date(2026, 10, 10)
    assert calendar.add_working_days(date(2026, 10, 9), 2) == date(2026, 10, 12)


def test_a_convenience_service_is_followed_up_within_two_working_days(services, clerk, supervisor, clock):
    item = services.tickets.add_price_item(supervisor, "疏通下水道", "次", 5000)
    clock.set(datetime(2026, 10, 9, 9, 0, tzinfo=TZ))  # Friday before the make-up Saturday
    ticket = services.tickets.register(
        clerk,
        TicketInput(
            TicketKind.CONVENIENCE,
            Source.PHONE,
            "厨房下水道堵塞",
            RESIDENT,
            details=TicketDetails(price_item_id=item.id, visit_at=datetime(2026, 10, 9, 14, 0, tzinfo=TZ)),
        ),
    )
    assert ticket.row.due_clock is ClockKind.VISIT
    clock.set(datetime(2026, 10, 9, 15, 0, tzinfo=TZ))
    done = services.tickets.complete(clerk, ticket.id, "已疏通", paid=True)
    assert done.row.status is TicketStatus.FOLLOW_UP
    assert done.row.due_clock is ClockKind.FOLLOW_UP
    assert done.row.due_at == datetime(2026, 10, 12, 23, 59, tzinfo=TZ)
    assert done.details.paid
    visit = next(c for c in done.clocks if c.kind is ClockKind.VISIT)
    assert visit.met_at is not None and visit.on_time is False  # done at 15:00, agreed 14:00


def test_repair_workflow_visit_dispatch_complete_follow_up(services, clerk, clock):
    visit = clock.now() + timedelta(hours=3)
    ticket = services.tickets.register(
        clerk,
        TicketInput(TicketKind.REPAIR, Source.VISIT, "卫生间漏水", RESIDENT, details=TicketDetails(visit_at=visit)),
    )
    assert ticket.row.due_at == visit and ticket.row.status is TicketStatus.OPEN
    later = visit + timedelta(hours=1)
    dispatched = services.tickets.dispatch(clerk, ticket.id, "工程部刘师傅", later)
    assert dispatched.row.status is TicketStatus.IN_PROGRESS
    assert dispatched.row.due_at == later  # the new agreed time replaces the old one
    assert dispatched.details.dispatched_to == "工程部刘师傅"
    with pytest.raises(ValidationError, match="follow-up visit comes after"):
        services.tickets.record_follow_up(clerk, ticket.id, "业主满意", satisfied=True)
    services.tickets.complete(clerk, ticket.id, "已更换密封圈")
    closed = services.tickets.record_follow_up(clerk, ticket.id, "业主满意", satisfied=True)
    assert closed.row.status is TicketStatus.CLOSED and closed.row.due_at is None
    assert [e.action for e in closed.events] == ["registered", "dispatched", "completed", "followed_up"]


# -- complaints -----------------------------------------------------------------------------
def test_a_valid_complaint_cannot_be_closed_before_its_follow_up(services, clerk, clock):
    ticket = _complaint(services, clerk)
    with pytest.raises(ValidationError, match="before its follow-up visit"):
        services.tickets.close(clerk, ticket.id, "业主不再追究")
    with pytest.raises(ValidationError, match="valid or invalid"):
        services.tickets.reply(clerk, ticket.id, "已处理", resolved=True)
    services.tickets.judge(clerk, ticket.id, Validity.VALID, "属实")
    waiting = services.tickets.reply(clerk, ticket.id, "已协调", resolved=True)
    assert waiting.row.status is TicketStatus.FOLLOW_UP
    with pytest.raises(ValidationError, match="before its follow-up visit"):
        services.tickets.close(clerk, ticket.id, "业主不再追究")
    assert services.tickets.get(ticket.id).row.status is TicketStatus.FOLLOW_UP
    closed = services.tickets.record_follow_up(clerk, ticket.id, "电话回访，业主满意", satisfied=True)
    assert closed.row.status is TicketStatus.CLOSED and closed.follow_up_done


def test_an_unsolved_complaint_agrees_the_next_reply(services, clerk, clock):
    ticket = _complaint(services, clerk)
    clock.advance(timedelta(minutes=90))
    with pytest.raises(ValidationError, match="next reply"):
        services.tickets.reply(clerk, ticket.id, "正在协调", resolved=False)
    with pytest.raises(ValidationError, match="in the past"):
        services.tickets.reply(
            clerk, ticket.id, "正在协调", resolved=False, next_reply_at=clock.now() - timedelta(hours=1)
        )
    next_reply = clock.now() + timedelta(hours=4)
    replied = services.tickets.reply(clerk, ticket.id, "正在协调", resolved=False, next_reply_at=next_reply)
    assert replied.row.status is TicketStatus.IN_PROGRESS
    assert replied.row.due_clock is ClockKind.NEXT_REPLY and replied.row.due_at == next_reply
    first = next(c for c in replied.clocks if c.kind is ClockKind.REPLY)
    assert first.on_time is True


def test_an_invalid_complaint_is_closed_by_its_reply(services, clerk):
    ticket = _complaint(services, clerk)
    services.tickets.judge(clerk, ticket.id, Validity.INVALID, "不属物业管理范围")
    closed = services.tickets.reply(clerk, ticket.id, "已向业主解释", resolved=True)
    assert closed.row.status is TicketStatus.CLOSED


def test_a_complaint_solved_on_the_spot(services, clerk):
    valid = _complaint(services, clerk, solved_on_spot=True, validity=Validity.VALID)
    assert valid.row.status is TicketStatus.FOLLOW_UP and valid.row.due_clock is ClockKind.FOLLOW_UP
    invalid = _complaint(services, clerk, solved_on_spot=True, validity=Validity.INVALID)
    assert invalid.row.status is TicketStatus.CLOSED
    with pytest.raises(ValidationError, match="valid or invalid"):
        _complaint(services, clerk, solved_on_spot=True)


def test_reopening_is_recorded_and_restarts_the_reply_clock(services, clerk, clock):
    ticket = _complaint(services, clerk)
    services.tickets.judge(clerk, ticket.id, Validity.INVALID, "不属实")
    services.tickets.reply(clerk, ticket.id, "已解释", resolved=True)
    clock.advance(timedelta(days=1))
    reopened = services.tickets.reopen(clerk, ticket.id, "业主再次来电")
    assert reopened.row.status is TicketStatus.OPEN
    assert reopened.row.due_at == clock.now() + timedelta(hours=2)
    assert reopened.events[-1].action == "reopened" and reopened.events[-1].note == "业主再次来电"


# -- other kinds ----------------------------------------------------------------------------
def test_a_visitor_needs_the_owners_consent(services, clerk):
    data = TicketInput(
        TicketKind.VISITOR,
        Source.VISIT,
        "探访亲友",
        ResidentInput("", "5栋", "1单元801", ""),
        details=TicketDetails(visitor_name="赵先生", visitor_count=2),
    )
    with pytest.raises(ValidationError, match="consent"):
        services.tickets.register(clerk, data)
    data.details.owner_consent = True
    visitor = services.tickets.register(clerk, data)
    assert visitor.row.status is TicketStatus.CLOSED  # registered at the door: done


def test_item_release_checks_identity_and_lists_items(services, clerk):
    details = TicketDetails(items=["旧沙发一张", "纸箱 3 个"], identity_checked=False)
    data = TicketInput(TicketKind.ITEM_RELEASE, Source.VISIT, "搬出旧家具", RESIDENT, details=details)
    with pytest.raises(ValidationError, match="identity"):
        services.tickets.register(clerk, data)
    details.identity_checked = True
    released = services.tickets.register(clerk, data)
    assert released.details.items == ["旧沙发一张", "纸箱 3 个"]
    assert released.row.status is TicketStatus.CLOSED


def test_a_message_stays_open_until_delivered(services, clerk):
    data = TicketInput(
        TicketKind.MESSAGE, Source.PHONE, "快递放在前台", RESIDENT, details=TicketDetails(recipient="3栋1203李太太")
    )
    message = services.tickets.register(clerk, data)
    assert message.row.status is TicketStatus.OPEN
    delivered = services.tickets.deliver(clerk, message.id, "已电话通知")
    assert delivered.row.status is TicketStatus.CLOSED and delivered.details.delivered


def test_residents_are_remembered_and_suggested(services, clerk, clock):
    _complaint(services, clerk)
    clock.advance(timedelta(minutes=5))
    services.tickets.register(clerk, TicketInput(TicketKind.CONSULTATION, Source.PHONE, "咨询停车费", RESIDENT))
    matches = services.tickets.residents_matching("李")
    assert [(r.name, r.building, r.room, r.phone) for r in matches] == [("李先生", "3栋", "2单元1203", "13800138000")]
    assert services.tickets.residents_matching("1380")[0].name == "李先生"
    assert services.tickets.residents_matching("3栋2单元")[0].name == "李先生"
    assert services.tickets.residents_matching("%") == []


# -- escalation -----------------------------------------------------------------------------
def test_escalation_at_the_right_moment(services, clerk, supervisor, manager, clock):
    ticket = _complaint(services, clerk)  # reply due at 12:00; supervisor 30 min before
    clock.advance(timedelta(minutes=89))  # 11:29
    assert services.tickets.escalate_due() == []
    clock.advance(timedelta(minutes=1))  # 11:30
    assert services.tickets.escalate_due() == [ticket.id]
    assert services.tickets.get(ticket.id).row.level is Role.SUPERVISOR
    assert services.tickets.escalate_due() == []  # once per level
    notices = services.tickets.notices(supervisor)
    assert [n.ticket_id for n in notices] == [ticket.id]
    assert services.tickets.notices(clerk) == [] and services.tickets.notices(manager) == []
    clock.advance(timedelta(minutes=30))  # 12:00: overdue, complaints go to the manager at once
    assert services.tickets.escalate_due() == [ticket.id]
    assert [n.ticket_id for n in services.tickets.notices(manager)] == [ticket.id]
    services.tickets.acknowledge(supervisor, [n.id for n in notices])
    assert services.tickets.notices(supervisor) == []


def test_on_demand_escalation_needs_a_reason(services, clerk, supervisor):
    ticket = _complaint(services, clerk)
    with pytest.raises(ValidationError, match="Reason"):
        services.tickets.escalate(clerk, ticket.id, "  ")
    raised = services.tickets.escalate(clerk, ticket.id, "业主情绪激动，要求主管处理")
    assert raised.row.level is Role.SUPERVISOR
    assert services.tickets.notices(supervisor)[0].reason == "业主情绪激动，要求主管处理"


def test_a_major_incident_goes_to_the_manager_and_needs_a_report(services, clerk, manager, clock):
    ticket = services.tickets.register(
        clerk, TicketInput(TicketKind.HELP_REQUEST, Source.PHONE, "5栋电梯困人", RESIDENT, urgency=Urgency.MAJOR)
    )
    assert ticket.row.level is Role.MANAGER
    report_clock = next(c for c in ticket.clocks if c.kind is ClockKind.INCIDENT_REPORT)
    assert report_clock.due_at == datetime(2026, 11, 25, 23, 59, tzinfo=TZ)
    assert services.tickets.notices(manager)[0].ticket_id == ticket.id
    services.tickets.complete(clerk, ticket.id, "电梯公司已救出")
    services.tickets.record_follow_up(clerk, ticket.id, "业主无碍", satisfied=True)
    written = services.tickets.write_incident_report(clerk, ticket.id, "11月24日10时5栋电梯困人，20分钟内救出……")
    assert written.incident_report is not None
    assert next(c for c in written.clocks if c.kind is ClockKind.INCIDENT_REPORT).met_at is not None


# -- the queue ------------------------------------------------------------------------------
def test_the_queue_sorts_by_what_is_due_first_and_filters(services, clerk, supervisor, clock):
    message = services.tickets.register(
        clerk, TicketInput(TicketKind.MESSAGE, Source.PHONE, "留言", RESIDENT, details=TicketDetails(recipient="王"))
    )
    late_repair = services.tickets.register(
        clerk,
        TicketInput(
            TicketKind.REPAIR,
            Source.PHONE,
            "门锁坏",
            ResidentInput("陈女士", "7栋", "1单元101", "13900000000"),
            details=TicketDetails(visit_at=clock.now() + timedelta(hours=5)),
        ),
    )
    complaint = _complaint(services, clerk)
    queue = services.tickets.page(TicketFilter(), 0, 10)
    assert [r.id for r in queue] == [complaint.id, late_repair.id, message.id]
    assert services.tickets.count(TicketFilter()) == 3
    assert [r.id for r in services.tickets.page(TicketFilter(), 1, 10)] == [late_repair.id, message.id]
    assert [r.id for r in services.tickets.page(TicketFilter(), 2, 10)] == [message.id]
    assert [r.id for r in services.tickets.page(TicketFilter(kinds=(TicketKind.REPAIR,)), 0, 10)] == [late_repair.id]
    assert [r.id for r in services.tickets.page(TicketFilter(building="7栋"), 0, 10)] == [late_repair.id]
    assert [r.id for r in services.tickets.page(TicketFilter(text="装修"), 0, 10)] == [complaint.id]
    assert [r.id for r in services.tickets.page(TicketFilter(text="陈女"), 0, 10)] == [late_repair.id]
    assert [r.id for r in services.tickets.page(TicketFilter(due_today=True), 0, 10)] == [complaint.id, late_repair.id]
    assert services.tickets.count(TicketFilter(overdue=True)) == 0
    clock.advance(timedelta(hours=3))
    assert [r.id for r in services.tickets.page(TicketFilter(overdue=True), 0, 10)] == [complaint.id]
    assert services.tickets.count(TicketFilter(clerk_id=supervisor.account_id)) == 0
    services.tickets.deliver(clerk, message.id)
    closed = services.tickets.page(TicketFilter(statuses=(TicketStatus.CLOSED,)), 0, 10)
    assert [r.id for r in closed] == [message.id]


def test_open_tickets_feed_the_handover(services, clerk, clock):
    complaint = _complaint(services, clerk)
    services.tickets.register(clerk, TicketInput(TicketKind.CONSULTATION, Source.PHONE, "问停车", RESIDENT))
    work = [w for w in services.tickets.open_work() if w.source is WorkSource.TICKET]
    assert [w.ref_id for w in work] == [complaint.id]
    assert not work[0].important
    clock.advance(timedelta(hours=3))
    assert services.tickets.open_work()[0].important  # overdue blocks the handover
    assert not services.tickets.is_closed(complaint.id)


def test_monthly_report_counts_replies_and_follow_ups(services, clerk, clock):
    on_time = _complaint(services, clerk)
    services.tickets.judge(clerk, on_time.id, Validity.VALID, "属实")
    services.tickets.reply(clerk, on_time.id, "已处理", resolved=True)
    services.tickets.record_follow_up(clerk, on_time.id, "满意", satisfied=True)
    late = _complaint(services, clerk)
    clock.advance(timedelta(hours=3))
    services.tickets.judge(clerk, late.id, Validity.VALID, "属实")
    services.tickets.reply(clerk, late.id, "已处理", resolved=True)
    report = services.tickets.monthly_report(2026, 11)
    assert report.complaints == 2 and report.valid == 2
    assert (report.replies_due, report.replies_on_time) == (2, 1)
    assert (report.follow_ups_due, report.follow_ups_done) == (2, 1)
    assert report.on_time_reply_rate == 0.5 and report.follow_up_rate == 0.5
    assert report.complaints_by_building == {"3栋": 2}
    assert services.tickets.monthly_report(2026, 10).complaints == 0
    # A complaint whose reply may still come on time does not count against the rate yet.
    _complaint(services, clerk)
    clock.advance(timedelta(hours=1))
    assert services.tickets.monthly_report(2026, 11).replies_due == 2
    clock.advance(timedelta(hours=1, minutes=1))
    assert services.tickets.monthly_report(2026, 11).replies_due == 3


# -- bad input writes nothing -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            TicketInput(TicketKind.COMPLAINT, Source.PHONE, "噪音", ResidentInput("李", "3栋", "101", "1380013800")),
            "not a phone",
        ),
        (
            TicketInput(
                TicketKind.COMPLAINT, Source.PHONE, "噪音", ResidentInput("李" * 10_000, "3栋", "101", "13800138000")
            ),
            "limit",
        ),
        (TicketInput(TicketKind.COMPLAINT, Source.PHONE, "   ", RESIDENT), "must not be empty"),
        (
            TicketInput(TicketKind.COMPLAINT, Source.PHONE, "噪音", ResidentInput("李", "3栋", "101", "")),
            "phone number is needed",
        ),
        (
            TicketInput(
                TicketKind.CONVENIENCE, Source.PHONE, "搬家", RESIDENT, details=TicketDetails(price_item_id=999)
            ),
            "price list",
        ),
        (TicketInput(TicketKind.MESSAGE, Source.PHONE, "留言", RESIDENT), "Recipient"),
        (TicketInput(TicketKind.CONSULTATION, Source.PHONE, "问", RESIDENT, urgency=Urgency.MAJOR), "major incident"),
    ],
)
def test_bad_input_is_refused_and_writes_nothing(services, clerk, data, message):
    with pytest.raises(ValidationError, match=message):
        services.tickets.register(clerk, data)
    assert _count_rows(services, Ticket) == 0
    assert _count_rows(services, TicketEvent) == 0


def test_a_visit_time_in_the_past_is_refused(services, clerk, clock):
    data = TicketInput(
        TicketKind.REPAIR,
        Source.PHONE,
        "漏水",
        RESIDENT,
        details=TicketDetails(visit_at=clock.now() - timedelta(hours=1)),
    )
    with pytest.raises(ValidationError, match="in the past"):
        services.tickets.register(clerk, data)
    assert _count_rows(services, Ticket) == 0


def test_phone_numbers():
    assert normalize_phone("+86 138-0013-8000", required=True) == "13800138000"
    assert normalize_phone("0755-8888 6666", required=True) == "075588886666"
    assert normalize_phone("8001", required=True) == "8001"
    for bad in ("12345678901", "abc", "138001380001", "000"):
        with pytest.raises(ValidationError):
            normalize_phone(bad, required=True)


def test_rules_and_price_list_are_for_supervisors(services, clerk, supervisor):
    with pytest.raises(PermissionDenied):
        services.tickets.add_price_item(clerk, "搬运", "次", 3000)
    with pytest.raises(PermissionDenied):
        services.tickets.set_rule(clerk, KindRule(TicketKind.COMPLAINT, reply_minutes=60))
    services.tickets.set_rule(supervisor, KindRule(TicketKind.COMPLAINT, reply_minutes=60, follow_up_working_days=1))
    assert services.tickets.rules()[TicketKind.COMPLAINT].reply_minutes == 60
    with pytest.raises(ValidationError, match="whole number"):
        services.tickets.set_rule(supervisor, KindRule(TicketKind.COMPLAINT, reply_minutes=0))
    with pytest.raises(ValidationError, match="price"):
        services.tickets.add_price_item(supervisor, "搬运", "次", -1)


def test_the_database_refuses_deleting_a_ticket_or_rewriting_its_history(services, clerk):
    ticket = _complaint(services, clerk)
    with pytest.raises(Exception, match="never deleted"), services.db.write() as session:
        session.execute(text("DELETE FROM ticket WHERE id = :id"), {"id": ticket.id})
    with pytest.raises(Exception, match="append-only"), services.db.write() as session:
        session.execute(text("UPDATE ticket_event SET note = 'x'"))
    assert services.tickets.get(ticket.id).row.description == "楼上装修噪音扰民"


def test_the_database_refuses_an_unknown_action_status_or_clock(services, clerk):
    ticket = _complaint(services, clerk)
    insert_event = (
        "INSERT INTO ticket_event (ticket_id, at, actor_id, action, status_from, status_to, note) "
        "VALUES (:id, '2026-11-24 02:00:00', NULL, :action, :before, NULL, '')"
    )
    for action, before in (("deleted", None), ("closed", "lost")):
        with pytest.raises(Exception, match="CHECK constraint failed"), services.db.write() as session:
            session.execute(text(insert_event), {"id": ticket.id, "action": action, "before": before})
    with pytest.raises(Exception, match="CHECK constraint failed"), services.db.write() as session:
        session.execute(text("UPDATE ticket SET due_clock = 'someday' WHERE id = :id"), {"id": ticket.id})
    assert [e.action for e in services.tickets.get(ticket.id).events] == ["registered"]
