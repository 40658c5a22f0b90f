"""The handover's item list as the window shows it: a desk without items, what step 2 says
and where Tab goes there, items added while the handover is paused, the corrected entries of
step 1 and the widths of the record table."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QWizard

from desk_app.domain.categories import LogCategory
from desk_app.domain.handover import Step
from desk_app.domain.roles import Role
from desk_app.ui.handover_tab.items_dialog import ItemsDialog
from desk_app.ui.handover_tab.tab import HandoverTab
from desk_app.ui.handover_tab.wizard import HandoverWizard
from tests.conftest import CLERK_PASSWORD, TZ

INCOMING_PASSWORD = "clerk-secret-2"
ITEMS = [("钥匙", "把", 12), ("对讲机", "台", 3), ("备用金", "元", 200)]


@pytest.fixture
def bare_desk(services, supervisor, clerk, clock):
    """A desk with no item list yet, an incoming clerk, and 15:46, near the end of 早班."""
    services.accounts.create(supervisor, "li", "李娜", INCOMING_PASSWORD, Role.CLERK)
    clock.set(datetime(2026, 11, 24, 15, 46, tzinfo=TZ))
    return services


@pytest.fixture
def desk(bare_desk, supervisor):
    for name, unit, expected in ITEMS:
        bare_desk.handover.add_item(supervisor, name, unit, expected)
    return bare_desk


def _tab(qtbot, services, actor) -> HandoverTab:
    widget = HandoverTab(services, actor)
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    widget.show()
    return widget


def _open(qtbot, tab: HandoverTab) -> HandoverWizard:
    qtbot.mouseClick(tab.start_button, Qt.MouseButton.LeftButton)
    assert tab.wizard is not None, tab.message.text()
    qtbot.waitExposed(tab.wizard)
    return tab.wizard


def _to_count(qtbot, wizard: HandoverWizard) -> None:
    box = wizard.records_page.acknowledged
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentId() == Step.COUNT


def _pause(wizard: HandoverWizard) -> None:
    wizard.button(QWizard.WizardButton.CancelButton).click()


# -- a desk without items -----------------------------------------------------------------------
def test_an_empty_item_list_says_why_nothing_is_counted_and_what_to_do(qtbot, bare_desk, clerk) -> None:
    wizard = _open(qtbot, _tab(qtbot, bare_desk, clerk))
    _to_count(qtbot, wizard)
    page = wizard.count_page
    assert page.table.isHidden() and page.empty_hint.isVisible()
    assert "no item list yet" in page.empty_hint.text() and "Item list…" in page.empty_hint.text()
    assert "no item list" in page.reason.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def test_a_supervisor_records_in_the_item_list_that_the_desk_keeps_none(qtbot, bare_desk, supervisor, clerk) -> None:
    dialog = ItemsDialog(bare_desk, supervisor)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.no_items_box.isVisible() and dialog.no_items_button.isEnabled()
    assert "no handover can be signed" in dialog.no_items_note.text()
    qtbot.mouseClick(dialog.no_items_button, Qt.MouseButton.LeftButton)
    assert not dialog.no_items_button.isEnabled()
    assert dialog.no_items_note.text().startswith("张敏 recorded at 2026-11-24 15:46")
    record = bare_desk.handover.keeps_no_items()
    assert record is not None and record.by == "张敏"

    wizard = _open(qtbot, _tab(qtbot, bare_desk, clerk))
    _to_count(qtbot, wizard)
    page = wizard.count_page
    assert page.empty_hint.text().startswith("张敏 recorded at 2026-11-24 15:46 that this desk keeps no items")
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()

    # An item added ends the record: the box goes, the list is counted again.
    dialog.name.setText("钥匙")
    dialog.unit.setText("把")
    dialog.expected.setValue(12)
    assert dialog.add_item()
    assert dialog.no_items_box.isHidden()
    assert bare_desk.handover.keeps_no_items() is None


def test_the_clerks_window_has_no_way_to_record_it(qtbot, bare_desk, clerk) -> None:
    tab = _tab(qtbot, bare_desk, clerk)
    assert tab.items_button.isHidden()


def test_items_added_while_the_handover_is_paused_are_there_when_it_resumes(
    qtbot, bare_desk, supervisor, clerk
) -> None:
    tab = _tab(qtbot, bare_desk, clerk)
    wizard = _open(qtbot, tab)
    _to_count(qtbot, wizard)
    assert wizard.count_page.table.isHidden()
    _pause(wizard)
    assert tab.wizard is None

    for name, unit, expected in ITEMS:
        bare_desk.handover.add_item(supervisor, name, unit, expected)
    wizard = _open(qtbot, tab)
    assert wizard.currentId() == Step.COUNT  # resumed where it stopped
    page = wizard.count_page
    assert page.table.isVisible() and page.empty_hint.isHidden()
    assert [page.table.item(row, page.NAME).text() for row in range(page.table.rowCount())] == [
        "钥匙",
        "对讲机",
        "备用金",
    ]
    assert [edit.text() for edit in page.counted] == ["", "", ""]
    assert page.reason.text() == "钥匙: not counted."


# -- Tab in the count ---------------------------------------------------------------------------
def test_tab_goes_only_through_the_typed_count_cells_and_then_leaves_the_table(qtbot, desk, clerk) -> None:
    wizard = _open(qtbot, _tab(qtbot, desk, clerk))
    _to_count(qtbot, wizard)
    wizard.activateWindow()
    page = wizard.count_page
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.counted[0])
    visited = []
    for _ in range(3 * len(ITEMS)):
        visited.append(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    expected = [w for row in zip(page.counted, page.condition, page.explanation, strict=True) for w in row]
    assert visited == expected  # never the name, unit, expected or difference cells
    after = QApplication.focusWidget()
    assert after is not None and not page.table.isAncestorOf(after) and after is not page.table
    assert after in [
        wizard.button(b)
        for b in (
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.NextButton,
            QWizard.WizardButton.FinishButton,
            QWizard.WizardButton.CancelButton,
        )
    ]


# -- step 1: corrected entries ----------------------------------------------------------------------
def test_a_corrected_entry_is_struck_through_in_step_one_and_its_follow_up_is_listed_once(
    qtbot, desk, clerk, clock
) -> None:
    clock.set(datetime(2026, 11, 24, 10, 0, tzinfo=TZ))
    wrong = desk.log.add(clerk, LogCategory.REPAIR, "3栋2单元电梯异响", follow_up=True)
    right = desk.log.correct(clerk, wrong.id, LogCategory.REPAIR, "3栋1单元电梯异响", follow_up=True)
    desk.log.add(clerk, LogCategory.PATROL, "巡查正常")
    clock.set(datetime(2026, 11, 24, 15, 46, tzinfo=TZ))
    wizard = _open(qtbot, _tab(qtbot, desk, clerk))
    page = wizard.records_page
    table = page.entries
    rows = {table.item(row, page.SITUATION).text(): row for row in range(table.rowCount())}
    struck = rows["3栋2单元电梯异响"]
    for column in range(page.FOLLOW_UP):
        font = table.item(struck, column).data(Qt.ItemDataRole.FontRole)
        assert isinstance(font, QFont) and font.strikeOut(), column
    assert table.item(struck, page.FOLLOW_UP).text() == f"corrected by #{right.id}"
    for text in ("3栋1单元电梯异响", "巡查正常"):
        font = table.item(rows[text], page.SITUATION).data(Qt.ItemDataRole.FontRole)
        assert not (isinstance(font, QFont) and font.strikeOut()), text
    assert table.item(rows["3栋1单元电梯异响"], page.FOLLOW_UP).text() == "to follow up"
    follow = [page.follow_ups.item(i).text() for i in range(page.follow_ups.count())]
    assert follow == [f"#{right.id} 3栋1单元电梯异响"]


# -- the record table ---------------------------------------------------------------------------------
def test_the_record_table_fits_dates_shifts_and_names(qtbot, desk, supervisor, clerk) -> None:
    view = desk.handover.start(clerk)
    draft = view.draft
    draft.records_acknowledged = True
    for count in draft.counts:
        count.counted = count.expected
    desk.handover.save_draft(clerk, view.id, draft)
    desk.handover.sign(view.id, CLERK_PASSWORD, "li", INCOMING_PASSWORD)
    tab = _tab(qtbot, desk, supervisor)
    tab.resize(1600, 900)
    table = tab.table
    assert table.rowCount() == 1
    cells = QFontMetrics(table.font())
    heads = QFontMetrics(table.horizontalHeader().font())
    for column in (tab.DATE, tab.SHIFT, tab.OUTGOING, tab.INCOMING, tab.SIGNED):
        text = table.item(0, column).text()
        title = table.horizontalHeaderItem(column).text()
        assert text, column
        needed = max(cells.horizontalAdvance(text), heads.horizontalAdvance(title)) + 12  # the cell's margins
        assert table.columnWidth(column) >= needed, (column, text, table.columnWidth(column), needed)
    # The spare width goes to the last column, not to one of these.
    assert table.columnWidth(tab.CHECKED) > table.columnWidth(tab.DATE)


def test_an_item_added_while_the_wizard_is_open_appears_when_the_count_is_shown_again(
    qtbot, desk, supervisor, clerk
) -> None:
    wizard = _open(qtbot, _tab(qtbot, desk, clerk))
    _to_count(qtbot, wizard)
    page = wizard.count_page
    qtbot.keyClicks(page.counted[0], "12")
    desk.handover.add_item(supervisor, "雨伞", "把", 5)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.BackButton), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentId() == Step.COUNT
    names = [page.table.item(row, page.NAME).text() for row in range(page.table.rowCount())]
    assert names == ["钥匙", "对讲机", "备用金", "雨伞"]
    assert [edit.text() for edit in page.counted] == ["12", "", "", ""]  # what was typed stays
