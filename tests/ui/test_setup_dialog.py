"""First-start setup: the starting item list, edited and saved with the desk, and where Tab
goes in the dialog's tables."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QSpinBox

from desk_app.domain.handover import STARTING_ITEMS
from desk_app.ui import i18n
from desk_app.ui.setup_dialog import SetupDialog
from tests.conftest import SUPERVISOR_PASSWORD
from tests.ui.typing import type_text


@pytest.fixture
def dialog(qtbot, services) -> SetupDialog:
    widget = SetupDialog(services)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    return widget


def _fill_person(qtbot, dialog: SetupDialog) -> None:
    type_text(qtbot, dialog.desk_name, "XX花园客户服务中心前台")
    qtbot.keyClicks(dialog.username, "zhangmin")
    type_text(qtbot, dialog.display_name, "张敏")
    dialog.password.setText(SUPERVISOR_PASSWORD)
    dialog.password_repeat.setText(SUPERVISOR_PASSWORD)


def _cell(dialog: SetupDialog, row: int, column: int):
    return dialog.item_table.cellWidget(row, column)


# -- the item list ------------------------------------------------------------------------------
def test_setup_proposes_the_starting_list_and_saves_it_as_edited(qtbot, services, dialog) -> None:
    table = dialog.item_table
    assert table.listed() == list(STARTING_ITEMS)  # no translator installed: the English sources
    assert ("Keys", "pcs", 12) in table.listed() and ("Cash float", "yuan", 200) in table.listed()

    # Change a line, remove one, add one typed in place.
    name = _cell(dialog, 0, table.NAME)
    assert isinstance(name, QLineEdit)
    name.clear()
    type_text(qtbot, name, "门禁钥匙")
    count = _cell(dialog, 0, table.EXPECTED)
    assert isinstance(count, QSpinBox)
    count.setValue(15)
    table.selectRow(1)
    qtbot.mouseClick(dialog.remove_item_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.add_item_button, Qt.MouseButton.LeftButton)
    last = table.rowCount() - 1
    assert QApplication.focusWidget() is _cell(dialog, last, table.NAME)
    type_text(qtbot, _cell(dialog, last, table.NAME), "雨衣")
    type_text(qtbot, _cell(dialog, last, table.UNIT), "件")
    _cell(dialog, last, table.EXPECTED).setValue(4)
    qtbot.mouseClick(dialog.add_item_button, Qt.MouseButton.LeftButton)  # a row left blank is no item

    _fill_person(qtbot, dialog)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.message.text()
    saved = [(i.name, i.unit, i.expected) for i in services.handover.items()]
    assert saved == [("门禁钥匙", "pcs", 15), *STARTING_ITEMS[2:], ("雨衣", "件", 4)]
    assert {who for _w, who, *_rest in services.handover.item_history()} == {"张敏"}


def test_a_bad_item_line_keeps_the_dialog_open_writes_nothing_and_points_at_it(qtbot, services, dialog) -> None:
    table = dialog.item_table
    _cell(dialog, 3, table.UNIT).clear()
    _fill_person(qtbot, dialog)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.message.text() == "Unit must not be empty."
    assert QApplication.focusWidget() is _cell(dialog, 3, table.UNIT)
    assert not services.desk.is_set_up() and not services.accounts.has_accounts()


def _empty_the_list(qtbot, dialog: SetupDialog) -> None:
    table = dialog.item_table
    assert not dialog.keeps_no_items.isVisible()  # a list of items: nothing to say
    while table.rowCount():
        table.selectRow(0)
        qtbot.mouseClick(dialog.remove_item_button, Qt.MouseButton.LeftButton)


def test_an_emptied_list_must_be_said_to_mean_that_the_desk_keeps_no_items(qtbot, services, dialog) -> None:
    _empty_the_list(qtbot, dialog)
    box = dialog.keeps_no_items
    assert box.isVisible() and not box.isChecked()
    _fill_person(qtbot, dialog)
    dialog.submit()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.message.text().startswith("The item list is empty.")
    assert "This desk keeps no items to count" in dialog.message.text()
    assert QApplication.focusWidget() is box
    assert not services.desk.is_set_up() and not services.accounts.has_accounts()

    box.setChecked(True)
    dialog.submit()
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.message.text()
    assert services.handover.items() == []
    record = services.handover.keeps_no_items()
    assert record is not None and record.by == "张敏"  # the first supervisor, right at setup


def test_the_box_goes_once_an_item_is_typed_and_the_items_are_saved(qtbot, services, dialog) -> None:
    _empty_the_list(qtbot, dialog)
    dialog.keeps_no_items.setChecked(True)
    qtbot.mouseClick(dialog.add_item_button, Qt.MouseButton.LeftButton)
    assert dialog.keeps_no_items.isVisible()  # a blank row is no item
    type_text(qtbot, _cell(dialog, 0, dialog.item_table.NAME), "雨衣")
    type_text(qtbot, _cell(dialog, 0, dialog.item_table.UNIT), "件")
    assert not dialog.keeps_no_items.isVisible()
    _fill_person(qtbot, dialog)
    dialog.submit()
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.message.text()
    assert [i.name for i in services.handover.items()] == ["雨衣"]
    assert services.handover.keeps_no_items() is None


# -- Enter ----------------------------------------------------------------------------------
@pytest.mark.parametrize("column", [0, 1, 2])
def test_enter_in_an_item_cell_moves_on_and_never_sets_up_the_desk(qtbot, services, dialog, column) -> None:
    _fill_person(qtbot, dialog)
    table = dialog.item_table
    cell = _cell(dialog, 0, column)
    cell.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is cell)
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    assert not services.desk.is_set_up()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Enter)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert not services.desk.is_set_up()
    editors = table.editors()
    assert QApplication.focusWidget() is editors[editors.index(cell) + 2]  # two cells on
    last = editors[-1]
    last.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is last)
    qtbot.keyClick(last, Qt.Key.Key_Return)  # the last cell: stays
    assert QApplication.focusWidget() is last and not services.desk.is_set_up()


def test_enter_in_a_shift_cell_moves_on_and_never_sets_up_the_desk(qtbot, services, dialog) -> None:
    _fill_person(qtbot, dialog)
    editors = dialog.shift_table.editors()
    for index in (0, 1, 2):
        editors[index].setFocus()
        qtbot.waitUntil(lambda w=editors[index]: QApplication.focusWidget() is w)
        qtbot.keyClick(editors[index], Qt.Key.Key_Return)
        assert not services.desk.is_set_up()
        assert QApplication.focusWidget() is editors[index + 1]
    assert dialog.isVisible() and not services.desk.is_set_up()
    # Enter in the supervisor's last field still sets it up.
    qtbot.keyClick(dialog.password_repeat, Qt.Key.Key_Return)
    assert services.desk.is_set_up()


def test_the_starting_list_is_in_chinese_in_the_chinese_interface(qtbot, qapp, services) -> None:
    i18n.install_translators(qapp, "zh_CN")
    try:
        widget = SetupDialog(services)
        qtbot.addWidget(widget)
        assert widget.item_table.listed()[:2] == [("钥匙", "把", 12), ("对讲机", "台", 3)]
    finally:
        i18n.remove_translators(qapp)


# -- Tab ----------------------------------------------------------------------------------------
def _tab_from(qtbot, widget, presses: int) -> list:
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)
    seen = []
    for _ in range(presses):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    return seen


def test_tab_goes_through_the_shift_table_and_leaves_it(qtbot, dialog) -> None:
    table = dialog.shift_table
    seen = _tab_from(qtbot, dialog.preset, 20)
    inside = [w for w in seen if table.isAncestorOf(w) or w is table]
    assert dialog.add_shift_button in seen, "Tab never left the shift table"
    leaving = seen.index(dialog.add_shift_button)
    assert all(table.isAncestorOf(w) for w in seen[:leaving])  # the cells first, in order
    assert [w for w in table.editors() if w in inside] == table.editors()  # every cell reached
    assert seen[leaving + 1] is dialog.remove_shift_button
    assert not any(table.isAncestorOf(w) for w in seen[leaving:])


def test_tab_goes_through_the_item_table_and_on_to_the_supervisor(qtbot, dialog) -> None:
    table = dialog.item_table
    seen = _tab_from(qtbot, dialog.remove_shift_button, 3 * table.rowCount() + 3)
    assert seen[: 3 * table.rowCount()] == table.editors()
    assert seen[3 * table.rowCount() :] == [dialog.add_item_button, dialog.remove_item_button, dialog.username]


def test_tab_order_follows_rows_added_and_removed(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.add_shift_button, Qt.MouseButton.LeftButton)
    table = dialog.shift_table
    assert table.rowCount() == 4
    seen = _tab_from(qtbot, dialog.preset, 40)
    leaving = seen.index(dialog.add_shift_button)
    assert [w for w in seen[:leaving] if w in table.editors()][-1] is table.editors()[-1]
