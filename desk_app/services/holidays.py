"""The desk's holiday table (节假日安排): each year's days as the State Council's notice
(放假安排) has them, seeded from the library and entered or corrected by a supervisor,
and the years a supervisor confirmed from the notice (who, when, which notice).

``calendar()`` is what every working-day rule uses (the roster, the ticket clocks, the
printed roster and its Excel copy): the desk's days over the library's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select

from desk_app.domain.clock import Clock
from desk_app.domain.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from desk_app.domain.roles import Actor, Role, require_role
from desk_app.domain.text_rules import clean_text
from desk_app.domain.workdays import (
    NAME_MAX,
    DayKind,
    DaySource,
    HolidayCalendar,
    SpecialDay,
    library_confirms,
    library_days,
)
from desk_app.services.common import audit, from_db, to_db
from desk_app.services.desk import DeskService
from desk_app.storage.database import Database
from desk_app.storage.models import Account, HolidayDay, HolidayYear

NOTICE_MAX = 100
LOOK_AHEAD_DAYS = 60
FIRST_YEAR, LAST_YEAR = 2000, 2100
FIELD_HOLIDAY_NAME = QT_TRANSLATE_NOOP("Field", "Holiday name")
FIELD_NOTICE = QT_TRANSLATE_NOOP("Field", "Notice")


@dataclass(frozen=True)
class DayView:
    """A day of the year as the desk has it, with what the library says of it."""

    day: date
    kind: DayKind
    name: str
    source: DaySource
    library: SpecialDay | None  # the library's day of that date, if any (shown when overridden)


@dataclass(frozen=True)
class Confirmation:
    year: int
    notice: str
    by: str
    at: datetime  # aware, desk time


@dataclass(frozen=True)
class YearView:
    year: int
    days: list[DayView]
    library_confirmed: bool  # the library carries this year's notice
    confirmation: Confirmation | None  # a supervisor confirmed it from the notice

    @property
    def confirmed(self) -> bool:
        return self.library_confirmed or self.confirmation is not None


class HolidayService:
    def __init__(self, db: Database, clock: Clock, desk: DeskService) -> None:
        self._db = db
        self._clock = clock
        self._desk = desk
        self._after_write: list[Callable[[Actor], object]] = []

    def after_write(self, follow: Callable[[Actor], object]) -> None:
        """``follow(actor)`` runs after each change of the holiday table (the container has
        the ticket service count its working-day clocks again)."""
        self._after_write.append(follow)

    def _changed(self, actor: Actor) -> None:
        for follow in self._after_write:
            follow(actor)

    # -- reading -----------------------------------------------------------------------------
    def calendar(self) -> HolidayCalendar:
        """The calendar every working-day rule uses: the desk's days over the library's."""
        with self._db.read() as session:
            rows = list(session.scalars(select(HolidayDay)))
            years = list(session.scalars(select(HolidayYear.year)))
        return HolidayCalendar((SpecialDay(r.day, DayKind(r.kind), r.name, DaySource.DESK) for r in rows), years)

    def year(self, year: int) -> YearView:
        self._check_year(year)
        with self._db.read() as session:
            rows = {
                r.day: r
                for r in session.scalars(
                    select(HolidayDay).where(HolidayDay.day >= date(year, 1, 1), HolidayDay.day <= date(year, 12, 31))
                )
            }
            confirmed = session.execute(
                select(HolidayYear, Account.display_name)
                .join(Account, Account.id == HolidayYear.confirmed_by_id)
                .where(HolidayYear.year == year)
            ).first()
        library = {s.day: s for s in library_days(year)}
        days = []
        for d in sorted({*library, *rows}):
            own = rows.get(d)
            if own is not None:
                days.append(DayView(d, DayKind(own.kind), own.name, DaySource.DESK, library.get(d)))
            else:
                seed = library[d]
                days.append(DayView(d, seed.kind, seed.name, DaySource.LIBRARY, seed))
        confirmation = None
        if confirmed is not None:
            row, by = confirmed
            at = from_db(row.confirmed_at).astimezone(self._desk.info().tz)
            confirmation = Confirmation(row.year, row.notice, by, at)
        return YearView(year, days, library_confirms(year), confirmation)

    def unconfirmed_years(self, first: date, last: date) -> list[int]:
        return self.calendar().unconfirmed_years(first, last)

    def upcoming_unconfirmed(self, days: int = LOOK_AHEAD_DAYS) -> list[int]:
        """Years of the next ``days`` days from today that nobody has confirmed."""
        today = self._desk.today()
        return self.unconfirmed_years(today, today + timedelta(days=days))

    # -- writing (supervisors) ---------------------------------------------------------------
    def set_day(self, actor: Actor, year: int, day: date, kind: DayKind | str, name: str) -> DayView:
        """Enter or correct one day of ``year`` (over the library's day of that date)."""
        require_role(actor, Role.SUPERVISOR)
        self._check_year(year)
        if day.year != year:
            raise ValidationError(
                QT_TRANSLATE_NOOP("DeskError", "{day} is not in {year}; choose a day of the year being edited."),
                day=day.isoformat(),
                year=year,
            )
        try:
            kind = DayKind(kind)
        except ValueError:
            raise ValidationError(
                QT_TRANSLATE_NOOP("DeskError", "Unknown kind of day: {kind}."), kind=str(kind)
            ) from None
        name = clean_text(name, field=FIELD_HOLIDAY_NAME, max_len=NAME_MAX, required=kind is not DayKind.ORDINARY)
        if kind is DayKind.WORKDAY and day.weekday() < 5:
            raise ValidationError(
                QT_TRANSLATE_NOOP("DeskError", "{day} is a weekday; a make-up working day is a Saturday or Sunday."),
                day=day.isoformat(),
            )
        now = self._clock.now()
        with self._db.write(actor) as session:
            row = session.get(HolidayDay, day)
            if row is None:
                row = HolidayDay(day=day)
                session.add(row)
            row.kind, row.name, row.set_by_id, row.set_at = kind.value, name, actor.account_id, to_db(now)
            audit(session, now, actor.account_id, "holiday.day_set", f"{day.isoformat()} {kind.value} {name}")
        self._changed(actor)
        library = {s.day: s for s in library_days(year)}.get(day)
        return DayView(day, kind, name, DaySource.DESK, library)

    def remove_day(self, actor: Actor, year: int, day: date) -> None:
        """Take back the desk's entry of ``day``: the library's day (if any) applies again."""
        require_role(actor, Role.SUPERVISOR)
        self._check_year(year)
        now = self._clock.now()
        with self._db.write(actor) as session:
            row = session.get(HolidayDay, day)
            if row is None or day.year != year:
                raise NotFound(
                    QT_TRANSLATE_NOOP("DeskError", "The desk has no entry of its own for {day}."), day=day.isoformat()
                )
            session.delete(row)
            audit(session, now, actor.account_id, "holiday.day_removed", day.isoformat())
        self._changed(actor)

    def confirm_year(self, actor: Actor, year: int, notice: str) -> Confirmation:
        """The year's days are checked against the State Council's notice ``notice``
        (e.g. "国办发明电〔2026〕7号"): they are no longer a guess."""
        require_role(actor, Role.SUPERVISOR)
        self._check_year(year)
        notice = clean_text(notice, field=FIELD_NOTICE, max_len=NOTICE_MAX, required=True)
        now = self._clock.now()
        with self._db.write(actor) as session:
            row = session.get(HolidayYear, year)
            if row is None:
                row = HolidayYear(year=year)
                session.add(row)
            row.notice, row.confirmed_by_id, row.confirmed_at = notice, actor.account_id, to_db(now)
            audit(session, now, actor.account_id, "holiday.year_confirmed", f"{year} {notice}")
        self._changed(actor)
        return Confirmation(year, notice, actor.display_name, now.astimezone(self._desk.info().tz))

    def unconfirm_year(self, actor: Actor, year: int) -> None:
        """Take back a supervisor's confirmation of ``year`` (confirmed from the wrong notice,
        say): its days are a guess again, unless the library carries its notice."""
        require_role(actor, Role.SUPERVISOR)
        self._check_year(year)
        now = self._clock.now()
        with self._db.write(actor) as session:
            row = session.get(HolidayYear, year)
            if row is None:
                raise NotFound(QT_TRANSLATE_NOOP("DeskError", "Nobody at the desk has confirmed {year}."), year=year)
            notice = row.notice
            session.delete(row)
            audit(session, now, actor.account_id, "holiday.year_unconfirmed", f"{year} {notice}")
        self._changed(actor)

    @staticmethod
    def _check_year(year: int) -> None:
        if isinstance(year, bool) or not isinstance(year, int) or not FIRST_YEAR <= year <= LAST_YEAR:
            raise ValidationError(
                QT_TRANSLATE_NOOP("DeskError", "A holiday year is from {first} to {last}."),
                first=FIRST_YEAR,
                last=LAST_YEAR,
            )
