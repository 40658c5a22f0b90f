"""The roster tab driven as a supervisor and a clerk would: keys on the grid, publishing,
a change to a published month with its reason, and a swap asked and approved."""

from __future__ import annotations

import re
from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QStyle, QWidget

from desk_app.domain.roles import Role
from desk_app.domain.roster import Wish
from desk_app.ui.roster_tab import RosterTab
from desk_app.ui.roster_tab.model import SHORT_COLOR
from desk_app.ui.widgets_common import ERROR_STYLE, OK_STYLE
from tests.conftest import CLERK_PASSWORD, SUPERVISOR_PASSWORD

DEC1 = date(2026, 12, 1)


@pytest.fixture
def li(services, supervisor):
    services.accounts.create(supervisor, "li", "李娜", CLERK_PASSWORD, Role.CLERK)
    return services.accounts.authenticate("li", CLERK_PASSWORD)


@pytest.fixture
def answers():
    return []  # what the reason prompts answer, in order (None: cancelled)


@pytest.fixture
def confirmed():
    return []  # the gaps each "publish with these gaps?" was shown (answered yes)


@pytest.fixture
def tab(qtbot, services, supervisor, clerk, li, answers, confirmed):
    def ask(_title: str, _label: str) -> str | None:
        return answers.pop(0)

    def confirm(_year: int, _month: int, gaps: list[str]) -> bool:
        confirmed.append(gaps)
        return True

    widget = RosterTab(
        services, supervisor, ask_reason=ask, ask_password=lambda *_: SUPERVISOR_PASSWORD, confirm_gaps=confirm
    )
    qtbot.addWidget(widget)
    widget.resize(1400, 600)
    widget.show()
    return widget


def _issues(tab):
    """The entries of the month's summary under the grid (not the group headings)."""
    return [issue for _text, issue in tab.summary.entries() if issue is not None]


def _cell(tab, account_id: int, day: date):
    view = tab.model.view
    row = next(i for i, m in enumerate(view.staff) if m.account_id == account_id)
    return tab.model.index(row, view.days.index(day))


def test_the_tab_opens_on_next_month_as_a_draft(tab):
    assert tab.year_month() == (2026, 12)
    assert tab.model.columnCount() == 31 + 2
    assert [m.name for m in tab.model.view.staff] == ["王丽", "李娜"]
    assert tab.publish_button.isEnabled()
    # Three shifts, nobody planned: every shift of every day is short.
    assert len(_issues(tab)) == 31 * 3
    coverage = tab.model.index(tab.model.staff_rows, 0)
    assert tab.model.data(coverage) == "0/1"
    assert tab.model.data(coverage, Qt.ItemDataRole.BackgroundRole).color() == SHORT_COLOR


def test_keys_fill_the_grid_and_move_to_the_next_day(qtbot, tab, services, clerk):
    tab.table.setFocus()
    tab.table.setCurrentIndex(_cell(tab, clerk.account_id, DEC1))
    qtbot.keyClicks(tab.table, "23x")  # 早班 on the 1st, 中班 on the 2nd, a kept day off on the 3rd
    view = services.roster.month(2026, 12)
    names = {t.id: t.name for t in services.roster.templates()}
    assert names[view.shift_of(clerk.account_id, DEC1)] == "早班"
    assert names[view.shift_of(clerk.account_id, date(2026, 12, 2))] == "中班"
    assert view.cells[(clerk.account_id, date(2026, 12, 3))] == (None, True)
    assert tab.model.data(_cell(tab, clerk.account_id, date(2026, 12, 3))) == "休"
    tab.table.setCurrentIndex(_cell(tab, clerk.account_id, DEC1))
    qtbot.keyClick(tab.table, Qt.Key.Key_L)
    assert services.roster.month(2026, 12).cells[(clerk.account_id, DEC1)][1]  # locked
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert services.roster.month(2026, 12).shift_of(clerk.account_id, DEC1) is None
    assert len(_issues(tab)) == 31 * 3 - 1  # the 中班 of the 2nd is covered


