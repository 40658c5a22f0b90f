"""The roster tab driven as a supervisor and a clerk would: keys on the grid, publishing,
a change to a published month with its reason, and a swap asked and approved."""

from __future__ import annotations

import re
from datetime import date

import pytest
from PySide6.QtCore import Qt

from desk_app.domain.roles import Role
from desk_app.ui.roster_tab import RosterTab
from desk_app.ui.roster_tab.model import SHORT_COLOR
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
def tab(qtbot, services, supervisor, clerk, li, answers):
    def ask(_title: str, _label: str) -> str | None:
        return answers.pop(0)

    widget = RosterTab(services, supervisor, ask_reason=ask, ask_password=lambda *_: SUPERVISOR_PASSWORD)
    qtbot.addWidget(widget)
    widget.resize(1400, 600)
    widget.show()
    return widget


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
    assert tab.issues.count() == 31 * 3
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
    assert tab.issues.count() == 31 * 3 - 1  # the 中班 of the 2nd is covered


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
    widget = RosterTab(services, supervisor, ask_reason=lambda *_: "", ask_password=lambda *_: "wrong-password")
    qtbot.addWidget(widget)
    widget.table.setCurrentIndex(_cell(widget, clerk.account_id, DEC1))
    qtbot.keyClicks(widget.table, "2")
    assert not widget.publish()
    assert widget.message.text()  # refused, and says why
    assert not services.roster.month(2026, 12).published
    cancelled = RosterTab(services, supervisor, ask_reason=lambda *_: "", ask_password=lambda *_: None)
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
    services.roster.publish(supervisor, 2026, 12, password=SUPERVISOR_PASSWORD)

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
    assert "Generated" in tab.message.text()
    assert not any(i.kind == "rule" for i in services.roster.issues(2026, 12))


def test_stop_ends_the_search_with_the_best_roster_so_far(qtbot, tab, services):
    tab.time_limit.setValue(600)
    tab.generator.improved.connect(lambda *_: tab.stop_generating())
    with qtbot.waitSignal(tab.generator.finished, timeout=60_000):
        tab.generate()
    assert services.roster.month(2026, 12).assignments()


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
