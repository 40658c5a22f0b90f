"""Reading the queue: one ticket, the filtered queue page by page on its indexes, and the
open tickets the handover lists."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, func, or_, select, text

from desk_app.domain.handover import OpenWork, WorkSource
from desk_app.domain.textsearch import plan
from desk_app.domain.tickets import ClockKind, TicketKind, TicketStatus, Urgency
from desk_app.services.common import from_db, to_db
from desk_app.services.tickets import records
from desk_app.services.tickets.context import TicketContext
from desk_app.services.tickets.views import TicketFilter, TicketRow, TicketView
from desk_app.storage.models import Ticket


class TicketQueries:
    def __init__(self, ctx: TicketContext) -> None:
        self._ctx = ctx

    def get(self, ticket_id: int) -> TicketView:
        with self._ctx.db.read() as session:
            return self._ctx.view(session, self._ctx.get(session, ticket_id))

    def count(self, flt: TicketFilter) -> int:
        now = self._ctx.clock.now()
        with self._ctx.db.read() as session:
            query = self._filtered(select(func.count(Ticket.id)), flt, now)
            return int(session.scalar(query) or 0)

    def page(self, flt: TicketFilter, offset: int, limit: int) -> list[TicketRow]:
        """Open work sorted by what is due first (tickets without a clock after, oldest first);
        closed tickets newest first."""
        now = self._ctx.clock.now()
        calendar = self._ctx.holidays.calendar()
        with self._ctx.db.read() as session:
            names = self._ctx.account_names(session)
            tz = self._ctx.tz()
            if not flt.open_only:
                query = self._filtered(select(Ticket), flt, now).order_by(Ticket.created_at.desc(), Ticket.id.desc())
                return [records.row(t, names, tz, calendar) for t in session.scalars(query.offset(offset).limit(limit))]
            # Two index ranges instead of one sort: tickets with a clock by due time, then the rest.
            timed = self._filtered(select(Ticket), flt, now).where(Ticket.due_at.is_not(None))
            rows = list(session.scalars(timed.order_by(Ticket.due_at, Ticket.id).offset(offset).limit(limit)))
            if len(rows) < limit and not (flt.due_today or flt.overdue):
                n_timed = (
                    offset + len(rows)
                    if rows
                    else int(
                        session.scalar(
                            self._filtered(select(func.count(Ticket.id)), flt, now).where(Ticket.due_at.is_not(None))
                        )
                        or 0
                    )
                )
                untimed = self._filtered(select(Ticket), flt, now).where(Ticket.due_at.is_(None))
                rest = session.scalars(
                    untimed.order_by(Ticket.id).offset(max(0, offset - n_timed)).limit(limit - len(rows))
                )
                rows.extend(rest)
            return [records.row(t, names, tz, calendar) for t in rows]

    def _filtered(self, query: Select[Any], flt: TicketFilter, now: datetime) -> Select[Any]:
        if flt.statuses:
            query = query.where(Ticket.status.in_([s.value for s in flt.statuses]))
        else:
            query = query.where(Ticket.status != TicketStatus.CLOSED.value)
        if flt.kinds:
            query = query.where(Ticket.kind.in_([k.value for k in flt.kinds]))
        if flt.building.strip():
            query = query.where(Ticket.building == flt.building.strip())
        if flt.clerk_id is not None:
            query = query.where(Ticket.created_by == flt.clerk_id)
        if flt.overdue:
            query = query.where(Ticket.due_at < to_db(now))
        if flt.due_today:
            end = datetime.combine(self._ctx.desk.today() + timedelta(days=1), time(0), self._ctx.tz())
            query = query.where(Ticket.due_at < to_db(end))
            if not flt.overdue:
                query = query.where(Ticket.due_at >= to_db(now))
        if flt.text.strip():
            search = plan(flt.text)
            if search.fts_query:
                query = query.where(
                    Ticket.id.in_(
                        select(text("rowid")).select_from(text("ticket_fts")).where(text("ticket_fts MATCH :fts"))
                    )
                ).params(fts=search.fts_query)
            for term in search.like_terms:
                pattern = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
                query = query.where(
                    or_(
                        Ticket.description.like(pattern, escape="\\"),
                        Ticket.resident_name.like(pattern, escape="\\"),
                        Ticket.phone.like(pattern, escape="\\"),
                        (Ticket.building + Ticket.room).like(pattern, escape="\\"),
                    )
                )
        return query

    def open_work(self) -> list[OpenWork]:
        """Open tickets for the handover's open-work step: urgent ones, major incidents and
        anything overdue are important (they block the handover until dealt with)."""
        now = self._ctx.clock.now()
        with self._ctx.db.read() as session:
            rows = session.scalars(
                select(Ticket).where(Ticket.status != TicketStatus.CLOSED.value).order_by(Ticket.due_at, Ticket.id)
            ).all()
            tz = self._ctx.tz()
            work: list[OpenWork] = []
            for t in rows:
                due = from_db(t.due_at).astimezone(tz) if t.due_at else None
                where = f"{t.building}{t.room}" if t.building or t.room else ""
                status = TicketStatus(t.status).chinese
                label = (
                    f"#{t.id} {TicketKind(t.kind).chinese}（{status}）{t.resident_name}{where}：{t.description[:60]}"
                )
                if due is not None:
                    label += f"（{ClockKind(t.due_clock).chinese if t.due_clock else ''} {due:%m-%d %H:%M}）"
                important = t.urgency != Urgency.NORMAL.value or (due is not None and due < now)
                work.append(OpenWork(WorkSource.TICKET, t.id, label, important=important))
            return work

    def is_closed(self, ticket_id: int) -> bool:
        with self._ctx.db.read() as session:
            return session.scalar(select(Ticket.status).where(Ticket.id == ticket_id)) == TicketStatus.CLOSED.value
