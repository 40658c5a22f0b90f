"""SQLAlchemy 2.0 typed models, one module per area. Times are naive UTC; the desk's zone
is stored beside them. Every model is importable from here."""

from __future__ import annotations

from desk_app.storage.models.base import (
    Base,
    enum_check,
)
from desk_app.storage.models.desk import (
    APPEND_ONLY_TABLES,
    Account,
    AuditEvent,
    ChainHead,
    DayReview,
    Desk,
    DeskSettings,
    LogEntry,
    ShiftTemplateRow,
    TypingDraft,
)
from desk_app.storage.models.handover import (
    HANDOVER_APPEND_ONLY_TABLES,
    FollowUpClosure,
    Handover,
    HandoverCheck,
    HandoverItem,
    HandoverItemChange,
)
from desk_app.storage.models.holidays import HolidayDay, HolidayYear
from desk_app.storage.models.roster import (
    ROSTER_APPEND_ONLY_TABLES,
    RosterCell,
    RosterChange,
    RosterMonth,
    RosterVersion,
    RosterWish,
    ShiftFollowBan,
    ShiftNeed,
    StaffRequest,
    StaffRule,
)
from desk_app.storage.models.tickets import (
    TICKET_APPEND_ONLY_TABLES,
    IncidentReport,
    PriceItem,
    Resident,
    Ticket,
    TicketClock,
    TicketEvent,
    TicketNotice,
    TicketNoticeSeen,
    TicketRule,
)

__all__ = [
    "APPEND_ONLY_TABLES",
    "Account",
    "AuditEvent",
    "Base",
    "ChainHead",
    "DayReview",
    "Desk",
    "DeskSettings",
    "FollowUpClosure",
    "HANDOVER_APPEND_ONLY_TABLES",
    "Handover",
    "HandoverCheck",
    "HandoverItem",
    "HandoverItemChange",
    "HolidayDay",
    "HolidayYear",
    "IncidentReport",
    "LogEntry",
    "PriceItem",
    "ROSTER_APPEND_ONLY_TABLES",
    "Resident",
    "RosterCell",
    "RosterChange",
    "RosterMonth",
    "RosterVersion",
    "RosterWish",
    "ShiftFollowBan",
    "ShiftNeed",
    "ShiftTemplateRow",
    "StaffRequest",
    "StaffRule",
    "TICKET_APPEND_ONLY_TABLES",
    "Ticket",
    "TicketClock",
    "TicketEvent",
    "TicketNotice",
    "TicketNoticeSeen",
    "TicketRule",
    "TypingDraft",
    "enum_check",
]
