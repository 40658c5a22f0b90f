"""The wizard's handover while it is filled in: starting it for the right shift, the draft
saved as the clerks type, the incoming clerk's arrival and a supervisor's release of
important unfinished work."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from sqlalchemy import select

from desk_app.domain.errors import QT_TRANSLATE_NOOP, NotFound, PermissionDenied, ValidationError
from desk_app.domain.handover import HandoverDraft, HandoverState, OpenWork, WorkSource
from desk_app.domain.roles import Actor, Role, require_role
from desk_app.domain.shifts import ShiftOccurrence, occurrence
from desk_app.domain.text_rules import FIELD_DESCRIPTION, FIELD_REASON, REASON_MAX, clean_text
from desk_app.services.common import audit, to_db
from desk_app.services.handover.items import EARLY_ARRIVAL_DEFAULT, with_current_items
from desk_app.services.handover.open_work import OpenWorkDeclaration
from desk_app.services.handover.views import HandoverView
from desk_app.storage.models import DeskSettings, Handover, LogEntry

# A successor this late still takes over the shift that ended (the outgoing clerk stays on
# duty, 002 4.2.8); covering a post lasts at most 4 hours (002 第1篇 七.7).
LATE_HANDOVER_GRACE = timedelta(hours=4)


class WizardDraft(OpenWorkDeclaration):
    def start(self, actor: Actor) -> HandoverView:
        """The outgoing clerk starts (or resumes) the handover of the running shift."""
        require_role(actor, Role.CLERK)
        existing = self.current()
        if existing is not None:
            if existing.outgoing_id != actor.account_id and actor.role is Role.CLERK:
                raise PermissionDenied(
                    QT_TRANSLATE_NOOP("DeskError", "{name} has already started a handover."),
                    name=existing.outgoing_name,
                )
            self.refuse_incidents_in_progress()  # logged while the handover was paused
            return self.refresh_items(actor, existing.id)
        self.refuse_incidents_in_progress()  # every incident named, not only the first
        shift = self._shift_to_hand_over(actor.account_id)
        if shift is None:
            raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "No shift is running now."))
        with self._db.write(actor) as session:
            done = session.scalar(
                select(Handover.id).where(
                    Handover.state == HandoverState.SIGNED,
                    Handover.shift_date == shift.shift_date,
                    Handover.shift_template_id == shift.template.id,
                )
            )
            if done is not None:
                raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "This shift was already handed over."))
            draft = with_current_items(
                session, HandoverDraft(open_work=self._collect_open_work(session)), self._desk.info().tz
            )
            settings = session.get(DeskSettings, 1)
            row = Handover(
                shift_template_id=shift.template.id,
                shift_date=shift.shift_date,
                outgoing_id=actor.account_id,
                state=HandoverState.OPEN.value,
                started_at=to_db(self._clock.now()),
                early_arrival_minutes=settings.early_arrival_minutes if settings else EARLY_ARRIVAL_DEFAULT,
                draft_json=draft.to_json(),
            )
            session.add(row)
            session.flush()
            return self._view(session, row)

    def save_draft(self, actor: Actor, handover_id: int, draft: HandoverDraft) -> None:
        """Saved on every change, so an interrupted handover resumes where it stopped.

        A draft carries what the clerks typed, never an approval: the open work to declare,
        its importance and any supervisor's release (``override``), and the items with
        their expected quantities are kept as the service stored them, whatever ``draft``
        says about them."""
        require_role(actor, Role.CLERK)
        with self._db.write(actor) as session:
            row = self._open_row(session, handover_id)
            stored = with_current_items(session, HandoverDraft.from_json(row.draft_json), self._desk.info().tz)
            row.draft_json = _typed_only(stored, draft).to_json()

    def add_free_work(self, actor: Actor, handover_id: int, description: str, important: bool = False) -> HandoverDraft:
        require_role(actor, Role.CLERK)
        text = clean_text(description, field=FIELD_DESCRIPTION, max_len=REASON_MAX, required=True)
        with self._db.write(actor) as session:
            row = self._open_row(session, handover_id)
            draft = HandoverDraft.from_json(row.draft_json)
            draft.open_work.append(OpenWork(WorkSource.FREE, None, text, important=important))
            row.draft_json = draft.to_json()
            return draft

    def identify_incoming(self, handover_id: int, username: str, password: str) -> HandoverView:
        """The incoming clerk signs in to the wizard: arrival time and lateness are recorded."""
        person = self._accounts.authenticate(username, password)
        try:
            with self._db.write(person) as session:
                row = self._open_row(session, handover_id)
                if person.account_id == row.outgoing_id:
                    raise ValidationError(
                        QT_TRANSLATE_NOOP("DeskError", "The outgoing clerk cannot also be the incoming clerk.")
                    )
                now = self._clock.now()
                if row.incoming_id != person.account_id:
                    row.incoming_id = person.account_id
                    row.incoming_arrived_at = to_db(now)
                return self._view(session, row)
        finally:
            self._accounts.sign_out(person)  # the password proved who arrived; the desk is not theirs yet

    def override(self, handover_id: int, work_index: int, username: str, password: str, reason: str) -> HandoverDraft:
        """A supervisor lets important unfinished work pass, with a reason, by their password."""
        supervisor = self._accounts.authenticate(username, password)
        try:
            require_role(supervisor, Role.SUPERVISOR)
            reason = clean_text(reason, field=FIELD_REASON, max_len=REASON_MAX, required=True)
            with self._db.write(supervisor) as session:
                row = self._open_row(session, handover_id)
                draft = HandoverDraft.from_json(row.draft_json)
                if not 0 <= work_index < len(draft.open_work):
                    raise NotFound(QT_TRANSLATE_NOOP("DeskError", "No such open work."))
                work = draft.open_work[work_index]
                work.override_by = supervisor.account_id
                work.override_reason = reason
                row.draft_json = draft.to_json()
                audit(
                    session,
                    self._clock.now(),
                    supervisor.account_id,
                    "handover.override",
                    f"#{row.id} {work.key}: by password; {reason}",
                )
                return draft
        finally:
            self._accounts.sign_out(supervisor)  # given by password now, not a sign-in

    def refresh_items(self, actor: Actor, handover_id: int) -> HandoverView:
        """The open handover with the item list as it is now: a paused handover resumes so
        (items added while it was paused are there to count), and the wizard asks again
        whenever it shows the count."""
        require_role(actor, Role.CLERK)
        tz = self._desk.info().tz
        with self._db.read() as session:
            row = self._open_row(session, handover_id)
            stored = HandoverDraft.from_json(row.draft_json)
            if with_current_items(session, stored, tz) == stored:
                return self._view(session, row)
        with self._db.write(actor) as session:
            row = self._open_row(session, handover_id)
            row.draft_json = with_current_items(session, HandoverDraft.from_json(row.draft_json), tz).to_json()
            return self._view(session, row)

    # -- which shift is handed over --------------------------------------------------------
    def _shift_to_hand_over(self, outgoing_id: int) -> ShiftOccurrence | None:
        """The running shift, unless the outgoing clerk kept the log of the shift before it,
        which ended a short while ago and was not handed over: a successor who arrives after
        the end takes over the shift that ended, so lateness and the overdue warning are
        measured against its end."""
        now = self._clock.now()
        running = self._desk.shift_at(now)
        ended = self._last_ended_shift()
        if ended is None or now - ended.end > LATE_HANDOVER_GRACE:
            return running

        def wrote_in(occ: ShiftOccurrence) -> bool:
            query = (
                select(LogEntry.id)
                .where(LogEntry.clerk_id == outgoing_id)
                .where(LogEntry.shift_date == occ.shift_date, LogEntry.shift_template_id == occ.template.id)
                .limit(1)
            )
            return session.scalar(query) is not None

        with self._db.read() as session:
            handed = session.scalar(
                select(Handover.id).where(
                    Handover.shift_date == ended.shift_date, Handover.shift_template_id == ended.template.id
                )
            )
            if handed is None and wrote_in(ended) and (running is None or not wrote_in(running)):
                return ended
        return running

    def _last_ended_shift(self) -> ShiftOccurrence | None:
        """Between shifts (a desk not staffed round the clock): the shift that ended last."""
        now = self._desk.now()
        tz = self._desk.info().tz
        best: ShiftOccurrence | None = None
        for template in self._desk.shift_templates():
            for back in (0, 1):
                occ = occurrence(template, now.date() - timedelta(days=back), tz)
                if occ.end <= now and (best is None or occ.end > best.end):
                    best = occ
        return best


def _typed_only(stored: HandoverDraft, typed: HandoverDraft) -> HandoverDraft:
    """``typed`` with the open work, the item list and the record that the desk keeps no
    items as ``stored``: what the clerks may change through a saved draft is the counts,
    dispositions and notes they type."""
    counted = {c.item_id: c for c in typed.counts}
    counts = []
    for item in stored.counts:
        mine = counted.get(item.item_id)
        counts.append(
            replace(item, counted=mine.counted, condition=mine.condition, explanation=mine.explanation)
            if mine is not None
            else item
        )
    by_key: dict[str, list[OpenWork]] = {}
    for work in typed.open_work:
        by_key.setdefault(work.key, []).append(work)
    open_work = []
    for work in stored.open_work:
        same = by_key.get(work.key)
        typed_work = same.pop(0) if same else None
        open_work.append(
            replace(work, disposition=typed_work.disposition, note=typed_work.note) if typed_work is not None else work
        )
    return replace(
        typed, counts=counts, open_work=open_work, no_items_by=stored.no_items_by, no_items_at=stored.no_items_at
    )
