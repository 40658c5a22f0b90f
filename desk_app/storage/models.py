"""SQLAlchemy 2.0 typed models. Times are naive UTC; the desk's zone is stored beside them."""

from __future__ import annotations

import enum
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
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from desk_app.domain.categories import LogCategory
from desk_app.domain.handover import HandoverState, ItemAction
from desk_app.domain.roles import Role
from desk_app.domain.roster import RequestKind, RequestStatus, RosterStatus, WishKind
from desk_app.domain.tickets import ClockKind, Source, TicketAction, TicketKind, TicketStatus, Urgency


class Base(DeclarativeBase):
    pass


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def enum_check(column: str, values: type[enum.StrEnum], name: str) -> CheckConstraint:
    """``CHECK (column IN (...))`` from the domain enum that names a stored value: the enum
    is the one list of the allowed values (tests/storage/test_enum_constraints.py compares
    the migrated schema's constraints with it)."""
    return CheckConstraint(
        _in(column, tuple(v.value for v in values)), name=name, info={"column": column, "enum": values}
    )


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
    __table_args__ = (enum_check("action", ItemAction, "known_action"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("handover_item.id"))
    at: Mapped[datetime] = mapped_column(DateTime)
    actor_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    action: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(40))
    unit: Mapped[str] = mapped_column(String(10))
    expected: Mapped[int] = mapped_column(Integer)


