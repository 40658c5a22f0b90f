"""Categories of a shift-log entry (DOMAIN.md "Shift log", 004 一.3)."""

from __future__ import annotations

import enum

from desk_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError


class LogCategory(enum.StrEnum):
    CONSULTATION = "consultation"
    HELP_REQUEST = "help_request"
    REPAIR = "repair"
    COMPLAINT = "complaint"
    PATROL = "patrol"
    EQUIPMENT = "equipment"
    SECURITY = "security"
    INCIDENT = "incident"
    OTHER = "other"
    HANDOVER = "handover"  # written by the handover wizard only, never typed

    @property
    def label(self) -> str:
        """English label; translation source in context ``LogCategory``."""
        return _LABELS[self]

    @property
    def chinese(self) -> str:
        """The word printed on the paper form (forms are always Chinese)."""
        return _CHINESE[self]


_LABELS = {
    LogCategory.CONSULTATION: QT_TRANSLATE_NOOP("LogCategory", "Consultation"),
    LogCategory.HELP_REQUEST: QT_TRANSLATE_NOOP("LogCategory", "Help request"),
    LogCategory.REPAIR: QT_TRANSLATE_NOOP("LogCategory", "Repair"),
    LogCategory.COMPLAINT: QT_TRANSLATE_NOOP("LogCategory", "Complaint"),
    LogCategory.PATROL: QT_TRANSLATE_NOOP("LogCategory", "Patrol"),
    LogCategory.EQUIPMENT: QT_TRANSLATE_NOOP("LogCategory", "Equipment"),
    LogCategory.SECURITY: QT_TRANSLATE_NOOP("LogCategory", "Security"),
    LogCategory.INCIDENT: QT_TRANSLATE_NOOP("LogCategory", "Incident"),
    LogCategory.OTHER: QT_TRANSLATE_NOOP("LogCategory", "Other"),
    LogCategory.HANDOVER: QT_TRANSLATE_NOOP("LogCategory", "Handover"),
}

_CHINESE = {
    LogCategory.CONSULTATION: "咨询",
    LogCategory.HELP_REQUEST: "求助",
    LogCategory.REPAIR: "报修",
    LogCategory.COMPLAINT: "投诉",
    LogCategory.PATROL: "巡查",
    LogCategory.EQUIPMENT: "设备",
    LogCategory.SECURITY: "安全",
    LogCategory.INCIDENT: "突发事件",
    LogCategory.OTHER: "其他",
    LogCategory.HANDOVER: "交接班",
}

# What a clerk may pick for an entry; the rest are written by the program itself.
MANUAL_CATEGORIES: tuple[LogCategory, ...] = tuple(c for c in LogCategory if c is not LogCategory.HANDOVER)


def parse_category(value: str) -> LogCategory:
    try:
        return LogCategory(value)
    except ValueError:
        raise ValidationError(
            QT_TRANSLATE_NOOP("DeskError", "Unknown category: {value}."), value=value
        ) from None
