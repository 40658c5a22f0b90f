"""Reading the shift log: the filter as SQL, the plan a search is run with, and the rows
as views (with one query each for the names, the shifts, the signatures and the closures
of a page, however many rows)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Select, func, or_, select, text
from sqlalchemy.orm import Session, aliased

from desk_app.domain.categories import LogCategory
from desk_app.domain.textsearch import SearchPlan, like_pattern, plan
from desk_app.services import log_chain
from desk_app.services.common import from_db, to_db
from desk_app.services.log_views import LogEntryView, LogFilter
from desk_app.storage.models import Account, DayReview, FollowUpClosure, LogEntry, ShiftTemplateRow

_Correction = aliased(LogEntry)


def fetch_views(session: Session, query: Select, tz: ZoneInfo) -> list[LogEntryView]:
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


def base_query() -> Select:
    return select(LogEntry, _Correction.id).outerjoin(_Correction, _Correction.corrects_id == LogEntry.id)


def apply_filter(query: Select, flt: LogFilter, tz: ZoneInfo, *, search_drives: bool = True) -> Select:
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
                subject.in_(select(text("rowid")).select_from(text("log_fts")).where(text("log_fts MATCH :fts")))
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
    return int(session.scalar(text("SELECT count(*) FROM log_fts WHERE log_fts MATCH :q"), {"q": fts_query}) or 0)


def count_entries(session: Session, flt: LogFilter, tz: ZoneInfo) -> int:
    search = _search(flt)
    if search is None and not _narrowed(flt):
        # The chain head counts the entries (kept in the same transaction as the rows).
        return log_chain.read_head(session).count
    if search is not None and search.fts_query and not search.like_terms and not _narrowed(flt):
        return _fts_count(session, search.fts_query)
    drives = True
    if (
        search is not None
        and search.fts_query
        and (flt.categories or flt.clerk_id is not None or flt.date_from or flt.date_to)
    ):
        # Many matches: scan the other filter's (covering) index and test each id.
        drives = _fts_count(session, search.fts_query) <= _FEW_MATCHES
    query = apply_filter(select(func.count()).select_from(LogEntry), flt, tz, search_drives=drives)
    return int(session.scalar(query) or 0)


def page_ids(
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
    query = apply_filter(select(LogEntry.id), flt, tz, search_drives=drives)
    if newest_first:
        query = query.order_by(LogEntry.occurred_at.desc(), LogEntry.id.desc())
    else:
        query = query.order_by(LogEntry.occurred_at.asc(), LogEntry.id.asc())
    return list(session.scalars(query.offset(start).limit(take)))
