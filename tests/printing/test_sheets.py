"""Every form drawn from a sheet built here by hand: no database, no services.

The drawing code takes only the sheet (plain values, the page seals included), so what a
page shows can be checked without registering a single record.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

from pypdf import PdfReader

from desk_app.domain.categories import LogCategory
from desk_app.domain.handover import Anomaly, Disposition, HandoverDraft, ItemCount, OpenWork, WorkSource
from desk_app.domain.roles import Role
from desk_app.domain.roster import RosterStatus, StaffRules
from desk_app.domain.shifts import ShiftTemplate
from desk_app.domain.tickets import ClockKind, Source, TicketDetails, TicketKind, TicketStatus, Urgency
from desk_app.domain.workdays import HolidayCalendar
from desk_app.printing.handover_form import HandoverSheet, draw_handover
from desk_app.printing.logbook import LogbookSheet, ShiftGroup, draw_log
from desk_app.printing.roster_form import RosterSheet, draw_roster
from desk_app.printing.ticket_forms import (
    IncidentReportSheet,
    RegisterSheet,
    ReleaseSlipSheet,
    draw_incident_report,
    draw_register,
    draw_release_slip,
)
from desk_app.services.log import DayReviewView, LogEntryView
from desk_app.services.page_seal import Rule, Seal
from desk_app.services.roster import MonthView, StaffMember
from desk_app.services.tickets import ClockView, EventView, TicketRow, TicketView
from tests.conftest import TZ

DESK = "XX花园客户服务中心前台"
PRINTED = datetime(2026, 11, 24, 17, 5, tzinfo=TZ)
DAY = date(2026, 11, 24)
EARLY = ShiftTemplate(1, "早班", 8 * 60, 8 * 60)
LATE = ShiftTemplate(2, "中班", 16 * 60, 8 * 60)


def texts(path: Path) -> list[str]:
    return [re.sub(r"\s+", "", page.extract_text()) for page in PdfReader(str(path)).pages]


def _seal(form: str, arg: str, count: int = 1) -> Seal:
    return Seal(Rule(form, arg), "9f3ac21b77d0e4b1" * 4, count)


def _at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, 24, hour, minute, tzinfo=TZ)


def _entry(entry_id: int, hour: int, situation: str, **changes: object) -> LogEntryView:
    values: dict[str, object] = {
        "id": entry_id,
        "clerk_id": 7,
        "clerk_name": "王丽",
        "shift_template_id": EARLY.id,
        "shift_name": EARLY.name,
        "shift_date": DAY,
        "occurred_at": _at(hour),
        "recorded_at": _at(hour),
        "category": LogCategory.PATROL,
        "situation": situation,
        "handling": "",
        "backdate_reason": "",
        "follow_up": False,
        "corrects_id": None,
        "corrected_by_id": None,
        "after_review": False,
        "hash": "",
        "day_signed": False,
    }
    values.update(changes)
    return LogEntryView(**values)  # type: ignore[arg-type]


def test_the_log_from_a_sheet(tmp_path):
    first = ShiftGroup(DAY, EARLY.id, "早班 08:00–16:00", (DAY, EARLY.start_minute, EARLY.id))
    first.entries += [
        _entry(1, 9, "巡查地下车库B1层", handling="正常", corrected_by_id=2),
        _entry(2, 10, "巡查地下车库B2层", corrects_id=1, category=LogCategory.REPAIR, follow_up=True),
    ]
    second = ShiftGroup(DAY, LATE.id, "中班 16:00–24:00", (DAY, LATE.start_minute, LATE.id))
    second.entries.append(
        _entry(3, 17, "大堂东侧灯闪烁", clerk_name="李强", shift_template_id=LATE.id, shift_name=LATE.name)
    )
    review = DayReviewView(DAY, "张敏", _at(23), "", covers_to_id=3)
    sheet = LogbookSheet(
        DESK,
        PRINTED,
        (first, second),
        "2026年11月24日 星期二",
        "全部班次",
        reviews={DAY: review},
        seals={(1, 2): _seal("L", "1-2", 2), (3,): _seal("L", "3")},
    )
    out = tmp_path / "log.pdf"
    assert draw_log(sheet, out) == 2
    one, two = texts(out)
    for text in (one, two):
        assert DESK in text and "值班记录表" in text and "2026年11月24日星期二" in text
        assert "系统已签阅：张敏" in text and "签阅范围：至第#3条记录" in text and "打印于2026-11-2417:05" in text
    assert "早班08:00–16:00" in one and "巡查地下车库B1层" in one and "已更正，见#2" in one
    assert "更正#1" in one and "【需跟进】" in one and "第1页共2页" in one
    assert "核对码L:1-29F3A-C21B-77D0-E4B1" in one
    assert "中班16:00–24:00" in two and "李强" in two and "核对码L:39F3A" in two and "第2页共2页" in two


def test_an_empty_log_sheet_prints_one_page_without_a_seal(tmp_path):
    out = tmp_path / "log.pdf"
    assert draw_log(LogbookSheet(DESK, PRINTED, (), "2026年1月1日 星期四", "全部班次"), out) == 1
    (text,) = texts(out)
    assert "无记录" in text and "核对码—（本页无记录）" in text


def test_the_handover_record_from_a_sheet(tmp_path):
    draft = HandoverDraft(
        records_acknowledged=True,
        counts=[ItemCount(1, "钥匙", "把", 12, counted=11, explanation="1把借给工程部")],
        open_work=[
            OpenWork(
                WorkSource.FREE,
                None,
                "2栋水管爆裂抢修中",
                important=True,
                disposition=Disposition.HANDED_OVER,
                override_by=9,
                override_reason="抢修需连续进行",
            ),
        ],
        anomalies=[Anomaly("大堂东侧灯闪烁", "已报工程部")],
    )
    sheet = HandoverSheet(
        desk_name=DESK,
        signed=True,
        date_text="2026年11月24日 星期二",
        shift_text="早班 08:00–16:00",
        outgoing="王丽",
        incoming="李强",
        started_at=_at(15, 30),
        arrived_at=_at(15, 40),
        signed_at=_at(15, 52),
        expected_by=_at(15, 45),
        early_arrival_minutes=15,
        late_minutes=0,
        draft=draft,
        printed_at=PRINTED,
        supervisors={9: "张敏"},
        log_entry_id=12,
        digest="ab" * 32,
        seal=_seal("H", "4", 5),
    )
    out = tmp_path / "handover.pdf"
    assert draw_handover(sheet, out) == 1
    (text,) = texts(out)
    for expected in (
        "交接班记录表",
        "已签名",
        "王丽",
        "李强",
        "按时到岗",
        "钥匙",
        "1把借给工程部",
        "【重要】",
        "张敏",
        "抢修需连续进行",
        "大堂东侧灯闪烁",
        "尚未检查",
        "核对码H:49F3A-C21B-77D0-E4B1",
        "第1页共1页",
    ):
        assert expected in text, expected
    assert "未完成" not in text


def _ticket(ticket_id: int, kind: TicketKind, description: str, **details: object) -> TicketView:
    row = TicketRow(
        id=ticket_id,
        kind=kind,
        status=TicketStatus.OPEN,
        urgency=Urgency.NORMAL,
        source=Source.PHONE,
        resident_name="李先生",
        building="3栋",
        room="2单元1203",
        phone="13800138000",
        description=description,
        created_at=_at(9, 30),
        created_by="王丽",
        level=Role.CLERK,
        due_at=None,
        due_clock=None,
        closed_at=None,
    )
    clocks = [ClockView(ClockKind.REPLY, _at(10, 30), _at(11), "王丽")]
    events = [EventView(_at(9, 30), "王丽", "registered", None, TicketStatus.OPEN, "")]
    return TicketView(row, TicketDetails(**details), clocks, events, None, None)  # type: ignore[arg-type]


def test_a_complaint_register_from_a_sheet(tmp_path):
    tickets = tuple(_ticket(n, TicketKind.COMPLAINT, f"投诉第{n}件：楼上装修噪音扰民" * 6) for n in range(1, 31))
    sheet = RegisterSheet(DESK, PRINTED, TicketKind.COMPLAINT, DAY, DAY, tickets, seals={})
    out = tmp_path / "complaints.pdf"
    pages = draw_register(sheet, out)
    assert pages > 1
    all_text = texts(out)
    assert len(all_text) == pages
    for n, text in enumerate(all_text, start=1):
        assert "投诉受理登记表" in text and "登记件数：30" in text and f"第{n}页共{pages}页" in text
    assert "#1" in all_text[0] and "11-2411:00王丽（超时）" in all_text[0]
    assert "共30件，其中已关闭0件。" in all_text[-1]
    assert "核对码—" in all_text[0]  # no seal was gathered for this hand-made sheet


def test_the_release_slip_from_a_sheet(tmp_path):
    view = _ticket(
        5,
        TicketKind.ITEM_RELEASE,
        "搬家搬出部分家具",
        items=["电视机 1台", "纸箱 6个"],
        identity_checked=True,
        identity_note="身份证后四位 1234",
    )
    out = tmp_path / "slip.pdf"
    assert draw_release_slip(ReleaseSlipSheet(DESK, PRINTED, view, _seal("T", "5", 3)), out) == 1
    (text,) = texts(out)
    assert text.count("电视机1台") == 2 and text.count("已核验（身份证后四位1234）") == 2
    assert "物品放行条（存根）" in text and "物品放行条（放行联）" in text and "沿此线剪开" in text
    assert "核对码T:59F3A-C21B-77D0-E4B1" in text


def test_the_incident_report_from_a_sheet(tmp_path):
    view = _ticket(8, TicketKind.REPAIR, "地下车库水管爆裂")
    body = "地下车库B区给水主管爆裂，值班员立即关闭总阀。" * 150
    view = TicketView(view.row, view.details, [], view.events, body, None)
    out = tmp_path / "incident.pdf"
    pages = draw_incident_report(IncidentReportSheet(DESK, PRINTED, view, _seal("T", "8")), out)
    all_text = texts(out)
    assert len(all_text) == pages > 1  # the report runs on; the history follows it
    for n, text in enumerate(all_text, start=1):
        assert "重大事件报告" in text and "报告时限：—" in text and f"第{n}页共{pages}页" in text
    assert "核对码T:89F3A" in all_text[0] and "处理经过" in all_text[-1]


def test_the_roster_from_a_sheet(tmp_path):
    days = [date(2026, 12, d) for d in range(1, 32)]
    staff = [StaffMember(n, f"值班员{n}", Role.CLERK, StaffRules(mobile=f"1391234{n:04d}")) for n in range(1, 31)]
    cells: dict[tuple[int, date], tuple[int | None, bool]] = {
        (1, days[0]): (EARLY.id, False),
        (2, days[0]): (None, True),
    }
    view = MonthView(2026, 12, days, RosterStatus.PUBLISHED, 2, staff, cells)
    sheet = RosterSheet(DESK, PRINTED, view, (EARLY, LATE), HolidayCalendar(), _at(12), _seal("R", "3", 40))
    out = tmp_path / "roster.pdf"
    pages = draw_roster(sheet, out)
    all_text = texts(out)
    assert pages == len(all_text) > 1
    for n, text in enumerate(all_text, start=1):
        assert "2026年12月值班安排表" in text and "第2版，发布于2026-11-2412:00" in text
        assert f"第{n}页共{pages}页" in text and "核对码R:39F3A" in text
    assert "值班员1" in all_text[0] and "13912340001" in all_text[0] and "早班人数" in all_text[0]
    assert "值班员30" in all_text[-1]