def test_publishing_and_then_changing_with_a_reason(qtbot, tab, services, clerk, answers):
    tab.table.setCurrentIndex(_cell(tab, clerk.account_id, DEC1))
    qtbot.keyClicks(tab.table, "2")
    answers.append("十二月值班安排")
    assert tab.publish()
    assert tab.state_label.text() == "Published, version 1"
    assert not tab.publish_button.isEnabled()
    # A change to the published month asks why; cancelling changes nothing.
    answers.append(None)
    tab.table.setCurrentIndex(_cell(tab, clerk.account_id, DEC1))
    qtbot.keyClicks(tab.table, "3")
    assert services.roster.month(2026, 12).version == 1
    answers.append("王丽要求改中班")
    tab.table.setCurrentIndex(_cell(tab, clerk.account_id, DEC1))
    qtbot.keyClicks(tab.table, "3")
    view = services.roster.month(2026, 12)
    assert view.version == 2 and tab.state_label.text() == "Published, version 2"
    [change] = services.roster.changes(2026, 12)
    assert change.reason == "王丽要求改中班"


def test_publishing_needs_the_supervisors_password(qtbot, services, supervisor, clerk, li):
    widget = RosterTab(
        services,
        supervisor,
        ask_reason=lambda *_: "",
        ask_password=lambda *_: "wrong-password",
        confirm_gaps=lambda *_: True,
    )
    qtbot.addWidget(widget)
    widget.table.setCurrentIndex(_cell(widget, clerk.account_id, DEC1))
    qtbot.keyClicks(widget.table, "2")
    assert not widget.publish()
    assert widget.message.text()  # refused, and says why
    assert not services.roster.month(2026, 12).published
    cancelled = RosterTab(
        services, supervisor, ask_reason=lambda *_: "", ask_password=lambda *_: None, confirm_gaps=lambda *_: True
    )
    qtbot.addWidget(cancelled)
    assert not cancelled.publish() and not services.roster.month(2026, 12).published


def test_a_clerk_sees_the_roster_but_cannot_edit_it(qtbot, services, clerk, li):
    widget = RosterTab(services, clerk, ask_reason=lambda *_: "x")
    qtbot.addWidget(widget)
    assert not widget.publish_button.isVisible()
    index = _cell(widget, clerk.account_id, DEC1)
    assert not (widget.model.flags(index) & Qt.ItemFlag.ItemIsEditable)
    widget.table.setCurrentIndex(index)
    assert not widget.key(Qt.Key.Key_1, "1")
    assert services.roster.month(2026, 12).shift_of(clerk.account_id, DEC1) is None


def test_a_swap_asked_by_a_clerk_and_approved_by_the_supervisor(qtbot, services, supervisor, clerk, li):
    early, late = (t.id for t in services.roster.templates() if t.name in ("早班", "中班"))
    services.roster.set_cell(supervisor, date(2026, 12, 7), clerk.account_id, early)
    services.roster.set_cell(supervisor, date(2026, 12, 9), li.account_id, late)
    gaps = services.roster.coverage_gaps(2026, 12)
    services.roster.publish(supervisor, 2026, 12, password=SUPERVISOR_PASSWORD, accept_gaps=gaps)

    from desk_app.ui.roster_tab.requests_panel import RequestsPanel

    def fill_swap(dialog) -> bool:
        dialog.day_from.setDate(dialog.day_from.date().fromString("2026-12-07", "yyyy-MM-dd"))
        dialog.other.setCurrentIndex(dialog.other.findText("李娜"))
        dialog.other_day.setDate(dialog.other_day.date().fromString("2026-12-09", "yyyy-MM-dd"))
        dialog.reason.setText("家里有事")
        return dialog.submit()

    clerk_panel = RequestsPanel(services, clerk, ask=fill_swap)
    qtbot.addWidget(clerk_panel)
    assert not clerk_panel.approve_button.isVisibleTo(clerk_panel)
    request = clerk_panel.ask("swap")
    assert request is not None and request.status == "pending"
    assert clerk_panel.withdraw_button.isEnabled()

    def approve(dialog) -> bool:
        dialog.note.setText("同意")
        dialog.password.setText(SUPERVISOR_PASSWORD)  # the approval is given by password
        return True

    tab = RosterTab(services, supervisor, ask_reason=lambda *_: "", ask_password=lambda *_: SUPERVISOR_PASSWORD)
    qtbot.addWidget(tab)
    tab.requests._ask = approve
    tab.requests.select(request.id)
    assert tab.requests.approve_button.isEnabled()
    with qtbot.waitSignal(tab.requests.changed):
        assert tab.requests.decide(True)
    assert services.requests.get(request.id).status == "approved"
    assert tab.model.view.shift_of(li.account_id, date(2026, 12, 7)) == early  # the grid was reloaded
    assert tab.model.view.shift_of(clerk.account_id, date(2026, 12, 9)) == late
    assert tab.state_label.text() == "Published, version 5"


