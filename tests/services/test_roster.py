"""The roster's rules and storage, without the window: needs and bans, people's rules, the
month grid, publishing as versions, recorded changes (also enforced by the database), the
handover's expected successors, the solver problem, and leave/swap/cover under approval."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from desk_app.domain.errors import PermissionDenied, ValidationError
from desk_app.domain.roles import Role
from desk_app.domain.roster import ShiftNeed, StaffRules, Wish, follow_bans, is_night, rest_between
from desk_app.domain.shifts import ShiftTemplate
from desk_app.domain.workdays import HolidayCalendar
from desk_app.services.roster import CoverageGap, RosterSettings
from tests.conftest import CLERK_PASSWORD, SUPERVISOR_PASSWORD, TZ

DEC = (2026, 12)


@pytest.fixture
def shifts(services, supervisor):
    return {t.name: t.id for t in services.desk.shift_templates()}  # 早班 08-16, 中班 16-24, 夜班 00-08


@pytest.fixture
def li(services, supervisor):
    services.accounts.create(supervisor, "li", "李娜", CLERK_PASSWORD, Role.CLERK)
    return services.accounts.authenticate("li", CLERK_PASSWORD)


def _publish(services, supervisor) -> int:
    """Publish December as it stands, its shifts short of people accepted."""
    gaps = services.roster.coverage_gaps(*DEC)
    return services.roster.publish(supervisor, *DEC, password=SUPERVISOR_PASSWORD, accept_gaps=gaps)


# -- domain ------------------------------------------------------------------------------------
def test_night_shifts_and_rest_between_shifts():
    early = ShiftTemplate(1, "早班", 8 * 60 + 30, 480)
    late = ShiftTemplate(2, "晚班", 16 * 60 + 30, 420)  # ends 23:30
    night = ShiftTemplate(3, "夜班", 0, 480)
    overnight = ShiftTemplate(4, "值班", 20 * 60, 13 * 60)  # 20:00-09:00
    assert [is_night(t) for t in (early, late, night, overnight)] == [False, False, True, True]
    assert rest_between(late, early) == 9 * 60  # 23:30 → 08:30
    bans = follow_bans([early, late, night, overnight], 12 * 60)
    assert (2, 1) in bans and (1, 2) not in bans  # no 08:30 after a shift ending 23:30
    assert (4, 1) in bans  # 09:00 end → 08:30 next day: a negative rest
    assert follow_bans([early, late], 0, explicit=[(1, 2)]) == {(1, 2)}


def test_a_shift_needs_its_holiday_count_on_holidays_and_a_weekday_count_on_make_up_days():
    need = ShiftNeed(1, (2, 2, 2, 2, 2, 1, 1), holiday_count=3)
    calendar = HolidayCalendar()
    assert need.on(date(2026, 10, 1), calendar) == 3  # National Day
    assert need.on(date(2026, 10, 10), calendar) == 2  # a Saturday worked in exchange (调休上班)
    assert need.on(date(2026, 11, 28), calendar) == 1  # an ordinary Saturday
    assert need.on(date(2026, 11, 25), calendar) == 2


# -- rules -------------------------------------------------------------------------------------
def test_people_inherit_the_desk_defaults(services, supervisor, clerk, shifts):
    default = services.roster.default_rules()
    assert default.max_consecutive_days == 6  # 做六休一
    services.roster.set_rules(supervisor, clerk.account_id, StaffRules(no_nights=True, mobile="139 1234 5678"))
    member = next(m for m in services.roster.staff() if m.account_id == clerk.account_id)
    assert member.rules.no_nights and member.rules.max_consecutive_days == 6
    assert member.rules.mobile == "13912345678"
    services.roster.set_rules(supervisor, None, StaffRules(max_consecutive_days=5, max_shifts={shifts["夜班"]: 8}))
    member = next(m for m in services.roster.staff() if m.account_id == clerk.account_id)
    assert member.rules.max_consecutive_days == 5 and member.rules.max_shifts == {shifts["夜班"]: 8}


@pytest.mark.parametrize(
    "rules",
    [
        StaffRules(max_consecutive_days=0),
        StaffRules(min_minutes=9000, max_minutes=100),
        StaffRules(max_weekends=9),
        StaffRules(max_shifts={999: 3}),
        StaffRules(max_shifts={1: 40}),
        StaffRules(mobile="电话12"),
    ],
)
def test_bad_rules_are_refused(services, supervisor, clerk, rules):
    with pytest.raises(ValidationError):
        services.roster.set_rules(supervisor, clerk.account_id, rules)
    assert services.roster.rules_of(clerk.account_id) == StaffRules()


def test_only_a_supervisor_sets_rules_and_needs(services, clerk, shifts):
    with pytest.raises(PermissionDenied):
        services.roster.set_rules(clerk, clerk.account_id, StaffRules(max_weekends=0))
    with pytest.raises(PermissionDenied):
        services.roster.set_need(clerk, ShiftNeed(shifts["早班"], (2,) * 7, 2))


def test_min_rest_makes_the_bans(services, supervisor, shifts):
    bans = services.roster.bans()  # 12 h by default: 中班 (ends 24:00) then 早班 08:00 is 8 h
    assert (shifts["中班"], shifts["早班"]) in bans
    services.roster.set_settings(supervisor, RosterSettings(min_rest_minutes=0))
    assert services.roster.bans() == set()
    with pytest.raises(ValidationError):
        services.roster.set_settings(supervisor, RosterSettings(cover_max_minutes=300))


# -- the month ------------------------------------------------------------------------------
def test_a_draft_changes_freely_and_publishing_makes_version_one(services, supervisor, clerk, shifts):
    services.roster.set_cell(supervisor, date(2026, 12, 1), clerk.account_id, shifts["早班"])
    services.roster.set_cell(supervisor, date(2026, 12, 2), clerk.account_id, shifts["中班"])
    services.roster.set_cell(supervisor, date(2026, 12, 2), clerk.account_id, shifts["夜班"])
    view = services.roster.month(*DEC)
    assert view.status == "draft" and len(view.days) == 31
    assert view.shift_of(clerk.account_id, date(2026, 12, 2)) == shifts["夜班"]
    assert _publish(services, supervisor) == 1
    view = services.roster.month(*DEC)
    assert view.published and view.version == 1
    assert services.roster.version_snapshot(*DEC, 1)["cells"] == [
        [clerk.account_id, "2026-12-01", shifts["早班"]],
        [clerk.account_id, "2026-12-02", shifts["夜班"]],
    ]
    with pytest.raises(ValidationError):
        _publish(services, supervisor)


def test_a_published_month_changes_only_with_a_reason_and_each_change_is_a_version(services, supervisor, clerk, shifts):
    services.roster.set_cell(supervisor, date(2026, 12, 1), clerk.account_id, shifts["早班"])
    _publish(services, supervisor)
    with pytest.raises(ValidationError):  # no reason
        services.roster.set_cell(supervisor, date(2026, 12, 1), clerk.account_id, shifts["中班"])
    services.roster.set_cell(supervisor, date(2026, 12, 1), clerk.account_id, shifts["中班"], reason="早班人员调整")
    view = services.roster.month(*DEC)
    assert view.version == 2 and view.shift_of(clerk.account_id, date(2026, 12, 1)) == shifts["中班"]
    [change] = services.roster.changes(*DEC)
    assert (change.version, change.before, change.after, change.reason, change.by) == (
        2,
        shifts["早班"],
        shifts["中班"],
        "早班人员调整",
        "张敏",
    )
    assert services.roster.version_snapshot(*DEC, 1)["cells"][0][2] == shifts["早班"]  # the old version stays


def test_the_database_refuses_an_unrecorded_change_to_a_published_month(services, supervisor, clerk, shifts):
    services.roster.set_cell(supervisor, date(2026, 12, 1), clerk.account_id, shifts["早班"])
    _publish(services, supervisor)
    with services.db.engine.begin() as conn, pytest.raises(IntegrityError):
        conn.execute(text("UPDATE roster_cell SET template_id = :t"), {"t": shifts["夜班"]})
    with services.db.engine.begin() as conn, pytest.raises(IntegrityError):
        conn.execute(text("DELETE FROM roster_cell"))
    with services.db.engine.begin() as conn, pytest.raises(IntegrityError):
        conn.execute(text("DELETE FROM roster_version"))
    assert services.roster.month(*DEC).shift_of(clerk.account_id, date(2026, 12, 1)) == shifts["早班"]


def test_the_handover_knows_who_is_expected_from_the_published_roster(services, supervisor, clerk, shifts):
    day = date(2026, 12, 3)
    services.roster.set_cell(supervisor, day, clerk.account_id, shifts["中班"])
    assert services.roster.expected_on(day, shifts["中班"]) == []  # a draft promises nothing
    _publish(services, supervisor)
    assert services.roster.expected_on(day, shifts["中班"]) == [(clerk.account_id, "王丽")]
    assert services.roster.expected_on(day, shifts["早班"]) == []


def test_coverage_gaps_are_counted(services, supervisor, clerk, shifts):
    services.roster.set_need(supervisor, ShiftNeed(shifts["早班"], (2, 2, 2, 2, 2, 1, 1), 2))
    services.roster.set_cell(supervisor, date(2026, 12, 1), clerk.account_id, shifts["早班"])
    gaps = {(g.day, g.template_id): (g.needed, g.planned) for g in services.roster.coverage_gaps(*DEC)}
    assert gaps[(date(2026, 12, 1), shifts["早班"])] == (2, 1)
    assert gaps[(date(2026, 12, 5), shifts["早班"])] == (1, 0)  # a Saturday
    assert len(gaps) == 31 * 3


def _journal_rows(services) -> int:
    with services.db.read() as session:
        return session.execute(text("SELECT count(*) FROM journal")).scalar_one()


def test_a_gap_that_got_worse_since_it_was_accepted_refuses_the_publishing(services, supervisor, clerk, shifts):
    services.roster.set_need(supervisor, ShiftNeed(shifts["早班"], (2,) * 7, 2))
    services.roster.set_cell(supervisor, date(2026, 12, 1), clerk.account_id, shifts["早班"])
    seen = services.roster.coverage_gaps(*DEC)  # 12-01 早班: 1 of 2 people
    services.roster.set_cell(supervisor, date(2026, 12, 1), clerk.account_id, None)  # now 0 of 2
    with pytest.raises(ValidationError) as refused:
        services.roster.publish(supervisor, *DEC, password=SUPERVISOR_PASSWORD, accept_gaps=seen)
    assert refused.value.params == {"count": 1}
    assert not services.roster.month(*DEC).published
    now = services.roster.coverage_gaps(*DEC)
    assert services.roster.publish(supervisor, *DEC, password=SUPERVISOR_PASSWORD, accept_gaps=now) == 1


def test_publishing_a_month_with_gaps_needs_them_accepted(services, supervisor, clerk, shifts):
    services.roster.set_need(supervisor, ShiftNeed(shifts["早班"], (2,) * 7, 2))
    services.roster.set_cell(supervisor, date(2026, 12, 1), clerk.account_id, shifts["早班"])
    gaps = services.roster.coverage_gaps(*DEC)
    assert len(gaps) == 31 * 3
    before = _journal_rows(services)
    # Without the gaps accepted: refused, saying how many, and nothing is written.
    with pytest.raises(ValidationError) as refused:
        services.roster.publish(supervisor, *DEC, password=SUPERVISOR_PASSWORD)
    assert refused.value.params == {"count": 31 * 3}
    assert "short of people" in str(refused.value)
    # Accepting some of them is not accepting all of them.
    with pytest.raises(ValidationError) as partly:
        services.roster.publish(supervisor, *DEC, password=SUPERVISOR_PASSWORD, accept_gaps=gaps[:-1])
    assert partly.value.params == {"count": 1}
    # Gaps accepted before the month changed do not cover a gap that is new since.
    services.roster.set_cell(supervisor, date(2026, 12, 2), clerk.account_id, shifts["中班"])
    accepted = services.roster.coverage_gaps(*DEC)
    services.roster.set_cell(supervisor, date(2026, 12, 2), clerk.account_id, None)
    with pytest.raises(ValidationError):
        services.roster.publish(supervisor, *DEC, password=SUPERVISOR_PASSWORD, accept_gaps=accepted)
    after_refusals = _journal_rows(services)
    assert after_refusals == before + 2  # only the two cell edits of the test itself
    view = services.roster.month(*DEC)
    assert not view.published and view.version == 0
    # With every gap accepted it is published, and the record says so.
    gaps = services.roster.coverage_gaps(*DEC)
    assert services.roster.publish(supervisor, *DEC, password=SUPERVISOR_PASSWORD, accept_gaps=gaps) == 1
    assert services.roster.month(*DEC).published
    assert services.roster.version_snapshot(*DEC, 1)["version"] == 1


def test_a_month_without_gaps_publishes_without_accepting_anything(services, supervisor, clerk, shifts):
    for template_id in shifts.values():
        services.roster.set_need(supervisor, ShiftNeed(template_id, (0,) * 7, 0))
    services.roster.set_need(supervisor, ShiftNeed(shifts["早班"], (0, 0, 1, 0, 0, 0, 0), 0))  # Wednesdays
    for day in (2, 9, 16, 23, 30):
        services.roster.set_cell(supervisor, date(2026, 12, day), clerk.account_id, shifts["早班"])
    assert services.roster.coverage_gaps(*DEC) == []
    assert services.roster.publish(supervisor, *DEC, password=SUPERVISOR_PASSWORD) == 1


def test_the_months_summary_counts_gaps_wishes_and_rule_breaks_from_its_cells(services, supervisor, clerk, li, shifts):
    services.roster.set_rules(supervisor, clerk.account_id, StaffRules(max_consecutive_days=2))
    for day in range(1, 4):  # 王丽 three 早班 in a row: one rule not kept
        services.roster.set_cell(supervisor, date(2026, 12, day), clerk.account_id, shifts["早班"])
    services.roster.set_cell(supervisor, date(2026, 12, 1), li.account_id, shifts["早班"])  # one too many
    services.roster.set_wish(clerk, Wish(clerk.account_id, date(2026, 12, 2), None, "off", 4))  # not met
    services.roster.set_wish(li, Wish(li.account_id, date(2026, 12, 1), shifts["早班"], "on", 2))  # met
    summary = services.roster.summary(*DEC)
    assert len(summary.gaps) == 31 * 3 - 3 and summary.people_missing == 31 * 3 - 3
    assert not summary.complete
    assert (date(2026, 12, 1), shifts["早班"]) not in {(g.day, g.template_id) for g in summary.gaps}
    [wish] = summary.wishes
    assert (wish.account_id, wish.day, wish.subject, wish.wish, wish.weight) == (
        clerk.account_id,
        date(2026, 12, 2),
        "王丽",
        "off",
        4,
    )
    [rule] = summary.rules
    assert (rule.account_id, rule.day, rule.rule) == (clerk.account_id, date(2026, 12, 1), "max_consecutive_days")
    assert services.roster.coverage_gaps(*DEC) == [
        CoverageGap(g.day, g.template_id, g.needed, g.planned) for g in summary.gaps
    ]


def test_the_solver_problem_holds_rules_leave_wishes_and_locked_cells(services, supervisor, clerk, li, shifts, clock):
    services.roster.set_rules(supervisor, li.account_id, StaffRules(no_nights=True))
    services.roster.set_cell(supervisor, date(2026, 12, 24), clerk.account_id, shifts["早班"], locked=True)
    services.roster.set_wish(clerk, Wish(clerk.account_id, date(2026, 12, 25), None, "off", 3))
    request = services.requests.request_leave(li, date(2026, 12, 10), date(2026, 12, 11), "回老家")
    services.requests.decide(supervisor, request.id, True, "", password=SUPERVISOR_PASSWORD)
    problem = services.roster.problem(*DEC)
    assert problem["start_date"] == "2026-12-01" and problem["days"] == 31
    people = {p["id"]: p for p in problem["staff"]}
    assert people[f"a{li.account_id}"]["max_shifts"][f"s{shifts['夜班']}"] == 0  # no nights
    assert people[f"a{li.account_id}"]["days_off"] == [9, 10]
    assert problem["requests"] == [
        {"staff": f"a{clerk.account_id}", "day": 24, "shift": None, "kind": "off", "weight": 3}
    ]
    assert {"staff": f"a{clerk.account_id}", "day": 23, "shift": f"s{shifts['早班']}"} in problem["locked"]
    assert len(problem["cover"]) == 31 * 3
    middle = next(s for s in problem["shifts"] if s["id"] == f"s{shifts['中班']}")
    assert f"s{shifts['早班']}" in middle["cannot_be_followed_by"]


def test_a_generated_roster_replaces_the_draft_but_keeps_locked_cells(services, supervisor, clerk, li, shifts):
    services.roster.set_cell(supervisor, date(2026, 12, 1), clerk.account_id, shifts["夜班"], locked=True)
    services.roster.set_cell(supervisor, date(2026, 12, 2), clerk.account_id, shifts["夜班"])
    written = services.roster.apply_solution(
        supervisor,
        *DEC,
        [(clerk.account_id, date(2026, 12, 1), shifts["早班"]), (li.account_id, date(2026, 12, 3), shifts["中班"])],
    )
    assert written == 1
    view = services.roster.month(*DEC)
    assert view.shift_of(clerk.account_id, date(2026, 12, 1)) == shifts["夜班"]  # locked stays
    assert view.shift_of(clerk.account_id, date(2026, 12, 2)) is None  # unlocked draft replaced
    assert view.shift_of(li.account_id, date(2026, 12, 3)) == shifts["中班"]
    _publish(services, supervisor)
    with pytest.raises(ValidationError):
        services.roster.apply_solution(supervisor, *DEC, [])


# -- requests ------------------------------------------------------------------------------------
def test_leave_is_asked_a_day_ahead(services, clerk, clock):
    today = clock.now().date()
    with pytest.raises(ValidationError):
        services.requests.request_leave(clerk, today, today, "发烧")
    with pytest.raises(ValidationError):
        services.requests.request_leave(clerk, today + timedelta(days=2), today + timedelta(days=1), "反了")
    with pytest.raises(ValidationError):
        services.requests.request_leave(clerk, today + timedelta(days=1), today + timedelta(days=1), "  ")
    request = services.requests.request_leave(clerk, today + timedelta(days=1), today + timedelta(days=1), "看病")
    assert request.status == "pending"


def test_approved_leave_takes_the_shifts_off_the_published_roster_with_a_record(services, supervisor, clerk, shifts):
    for day in (date(2026, 12, 7), date(2026, 12, 8)):
        services.roster.set_cell(supervisor, day, clerk.account_id, shifts["早班"])
    _publish(services, supervisor)
    request = services.requests.request_leave(clerk, date(2026, 12, 7), date(2026, 12, 8), "婚假")
    assert services.roster.month(*DEC).shift_of(clerk.account_id, date(2026, 12, 7)) == shifts["早班"]
    decided = services.requests.decide(supervisor, request.id, True, "同意", password=SUPERVISOR_PASSWORD)
    assert decided.status == "approved" and decided.decided_by == "张敏"
    view = services.roster.month(*DEC)
    assert view.shift_of(clerk.account_id, date(2026, 12, 7)) is None
    assert view.cells[(clerk.account_id, date(2026, 12, 7))] == (None, True)  # a locked day off
    changes = services.roster.changes(*DEC)
    assert [c.reason.startswith(f"请假 #{request.id}") for c in changes] == [True, True]
    assert view.version == 3
    with pytest.raises(ValidationError):  # decided once
        services.requests.decide(supervisor, request.id, False, "改主意", password=SUPERVISOR_PASSWORD)


def test_a_decline_needs_a_reason_and_changes_nothing(services, supervisor, clerk, shifts):
    services.roster.set_cell(supervisor, date(2026, 12, 7), clerk.account_id, shifts["早班"])
    _publish(services, supervisor)
    request = services.requests.request_leave(clerk, date(2026, 12, 7), date(2026, 12, 7), "私事")
    with pytest.raises(ValidationError):
        services.requests.decide(supervisor, request.id, False, "", password=SUPERVISOR_PASSWORD)
    declined = services.requests.decide(supervisor, request.id, False, "当天人手不足", password=SUPERVISOR_PASSWORD)
    assert declined.status == "declined"
    assert services.roster.month(*DEC).shift_of(clerk.account_id, date(2026, 12, 7)) == shifts["早班"]


def test_a_clerk_cannot_decide_and_nobody_decides_their_own(services, supervisor, clerk, li):
    request = services.requests.request_leave(li, date(2026, 12, 7), date(2026, 12, 7), "私事")
    with pytest.raises(PermissionDenied):
        services.requests.decide(clerk, request.id, True, "", password=SUPERVISOR_PASSWORD)
    own = services.requests.request_leave(supervisor, date(2026, 12, 7), date(2026, 12, 7), "私事")
    with pytest.raises(PermissionDenied):
        services.requests.decide(supervisor, own.id, True, "", password=SUPERVISOR_PASSWORD)


def test_an_approved_swap_exchanges_the_two_shifts(services, supervisor, clerk, li, shifts):
    services.roster.set_cell(supervisor, date(2026, 12, 7), clerk.account_id, shifts["早班"])
    services.roster.set_cell(supervisor, date(2026, 12, 9), li.account_id, shifts["中班"])
    with pytest.raises(ValidationError):  # not published yet: nothing to swap
        services.requests.request_swap(clerk, date(2026, 12, 7), li.account_id, date(2026, 12, 9), "家里有事")
    _publish(services, supervisor)
    request = services.requests.request_swap(clerk, date(2026, 12, 7), li.account_id, date(2026, 12, 9), "家里有事")
    assert services.roster.month(*DEC).shift_of(clerk.account_id, date(2026, 12, 7)) == shifts["早班"]  # not yet
    services.requests.decide(supervisor, request.id, True, "", password=SUPERVISOR_PASSWORD)
    view = services.roster.month(*DEC)
    assert view.shift_of(clerk.account_id, date(2026, 12, 7)) is None
    assert view.shift_of(clerk.account_id, date(2026, 12, 9)) == shifts["中班"]
    assert view.shift_of(li.account_id, date(2026, 12, 7)) == shifts["早班"]
    assert view.shift_of(li.account_id, date(2026, 12, 9)) is None
    assert services.roster.expected_on(date(2026, 12, 7), shifts["早班"]) == [(li.account_id, "李娜")]
    assert len(services.roster.changes(*DEC)) == 4


def test_a_cover_is_at_most_four_hours_and_inside_the_shift(services, supervisor, clerk, li, shifts):
    services.roster.set_cell(supervisor, date(2026, 12, 7), clerk.account_id, shifts["早班"])
    _publish(services, supervisor)

    def at(hour: int, minute: int = 0) -> datetime:
        return datetime(2026, 12, 7, hour, minute, tzinfo=TZ)

    with pytest.raises(ValidationError):
        services.requests.request_cover(clerk, date(2026, 12, 7), li.account_id, at(9), at(13, 1), "体检")
    with pytest.raises(ValidationError):  # after the shift's end
        services.requests.request_cover(clerk, date(2026, 12, 7), li.account_id, at(14), at(17), "体检")
    request = services.requests.request_cover(clerk, date(2026, 12, 7), li.account_id, at(9), at(13), "体检")
    services.requests.decide(supervisor, request.id, True, "", password=SUPERVISOR_PASSWORD)
    assert services.roster.month(*DEC).shift_of(clerk.account_id, date(2026, 12, 7)) == shifts["早班"]
    # Whatever writes to the file, the database refuses a cover longer than four hours.
    with services.db.engine.begin() as conn, pytest.raises(IntegrityError):
        conn.execute(
            text("UPDATE staff_request SET cover_end = '2026-12-07 06:00:00' WHERE id = :i"), {"i": request.id}
        )


def test_a_request_is_withdrawn_only_by_its_author(services, supervisor, clerk, li):
    request = services.requests.request_leave(clerk, date(2026, 12, 7), date(2026, 12, 7), "私事")
    with pytest.raises(PermissionDenied):
        services.requests.withdraw(li, request.id)
    assert services.requests.withdraw(clerk, request.id).status == "withdrawn"
    assert services.requests.requests(pending_only=True) == []


def test_wishes_are_for_days_to_come_and_ones_own(services, clerk, li, clock):
    with pytest.raises(ValidationError):
        services.roster.set_wish(clerk, Wish(clerk.account_id, clock.now().date(), None, "off", 2))
    with pytest.raises(PermissionDenied):
        services.roster.set_wish(clerk, Wish(li.account_id, date(2026, 12, 7), None, "off", 2))
    with pytest.raises(ValidationError):
        services.roster.set_wish(clerk, Wish(clerk.account_id, date(2026, 12, 7), None, "off", 11))
    services.roster.set_wish(clerk, Wish(clerk.account_id, date(2026, 12, 7), None, "off", 2))
    services.roster.set_wish(clerk, Wish(clerk.account_id, date(2026, 12, 7), None, "on", 1))  # replaces
    assert services.roster.wishes(date(2026, 12, 1), date(2026, 12, 31)) == [
        Wish(clerk.account_id, date(2026, 12, 7), None, "on", 1)
    ]


def test_shifts_are_added_and_retired_but_never_all(services, supervisor, clerk):
    added = services.desk.add_shift_template(supervisor, "白班", 8 * 60 + 30, 480)
    assert added.name in [t.name for t in services.roster.templates()]
    with pytest.raises(PermissionDenied):
        services.desk.add_shift_template(clerk, "晚班", 17 * 60, 240)
    with pytest.raises(ValidationError):
        services.desk.add_shift_template(supervisor, "长班", 8 * 60, 25 * 60)
    for template in services.roster.templates()[:-1]:
        services.desk.retire_shift_template(supervisor, template.id)
    last = services.roster.templates()
    assert len(last) == 1
    with pytest.raises(ValidationError):
        services.desk.retire_shift_template(supervisor, last[0].id)
    # Retired shifts stay known to the log and old rosters.
    assert len(services.desk.shift_templates(include_inactive=True)) == 4


def test_a_published_month_records_a_kept_day_off_and_ignores_no_change(services, supervisor, clerk, shifts):
    services.roster.set_cell(supervisor, date(2026, 12, 1), clerk.account_id, shifts["早班"])
    _publish(services, supervisor)
    services.roster.set_cell(supervisor, date(2026, 12, 1), clerk.account_id, shifts["早班"], reason="不变")
    assert services.roster.month(*DEC).version == 1  # the same cell again: no new version
    services.roster.set_cell(supervisor, date(2026, 12, 2), clerk.account_id, None, locked=True, reason="调休")
    view = services.roster.month(*DEC)
    assert view.version == 2 and view.cells[(clerk.account_id, date(2026, 12, 2))] == (None, True)
