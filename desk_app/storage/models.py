"""SQLAlchemy 2.0 typed models. Times are naive UTC; the desk's zone is stored beside them."""

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
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


ROLE_VALUES = ("clerk", "supervisor", "manager")
CATEGORY_VALUES = (
    "consultation",
    "help_request",
    "repair",
    "complaint",
    "patrol",
    "equipment",
    "security",
    "incident",
    "other",
    "handover",
)


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Desk(Base):
    """The one desk this database belongs to (a single row, id = 1)."""

    __tablename__ = "desk"
    __table_args__ = (CheckConstraint("id = 1", name="single_desk"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    timezone: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class ShiftTemplateRow(Base):
    __tablename__ = "shift_template"
    __table_args__ = (
        CheckConstraint("start_minute BETWEEN 0 AND 1439", name="start_in_day"),
        CheckConstraint("duration_minutes BETWEEN 30 AND 1440", name="sane_duration"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(40))
    start_minute: Mapped[int] = mapped_column(Integer)
    duration_minutes: Mapped[int] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Account(Base):
    __tablename__ = "account"
    __table_args__ = (CheckConstraint(_in("role", ROLE_VALUES), name="known_role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    display_name: Mapped[str] = mapped_column(String(40))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("account.id"), nullable=True)


class AuditEvent(Base):
    """Who did what to accounts and settings, and when (append-only)."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"), nullable=True)
    action: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(Text, default="")


class LogEntry(Base):
    """One line of the shift log. Append-only: triggers refuse UPDATE and DELETE."""

    __tablename__ = "log_entry"
    __table_args__ = (
        CheckConstraint(_in("category", CATEGORY_VALUES), name="known_category"),
        CheckConstraint("length(trim(situation)) > 0", name="situation_not_empty"),
        CheckConstraint("corrects_id IS NULL OR corrects_id < id", name="corrects_earlier"),
        Index("ix_log_entry_occurred", "occurred_at", "id"),
        Index("ix_log_entry_shift", "shift_date", "shift_template_id"),
        Index("ix_log_entry_category", "category", "occurred_at"),
        Index("ix_log_entry_clerk", "clerk_id", "occurred_at"),
        Index("ux_log_entry_corrects", "corrects_id", unique=True),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    clerk_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    shift_template_id: Mapped[int] = mapped_column(ForeignKey("shift_template.id"))
    shift_date: Mapped[date] = mapped_column(Date)
    occurred_at: Mapped[datetime] = mapped_column(DateTime)
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    tz: Mapped[str] = mapped_column(String(64))
    category: Mapped[str] = mapped_column(String(20))
    situation: Mapped[str] = mapped_column(Text)
    handling: Mapped[str] = mapped_column(Text, default="")
    backdate_reason: Mapped[str] = mapped_column(Text, default="")
    follow_up: Mapped[bool] = mapped_column(Boolean, default=False)
    corrects_id: Mapped[int | None] = mapped_column(ForeignKey("log_entry.id"), nullable=True)
    after_review: Mapped[bool] = mapped_column(Boolean, default=False)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class ChainHead(Base):
    """The last link of the log chain, so that removing the newest rows is noticed too."""

    __tablename__ = "log_chain_head"
    __table_args__ = (CheckConstraint("id = 1", name="single_head"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_id: Mapped[int] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(64))
    count: Mapped[int] = mapped_column(Integer)


class DayReview(Base):
    """A supervisor's signature under one day's records (append-only)."""

    __tablename__ = "day_review"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(Date, unique=True)
    signer_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    signed_at: Mapped[datetime] = mapped_column(DateTime)
    remark: Mapped[str] = mapped_column(Text, default="")


class DeskSettings(Base):
    """Rules that belong to the desk rather than to the computer (one row, id = 1)."""

    __tablename__ = "desk_settings"
    __table_args__ = (
        CheckConstraint("id = 1", name="single_settings"),
        CheckConstraint("early_arrival_minutes BETWEEN 0 AND 60", name="sane_early_arrival"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    early_arrival_minutes: Mapped[int] = mapped_column(Integer, default=15)


class HandoverItem(Base):
    """One line of the desk's item list (物品清点清单): keys 12, radios 3, cash float 200 元."""

    __tablename__ = "handover_item"
    __table_args__ = (CheckConstraint("expected >= 0", name="expected_not_negative"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(40))
    unit: Mapped[str] = mapped_column(String(10))
    expected: Mapped[int] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class HandoverItemChange(Base):
    """Every change to the item list, with who and when (append-only)."""

    __tablename__ = "handover_item_change"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("handover_item.id"))
    at: Mapped[datetime] = mapped_column(DateTime)
    actor_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    action: Mapped[str] = mapped_column(String(16))  # added / changed / retired
    name: Mapped[str] = mapped_column(String(40))
    unit: Mapped[str] = mapped_column(String(10))
    expected: Mapped[int] = mapped_column(Integer)


class Handover(Base):
    """A handover from one shift to the next. The draft is saved as it is typed; once
    signed, a trigger freezes the row and its details are written once."""

    __tablename__ = "handover"
    __table_args__ = (
        CheckConstraint("state IN ('open', 'signed')", name="known_state"),
        CheckConstraint("incoming_id IS NULL OR incoming_id <> outgoing_id", name="two_people"),
        Index("ix_handover_shift", "shift_date", "shift_template_id"),
        Index("ix_handover_state", "state"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    shift_template_id: Mapped[int] = mapped_column(ForeignKey("shift_template.id"))
    shift_date: Mapped[date] = mapped_column(Date)
    outgoing_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    incoming_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"), nullable=True)
    state: Mapped[str] = mapped_column(String(10), default="open")
    started_at: Mapped[datetime] = mapped_column(DateTime)
    incoming_arrived_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    outgoing_signed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    incoming_signed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    early_arrival_minutes: Mapped[int] = mapped_column(Integer)
    late_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    draft_json: Mapped[str] = mapped_column(Text, default="{}")
    record_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    log_entry_id: Mapped[int | None] = mapped_column(ForeignKey("log_entry.id"), nullable=True)


class FollowUpClosure(Base):
    """A log entry's follow-up recorded as done (append-only; one per entry)."""

    __tablename__ = "follow_up_closure"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    log_entry_id: Mapped[int] = mapped_column(ForeignKey("log_entry.id"), unique=True)
    closed_at: Mapped[datetime] = mapped_column(DateTime)
    closed_by: Mapped[int] = mapped_column(ForeignKey("account.id"))
    note: Mapped[str] = mapped_column(Text, default="")
    handover_id: Mapped[int | None] = mapped_column(ForeignKey("handover.id"), nullable=True)


class HandoverCheck(Base):
    """The supervisor's check of a signed handover at the daily changeover (002 4.4.4)."""

    __tablename__ = "handover_check"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    handover_id: Mapped[int] = mapped_column(ForeignKey("handover.id"), unique=True)
    checker_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    checked_at: Mapped[datetime] = mapped_column(DateTime)
    remark: Mapped[str] = mapped_column(Text, default="")


APPEND_ONLY_TABLES = ("log_entry", "day_review", "audit_event")
HANDOVER_APPEND_ONLY_TABLES = ("handover_item_change", "follow_up_closure", "handover_check")