def test_a_refused_request_shows_why_in_the_dialog(qtbot, services, clerk, li):
    from desk_app.ui.roster_tab.requests_panel import RequestDialog

    dialog = RequestDialog(services, clerk, "cover")
    qtbot.addWidget(dialog)
    dialog.reason.setText("体检")
    assert not dialog.submit()  # no published shift to cover
    assert dialog.message.text()
    assert services.requests.requests() == []


def test_generate_fills_the_draft_and_keeps_locked_cells(qtbot, tab, services, supervisor, clerk, li):
    night = next(t.id for t in services.roster.templates() if t.name == "夜班")
    services.roster.set_cell(supervisor, DEC1, clerk.account_id, night, locked=True)
    tab.reload()
    improvements = []
    tab.generator.improved.connect(lambda *args: improvements.append(args[0]))
    tab.time_limit.setValue(10)
    with qtbot.waitSignal(tab.generator.finished, timeout=60_000):
        assert tab.generate()
        assert not tab.generate_button.isEnabled() and tab.stop_button.isVisibleTo(tab)
    assert improvements  # the grid showed rosters while searching
    view = services.roster.month(2026, 12)
    assert view.cells[(clerk.account_id, DEC1)] == (night, True)
    assert len(view.assignments()) > 31  # two people on three shifts a day: as many as the rules allow
    assert tab.generate_button.isEnabled() and not tab.stop_button.isVisibleTo(tab)
    gaps = services.roster.coverage_gaps(2026, 12)
    assert gaps and tab.message.text().startswith(f"Short of people: {len(gaps)} shifts")
    assert tab.message.styleSheet() == ERROR_STYLE  # shifts short of people are not a success
    assert "cost" not in tab.message.text()
    assert not any(i.kind == "rule" for i in services.roster.issues(2026, 12))


def test_a_generated_month_with_every_shift_staffed_is_said_in_green(qtbot, tab, services, supervisor):
    from desk_app.domain.roster import ShiftNeed

    early = next(t.id for t in services.roster.templates() if t.name == "早班")
    for template in services.roster.templates():
        services.roster.set_need(supervisor, ShiftNeed(template.id, (0,) * 7, 0))
    services.roster.set_need(supervisor, ShiftNeed(early, (1,) * 7, 1))
    tab.time_limit.setValue(10)
    with qtbot.waitSignal(tab.generator.finished, timeout=60_000):
        assert tab.generate()
    summary = services.roster.summary(2026, 12)
    assert summary.complete and services.roster.coverage_gaps(2026, 12) == []
    assert tab.message.text().startswith("Generated in") and tab.message.styleSheet() == OK_STYLE


def test_stop_ends_the_search_with_the_best_roster_so_far(qtbot, tab, services):
    tab.time_limit.setValue(600)
    tab.generator.improved.connect(lambda *_: tab.stop_generating())
    with qtbot.waitSignal(tab.generator.finished, timeout=60_000) as finished:
        tab.generate()
    assert services.roster.month(2026, 12).assignments()
    text = tab.message.text()
    if finished.args[0].status == "FEASIBLE":  # stopped before the proof (this small month may be proved at once)
        assert "The search stopped after" in text and "before proving this the best" in text
    else:
        assert "this is the best roster possible" in text


def test_conflicting_rules_are_named_not_just_infeasible(qtbot, tab, services, supervisor):
    from desk_app.domain.roster import StaffRules

    services.roster.set_rules(supervisor, None, StaffRules(min_minutes=30 * 480, max_consecutive_days=2))
    tab.time_limit.setValue(10)
    with qtbot.waitSignal(tab.generator.finished, timeout=60_000):
        tab.generate()
    text = tab.message.text()
    assert text.startswith("No roster satisfies the rules")
    # One person is enough to show the conflict: the first, or the second, named with the rules.
    assert re.search(r"(王丽|李娜): the most working days in a row; \1: the minimum hours", text)
    assert services.roster.month(2026, 12).assignments() == []


