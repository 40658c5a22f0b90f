"""The shift-log tab driven as a clerk and a supervisor would: keyboard, filters,
corrections, the day signature and printing to a PDF file."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desk_app.domain.categories import LogCategory
from desk_app.services.log import LogFilter
from desk_app.ui.log_tab import LogTab
from desk_app.ui.log_tab.model import Column
from desk_app.ui.log_tab.print_dialog import PrintLogDialog
from tests.conftest import SUPERVISOR_PASSWORD
from tests.ui.typing import type_text


@pytest.fixture
def clerk_tab(qtbot, services, clerk):
    tab = LogTab(services, clerk)
    qtbot.addWidget(tab)
    tab.resize(1200, 700)
    tab.show()
    tab.activateWindow()
    qtbot.waitActive(tab)
    qtbot.waitUntil(lambda: not tab.busy.isVisible())
    return tab


def _wait_loaded(qtbot, tab) -> None:
    with qtbot.waitSignal(tab.model.loaded, timeout=5000):
        tab.filters.apply_now()


def _type_entry(qtbot, tab, situation: str, handling: str = "") -> None:
    qtbot.keyClick(tab, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert tab.entry_bar.situation.hasFocus()
    type_text(qtbot, tab.entry_bar.situation, situation)
    if handling:
        qtbot.keyClick(tab.entry_bar.situation, Qt.Key.Key_Tab)
        type_text(qtbot, tab.entry_bar.handling, handling)
        qtbot.keyClick(tab.entry_bar.handling, Qt.Key.Key_Return)
    else:
        qtbot.keyClick(tab.entry_bar.situation, Qt.Key.Key_Return)


def test_keyboard_only_entry_is_saved_and_listed_first(qtbot, clerk_tab, services):
    qtbot.keyClick(clerk_tab, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(clerk_tab.entry_bar.situation, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert clerk_tab.entry_bar.category.currentData() == LogCategory.REPAIR.value
    _type_entry(qtbot, clerk_tab, "3栋2单元厨房漏水", "已通知工程部维修")

    assert services.log.count(LogFilter()) == 1
    assert clerk_tab.model.rowCount() == 1
    assert clerk_tab.model.index(0, Column.SITUATION).data() == "3栋2单元厨房漏水"
    assert clerk_tab.model.index(0, Column.TIME).data() == "10:00"
    assert "早班" in clerk_tab.model.index(0, Column.SHIFT).data()
    assert clerk_tab.entry_bar.situation.text() == ""  # cleared for the next entry
    entry = services.log.get(1)
    assert entry.category is LogCategory.REPAIR and entry.handling == "已通知工程部维修"


def test_bad_input_is_explained_and_nothing_is_written(qtbot, clerk_tab, services):
    _type_entry(qtbot, clerk_tab, "   ")
    assert services.log.count(LogFilter()) == 0
    assert clerk_tab.entry_bar.message.text()  # says why

    clerk_tab.entry_bar.situation.setText("电梯故障 😀")
    clerk_tab.entry_bar.save()
    assert services.log.count(LogFilter()) == 0
    assert "😀" in clerk_tab.entry_bar.message.text()
    assert clerk_tab.entry_bar.situation.text() == "电梯故障 😀"  # what was typed is kept


def test_earlier_time_needs_a_reason(qtbot, clerk_tab, services, clock):
    bar = clerk_tab.entry_bar
    bar.time.setTime(bar.time.time().addSecs(-30 * 60))  # 09:30
    assert bar.reason.isVisibleTo(clerk_tab)
    bar.situation.setText("巡查发现消防通道堆放杂物")
    bar.save()
    assert services.log.count(LogFilter()) == 0
    bar.reason.setText("巡查回来后补记")
    assert bar.save() is not None
    entry = services.log.get(1)
    assert f"{entry.occurred_at:%H:%M}" == "09:30"
    assert entry.backdate_reason == "巡查回来后补记"


def test_the_back_date_message_is_on_its_own_line_not_over_the_reason(qtbot, clerk_tab, services):
    bar = clerk_tab.entry_bar
    bar.time.setTime(bar.time.time().addSecs(-30 * 60))
    bar.focus_entry()
    qtbot.waitUntil(bar.situation.hasFocus)
    type_text(qtbot, bar.situation, "巡查发现消防通道堆放杂物")
    qtbot.keyClick(bar.situation, Qt.Key.Key_Return)
    assert services.log.count(LogFilter()) == 0
    assert "09:30" in bar.message.text() and bar.message.isVisible()
    type_text(qtbot, bar.reason, "巡查回来后补记")
    # The reason is named by a label of its own (not a placeholder that goes at the first key)
    # and the message is drawn nowhere near the field being typed in.
    assert bar.reason_label.isVisible() and bar.reason_label.buddy() is bar.reason
    reason_rect = bar.reason.geometry()
    message_rect = bar.message.geometry()
    assert not message_rect.intersects(reason_rect)
    assert not message_rect.intersects(bar.reason_label.geometry())
    assert message_rect.top() >= reason_rect.bottom()
    assert bar.reason.text() == "巡查回来后补记"


def test_tab_reaches_the_reason_before_save(qtbot, clerk_tab):
    bar = clerk_tab.entry_bar
    bar.time.setTime(bar.time.time().addSecs(-30 * 60))
    bar.category.setFocus()
    qtbot.waitUntil(bar.category.hasFocus)
    visited = []
    for _ in range(12):  # the time field takes a Tab per section
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        if not visited or visited[-1] is not widget:
            visited.append(widget)
        if widget is bar.save_button:
            break
    assert bar.save_button in visited
    assert visited.index(bar.reason) < visited.index(bar.save_button)
    assert visited.index(bar.time) < visited.index(bar.reason) < visited.index(bar.situation)
    # Shift+Tab from the situation goes back to the reason.
    bar.situation.setFocus()
    qtbot.keyClick(bar.situation, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is bar.reason


def test_filters_by_text_category_clerk_and_date(qtbot, services, clock, clerk, supervisor):
    services.log.add(clerk, LogCategory.REPAIR, "5栋地下室漏水")
    services.log.add(clerk, LogCategory.EQUIPMENT, "2号电梯停电检修")
    clock.advance(timedelta(days=1))
    services.log.add(supervisor, LogCategory.COMPLAINT, "业主投诉楼上噪音")
    tab = LogTab(services, clerk)
    qtbot.addWidget(tab)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 3)

    tab.filters.text.setText("漏水")
    _wait_loaded(qtbot, tab)
    assert tab.model.rowCount() == 1
    assert tab.model.index(0, Column.SITUATION).data() == "5栋地下室漏水"

    tab.filters.text.setText("停电")
    _wait_loaded(qtbot, tab)
    assert [tab.model.index(r, Column.SITUATION).data() for r in range(tab.model.rowCount())] == ["2号电梯停电检修"]

    tab.filters.text.clear()
    tab.filters.category.setCurrentIndex(tab.filters.category.findData(LogCategory.COMPLAINT.value))
    _wait_loaded(qtbot, tab)
    assert tab.model.rowCount() == 1

    tab.filters.category.setCurrentIndex(0)
    tab.filters.clerk.setCurrentIndex(tab.filters.clerk.findData(clerk.account_id))
    _wait_loaded(qtbot, tab)
    assert tab.model.rowCount() == 2

    tab.filters.clerk.setCurrentIndex(0)
    tab.filters.use_dates.setChecked(True)
    tab.filters.date_from.setDate(tab.filters.date_from.date().addDays(-1))
    tab.filters.date_to.setDate(tab.filters.date_from.date())
    _wait_loaded(qtbot, tab)
    assert tab.model.rowCount() == 2


def test_correction_strikes_the_original_and_links_both_ways(qtbot, services, clerk, monkeypatch):
    original = services.log.add(clerk, LogCategory.REPAIR, "3栋2单元漏水")
    tab = LogTab(services, clerk)
    qtbot.addWidget(tab)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    tab.jump_to_row(0)

    from desk_app.ui.log_tab import correction_dialog

    def fake_exec(dialog):
        dialog.situation.setText("3栋1单元漏水")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(correction_dialog.CorrectionDialog, "exec", fake_exec)
    correction = tab.correct_selected()
    assert correction is not None and correction.corrects_id == original.id

    assert tab.model.rowCount() == 2
    rows = {tab.model.entry(r).id: r for r in range(2)}
    struck = tab.model.index(rows[original.id], Column.SITUATION).data(Qt.ItemDataRole.FontRole)
    assert struck.strikeOut()
    assert f"#{correction.id}" in tab.model.index(rows[original.id], Column.NOTES).data()
    assert f"#{original.id}" in tab.model.index(rows[correction.id], Column.NOTES).data()
    assert not tab.model.index(rows[correction.id], Column.SITUATION).data(Qt.ItemDataRole.FontRole).strikeOut()

    # The link: double-clicking the original goes to its correction.
    tab._follow_link(tab.model.index(rows[original.id], Column.SITUATION))
    assert tab.selected_entry().id == correction.id
    # A corrected entry cannot be corrected again from the window.
    tab.jump_to_row(rows[original.id])
    assert not tab.correct_button.isEnabled()


def test_supervisor_signs_a_day_and_later_corrections_are_flagged(
    qtbot, services, clock, clerk, supervisor, monkeypatch
):
    first = services.log.add(clerk, LogCategory.PATROL, "夜间巡查正常")
    clock.advance(timedelta(days=1))
    tab = LogTab(services, supervisor)
    qtbot.addWidget(tab)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert tab.sign_button.isVisibleTo(tab)
    assert tab.unsigned_banner.isVisibleTo(tab) and "11-24" in tab.unsigned_banner.text()
    assert "not signed" in tab.model.index(0, Column.SHIFT).data()

    from desk_app.ui.log_tab import review_dialog

    def fake_exec(dialog):
        assert dialog.chosen_day() == date(2026, 11, 24)
        dialog.remark.setText("已阅")
        dialog.sign()  # no password: refused, and the dialog says why
        assert dialog.review is None and dialog.message.text()
        dialog.password.setText("wrong-password")
        dialog.sign()
        assert dialog.review is None and not services.log.reviews(date(2026, 11, 24), date(2026, 11, 24))
        dialog.password.setText(SUPERVISOR_PASSWORD)
        dialog.sign()
        return dialog.result()

    monkeypatch.setattr(review_dialog.ReviewDialog, "exec", fake_exec)
    tab.sign_day()
    assert services.log.reviews(date(2026, 11, 24), date(2026, 11, 24))[date(2026, 11, 24)].remark == "已阅"
    assert not tab.unsigned_banner.isVisibleTo(tab)
    assert "signed" in tab.model.index(0, Column.SHIFT).data()
    assert "not signed" not in tab.model.index(0, Column.SHIFT).data()

    correction = services.log.correct(clerk, first.id, LogCategory.PATROL, "夜间巡查正常，3栋路灯不亮")
    assert correction.after_review


def test_the_review_dialog_says_when_the_running_day_can_be_signed(qtbot, services, clerk, supervisor):
    from desk_app.ui.log_tab.review_dialog import ReviewDialog

    services.log.add(clerk, LogCategory.PATROL, "巡查正常")
    dialog = ReviewDialog(services, supervisor)
    qtbot.addWidget(dialog)
    assert dialog.chosen_day() == date(2026, 11, 24)
    assert not dialog.sign_button.isEnabled()
    assert "can be signed from 11-25 00:00" in dialog.summary.text()


def test_clerk_has_no_sign_button(clerk_tab):
    assert not clerk_tab.sign_button.isVisibleTo(clerk_tab)


def test_jump_to_oldest_and_back(qtbot, services, clock, clerk):
    for i in range(250):
        clock.advance(timedelta(seconds=20))
        services.log.add(clerk, LogCategory.OTHER, f"记录{i:03d}")
    tab = LogTab(services, clerk)
    qtbot.addWidget(tab)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 250)
    tab.oldest_button.click()
    assert tab.selected_entry().situation == "记录000"
    tab.newest_button.click()
    assert tab.selected_entry().situation == "记录249"


def test_print_saves_a_pdf_with_the_entries(qtbot, services, clerk, monkeypatch, tmp_path):
    services.log.add(clerk, LogCategory.REPAIR, "3栋2单元漏水 A-3", "已通知工程部")
    tab = LogTab(services, clerk)
    qtbot.addWidget(tab)
    saved = []
    from desk_app.ui import print_preview

    def fake_save(parent, path, suggested_name=None):
        text = "".join(page.extract_text() for page in PdfReader(str(path)).pages)
        saved.append((path, suggested_name, text))

    monkeypatch.setattr(print_preview, "save_pdf_copy", fake_save)
    day = date(2026, 11, 24)
    tab.print_log(LogFilter(date_from=day, date_to=day), PrintLogDialog.SAVE_PDF)
    qtbot.waitUntil(lambda: bool(saved), timeout=10000)
    path, name, text = saved[0]
    assert "3栋2单元漏水 A-3" in text
    assert "值班记录表" in text
    assert name == "值班记录表_2026-11-24.pdf"
    assert not path.exists()  # the confidential temporary copy is gone
