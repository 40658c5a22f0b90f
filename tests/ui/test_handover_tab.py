"""The handover tab and wizard driven as the clerks and the supervisor would: counting,
explaining, handing over open work, the supervisor's override and check, refusals, the
reminder before the end of the shift, the overdue warning, resuming after a restart."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget, QWizard
from shiboken6 import Shiboken

from desk_app.domain.categories import LogCategory
from desk_app.domain.handover import Condition, Disposition, Step
from desk_app.domain.roles import Role
from desk_app.services.log import LogFilter
from desk_app.ui.handover_tab import HandoverTab
from desk_app.ui.handover_tab.detail_dialog import HandoverDetailDialog
from desk_app.ui.handover_tab.follow_up_dialog import CloseFollowUpDialog
from desk_app.ui.handover_tab.items_dialog import ItemsDialog
from desk_app.ui.handover_tab.override_dialog import OverrideDialog
from desk_app.ui.handover_tab.wizard import HandoverWizard
from desk_app.ui.main_window import MainWindow
from tests.conftest import CLERK_PASSWORD, SUPERVISOR_PASSWORD, TZ
from tests.ui.typing import type_text

INCOMING_PASSWORD = "clerk-secret-2"
ITEMS = [("钥匙", "把", 12), ("对讲机", "台", 3), ("门禁卡", "张", 20), ("备用雨伞", "把", 5), ("备用金", "元", 200)]


@pytest.fixture
def desk(services, supervisor, clerk, clock):
    """Items on the list, an incoming clerk, and the clock at 15:46, near the end of 早班."""
    for name, unit, expected in ITEMS:
        services.handover.add_item(supervisor, name, unit, expected)
    services.accounts.create(supervisor, "li", "李娜", INCOMING_PASSWORD, Role.CLERK)
    clock.set(datetime(2026, 11, 24, 15, 46, tzinfo=TZ))
    return services


@pytest.fixture
def tab(qtbot, desk, clerk):
    widget = HandoverTab(desk, clerk)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    return widget


def _click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _next(qtbot, wizard: HandoverWizard) -> None:
    _click(qtbot, wizard.button(QWizard.WizardButton.NextButton))


def _finish_button(wizard: HandoverWizard):
    return wizard.button(QWizard.WizardButton.FinishButton)


def _open(qtbot, tab: HandoverTab) -> HandoverWizard:
    _click(qtbot, tab.start_button)
    assert tab.wizard is not None, tab.message.text()
    return tab.wizard


def _read_records(qtbot, wizard: HandoverWizard) -> None:
    assert wizard.currentId() == Step.RECORDS
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    box = wizard.records_page.acknowledged
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))  # on the box
    assert box.isChecked()
    _next(qtbot, wizard)


def _count_all(qtbot, wizard: HandoverWizard) -> None:
    page = wizard.count_page
    for field, (_name, _unit, expected) in zip(page.counted, ITEMS, strict=True):
        qtbot.keyClicks(field, str(expected))


def _through_to_sign(qtbot, wizard: HandoverWizard) -> None:
    _read_records(qtbot, wizard)
    _count_all(qtbot, wizard)
    _next(qtbot, wizard)
    _next(qtbot, wizard)  # no open work
    _next(qtbot, wizard)  # no anomaly
    assert wizard.currentId() == Step.SIGN_OFF


def _sign(qtbot, wizard: HandoverWizard, username: str = "li", password: str = INCOMING_PASSWORD) -> None:
    page = wizard.sign_page
    qtbot.keyClicks(page.outgoing_password, CLERK_PASSWORD)
    page.incoming_username.clear()
    qtbot.keyClicks(page.incoming_username, username)
    qtbot.keyClicks(page.incoming_password, password)
    _click(qtbot, _finish_button(wizard))


# -- the rules, as the wizard shows them --------------------------------------------------------
def test_finish_stays_disabled_with_a_blank_count_and_says_why(qtbot, tab):
    wizard = _open(qtbot, tab)
    assert _finish_button(wizard).isVisible() and not _finish_button(wizard).isEnabled()
    _read_records(qtbot, wizard)
    page = wizard.count_page
    for field, (_name, _unit, expected) in list(zip(page.counted, ITEMS, strict=True))[:-1]:
        qtbot.keyClicks(field, str(expected))  # 备用金 left blank

    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert not _finish_button(wizard).isEnabled()
    assert page.reason.text() == "备用金: not counted."
    assert _finish_button(wizard).toolTip() == "备用金: not counted."
    # A count typed and erased again is blank again.
    qtbot.keyClicks(page.counted[4], "200")
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    page.counted[4].selectAll()
    qtbot.keyClick(page.counted[4], Qt.Key.Key_Backspace)
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert wizard.draft.counts[4].counted is None


def test_a_difference_or_damage_needs_the_outgoing_clerks_explanation(qtbot, tab, desk):
    wizard = _open(qtbot, tab)
    _read_records(qtbot, wizard)
    page = wizard.count_page
    _count_all(qtbot, wizard)
    page.counted[1].clear()
    qtbot.keyClicks(page.counted[1], "2")  # 3 walkie-talkies expected
    assert page.table.item(1, page.DIFFERENCE).text() == "-1"
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert page.reason.text() == "对讲机: 2 counted, 3 expected or damaged — the outgoing clerk must explain."
    type_text(qtbot, page.explanation[1], "一台送修")
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()

    page.condition[3].setCurrentIndex(page.condition[3].findData(Condition.DAMAGED.value))
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert "备用雨伞" in page.reason.text()
    type_text(qtbot, page.explanation[3], "伞骨断了一根")
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert wizard.save_now()
    saved = desk.handover.current().draft.counts
    assert (saved[1].counted, saved[1].explanation) == (2, "一台送修")
    assert (saved[3].condition, saved[3].explanation) == (Condition.DAMAGED, "伞骨断了一根")


def test_important_open_work_blocks_until_a_supervisor_allows_it(qtbot, tab, desk, monkeypatch):
    wizard = _open(qtbot, tab)
    _read_records(qtbot, wizard)
    _count_all(qtbot, wizard)
    _next(qtbot, wizard)
    page = wizard.work_page
    type_text(qtbot, page.new_work, "2栋业主快递待取")
    page.new_important.setChecked(True)
    _click(qtbot, page.add_button)
    assert [w.description for w in wizard.draft.open_work] == ["2栋业主快递待取"]
    assert wizard.draft.open_work[0].important

    page.disposition[0].setCurrentIndex(page.disposition[0].findData(Disposition.HANDED_OVER.value))
    type_text(qtbot, page.note[0], "业主晚上来取")
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert "is important and unfinished" in page.reason.text()

    attempts = [
        ("wang", CLERK_PASSWORD, "业主出差"),
        ("zhang", "wrong-password", "业主出差"),
        ("zhang", SUPERVISOR_PASSWORD, "业主出差，明天来取"),
    ]
    messages: list[str] = []

    def fake_exec(dialog: OverrideDialog) -> int:
        for username, password, reason in attempts:
            dialog.username.setText(username)
            dialog.password.setText(password)
            dialog.reason.setText(reason)
            if dialog.allow():
                return 1
            messages.append(dialog.message.text())
        return 0

    monkeypatch.setattr(OverrideDialog, "exec", fake_exec)
    _click(qtbot, page.override_buttons[0])
    assert messages[0].startswith("This needs the role")  # a clerk cannot allow it
    assert messages[1].startswith("Wrong user name or password")
    work = wizard.draft.open_work[0]
    assert work.override_reason == "业主出差，明天来取" and work.override_by is not None
    # What was chosen before the override is still there.
    assert (work.disposition, work.note) == (Disposition.HANDED_OVER, "业主晚上来取")
    assert page.table.item(0, page.SUPERVISOR).text() == "Allowed by 张敏: 业主出差，明天来取"
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_a_fault_pauses_the_handover_until_its_handling_is_recorded(qtbot, tab):
    wizard = _open(qtbot, tab)
    _read_records(qtbot, wizard)
    _count_all(qtbot, wizard)
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    page = wizard.area_page
    type_text(qtbot, page.new_fault, "消防报警主机故障灯亮")
    _click(qtbot, page.fault_button)
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert page.reason.text().startswith("A fault is being dealt with (消防报警主机故障灯亮)")
    # Every step waits, not only this one.
    assert not wizard.count_page.isComplete() and not wizard.records_page.isComplete()
    type_text(qtbot, page.resolution[0], "已复位，工程部确认正常")
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_an_incident_in_progress_refuses_the_handover(qtbot, tab, desk, clerk, monkeypatch):
    desk.log.add(clerk, LogCategory.INCIDENT, "5栋电梯困人", "已通知维保", follow_up=True)
    tab.refresh()
    _click(qtbot, tab.start_button)
    assert tab.wizard is None
    assert tab.message.text().startswith("No handover while an incident is being handled: #1 5栋电梯困人.")
    assert desk.handover.current() is None
    assert tab.incidents_dialog is not None and tab.incidents_dialog.table.rowCount() == 1
    tab.incidents_dialog.close()

    # Recording how it was dealt with (from the tab) lets the handover start.
    assert tab.follow_ups.item(0).text() == "Incident in progress: #1 5栋电梯困人"
    tab.follow_ups.setCurrentRow(0)

    def fake_exec(dialog: CloseFollowUpDialog) -> int:
        type_text(qtbot, dialog.note, "维保已放人，电梯恢复")
        return 1 if dialog.close_follow_up() else 0

    monkeypatch.setattr(CloseFollowUpDialog, "exec", fake_exec)
    _click(qtbot, tab.close_follow_up_button)
    assert desk.handover.incidents_in_progress() == []
    assert _open(qtbot, tab) is not None


def test_the_refusal_lists_every_incident_and_each_opens_to_be_recorded(qtbot, tab, desk, clerk, monkeypatch):
    situations = ["5栋电梯困人", "7栋突然停电，楼道照明中断", "中心花园有老人晕倒"]
    ids = [desk.log.add(clerk, LogCategory.INCIDENT, text, "处理中", follow_up=True).id for text in situations]
    desk.log.add(clerk, LogCategory.REPAIR, "3栋漏水", "已报修", follow_up=True)  # not an incident
    _click(qtbot, tab.start_button)
    assert tab.wizard is None
    assert tab.message.text().startswith("No handover while 3 incidents are being handled: #1 5栋电梯困人; #2 ")
    dialog = tab.incidents_dialog
    assert dialog is not None and dialog.isVisible()
    table = dialog.table
    assert table.rowCount() == 3
    assert [table.item(r, dialog.ENTRY).text() for r in range(3)] == [f"#{i}" for i in ids]
    assert [table.item(r, dialog.SITUATION).text() for r in range(3)] == situations
    assert table.item(0, dialog.CLERK).text() == "王丽"
    assert not dialog.start_button.isEnabled()

    opened: list[int] = []

    def fake_exec(close: CloseFollowUpDialog) -> int:
        opened.append(close.entry_id)
        type_text(qtbot, close.note, "已处理完毕")
        return 1 if close.close_follow_up() else 0

    monkeypatch.setattr(CloseFollowUpDialog, "exec", fake_exec)
    # Double-click the second row: its incident opens, is recorded, and leaves the list.
    rect = table.visualItemRect(table.item(1, dialog.SITUATION))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [ids[1]]
    assert [table.item(r, dialog.ENTRY).text() for r in range(table.rowCount())] == [f"#{ids[0]}", f"#{ids[2]}"]
    # The others through the button, the first row selected each time.
    _click(qtbot, dialog.open_button)
    _click(qtbot, dialog.open_button)
    assert opened == [ids[1], ids[0], ids[2]]
    assert table.rowCount() == 0 and desk.handover.incidents_in_progress() == []
    assert dialog.heading.text() == "Every incident is recorded as dealt with: the handover can start."
    _click(qtbot, dialog.start_button)
    assert tab.wizard is not None
    assert tab.incidents_dialog is None


def test_the_refusal_goes_once_the_incidents_are_dealt_with(qtbot, tab, desk, clerk):
    incident = desk.log.add(clerk, LogCategory.INCIDENT, "5栋电梯困人", "处理中", follow_up=True)
    _click(qtbot, tab.start_button)
    assert tab.message.text().startswith("No handover while an incident")
    tab.incidents_dialog.close()
    assert tab.message.text()  # still being handled: the refusal stays
    _click(qtbot, tab.start_button)
    desk.handover.close_follow_up(clerk, incident.id, "已放人")
    tab.incidents_dialog.close()
    assert tab.message.text() == ""


def test_an_incident_logged_during_the_handover_stops_the_signing_and_is_listed(qtbot, tab, desk, clerk, monkeypatch):
    wizard = _open(qtbot, tab)
    _through_to_sign(qtbot, wizard)
    incident = desk.log.add(clerk, LogCategory.INCIDENT, "5栋电梯困人", "处理中", follow_up=True)
    _sign(qtbot, wizard)
    assert wizard.isVisible() and wizard.currentId() == Step.SIGN_OFF
    assert wizard.sign_page.message.text().startswith("No handover while an incident is being handled: #")
    assert not desk.handover.current().signed
    dialog = wizard.incidents_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.table.rowCount() == 1 and dialog.incidents[0].entry_id == incident.id
    assert dialog.heading.text().startswith("The handover cannot be signed while 1 incident(s)")
    assert dialog.start_button.text() == "Back to sign-off" and not dialog.start_button.isEnabled()

    def fake_exec(close: CloseFollowUpDialog) -> int:
        type_text(qtbot, close.note, "已放人")
        return 1 if close.close_follow_up() else 0

    monkeypatch.setattr(CloseFollowUpDialog, "exec", fake_exec)
    _click(qtbot, dialog.open_button)
    assert dialog.heading.text() == "Every incident is recorded as dealt with: the handover can be signed."
    _click(qtbot, dialog.start_button)
    assert wizard.incidents_dialog is None and wizard.isVisible()
    _sign(qtbot, wizard)
    qtbot.waitUntil(lambda: tab.wizard is None)
    assert tab.message.text().startswith("Handed over to 李娜")


def test_the_demo_desk_hands_over_through_the_wizard(qtbot, services, clock):
    from desk_app.services.demo import CLERKS, DEMO_PASSWORD, generate

    generate(services, 3, entries_per_day=30, seed=8)
    (outgoing, _), (incoming, incoming_name) = CLERKS[2], CLERKS[3]
    actor = services.accounts.authenticate(outgoing, DEMO_PASSWORD)
    tab = HandoverTab(services, actor)
    qtbot.addWidget(tab)
    tab.resize(1100, 700)
    tab.show()
    assert tab.table.rowCount() > 0  # the demo's signed handovers are listed
    wizard = _open(qtbot, tab)
    _read_records(qtbot, wizard)
    page = wizard.count_page
    assert page.counted  # the demo desk keeps an item list
    for field, count in zip(page.counted, wizard.draft.counts, strict=True):
        qtbot.keyClicks(field, str(count.expected))
    _next(qtbot, wizard)
    work = wizard.work_page
    assert work.disposition  # yesterday's follow-ups, still being followed up
    for combo, note in zip(work.disposition, work.note, strict=True):
        combo.setCurrentIndex(combo.findData(Disposition.HANDED_OVER.value))
        type_text(qtbot, note, "继续跟进")
    _next(qtbot, wizard)
    _next(qtbot, wizard)  # no anomaly
    sign = wizard.sign_page
    qtbot.keyClicks(sign.outgoing_password, DEMO_PASSWORD)
    sign.incoming_username.clear()
    qtbot.keyClicks(sign.incoming_username, incoming)
    qtbot.keyClicks(sign.incoming_password, DEMO_PASSWORD)
    _click(qtbot, _finish_button(wizard))
    qtbot.waitUntil(lambda: tab.wizard is None)
    assert tab.message.text().startswith(f"Handed over to {incoming_name}")
    assert services.handover.verify_records() == [] and services.log.verify().ok


def test_the_outgoing_clerks_credentials_are_refused_in_the_incoming_slot(qtbot, tab, desk):
    wizard = _open(qtbot, tab)
    records = wizard.records_page
    qtbot.keyClicks(records.username, "wang")
    qtbot.keyClicks(records.password, CLERK_PASSWORD)
    _click(qtbot, records.identify_button)
    assert records.message.text() == "The outgoing clerk cannot also be the incoming clerk."
    assert desk.handover.current().incoming_id is None

    _through_to_sign(qtbot, wizard)
    _sign(qtbot, wizard, "wang", CLERK_PASSWORD)
    assert wizard.sign_page.message.text() == "The outgoing clerk cannot sign for the incoming clerk."
    assert wizard.isVisible() and wizard.currentId() == Step.SIGN_OFF
    assert not desk.handover.current().signed


def test_a_resumed_handover_keeps_what_was_typed(qtbot, desk, clerk):
    view = desk.handover.start(clerk)
    wizard = HandoverWizard(desk, clerk, view)
    qtbot.addWidget(wizard)
    wizard.show()
    _read_records(qtbot, wizard)
    page = wizard.count_page
    qtbot.keyClicks(page.counted[0], "11")
    type_text(qtbot, page.explanation[0], "少一把，3栋钥匙借给工程部")
    page.condition[2].setCurrentIndex(1)
    qtbot.waitUntil(lambda: not wizard.save_timer.isActive())  # the debounced save ran
    wizard.deleteLater()  # the program is gone: no close, no last save
    qtbot.waitUntil(lambda: desk.handover.current().draft.counts[0].counted == 11)

    again = HandoverWizard(desk, clerk, desk.handover.current())
    qtbot.addWidget(again)
    assert again.currentId() == Step.COUNT  # resumed where it stopped
    assert again.records_page.acknowledged.isChecked()
    page = again.count_page
    assert page.counted[0].text() == "11"
    assert page.explanation[0].text() == "少一把，3栋钥匙借给工程部"
    assert page.condition[2].currentData() == Condition.DAMAGED.value
    assert page.counted[1].text() == ""
    # Going back is still possible after resuming.
    assert again.button(QWizard.WizardButton.BackButton).isEnabled()


def test_pausing_saves_and_the_tab_resumes(qtbot, tab, desk):
    wizard = _open(qtbot, tab)
    _read_records(qtbot, wizard)
    qtbot.keyClicks(wizard.count_page.counted[0], "12")
    _click(qtbot, wizard.button(QWizard.WizardButton.CancelButton))  # "Pause", at once
    assert desk.handover.current().draft.counts[0].counted == 12
    qtbot.waitUntil(lambda: tab.wizard is None)
    assert tab.start_button.text() == "Resume handover…"
    again = _open(qtbot, tab)
    assert again.currentId() == Step.COUNT and again.count_page.counted[0].text() == "12"


def test_a_full_handover_is_signed_logged_and_checked_by_the_supervisor(qtbot, tab, desk, clerk, supervisor, clock):
    desk.log.add(clerk, LogCategory.REPAIR, "3栋2单元厨房漏水", "已通知工程部", follow_up=True)
    desk.log.add(clerk, LogCategory.CONSULTATION, "业主咨询停车费", "已解答")
    wizard = _open(qtbot, tab)
    records = wizard.records_page
    assert records.entries.rowCount() == 2
    assert records.follow_ups_title.text() == "To follow up (1):"
    assert records.follow_ups.item(0).text() == "#1 3栋2单元厨房漏水"
    assert "expected by 15:45" in records.arrival.text()
    clock.advance(timedelta(minutes=2))  # 15:48: the incoming clerk arrives late
    qtbot.keyClicks(records.username, "li")
    qtbot.keyClicks(records.password, INCOMING_PASSWORD)
    qtbot.keyClick(records.password, Qt.Key.Key_Return)
    assert records.message.text() == ""
    assert "李娜 signed in at 15:48" in records.arrival.text()
    _read_records(qtbot, wizard)

    _count_all(qtbot, wizard)
    wizard.count_page.counted[1].clear()
    qtbot.keyClicks(wizard.count_page.counted[1], "2")
    type_text(qtbot, wizard.count_page.explanation[1], "一台送修")
    _next(qtbot, wizard)

    work = wizard.work_page
    work.disposition[0].setCurrentIndex(work.disposition[0].findData(Disposition.HANDED_OVER.value))
    type_text(qtbot, work.note[0], "工程部明早上门")
    type_text(qtbot, work.new_work, "2栋业主快递待取")
    _click(qtbot, work.add_button)
    work.disposition[1].setCurrentIndex(work.disposition[1].findData(Disposition.CLOSED.value))
    _next(qtbot, wizard)

    area = wizard.area_page
    type_text(qtbot, area.new_anomaly, "大堂闭门器松动")
    _click(qtbot, area.add_anomaly_button)
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    type_text(qtbot, area.explanation[0], "已报工程部")
    _next(qtbot, wizard)

    sign = wizard.sign_page
    assert sign.incoming_username.text() == "li"  # from signing in on the first page
    assert not _finish_button(wizard).isEnabled()
    assert sign.reason.text() == "Both clerks type their passwords to sign."
    _sign(qtbot, wizard)
    assert sign.message.text() == ""
    qtbot.waitUntil(lambda: tab.wizard is None)

    (view,) = desk.handover.handovers(view_day := clock.now().astimezone(TZ).date(), view_day)
    signed = desk.handover.get(view.id)
    assert signed.signed and signed.incoming_name == "李娜" and signed.late_minutes == 3
    assert signed.draft.counts[1].explanation == "一台送修"
    entry = desk.log.get(signed.log_entry_id)
    assert entry.category is LogCategory.HANDOVER and "王丽 → 李娜" in entry.situation
    assert desk.log.count(LogFilter(categories=frozenset({LogCategory.HANDOVER}))) == 1
    assert desk.log.verify().ok
    assert desk.handover.verify_records() == []
    assert tab.message.text().startswith("Handed over to 李娜 at 15:48.")
    assert tab.table.rowCount() == 1 and tab.selected_handover().id == signed.id
    assert not tab.check_button.isVisible()  # a clerk does not check

    # The supervisor's daily check.
    boss = HandoverTab(desk, supervisor)
    qtbot.addWidget(boss)
    assert boss.select_handover(signed.id)
    assert boss.table.item(0, boss.DIFFERENCES).text() == "5 / 1"
    assert boss.table.item(0, boss.LATE).text() == "3 min"
    assert boss.check_button.isEnabled()
    dialog = HandoverDetailDialog(desk, supervisor, signed.id, boss)
    qtbot.addWidget(dialog)
    assert dialog.counts.item(1, 6).text() == "一台送修"
    assert dialog.work.item(0, 2).text() == "工程部明早上门"
    assert dialog.area.item(0, 1).text() == "已报工程部"
    type_text(qtbot, dialog.remark, "交接清楚")
    _click(qtbot, dialog.check_button)  # no password: refused, with the reason shown
    assert dialog.message.text() and dialog.check_status.text() == "Not checked yet."
    assert desk.handover.get(signed.id).checked_by is None
    type_text(qtbot, dialog.password, SUPERVISOR_PASSWORD)
    _click(qtbot, dialog.check_button)
    assert dialog.check_status.text() == "Checked by 张敏 at 2026-11-24 15:48. 交接清楚"
    assert not dialog.check_button.isEnabled()
    assert desk.handover.get(signed.id).checked_by == "张敏"
    boss.reload_handovers()
    boss.select_handover(signed.id)
    assert boss.table.item(0, boss.CHECKED).text() == "张敏"
    assert not boss.check_button.isEnabled()


def test_a_clerk_sees_the_details_but_cannot_check(qtbot, desk, clerk):
    view = desk.handover.start(clerk)
    dialog = HandoverDetailDialog(desk, clerk, view.id)
    qtbot.addWidget(dialog)
    assert not dialog.check_button.isVisibleTo(dialog)
    assert dialog.check_status.text() == "Can be checked once both clerks have signed."


# -- time: the reminder and the overdue warning -----------------------------------------------
def _window(qtbot, services, actor) -> MainWindow:
    window = MainWindow(services, actor, lambda _s, _a, parent: QWidget(parent))
    qtbot.addWidget(window)
    return window


def test_the_reminder_appears_15_minutes_before_the_end_and_goes_when_started(qtbot, desk, clerk, clock):
    clock.set(datetime(2026, 11, 24, 15, 30, tzinfo=TZ))
    window = _window(qtbot, desk, clerk)
    tab = window.handover_tab
    assert tab.reminder_label.isHidden()
    assert window.reminder_label.isHidden()

    clock.set(datetime(2026, 11, 24, 15, 46, tzinfo=TZ))
    tab.refresh_timer.timeout.emit()
    expected = "早班 ends at 16:00, in 14 minutes: tidy the desk and start the handover."
    assert tab.reminder_label.text() == expected and not tab.reminder_label.isHidden()
    assert window.reminder_label.text() == expected and not window.reminder_label.isHidden()
    assert tab.refresh_timer.interval() == 30_000
    # Started: the reminder goes, here and in the status bar.
    desk.handover.start(clerk)
    tab.refresh_timer.timeout.emit()
    assert tab.reminder_label.isHidden()
    assert window.reminder_label.isHidden()


def test_the_reminder_counts_down_on_the_windows_refresh(qtbot, desk, clerk, clock):
    clock.set(datetime(2026, 11, 24, 15, 47, tzinfo=TZ))
    window = _window(qtbot, desk, clerk)
    assert "in 13 minutes" in window.reminder_label.text()
    tab = window.handover_tab
    tab.refresh_timer.stop()  # only the window's own periodic refresh runs from here
    for minutes_left in (12, 11, 5, 1):
        clock.set(datetime(2026, 11, 24, 16, 0, tzinfo=TZ) - timedelta(minutes=minutes_left))
        window.status_timer.timeout.emit()
        assert f"in {minutes_left} minutes" in window.reminder_label.text()
        assert f"in {minutes_left} minutes" in tab.reminder_label.text()
    clock.set(datetime(2026, 11, 24, 16, 0, 30, tzinfo=TZ))  # the shift has ended: overdue, not "in 0"
    window.status_timer.timeout.emit()
    assert window.reminder_label.isHidden()


def test_the_reminder_goes_once_the_handover_is_signed(qtbot, desk, clerk, clock):
    from desk_app.domain.handover import Disposition as Work

    clock.set(datetime(2026, 11, 24, 15, 47, tzinfo=TZ))
    window = _window(qtbot, desk, clerk)
    assert not window.reminder_label.isHidden()
    view = desk.handover.start(clerk)
    draft = view.draft
    draft.records_acknowledged = True
    for count in draft.counts:
        count.counted = count.expected
    for work in draft.open_work:
        work.disposition, work.note = Work.CLOSED, "已处理"
    desk.handover.save_draft(clerk, view.id, draft)
    desk.handover.sign(view.id, CLERK_PASSWORD, "li", INCOMING_PASSWORD)
    clock.advance(timedelta(minutes=1))
    window.status_timer.timeout.emit()
    assert window.reminder_label.isHidden()
    assert window.handover_tab.reminder_label.isHidden()
    assert desk.handover.end_of_shift_reminder() is None


def test_the_reminder_shows_at_start_up_near_the_end(qtbot, desk, clerk):
    window = _window(qtbot, desk, clerk)  # 15:46
    assert "in 14 minutes" in window.reminder_label.text()
    assert not window.reminder_label.isHidden()


def test_an_unsigned_handover_is_overdue_after_the_end_of_the_shift(qtbot, desk, clerk, clock):
    clock.set(datetime(2026, 11, 24, 15, 50, tzinfo=TZ))
    window = _window(qtbot, desk, clerk)
    tab = window.handover_tab
    _open(qtbot, tab).close()
    assert tab.overdue_banner.isHidden() and window.handover_label.isHidden()

    clock.set(datetime(2026, 11, 24, 16, 20, tzinfo=TZ))
    tab.refresh_timer.timeout.emit()
    assert tab.overdue_banner.text() == (
        "早班 ended at 16:00; the handover is overdue by 20 minutes. The outgoing clerk stays on duty "
        "until the incoming clerk signs."
    )
    assert not tab.overdue_banner.isHidden()
    assert window.handover_label.text() == tab.overdue_banner.text() and not window.handover_label.isHidden()
    clock.advance(timedelta(minutes=30))
    tab.refresh_timer.timeout.emit()
    assert "overdue by 50 minutes" in window.handover_label.text()


# -- the item list ------------------------------------------------------------------------------
def test_the_supervisor_keeps_the_item_list_and_the_early_arrival(qtbot, desk, supervisor, clerk):
    clerk_tab = HandoverTab(desk, clerk)
    qtbot.addWidget(clerk_tab)
    assert not clerk_tab.items_button.isVisibleTo(clerk_tab)

    dialog = ItemsDialog(desk, supervisor)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == len(ITEMS)
    type_text(qtbot, dialog.name, "登记本")
    type_text(qtbot, dialog.unit, "本")
    dialog.expected.setValue(2)
    _click(qtbot, dialog.add_button)
    assert dialog.message.text() == "登记本 added."
    assert [i.name for i in desk.handover.items()][-1] == "登记本"

    dialog.select_row(1)  # 对讲机
    assert dialog.name.text() == "对讲机"
    dialog.expected.setValue(4)
    _click(qtbot, dialog.change_button)
    assert desk.handover.items()[1].expected == 4
    assert dialog.history.item(0, 2).text() == "changed" and dialog.history.item(0, 5).text() == "4"
    assert dialog.history.item(0, 1).text() == "张敏"

    dialog.select_row(0)
    _click(qtbot, dialog.retire_button)
    assert "钥匙" not in [i.name for i in desk.handover.items()]
    assert dialog.history.item(0, 2).text() == "removed"

    type_text(qtbot, dialog.name, "门禁卡")  # a duplicate is refused with the service's words
    dialog.table.clearSelection()
    dialog.name.setText("门禁卡")
    _click(qtbot, dialog.add_button)
    assert dialog.message.text() == "The item list already has 门禁卡."

    dialog.early.setValue(5)
    _click(qtbot, dialog.early_button)
    assert desk.handover.early_arrival_minutes() == 5


# -- printing ---------------------------------------------------------------------------------
def test_print_the_signed_handover_record(qtbot, tab, desk, monkeypatch, tmp_path):
    wizard = _open(qtbot, tab)
    _through_to_sign(qtbot, wizard)
    _sign(qtbot, wizard)
    qtbot.waitUntil(lambda: tab.wizard is None)
    assert tab.print_button.isEnabled() and tab.save_pdf_button.isEnabled()

    from desk_app.ui import print_preview

    saved: list[tuple[Path, str | None, bool]] = []
    monkeypatch.setattr(
        print_preview,
        "save_pdf_copy",
        lambda parent, path, suggested_name=None: saved.append((path, suggested_name, path.is_file())),
    )
    task = tab.print_selected(HandoverTab.SAVE_PDF)
    assert task is not None
    qtbot.waitUntil(lambda: bool(saved), timeout=20_000)
    path, name, existed = saved[0]
    assert name == "交接班记录表_2026-11-24_早班.pdf" and existed
    qtbot.waitUntil(lambda: not path.parent.exists())  # no confidential copy left behind


# -- who is signed in after the handover ------------------------------------------------------
def test_after_the_handover_the_incoming_clerk_is_the_one_signed_in(qtbot, desk, clerk, db_url, clock, monkeypatch):
    from desk_app.ui.app import Startup
    from tests.ui.test_app_shell import Script

    script = Script(monkeypatch, qtbot)
    script.sign_ins.append([("wang", CLERK_PASSWORD)])
    startup = Startup(db_url, clock=clock)
    try:
        assert startup.start()
        outgoing_window = startup.window
        assert outgoing_window is not None and outgoing_window.actor.username == "wang"
        wizard = _open(qtbot, outgoing_window.handover_tab)
        _through_to_sign(qtbot, wizard)
        _sign(qtbot, wizard)
        qtbot.waitUntil(lambda: startup.window is not None and startup.window is not outgoing_window)
        window = startup.window
        assert script.shown == ["sign-in"]  # the incoming clerk was not asked for a password again
        qtbot.waitUntil(lambda: not Shiboken.isValid(outgoing_window))

        # The header, the status bar and the handover tab all name the incoming clerk.
        assert window.actor.username == "li"
        assert "李娜" in window.person_label.text() and "王丽" not in window.person_label.text()
        state = window.handover_tab.state_label.text()
        assert state.startswith("早班 2026-11-24 was handed over to 李娜 at 15:46; 李娜 is on duty."), state
        assert not window.handover_tab.start_button.isEnabled()  # until 中班 begins
        # The HANDOVER entry is at the top of the log list at once.
        assert window.task_runner.wait_idle()
        top = window.log_tab.model.entry(0)
        assert top is not None and top.category is LogCategory.HANDOVER and "王丽 → 李娜" in top.situation

        # What is written from now on carries the incoming clerk.
        bar = window.log_tab.entry_bar
        clock.advance(timedelta(minutes=1))
        type_text(qtbot, bar.situation, "业主来电询问快递")
        qtbot.keyClick(bar.situation, Qt.Key.Key_Return)
        assert window.task_runner.wait_idle()
        saved = window.log_tab.model.entry(0)
        assert saved is not None and saved.situation == "业主来电询问快递" and saved.clerk_name == "李娜"
        window.close()
    finally:
        startup.shutdown()


def test_a_line_typed_before_add_survives_a_pause(qtbot, tab, desk, clerk):
    wizard = _open(qtbot, tab)
    type_text(qtbot, wizard.work_page.new_work, "5栋业主快递待取")
    type_text(qtbot, wizard.area_page.new_anomaly, "大堂闭门器松动")
    wizard.reject()  # Pause, or the window closing
    qtbot.waitUntil(lambda: tab.wizard is None)
    again = _open(qtbot, tab)
    assert again.work_page.new_work.text() == "5栋业主快递待取"
    assert again.area_page.new_anomaly.text() == "大堂闭门器松动"
    again.work_page.new_work.clear()
    again.area_page.new_anomaly.clear()
    again.drafts.flush()
    assert desk.drafts.load(clerk, f"handover_{again.view.id}") is None  # nothing typed: nothing kept


def test_a_long_open_work_is_shown_whole_in_the_work_step(qtbot, tab, desk):
    """The tour saw every description elided ("…") in step 3: the work's own words take
    the spare width and wrap onto a taller row."""
    wizard = _open(qtbot, tab)
    wizard.resize(1100, 760)
    _read_records(qtbot, wizard)
    _count_all(qtbot, wizard)
    _next(qtbot, wizard)
    page = wizard.work_page
    long_work = "3栋2单元1502业主的快递两件待取，业主出差至周五，已电话确认由其家人凭取件码代取，" * 2
    type_text(qtbot, page.new_work, long_work.strip())
    _click(qtbot, page.add_button)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1)
    table = page.table
    table.resize(1060, 400)
    QApplication.processEvents()  # the header lays the columns out
    index = table.model().index(0, page.WORK)
    rect = table.visualRect(index)
    lines = -(-table.fontMetrics().horizontalAdvance(long_work.strip()) // max(1, rect.width() - 8))
    assert table.columnWidth(page.WORK) > table.columnWidth(page.NOTE)  # the work, not the note, is widest
    assert rect.height() >= lines * table.fontMetrics().lineSpacing()  # every line of it is shown


def test_a_column_the_person_widened_stays_so_on_a_refresh_that_changes_nothing(qtbot, tab, desk, clerk):
    desk.handover.start(clerk)
    tab.refresh()
    assert tab.table.rowCount() == 1
    header = tab.table.horizontalHeader()
    fitted = header.sectionSize(tab.OUTGOING)
    header.resizeSection(tab.OUTGOING, fitted + 150)  # as a drag of the header's edge does
    tab.refresh()  # the 30-second refresh: the same rows
    assert header.sectionSize(tab.OUTGOING) == fitted + 150
    tab.date_from.setDate(tab.date_from.date().addDays(-1))  # another range: the same one row
    assert header.sectionSize(tab.OUTGOING) == fitted + 150
    tab.date_to.setDate(tab.date_to.date().addDays(-1))  # today's handover leaves the list
    assert tab.table.rowCount() == 0
    assert header.sectionSize(tab.OUTGOING) != fitted + 150  # new texts are measured anew