def test_rule_breaks_of_a_hand_made_month_are_listed(qtbot, tab, services, supervisor, clerk):
    from desk_app.domain.roster import StaffRules

    services.roster.set_rules(supervisor, clerk.account_id, StaffRules(max_consecutive_days=2))
    early = next(t.id for t in services.roster.templates() if t.name == "早班")
    for day in range(1, 5):
        services.roster.set_cell(supervisor, date(2026, 12, day), clerk.account_id, early)
    tab.reload()
    texts = [tab.issues.item(i).text() for i in range(tab.issues.count())]
    assert any("王丽" in t and "too many working days in a row" in t for t in texts)


def test_the_month_prints_and_exports(qtbot, tab, services, supervisor, clerk, monkeypatch, tmp_path):
    from pypdf import PdfReader

    from desk_app.ui import print_preview
    from desk_app.ui.documents import Output

    early = next(t.id for t in services.roster.templates() if t.name == "早班")
    services.roster.set_cell(supervisor, DEC1, clerk.account_id, early)
    tab.reload()
    made = {}
    monkeypatch.setattr(
        print_preview, "print_pdf", lambda _p, path: made.update(pdf=PdfReader(str(path)).pages[0].extract_text())
    )
    monkeypatch.setattr(
        print_preview, "save_excel_copy", lambda _p, path, suggested_name=None: made.update(xlsx=suggested_name)
    )
    monkeypatch.setattr(
        print_preview, "save_calendar_copy", lambda _p, path, suggested_name=None: made.update(ics=path.read_bytes())
    )
    tab.make_document(Output.PRINT)
    qtbot.waitUntil(lambda: "pdf" in made, timeout=20_000)
    assert "2026年12月值班安排表" in made["pdf"] and "王丽" in made["pdf"]
    tab.make_document(Output.SAVE_EXCEL)
    qtbot.waitUntil(lambda: "xlsx" in made, timeout=20_000)
    assert made["xlsx"] == "值班安排表_2026-12.xlsx"
    tab.table.clearSelection()
    tab.table.setCurrentIndex(tab.model.index(-1, -1))
    assert tab.make_document(Output.SAVE_CALENDAR) is None and tab.message.text()
    tab.table.setCurrentIndex(_cell(tab, clerk.account_id, DEC1))
    tab.make_document(Output.SAVE_CALENDAR)
    qtbot.waitUntil(lambda: "ics" in made, timeout=20_000)
    assert made["ics"].count(b"BEGIN:VEVENT") == 1


def test_a_clerk_enters_a_wish_on_their_own_row_only(qtbot, services, supervisor, clerk, li):
    widget = RosterTab(services, clerk, ask_reason=lambda *_: "")
    qtbot.addWidget(widget)
    assert widget.set_wish(clerk.account_id, date(2026, 12, 24), "off", None, 5)
    assert services.roster.wishes(DEC1, date(2026, 12, 31))[0].weight == 5
    index = _cell(widget, clerk.account_id, date(2026, 12, 24))
    assert "wish: off" in widget.model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert not widget.set_wish(li.account_id, date(2026, 12, 24), "off", None, 5)  # not hers to wish
    assert widget.message.text()
    assert widget.remove_wish(clerk.account_id, date(2026, 12, 24))
    assert services.roster.wishes(DEC1, date(2026, 12, 31)) == []


def test_a_persons_calendar_shows_their_shifts_and_leave(qtbot, services, supervisor, clerk):
    from desk_app.ui.roster_tab.person_calendar import PersonCalendarDialog

    early = next(t.id for t in services.roster.templates() if t.name == "早班")
    services.roster.set_cell(supervisor, DEC1, clerk.account_id, early)
    request = services.requests.request_leave(clerk, date(2026, 12, 10), date(2026, 12, 10), "看病")
    services.requests.decide(supervisor, request.id, True, "", password=SUPERVISOR_PASSWORD)
    dialog = PersonCalendarDialog(services, 2026, 12, clerk.account_id)
    qtbot.addWidget(dialog)
    cells = {
        dialog.table.item(r, c).text().split("\n")[0]: dialog.table.item(r, c).text()
        for r in range(dialog.table.rowCount())
        for c in range(7)
        if dialog.table.item(r, c) is not None
    }
    assert len(cells) == 31
    assert cells["1"] == "1\n早班\n08:00–16:00"
    assert dialog.table.item(0, 1).text().startswith("1")  # 1 December 2026 is a Tuesday
    assert cells["10"] == "10\nleave"


