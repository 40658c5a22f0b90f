"""The printed shift log, checked through the PDF's own text (what a reader of the file sees)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from desk_app.domain.categories import LogCategory
from desk_app.printing import logbook
from desk_app.printing.logbook import render_log_pdf
from desk_app.services import page_seal
from desk_app.services.log import LogFilter
from tests.conftest import SUPERVISOR_PASSWORD, TZ

DAY = date(2026, 11, 24)
ONE_DAY = LogFilter(date_from=DAY, date_to=DAY)


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(str(path)).pages]


def flat(text: str) -> str:
    return text.replace("\n", "")


@pytest.fixture
def two_shifts(services, clock, clerk, supervisor):
    """The 早班 with a repair, a corrected entry, a back-dated one and a follow-up; the 中班 with one entry."""
    log = services.log
    repair = log.add(clerk, LogCategory.REPAIR, "3栋2单元漏水 A-3", "已通知工程部，王师傅10:30到场")
    clock.advance(timedelta(minutes=20))
    wrong = log.add(clerk, LogCategory.PATROL, "巡查地下车库B2层", "正常")
    clock.advance(timedelta(minutes=5))
    fixed = log.correct(clerk, wrong.id, LogCategory.PATROL, "巡查地下车库B1层", "正常")
    clock.advance(timedelta(minutes=30))
    late = log.add(
        clerk,
        LogCategory.HELP_REQUEST,
        "5栋老人求助搬运",
        "已派秩序维护员协助",
        occurred_at=clock.now() - timedelta(minutes=15),
        backdate_reason="当时前台排队",
    )
    clock.advance(timedelta(minutes=5))
    follow = log.add(clerk, LogCategory.COMPLAINT, "业主投诉电梯异响", "已报维保单位", follow_up=True)
    clock.set(datetime(2026, 11, 24, 17, 0, tzinfo=TZ))  # the 中班 16:00-24:00
    evening = log.add(clerk, LogCategory.EQUIPMENT, "中班：门禁主机死机", "重启后恢复")
    return {"repair": repair, "wrong": wrong, "fixed": fixed, "late": late, "follow": follow, "evening": evening}


def test_each_page_has_the_header_the_entries_and_the_footer(services, two_shifts, tmp_path):
    out = tmp_path / "log.pdf"
    assert render_log_pdf(services, ONE_DAY, out) == 2
    first, second = page_texts(out)
    for text in (first, second):
        assert "XX花园客户服务中心前台" in text
        assert "值班记录表" in text
        assert "2026年11月24日 星期二" in text
        assert "王丽" in text
        assert "值班员签名" in text and "接班人签名" in text and "主管审阅签名" in text
    assert "早班 08:00–16:00" in first
    assert "3栋2单元漏水 A-3" in first  # Chinese, digits and Latin from the one embedded font
    assert "已通知工程部，王师傅10:30到场" in first
    assert "第 1 页 共 2 页" in first
    assert "第 2 页 共 2 页" in second
    assert f"#{two_shifts['repair'].id}" in first


def test_a_new_shift_starts_a_new_page(services, two_shifts, tmp_path):
    out = tmp_path / "log.pdf"
    render_log_pdf(services, ONE_DAY, out)
    first, second = page_texts(out)
    assert "中班 16:00–00:00" in second and "中班" not in first
    assert "门禁主机死机" in second and "门禁主机死机" not in first
    assert "3栋2单元" not in second


def test_each_page_carries_the_seal_of_its_own_entries(services, two_shifts, tmp_path):
    out = tmp_path / "log.pdf"
    render_log_pdf(services, ONE_DAY, out)
    first, second = page_texts(out)
    morning = [two_shifts[k].id for k in ("repair", "wrong", "fixed", "late", "follow")]
    tz = services.desk.info().tz
    morning_seal = page_seal.seal(services.db, page_seal.log_rule(morning), tz)
    evening_seal = page_seal.seal(services.db, page_seal.log_rule([two_shifts["evening"].id]), tz)
    assert f"核对码 {morning_seal.text}" in first
    assert f"核对码 {evening_seal.text}" in second
    assert evening_seal.short not in first


def test_corrections_back_dating_and_follow_up_are_shown(services, two_shifts, tmp_path):
    out = tmp_path / "log.pdf"
    render_log_pdf(services, ONE_DAY, out)
    first = page_texts(out)[0]
    wrong, fixed = two_shifts["wrong"], two_shifts["fixed"]
    assert "巡查地下车库B2层" in first  # the corrected entry stays on paper …
    assert f"已更正，见 #{fixed.id}" in first  # … marked as corrected
    assert f"更正 #{wrong.id}" in first
    assert "审阅后更正" not in first  # the day was not signed when it was corrected
    assert "补记：当时前台排队" in first
    assert "需跟进" in first
    assert "以下空白" in first


def test_a_signed_day_prints_the_reviewer_and_a_later_correction_says_so(
    services, clock, clerk, supervisor, two_shifts, tmp_path
):
    clock.set(datetime(2026, 11, 25, 0, 20, tzinfo=TZ))  # the day's last shift ended at midnight
    review = services.log.sign_day(supervisor, DAY, "已阅", password=SUPERVISOR_PASSWORD)
    clock.set(datetime(2026, 11, 25, 0, 30, tzinfo=TZ))  # the 夜班 of the 25th
    late_fix = services.log.correct(clerk, two_shifts["evening"].id, LogCategory.EQUIPMENT, "门禁主机死机（补充）")
    out = tmp_path / "log.pdf"
    render_log_pdf(services, LogFilter(date_from=DAY, date_to=DAY + timedelta(days=1)), out)
    first, second, night = page_texts(out)
    assert "张敏" in first and "张敏" in second
    assert f"签阅范围：至第 #{review.covers_to_id} 条记录" in first  # what the signature covers
    assert f"已更正，见 #{late_fix.id}" in second
    assert f"更正 #{two_shifts['evening'].id}（审阅后更正）" in night
    assert "系统已签阅" not in night  # the 25th is not signed


def test_an_empty_selection_prints_one_page_to_sign(services, supervisor, tmp_path):
    out = tmp_path / "empty.pdf"
    assert render_log_pdf(services, LogFilter(date_from=date(2026, 11, 1), date_to=date(2026, 11, 1)), out) == 1
    (text,) = page_texts(out)
    assert "无记录" in text
    assert "值班记录表" in text and "XX花园客户服务中心前台" in text
    assert "2026年11月1日 星期日" in text
    assert "第 1 页 共 1 页" in text
    assert "主管审阅签名" in text


def test_a_long_shift_runs_over_pages_each_with_header_and_numbers(services, clock, clerk, tmp_path):
    long_text = "业主反映" + "楼上装修噪音严重影响休息，要求物业出面协调并告知装修时间规定。" * 7 + "ABC-123结束"
    for i in range(40):
        services.log.add(clerk, LogCategory.COMPLAINT, f"第{i:02d}条 {long_text}"[:500], "已联系装修户")
        clock.advance(timedelta(minutes=5))
    out = tmp_path / "long.pdf"
    progress: list[tuple[int, int]] = []
    pages = render_log_pdf(services, ONE_DAY, out, progress=lambda done, total: progress.append((done, total)))
    texts = page_texts(out)
    assert pages == len(texts) > 3
    assert progress[0] == (0, pages) and progress[-1] == (pages, pages)
    whole = flat("".join(texts))
    for i in range(40):
        # Wrapped over several lines, yet every character is there, in order.
        assert flat(f"第{i:02d}条 {long_text}"[:500]) in whole
    for n, text in enumerate(texts, start=1):
        assert "值班记录表" in text and "早班 08:00–16:00" in text
        assert f"第 {n} 页 共 {pages} 页" in text
        assert "核对码 L:" in text


def test_the_font_is_embedded_and_nothing_else_is_used(services, two_shifts, tmp_path):
    out = tmp_path / "log.pdf"
    render_log_pdf(services, ONE_DAY, out)
    for page in PdfReader(str(out)).pages:
        fonts = page["/Resources"]["/Font"]
        assert fonts
        for ref in fonts.values():
            font = ref.get_object()
            assert "WenQuanYiMicroHei" in font["/BaseFont"]
            assert "/FontFile2" in font["/FontDescriptor"].get_object()  # embedded
            assert "/ToUnicode" in font  # extractable


def test_writing_is_atomic(services, two_shifts, tmp_path, monkeypatch):
    out = tmp_path / "log.pdf"
    render_log_pdf(services, ONE_DAY, out)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "desk.sqlite" and "sqlite" not in p.name) == [
        "log.pdf"
    ]
    before = out.read_bytes()

    def fail(self, canvas, page, number, total, review, seal=None):
        if number == 2:
            raise RuntimeError("printer on fire")
        return original(self, canvas, page, number, total, review, seal)

    original = logbook.LogbookLayout.draw_page
    monkeypatch.setattr(logbook.LogbookLayout, "draw_page", fail)
    with pytest.raises(RuntimeError):
        render_log_pdf(services, ONE_DAY, out)
    assert out.read_bytes() == before  # the old file is untouched
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_crash_while_saving_leaves_the_old_file(services, two_shifts, tmp_path, monkeypatch):
    from reportlab.pdfbase import pdfdoc

    out = tmp_path / "log.pdf"
    render_log_pdf(services, ONE_DAY, out)
    before = out.read_bytes()

    def half_written(self, filename, canvas):
        if hasattr(filename, "write"):
            filename.write(b"%PDF-1.4 half")
        else:
            Path(filename).write_bytes(b"%PDF-1.4 half")
        raise OSError("disk full")

    monkeypatch.setattr(pdfdoc.PDFDocument, "SaveToFile", half_written)
    with pytest.raises(OSError):
        render_log_pdf(services, ONE_DAY, out)
    assert out.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    empty = tmp_path / "new.pdf"
    with pytest.raises(OSError):
        render_log_pdf(services, LogFilter(date_from=date(2026, 1, 1), date_to=date(2026, 1, 1)), empty)
    assert not empty.exists()  # no half PDF under the real name
