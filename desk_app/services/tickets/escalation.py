"""Escalation (逐级上报): a ticket moved up a level by hand or when its clock is about to
run out, the notices each level sees until acknowledged."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from sqlalchemy import and_, insert, or_, select
from sqlalchemy.orm import Session

from desk_app.domain import tickets as tk
from desk_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from desk_app.domain.roles import Actor, Role, require_role
from desk_app.domain.text_rules import FIELD_REASON, REASON_MAX, clean_text
from desk_app.domain.tickets import ClockKind, TicketAction, TicketKind, TicketStatus, Urgency
from desk_app.services.common import from_db, to_db
from desk_app.services.tickets.context import TicketContext
from desk_app.services.tickets.rules import TicketRules
from desk_app.services.tickets.views import Notice, TicketView
from desk_app.storage.models import Ticket, TicketNotice, TicketNoticeSeen

# How far ahead the automatic escalation looks (the largest escalate_before_minutes allowed).
ESCALATION_HORIZON = timedelta(minutes=1440)


def raise_level(
    ctx: TicketContext, session: Session, ticket: Ticket, target: Role, actor: Actor | None, reason: str
) -> None:
    """The ticket is now with ``target``: a notice for that level and an event."""
    before = Role(ticket.level)
    ticket.level = target.value
    session.add(TicketNotice(ticket_id=ticket.id, level=target.value, at=to_db(ctx.clock.now()), reason=reason))
    ctx.event(
        session,
        ticket,
        actor,
        TicketAction.ESCALATED,
        None,
        None,
        f"{tk.LEVEL_CHINESE[before]} → {tk.LEVEL_CHINESE[target]}：{reason}",
    )


class Escalation:
    def __init__(self, ctx: TicketContext, rules: TicketRules) -> None:
        self._ctx = ctx
        self._rules = rules

    def escalate(self, actor: Actor, ticket_id: int, reason: str) -> TicketView:
        """Move a ticket one level up (clerk → supervisor → manager) on demand, with a reason."""
        require_role(actor, Role.CLERK)
        reason = clean_text(reason, field=FIELD_REASON, max_len=REASON_MAX, required=True)
        with self._ctx.db.write(actor) as session:
            ticket = self._ctx.open_ticket(session, ticket_id, None)
            level = Role(ticket.level)
            if level is Role.MANAGER:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("DeskError", "Ticket #{id} is already with the manager."), id=ticket_id
                )
            target = tk.LEVELS[tk.LEVELS.index(level) + 1]
            raise_level(self._ctx, session, ticket, target, actor, reason)
            return self._ctx.view(session, ticket)

    def escalate_due(self) -> list[int]:
        """Raise every open ticket whose clock is about to run out or has run out to the level
        its kind's rule asks for. Only tickets with a clock inside the horizon are read (an
        index range on the open tickets' due time). Returns the ids raised."""
        now = self._ctx.clock.now()
        kind_rules = self._rules.rules()
        raised: list[int] = []
        with self._ctx.db.write() as session:
            candidates = session.scalars(
                select(Ticket).where(
                    Ticket.status != TicketStatus.CLOSED.value,
                    Ticket.level != Role.MANAGER.value,
                    or_(
                        and_(Ticket.due_at.is_not(None), Ticket.due_at <= to_db(now + ESCALATION_HORIZON)),
                        Ticket.urgency == Urgency.MAJOR.value,
                    ),
                )
            ).all()
            for ticket in candidates:
                due = from_db(ticket.due_at) if ticket.due_at else None
                target = tk.escalation_target(
                    Role(ticket.level), due, now, kind_rules[TicketKind(ticket.kind)], Urgency(ticket.urgency)
                )
                if target is None:
                    continue
                clock = ClockKind(ticket.due_clock).chinese if ticket.due_clock else ""
                overdue = due is not None and due <= now
                reason = f"{clock}{'已超时' if overdue else '即将到期'}" if due else "重大事件"
                raise_level(self._ctx, session, ticket, target, None, reason.strip())
                raised.append(ticket.id)
        return raised

    def notices(self, actor: Actor) -> list[Notice]:
        """Escalations that reached the actor's level and that they have not acknowledged."""
        with self._ctx.db.read() as session:
            seen = select(TicketNoticeSeen.notice_id).where(TicketNoticeSeen.account_id == actor.account_id)
            rows = session.execute(
                select(TicketNotice, Ticket.kind, Ticket.description)
                .join(Ticket, Ticket.id == TicketNotice.ticket_id)
                .where(TicketNotice.level == actor.role.value, TicketNotice.id.not_in(seen))
                .order_by(TicketNotice.id)
            ).all()
            tz = self._ctx.tz()
            return [
                Notice(n.id, n.ticket_id, from_db(n.at).astimezone(tz), n.reason, TicketKind(k), d) for n, k, d in rows
            ]

    def acknowledge(self, actor: Actor, notice_ids: Iterable[int]) -> None:
        now = to_db(self._ctx.clock.now())
        ids = sorted(set(notice_ids))
        if not ids:
            return
        with self._ctx.db.write(actor) as session:
            done = set(
                session.scalars(
                    select(TicketNoticeSeen.notice_id).where(
                        TicketNoticeSeen.account_id == actor.account_id, TicketNoticeSeen.notice_id.in_(ids)
                    )
                )
            )
            valid = set(session.scalars(select(TicketNotice.id).where(TicketNotice.id.in_(ids))))
            rows = [
                {"notice_id": i, "account_id": actor.account_id, "seen_at": now}
                for i in ids
                if i in valid and i not in done
            ]
            if rows:
                session.execute(insert(TicketNoticeSeen), rows)