# -- what the month achieves, publishing with gaps, the grid's width (issue 13) ---------------
def _gap_entry(tab, day: date, shift_name: str) -> int:
    return next(
        row
        for row, (_text, issue) in enumerate(tab.summary.entries())
        if issue is not None and issue.kind == "gap" and issue.day == day and issue.subject == shift_name
    )


def _first_entry(tab, kind: str) -> int:
    return next(i for i, (_t, issue) in enumerate(tab.summary.entries()) if issue is not None and issue.kind == kind)


def test_the_summary_counts_and_each_entry_leads_to_its_cell(qtbot, tab, services, supervisor, clerk, li):
    from desk_app.domain.roster import StaffRules

    services.roster.set_rules(supervisor, clerk.account_id, StaffRules(max_consecutive_days=2))
    early = next(t.id for t in services.roster.templates() if t.name == "早班")
    for day in range(1, 4):
        services.roster.set_cell(supervisor, date(2026, 12, day), clerk.account_id, early)
    services.roster.set_wish(li, Wish(li.account_id, date(2026, 12, 20), None, "on", 3))
    tab.reload()
    headline = tab.summary.headline.text()
    assert headline == "Short of people: 90 shifts (90 people missing); wishes not met: 1; rules not kept: 1"
    texts = [text for text, _issue in tab.summary.entries()]
    assert texts[0] == "Shifts short of people (90)" and "Wishes not met (1)" in texts and "Rules not kept (1)" in texts
    # A click on a gap selects the shift's coverage cell of that day and shows it.
    row = _gap_entry(tab, date(2026, 12, 31), "中班")
    item = tab.issues.item(row)
    tab.issues.scrollToItem(item)
    qtbot.mouseClick(tab.issues.viewport(), Qt.MouseButton.LeftButton, pos=tab.issues.visualItemRect(item).center())
    current = tab.table.currentIndex()
    middle_row = tab.model.staff_rows + [t.name for t in tab.model.templates].index("中班")
    assert (current.row(), current.column()) == (middle_row, 30)
    assert tab.table.viewport().rect().intersects(tab.table.visualRect(current))
    # A wish not met: the person's cell of that day; a rule not kept: where the run starts.
    wish_row = next(
        i for i, (_t, issue) in enumerate(tab.summary.entries()) if issue is not None and issue.kind == "wish"
    )
    tab.summary.choose(wish_row)
    assert tab.table.currentIndex() == _cell(tab, li.account_id, date(2026, 12, 20))
    rule_row = next(
        i for i, (_t, issue) in enumerate(tab.summary.entries()) if issue is not None and issue.kind == "rule"
    )
    tab.summary.choose(rule_row)
    assert tab.table.currentIndex() == _cell(tab, clerk.account_id, DEC1)
    # A heading leads nowhere.
    tab.summary.choose(0)
    assert tab.table.currentIndex() == _cell(tab, clerk.account_id, DEC1)


def test_the_chinese_summary_says_short_of_people_and_never_cost(qtbot, services, supervisor, clerk, li):
    from desk_app.ui import i18n

    i18n.install_translators(QApplication.instance(), "zh_CN")
    try:
        widget = RosterTab(services, supervisor, ask_reason=lambda *_: "", confirm_gaps=lambda *_: True)
        qtbot.addWidget(widget)
        widget.time_limit.setMinimum(1)
        widget.time_limit.setValue(2)
        progress = []
        widget.generator.improved.connect(lambda *_: progress.append(widget.progress_label.text()))
        with qtbot.waitSignal(widget.generator.finished, timeout=60_000) as finished:
            assert widget.generate()
        solution = finished.args[0]
        short = len(services.roster.coverage_gaps(2026, 12))
        assert short > 0  # two people cannot staff three shifts a day
        text = widget.message.text()
        if solution.status == "OPTIMAL":
            assert text.startswith(f"人手不足：无法排满 {short} 个班次。在现有人员和规则下，这已是最好的排法")
        else:
            assert text.startswith(f"人手不足：还有 {short} 个班次未排满。") and "尚未证明" in text
        headline = widget.summary.headline.text()
        assert headline.startswith(f"人手不足：{short} 个班次")
        assert progress and progress[-1].startswith("目前最好：")
        for shown in (text, headline, *progress, *(t for t, _i in widget.summary.entries())):
            assert "代价" not in shown and "cost" not in shown.lower()
    finally:
        i18n.remove_translators(QApplication.instance())


