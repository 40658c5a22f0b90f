"""The handover (交接班): the desk's item list and its changes, the handovers, follow-up
closures and supervisors' checks."""

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

from desk_app.domain.handover import HandoverState, ItemAction
from desk_app.storage.models.base import Base, enum_check


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


HANDOVER_APPEND_ONLY_TABLES = ("handover_item_change", "follow_up_closure", "handover_check")
