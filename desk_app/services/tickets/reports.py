"""The month's complaint figures (部门客户投诉工作月报) and the paper registers of a kind."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, func, select

from desk_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from desk_app.domain.tickets import ClockKind, TicketKind, TicketStatus
from desk_app.services.common import from_db, to_db
from desk_app.services.tickets.context import TicketContext
from desk_app.services.tickets.views import MonthlyReport, TicketView
from desk_app.storage.models import Ticket, TicketClock


class TicketReports:
    def __init__(self, ctx: TicketContext) -> None:
        self._ctx = ctx

    def monthly_report(self, year: int, month: int) -> MonthlyReport:
        """The month's figures for the tickets registered in the month (desk time). The counts
        are SQL aggregates; the reply clocks are read and counted here, because a reply counts
        only once it was given or its time ran out by the injected clock."""
        if not (2000 <= year <= 2100 and 1 <= month <= 12):
            raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "No such month."))
        tz = self._ctx.tz()
        start = datetime.combine(date(year, month, 1), time(0), tz)
        end = datetime.combine(date(year + month // 12, month % 12 + 1, 1), time(0), tz)
        window = and_(Ticket.created_at >= to_db(start), Ticket.created_at < to_db(end))
        report = MonthlyReport(year, month)
        with self._ctx.db.read() as session:
            for kind, n in session.execute(select(Ticket.kind, func.count()).where(window).group_by(Ticket.kind)):
                report.by_kind[TicketKind(kind)] = n
            complaint = and_(window, Ticket.kind == TicketKind.COMPLAINT.value)
            report.complaints = report.by_kind.get(TicketKind.COMPLAINT, 0)
            for building, n in session.execute(
                select(Ticket.building, func.count())
                .where(complaint)
                .group_by(Ticket.building)
                .order_by(func.count().desc())
            ):
                report.complaints_by_building[building or "—"] = n
            validity = func.json_extract(Ticket.details_json, "$.validity")
            on_spot = func.json_extract(Ticket.details_json, "$.solved_on_spot")
            report.valid = int(session.scalar(select(func.count()).where(complaint, validity == "valid")) or 0)
            report.invalid = int(session.scalar(select(func.count()).where(complaint, validity == "invalid")) or 0)
            report.solved_on_spot = int(session.scalar(select(func.count()).where(complaint, on_spot == 1)) or 0)
            replies = (
                select(TicketClock)
                .join(Ticket, Ticket.id == TicketClock.ticket_id)
                .where(complaint, TicketClock.kind == ClockKind.REPLY.value)
            )
            # A reply counts once it was given or its time ran out (not while it may still be on time).
            now = self._ctx.clock.now()
            reply_rows = [c for c in session.scalars(replies) if c.met_at is not None or from_db(c.due_at) < now]
            report.replies_due = len(reply_rows)
            report.replies_on_time = sum(1 for c in reply_rows if c.met_at is not None and c.met_at <= c.due_at)
            # Every valid complaint is visited back: those not yet visited count as not done.
            report.follow_ups_due = report.valid
            report.follow_ups_done = int(
                session.scalar(
                    select(func.count(func.distinct(TicketClock.ticket_id)))
                    .join(Ticket, Ticket.id == TicketClock.ticket_id)
                    .where(
                        complaint,
                        validity == "valid",
                        TicketClock.kind == ClockKind.FOLLOW_UP.value,
                        TicketClock.met_at.is_not(None),
                    )
                )
                or 0
            )
            report.closed = int(
                session.scalar(select(func.count()).where(complaint, Ticket.status == TicketStatus.CLOSED.value)) or 0
            )
        return report

    def registers(self, kind: TicketKind, date_from: date, date_to: date) -> list[TicketView]:
        """Every ticket of a kind registered in the date range, oldest first (the paper registers)."""
        if date_to < date_from:
            raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "The end date is before the start date."))
        tz = self._ctx.tz()
        start = to_db(datetime.combine(date_from, time(0), tz))
        end = to_db(datetime.combine(date_to + timedelta(days=1), time(0), tz))
        with self._ctx.db.read() as session:
            rows = session.scalars(
                select(Ticket)
                .where(Ticket.kind == kind.value, Ticket.created_at >= start, Ticket.created_at < end)
                .order_by(Ticket.created_at, Ticket.id)
            ).all()
            names = self._ctx.account_names(session)  # once for the register, not once a ticket
            return [self._ctx.view(session, t, names) for t in rows]
