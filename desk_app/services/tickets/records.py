"""Between the stored rows and the service's views: a ticket's details as JSON, a queue
row, a price item and the text the search index holds for a ticket."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from desk_app.domain import tickets as tk
from desk_app.domain.roles import Role
from desk_app.domain.tickets import ClockKind, TicketDetails, TicketKind, TicketStatus, Urgency, Validity
from desk_app.domain.workdays import HolidayCalendar
from desk_app.services.common import from_db
from desk_app.services.tickets.views import TicketRow
from desk_app.storage.models import PriceItem, Ticket


def details_to_json(details: TicketDetails) -> str:
    data = asdict(details)
    data["validity"] = details.validity.value
    data["visit_at"] = details.visit_at.isoformat() if details.visit_at else None
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def details_from_json(raw: str) -> TicketDetails:
    data: dict[str, Any] = json.loads(raw or "{}")
    known = {f for f in TicketDetails.__dataclass_fields__}
    data = {k: v for k, v in data.items() if k in known}
    if "validity" in data:
        data["validity"] = Validity(data["validity"])
    if data.get("visit_at"):
        data["visit_at"] = datetime.fromisoformat(data["visit_at"])
    return TicketDetails(**data)


def row(t: Ticket, names: dict[int, str], tz: ZoneInfo, calendar: HolidayCalendar) -> TicketRow:
    due_clock = ClockKind(t.due_clock) if t.due_clock else None
    due_at = from_db(t.due_at).astimezone(tz) if t.due_at else None
    return TicketRow(
        id=t.id,
        kind=TicketKind(t.kind),
        status=TicketStatus(t.status),
        urgency=Urgency(t.urgency),
        source=tk.Source(t.source),
        resident_name=t.resident_name,
        building=t.building,
        room=t.room,
        phone=t.phone,
        description=t.description,
        created_at=from_db(t.created_at).astimezone(tz),
        created_by=names.get(t.created_by, "?"),
        level=Role(t.level),
        due_at=due_at,
        due_clock=due_clock,
        closed_at=from_db(t.closed_at).astimezone(tz) if t.closed_at else None,
        due_provisional=t.status != TicketStatus.CLOSED.value and tk.clock_provisional(due_clock, due_at, calendar),
    )


def price(item: PriceItem) -> tk.PriceItem:
    return tk.PriceItem(item.id, item.name, item.unit, item.price_cents, item.active)


def search_parts(description: str, resident_name: str, place: str, phone: str, details: TicketDetails) -> list[str]:
    """What the search index holds for a ticket (place: building and room)."""
    return [
        description,
        resident_name,
        place,
        phone,
        details.visitor_name,
        details.recipient,
        " ".join(details.items),
        details.dispatched_to,
    ]
