"""Appending to the shift log's hash chain, and checking the whole chain.

Every write to ``log_entry`` goes through ``append``: it assigns the id, links the row
to the previous hash, fills the search index and moves the chain head, all inside the
caller's write transaction (BEGIN IMMEDIATE, so no other writer can interleave).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session

from desk_app.domain.hashing import GENESIS, chain_hash
from desk_app.domain.textsearch import index_text
from desk_app.storage.database import Database
from desk_app.storage.models import ChainHead, LogEntry

# The fields a hash covers, in the order they are stored.
HASHED_FIELDS = (
    "id",
    "clerk_id",
    "shift_template_id",
    "shift_date",
    "occurred_at",
    "recorded_at",
    "tz",
    "category",
    "situation",
    "handling",
    "backdate_reason",
    "follow_up",
    "corrects_id",
    "after_review",
)


def hashed_content(row: dict[str, Any]) -> dict[str, Any]:
    content: dict[str, Any] = {}
    for name in HASHED_FIELDS:
        value = row[name]
        if isinstance(value, datetime | date):
            value = value.isoformat()
        elif isinstance(value, bool):
            value = int(value)
        content[name] = value
    return content


@dataclass(frozen=True)
class Head:
    last_id: int
    last_hash: str
    count: int


def read_head(session: Session) -> Head:
    head = session.get(ChainHead, 1)
    if head is None:
        return Head(0, GENESIS, 0)
    return Head(head.last_id, head.last_hash, head.count)


def append(session: Session, rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Append rows (dicts of every column but id/prev_hash/hash) and return them completed."""
    head = read_head(session)
    last_id, last_hash, count = head.last_id, head.last_hash, head.count
    done: list[dict[str, Any]] = []
    for row in rows:
        last_id += 1
        row = dict(row, id=last_id, prev_hash=last_hash)
        row["hash"] = chain_hash(last_hash, hashed_content(row))
        last_hash = row["hash"]
        count += 1
        done.append(row)
    if not done:
        return done
    session.execute(insert(LogEntry), done)
    session.execute(
        text("INSERT INTO log_fts(rowid, body) VALUES (:id, :body)"),
        [{"id": r["id"], "body": index_text(r["situation"], r["handling"])} for r in done],
    )
    stored = session.get(ChainHead, 1)
    if stored is None:
        session.add(ChainHead(id=1, last_id=last_id, last_hash=last_hash, count=count))
    else:
        stored.last_id, stored.last_hash, stored.count = last_id, last_hash, count
    session.flush()
    return done


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    checked: int
    bad_entry_id: int | None = None
    problem: str = ""

    def describe(self) -> str:
        if self.ok:
            return f"OK: {self.checked} log entries, hash chain intact."
        where = f"entry #{self.bad_entry_id}: " if self.bad_entry_id is not None else ""
        return f"FAILED at {where}{self.problem}"


def _rows(session: Session, batch: int = 5000) -> Iterator[dict[str, Any]]:
    columns = [getattr(LogEntry, name) for name in (*HASHED_FIELDS, "prev_hash", "hash")]
    names = [*HASHED_FIELDS, "prev_hash", "hash"]
    last = 0
    while True:
        chunk = session.execute(
            select(*columns).where(LogEntry.id > last).order_by(LogEntry.id).limit(batch)
        ).all()
        if not chunk:
            return
        for values in chunk:
            yield dict(zip(names, values, strict=True))
        last = chunk[-1][0]


def verify(db: Database) -> VerifyResult:
    """Walk the whole chain. The first entry that was changed, removed or inserted is named.

    One read transaction for the whole walk and the head: one consistent snapshot, so an
    entry the program writes meanwhile is never taken for a tamper."""
    with db.read() as session:
        return _verify(session)


def _verify(session: Session) -> VerifyResult:
    expected_prev = GENESIS
    checked = 0
    previous_id = 0
    for row in _rows(session):
        if row["prev_hash"] != expected_prev:
            problem = (
                "an entry before it was removed (ids jump from #{} to #{})".format(previous_id, row["id"])
                if row["id"] != previous_id + 1
                else "it does not link to the entry before it (inserted or replaced behind the program's back)"
            )
            return VerifyResult(False, checked, row["id"], problem)
        if chain_hash(row["prev_hash"], hashed_content(row)) != row["hash"]:
            return VerifyResult(False, checked, row["id"], "its content was changed after it was saved")
        expected_prev = row["hash"]
        previous_id = row["id"]
        checked += 1
    head = read_head(session)
    if head.count != checked or head.last_hash != expected_prev:
        return VerifyResult(
            False,
            checked,
            head.last_id,
            f"the chain head records {head.count} entries ending at #{head.last_id}, "
            f"but {checked} were found ending at #{previous_id} (newest entries removed or added)",
        )
    return VerifyResult(True, checked)
