"""The printed roster (值班安排表) and its Excel and iCalendar exports."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from icalendar import Calendar
from openpyxl import load_workbook
from pypdf import PdfReader

from desk_app.domain.roles import Role
from desk_app.domain.roster import StaffRules
from desk_app.printing.roster_form import render_roster_pdf
from desk_app.services.roster_export import export_roster_ics, export_roster_xlsx
from tests.conftest import CLERK_PASSWORD, SUPERVISOR_PASSWORD, TZ

NAMES = ["王丽", "李娜", "赵强", "陈静", "刘洋", "孙悦", "周敏", "吴涛", "郑爽", "冯晓", "褚燕", "卫东"]


@pytest.fixture
def roster(services, supervisor, clerk):
    """Twelve clerks (王丽 is the conftest clerk) with phones and a published December."""
    people = [clerk.account_id]
    for n, name in enumerate(NAMES[1:], start=1):
        services.accounts.create(supervisor, f"c{n}", name, CLERK_PASSWORD, Role.CLERK)
        people.append(services.accounts.authenticate(f"c{n}", CLERK_PASSWORD).account_id)
    for n, account_id in enumerate(people):
        services.roster.set_rules(
            supervisor, account_id, StaffRules(mobile=f"1391234{n:04d}", office_phone=f"0755-8888{n:04d}")
        )
    templates = services.roster.templates()  # 夜班 00:00, 早班 08:00, 中班 16:00
    for n, account_id in enumerate(people):
        for day in range(1, 32):
            k = (day + n) % 4
            if k < 3:
                services.roster.set_cell(supervisor, date(2026, 12, day), account_id, templates[k].id)
    services.roster.set_cell(supervisor, date(2026, 12, 6), people[0], None, locked=True)
    gaps = services.roster.coverage_gaps(2026, 12)
    services.roster.publish(supervisor, 2026, 12, "首次发布", password=SUPERVISOR_PASSWORD, accept_gaps=gaps)
    return people


def flat(path) -> list[str]:
    return [re.sub(r"\s+", "", p.extract_text()) for p in PdfReader(str(path)).pages]


def test_the_printed_roster_holds_every_name_phone_and_shift(services, roster, tmp_path):
    out = tmp_path / "roster.pdf"
    pages = render_roster_pdf(services, 2026, 12, out)
    texts = flat(out)
    assert pages == len(texts) == 1
    text = texts[0]
    for expected in ("2026年12月值班安排表", "第1版", "说明", "早=早班08:00–16:00", "夜=夜班00:00–08:00"):
        assert expected in text, expected
    for n, name in enumerate(NAMES):
        assert name in text
        assert f"1391234{n:04d}" in text and f"07558888{n:04d}" in text  # stored without the dash
    assert "编制（客服主管）" in text and "审核（管理处主任）" in text and "第1页共1页" in text
    # Every person's row: the shifts of the month in order (休 for the kept day off), then totals.
    page = PdfReader(str(out)).pages[0]
    assert page.mediabox.width > page.mediabox.height  # A4 landscape
    lines = page.extract_text().splitlines()
    view = services.roster.month(2026, 12)
    labels = {t.id: t.name[0] for t in services.roster.templates()}
    for member in view.staff:
        expected = [
            labels[t] if t is not None else "休"
            for d in view.days
            if (t := view.shift_of(member.account_id, d)) is not None or (member.account_id, d) in view.cells
        ]
        at = lines.index(member.name) + 2  # the name, the phones, then the cells
        assert lines[at : at + len(expected)] == expected
        assert lines[at + len(expected)] == str(len(view.assignments_of(member.account_id)))


def test_a_long_staff_list_runs_over_pages(services, supervisor, tmp_path):
    for n in range(40):
        services.accounts.create(supervisor, f"p{n}", f"员工{n:02d}", CLERK_PASSWORD, Role.CLERK)
    out = tmp_path / "roster.pdf"
    pages = render_roster_pdf(services, 2026, 12, out)
    texts = flat(out)
    assert pages == len(texts) > 1
    assert all("草稿（未发布）" in t for t in texts)
    everything = "".join(texts)
    assert all(f"员工{n:02d}" in everything for n in range(40))
    assert f"第{pages}页共{pages}页" in texts[-1]


def test_holidays_and_make_up_days_are_marked(services, supervisor, clerk, tmp_path):
    out = tmp_path / "october.pdf"
    render_roster_pdf(services, 2026, 10, out)
    text = flat(out)[0]
    assert "四假" in text  # Thursday 1 October, National Day
    assert "六班" in text  # Saturday 10 October, a make-up working day


def test_the_excel_grid(services, roster, tmp_path):
    out = tmp_path / "roster.xlsx"
    assert export_roster_xlsx(services, 2026, 12, out) == 12
    book = load_workbook(out)
    sheet = book["2026-12"]
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    wang = next(r for r in rows if r[0] == "王丽")
    assert wang[1] == "13912340000"
    assert wang[3 + 5] == "休"  # 6 December
    view = services.roster.month(2026, 12)
    mine = [d for a, d, _t in view.assignments() if a == roster[0]]
    assert wang[3 + 31] == len(mine)
    assert [r[1] for r in book["说明"].iter_rows(min_row=2, values_only=True)][:3] == ["夜班", "早班", "中班"]


def test_each_person_gets_a_calendar_of_their_shifts(services, roster, tmp_path):
    out = tmp_path / "wang.ics"
    count = export_roster_ics(services, 2026, 12, roster[0], out)
    calendar = Calendar.from_ical(out.read_bytes())
    events = list(calendar.walk("VEVENT"))
    view = services.roster.month(2026, 12)
    assert count == len(events) == len([1 for a, _d, _t in view.assignments() if a == roster[0]])
    first = min(events, key=lambda e: e.decoded("dtstart"))
    start, end = first.decoded("dtstart"), first.decoded("dtend")
    assert start.utcoffset() == datetime(2026, 12, 1, tzinfo=TZ).utcoffset()
    assert (end - start).total_seconds() == 8 * 3600
    assert str(first["summary"]).startswith("值班：")
    uids = [str(e["uid"]) for e in events]
    assert len(set(uids)) == len(uids)
    again = tmp_path / "again.ics"
    export_roster_ics(services, 2026, 12, roster[0], again)
    assert [str(e["uid"]) for e in Calendar.from_ical(again.read_bytes()).walk("VEVENT")] == uids  # stable
