"""The shift log (值班记录): add, correct, find, review. Entries are never changed.

The views it returns are in ``log_views``; how the filter and a search become SQL, in
``log_queries``."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import and_, func, or_, select

from desk_app.domain.categories import MANUAL_CATEGORIES, LogCategory
from desk_app.domain.clock import Clock
from desk_app.domain.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from desk_app.domain.roles import Actor, Role, require_role
from desk_app.domain.shifts import occurrence
from desk_app.domain.text_rules import (
    FIELD_HANDLING,
    FIELD_REASON,
    FIELD_REMARK,
    FIELD_SITUATION,
    HANDLING_MAX,
    REASON_MAX,
    REMARK_MAX,
    SITUATION_MAX,
    clean_text,
)
from desk_app.services import log_chain
from desk_app.services.accounts import AccountService
from desk_app.services.common import audit, from_db, to_db
from desk_app.services.desk import DeskService
from desk_app.services.log_queries import apply_filter, base_query, count_entries, fetch_views, page_ids
from desk_app.services.log_views import DayReviewView, LogEntryView, LogFilter
from desk_app.storage.database import Database
from desk_app.storage.models import Account, DayReview, LogEntry

# An entry time set more than this before "now" is a back-dated entry and needs a reason.
BACKDATE_GRACE = timedelta(minutes=1)
# Clock drift tolerated for a time typed "now" (the field has minute precision).
FUTURE_GRACE = timedelta(seconds=59)


class LogService:
    def __init__(self, db: Database, clock: Clock, desk: DeskService, accounts: AccountService) -> None:
        self._db = db
        self._clock = clock
        self._desk = desk
        self._accounts = accounts

    # -- writing ---------------------------------------------------------------------
    def add(
        self,
        actor: Actor,
        category: LogCategory,
        situation: str,
        handling: str = "",
        *,
        occurred_at: datetime | None = None,
        backdate_reason: str = "",
        follow_up: bool = False,
    ) -> LogEntryView:
        """Record what happened, now or earlier in the current shift."""
        return self._write(actor, category, situation, handling, occurred_at, backdate_reason, follow_up, None)

    def correct(
        self,
        actor: Actor,
        original_id: int,
        category: LogCategory,
        situation: str,
        handling: str = "",
        *,
        follow_up: bool = False,
    ) -> LogEntryView:
        """A new entry that replaces ``original_id``; the original stays, struck through."""
        return self._write(actor, category, situation, handling, None, "", follow_up, original_id)

    def _write(
        self,
        actor: Actor,
        category: LogCategory,
        situation: str,
        handling: str,
        occurred_at: datetime | None,
        backdate_reason: str,
        follow_up: bool,
        corrects_id: int | None,
    ) -> LogEntryView:
        require_role(actor, Role.CLERK)
        if not isinstance(category, LogCategory):
            raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "Unknown category: {value}."), value=category)
        if category not in MANUAL_CATEGORIES:
            raise ValidationError(
                QT_TRANSLATE_NOOP("DeskError", "Entries of the category {value} are written by the program only."),
                value=category.value,
            )
        situation = clean_text(situation, field=FIELD_SITUATION, max_len=SITUATION_MAX, required=True)
        handling = clean_text(handling, field=FIELD_HANDLING, max_len=HANDLING_MAX, required=False)
        now = self._clock.now().replace(microsecond=0)
        desk = self._desk.info()
        shift = self._desk.shift_at(now)
        if shift is None:
            raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "No shift is running now, so nothing can be logged."))
        when = now if occurred_at is None else occurred_at.replace(microsecond=0)
        if when.tzinfo is None:
            raise ValueError("occurred_at must be timezone-aware")
        reason = ""
        if when > now + FUTURE_GRACE:
            raise ValidationError(
                QT_TRANSLATE_NOOP("DeskError", "The time {time} is in the future."),
                time=when.astimezone(desk.tz).strftime("%H:%M"),
            )
        if when > now:
            when = now
        if when < shift.start:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "DeskError",
                    "The time {time} is before the current shift ({shift}, from {start}); "
                    "earlier events are logged as a correction or by that shift.",
                ),
                time=when.astimezone(desk.tz).strftime("%m-%d %H:%M"),
                shift=shift.template.name,
                start=shift.start.strftime("%H:%M"),
            )
        if now - when >= BACKDATE_GRACE:
            if not (backdate_reason or "").strip():
                raise ValidationError(
                    QT_TRANSLATE_NOOP("DeskError", "The time {time} is earlier than now: say why the entry is late."),
                    time=when.astimezone(desk.tz).strftime("%H:%M"),
                )
            reason = clean_text(backdate_reason, field=FIELD_REASON, max_len=REASON_MAX, required=True)
        with self._db.write(actor) as session:
            after_review = False
            if corrects_id is not None:
                original = session.get(LogEntry, corrects_id)
                if original is None:
                    raise NotFound(QT_TRANSLATE_NOOP("DeskError", "Log entry #{id} does not exist."), id=corrects_id)
                existing = session.scalar(select(LogEntry.id).where(LogEntry.corrects_id == corrects_id))
                if existing is not None:
                    raise ValidationError(
                        QT_TRANSLATE_NOOP(
                            "DeskError", "Entry #{id} was already corrected by #{by}; correct #{by} instead."
                        ),
                        id=corrects_id,
                        by=existing,
                    )
                after_review = (
                    session.scalar(select(DayReview.id).where(DayReview.day == original.shift_date)) is not None
                )
            row = {
                "clerk_id": actor.account_id,
                "shift_template_id": shift.template.id,
                "shift_date": shift.shift_date,
                "occurred_at": to_db(when),
                "recorded_at": to_db(now),
                "tz": desk.timezone,
                "category": category.value,
                "situation": situation,
                "handling": handling,
                "backdate_reason": reason,
                "follow_up": bool(follow_up),
                "corrects_id": corrects_id,
                "after_review": after_review,
            }
            (stored,) = log_chain.append(session, [row])
            entry_id = stored["id"]
        return self.get(entry_id)

    # -- reading ---------------------------------------------------------------------
    def get(self, entry_id: int) -> LogEntryView:
        tz = self._tz()
        with self._db.read() as session:
            rows = fetch_views(session, base_query().where(LogEntry.id == entry_id), tz)
        if not rows:
            raise NotFound(QT_TRANSLATE_NOOP("DeskError", "Log entry #{id} does not exist."), id=entry_id)
        return rows[0]

    def count(self, flt: LogFilter) -> int:
        tz = self._tz()
        with self._db.read() as session:
            return count_entries(session, flt, tz)

    def page(self, flt: LogFilter, offset: int, limit: int, total: int | None = None) -> list[LogEntryView]:
        """Rows ``offset .. offset+limit`` of the newest-first list.

        Past the middle of the list the query runs oldest-first from the other end, so
        jumping to the oldest entry costs the same as showing the newest. ``total`` is
        what ``count`` returned for the same filter.
        """
        if limit <= 0 or offset < 0:
            return []
        tz = self._tz()
        with self._db.read() as session:
            newest_first = total is None or offset <= total // 2
            start, take = offset, limit
            if total is not None and not newest_first:
                start = max(0, total - offset - limit)
                take = min(limit, total - offset)
                if take <= 0:
                    return []
            # Two steps: the ids of the page from an index alone (cheap even deep into
            # the list), then the 100 full rows with their corrections.
            ids = page_ids(session, flt, tz, start, take, newest_first, total)
            if not ids:
                return []
            query = base_query().where(LogEntry.id.in_(ids))
            return fetch_views(session, query.order_by(LogEntry.occurred_at.desc(), LogEntry.id.desc()), tz)

    def iter_chronological(self, flt: LogFilter, batch: int = 2000) -> Iterator[LogEntryView]:
        """Every matching entry, oldest first, in batches (for printing)."""
        tz = self._tz()
        last: tuple[datetime, int] | None = None
        while True:
            with self._db.read() as session:
                # Walk the time index and test each id against a search result, instead
                # of sorting the whole search result for every batch.
                query = apply_filter(select(LogEntry.id), flt, tz, search_drives=False)
                if last is not None:
                    # ">=" gives the time index a starting point; the OR settles ties.
                    query = query.where(
                        LogEntry.occurred_at >= last[0],
                        or_(
                            LogEntry.occurred_at > last[0],
                            and_(LogEntry.occurred_at == last[0], LogEntry.id > last[1]),
                        ),
                    )
                query = query.order_by(LogEntry.occurred_at.asc(), LogEntry.id.asc()).limit(batch)
                ids = list(session.scalars(query))
                rows = (
                    fetch_views(
                        session,
                        base_query()
                        .where(LogEntry.id.in_(ids))
                        .order_by(LogEntry.occurred_at.asc(), LogEntry.id.asc()),
                        tz,
                    )
                    if ids
                    else []
                )
            if not rows:
                return
            yield from rows
            tail = rows[-1]
            last = (to_db(tail.occurred_at), tail.id)

    def position_of(self, flt: LogFilter, entry_id: int) -> int | None:
        """Row index of an entry in the newest-first list (to jump to a correction)."""
        tz = self._tz()
        with self._db.read() as session:
            entry = session.get(LogEntry, entry_id)
            if entry is None:
                return None
            query = select(func.count()).select_from(LogEntry)
            query = apply_filter(query, flt, tz).where(
                LogEntry.occurred_at >= entry.occurred_at,
                or_(
                    LogEntry.occurred_at > entry.occurred_at,
                    and_(LogEntry.occurred_at == entry.occurred_at, LogEntry.id > entry.id),
                ),
            )
            return int(session.scalar(query) or 0)

    # -- supervisor review -------------------------------------------------------------
    def sign_day(self, actor: Actor, day: date, remark: str = "", *, password: str) -> DayReviewView:
        """The supervisor's daily signature under a day's records (002 4.2.5), given with
        their own password at that moment.

        It covers exactly the entries written up to now (the highest entry id is kept):
        an entry of ``day`` written later is shown and printed as not yet reviewed. A day
        is signed once its last shift has ended."""
        require_role(actor, Role.SUPERVISOR)
        remark = clean_text(remark, field=FIELD_REMARK, max_len=REMARK_MAX, required=False)
        now = self._clock.now().replace(microsecond=0)
        tz = self._tz()
        if day > self._desk.today():
            raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "A day in the future cannot be signed."))
        ends = self.day_ends(day)
        if now < ends:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "DeskError",
                    "The records of {day} can be signed from {time}, when its last shift ends.",
                ),
                day=day.isoformat(),
                time=ends.astimezone(tz).strftime("%m-%d %H:%M"),
            )
        self._accounts.confirm_password(actor, password)
        with self._db.write(actor) as session:
            if session.scalar(select(DayReview.id).where(DayReview.day == day)) is not None:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("DeskError", "The records of {day} are already signed."), day=day.isoformat()
                )
            if session.scalar(select(LogEntry.id).where(LogEntry.shift_date == day).limit(1)) is None:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("DeskError", "There are no records on {day} to sign."), day=day.isoformat()
                )
            covers = int(session.scalar(select(func.max(LogEntry.id))) or 0)
            session.add(
                DayReview(day=day, signer_id=actor.account_id, signed_at=to_db(now), remark=remark, covers_to_id=covers)
            )
            audit(session, now, actor.account_id, "log.day_signed", f"{day.isoformat()} up to #{covers} by password")
        return DayReviewView(day, actor.display_name, now.astimezone(tz), remark, covers)

    def day_ends(self, day: date) -> datetime:
        """When the last shift of ``day`` ends (the shifts of the desk now, and any other
        that has entries on that day)."""
        tz = self._tz()
        with self._db.read() as session:
            used = set(session.scalars(select(LogEntry.shift_template_id).where(LogEntry.shift_date == day).distinct()))
        used |= {t.id for t in self._desk.shift_templates()}
        templates = [t for t in self._desk.shift_templates(include_inactive=True) if t.id in used]
        if not templates:
            return datetime.combine(day + timedelta(days=1), datetime.min.time(), tz)
        return max(occurrence(t, day, tz).end for t in templates)

    def reviews(self, date_from: date, date_to: date) -> dict[date, DayReviewView]:
        tz = self._tz()
        with self._db.read() as session:
            rows = session.execute(
                select(DayReview, Account.display_name)
                .join(Account, Account.id == DayReview.signer_id)
                .where(DayReview.day >= date_from, DayReview.day <= date_to)
            ).all()
        return {
            r.day: DayReviewView(r.day, name, from_db(r.signed_at).astimezone(tz), r.remark, r.covers_to_id)
            for r, name in rows
        }

    def unsigned_days(self, date_from: date, date_to: date) -> list[date]:
        """Days that have records but no supervisor signature yet."""
        with self._db.read() as session:
            days = session.scalars(
                select(LogEntry.shift_date)
                .where(LogEntry.shift_date >= date_from, LogEntry.shift_date <= date_to)
                .where(~select(DayReview.id).where(DayReview.day == LogEntry.shift_date).exists())
                .distinct()
                .order_by(LogEntry.shift_date)
            ).all()
        return list(days)

    def verify(self) -> log_chain.VerifyResult:
        return log_chain.verify(self._db)

    # -- helpers ----------------------------------------------------------------------
    def _tz(self) -> ZoneInfo:
        return self._desk.info().tz


__all__ = ["DayReviewView", "LogEntryView", "LogFilter", "LogService"]
