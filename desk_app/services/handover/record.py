"""The signed record of a handover: its JSON, its digest, and the words of the HANDOVER
entry that puts the digest into the log's hash chain.

The digest is kept as data (``handover.record_digest``); the log entry's text is written
from it here and never read back: a check compares the text this module writes for the
digest with the one in the log.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from desk_app.domain.handover import Disposition, HandoverDraft
from desk_app.domain.shifts import ShiftOccurrence

# How the log entry states the digest: "记录摘要 sha256:<64 hex digits>".
DIGEST_PREFIX = "记录摘要 sha256:"


def record_json(
    *,
    handover_id: int,
    shift: ShiftOccurrence,
    outgoing: str,
    incoming: str,
    started_at: datetime,
    arrived_at: datetime,
    signed_at: datetime,
    early_arrival_minutes: int,
    late_minutes: int,
    draft: HandoverDraft,
    tz: ZoneInfo,
) -> str:
    """The record as it is stored and hashed (keys sorted, so the same record gives the
    same text)."""
    record: dict[str, Any] = {
        "handover_id": handover_id,
        "shift_date": shift.shift_date.isoformat(),
        "shift": shift.template.name,
        "outgoing": outgoing,
        "incoming": incoming,
        "started_at": started_at.astimezone(tz).isoformat(),
        "incoming_arrived_at": arrived_at.astimezone(tz).isoformat(),
        "signed_at": signed_at.astimezone(tz).isoformat(),
        "early_arrival_minutes": early_arrival_minutes,
        "late_minutes": late_minutes,
        **json.loads(draft.to_json()),
    }
    return json.dumps(record, ensure_ascii=False, sort_keys=True)


def record_digest(record: str) -> str:
    """The SHA-256 of a stored record, 64 hex digits."""
    return hashlib.sha256(record.encode("utf-8")).hexdigest()


def digest_text(digest: str) -> str:
    """The digest as the log entry states it."""
    return f"{DIGEST_PREFIX}{digest}"


def entry_situation(outgoing: str, incoming: str, shift: ShiftOccurrence) -> str:
    return f"交接班：{outgoing} → {incoming}（{shift.shift_date:%m-%d} {shift.template.name}）"


def entry_handling(draft: HandoverDraft, late_minutes: int, digest: str) -> str:
    """The counts of what was handed over, the lateness, and the record's digest."""
    differences = sum(1 for c in draft.counts if c.needs_explanation)
    handed = sum(1 for w in draft.open_work if w.disposition is Disposition.HANDED_OVER)
    return (
        f"物品{len(draft.counts)}项，差异或损坏{differences}项；"
        f"移交事项{handed}项；异常{len(draft.anomalies)}项；"
        + (f"接班迟到{late_minutes}分钟；" if late_minutes else "")
        + digest_text(digest)
    )


def states_digest(handling: str | None, digest: str | None) -> bool:
    """Whether a log entry's text states ``digest`` (a missing digest is stated nowhere)."""
    return digest is not None and digest_text(digest) in (handling or "")
