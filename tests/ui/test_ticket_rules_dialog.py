"""The supervisor's ticket rules and price list, from the window."""

from __future__ import annotations

import pytest

from desk_app.domain.tickets import TicketKind
from desk_app.ui.ticket_rules_dialog import BEFORE, REPLY, TicketRulesDialog


@pytest.fixture
def dialog(qtbot, services, supervisor):
    widget = TicketRulesDialog(services, supervisor)
    qtbot.addWidget(widget)
    return widget


def test_the_dialog_shows_the_desk_defaults(dialog):
    complaint = dialog.rule_of(TicketKind.COMPLAINT)
    assert complaint.reply_minutes == 120 and complaint.follow_up_working_days == 2
    assert dialog.rule_of(TicketKind.CONSULTATION).reply_minutes is None  # shown as "off"


def test_a_changed_clock_is_saved_and_used(dialog, services):
    dialog._spins[TicketKind.COMPLAINT][REPLY].setValue(90)
    dialog._spins[TicketKind.REPAIR][BEFORE].setValue(45)
    assert dialog.save_rules()
    rules = services.tickets.rules()
    assert rules[TicketKind.COMPLAINT].reply_minutes == 90
    assert rules[TicketKind.REPAIR].escalate_before_minutes == 45


def test_a_clerk_cannot_change_the_rules_even_with_the_dialog(qtbot, services, clerk):
    widget = TicketRulesDialog(services, clerk)
    qtbot.addWidget(widget)
    widget._spins[TicketKind.COMPLAINT][REPLY].setValue(600)
    assert not widget.save_rules()
    assert widget.message.text()
    assert services.tickets.rules()[TicketKind.COMPLAINT].reply_minutes == 120
    widget.price_name.setText("开锁")
    widget.price_value.setValue(30)
    assert not widget.add_price()
    assert services.tickets.price_list() == []


def test_prices_are_added_refused_when_doubled_and_taken_off(dialog, services):
    dialog.price_name.setText("疏通下水道")
    dialog.price_unit.setText("次")
    dialog.price_value.setValue(50)
    assert dialog.add_price()
    assert [(p.name, p.unit, p.price_cents) for p in services.tickets.price_list()] == [("疏通下水道", "次", 5000)]
    assert dialog.prices.rowCount() == 1 and dialog.prices.item(0, 2).text() == "50.00"
    dialog.price_name.setText("疏通下水道")
    assert not dialog.add_price()  # already on the list
    assert dialog.message.text()
    dialog.price_name.setText("")
    assert not dialog.add_price()  # a service needs a name
    dialog.prices.selectRow(0)
    assert dialog.retire_price()
    assert services.tickets.price_list() == [] and dialog.prices.rowCount() == 0
    assert len(services.tickets.price_list(include_retired=True)) == 1  # kept for old tickets


def test_every_column_header_fits_in_the_english_interface(qtbot, dialog):
    from scripts.tour_checks import clipped_texts

    dialog.show()
    qtbot.waitExposed(dialog)
    assert [f.describe() for f in clipped_texts(dialog, "ticket rules")] == []