class Handover(Base):
    """A handover from one shift to the next. The draft is saved as it is typed; once
    signed, a trigger freezes the row and its details are written once."""

    __tablename__ = "handover"
    __table_args__ = (
        enum_check("state", HandoverState, "known_state"),
        CheckConstraint("incoming_id IS NULL OR incoming_id <> outgoing_id", name="two_people"),
        Index("ix_handover_shift", "shift_date", "shift_template_id"),
        Index("ix_handover_state", "state"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    shift_template_id: Mapped[int] = mapped_column(ForeignKey("shift_template.id"))
    shift_date: Mapped[date] = mapped_column(Date)
    outgoing_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    incoming_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"), nullable=True)
    state: Mapped[str] = mapped_column(String(10), default=HandoverState.OPEN.value)
    started_at: Mapped[datetime] = mapped_column(DateTime)
    incoming_arrived_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    outgoing_signed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    incoming_signed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    early_arrival_minutes: Mapped[int] = mapped_column(Integer)
    late_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    draft_json: Mapped[str] = mapped_column(Text, default="{}")
    record_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    # The SHA-256 of record_json (64 hex digits), set at signing; the handover's log entry
    # states the same digest in its text, so the hash chain covers it.
    record_digest: Mapped[str | None] = mapped_column(String(64), nullable=True)
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


# -- tickets (0003) -----------------------------------------------------------------------
_OPEN = text("status <> 'closed'")


class Resident(Base):
    """A resident the desk has served; suggested the next time the name or phone is typed."""

    __tablename__ = "resident"
    __table_args__ = (
        Index("ux_resident_identity", "name", "building", "room", "phone", unique=True),
        Index("ix_resident_phone", "phone"),
        Index("ix_resident_used", "last_used_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(40))
    building: Mapped[str] = mapped_column(String(20), default="")
    room: Mapped[str] = mapped_column(String(30), default="")
    phone: Mapped[str] = mapped_column(String(24), default="")
    last_used_at: Mapped[datetime] = mapped_column(DateTime)


class Ticket(Base):
    """A resident's request. Never deleted; every change has a TicketEvent. ``due_at`` is the
    earliest clock not yet met (kept by the service), so the queue sorts on an index."""

    __tablename__ = "ticket"
    __table_args__ = (
        enum_check("kind", TicketKind, "known_kind"),
        enum_check("status", TicketStatus, "known_status"),
        enum_check("urgency", Urgency, "known_urgency"),
        enum_check("source", Source, "known_source"),
        enum_check("level", Role, "known_level"),
        enum_check("due_clock", ClockKind, "known_due_clock"),
        CheckConstraint("(status = 'closed') = (closed_at IS NOT NULL)", name="closed_has_time"),
        CheckConstraint("length(trim(description)) > 0", name="description_not_empty"),
        Index("ix_ticket_open_due", "due_at", "id", sqlite_where=_OPEN),
        Index("ix_ticket_open_kind", "kind", "due_at", sqlite_where=_OPEN),
        Index("ix_ticket_open_building", "building", "due_at", sqlite_where=_OPEN),
        Index("ix_ticket_open_clerk", "created_by", "due_at", sqlite_where=_OPEN),
        Index("ix_ticket_created", "created_at", "id"),
        Index("ix_ticket_kind_created", "kind", "created_at"),
        Index("ix_ticket_status", "status", "created_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(12), default="open")
    urgency: Mapped[str] = mapped_column(String(8), default="normal")
    source: Mapped[str] = mapped_column(String(8))
    resident_id: Mapped[int | None] = mapped_column(ForeignKey("resident.id"), nullable=True)
    resident_name: Mapped[str] = mapped_column(String(40), default="")
    building: Mapped[str] = mapped_column(String(20), default="")
    room: Mapped[str] = mapped_column(String(30), default="")
    phone: Mapped[str] = mapped_column(String(24), default="")
    description: Mapped[str] = mapped_column(Text)
    details_json: Mapped[str] = mapped_column(Text, default="{}")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[int] = mapped_column(ForeignKey("account.id"))
    level: Mapped[str] = mapped_column(String(10), default="clerk")
    due_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    due_clock: Mapped[str | None] = mapped_column(String(20), nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class TicketClock(Base):
    """One deadline of a ticket: due when, met when (once met, never reopened)."""

    __tablename__ = "ticket_clock"
    __table_args__ = (
        enum_check("kind", ClockKind, "known_clock"),
        Index("ix_ticket_clock_ticket", "ticket_id"),
        Index("ix_ticket_clock_open_due", "due_at", sqlite_where=text("met_at IS NULL")),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id"))
    kind: Mapped[str] = mapped_column(String(20))
    due_at: Mapped[datetime] = mapped_column(DateTime)
    met_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    met_by: Mapped[int | None] = mapped_column(ForeignKey("account.id"), nullable=True)


class TicketEvent(Base):
    """Who did what to a ticket, when and why (append-only)."""

    __tablename__ = "ticket_event"
    __table_args__ = (
        enum_check("action", TicketAction, "known_action"),
        enum_check("status_from", TicketStatus, "known_status_from"),
        enum_check("status_to", TicketStatus, "known_status_to"),
        Index("ix_ticket_event_ticket", "ticket_id", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id"))
    at: Mapped[datetime] = mapped_column(DateTime)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"), nullable=True)  # None: the program
    action: Mapped[str] = mapped_column(String(20))
    status_from: Mapped[str | None] = mapped_column(String(12), nullable=True)
    status_to: Mapped[str | None] = mapped_column(String(12), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")


class TicketNotice(Base):
    """An escalation that reached a level (clerk/supervisor/manager); each person of that
    level sees it on their next sign-in until they acknowledge it."""

    __tablename__ = "ticket_notice"
    __table_args__ = (
        enum_check("level", Role, "known_notice_level"),
        Index("ix_ticket_notice_level", "level", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id"))
    level: Mapped[str] = mapped_column(String(10))
    at: Mapped[datetime] = mapped_column(DateTime)
    reason: Mapped[str] = mapped_column(Text)


class TicketNoticeSeen(Base):
    __tablename__ = "ticket_notice_seen"
    __table_args__ = (Index("ux_ticket_notice_seen", "notice_id", "account_id", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("ticket_notice.id"))
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    seen_at: Mapped[datetime] = mapped_column(DateTime)


class IncidentReport(Base):
    """The written report a major incident needs by the next day (append-only)."""

    __tablename__ = "incident_report"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id"), unique=True)
    written_at: Mapped[datetime] = mapped_column(DateTime)
    author_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    body: Mapped[str] = mapped_column(Text)


class PriceItem(Base):
    """The desk's price list for paid convenience services (便民服务收费标准)."""

    __tablename__ = "price_item"
    __table_args__ = (CheckConstraint("price_cents >= 0", name="price_not_negative"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    unit: Mapped[str] = mapped_column(String(10))
    price_cents: Mapped[int] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class TicketRule(Base):
    """The desk's clocks and escalation for one kind of ticket."""

    __tablename__ = "ticket_rule"
    __table_args__ = (
        enum_check("kind", TicketKind, "known_rule_kind"),
        CheckConstraint("reply_minutes IS NULL OR reply_minutes BETWEEN 5 AND 10080", name="sane_reply"),
        CheckConstraint(
            "follow_up_working_days IS NULL OR follow_up_working_days BETWEEN 1 AND 30", name="sane_follow_up"
        ),
        CheckConstraint("escalate_before_minutes BETWEEN 0 AND 1440", name="sane_escalate_before"),
        CheckConstraint("manager_after_minutes BETWEEN 0 AND 10080", name="sane_manager_after"),
    )

    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    reply_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    follow_up_working_days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    escalate_before_minutes: Mapped[int] = mapped_column(Integer, default=30)
    manager_after_minutes: Mapped[int] = mapped_column(Integer, default=60)


APPEND_ONLY_TABLES = ("log_entry", "day_review", "audit_event")
HANDOVER_APPEND_ONLY_TABLES = ("handover_item_change", "follow_up_closure", "handover_check")
TICKET_APPEND_ONLY_TABLES = ("ticket_event", "ticket_notice", "ticket_notice_seen", "incident_report")


# -- the roster (值班安排表) ---------------------------------------------------------------


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
