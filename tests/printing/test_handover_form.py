"""The printed handover record (交接班记录表), checked through the PDF's own text."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from desk_app.domain.categories import LogCategory
from desk_app.domain.handover import Anomaly, Disposition, Fault
from desk_app.domain.roles import Role
from desk_app.printing import handover_form
from desk_app.printing.handover_form import render_handover_pdf
from desk_app.services import page_seal
from desk_app.services.handover import DIGEST_PREFIX
from tests.conftest import CLERK_PASSWORD, SUPERVISOR_PASSWORD, TZ

INCOMING_PASSWORD = "incoming-secret-2"


def _at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, 24, hour, minute, tzinfo=TZ)


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(str(path)).pages]


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture
def incoming(services, supervisor):
    services.accounts.create(supervisor, "li", "李强", INCOMING_PASSWORD, Role.CLERK)
    return services.accounts.authenticate("li", INCOMING_PASSWORD)


@pytest.fixture
def filled(services, clock, supervisor, clerk, incoming):
    """A 早班 handover filled in: one key short, a closed and two handed-over pieces of work
    (one important, let through by the supervisor), an anomaly and a fault."""
    services.handover.add_item(supervisor, "钥匙", "把", 12)
    services.handover.add_item(supervisor, "对讲机", "台", 3)
    leak = services.log.add(clerk, LogCategory.REPAIR, "3栋2单元漏水", follow_up=True)
    lift = services.log.add(clerk, LogCategory.COMPLAINT, "业主投诉电梯异响", follow_up=True)
    clock.set(_at(15, 30))
    view = services.handover.start(clerk)
    services.handover.add_free_work(clerk, view.id, "2栋水管爆裂抢修中", important=True)
    draft = services.handover.get(view.id).draft
    draft.records_acknowledged = True
    draft.counts[0].counted, draft.counts[0].explanation = 11, "1把借给工程部王师傅"
    draft.counts[1].counted = 3
    by_ref = {w.ref_id: w for w in draft.open_work}
    by_ref[leak.id].disposition, by_ref[leak.id].note = Disposition.CLOSED, "已修好"
    by_ref[lift.id].disposition, by_ref[lift.id].note = Disposition.HANDED_OVER, "维保单位明早9点来"
    burst = draft.open_work[-1]
    burst.disposition, burst.note = Disposition.HANDED_OVER, "工程部仍在现场"
    draft.anomalies.append(Anomaly("大堂东侧灯闪烁", "已报工程部"))
    draft.faults.append(Fault("门禁主机死机", "重启后恢复"))
    services.handover.save_draft(clerk, view.id, draft)
    services.handover.override(view.id, len(draft.open_work) - 1, "zhang", SUPERVISOR_PASSWORD, "抢修需连续进行")
    clock.set(_at(15, 48))
    services.handover.identify_incoming(view.id, "li", INCOMING_PASSWORD)
    return view.id


@pytest.fixture
def signed(services, clock, filled):
    clock.set(_at(15, 52))
    view = services.handover.sign(filled, CLERK_PASSWORD, "li", INCOMING_PASSWORD).view
    return view


def test_a_signed_handover_prints_everything_that_was_signed(services, signed, tmp_path):
    out = tmp_path / "handover.pdf"
    assert render_handover_pdf(services, signed.id, out) == 1
    (text,) = page_texts(out)
    whole = flat(text)
    assert "XX花园客户服务中心前台" in text
    assert "交接班记录表" in text
    assert "2026年11月24日 星期二" in text and "早班 08:00–16:00" in text
    assert "第 1 页 共 1 页" in text
    assert "未完成" not in text and "已签名" in text
    # The two clerks and their times.
    assert "交班人" in text and "接班人" in text
    assert "王丽" in text and "李强" in text
    assert "开始交接 2026-11-24 15:30" in text
    assert "到岗 2026-11-24 15:48" in text
    assert "提前 15 分钟" in text and "迟到 3 分钟" in text
    # The count: 应有 12 实点 11 差异 -1, explained.
    for title in ("物品", "单位", "应有", "实点", "差异", "状况", "说明"):
        assert title in text
    assert "钥匙把1211-1完好1把借给工程部王师傅" in whole
    assert "对讲机台330完好" in whole
    # The open work: closed, handed over with a note, released by the supervisor.
    assert "已关闭" in text and "已修好" in text
    assert "业主投诉电梯异响" in whole and "移交维保单位明早9点来" in whole
    assert "【重要】" in text and "2栋水管爆裂抢修中" in whole
    assert "张敏" in text and "抢修需连续进行" in whole
    # Anomaly and fault.
    assert "大堂东侧灯闪烁已报工程部" in whole
    assert "门禁主机死机重启后恢复" in whole
    # Signature lines with the signing time.
    assert "交班人签名" in text and "接班人签名" in text and "主管检查签名" in text
    assert "王丽 时间 2026-11-24 15:52" in text and "李强 时间 2026-11-24 15:52" in text
    assert "尚未检查" in text


def test_the_digest_of_the_log_entry_is_printed(services, signed, tmp_path):
    out = tmp_path / "handover.pdf"
    render_handover_pdf(services, signed.id, out)
    (text,) = page_texts(out)
    handling = services.log.get(signed.log_entry_id).handling
    digest = handling.split(DIGEST_PREFIX)[1][:64]
    assert len(digest) == 64 and digest == signed.record_digest
    seal = page_seal.seal(services.db, page_seal.handover_rule(signed.id), services.desk.info().tz)
    assert seal.count >= 2  # the handover and its log entry at least
    assert f"核对码 H:{signed.id} {seal.short}" in text


def test_the_supervisors_check_is_printed(services, clock, supervisor, signed, tmp_path):
    clock.set(_at(16, 30))
    services.handover.check(supervisor, signed.id, "交接清楚，钥匙已追回", password=SUPERVISOR_PASSWORD)
    out = tmp_path / "handover.pdf"
    render_handover_pdf(services, signed.id, out)
    (text,) = page_texts(out)
    assert "五、主管检查" in text and "交接清楚，钥匙已追回" in flat(text)
    assert "张敏 时间 2026-11-24 16:30" in text
    assert "尚未检查" not in text


def test_the_paper_shows_the_signed_record_not_later_names(services, supervisor, signed, tmp_path):
    """The record hashed at signing is what is printed (it is what the digest covers)."""
    out = tmp_path / "handover.pdf"
    render_handover_pdf(services, signed.id, out)
    assert signed.record is not None and signed.record["incoming"] == "李强"
    assert "李强" in page_texts(out)[0]


def test_an_unsigned_handover_prints_marked_unfinished(services, clock, filled, tmp_path):
    out = tmp_path / "draft.pdf"
    assert render_handover_pdf(services, filled, out) == 1
    (text,) = page_texts(out)
    assert text.count("未完成") >= 2  # the stamp and the state field
    assert "未完成（尚未签名）" in text
    assert f"核对码 H:{filled} " in text
    assert "王丽" in text and "李强" in text  # the incoming clerk is identified already
    assert "钥匙把1211-1完好1把借给工程部王师傅" in flat(text)
    assert "第 1 页 共 1 页" in text


def test_a_fresh_handover_prints_empty_sections(services, clerk, tmp_path):
    view = services.handover.start(clerk)
    out = tmp_path / "fresh.pdf"
    assert render_handover_pdf(services, view.id, out) == 1
    (text,) = page_texts(out)
    assert "未完成" in text and "—（尚未确认）" in text
    assert "未清点：岗位未设物品清单" in text and "无需清点的物品" not in text
    for heading in ("一、物品清点", "二、遗留事项", "三、区域异常", "四、交接中发生的故障", "五、主管检查"):
        assert heading in text


def test_a_long_handover_runs_over_pages_each_with_header_and_numbers(services, clock, supervisor, clerk, tmp_path):
    for i in range(35):
        services.handover.add_item(supervisor, f"钥匙{i:02d}号", "把", 2)
    view = services.handover.start(clerk)
    draft = view.draft
    for count in draft.counts:
        count.counted = 1
        count.explanation = "借出一把，借用人：工程部王师傅，预计明日归还，已登记借用单" * 2
    services.handover.save_draft(clerk, view.id, draft)
    out = tmp_path / "long.pdf"
    progress: list[tuple[int, int]] = []
    pages = render_handover_pdf(services, view.id, out, progress=lambda d, t: progress.append((d, t)))
    texts = page_texts(out)
    assert pages == len(texts) >= 3
    assert progress[0] == (0, pages) and progress[-1] == (pages, pages)
    for n, text in enumerate(texts, start=1):
        assert "交接班记录表" in text and "早班 08:00–16:00" in text and "2026年11月24日" in text
        assert f"第 {n} 页 共 {pages} 页" in text
        assert "未完成" in text
        assert "交班人签名" in text
    whole = flat("".join(texts))
    for i in range(35):
        assert f"钥匙{i:02d}号" in whole
    assert "一、物品清点（续）" in texts[1]
    assert "五、主管检查" in texts[-1]


def test_the_font_is_embedded_and_nothing_else_is_used(services, signed, tmp_path):
    out = tmp_path / "handover.pdf"
    render_handover_pdf(services, signed.id, out)
    for page in PdfReader(str(out)).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            assert "WenQuanYiMicroHei" in font["/BaseFont"]
            assert "/FontFile2" in font["/FontDescriptor"].get_object()


def test_writing_is_atomic(services, signed, tmp_path, monkeypatch):
    out = tmp_path / "handover.pdf"
    render_handover_pdf(services, signed.id, out)
    before = out.read_bytes()

    def fail(self, canvas, blocks, number, total):
        raise RuntimeError("printer on fire")

    monkeypatch.setattr(handover_form.HandoverLayout, "draw_page", fail)
    with pytest.raises(RuntimeError):
        render_handover_pdf(services, signed.id, out)
    assert out.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_desk_that_keeps_no_items_prints_who_recorded_it(services, clock, supervisor, clerk, incoming, tmp_path):
    services.handover.record_keeps_no_items(supervisor)
    view = services.handover.start(clerk)
    draft = view.draft
    draft.records_acknowledged = True
    services.handover.save_draft(clerk, view.id, draft)
    signed = services.handover.sign(view.id, CLERK_PASSWORD, "li", INCOMING_PASSWORD).view
    out = tmp_path / "none.pdf"
    render_handover_pdf(services, signed.id, out)
    (text,) = page_texts(out)
    assert "本岗位不保管需清点的物品（张敏于2026-11-2410:00记录）" in flat(text)


def test_an_open_handover_prints_the_item_list_as_it_is_now(services, clock, supervisor, filled, tmp_path):
    keys, radios = services.handover.items()
    services.handover.retire_item(supervisor, radios.id)
    services.handover.change_item(supervisor, keys.id, "门禁钥匙", "把", 12)
    services.handover.add_item(supervisor, "备用雨伞", "把", 5)  # after the draft was saved
    out = tmp_path / "now.pdf"
    render_handover_pdf(services, filled, out)
    text = flat(page_texts(out)[0])
    assert "门禁钥匙把1211-1" in text  # what was typed stays with the renamed item
    assert "备用雨伞把5" in text and "对讲机" not in text
