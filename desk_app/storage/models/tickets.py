"""Tickets (工单): residents, tickets with their clocks, events, notices and incident
reports, the price list and the clock rules."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from desk_app.domain.roles import Role
from desk_app.domain.tickets import ClockKind, Source, TicketAction, TicketKind, TicketStatus, Urgency
from desk_app.storage.models.base import Base, enum_check

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


TICKET_APPEND_ONLY_TABLES = ("ticket_event", "ticket_notice", "ticket_notice_seen", "incident_report")
