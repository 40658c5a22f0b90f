"""The desk, its people and shifts, the audit trail, the shift log and its day signatures,
the desk's settings and the typing drafts."""

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
from sqlalchemy.orm import Mapped, mapped_column

from desk_app.domain.categories import LogCategory
from desk_app.domain.roles import Role
from desk_app.storage.models.base import Base, enum_check


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
    __table_args__ = (enum_check("role", Role, "known_role"),)

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
    # Set by a supervisor's password reset; a sign-in saves nothing until a new one is chosen.
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


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
        enum_check("category", LogCategory, "known_category"),
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
    # The highest log entry id when it was signed: the entries it covers (None: signed
    # before revision 0008; it covers what was recorded up to signed_at).
    covers_to_id: Mapped[int | None] = mapped_column(Integer, nullable=True)


class DeskSettings(Base):
    """Rules that belong to the desk rather than to the computer (one row, id = 1)."""

    __tablename__ = "desk_settings"
    __table_args__ = (
        CheckConstraint("id = 1", name="single_settings"),
        CheckConstraint("early_arrival_minutes BETWEEN 0 AND 60", name="sane_early_arrival"),
        CheckConstraint("min_rest_minutes BETWEEN 0 AND 1440", name="sane_min_rest"),
        CheckConstraint("leave_notice_days BETWEEN 0 AND 30", name="sane_leave_notice"),
        CheckConstraint("cover_max_minutes BETWEEN 30 AND 240", name="sane_cover_max"),
        CheckConstraint("idle_lock_minutes BETWEEN 1 AND 240", name="sane_idle_lock"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    early_arrival_minutes: Mapped[int] = mapped_column(Integer, default=15)
    # The roster's desk rules: rest between two shifts, notice for leave, longest cover.
    min_rest_minutes: Mapped[int] = mapped_column(Integer, default=720, server_default="720")
    leave_notice_days: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    cover_max_minutes: Mapped[int] = mapped_column(Integer, default=240, server_default="240")
    # The shared desk computer locks the window after this long without use.
    idle_lock_minutes: Mapped[int] = mapped_column(Integer, default=10, server_default="10")
    # A desk with no item list hands over only once a supervisor has recorded that it keeps
    # nothing to count: who and when (both NULL while not recorded; cleared by a new item).
    no_items_by: Mapped[int | None] = mapped_column(ForeignKey("account.id"), nullable=True)
    no_items_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class TypingDraft(Base):
    """What a person typed into a form and has not saved yet, kept so that a sign-out, the
    idle lock or a power cut loses nothing. Only ever shown to that same person. Not a
    record: it is replaced as the person types and deleted when the form is saved."""

    __tablename__ = "typing_draft"
    __table_args__ = (
        CheckConstraint("length(form) BETWEEN 1 AND 80", name="sane_draft_form"),
        CheckConstraint("length(fields_json) <= 40000", name="sane_draft_size"),
    )

    account_id: Mapped[int] = mapped_column(ForeignKey("account.id"), primary_key=True)
    form: Mapped[str] = mapped_column(String(80), primary_key=True)
    fields_json: Mapped[str] = mapped_column(Text)
    saved_at: Mapped[datetime] = mapped_column(DateTime)


APPEND_ONLY_TABLES = ("log_entry", "day_review", "audit_event")
