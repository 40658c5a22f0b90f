"""What the handover service hands out: views of the item list and of handovers.

Views are dataclasses that cannot be reassigned field by field, but a handover's ``draft``
and ``record`` are mutable objects of its own: a caller that changes them changes its copy
only (nothing is saved until it goes back through the service).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_app.domain.handover import HandoverDraft, HandoverState
from desk_app.domain.roles import Actor
from desk_app.domain.shifts import ShiftOccurrence, ShiftTemplate, occurrence
from desk_app.services.common import from_db
from desk_app.storage.models import Account, Handover, HandoverCheck, HandoverItem


@dataclass(frozen=True)
class ItemView:
    id: int
    name: str
    unit: str
    expected: int
    active: bool


@dataclass(frozen=True)
class HandoverView:
    id: int
    shift: ShiftOccurrence
    outgoing_id: int
    outgoing_name: str
    incoming_id: int | None
    incoming_name: str | None
    state: HandoverState
    started_at: datetime
    incoming_arrived_at: datetime | None
    outgoing_signed_at: datetime | None
    incoming_signed_at: datetime | None
    late_minutes: int | None
    early_arrival_minutes: int
    draft: HandoverDraft
    record: dict[str, Any] | None
    log_entry_id: int | None
    checked_by: str | None = None
    checked_at: datetime | None = None
    check_remark: str = ""
    # The SHA-256 of the signed record, as its log entry states it (None while open).
    record_digest: str | None = None

    @property
    def signed(self) -> bool:
        return self.state is HandoverState.SIGNED


@dataclass(frozen=True)
class SignedHandover:
    """A handover both clerks signed, and the incoming clerk, who has just proved who they
    are with their password: the desk is theirs from now on."""

    view: HandoverView
    incoming: Actor


@dataclass(frozen=True)
class Overdue:
    shift: ShiftOccurrence
    minutes: int
    expected: tuple[str, ...] = ()  # the successors the published roster names


@dataclass(frozen=True)
class ShiftReminder:
    """The running shift ends soon and nobody has started its handover."""

    shift: ShiftOccurrence
    minutes_left: int  # whole minutes, rounded up: "in 1 minute" until the very end


def item_view(item: HandoverItem) -> ItemView:
    return ItemView(item.id, item.name, item.unit, item.expected, item.active)


def handover_views(
    session: Session, rows: list[Handover], templates: dict[int, ShiftTemplate], tz: ZoneInfo
) -> list[HandoverView]:
    """The views of ``rows`` with one query for the names of the people in them and one for
    the checks, however many rows (the handover tab lists a week every 30 seconds)."""
    if not rows:
        return []
    people = {row.outgoing_id for row in rows} | {row.incoming_id for row in rows if row.incoming_id is not None}
    names = dict(session.execute(select(Account.id, Account.display_name).where(Account.id.in_(people))).all())
    checks = {
        check.handover_id: (check, checker)
        for check, checker in session.execute(
            select(HandoverCheck, Account.display_name)
            .join(Account, Account.id == HandoverCheck.checker_id)
            .where(HandoverCheck.handover_id.in_([row.id for row in rows]))
            .order_by(HandoverCheck.id)
        )
    }
    return [_view(row, names, templates, checks.get(row.id), tz) for row in rows]


def _view(
    row: Handover,
    names: dict[int, str],
    templates: dict[int, ShiftTemplate],
    check: tuple[HandoverCheck, str] | None,
    tz: ZoneInfo,
) -> HandoverView:
    def local(value: datetime | None) -> datetime | None:
        return from_db(value).astimezone(tz) if value is not None else None

    started = local(row.started_at)
    assert started is not None
    return HandoverView(
        id=row.id,
        shift=occurrence(templates[row.shift_template_id], row.shift_date, tz),
        outgoing_id=row.outgoing_id,
        outgoing_name=names.get(row.outgoing_id, "?"),
        incoming_id=row.incoming_id,
        incoming_name=names.get(row.incoming_id) if row.incoming_id else None,
        state=HandoverState(row.state),
        started_at=started,
        incoming_arrived_at=local(row.incoming_arrived_at),
        outgoing_signed_at=local(row.outgoing_signed_at),
        incoming_signed_at=local(row.incoming_signed_at),
        late_minutes=row.late_minutes,
        early_arrival_minutes=row.early_arrival_minutes,
        draft=HandoverDraft.from_json(row.draft_json),
        record=json.loads(row.record_json) if row.record_json else None,
        log_entry_id=row.log_entry_id,
        checked_by=check[1] if check else None,
        checked_at=local(check[0].checked_at) if check else None,
        check_remark=check[0].remark if check else "",
        record_digest=row.record_digest,
    )
