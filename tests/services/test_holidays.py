"""The desk's holiday table: supervisors only, bad input writes nothing, a year confirmed
with who, when and which notice; the tables journal-covered and checked by the database;
the roster and the ticket clocks follow it."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from desk_app.domain.errors import NotFound, PermissionDenied, ValidationError
from desk_app.domain.roster import ShiftNeed
from desk_app.domain.tickets import ClockKind, Source, TicketDetails, TicketKind, Validity
from desk_app.domain.workdays import DayKind, DaySource
from desk_app.services import integrity
from desk_app.services.tickets import ResidentInput, TicketFilter, TicketInput
from desk_app.storage import journal
from desk_app.storage.models import AuditEvent, HolidayDay, HolidayYear
from tests.conftest import CLERK_PASSWORD, SUPERVISOR_PASSWORD, TZ

NOTICE = "国办发明电〔2026〕7号"


def _count(services, *models) -> tuple[int, ...]:
    with services.db.read() as session:
        return tuple(int(session.scalar(select(func.count()).select_from(m)) or 0) for m in models)


def _journal_events(services) -> int:
    with services.db.engine.connect() as conn:
        return int(conn.exec_driver_sql("SELECT count(*) FROM journal").scalar() or 0)


def test_a_clerk_cannot_change_the_holidays(services, supervisor, clerk):
    with pytest.raises(PermissionDenied):
        services.holidays.set_day(clerk, 2027, date(2027, 2, 11), DayKind.HOLIDAY, "春节")
    with pytest.raises(PermissionDenied):
        services.holidays.confirm_year(clerk, 2027, NOTICE)
    services.holidays.set_day(supervisor, 2027, date(2027, 2, 11), DayKind.HOLIDAY, "春节")
    with pytest.raises(PermissionDenied):
        services.holidays.remove_day(clerk, 2027, date(2027, 2, 11))
    assert _count(services, HolidayDay, HolidayYear) == (1, 0)


@pytest.mark.parametrize(
    ("year", "day", "kind", "name", "says"),
    [
        (2027, date(2026, 12, 31), DayKind.HOLIDAY, "元旦", "is not in 2027"),
        (2027, date(2027, 2, 11), DayKind.HOLIDAY, "   ", "must not be empty"),
        (2027, date(2027, 2, 11), DayKind.HOLIDAY, "春" * 21, "the limit is 20"),
        (2027, date(2027, 2, 11), "bridge", "春节", "Unknown kind of day: bridge"),
        (2027, date(2027, 2, 11), DayKind.WORKDAY, "春节", "a make-up working day is a Saturday or Sunday"),
        (1999, date(1999, 1, 1), DayKind.HOLIDAY, "元旦", "from 2000 to 2100"),
    ],
)
def test_bad_input_is_refused_with_a_reason_and_writes_nothing(services, supervisor, year, day, kind, name, says):
    before = _journal_events(services), _count(services, HolidayDay, HolidayYear, AuditEvent)
    with pytest.raises(ValidationError) as refused:
        services.holidays.set_day(supervisor, year, day, kind, name)
    assert says in refused.value.english()
    assert (_journal_events(services), _count(services, HolidayDay, HolidayYear, AuditEvent)) == before


def test_a_year_without_its_notice_reference_is_not_confirmed(services, supervisor):
    for notice in ("", "  ", "号" * 101):
        with pytest.raises(ValidationError):
            services.holidays.confirm_year(supervisor, 2027, notice)
    assert _count(services, HolidayYear) == (0,)
    with pytest.raises(NotFound):
        services.holidays.remove_day(supervisor, 2027, date(2027, 2, 11))


def test_the_year_shows_the_librarys_days_and_the_desks_each_with_its_source(services, supervisor):
    view = services.holidays.year(2027)
    assert not view.confirmed and not view.library_confirmed and view.confirmation is None
    new_year = next(d for d in view.days if d.day == date(2027, 1, 1))
    assert (new_year.kind, new_year.name, new_year.source) == (DayKind.HOLIDAY, "元旦", DaySource.LIBRARY)
    services.holidays.set_day(supervisor, 2027, date(2027, 2, 10), DayKind.ORDINARY, "")
    services.holidays.set_day(supervisor, 2027, date(2027, 2, 20), DayKind.WORKDAY, "春节")
    days = {d.day: d for d in services.holidays.year(2027).days}
    assert days[date(2027, 2, 10)].source is DaySource.DESK
    assert days[date(2027, 2, 10)].library is not None and days[date(2027, 2, 10)].library.name == "春节"
    assert days[date(2027, 2, 20)].kind is DayKind.WORKDAY and days[date(2027, 2, 20)].library is None
    calendar = services.holidays.calendar()
    assert calendar.is_workday(date(2027, 2, 10)) and calendar.is_workday(date(2027, 2, 20))
    services.holidays.remove_day(supervisor, 2027, date(2027, 2, 10))
    assert services.holidays.calendar().is_holiday(date(2027, 2, 10))  # the library's again


def test_confirming_a_year_records_who_when_and_which_notice(services, supervisor, clock):
    assert services.holidays.upcoming_unconfirmed() == [2027]  # 2026-11-24 + 60 days reaches 2027
    confirmation = services.holidays.confirm_year(supervisor, 2027, f"  {NOTICE} ")
    assert confirmation.notice == NOTICE
    view = services.holidays.year(2027)
    assert view.confirmed and view.confirmation is not None
    assert (view.confirmation.by, view.confirmation.notice) == ("张敏", NOTICE)
    assert view.confirmation.at == clock.now().astimezone(TZ)
    assert services.holidays.upcoming_unconfirmed() == []
    with services.db.read() as session:
        row = session.get(HolidayYear, 2027)
        assert row is not None and row.confirmed_by_id == supervisor.account_id
        actions = list(session.scalars(select(AuditEvent.action)))
    assert "holiday.year_confirmed" in actions


def test_the_tables_are_journal_covered_and_the_database_checks_the_kind(services, supervisor):
    services.holidays.set_day(supervisor, 2027, date(2027, 2, 11), DayKind.HOLIDAY, "春节")
    services.holidays.confirm_year(supervisor, 2027, NOTICE)
    with services.db.engine.connect() as conn:
        events = conn.exec_driver_sql(
            "SELECT tbl, op, writer FROM journal WHERE tbl IN ('holiday_day', 'holiday_year') ORDER BY seq"
        ).all()
    assert events == [
        ("holiday_day", "insert", supervisor.account_id),
        ("holiday_year", "insert", supervisor.account_id),
    ]
    assert integrity.verify(services.db).ok
    raw = sqlite3.connect(services.db.engine.url.database, isolation_level=None)
    try:
        journal.install_functions(raw, journal.JournalContext())
        with pytest.raises(sqlite3.IntegrityError, match="known_day_kind"):
            raw.execute(
                "INSERT INTO holiday_day (day, kind, name, set_by_id, set_at) "
                "VALUES ('2027-02-12', 'bridge', '春节', 1, '2026-11-24 02:00:00')"
            )
        with pytest.raises(sqlite3.IntegrityError, match="named_day"):
            raw.execute(
                "INSERT INTO holiday_day (day, kind, name, set_by_id, set_at) "
                "VALUES ('2027-02-12', 'holiday', ' ', 1, '2026-11-24 02:00:00')"
            )
        # Behind the program's back, with the triggers dropped: verify names it.
        for statement in journal.drop_triggers_ddl("holiday_day"):
            raw.execute(statement)
        raw.execute("UPDATE holiday_day SET kind = 'workday'")
    finally:
        raw.close()
    report = integrity.verify(services.db)
    assert not report.ok
    assert any("holiday table day 2027-02-11 was changed" in f.message for f in report.findings), report.describe()


def test_the_roster_needs_follow_the_desks_holidays(services, supervisor):
    template = services.roster.templates()[0]
    services.roster.set_need(supervisor, ShiftNeed(template.id, (1, 1, 1, 1, 1, 1, 1), holiday_count=3))
    services.holidays.set_day(supervisor, 2026, date(2026, 12, 24), DayKind.HOLIDAY, "平安夜")
    gaps = {(g.day, g.template_id): g.needed for g in services.roster.coverage_gaps(2026, 12)}
    assert gaps[(date(2026, 12, 24), template.id)] == 3
    assert gaps[(date(2026, 12, 23), template.id)] == 1


def test_a_follow_up_due_in_an_unconfirmed_year_is_provisional_until_the_year_is_confirmed(
    services, supervisor, clerk, clock
):
    clock.set(datetime(2026, 12, 30, 10, 0, tzinfo=TZ))  # Wednesday; 2027-01-01 is 元旦
    clerk = services.accounts.authenticate("wang", CLERK_PASSWORD)  # signed in again, that day
    supervisor = services.accounts.authenticate("zhang", SUPERVISOR_PASSWORD)
    resident = ResidentInput("李先生", "3栋", "2单元1203", "138 0013 8000")
    details = TicketDetails(solved_on_spot=True, validity=Validity.VALID)
    ticket = services.tickets.register(
        clerk, TicketInput(TicketKind.COMPLAINT, Source.PHONE, "楼上装修噪音扰民", resident, details=details)
    )
    assert ticket.row.due_clock is ClockKind.FOLLOW_UP
    # 12-31 is the first working day; 01-01 to 01-03 are 元旦 (the library's guess): 01-04.
    assert ticket.row.due_at.date() == date(2027, 1, 4)
    assert ticket.row.due_provisional
    assert next(c for c in ticket.clocks if c.kind is ClockKind.FOLLOW_UP).provisional
    services.holidays.confirm_year(supervisor, 2027, NOTICE)
    again = services.tickets.get(ticket.id)
    assert not again.row.due_provisional
    assert not next(c for c in again.clocks if c.kind is ClockKind.FOLLOW_UP).provisional
    assert again.row.due_at.date() == date(2027, 1, 4)  # the notice agreed with the guess
    # The notice gives 01-04 off as well: the due moves to the next working day.
    services.holidays.set_day(supervisor, 2027, date(2027, 1, 4), DayKind.HOLIDAY, "元旦")
    moved = services.tickets.get(ticket.id)
    assert moved.row.due_at == datetime(2027, 1, 5, 23, 59, tzinfo=TZ)
    assert next(c for c in moved.clocks if c.kind is ClockKind.FOLLOW_UP).due_at == moved.row.due_at
    services.holidays.unconfirm_year(supervisor, 2027)
    assert services.tickets.get(ticket.id).row.due_provisional


def _follow_up_complaint(services, clerk):
    resident = ResidentInput("李先生", "3栋", "2单元1203", "138 0013 8000")
    details = TicketDetails(solved_on_spot=True, validity=Validity.VALID)
    return services.tickets.register(
        clerk, TicketInput(TicketKind.COMPLAINT, Source.PHONE, "楼上装修噪音扰民", resident, details=details)
    )


def test_a_follow_up_due_across_the_spring_festival_moves_when_the_desk_enters_its_days(
    services, supervisor, clerk, clock
):
    clock.set(datetime(2027, 2, 3, 10, 0, tzinfo=TZ))  # Wednesday; the library guesses 02-05 to 02-10 off
    clerk = services.accounts.authenticate("wang", CLERK_PASSWORD)
    supervisor = services.accounts.authenticate("zhang", SUPERVISOR_PASSWORD)
    ticket = _follow_up_complaint(services, clerk)
    done = _follow_up_complaint(services, clerk)
    services.tickets.record_follow_up(clerk, done.id, "已回访，满意", satisfied=True)
    # 02-04 is the first working day, 02-05 to 02-10 are off: the second is 02-11.
    assert ticket.row.due_at == datetime(2027, 2, 11, 23, 59, tzinfo=TZ)
    clock.set(datetime(2027, 2, 4, 9, 0, tzinfo=TZ))  # a day later the notice is in
    seen = _journal_events(services)
    services.holidays.set_day(supervisor, 2027, date(2027, 2, 11), DayKind.HOLIDAY, "春节")
    services.holidays.set_day(supervisor, 2027, date(2027, 2, 12), DayKind.HOLIDAY, "春节")
    # Counted again from 02-03 (when the clock started, not from today): 02-04, then 02-15.
    again = services.tickets.get(ticket.id)
    assert again.row.due_at == datetime(2027, 2, 15, 23, 59, tzinfo=TZ)
    assert next(c for c in again.clocks if c.kind is ClockKind.FOLLOW_UP).due_at == again.row.due_at
    assert services.tickets.get(done.id).row.due_at is None  # closed: left alone
    with services.db.read() as session:
        moves = list(
            session.scalars(
                select(AuditEvent.detail)
                .where(AuditEvent.action == "ticket.follow_up_due_moved")
                .order_by(AuditEvent.id)
            )
        )
    assert moves == [
        f"#{ticket.id} 2027-02-11 23:59 -> 2027-02-12 23:59",
        f"#{ticket.id} 2027-02-12 23:59 -> 2027-02-15 23:59",
    ]
    with services.db.engine.connect() as conn:
        writers = conn.exec_driver_sql(
            "SELECT writer FROM journal WHERE tbl = 'ticket_clock' AND op = 'update' AND seq > ?", (seen,)
        ).all()
    assert writers == [(supervisor.account_id,), (supervisor.account_id,)]
    services.holidays.remove_day(supervisor, 2027, date(2027, 2, 12))
    assert services.tickets.get(ticket.id).row.due_at == datetime(2027, 2, 12, 23, 59, tzinfo=TZ)


def test_a_supervisor_takes_back_a_years_confirmation(services, supervisor, clerk):
    with pytest.raises(NotFound):
        services.holidays.unconfirm_year(supervisor, 2027)
    services.holidays.confirm_year(supervisor, 2027, NOTICE)
    with pytest.raises(PermissionDenied):
        services.holidays.unconfirm_year(clerk, 2027)
    with pytest.raises(ValidationError):
        services.holidays.unconfirm_year(supervisor, 1999)
    services.holidays.unconfirm_year(supervisor, 2027)
    view = services.holidays.year(2027)
    assert not view.confirmed and view.confirmation is None
    assert services.holidays.upcoming_unconfirmed() == [2027]
    with services.db.read() as session:
        detail = session.scalar(select(AuditEvent.detail).where(AuditEvent.action == "holiday.year_unconfirmed"))
    assert detail == f"2027 {NOTICE}"
    with pytest.raises(NotFound):
        services.holidays.unconfirm_year(supervisor, 2027)


def test_the_printed_roster_and_its_excel_copy_follow_the_desks_holidays(services, supervisor, clerk, tmp_path):
    from openpyxl import load_workbook
    from pypdf import PdfReader

    from desk_app.printing.roster_form import render_roster_pdf
    from desk_app.services.roster_export import HOLIDAY_FILL, export_roster_xlsx

    def printed() -> str:
        render_roster_pdf(services, 2027, 1, tmp_path / "roster.pdf")
        return "".join(PdfReader(str(tmp_path / "roster.pdf")).pages[0].extract_text().split())

    assert "节假日安排未确认" in printed()
    services.holidays.set_day(supervisor, 2027, date(2027, 1, 11), DayKind.HOLIDAY, "本地假日")
    services.holidays.confirm_year(supervisor, 2027, NOTICE)
    assert "节假日安排未确认" not in printed()
    export_roster_xlsx(services, 2027, 1, tmp_path / "roster.xlsx")
    sheet = load_workbook(tmp_path / "roster.xlsx").active
    column = 4 + 10  # the days start in the 4th column: 01-11 is the 11th
    assert sheet.cell(row=2, column=column).fill.fgColor.rgb.endswith(HOLIDAY_FILL.fgColor.rgb[-6:])
    assert sheet.cell(row=2, column=column - 1).fill.fgColor.rgb != sheet.cell(row=2, column=column).fill.fgColor.rgb


@pytest.mark.parametrize(
    ("zone", "registered"),
    [
        ("Asia/Shanghai", datetime(2026, 12, 29, 10, 0)),  # UTC+8: 12-31 23:59 is 15:59 UTC the same day
        ("America/Bogota", datetime(2026, 12, 29, 10, 0)),  # UTC-5: 12-31 23:59 is 04:59 UTC on 01-01
    ],
)
def test_a_due_on_new_years_eve_is_judged_by_the_desks_year_in_the_queue_and_the_ticket(
    services, clock, zone, registered
):
    from desk_app.domain.roles import Role
    from desk_app.domain.shifts import PRESETS

    tz = ZoneInfo(zone)
    clock.set(registered.replace(tzinfo=tz))  # a Tuesday: 12-30 and 12-31 are the two working days
    services.desk.set_up(
        services.accounts,
        desk_name="前台",
        timezone=zone,
        shifts=PRESETS["three_shifts_24h"],
        supervisor_username="zhang",
        supervisor_name="张敏",
        supervisor_password=SUPERVISOR_PASSWORD,
    )
    supervisor = services.accounts.authenticate("zhang", SUPERVISOR_PASSWORD)
    services.accounts.create(supervisor, "wang", "王丽", CLERK_PASSWORD, Role.CLERK)
    clerk = services.accounts.authenticate("wang", CLERK_PASSWORD)
    ticket = _follow_up_complaint(services, clerk)
    assert ticket.row.due_at == datetime(2026, 12, 31, 23, 59, tzinfo=tz)
    # 2026's notice is the library's, 2027 is nobody's: the due is in 2026 at the desk.
    [follow_up] = [c for c in ticket.clocks if c.kind is ClockKind.FOLLOW_UP]
    assert not ticket.row.due_provisional
    assert not follow_up.provisional
    [row] = services.tickets.page(TicketFilter(), 0, 10)
    assert not row.due_provisional
