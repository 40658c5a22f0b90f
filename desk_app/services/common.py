"""Helpers shared by the services: time conversion and audit records."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.orm import Session

from desk_app.storage.models import AuditEvent


def to_db(instant: datetime) -> datetime:
    """Aware instant -> naive UTC, the form stored in the database."""
    return instant.astimezone(UTC).replace(tzinfo=None)


def from_db(value: datetime) -> datetime:
    """Naive UTC from the database -> aware UTC."""
    return value.replace(tzinfo=UTC)


def audit(session: Session, at: datetime, actor_id: int | None, action: str, detail: str = "") -> None:
    session.add(AuditEvent(at=to_db(at), actor_id=actor_id, action=action, detail=detail))
