"""The shift log (值班记录): add, correct, find, review. Entries are never changed."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Select, and_, func, or_, select, text
from sqlalchemy.orm import Session, aliased

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
from desk_app.domain.textsearch import SearchPlan, like_pattern, plan
from desk_app.services import log_chain
from desk_app.services.accounts import AccountService
from desk_app.services.common import audit, from_db, to_db
from desk_app.services.desk import DeskService
from desk_app.storage.database import Database
from desk_app.storage.models import Account, DayReview, FollowUpClosure, LogEntry, ShiftTemplateRow

# An entry time set more than this before "now" is a back-dated entry and needs a reason.
BACKDATE_GRACE = timedelta(minutes=1)
# Clock drift tolerated for a time typed "now" (the field has minute precision).
FUTURE_GRACE = timedelta(seconds=59)


@dataclass(frozen=True)
class LogEntryView:
    id: int
    clerk_id: int
    clerk_name: str
    shift_template_id: int
    shift_name: str
    shift_date: date
    occurred_at: datetime  # aware, desk time zone
    recorded_at: datetime  # aware, desk time zone
    category: LogCategory
    situation: str
    handling: str
    backdate_reason: str
    follow_up: bool
    corrects_id: int | None
    corrected_by_id: int | None
    after_review: bool
    hash: str
    day_signed: bool
    follow_up_closed: bool = False
    # Written after its day was signed: not covered by the signature, not yet reviewed.
    after_signature: bool = False

    @property
    def is_corrected(self) -> bool:
        return self.corrected_by_id is not None


@dataclass(frozen=True)
class LogFilter:
    """What the list and the printout show. Dates are shift dates (the paper log's date)."""

    date_from: date | None = None
    date_to: date | None = None
    categories: frozenset[LogCategory] = field(default_factory=frozenset)
    clerk_id: int | None = None
    shift_template_id: int | None = None
    text: str = ""


@dataclass(frozen=True)
class DayReviewView:
    day: date
    signer_name: str
    signed_at: datetime  # aware, desk time zone
    remark: str
    # The last entry the signature covers (None: signed before that was kept; it covers
    # what was recorded up to signed_at).
    covers_to_id: int | None = None


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
            raise ValidationError(
                QT_TRANSLATE_NOOP("DeskError", "No shift is running now, so nothing can be logged.")
            )
        when = now if occurred_at is None else occurred_at.replace(microsecond=0)
        if when.tzinfo is None:
            raise ValueError("occurred_at must be timezone-aware")
        reason = ""
        if when > now + FUTURE_GRACE:
            raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "The time {time} is in the future."),
                                  time=when.astimezone(desk.tz).strftime("%H:%M"))
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
                    QT_TRANSLATE_NOOP(
                        "DeskError", "The time {time} is earlier than now: say why the entry is late."
                    ),
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
                after_review = session.scalar(
                    select(DayReview.id).where(DayReview.day == original.shift_date)
                ) is not None
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
            rows = _fetch(session, _base_query().where(LogEntry.id == entry_id), tz)
        if not rows:
            raise NotFound(QT_TRANSLATE_NOOP("DeskError", "Log entry #{id} does not exist."), id=entry_id)
        return rows[0]

    def count(self, flt: LogFilter) -> int:
        tz = self._tz()
        with self._db.read() as session:
            return _count(session, flt, tz)

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
            ids = _page_ids(session, flt, tz, start, take, newest_first, total)
            if not ids:
                return []
            query = _base_query().where(LogEntry.id.in_(ids))
            return _fetch(
                session, query.order_by(LogEntry.occurred_at.desc(), LogEntry.id.desc()), tz
            )

    def iter_chronological(self, flt: LogFilter, batch: int = 2000) -> Iterator[LogEntryView]:
        """Every matching entry, oldest first, in batches (for printing)."""
        tz = self._tz()
        last: tuple[datetime, int] | None = None
        while True:
            with self._db.read() as session:
                # Walk the time index and test each id against a search result, instead
                # of sorting the whole search result for every batch.
                query = _apply_filter(select(LogEntry.id), flt, tz, search_drives=False)
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
                rows = _fetch(
                    session,
                    _base_query()
                    .where(LogEntry.id.in_(ids))
                    .order_by(LogEntry.occurred_at.asc(), LogEntry.id.asc()),
                    tz,
                ) if ids else []
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
            query = _apply_filter(query, flt, tz).where(
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
        if day > now.astimezone(tz).date():
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
                DayReview(
                    day=day, signer_id=actor.account_id, signed_at=to_db(now), remark=remark, covers_to_id=covers
                )
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

_Correction = aliased(LogEntry)


def _fetch(session: Session, query: Select, tz: ZoneInfo) -> list[LogEntryView]:
    rows = session.execute(query).all()
    if not rows:
        return []
    names = dict(session.execute(select(Account.id, Account.display_name)).all())
    shifts = dict(session.execute(select(ShiftTemplateRow.id, ShiftTemplateRow.name)).all())
    days = {r[0].shift_date for r in rows}
    signed = {
        day: (covers, signed_at)
        for day, covers, signed_at in session.execute(
            select(DayReview.day, DayReview.covers_to_id, DayReview.signed_at).where(DayReview.day.in_(days))
        )
    }
    follow_ups = [r[0].id for r in rows if r[0].follow_up]
    closed = (
        set(session.scalars(select(FollowUpClosure.log_entry_id).where(FollowUpClosure.log_entry_id.in_(follow_ups))))
        if follow_ups
        else set()
    )
    return [
        LogEntryView(
            id=e.id,
            clerk_id=e.clerk_id,
            clerk_name=names.get(e.clerk_id, "?"),
            shift_template_id=e.shift_template_id,
            shift_name=shifts.get(e.shift_template_id, "?"),
            shift_date=e.shift_date,
            occurred_at=from_db(e.occurred_at).astimezone(tz),
            recorded_at=from_db(e.recorded_at).astimezone(tz),
            category=LogCategory(e.category),
            situation=e.situation,
            handling=e.handling,
            backdate_reason=e.backdate_reason,
            follow_up=e.follow_up,
            corrects_id=e.corrects_id,
            corrected_by_id=corrected_by,
            after_review=e.after_review,
            hash=e.hash,
            day_signed=e.shift_date in signed,
            follow_up_closed=e.id in closed,
            after_signature=_after_signature(e, signed.get(e.shift_date)),
        )
        for e, corrected_by in rows
    ]


def _after_signature(entry: LogEntry, signature: tuple[int | None, datetime] | None) -> bool:
    """Whether ``entry`` was written after its day's signature, which does not cover it."""
    if signature is None:
        return False
    covers, signed_at = signature
    if covers is not None:
        return entry.id > covers
    return entry.recorded_at > signed_at  # signed before the covered id was kept


def _base_query() -> Select:
    return select(LogEntry, _Correction.id).outerjoin(_Correction, _Correction.corrects_id == LogEntry.id)


def _apply_filter(query: Select, flt: LogFilter, tz: ZoneInfo, *, search_drives: bool = True) -> Select:
    """Add the filter's conditions. With ``search_drives`` false the search result only
    tests ids (``id + 0`` cannot drive a rowid lookup), so SQLite walks an index instead.
    """
    if flt.date_from is not None:
        query = query.where(LogEntry.shift_date >= flt.date_from)
        # A shift that starts on date_from has no entry before that local midnight:
        # this bound lets the time index do the work.
        start = datetime.combine(flt.date_from, datetime.min.time(), tz)
        query = query.where(LogEntry.occurred_at >= to_db(start))
    if flt.date_to is not None:
        query = query.where(LogEntry.shift_date <= flt.date_to)
        # A shift lasts at most 24 hours.
        end = datetime.combine(flt.date_to + timedelta(days=2), datetime.min.time(), tz)
        query = query.where(LogEntry.occurred_at < to_db(end))
    if flt.categories:
        query = query.where(LogEntry.category.in_(sorted(c.value for c in flt.categories)))
    if flt.clerk_id is not None:
        query = query.where(LogEntry.clerk_id == flt.clerk_id)
    if flt.shift_template_id is not None:
        query = query.where(LogEntry.shift_template_id == flt.shift_template_id)
    if flt.text.strip():
        search = plan(flt.text)
        if search.fts_query:
            subject = LogEntry.id if search_drives else LogEntry.id + 0
            query = query.where(
                subject.in_(
                    select(text("rowid")).select_from(text("log_fts")).where(text("log_fts MATCH :fts"))
                )
            ).params(fts=search.fts_query)
        for term in search.like_terms:
            pattern = like_pattern(term)
            query = query.where(
                or_(
                    LogEntry.situation.like(pattern, escape="\\"),
                    LogEntry.handling.like(pattern, escape="\\"),
                )
            )
    return query


# -- choosing the plan ---------------------------------------------------------------------
# SQLite cannot tell how many entries a search matches (the FTS table is virtual), so for
# searches the query is written to force the better plan. Two ways to find the newest matches:
# walk the time index newest-first testing each id against the search result (cost: the
# rows walked until the page is full, about (offset + limit) * entries / matches), or
# look up every match by id and sort them (cost: the number of matches, each lookup
# several times dearer than a step along an index).
_LOOKUP_COST = 4
# Below this many matches, looking every match up by id beats scanning another index.
_FEW_MATCHES = 5000


def _search(flt: LogFilter) -> SearchPlan | None:
    return plan(flt.text) if flt.text.strip() else None


def _narrowed(flt: LogFilter) -> bool:
    """True when a filter other than the search text applies."""
    return (
        flt.date_from is not None
        or flt.date_to is not None
        or bool(flt.categories)
        or flt.clerk_id is not None
        or flt.shift_template_id is not None
    )


def _fts_count(session: Session, fts_query: str) -> int:
    # Every row of log_fts is a log entry (log_chain.append writes both together).
    return int(
        session.scalar(text("SELECT count(*) FROM log_fts WHERE log_fts MATCH :q"), {"q": fts_query})
        or 0
    )


def _count(session: Session, flt: LogFilter, tz: ZoneInfo) -> int:
    search = _search(flt)
    if search is None and not _narrowed(flt):
        # The chain head counts the entries (kept in the same transaction as the rows).
        return log_chain.read_head(session).count
    if search is not None and search.fts_query and not search.like_terms and not _narrowed(flt):
        return _fts_count(session, search.fts_query)
    drives = True
    if search is not None and search.fts_query and (
        flt.categories or flt.clerk_id is not None or flt.date_from or flt.date_to
    ):
        # Many matches: scan the other filter's (covering) index and test each id.
        drives = _fts_count(session, search.fts_query) <= _FEW_MATCHES
    query = _apply_filter(select(func.count()).select_from(LogEntry), flt, tz, search_drives=drives)
    return int(session.scalar(query) or 0)


def _page_ids(
    session: Session,
    flt: LogFilter,
    tz: ZoneInfo,
    start: int,
    take: int,
    newest_first: bool,
    total: int | None,
) -> list[int]:
    drives = True
    search = _search(flt)
    if search is not None and search.fts_query:
        matches = _fts_count(session, search.fts_query)
        entries = log_chain.read_head(session).count
        found = total if total is not None else matches
        walk = (start + take) * entries / max(found, 1)
        drives = walk > matches * _LOOKUP_COST
    query = _apply_filter(select(LogEntry.id), flt, tz, search_drives=drives)
    if newest_first:
        query = query.order_by(LogEntry.occurred_at.desc(), LogEntry.id.desc())
    else:
        query = query.order_by(LogEntry.occurred_at.asc(), LogEntry.id.asc())
    return list(session.scalars(query.offset(start).limit(take)))


__all__ = ["DayReviewView", "LogEntryView", "LogFilter", "LogService"]
