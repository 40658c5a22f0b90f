"""The holiday schedule as a supervisor uses it: a day entered and a year confirmed in the
dialog by keyboard; the roster tab's warning for a year nobody confirmed, gone once it is;
the notice a supervisor sees on signing in; a ticket's provisional due time."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QEvent, Qt
from PySide6.QtWidgets import QPushButton, QWidget

from desk_app.domain.tickets import Source, TicketDetails, TicketKind, Validity
from desk_app.domain.workdays import DayKind, DaySource
from desk_app.services.tickets import ResidentInput, TicketInput
from desk_app.ui.holidays_dialog import DATE, KIND, NAME, SOURCE, HolidaysDialog, open_holidays
from desk_app.ui.main_window import MainWindow
from desk_app.ui.roster_tab import RosterTab
from desk_app.ui.ticket_tab.detail_dialog import TicketDetailDialog
from desk_app.ui.ticket_tab.model import TicketTableModel
from tests.conftest import CLERK_PASSWORD, SUPERVISOR_PASSWORD, TZ
from tests.ui.typing import type_text

NOTICE = "国办发明电〔2026〕7号"


def plain_tab(services, actor, parent) -> QWidget:
    return QWidget(parent)


def _row_of(dialog: HolidaysDialog, day: date) -> int:
    for row in range(dialog.table.rowCount()):
        if dialog.table.item(row, DATE).text() == day.isoformat():
            return row
    raise AssertionError(f"{day} is not listed")


def test_a_day_entered_and_the_year_confirmed_in_the_dialog(qtbot, services, supervisor, clock):
    dialog = HolidaysDialog(services, supervisor, 2027)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "not confirmed" in dialog.state.text()
    assert dialog.table.item(_row_of(dialog, date(2027, 1, 1)), NAME).text() == "元旦"  # seeded by the library
    assert dialog.table.item(_row_of(dialog, date(2027, 1, 1)), SOURCE).text() == "Holiday library"
    # 2027-02-11, 春节 as the notice has it: typed, Enter in the name saves.
    dialog.day.setFocus()
    dialog.day.setDate(QDate(2027, 2, 11))
    dialog.kind.setCurrentIndex(dialog.kind.findData(DayKind.HOLIDAY.value))
    dialog.name.clear()
    type_text(qtbot, dialog.name, "春节")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    row = _row_of(dialog, date(2027, 2, 11))
    assert dialog.table.item(row, NAME).text() == "春节"
    assert dialog.table.item(row, SOURCE).text() == "Entered at the desk"
    assert services.holidays.calendar().is_holiday(date(2027, 2, 11))
    # A bad entry says why and writes nothing: a make-up working day on a weekday.
    dialog.day.setDate(QDate(2027, 2, 12))
    dialog.kind.setCurrentIndex(dialog.kind.findData(DayKind.WORKDAY.value))
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert "Saturday or Sunday" in dialog.message.text()
    assert not any(d.day == date(2027, 2, 12) for d in services.holidays.year(2027).days)
    # Delete on the table takes the desk's entry back.
    dialog.table.setFocus()
    dialog.table.setCurrentCell(_row_of(dialog, date(2027, 2, 11)), KIND)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert not any(d.day == date(2027, 2, 11) for d in services.holidays.year(2027).days)
    # The notice typed, Enter confirms the year; the confirmation is shown.
    type_text(qtbot, dialog.notice, NOTICE)
    qtbot.keyClick(dialog.notice, Qt.Key.Key_Return)
    assert "confirmed at this desk" in dialog.state.text()
    at = f"{clock.now().astimezone(TZ):%Y-%m-%d %H:%M}"
    assert dialog.confirmation.text() == f"Confirmed by 张敏 on {at} from the notice {NOTICE}."
    assert services.holidays.year(2027).confirmation.notice == NOTICE


def test_a_clerk_sees_the_schedule_but_cannot_change_it(qtbot, services, clerk):
    dialog = HolidaysDialog(services, clerk, 2026)
    qtbot.addWidget(dialog)
    assert "carries the State Council's notice" in dialog.state.text()
    assert not dialog.save_day_button.isEnabled() and not dialog.confirm_button.isEnabled()
    dialog.save_day()  # even if reached: the service refuses
    assert "This needs the role" in dialog.message.text()
    assert all(d.source is DaySource.LIBRARY for d in services.holidays.year(2026).days)


def test_the_roster_tab_warns_of_an_unconfirmed_year_until_it_is_confirmed(qtbot, services, supervisor, clerk):
    tab = RosterTab(services, supervisor, ask_reason=lambda *_: "", ask_password=lambda *_: SUPERVISOR_PASSWORD)
    qtbot.addWidget(tab)
    tab.show()
    assert tab.year_month() == (2026, 12)  # December; the next 60 days from 11-24 reach 2027
    assert tab.holiday_warning.isVisible()
    assert "The holidays of 2027 are not confirmed" in tab.holiday_warning.text()
    services.holidays.confirm_year(supervisor, 2027, NOTICE)
    tab.reload()
    assert not tab.holiday_warning.isVisible()


def test_planning_a_month_of_an_unconfirmed_year_is_warned_of(qtbot, services, supervisor, clerk, clock):
    clock.set(datetime(2026, 6, 1, 10, 0, tzinfo=TZ))  # 60 days ahead stay in 2026
    supervisor = services.accounts.authenticate("zhang", SUPERVISOR_PASSWORD)
    tab = RosterTab(services, supervisor, ask_reason=lambda *_: "", ask_password=lambda *_: SUPERVISOR_PASSWORD)
    qtbot.addWidget(tab)
    tab.show()
    assert not tab.holiday_warning.isVisible()
    tab.month.setDate(QDate(2028, 1, 1))
    tab.reload()
    assert tab.holiday_warning.isVisible() and "2028" in tab.holiday_warning.text()


@pytest.mark.parametrize("role", ["supervisor", "clerk"])
def test_a_supervisor_is_told_at_sign_in(qtbot, services, supervisor, clerk, role):
    actor = supervisor if role == "supervisor" else clerk
    window = MainWindow(services, actor, plain_tab)
    qtbot.addWidget(window)
    window.show()
    assert window.holiday_notice.isVisible() is (role == "supervisor")
    if role == "supervisor":
        assert window.holiday_notice.text() == "Holidays of 2027 not confirmed"
        services.holidays.confirm_year(supervisor, 2027, NOTICE)
        window.holiday_notice.refresh()
        assert not window.holiday_notice.isVisible()


def test_a_ticket_due_in_an_unconfirmed_year_shows_its_due_time_as_provisional(qtbot, services, clerk, clock):
    clock.set(datetime(2026, 12, 30, 10, 0, tzinfo=TZ))
    clerk = services.accounts.authenticate("wang", CLERK_PASSWORD)
    supervisor = services.accounts.authenticate("zhang", SUPERVISOR_PASSWORD)
    ticket = services.tickets.register(
        clerk,
        TicketInput(
            TicketKind.COMPLAINT,
            Source.PHONE,
            "楼上装修噪音扰民",
            ResidentInput("李先生", "3栋", "2单元1203", "13800138000"),
            details=TicketDetails(solved_on_spot=True, validity=Validity.VALID),
        ),
    )
    model = TicketTableModel(services.tickets, services.clock)
    model.reload()
    due = model.data(model.index(0, model.DUE))
    assert due.endswith("(holidays not confirmed)")
    detail = TicketDetailDialog(services, clerk, ticket.id)
    qtbot.addWidget(detail)
    assert detail.clocks.item(0, 1).text() == "2027-01-04 23:59 (holidays not confirmed)"
    services.holidays.confirm_year(supervisor, 2027, NOTICE)
    model.reload()
    assert "holidays not confirmed" not in model.data(model.index(0, model.DUE))


def test_enter_in_each_field_does_only_that_fields_own_action(qtbot, services, supervisor, monkeypatch):
    writes: list[str] = []
    holidays = services.holidays
    for name in ("set_day", "remove_day", "confirm_year", "unconfirm_year"):
        real = getattr(holidays, name)

        def counted(*args, _real=real, _name=name, **kwargs):
            writes.append(_name)
            return _real(*args, **kwargs)

        monkeypatch.setattr(holidays, name, counted)
    dialog = HolidaysDialog(services, supervisor, 2027)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.day.setDate(QDate(2027, 2, 11))
    dialog.kind.setCurrentIndex(dialog.kind.findData(DayKind.HOLIDAY.value))
    dialog.name.setText("春节")
    # The year: Enter loads the year typed, and saves nothing.
    dialog.year.setFocus()
    dialog.year.lineEdit().selectAll()
    type_text(qtbot, dialog.year, "2028")
    qtbot.keyClick(dialog.year, Qt.Key.Key_Return)
    assert dialog.year.value() == 2028 and writes == []
    dialog.year.setValue(2027)
    dialog.day.setDate(QDate(2027, 2, 11))
    dialog.name.setText("春节")
    # The date and the kind: Enter writes nothing either.
    qtbot.keyClick(dialog.day, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Return)
    assert writes == []
    # The name: Enter saves the day, once.
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert writes == ["set_day"]
    # The notice: Enter confirms the year, and does not save the day again.
    type_text(qtbot, dialog.notice, NOTICE)
    qtbot.keyClick(dialog.notice, Qt.Key.Key_Return)
    assert writes == ["set_day", "confirm_year"]
    assert not any(b.isDefault() or b.autoDefault() for b in dialog.findChildren(QPushButton))


def test_a_years_confirmation_is_taken_back_in_the_dialog(qtbot, services, supervisor, clerk):
    dialog = HolidaysDialog(services, supervisor, 2027)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.unconfirm_button.isEnabled()  # nothing to take back
    services.holidays.confirm_year(supervisor, 2027, NOTICE)
    dialog.load()
    assert dialog.unconfirm_button.isEnabled()
    qtbot.mouseClick(dialog.unconfirm_button, Qt.MouseButton.LeftButton)
    assert "not confirmed" in dialog.state.text()
    assert dialog.message.text() == "The confirmation of 2027 is taken back."
    assert services.holidays.year(2027).confirmation is None and not dialog.unconfirm_button.isEnabled()
    services.holidays.confirm_year(supervisor, 2027, NOTICE)
    seen = HolidaysDialog(services, clerk, 2027)
    qtbot.addWidget(seen)
    assert not seen.unconfirm_button.isEnabled()  # a clerk sees it, cannot take it back


def test_the_holiday_dialog_is_deleted_once_closed(qtbot, services, supervisor, monkeypatch):
    opened: list[HolidaysDialog] = []

    def exec_(dialog) -> int:
        opened.append(dialog)
        assert "2027" in dialog.state.text()  # read while it is open
        return 0

    monkeypatch.setattr(HolidaysDialog, "exec", exec_)
    window = MainWindow(services, supervisor, plain_tab)
    qtbot.addWidget(window)
    open_holidays(window)
    assert len(opened) == 1
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert window.findChildren(HolidaysDialog) == []
