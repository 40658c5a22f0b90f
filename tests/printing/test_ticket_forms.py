"""The ticket queue's paper, checked through the PDFs' own text: the complaint and repair
registers, the item-release slip, the major-incident report and the monthly report."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from desk_app.domain.errors import ValidationError
from desk_app.domain.tickets import Source, TicketDetails, TicketKind, Urgency, Validity
from desk_app.printing.ticket_forms import (
    monthly_figures,
    render_incident_report_pdf,
    render_monthly_report_pdf,
    render_register_pdf,
    render_release_slip_pdf,
)
from desk_app.services.tickets import ResidentInput, TicketInput
from tests.conftest import TZ

LI = ResidentInput("李先生", "3栋", "2单元1203", "13800138000")
WU = ResidentInput("吴女士", "5栋", "1单元0602", "13900139000")


def texts(path: Path) -> list[str]:
    return [re.sub(r"\s+", "", page.extract_text()) for page in PdfReader(str(path)).pages]


def _register(services, clerk, kind, description, resident=LI, **details):
    return services.tickets.register(
        clerk, TicketInput(kind, Source.PHONE, description, resident, details=TicketDetails(**details))
    )


@pytest.fixture
def complaints(services, clock, clerk):
    """A valid complaint replied on time and visited back; an invalid one; one still open."""
    noise = _register(services, clerk, TicketKind.COMPLAINT, "楼上装修噪音扰民")
    services.tickets.judge(clerk, noise.id, Validity.VALID, "噪音超出规定时段")
    clock.advance(timedelta(minutes=40))
    services.tickets.reply(clerk, noise.id, "已通知装修方停工整改", resolved=True)
    clock.advance(timedelta(days=1))
    services.tickets.record_follow_up(clerk, noise.id, "业主表示满意", satisfied=True)
    parking = _register(services, clerk, TicketKind.COMPLAINT, "访客车位被占", WU)
    services.tickets.judge(clerk, parking.id, Validity.INVALID, "车位属业主私有")
    services.tickets.reply(clerk, parking.id, "已向业主说明车位归属", resolved=True)
    lift = _register(services, clerk, TicketKind.COMPLAINT, "电梯异响多日未修")
    return noise, parking, lift


def test_the_complaint_register_lists_every_complaint_with_its_reply_and_follow_up(
    services, clock, clerk, complaints, tmp_path
):
    noise, parking, lift = complaints
    out = tmp_path / "complaints.pdf"
    pages = render_register_pdf(services, TicketKind.COMPLAINT, date(2026, 11, 24), date(2026, 11, 25), out)
    page_texts = texts(out)
    assert pages == len(page_texts) == 1
    text = page_texts[0]
    for expected in (
        "XX花园客户服务中心前台",
        "投诉受理登记表",
        "2026-11-24至2026-11-25",
        "楼上装修噪音扰民",
        "访客车位被占",
        "电梯异响多日未修",
        f"#{noise.id}",
        f"#{lift.id}",
        "李先生",
        "3栋2单元1203",
        "13800138000",
        "有效",
        "无效",
        "待定",
        "已通知装修方停工整改",
        "业主表示满意",
        "已关闭",
        "王丽",
        "共3件",
        "值班员签名",
        "客服主管审核",
        "第1页共1页",
    ):
        assert expected in text, expected
    # Replied 40 minutes after registration: the reply time is printed, not marked late.
    assert "11-2410:40王丽" in text
    assert "超时" not in text


def test_a_late_reply_is_marked_on_the_register(services, clock, clerk, tmp_path):
    ticket = _register(services, clerk, TicketKind.COMPLAINT, "垃圾清运不及时")
    clock.advance(timedelta(hours=3))
    services.tickets.reply(
        clerk, ticket.id, "已联系保洁", resolved=False, next_reply_at=clock.now() + timedelta(hours=2)
    )
    out = tmp_path / "late.pdf"
    render_register_pdf(services, TicketKind.COMPLAINT, date(2026, 11, 24), date(2026, 11, 24), out)
    text = texts(out)[0]
    assert "（超时）" in text
    assert "约定再次答复" in text


def test_the_register_runs_over_pages_with_page_numbers(services, clock, clerk, tmp_path):
    for n in range(40):
        _register(services, clerk, TicketKind.REPAIR, f"第{n}号报修：卫生间漏水，需要工程部上门查看" * 2)
        clock.advance(timedelta(minutes=5))
    out = tmp_path / "repairs.pdf"
    pages = render_register_pdf(services, TicketKind.REPAIR, date(2026, 11, 24), date(2026, 11, 24), out)
    page_texts = texts(out)
    assert pages == len(page_texts) > 1
    for number, text in enumerate(page_texts, start=1):
        assert "住户报修登记表" in text
        assert f"第{number}页共{pages}页" in text
    everything = "".join(page_texts)
    for n in range(40):
        assert f"第{n}号报修" in everything
    assert "共40件" in page_texts[-1]
    # Landscape: wider than tall.
    box = PdfReader(str(out)).pages[0].mediabox
    assert box.width > box.height


def test_the_repair_register_shows_the_visit_the_person_sent_and_the_completion(services, clock, clerk, tmp_path):
    leak = _register(services, clerk, TicketKind.REPAIR, "厨房水管漏水")
    services.tickets.dispatch(clerk, leak.id, "工程部刘师傅", clock.now() + timedelta(hours=1))
    clock.advance(timedelta(hours=2))
    services.tickets.complete(clerk, leak.id, "已更换三通接头")
    out = tmp_path / "repairs.pdf"
    render_register_pdf(services, TicketKind.REPAIR, date(2026, 11, 24), date(2026, 11, 24), out)
    text = texts(out)[0]
    for expected in ("厨房水管漏水", "工程部刘师傅", "11-2411:00", "已更换三通接头", "待回访"):
        assert expected in text, expected


def test_an_empty_register_says_so(services, supervisor, tmp_path):
    out = tmp_path / "none.pdf"
    assert render_register_pdf(services, TicketKind.COMPLAINT, date(2026, 11, 1), date(2026, 11, 30), out) == 1
    assert "本期无登记" in texts(out)[0]


def test_no_register_for_a_kind_without_one_and_no_file_is_written(services, supervisor, tmp_path):
    out = tmp_path / "visitors.pdf"
    with pytest.raises(ValidationError):
        render_register_pdf(services, TicketKind.VISITOR, date(2026, 11, 1), date(2026, 11, 30), out)
    with pytest.raises(ValidationError):
        render_register_pdf(services, TicketKind.COMPLAINT, date(2026, 11, 30), date(2026, 11, 1), out)
    assert not out.exists() and not list(tmp_path.glob("*.pdf*"))


def test_the_release_slip_has_both_parts_with_the_items_and_signatures(services, clerk, tmp_path):
    ticket = _register(
        services,
        clerk,
        TicketKind.ITEM_RELEASE,
        "搬家搬出部分家具",
        items=["电视机 1台", "双人沙发 1张", "纸箱 6个"],
        identity_checked=True,
        identity_note="身份证后四位 1234",
    )
    out = tmp_path / "slip.pdf"
    assert render_release_slip_pdf(services, ticket.id, out) == 1
    text = texts(out)[0]
    assert text.count("物品放行条") == 2
    for expected in (
        "存根",
        "放行联",
        "电视机1台",
        "双人沙发1张",
        "纸箱6个",
        "身份证后四位1234",
        "李先生",
        "业主签名",
        "值班员签名",
        "门岗查验",
        f"#{ticket.id}",
        "搬家搬出部分家具",
    ):
        assert expected in text, expected
    assert text.count("电视机1台") == 2


def test_a_slip_only_for_an_item_release(services, clerk, tmp_path):
    ticket = _register(services, clerk, TicketKind.CONSULTATION, "物业费缴纳方式")
    with pytest.raises(ValidationError):
        render_release_slip_pdf(services, ticket.id, tmp_path / "slip.pdf")
    assert not (tmp_path / "slip.pdf").exists()


def test_the_incident_report_prints_the_written_report_and_the_history(services, clock, clerk, supervisor, tmp_path):
    ticket = services.tickets.register(
        clerk,
        TicketInput(TicketKind.REPAIR, Source.PHONE, "地下车库水管爆裂", LI, urgency=Urgency.MAJOR),
    )
    out = tmp_path / "incident.pdf"
    with pytest.raises(ValidationError):  # nothing to print before the report is written
        render_incident_report_pdf(services, ticket.id, out)
    clock.advance(timedelta(hours=3))
    body = "11月24日10时，地下车库B区给水主管爆裂。值班员立即关闭总阀并通知工程部，12时抢修完毕。" * 3
    services.tickets.write_incident_report(supervisor, ticket.id, body)
    render_incident_report_pdf(services, ticket.id, out)
    text = "".join(texts(out))
    for expected in (
        "重大事件报告",
        "地下车库水管爆裂",
        "给水主管爆裂",
        "报告时限",
        "2026-11-2523:59",
        "报告人",
        "总经理批示",
        "登记",
        "提交事件报告",
    ):
        assert expected in text, expected


def test_the_monthly_report_counts_and_rates(services, clock, clerk, complaints, tmp_path):
    _register(services, clerk, TicketKind.REPAIR, "窗户关不上")
    report = services.tickets.monthly_report(2026, 11)
    figures = dict(monthly_figures(report))
    assert figures["投诉总数"] == "3"
    assert figures["有效投诉"] == "1" and figures["无效投诉"] == "1"
    assert figures["回访率"] == "100.0%"
    out = tmp_path / "monthly.pdf"
    render_monthly_report_pdf(services, 2026, 11, out)
    text = texts(out)[0]
    for expected in (
        "部门客户投诉工作月报",
        "2026年11月",
        "投诉总数",
        "按时答复率",
        "回访率",
        "100.0%",
        "3栋",
        "5栋",
        "图1各类请求件数",
        "图2各楼栋投诉件数",
        "报修",
        "分析及改进措施",
        "管理处主任",
    ):
        assert expected in text, expected


def test_a_month_without_complaints_prints_dashes_not_a_division_by_zero(services, supervisor, tmp_path):
    out = tmp_path / "empty.pdf"
    render_monthly_report_pdf(services, 2026, 1, out)
    text = texts(out)[0]
    assert "本月无投诉" in text
    assert "—" in text


def test_the_forms_are_drawn_in_the_embedded_cjk_font_only(services, clerk, complaints, tmp_path):
    out = tmp_path / "complaints.pdf"
    render_register_pdf(services, TicketKind.COMPLAINT, date(2026, 11, 24), date(2026, 11, 24), out)
    fonts = set()
    for page in PdfReader(str(out)).pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert fonts and all("WenQuanYiMicroHei" in f for f in fonts), fonts


def test_dates_are_desk_dates(services, clock, clerk, tmp_path):
    clock.set(datetime(2026, 11, 24, 23, 50, tzinfo=TZ))  # 15:50 UTC, still the 24th at the desk
    _register(services, clerk, TicketKind.COMPLAINT, "夜间噪音")
    out = tmp_path / "night.pdf"
    render_register_pdf(services, TicketKind.COMPLAINT, date(2026, 11, 24), date(2026, 11, 24), out)
    assert "夜间噪音" in texts(out)[0]
