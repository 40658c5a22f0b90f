"""Registering a resident's request: every field checked for the kind before anything is
written, the first status and clocks decided by the kind, the search index fed."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from sqlalchemy import text

from desk_app.domain import tickets as tk
from desk_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from desk_app.domain.roles import Actor, Role, require_role
from desk_app.domain.text_rules import NAME_MAX, check_whole_number, clean_text
from desk_app.domain.textsearch import index_text
from desk_app.domain.tickets import ClockKind, TicketAction, TicketDetails, TicketKind, TicketStatus, Urgency, Validity
from desk_app.services.common import to_db
from desk_app.services.tickets import records
from desk_app.services.tickets.context import TicketContext
from desk_app.services.tickets.escalation import raise_level
from desk_app.services.tickets.residents import remember_resident, valid_resident
from desk_app.services.tickets.rules import TicketRules
from desk_app.services.tickets.views import TicketInput, TicketView
from desk_app.storage.models import Ticket

DESCRIPTION_MAX = 500
ITEM_MAX = 40
ITEMS_MAX = 20
QUANTITY_MAX = 99
VISITORS_MAX = 50
FIELD_DESCRIPTION = QT_TRANSLATE_NOOP("Field", "Description")
FIELD_PERSON = QT_TRANSLATE_NOOP("Field", "Person dispatched")
FIELD_ITEM = QT_TRANSLATE_NOOP("Field", "Item")
FIELD_VISITOR = QT_TRANSLATE_NOOP("Field", "Visitor")
FIELD_RECIPIENT = QT_TRANSLATE_NOOP("Field", "Recipient")
FIELD_IDENTITY = QT_TRANSLATE_NOOP("Field", "Identity shown")
# Kinds answered, released or let in at the desk, and messages: never a major incident.
_NOT_MAJOR = (TicketKind.CONSULTATION, TicketKind.ITEM_RELEASE, TicketKind.VISITOR, TicketKind.MESSAGE)


class Registration:
    def __init__(self, ctx: TicketContext, rules: TicketRules) -> None:
        self._ctx = ctx
        self._rules = rules

    def register(self, actor: Actor, data: TicketInput) -> TicketView:
        """Register a request; every field is checked before anything is written."""
        require_role(actor, Role.CLERK)
        ctx = self._ctx
        now = ctx.clock.now()
        kind = data.kind
        description = clean_text(
            data.description, field=FIELD_DESCRIPTION, max_len=DESCRIPTION_MAX, required=True, multiline=True
        )
        resident = valid_resident(kind, data.resident)
        details = self._valid_details(kind, data.details, now)
        rule = self._rules.rules()[kind]
        status = TicketStatus.OPEN
        clocks: list[tuple[ClockKind, datetime]] = []
        closed_note = ""
        if kind is TicketKind.COMPLAINT:
            if details.solved_on_spot:
                if details.validity is Validity.UNDECIDED:
                    raise ValidationError(
                        QT_TRANSLATE_NOOP(
                            "DeskError", "A complaint solved on the spot must be judged valid or invalid."
                        )
                    )
                if details.validity is Validity.VALID:
                    status = TicketStatus.FOLLOW_UP
                    due = tk.follow_up_due(now, rule, ctx.tz(), ctx.holidays.calendar())
                    if due is not None:
                        clocks.append((ClockKind.FOLLOW_UP, due))
                else:
                    status, closed_note = TicketStatus.CLOSED, "当场答复（无效投诉）"
            else:
                due = tk.reply_due(now, rule)
                if due is not None:
                    clocks.append((ClockKind.REPLY, due))
        elif kind in (TicketKind.REPAIR, TicketKind.CONVENIENCE, TicketKind.HELP_REQUEST):
            if details.visit_at is not None:
                clocks.append((ClockKind.VISIT, details.visit_at))
            if details.dispatched_to:
                status = TicketStatus.IN_PROGRESS
        elif kind in (TicketKind.CONSULTATION, TicketKind.ITEM_RELEASE, TicketKind.VISITOR):
            # Answered, released or let in at the desk: the registration is the record.
            status, closed_note = TicketStatus.CLOSED, "当场办结"
        elif kind is TicketKind.MESSAGE and details.delivered:
            status, closed_note = TicketStatus.CLOSED, "当场转达"
        if data.urgency is Urgency.MAJOR:
            if kind in _NOT_MAJOR:
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "DeskError", "Only a help request, a repair, a complaint or a service can be a major incident."
                    )
                )
            clocks.append((ClockKind.INCIDENT_REPORT, tk.incident_report_due(now, ctx.tz())))
        with ctx.db.write(actor) as session:
            resident_id = remember_resident(session, resident, now) if resident.name or resident.phone else None
            ticket = Ticket(
                kind=kind.value,
                status=status.value,
                urgency=data.urgency.value,
                source=data.source.value,
                resident_id=resident_id,
                resident_name=resident.name,
                building=resident.building,
                room=resident.room,
                phone=resident.phone,
                description=description,
                details_json=records.details_to_json(details),
                created_at=to_db(now),
                created_by=actor.account_id,
                level=Role.CLERK.value,
                closed_at=to_db(now) if status is TicketStatus.CLOSED else None,
            )
            session.add(ticket)
            session.flush()
            for clock_kind, due in clocks:
                ctx.add_clock(session, ticket, clock_kind, due)
            ctx.event(session, ticket, actor, TicketAction.REGISTERED, None, status, description[:80], now)
            if closed_note:  # closed on the spot: recorded as closed → closed
                ctx.event(session, ticket, actor, TicketAction.CLOSED, status, status, closed_note)
            parts = records.search_parts(
                ticket.description, ticket.resident_name, ticket.building + ticket.room, ticket.phone, details
            )
            session.execute(
                text("INSERT INTO ticket_fts(rowid, body) VALUES (:id, :body)"),
                {"id": ticket.id, "body": index_text(*parts)},
            )
            session.flush()
            ctx.refresh_due(session, ticket)
            if data.urgency is Urgency.MAJOR:
                raise_level(ctx, session, ticket, Role.MANAGER, actor, "重大事件，立即上报管理处主任")
            return ctx.view(session, ticket)

    def _valid_details(self, kind: TicketKind, details: TicketDetails, now: datetime) -> TicketDetails:
        d = replace(details)
        if d.visit_at is not None:
            if d.visit_at.tzinfo is None:
                raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "The visit time has no time zone."))
            self._ctx.check_future(d.visit_at, now)
        d.dispatched_to = clean_text(d.dispatched_to, field=FIELD_PERSON, max_len=NAME_MAX, required=False)
        if kind is TicketKind.CONVENIENCE:
            if d.price_item_id is None:
                raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "Choose the service from the price list."))
            if not any(p.id == d.price_item_id for p in self._rules.price_list()):
                raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "That service is not on the desk's price list."))
            if d.visit_at is None:
                raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "Agree a time for the service with the resident."))
            check_whole_number(d.quantity, 1, QUANTITY_MAX, QT_TRANSLATE_NOOP("Field", "Quantity"))
        if kind is TicketKind.ITEM_RELEASE:
            items = [clean_text(i, field=FIELD_ITEM, max_len=ITEM_MAX, required=False) for i in d.items]
            d.items = [i for i in items if i]
            if not d.items:
                raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "List the items to be released."))
            if len(d.items) > ITEMS_MAX:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("DeskError", "At most {n} items fit on one release slip."), n=ITEMS_MAX
                )
            if not d.identity_checked:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("DeskError", "Check the resident's identity before releasing items.")
                )
            d.identity_note = clean_text(d.identity_note, field=FIELD_IDENTITY, max_len=NAME_MAX, required=False)
        if kind is TicketKind.VISITOR:
            d.visitor_name = clean_text(d.visitor_name, field=FIELD_VISITOR, max_len=NAME_MAX, required=True)
            check_whole_number(d.visitor_count, 1, VISITORS_MAX, QT_TRANSLATE_NOOP("Field", "Number of visitors"))
            if not d.owner_consent:
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "DeskError", "A visitor who is not an owner enters only with the owner's consent."
                    )
                )
        if kind is TicketKind.MESSAGE:
            d.recipient = clean_text(d.recipient, field=FIELD_RECIPIENT, max_len=NAME_MAX, required=True)
        return d
