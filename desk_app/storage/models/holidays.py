"""The desk's own holiday table: days entered from the State Council's notice (放假安排),
and the years a supervisor confirmed (who, when, from which notice)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from desk_app.domain.workdays import NAME_MAX, DayKind
from desk_app.storage.models.base import Base, enum_check


class HolidayDay(Base):
    """One day as the desk has it: a holiday, a make-up working day or "as the weekday says"
    (to take back a day the library lists wrongly). Over the library's day of that date."""

    __tablename__ = "holiday_day"
    __table_args__ = (
        enum_check("kind", DayKind, "known_day_kind"),
        CheckConstraint(
            f"length(name) <= {NAME_MAX} AND (kind = 'ordinary' OR length(trim(name)) > 0)", name="named_day"
        ),
    )

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(NAME_MAX))
    set_by_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    set_at: Mapped[datetime] = mapped_column(DateTime)


class HolidayYear(Base):
    """A year a supervisor confirmed from the notice: its days are no longer a guess."""

    __tablename__ = "holiday_year"
    __table_args__ = (
        CheckConstraint("year BETWEEN 2000 AND 2100", name="sane_holiday_year"),
        CheckConstraint("length(trim(notice)) BETWEEN 1 AND 100", name="names_its_notice"),
    )

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    notice: Mapped[str] = mapped_column(String(100))
    confirmed_by_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    confirmed_at: Mapped[datetime] = mapped_column(DateTime)
