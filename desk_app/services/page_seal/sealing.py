"""The seal of a page: a digest of its records as they are now, read in one transaction.

The digest is SHA-256 over one line per record, ``table \\x1f row_key \\x1f payload \\n``,
in a canonical order (by table, then key), where ``row_key`` and ``payload`` are the
journal's own SQL for the row's key and content (``storage/journal.py``). No Qt here.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import tzinfo
from typing import Any

from sqlalchemy import Connection

from desk_app.services.page_seal.rules import Key, Rule, Select, expand_ids, selections
from desk_app.storage import journal
from desk_app.storage.database import Database

QR_PREFIX = "DUTYDESK1"
LABEL = "核对码"  # printed before the fingerprint on the paper
SHORT_HEX = 16  # 64 bits on the paper
_CHUNK = 500


@dataclass(frozen=True)
class Seal:
    rule: Rule
    digest: str  # 64 hex digits
    count: int  # how many records

    @property
    def short(self) -> str:
        head = self.digest[:SHORT_HEX].upper()
        return "-".join(head[i : i + 4] for i in range(0, SHORT_HEX, 4))

    @property
    def text(self) -> str:
        """What is printed and typed: ``L:101-118,120 9F3A-C21B-77D0-E4B1``."""
        return f"{self.rule.name} {self.short}"

    @property
    def qr_text(self) -> str:
        return f"{QR_PREFIX} {self.rule.name} {self.digest}"


def sort_key(key: Key) -> tuple[str, tuple[Any, ...]]:
    table, row_key = key
    try:
        parts = json.loads(row_key)
    except ValueError:
        parts = [row_key]
    return table, tuple((0, p) if isinstance(p, int | float) else (1, str(p)) for p in parts)


def digest_of(records: dict[Key, str]) -> str:
    """SHA-256 over the records' lines in the canonical order."""
    h = hashlib.sha256()
    for key in sorted(records, key=sort_key):
        h.update(f"{key[0]}\x1f{key[1]}\x1f{records[key]}\n".encode())
    return h.hexdigest()


def chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for i in range(0, len(values), _CHUNK):
        yield values[i : i + _CHUNK]


def current_records(conn: Connection, rule: Rule, tz: tzinfo) -> dict[Key, str]:
    """The rule's records as they are now: (table, row_key) -> payload."""
    records: dict[Key, str] = {}
    first: list[dict[str, Any]] = []
    for index, sel in enumerate(selections(rule, tz)):
        if not has_table(conn, sel.table):
            continue
        parents: list[Any] = []
        if sel.of_first is not None:
            parents = sorted({p[sel.of_first] for p in first if p.get(sel.of_first) is not None})
        shape = journal.shape(conn, sel.table)
        for row_key, payload in _rows(conn, sel, shape, parents):
            records[(sel.table, str(row_key))] = str(payload)
            if index == 0:
                first.append(json.loads(payload))
    return records


def _rows(conn: Connection, sel: Select, shape: journal.TableShape, parents: Sequence[Any]) -> Iterable[Any]:
    if sel.values is not None and len(sel.values) > _CHUNK:
        for chunk in chunks(sel.values):
            yield from _rows(conn, replace(sel, values=tuple(chunk)), shape, parents)
        return
    if sel.of_first is not None and len(parents) > _CHUNK:
        for chunk in chunks(parents):
            yield from _rows(conn, sel, shape, chunk)
        return
    where, params = sel.sql("t", parents)
    yield from conn.exec_driver_sql(
        f'SELECT {shape.row_key("t")}, {shape.payload("t")} FROM "{sel.table}" AS t WHERE {where}', tuple(params)
    )


def has_table(conn: Connection, table: str) -> bool:
    return (
        conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).first()
        is not None
    )


def seal(db: Database, rule: Rule, tz: tzinfo) -> Seal:
    return seals(db, [rule], tz)[0]


def seals(db: Database, rules: Sequence[Rule], tz: tzinfo) -> list[Seal]:
    """The seals of several pages, read in one read transaction. Log pages (the bulk of
    a long printout) are read together, in a few queries for all their entries."""
    out: list[Seal] = []
    with db.engine.connect() as conn:
        log_ids = sorted({i for r in rules if r.form == "L" for i in expand_ids(r.arg)})
        entries: dict[int, str] = {}
        if log_ids:
            shape = journal.shape(conn, "log_entry")
            for chunk in chunks(log_ids):
                rows = conn.exec_driver_sql(
                    f"SELECT t.id, {shape.row_key('t')}, {shape.payload('t')} FROM log_entry AS t "
                    f"WHERE t.id IN ({','.join('?' * len(chunk))})",
                    tuple(chunk),
                )
                for entry_id, row_key, payload in rows:
                    entries[int(entry_id)] = f"{row_key}\x00{payload}"
        for rule in rules:
            if rule.form == "L":
                records: dict[Key, str] = {}
                for entry_id in expand_ids(rule.arg):
                    if entry_id in entries:
                        row_key, payload = entries[entry_id].split("\x00", 1)
                        records[("log_entry", row_key)] = payload
            else:
                records = current_records(conn, rule, tz)
            out.append(Seal(rule, digest_of(records), len(records)))
        conn.rollback()
    return out