def test_what_a_generated_roster_achieves_is_said_plainly_in_chinese(qapp):
    from desk_app.services.roster import IssueKind, MonthSummary, RosterIssue
    from desk_app.ui import i18n
    from desk_app.ui.roster_tab.texts import generated_text

    gap = RosterIssue(IssueKind.GAP, DEC1, "中班", 1, 0, template_id=1)
    wish = RosterIssue(IssueKind.WISH, DEC1, "王丽", account_id=2, wish="off", weight=3)
    gaps = MonthSummary(gaps=(gap,) * 39, wishes=(wish,))
    i18n.install_translators(qapp, "zh_CN")
    try:
        best = generated_text(gaps, True, 12.04)
        assert best == (
            "人手不足：无法排满 39 个班次。在现有人员和规则下，这已是最好的排法（用时 12.0 秒）。有 1 个愿望未能满足。"
        )
        stopped = generated_text(gaps, False, 60.0)
        assert stopped.startswith("人手不足：还有 39 个班次未排满。搜索在 60.0 秒时停止，尚未证明这是最好的排法")
        full = generated_text(MonthSummary(), False, 5.0)
        assert "所有班次都已排满" in full and "尚未证明" in full
        assert generated_text(MonthSummary(), True, 5.0).startswith("已生成排班（用时 5.0 秒）：所有班次都已排满")
        for text in (best, stopped, full):
            assert "代价" not in text and "最优" not in text
    finally:
        i18n.remove_translators(qapp)


def test_a_wish_names_its_shift_once_in_chinese(qapp):
    from desk_app.domain.roster import WishKind
    from desk_app.services.roster import IssueKind, RosterIssue
    from desk_app.ui import i18n
    from desk_app.ui.roster_tab.texts import issue_text, wish_text

    assert wish_text(WishKind.ON, "早班", 3) == "work 早班 (weight 3)"
    assert wish_text(WishKind.OFF, "", 5) == "off the whole day (weight 5)"
    i18n.install_translators(qapp, "zh_CN")
    try:
        assert wish_text(WishKind.ON, "早班", 3) == "想上早班（权重 3）"
        assert wish_text(WishKind.OFF, "早班", 3) == "不想上早班（权重 3）"
        assert wish_text(WishKind.ON, "", 2) == "想上班（权重 2）"
        assert wish_text(WishKind.OFF, "", 5) == "想休息（权重 5）"
        wish = RosterIssue(IssueKind.WISH, DEC1, "王丽", account_id=1, template_id=7, wish=WishKind.ON, weight=3)
        assert issue_text(wish, {7: "早班"}) == "12-01 王丽: 想上早班（权重 3）"
    finally:
        i18n.remove_translators(qapp)


