"""A ticket's workflow after registration: judging a complaint, replies, dispatching, the
work done, the follow-up visit, delivering a message, closing, reopening and the written
report of a major incident. Which action moves which status is domain/tickets.py
TRANSITIONS; each action checks its own rules, then ends in ``TicketContext.finish``."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_app.domain import tickets as tk
from desk_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from desk_app.domain.roles import Actor, Role, require_role
from desk_app.domain.text_rules import FIELD_REASON, NAME_MAX, REASON_MAX, clean_text
from desk_app.domain.tickets import ClockKind, TicketAction, TicketKind, TicketStatus, Urgency, Validity
from desk_app.services.common import audit, from_db, to_db
from desk_app.services.tickets import records
from desk_app.services.tickets.context import TicketContext
from desk_app.services.tickets.registration import FIELD_PERSON
from desk_app.services.tickets.rules import TicketRules
from desk_app.services.tickets.views import TicketView
from desk_app.storage.models import IncidentReport, Ticket, TicketClock, TicketEvent

NOTE_MAX = 500
REPORT_MAX = 5000
FIELD_NOTE = QT_TRANSLATE_NOOP("Field", "Note")
FIELD_REPORT = QT_TRANSLATE_NOOP("Field", "Incident report")
_WORKED = (TicketKind.REPAIR, TicketKind.HELP_REQUEST, TicketKind.CONVENIENCE)


class Workflow:
    def __init__(self, ctx: TicketContext, rules: TicketRules) -> None:
        self._ctx = ctx
        self._rules = rules

    def judge(self, actor: Actor, ticket_id: int, validity: Validity, reason: str) -> TicketView:
        """Judge a complaint valid or invalid (有效/无效投诉), with the reason."""
        require_role(actor, Role.CLERK)
        reason = clean_text(reason, field=FIELD_REASON, max_len=REASON_MAX, required=True)
        if validity is Validity.UNDECIDED:
            raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "Say whether the complaint is valid or invalid."))
        with self._ctx.db.write(actor) as session:
            ticket = self._ctx.open_ticket(session, ticket_id, (TicketKind.COMPLAINT,))
            details = records.details_from_json(ticket.details_json)
            if self._ctx.clock_met(session, ticket, ClockKind.FOLLOW_UP) or ticket.status == TicketStatus.FOLLOW_UP:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("DeskError", "The complaint is already resolved; reopen it to judge it again.")
                )
            details.validity = validity
            ticket.details_json = records.details_to_json(details)
            word = "有效投诉" if validity is Validity.VALID else "无效投诉"
            self._ctx.event(session, ticket, actor, TicketAction.JUDGED, None, None, f"{word}：{reason}")
            return self._ctx.view(session, ticket)

    def reply(
        self,
        actor: Actor,
        ticket_id: int,
        note: str,
        *,
        resolved: bool,
        next_reply_at: datetime | None = None,
    ) -> TicketView:
        """A reply to the complainant. Unless it resolves the complaint, the next reply time is
        agreed and becomes a clock; a resolved valid complaint awaits its follow-up visit, a
        resolved invalid one is closed."""
        require_role(actor, Role.CLERK)
        note = clean_text(note, field=FIELD_NOTE, max_len=NOTE_MAX, required=True, multiline=True)
        now = self._ctx.clock.now()
        with self._ctx.db.write(actor) as session:
            ticket = self._ctx.acting_on(
                session,
                ticket_id,
                TicketAction.REPLIED,
                (TicketKind.COMPLAINT,),
                QT_TRANSLATE_NOOP("DeskError", "This complaint is resolved and waits for its follow-up visit."),
            )
            details = records.details_from_json(ticket.details_json)
            self._ctx.meet(session, ticket, (ClockKind.REPLY, ClockKind.NEXT_REPLY), actor, now)
            if resolved:
                if details.validity is Validity.UNDECIDED:
                    raise ValidationError(
                        QT_TRANSLATE_NOOP(
                            "DeskError", "Judge the complaint valid or invalid before recording it as resolved."
                        )
                    )
                if details.validity is Validity.VALID:
                    self._start_follow_up(session, ticket, now)
                    after = TicketStatus.FOLLOW_UP
                else:
                    after = TicketStatus.CLOSED
            else:
                if next_reply_at is None:
                    raise ValidationError(
                        QT_TRANSLATE_NOOP("DeskError", "Agree with the resident when the next reply will be.")
                    )
                self._ctx.check_future(next_reply_at, now)
                if next_reply_at <= now:
                    raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "The next reply must be later than now."))
                self._ctx.add_clock(session, ticket, ClockKind.NEXT_REPLY, next_reply_at)
                after = TicketStatus.IN_PROGRESS
            return self._ctx.finish(session, ticket, actor, TicketAction.REPLIED, now, note, after)

    def suggested_next_reply(self) -> datetime:
        """The next reply time a reply dialog offers: the desk's reply interval from now."""
        return tk.suggested_next_reply(self._ctx.clock.now(), self._rules.rules()[TicketKind.COMPLAINT])

    def dispatch(
        self, actor: Actor, ticket_id: int, person: str, visit_at: datetime | None = None, note: str = ""
    ) -> TicketView:
        """Send someone (engineering, a cleaner …), optionally at a time agreed with the resident."""
        require_role(actor, Role.CLERK)
        person = clean_text(person, field=FIELD_PERSON, max_len=NAME_MAX, required=True)
        note = clean_text(note, field=FIELD_NOTE, max_len=NOTE_MAX, required=False)
        now = self._ctx.clock.now()
        if visit_at is not None:
            self._ctx.check_future(visit_at, now)
        with self._ctx.db.write(actor) as session:
            ticket = self._ctx.acting_on(
                session,
                ticket_id,
                TicketAction.DISPATCHED,
                _WORKED,
                QT_TRANSLATE_NOOP("DeskError", "The work is done; it waits for its follow-up visit."),
            )
            details = records.details_from_json(ticket.details_json)
            details.dispatched_to = person
            if visit_at is not None:
                # A new agreed time replaces the old one: the old clock is closed as rescheduled.
                self._ctx.meet(session, ticket, (ClockKind.VISIT,), actor, now)
                self._ctx.add_clock(session, ticket, ClockKind.VISIT, visit_at)
                details.visit_at = visit_at
            ticket.details_json = records.details_to_json(details)
            when = f"，约定 {visit_at.astimezone(self._ctx.tz()):%m-%d %H:%M}" if visit_at else ""
            text = f"派{person}{when}" + (f"；{note}" if note else "")
            return self._ctx.finish(
                session, ticket, actor, TicketAction.DISPATCHED, now, text, TicketStatus.IN_PROGRESS
            )

    def complete(self, actor: Actor, ticket_id: int, note: str, *, paid: bool | None = None) -> TicketView:
        """The work is done; kinds that are visited back now wait for the follow-up."""
        require_role(actor, Role.CLERK)
        note = clean_text(note, field=FIELD_NOTE, max_len=NOTE_MAX, required=True, multiline=True)
        now = self._ctx.clock.now()
        with self._ctx.db.write(actor) as session:
            ticket = self._ctx.acting_on(
                session,
                ticket_id,
                TicketAction.COMPLETED,
                _WORKED,
                QT_TRANSLATE_NOOP("DeskError", "The work is already recorded as done."),
            )
            details = records.details_from_json(ticket.details_json)
            if paid is not None:
                details.paid = paid
                ticket.details_json = records.details_to_json(details)
            self._ctx.meet(session, ticket, (ClockKind.VISIT,), actor, now)
            self._start_follow_up(session, ticket, now)
            fee = "；已收费" if details.paid else "；未收费" if ticket.kind == TicketKind.CONVENIENCE else ""
            return self._ctx.finish(
                session, ticket, actor, TicketAction.COMPLETED, now, note + fee, TicketStatus.FOLLOW_UP
            )

    def record_follow_up(self, actor: Actor, ticket_id: int, note: str, *, satisfied: bool) -> TicketView:
        """The follow-up visit (回访): recorded, the ticket is closed."""
        require_role(actor, Role.CLERK)
        note = clean_text(note, field=FIELD_NOTE, max_len=NOTE_MAX, required=True, multiline=True)
        now = self._ctx.clock.now()
        with self._ctx.db.write(actor) as session:
            ticket = self._ctx.acting_on(
                session,
                ticket_id,
                TicketAction.FOLLOWED_UP,
                refused=QT_TRANSLATE_NOOP(
                    "DeskError", "The follow-up visit comes after the work is done or the complaint resolved."
                ),
            )
            self._ctx.meet(session, ticket, (ClockKind.FOLLOW_UP,), actor, now)
            verdict = "满意" if satisfied else "不满意"
            text = f"回访（{verdict}）：{note}"
            return self._ctx.finish(session, ticket, actor, TicketAction.FOLLOWED_UP, now, text, TicketStatus.CLOSED)

    def deliver(self, actor: Actor, ticket_id: int, note: str = "") -> TicketView:
        """A message was passed on to its recipient."""
        require_role(actor, Role.CLERK)
        note = clean_text(note, field=FIELD_NOTE, max_len=NOTE_MAX, required=False)
        now = self._ctx.clock.now()
        with self._ctx.db.write(actor) as session:
            ticket = self._ctx.acting_on(session, ticket_id, TicketAction.DELIVERED, (TicketKind.MESSAGE,))
            details = records.details_from_json(ticket.details_json)
            details.delivered = True
            ticket.details_json = records.details_to_json(details)
            return self._ctx.finish(
                session, ticket, actor, TicketAction.DELIVERED, now, note or "已转达", TicketStatus.CLOSED
            )

    def check_close(self, actor: Actor, ticket_id: int) -> None:
        """Refuse, as ``close`` would, a ticket that cannot be closed by hand now, so the
        window asks for a reason only when closing can succeed."""
        require_role(actor, Role.CLERK)
        with self._ctx.db.read() as session:
            self._closable(session, ticket_id)

    def close(self, actor: Actor, ticket_id: int, reason: str) -> TicketView:
        """Close a ticket by hand (the resident withdrew it, a duplicate …), with the reason.
        A valid complaint is never closed before its follow-up visit (回访率100%)."""
        require_role(actor, Role.CLERK)
        reason = clean_text(reason, field=FIELD_REASON, max_len=REASON_MAX, required=True)
        now = self._ctx.clock.now()
        with self._ctx.db.write(actor) as session:
            ticket = self._closable(session, ticket_id)
            return self._ctx.finish(session, ticket, actor, TicketAction.CLOSED, now, reason, TicketStatus.CLOSED)

    def _closable(self, session: Session, ticket_id: int) -> Ticket:
        """The ticket, if the rules let it be closed by hand; else why not."""
        ticket = self._ctx.acting_on(session, ticket_id, TicketAction.CLOSED)
        details = records.details_from_json(ticket.details_json)
        if (
            ticket.kind == TicketKind.COMPLAINT
            and details.validity is not Validity.INVALID
            and not self._ctx.clock_met(session, ticket, ClockKind.FOLLOW_UP)
        ):
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "DeskError",
                    "A complaint cannot be closed before its follow-up visit is recorded "
                    "(an invalid complaint is closed by its reply).",
                )
            )
        if ticket.urgency == Urgency.MAJOR and not self._ctx.clock_met(session, ticket, ClockKind.INCIDENT_REPORT):
            raise ValidationError(
                QT_TRANSLATE_NOOP("DeskError", "A major incident is closed only after its written report.")
            )
        return ticket

    def reopen(self, actor: Actor, ticket_id: int, reason: str) -> TicketView:
        """Reopen a closed ticket (the problem came back); a complaint gets a new reply clock."""
        require_role(actor, Role.CLERK)
        reason = clean_text(reason, field=FIELD_REASON, max_len=REASON_MAX, required=True)
        now = self._ctx.clock.now()
        with self._ctx.db.write(actor) as session:
            ticket = self._ctx.acting_on(
                session,
                ticket_id,
                TicketAction.REOPENED,
                refused=QT_TRANSLATE_NOOP("DeskError", "Ticket #{id} is not closed."),
            )
            if ticket.kind == TicketKind.COMPLAINT:
                details = records.details_from_json(ticket.details_json)
                details.solved_on_spot = False
                details.validity = Validity.UNDECIDED
                ticket.details_json = records.details_to_json(details)
                due = tk.reply_due(now, self._rules.rules()[TicketKind.COMPLAINT])
                if due is not None:
                    self._ctx.add_clock(session, ticket, ClockKind.REPLY, due)
            return self._ctx.finish(session, ticket, actor, TicketAction.REOPENED, now, reason, TicketStatus.OPEN)

    def write_incident_report(self, actor: Actor, ticket_id: int, body: str) -> TicketView:
        """The written report of a major incident (due by the end of the next day)."""
        require_role(actor, Role.CLERK)
        body = clean_text(body, field=FIELD_REPORT, max_len=REPORT_MAX, required=True, multiline=True)
        now = self._ctx.clock.now()
        with self._ctx.db.write(actor) as session:
            ticket = self._ctx.get(session, ticket_id)
            if ticket.urgency != Urgency.MAJOR:
                raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "Only a major incident has a written report."))
            if session.scalar(select(IncidentReport.id).where(IncidentReport.ticket_id == ticket.id)) is not None:
                raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "The report of this incident is already written."))
            session.add(
                IncidentReport(ticket_id=ticket.id, written_at=to_db(now), author_id=actor.account_id, body=body)
            )
            self._ctx.meet(session, ticket, (ClockKind.INCIDENT_REPORT,), actor, now)
            return self._ctx.finish(session, ticket, actor, TicketAction.INCIDENT_REPORT, now, body[:80])

    def _start_follow_up(self, session: Session, ticket: Ticket, now: datetime) -> None:
        due = tk.follow_up_due(
            now, self._rules.rules()[TicketKind(ticket.kind)], self._ctx.tz(), self._ctx.holidays.calendar()
        )
        if due is None:  # the desk switched follow-ups off for this kind: a day, not never
            due = now + timedelta(days=1)
        self._ctx.add_clock(session, ticket, ClockKind.FOLLOW_UP, due)

    def recompute_working_day_clocks(self, actor: Actor) -> int:
        """After the holiday table changed: the follow-up due of every ticket waiting for its
        follow-up visit, counted again from the moment its clock started (the event that
        moved it to follow-up) with the desk's calendar as it is now. Each due that moves is
        audited (ticket, old and new due); returns how many moved."""
        calendar = self._ctx.holidays.calendar()
        rules = self._rules.rules()
        tz = self._ctx.tz()
        now = self._ctx.clock.now()
        moved = 0
        with self._ctx.db.write(actor) as session:
            running = session.execute(
                select(TicketClock, Ticket)
                .join(Ticket, Ticket.id == TicketClock.ticket_id)
                .where(
                    Ticket.status == TicketStatus.FOLLOW_UP.value,
                    TicketClock.kind == ClockKind.FOLLOW_UP.value,
                    TicketClock.met_at.is_(None),
                )
                .order_by(TicketClock.id)
            ).all()
            for clock, ticket in running:
                started = session.scalar(
                    select(TicketEvent.at)
                    .where(TicketEvent.ticket_id == ticket.id, TicketEvent.status_to == TicketStatus.FOLLOW_UP.value)
                    .order_by(TicketEvent.id.desc())
                    .limit(1)
                )
                if started is None:
                    continue
                due = tk.follow_up_due(from_db(started), rules[TicketKind(ticket.kind)], tz, calendar)
                if due is None or to_db(due) == clock.due_at:  # a day, not working days: no calendar
                    continue
                old = from_db(clock.due_at).astimezone(tz)
                clock.due_at = to_db(due)
                session.flush()
                self._ctx.refresh_due(session, ticket)
                audit(
                    session,
                    now,
                    actor.account_id,
                    "ticket.follow_up_due_moved",
                    f"#{ticket.id} {old:%Y-%m-%d %H:%M} -> {due.astimezone(tz):%Y-%m-%d %H:%M}",
                )
                moved += 1
        return moved
