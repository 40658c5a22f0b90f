"""A month's roster for other programs: the grid as an Excel workbook, and each person's
shifts as an iCalendar file (.ics) their phone or mail calendar imports.

Calendar events carry the desk's time zone (a shift crossing midnight ends the next day),
a stable UID per person, day and shift (re-importing a changed roster updates the events
instead of doubling them) and the roster version in the description.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from icalendar import Calendar, Event
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from desk_app.atomic_files import write_atomically
from desk_app.domain.errors import QT_TRANSLATE_NOOP, NotFound
from desk_app.domain.roster import WEEKDAY_NAMES, short_labels
from desk_app.domain.shifts import occurrence
from desk_app.services.container import Services

HOLIDAY_FILL = PatternFill("solid", fgColor="FDE2E2")
WEEKEND_FILL = PatternFill("solid", fgColor="EEEEEE")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def export_roster_xlsx(services: Services, year: int, month: int, path: Path) -> int:
    """The month's grid (people × days, shifts by their short name) with a legend sheet;
    returns the number of people."""
    view = services.roster.month(year, month)
    templates = services.roster.templates()
    calendar = services.holidays.calendar()
    labels = short_labels(templates)
    minutes = {t.id: t.duration_minutes for t in templates}
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = f"{year}-{month:02d}"
    state = f"第 {view.version} 版" if view.published else "草稿（未发布）"
    sheet.cell(row=1, column=1, value=f"{services.desk.info().name} {year}年{month}月值班安排表 {state}").font = Font(
        bold=True, size=13
    )
    header = ["姓名", "手机", "办公电话"] + [f"{d.day}\n{WEEKDAY_NAMES[d.weekday()]}" for d in view.days]
    header += ["班数", "工时"]
    for column, title in enumerate(header, start=1):
        cell = sheet.cell(row=2, column=column, value=title)
        cell.font, cell.alignment = Font(bold=True), CENTER
    first_day_column = 4
    for i, day in enumerate(view.days):
        fill = HOLIDAY_FILL if calendar.is_holiday(day) else WEEKEND_FILL if day.weekday() >= 5 else None
        letter = get_column_letter(first_day_column + i)
        sheet.column_dimensions[letter].width = 4.5
        if fill is not None:
            for row in range(2, len(view.staff) + 3):
                sheet[f"{letter}{row}"].fill = fill
    for r, member in enumerate(view.staff, start=3):
        sheet.cell(row=r, column=1, value=member.name)
        sheet.cell(row=r, column=2, value=member.rules.mobile)
        sheet.cell(row=r, column=3, value=member.rules.office_phone)
        count = total = 0
        for i, day in enumerate(view.days):
            template_id, locked = view.cells.get((member.account_id, day), (None, False))
            value = labels.get(template_id, "") if template_id is not None else ("休" if locked else "")
            if template_id is not None:
                count += 1
                total += minutes.get(template_id, 0)
            sheet.cell(row=r, column=first_day_column + i, value=value).alignment = CENTER
        sheet.cell(row=r, column=first_day_column + len(view.days), value=count)
        sheet.cell(row=r, column=first_day_column + len(view.days) + 1, value=total / 60)
    sheet.column_dimensions["A"].width = 10
    sheet.column_dimensions["B"].width = 13
    sheet.column_dimensions["C"].width = 13
    sheet.row_dimensions[2].height = 30
    sheet.freeze_panes = "D3"
    legend = book.create_sheet("说明")
    legend.append(["代号", "班次", "时间", "分钟"])
    for t in templates:
        legend.append([labels[t.id], t.name, t.span_text(), t.duration_minutes])
    legend.append(["休", "休息（保留）", "", ""])
    write_atomically(Path(path), book.save)
    return len(view.staff)


def roster_ics(services: Services, year: int, month: int, account_id: int) -> bytes:
    """One person's shifts of the month as an iCalendar file."""
    view = services.roster.month(year, month)
    member = next((m for m in view.staff if m.account_id == account_id), None)
    if member is None:
        raise NotFound(QT_TRANSLATE_NOOP("DeskError", "No such person."))
    desk = services.desk.info()
    templates = {t.id: t for t in services.desk.shift_templates(include_inactive=True)}
    stamp = services.clock.now()
    calendar = Calendar()
    calendar.add("prodid", "-//DutyDesk//值班台//ZH")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{desk.name} {member.name} {year}-{month:02d}")
    calendar.add("x-wr-timezone", desk.timezone)
    version = f"第 {view.version} 版" if view.published else "草稿，未发布"
    for day in view.days:
        template_id, _locked = view.cells.get((account_id, day), (None, False))
        if template_id is None or template_id not in templates:
            continue
        shift = occurrence(templates[template_id], day, desk.tz)
        event = Event()
        event.add("uid", f"dutydesk-{account_id}-{day.isoformat()}@{_slug(desk.name)}")
        event.add("summary", f"值班：{shift.template.name}")
        event.add("dtstart", shift.start)
        event.add("dtend", shift.end)
        event.add("dtstamp", stamp)
        event.add("location", desk.name)
        event.add("description", f"{year}年{month}月值班安排表（{version}）")
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data


def export_roster_ics(services: Services, year: int, month: int, account_id: int, path: Path) -> int:
    """Write one person's .ics; returns how many shifts it holds."""
    data = roster_ics(services, year, month, account_id)
    write_atomically(Path(path), lambda handle: handle.write(data))
    return data.count(b"BEGIN:VEVENT")


def _slug(name: str) -> str:
    """A stable host part for the UIDs, from the desk's name (Python's hash() is not stable)."""
    return "desk-" + hashlib.sha256(name.encode()).hexdigest()[:10]
