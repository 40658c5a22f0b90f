"""What every part of the ticket service shares: the database, the clock and the desk, and
the steps every change of a ticket goes through. A workflow action finds its ticket with
``acting_on`` (its kind and status checked against domain/tickets.py TRANSITIONS) and ends
with ``finish``: the status moved, the event recorded, the due time refreshed, the view
built, all in the action's transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desk_app.domain import tickets as tk
from desk_app.domain.clock import Clock
from desk_app.domain.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from desk_app.domain.roles import Actor
from desk_app.domain.tickets import ClockKind, TicketAction, TicketKind, TicketStatus
from desk_app.services.common import from_db, to_db
from desk_app.services.desk import DeskService
from desk_app.services.holidays import HolidayService
from desk_app.services.tickets import records
from desk_app.services.tickets.views import ClockView, EventView, TicketView
from desk_app.storage.database import Database
from desk_app.storage.models import Account, IncidentReport, PriceItem, Ticket, TicketClock, TicketEvent

# A clock set "now" from a dialog may be a few seconds old by the time it is saved.
PAST_GRACE = timedelta(minutes=1)


@dataclass(frozen=True)
class TicketContext:
    db: Database
    clock: Clock
    desk: DeskService
    holidays: HolidayService

    def tz(self) -> ZoneInfo:
        return self.desk.info().tz

    # -- finding the ticket -----------------------------------------------------------------
    def get(self, session: Session, ticket_id: int) -> Ticket:
        ticket = session.get(Ticket, ticket_id)
        if ticket is None:
            raise NotFound(QT_TRANSLATE_NOOP("DeskError", "Ticket #{id} does not exist."), id=ticket_id)
        return ticket

    def _check_kind(self, ticket: Ticket, kinds: tuple[TicketKind, ...] | None) -> None:
        if kinds is not None and TicketKind(ticket.kind) not in kinds:
            raise ValidationError(
                QT_TRANSLATE_NOOP("DeskError", "This cannot be done with a ticket of the kind {kind}."),
                kind=TicketKind(ticket.kind).label,
            )

    def open_ticket(self, session: Session, ticket_id: int, kinds: tuple[TicketKind, ...] | None) -> Ticket:
        ticket = self.get(session, ticket_id)
        self._check_kind(ticket, kinds)
        if ticket.status == TicketStatus.CLOSED:
            raise ValidationError(
                QT_TRANSLATE_NOOP("DeskError", "Ticket #{id} is closed; reopen it first."), id=ticket_id
            )
        return ticket

    def acting_on(
        self,
        session: Session,
        ticket_id: int,
        action: TicketAction,
        kinds: tuple[TicketKind, ...] | None = None,
        refused: str | None = None,
    ) -> Ticket:
        """The ticket ``action`` is to move, if its kind is one of ``kinds`` and the workflow
        lets the action start from its status; else ``refused`` says why (a closed ticket is
        reopened first)."""
        ticket = self.get(session, ticket_id)
        self._check_kind(ticket, kinds)
        status = TicketStatus(ticket.status)
        if not tk.can_start(action, status):
            if status is TicketStatus.CLOSED or refused is None:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("DeskError", "Ticket #{id} is closed; reopen it first."), id=ticket_id
                )
            raise ValidationError(refused, id=ticket_id)
        return ticket

    # -- recording --------------------------------------------------------------------------
    def event(
        self,
        session: Session,
        ticket: Ticket,
        actor: Actor | None,
        action: TicketAction,
        before: TicketStatus | None,
        after: TicketStatus | None,
        note: str,
        at: datetime | None = None,
    ) -> None:
        """``at``: the moment of the action (default: now)."""
        session.add(
            TicketEvent(
                ticket_id=ticket.id,
                at=to_db(at if at is not None else self.clock.now()),
                actor_id=actor.account_id if actor else None,
                action=action.value,
                status_from=before.value if before else None,
                status_to=after.value if after else None,
                note=note,
            )
        )

    def finish(
        self,
        session: Session,
        ticket: Ticket,
        actor: Actor,
        action: TicketAction,
        now: datetime,
        note: str,
        to: TicketStatus | None = None,
    ) -> TicketView:
        """The end of every workflow action: the ticket moved to ``to`` (None: an action that
        leaves the status alone), its event, its due time and its view."""
        before = None
        if to is not None:
            before = TicketStatus(ticket.status)
            tk.check_move(action, before, to)
            ticket.status = to.value
            ticket.closed_at = to_db(now) if to is TicketStatus.CLOSED else None
        self.event(session, ticket, actor, action, before, to, note, now)
        session.flush()
        self.refresh_due(session, ticket)
        return self.view(session, ticket)

    # -- clocks -----------------------------------------------------------------------------
    def check_future(self, when: datetime, now: datetime) -> None:
        if when < now - PAST_GRACE:
            raise ValidationError(
                QT_TRANSLATE_NOOP("DeskError", "The time {time} is in the past."),
                time=when.astimezone(self.tz()).strftime("%Y-%m-%d %H:%M"),
            )

    def meet(self, session: Session, ticket: Ticket, kinds: tuple[ClockKind, ...], actor: Actor, now: datetime) -> None:
        session.execute(
            update(TicketClock)
            .where(
                TicketClock.ticket_id == ticket.id,
                TicketClock.kind.in_([k.value for k in kinds]),
                TicketClock.met_at.is_(None),
            )
            .values(met_at=to_db(now), met_by=actor.account_id)
        )

    def clock_met(self, session: Session, ticket: Ticket, kind: ClockKind) -> bool:
        return (
            session.scalar(
                select(TicketClock.id)
                .where(
                    TicketClock.ticket_id == ticket.id, TicketClock.kind == kind.value, TicketClock.met_at.is_not(None)
                )
                .limit(1)
            )
            is not None
        )

    def add_clock(self, session: Session, ticket: Ticket, kind: ClockKind, due: datetime) -> None:
        session.add(TicketClock(ticket_id=ticket.id, kind=kind.value, due_at=to_db(due)))

    def refresh_due(self, session: Session, ticket: Ticket) -> None:
        """``due_at`` = the earliest unmet clock of an open ticket (None when closed)."""
        if ticket.status == TicketStatus.CLOSED:
            ticket.due_at, ticket.due_clock = None, None
            return
        first = session.execute(
            select(TicketClock.due_at, TicketClock.kind)
            .where(TicketClock.ticket_id == ticket.id, TicketClock.met_at.is_(None))
            .order_by(TicketClock.due_at)
            .limit(1)
        ).first()
        ticket.due_at, ticket.due_clock = (first[0], first[1]) if first else (None, None)

    # -- reading ----------------------------------------------------------------------------
    def account_names(self, session: Session) -> dict[int, str]:
        return dict(session.execute(select(Account.id, Account.display_name)).all())

    def view(self, session: Session, ticket: Ticket, names: dict[int, str] | None = None) -> TicketView:
        """The whole ticket; ``names`` (account id → name) when the caller has read them."""
        tz = self.tz()
        calendar = self.holidays.calendar()
        if names is None:
            names = self.account_names(session)
        clocks = [
            ClockView(
                ClockKind(c.kind),
                from_db(c.due_at).astimezone(tz),
                from_db(c.met_at).astimezone(tz) if c.met_at else None,
                names.get(c.met_by) if c.met_by else None,
                provisional=c.met_at is None
                and tk.clock_provisional(ClockKind(c.kind), from_db(c.due_at).astimezone(tz), calendar),  # desk's year
            )
            for c in session.scalars(
                select(TicketClock).where(TicketClock.ticket_id == ticket.id).order_by(TicketClock.id)
            )
        ]
        events = [
            EventView(
                from_db(e.at).astimezone(tz),
                names.get(e.actor_id) if e.actor_id else None,
                TicketAction(e.action),
                TicketStatus(e.status_from) if e.status_from else None,
                TicketStatus(e.status_to) if e.status_to else None,
                e.note,
            )
            for e in session.scalars(
                select(TicketEvent).where(TicketEvent.ticket_id == ticket.id).order_by(TicketEvent.id)
            )
        ]
        report = session.scalar(select(IncidentReport.body).where(IncidentReport.ticket_id == ticket.id))
        details = records.details_from_json(ticket.details_json)
        if details.visit_at is not None:  # stored as given (maybe UTC): shown in desk time
            details.visit_at = details.visit_at.astimezone(tz)
        price = None
        if details.price_item_id is not None:
            item = session.get(PriceItem, details.price_item_id)
            price = records.price(item) if item else None
        return TicketView(records.row(ticket, names, tz, calendar), details, clocks, events, report, price)