def test_publishing_a_month_with_gaps_lists_them_and_asks_first(qtbot, services, supervisor, clerk, li, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from desk_app.ui.roster_tab.publish import PublishGapsDialog

    shown: list[list[str]] = []
    answer = [QDialog.DialogCode.Rejected]

    def exec_(dialog) -> int:
        shown.append([dialog.gaps.item(i).text() for i in range(dialog.gaps.count())])
        assert dialog.buttons.button(dialog.buttons.StandardButton.Cancel).isDefault()  # Enter does not publish
        return answer[0].value

    monkeypatch.setattr(PublishGapsDialog, "exec", exec_)
    asked = []
    widget = RosterTab(
        services,
        supervisor,
        ask_reason=lambda *_: asked.append("note") or "",
        ask_password=lambda *_: SUPERVISOR_PASSWORD,
    )
    qtbot.addWidget(widget)
    early = next(t.id for t in services.roster.templates() if t.name == "早班")
    for day in range(1, 32):
        services.roster.set_cell(supervisor, date(2026, 12, day), clerk.account_id if day % 2 else li.account_id, early)
    widget.reload()
    assert not widget.publish()  # cancelled at the list of gaps: nothing asked, nothing published
    assert asked == [] and not services.roster.month(2026, 12).published
    [gaps] = shown
    assert len(gaps) == 62 and gaps[0] == "12-01 夜班: 0 of 1 people" and "12-31 中班: 0 of 1 people" in gaps
    answer[0] = QDialog.DialogCode.Accepted
    assert widget.publish()
    assert asked == ["note"] and services.roster.month(2026, 12).published
    assert widget.message.text() == "Published as version 1."
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert widget.findChildren(PublishGapsDialog) == []  # each answered dialog is deleted, not kept by the tab


def test_the_message_follows_the_month_shown(qtbot, tab, services, clerk, answers):
    tab.table.setCurrentIndex(_cell(tab, clerk.account_id, DEC1))
    qtbot.keyClicks(tab.table, "2")
    answers.append("")
    assert tab.publish()
    assert tab.message.text() == "Published as version 1." and tab.state_label.text() == "Published, version 1"
    qtbot.mouseClick(tab.next_button, Qt.MouseButton.LeftButton)
    assert tab.year_month() == (2027, 1)
    assert tab.message.text() == "" and tab.state_label.text() == "Draft: not published"
    assert tab.publish_button.isEnabled()
    qtbot.mouseClick(tab.previous_button, Qt.MouseButton.LeftButton)
    assert tab.state_label.text() == "Published, version 1" and tab.message.text() == ""


def test_every_day_of_the_month_is_in_view_at_1600_by_1000(qtbot, services, supervisor, clerk, li):
    from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

    from desk_app.paths import font_path
    from desk_app.ui import i18n
    from desk_app.ui.main_window import MainWindow

    app = QApplication.instance()
    before = app.font()
    # The program's own CJK font at 12 pt: a desktop with real Chinese glyphs and larger text
    # than the test default (whose placeholder glyphs are narrow).
    font_id = QFontDatabase.addApplicationFont(str(font_path()))
    assert font_id >= 0
    app.setFont(QFont(QFontDatabase.applicationFontFamilies(font_id)[0], 12))
    i18n.install_translators(app, "zh_CN")  # as the desk sees it
    try:
        window = MainWindow(services, supervisor, lambda *_: QWidget())
        qtbot.addWidget(window)
        window.resize(1600, 1000)
        window.show()
        window.tabs.setCurrentWidget(window.roster_tab)
        qtbot.waitExposed(window)
        tab = window.roster_tab
        for account in (clerk, li):
            services.roster.set_cell(supervisor, date(2026, 12, 31), account.account_id, tab.model.templates[0].id)
        tab.reload()
        qtbot.wait(10)
        viewport = tab.table.viewport().rect()
        last = tab.model.index(0, 30)
        assert tab.model.day_of(30) == date(2026, 12, 31)
        assert viewport.contains(tab.table.visualRect(last))
        totals = tab.model.index(0, tab.model.columnCount() - 1)
        assert viewport.contains(tab.table.visualRect(totals))
        metrics = QFontMetrics(tab.table.font())
        # No text of the day is elided ("2/1" fits its cell): Qt draws an item's text inside
        # the focus frame's margin plus one pixel on each side.
        margin = tab.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tab.table) + 1
        for row in range(tab.model.rowCount()):
            index = tab.model.index(row, 30)
            text = tab.model.data(index) or ""
            assert metrics.horizontalAdvance(text) <= tab.table.visualRect(index).width() - 2 * margin, text
        assert tab.table.horizontalScrollBar().maximum() == 0
    finally:
        i18n.remove_translators(app)
        app.setFont(before)


def test_the_days_of_the_week_are_in_the_interfaces_language(qtbot, services, supervisor, clerk):
    """The tour saw "五", "六" under the days of the English roster."""
    from desk_app.ui import i18n

    app = QApplication.instance()
    for language, tuesday in (("en", "Tue"), ("zh_CN", "二")):  # 2026-12-01 is a Tuesday
        i18n.install_translators(app, language)
        try:
            widget = RosterTab(services, supervisor, ask_reason=lambda *_: "")
            qtbot.addWidget(widget)
            header = widget.model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
            assert header == f"1\n{tuesday}"
        finally:
            i18n.install_translators(app, "en")
