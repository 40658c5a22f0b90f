"""The residents the desk has served: remembered at registration, suggested while typing."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desk_app.domain import tickets as tk
from desk_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from desk_app.domain.text_rules import NAME_MAX, clean_text
from desk_app.domain.tickets import TicketKind
from desk_app.services.common import to_db
from desk_app.services.tickets.context import TicketContext
from desk_app.services.tickets.views import ResidentInput, ResidentView
from desk_app.storage.models import Resident

BUILDING_MAX = 20
ROOM_MAX = 30
FIELD_RESIDENT = QT_TRANSLATE_NOOP("Field", "Resident")
FIELD_BUILDING = QT_TRANSLATE_NOOP("Field", "Building")
FIELD_ROOM = QT_TRANSLATE_NOOP("Field", "Unit and room")


class Residents:
    def __init__(self, ctx: TicketContext) -> None:
        self._ctx = ctx

    def residents_matching(self, typed: str, limit: int = 8) -> list[ResidentView]:
        """Residents whose name, phone or building starts with ``typed``, latest served first."""
        typed = (typed or "").strip()
        if not typed or len(typed) > 40:
            return []
        escaped = typed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        with self._ctx.db.read() as session:
            rows = session.scalars(
                select(Resident)
                .where(
                    or_(
                        Resident.name.like(escaped, escape="\\"),
                        Resident.phone.like(escaped, escape="\\"),
                        (Resident.building + Resident.room).like(escaped, escape="\\"),
                    )
                )
                .order_by(Resident.last_used_at.desc())
                .limit(limit)
            )
            # A whole suggestion line saved as a name before that was refused is not offered:
            # picked, it would be refused again.
            return [
                ResidentView(r.id, r.name, r.building, r.room, r.phone)
                for r in rows
                if not tk.is_more_than_a_name(r.name)
            ]

    def buildings(self) -> list[str]:
        with self._ctx.db.read() as session:
            return [b for b in session.scalars(select(Resident.building).distinct().order_by(Resident.building)) if b]


def valid_resident(kind: TicketKind, resident: ResidentInput) -> ResidentInput:
    """The resident of a registration, each field checked for what the kind needs."""
    name = clean_text(
        resident.name,
        field=FIELD_RESIDENT,
        max_len=NAME_MAX,
        required=kind.needs_resident and kind is not TicketKind.VISITOR,
    )
    if tk.is_more_than_a_name(name):
        # A suggestion line (name, address, phone) in the name field: stored, it would
        # become the name on every register and suggestion after it.
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "DeskError",
                "The resident's name “{name}” also holds an address or a phone number; "
                "put the name, the address and the phone number each in its own field.",
            ),
            name=name[:40],
        )
    building = clean_text(
        resident.building,
        field=FIELD_BUILDING,
        max_len=BUILDING_MAX,
        required=kind in (TicketKind.REPAIR, TicketKind.VISITOR),
    )
    room = clean_text(
        resident.room, field=FIELD_ROOM, max_len=ROOM_MAX, required=kind in (TicketKind.REPAIR, TicketKind.VISITOR)
    )
    phone_needed = kind in (TicketKind.COMPLAINT, TicketKind.REPAIR, TicketKind.CONVENIENCE)
    phone = tk.normalize_phone(resident.phone, required=phone_needed)
    return ResidentInput(name, building, room, phone)


def remember_resident(session: Session, resident: ResidentInput, now: datetime) -> int:
    """The resident's id, a new row the first time they are served."""
    row = session.scalar(
        select(Resident).where(
            Resident.name == resident.name,
            Resident.building == resident.building,
            Resident.room == resident.room,
            Resident.phone == resident.phone,
        )
    )
    if row is None:
        row = Resident(
            name=resident.name,
            building=resident.building,
            room=resident.room,
            phone=resident.phone,
            last_used_at=to_db(now),
        )
        session.add(row)
        session.flush()
    else:
        row.last_used_at = to_db(now)
    return row.id
