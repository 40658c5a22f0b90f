"""The roster (值班安排表): needs and rules, months, cells, published versions and their
changes, wishes and staff requests."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from desk_app.domain.roster import RequestKind, RequestStatus, RosterStatus, WishKind
from desk_app.storage.models.base import Base, enum_check


class ShiftNeed(Base):
    """How many people a shift needs on each weekday (Monday first) and on statutory holidays."""

    __tablename__ = "shift_need"
    __table_args__ = (CheckConstraint("holiday_count BETWEEN 0 AND 50", name="sane_holiday_count"),)

    template_id: Mapped[int] = mapped_column(ForeignKey("shift_template.id"), primary_key=True)
    weekday_counts: Mapped[str] = mapped_column(String(40))  # JSON list of 7 counts
    holiday_count: Mapped[int] = mapped_column(Integer)


class ShiftFollowBan(Base):
    """``then`` may not be worked the day after ``first`` (besides the desk's minimum rest)."""

    __tablename__ = "shift_follow_ban"

    first_id: Mapped[int] = mapped_column(ForeignKey("shift_template.id"), primary_key=True)
    then_id: Mapped[int] = mapped_column(ForeignKey("shift_template.id"), primary_key=True)


class StaffRule(Base):
    """A person's roster rules; the row without an account holds the desk's defaults.

    A NULL column means "as the desk's default". ``max_shifts`` maps shift template ids to
    the most of that shift a month (0: may not work it; absent: no limit)."""

    __tablename__ = "staff_rule"
    __table_args__ = (
        Index("ux_staff_rule_account", text("coalesce(account_id, 0)"), unique=True),
        CheckConstraint("min_minutes IS NULL OR min_minutes BETWEEN 0 AND 44640", name="sane_min_minutes"),
        CheckConstraint("max_minutes IS NULL OR max_minutes BETWEEN 0 AND 44640", name="sane_max_minutes"),
        CheckConstraint("max_consecutive_days IS NULL OR max_consecutive_days BETWEEN 1 AND 31", name="sane_max_run"),
        CheckConstraint("min_consecutive_days IS NULL OR min_consecutive_days BETWEEN 1 AND 31", name="sane_min_run"),
        CheckConstraint(
            "min_consecutive_days_off IS NULL OR min_consecutive_days_off BETWEEN 1 AND 31", name="sane_min_off"
        ),
        CheckConstraint("max_weekends IS NULL OR max_weekends BETWEEN 0 AND 6", name="sane_weekends"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"), nullable=True)
    max_shifts: Mapped[str] = mapped_column(Text, default="{}")
    min_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    max_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    max_consecutive_days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    min_consecutive_days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    min_consecutive_days_off: Mapped[int | None] = mapped_column(Integer, nullable=True)
    max_weekends: Mapped[int | None] = mapped_column(Integer, nullable=True)
    no_nights: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    mobile: Mapped[str] = mapped_column(String(24), default="")
    office_phone: Mapped[str] = mapped_column(String(24), default="")


class RosterMonth(Base):
    """A month's roster: a draft until published; every publication is a new version."""

    __tablename__ = "roster_month"
    __table_args__ = (
        Index("ux_roster_month", "year", "month", unique=True),
        enum_check("status", RosterStatus, "known_roster_status"),
        CheckConstraint("month BETWEEN 1 AND 12", name="real_month"),
        CheckConstraint("(status = 'published') = (version > 0)", name="published_has_version"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    month: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(10), default=RosterStatus.DRAFT.value)
    version: Mapped[int] = mapped_column(Integer, default=0)


class RosterCell(Base):
    """One person on one day: a shift, or (locked, no shift) a day off the generator keeps."""

    __tablename__ = "roster_cell"
    __table_args__ = (
        Index("ux_roster_cell", "month_id", "account_id", "day", unique=True),
        Index("ix_roster_cell_day", "day", "template_id"),
        CheckConstraint("template_id IS NOT NULL OR locked", name="empty_cell_is_locked_off"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    month_id: Mapped[int] = mapped_column(ForeignKey("roster_month.id"))
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    day: Mapped[date] = mapped_column(Date)
    template_id: Mapped[int | None] = mapped_column(ForeignKey("shift_template.id"), nullable=True)
    locked: Mapped[bool] = mapped_column(Boolean, default=False)


class RosterVersion(Base):
    """A published version: the whole month as it stood, with its digest (append-only)."""

    __tablename__ = "roster_version"
    __table_args__ = (Index("ux_roster_version", "month_id", "version", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    month_id: Mapped[int] = mapped_column(ForeignKey("roster_month.id"))
    version: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(DateTime)
    by_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    note: Mapped[str] = mapped_column(Text, default="")
    snapshot: Mapped[str] = mapped_column(Text)  # JSON
    digest: Mapped[str] = mapped_column(String(64))


class RosterChange(Base):
    """A change to a published month: who, when, why, which cell (append-only)."""

    __tablename__ = "roster_change"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    month_id: Mapped[int] = mapped_column(ForeignKey("roster_month.id"))
    version: Mapped[int] = mapped_column(Integer)  # the version this change made
    at: Mapped[datetime] = mapped_column(DateTime)
    by_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    reason: Mapped[str] = mapped_column(Text)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    day: Mapped[date] = mapped_column(Date)
    before_template_id: Mapped[int | None] = mapped_column(ForeignKey("shift_template.id"), nullable=True)
    after_template_id: Mapped[int | None] = mapped_column(ForeignKey("shift_template.id"), nullable=True)
    request_id: Mapped[int | None] = mapped_column(ForeignKey("staff_request.id"), nullable=True)


class RosterWish(Base):
    """A person's wish for a day: to work (a shift, or any) or to be off, with its weight."""

    __tablename__ = "roster_wish"
    __table_args__ = (
        enum_check("kind", WishKind, "known_wish_kind"),
        CheckConstraint("weight BETWEEN 1 AND 10", name="sane_weight"),
        Index("ux_roster_wish", "account_id", "day", unique=True),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    day: Mapped[date] = mapped_column(Date)
    template_id: Mapped[int | None] = mapped_column(ForeignKey("shift_template.id"), nullable=True)
    kind: Mapped[str] = mapped_column(String(4))
    weight: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class StaffRequest(Base):
    """Leave (请假), a swap (调班) or a cover (顶班), decided by a supervisor.

    leave: ``day_from``..``day_to``; swap: the requester's shift on ``day_from`` for the
    other person's on ``other_day``; cover: ``other_account`` covers the requester's post
    from ``cover_start`` to ``cover_end`` on the shift of ``day_from``."""

    __tablename__ = "staff_request"
    __table_args__ = (
        enum_check("kind", RequestKind, "known_request_kind"),
        enum_check("status", RequestStatus, "known_request_status"),
        CheckConstraint("day_to >= day_from", name="request_days_in_order"),
        CheckConstraint("(status = 'pending') = (decided_at IS NULL)", name="decided_has_time"),
        CheckConstraint(
            "kind != 'cover' OR (cover_end > cover_start AND "
            "(julianday(cover_end) - julianday(cover_start)) * 1440 <= 240.001)",
            name="cover_at_most_four_hours",
        ),
        Index("ix_staff_request_status", "status", "created_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))
    requester_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    reason: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default=RequestStatus.PENDING.value)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("account.id"), nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    decision_note: Mapped[str] = mapped_column(Text, default="")
    day_from: Mapped[date] = mapped_column(Date)
    day_to: Mapped[date] = mapped_column(Date)
    template_id: Mapped[int | None] = mapped_column(ForeignKey("shift_template.id"), nullable=True)
    other_account_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"), nullable=True)
    other_day: Mapped[date | None] = mapped_column(Date, nullable=True)
    other_template_id: Mapped[int | None] = mapped_column(ForeignKey("shift_template.id"), nullable=True)
    cover_start: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    cover_end: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


ROSTER_APPEND_ONLY_TABLES = ("roster_version", "roster_change")
