"""The ticket queue: registering residents' requests, their workflows and clocks, escalation,
incident reports, the queue's indexed queries, and the monthly complaint figures.

Every rule is checked here, whatever the window shows. Every change writes a TicketEvent
(who, when, why) in the same transaction as the change; tickets are never deleted (the
database refuses it). A ticket's ``due_at`` is the earliest clock not yet met, kept up to
date on every change, so what is due or overdue is an index range, never a Python scan.

``TicketService`` is the area's one entry point; its parts (one module each) share one
``TicketContext`` (the database, the clock, the desk and the steps every change takes).
"""

from __future__ import annotations

from desk_app.domain.clock import Clock
from desk_app.services.desk import DeskService
from desk_app.services.holidays import HolidayService
from desk_app.services.tickets.context import TicketContext
from desk_app.services.tickets.escalation import Escalation
from desk_app.services.tickets.queries import TicketQueries
from desk_app.services.tickets.registration import Registration
from desk_app.services.tickets.reports import TicketReports
from desk_app.services.tickets.residents import Residents
from desk_app.services.tickets.rules import TicketRules
from desk_app.services.tickets.views import (
    ClockView,
    EventView,
    MonthlyReport,
    Notice,
    ResidentInput,
    ResidentView,
    TicketFilter,
    TicketInput,
    TicketRow,
    TicketView,
)
from desk_app.services.tickets.workflow import Workflow
from desk_app.storage.database import Database

__all__ = [
    "ClockView",
    "EventView",
    "MonthlyReport",
    "Notice",
    "ResidentInput",
    "ResidentView",
    "TicketFilter",
    "TicketInput",
    "TicketRow",
    "TicketService",
    "TicketView",
]


class TicketService:
    """The ticket area's methods, each the method of the part that holds it."""

    def __init__(self, db: Database, clock: Clock, desk: DeskService, holidays: HolidayService) -> None:
        ctx = TicketContext(db, clock, desk, holidays)
        book = TicketRules(ctx)
        residents = Residents(ctx)
        registration = Registration(ctx, book)
        workflow = Workflow(ctx, book)
        escalation = Escalation(ctx, book)
        queries = TicketQueries(ctx)
        reports = TicketReports(ctx)
        # the desk's rules and price list
        self.rules = book.rules
        self.set_rule = book.set_rule
        self.price_list = book.price_list
        self.add_price_item = book.add_price_item
        self.retire_price_item = book.retire_price_item
        # residents and registering
        self.residents_matching = residents.residents_matching
        self.buildings = residents.buildings
        self.register = registration.register
        # the workflow
        self.judge = workflow.judge
        self.reply = workflow.reply
        self.suggested_next_reply = workflow.suggested_next_reply
        self.dispatch = workflow.dispatch
        self.complete = workflow.complete
        self.record_follow_up = workflow.record_follow_up
        self.deliver = workflow.deliver
        self.check_close = workflow.check_close
        self.close = workflow.close
        self.reopen = workflow.reopen
        self.write_incident_report = workflow.write_incident_report
        self.recompute_working_day_clocks = workflow.recompute_working_day_clocks
        # escalation (逐级上报)
        self.escalate = escalation.escalate
        self.escalate_due = escalation.escalate_due
        self.notices = escalation.notices
        self.acknowledge = escalation.acknowledge
        # reading
        self.get = queries.get
        self.count = queries.count
        self.page = queries.page
        self.open_work = queries.open_work
        self.is_closed = queries.is_closed
        self.monthly_report = reports.monthly_report
        self.registers = reports.registers
