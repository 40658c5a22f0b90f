"""The journal: one append-only, chained record of every write to every table.

Every table the program keeps (all but the ``journal`` itself, the typing drafts and the
search indexes) has three ``AFTER`` triggers. Whatever writes a row — the ORM, a bulk
insert, a raw statement in a service — the trigger appends one event to ``journal``:
the table, the row's key, the operation, the row's whole content after the write (as
SQLite's ``json_object`` of every column, NULL for a delete), who wrote it, when, and a
MAC over all of it and the previous event's MAC. So:

* a row changed, removed or added with the triggers dropped no longer matches the newest
  event for its key (``verify`` compares every row with it);
* an event changed, removed, inserted or reordered breaks the chain of MACs;
* recomputing the whole chain needs the desk's key, kept in the operating system's
  credential store (``keyring``), never in the database; and a truncation, a wipe or a
  rollback to an older copy is caught by the witnesses outside the database
  (``services/integrity.py``).

The MAC is computed inside the database's own write transaction by two SQL functions
registered on every connection the program opens (``dd_key`` and ``dd_mac``); a program
without them — DB Browser for SQLite, the ``sqlite3`` shell — cannot write to a covered
table at all while the triggers are in place ("no such function: dd_mac").
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import sqlite3
import threading
import weakref
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine

log = logging.getLogger(__name__)

JOURNAL = "journal"
# Not journaled: the journal itself; what a person typed and has not saved (rewritten
# every second while typing, never a record); Alembic's bookkeeping; the log chain's head,
# which is derived from the log and checked against it by the log's own chain walk (one
# event per entry for it would be a quarter of the journal).
UNCOVERED = frozenset({JOURNAL, "typing_draft", "alembic_version", "log_chain_head"})
UNKEYED = "none"
KEYRING_SERVICE = "DutyDesk"
KEYRING_PREFIX = "journal-key:"
SEP = "\x1f"
# The view the log's search index is checked against (migration 0007).
LOG_INDEX_SOURCE = "log_index_source"

# When the current transaction began, by the injected clock: every event of one
# transaction carries the same instant, so the MAC and the stored column always agree.
transaction_instant: ContextVar[str | None] = ContextVar("transaction_instant", default=None)


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class JournalContext:
    """Per engine: the clock the events are stamped with and the keys seen so far."""

    now: Callable[[], datetime] = _utc_now
    keys: dict[str, bytes | None] = field(default_factory=dict)
    fresh_key_id: str | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    # -- keys ------------------------------------------------------------------------------
    def key(self, key_id: str) -> bytes | None:
        """The key with this id, or None when this computer does not hold it."""
        if key_id == UNKEYED:
            return b""
        with self.lock:
            if key_id not in self.keys:
                self.keys[key_id] = _keyring_get(key_id)
            return self.keys[key_id]

    def key_for_next(self, previous: str | None) -> str:
        """The key the next event is sealed with: the previous event's, while this
        computer holds it; otherwise one new key for this engine (or none at all when
        there is no credential store)."""
        if previous is not None and previous != UNKEYED and self.key(previous) is not None:
            return previous
        with self.lock:
            if self.fresh_key_id is None:
                self.fresh_key_id = _new_key()
                if self.fresh_key_id != UNKEYED:
                    self.keys[self.fresh_key_id] = _keyring_get(self.fresh_key_id)
            if previous == UNKEYED and self.fresh_key_id == UNKEYED:
                return UNKEYED
            return self.fresh_key_id

    def instant(self) -> str:
        return transaction_instant.get() or stamp(self.now())


def stamp(instant: datetime) -> str:
    return instant.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds")


def _keyring_get(key_id: str) -> bytes | None:
    try:
        import keyring

        value = keyring.get_password(KEYRING_SERVICE, KEYRING_PREFIX + key_id)
    except Exception as exc:  # no credential store, a locked one, a broken backend
        log.warning("journal key %s unavailable: %s", key_id, exc)
        return None
    return bytes.fromhex(value) if value else None


def _new_key() -> str:
    key = secrets.token_bytes(32)
    key_id = hashlib.sha256(key).hexdigest()[:16]
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, KEYRING_PREFIX + key_id, key.hex())
        if keyring.get_password(KEYRING_SERVICE, KEYRING_PREFIX + key_id) != key.hex():
            return UNKEYED
    except Exception as exc:
        log.warning("no credential store for the journal key, the chain is unkeyed: %s", exc)
        return UNKEYED
    return key_id


def message(seq: int, key_id: str, prev: str, tbl: str, row_key: str, op: str,
            payload: str | None, writer: int | None, at: str) -> bytes:  # fmt: skip
    """What an event's seal covers: every column but the seal, in order."""
    return SEP.join(
        (str(seq), key_id, prev, tbl, row_key, op, payload if payload is not None else "\x00",
         "" if writer is None else str(writer), at)  # fmt: skip
    ).encode("utf-8")


def mac(key: bytes, seq: int, key_id: str, prev: str, tbl: str, row_key: str, op: str,
        payload: str | None, writer: int | None, at: str) -> str:  # fmt: skip
    covered = message(seq, key_id, prev, tbl, row_key, op, payload, writer, at)
    return hmac.new(key, covered, hashlib.sha256).hexdigest()


_contexts: weakref.WeakKeyDictionary[Engine, JournalContext] = weakref.WeakKeyDictionary()


def context_of(engine: Engine) -> JournalContext | None:
    """The journal context of an engine made by ``create_db_engine`` (None for a
    read-only engine, which cannot write to a covered table at all)."""
    return _contexts.get(engine)


def register(engine: Engine, writer: Callable[[], int | None]) -> JournalContext:
    """Give every connection of ``engine`` the journal's SQL functions."""
    ctx = JournalContext()
    _contexts[engine] = ctx

    def on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        install_functions(dbapi_conn, ctx, writer)

    from sqlalchemy import event

    event.listen(engine, "connect", on_connect)
    return ctx


def _index_text(situation: str | None, handling: str | None) -> str:
    from desk_app.domain.textsearch import index_text

    return index_text(situation or "", handling or "")


def install_functions(
    conn: sqlite3.Connection, ctx: JournalContext, writer: Callable[[], int | None] = lambda: None
) -> None:
    def dd_mac(key_id: str, seq: int, prev: str, tbl: str, row_key: str, op: str,
               payload: str | None, who: int | None, at: str) -> str:  # fmt: skip
        key = ctx.key(key_id)
        if key is None:
            raise sqlite3.OperationalError(f"journal key {key_id} is not on this computer")
        return mac(key, seq, key_id, prev, tbl, row_key, op, payload, who, at)

    conn.create_function("dd_mac", 9, dd_mac)
    conn.create_function("dd_index", 2, _index_text, deterministic=True)
    conn.create_function("dd_key", 1, ctx.key_for_next)
    conn.create_function("dd_writer", 0, writer)
    conn.create_function("dd_now", 0, ctx.instant)


# -- the schema ------------------------------------------------------------------------------
JOURNAL_DDL = (
    f"""CREATE TABLE {JOURNAL} (
    seq INTEGER PRIMARY KEY,
    key_id TEXT NOT NULL,
    tbl TEXT NOT NULL,
    row_key TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete', 'baseline')),
    payload TEXT,
    writer INTEGER,
    at TEXT NOT NULL,
    prev TEXT NOT NULL,
    mac TEXT NOT NULL
)""",
    f"CREATE INDEX ix_journal_row ON {JOURNAL} (tbl, row_key, seq)",
    f"CREATE TRIGGER {JOURNAL}_no_update BEFORE UPDATE ON {JOURNAL} "
    f"BEGIN SELECT RAISE(ABORT, '{JOURNAL} is append-only: UPDATE refused'); END",
    f"CREATE TRIGGER {JOURNAL}_no_delete BEFORE DELETE ON {JOURNAL} "
    f"BEGIN SELECT RAISE(ABORT, '{JOURNAL} is append-only: DELETE refused'); END",
)


@dataclass(frozen=True)
class TableShape:
    name: str
    columns: tuple[str, ...]
    key: tuple[str, ...]

    def payload(self, alias: str) -> str:
        """SQL for the row's content: the same text in a trigger and in ``verify``."""
        pairs = ", ".join(f"'{c}', {alias}.\"{c}\"" for c in self.columns)
        return f"json_object({pairs})"

    def row_key(self, alias: str) -> str:
        return "json_array(" + ", ".join(f'{alias}."{c}"' for c in self.key) + ")"


def shape(conn: Connection | sqlite3.Connection, table: str) -> TableShape:
    rows = _fetch(conn, f'PRAGMA table_info("{table}")')
    columns = tuple(str(r[1]) for r in rows)
    keyed = sorted((int(r[5]), str(r[1])) for r in rows if int(r[5]) > 0)
    return TableShape(table, columns, tuple(c for _, c in keyed) or ("rowid",))


def covered_tables(conn: Connection | sqlite3.Connection) -> list[str]:
    """Every table of the database that the journal covers (virtual search tables and
    their shadow tables are derived data, checked separately)."""
    rows = _fetch(conn, "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")
    names = {str(name) for name, _ in rows}
    virtual = {str(name) for name, sql in rows if sql and "VIRTUAL TABLE" in str(sql).upper()}
    shadows = {n for n in names for v in virtual if n.startswith(v + "_")}
    return sorted(
        n for n in names if n not in UNCOVERED and n not in virtual and n not in shadows and not n.startswith("sqlite_")
    )


def _fetch(conn: Connection | sqlite3.Connection, sql: str) -> list[Any]:
    if isinstance(conn, sqlite3.Connection):
        return conn.execute(sql).fetchall()
    return list(conn.exec_driver_sql(sql).fetchall())


_LAST = f"(SELECT {{col}} FROM {JOURNAL} ORDER BY seq DESC LIMIT 1)"


def trigger_ddl(table: TableShape) -> list[str]:
    statements = []
    for op, timing, ref in (("insert", "INSERT", "NEW"), ("update", "UPDATE", "NEW"), ("delete", "DELETE", "OLD")):
        payload = "NULL" if op == "delete" else table.payload(ref)
        statements.append(
            f'CREATE TRIGGER journal_{table.name}_{op} AFTER {timing} ON "{table.name}" BEGIN '
            f"INSERT INTO {JOURNAL} (seq, key_id, tbl, row_key, op, payload, writer, at, prev, mac) "
            f"SELECT s, kid, '{table.name}', k, '{op}', p, w, a, pr, "
            f"dd_mac(kid, s, pr, '{table.name}', k, '{op}', p, w, a) "
            f"FROM (SELECT (SELECT COALESCE(MAX(seq), 0) + 1 FROM {JOURNAL}) AS s, "
            f"dd_key({_LAST.format(col='key_id')}) AS kid, "
            f"COALESCE({_LAST.format(col='mac')}, '') AS pr, "
            f"{table.row_key(ref)} AS k, {payload} AS p, dd_writer() AS w, dd_now() AS a); END"
        )
    return statements


def drop_triggers_ddl(table: str) -> list[str]:
    return [f"DROP TRIGGER IF EXISTS journal_{table}_{op}" for op in ("insert", "update", "delete")]


def install(conn: Connection) -> None:
    """Create the journal, the triggers of every covered table, and one ``baseline``
    event for every row already there (used by the migration that introduces it)."""
    for statement in JOURNAL_DDL:
        conn.exec_driver_sql(statement)
    for table in covered_tables(conn):
        cover(conn, table)


def cover(conn: Connection, table: str) -> None:
    """(Re)create ``table``'s triggers from its current columns and record each row's
    present content as a ``baseline`` event. A later migration that adds a table or
    changes a table's columns calls this for it."""
    for statement in drop_triggers_ddl(table):
        conn.exec_driver_sql(statement)
    table_shape = shape(conn, table)
    for statement in trigger_ddl(table_shape):
        conn.exec_driver_sql(statement)
    rows = conn.exec_driver_sql(
        f'SELECT {table_shape.row_key("t")}, {table_shape.payload("t")} FROM "{table}" AS t'
    ).fetchall()
    for row_key, payload in rows:
        conn.exec_driver_sql(
            f"INSERT INTO {JOURNAL} (seq, key_id, tbl, row_key, op, payload, writer, at, prev, mac) "
            f"SELECT s, kid, ?, ?, 'baseline', ?, NULL, a, pr, dd_mac(kid, s, pr, ?, ?, 'baseline', ?, NULL, a) "
            f"FROM (SELECT (SELECT COALESCE(MAX(seq), 0) + 1 FROM {JOURNAL}) AS s, "
            f"dd_key({_LAST.format(col='key_id')}) AS kid, COALESCE({_LAST.format(col='mac')}, '') AS pr, "
            f"dd_now() AS a)",
            (table, row_key, payload, table, row_key, payload),
        )


def follow_schema(conn: Connection) -> list[str]:
    """After a migration: re-cover every table whose columns changed since its triggers
    were made (a migration added or renamed a column), and cover new tables. Returns the
    tables re-covered.

    A table whose triggers are *missing* is not touched: that is not a migration but
    someone dropping them, and ``verify`` must go on reporting it rather than have the
    rows as they are now recorded as if the program had written them."""
    if not _fetch(conn, f"SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '{JOURNAL}'"):
        return []
    triggers = {
        str(n): str(sql) for n, sql in _fetch(conn, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
    }
    journaled = {str(t) for (t,) in _fetch(conn, f"SELECT DISTINCT tbl FROM {JOURNAL}")}
    changed = []
    for table in covered_tables(conn):
        expected = trigger_ddl(shape(conn, table))
        names = [f"journal_{table}_{op}" for op in ("insert", "update", "delete")]
        present = [triggers.get(n) for n in names]
        if all(sql is None for sql in present) and table in journaled:
            continue  # dropped by someone: verify reports it
        if present != expected:
            cover(conn, table)
            changed.append(table)
    return changed


# -- reading ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Event:
    seq: int
    key_id: str
    tbl: str
    row_key: str
    op: str
    payload: str | None
    writer: int | None
    at: str
    prev: str
    mac: str


def events(conn: sqlite3.Connection | Connection, batch: int = 20_000) -> Iterator[Event]:
    """Every event in order, read in batches inside the caller's one read transaction."""
    last = 0
    while True:
        rows = _fetch_params(
            conn,
            f"SELECT seq, key_id, tbl, row_key, op, payload, writer, at, prev, mac FROM {JOURNAL} "
            f"WHERE seq > ? ORDER BY seq LIMIT {batch}",
            (last,),
        )
        if not rows:
            return
        for row in rows:
            yield Event(*row)
        last = rows[-1][0]


def _fetch_params(conn: Connection | sqlite3.Connection, sql: str, params: tuple[Any, ...]) -> list[Any]:
    if isinstance(conn, sqlite3.Connection):
        return conn.execute(sql, params).fetchall()
    return list(conn.exec_driver_sql(sql, params).fetchall())


@dataclass(frozen=True)
class Head:
    seq: int
    mac: str


def head(conn: Connection | sqlite3.Connection) -> Head | None:
    rows = _fetch(conn, f"SELECT seq, mac FROM {JOURNAL} ORDER BY seq DESC LIMIT 1")
    return Head(int(rows[0][0]), str(rows[0][1])) if rows else None


@dataclass(frozen=True)
class Anchor:
    """Where a journal stands: which chain (the MAC of its first event) and how far."""

    chain: str
    seq: int
    mac: str


def anchor(conn: Connection | sqlite3.Connection) -> Anchor | None:
    first = _fetch(conn, f"SELECT mac FROM {JOURNAL} WHERE seq = 1")
    last = head(conn)
    if not first or last is None:
        return None
    return Anchor(str(first[0][0]), last.seq, last.mac)


def anchor_of_file(path: Path) -> Anchor | None:
    """The anchor of the database file at ``path``, read without writing anything; None
    when it has no journal or no events."""
    journals = (path.with_name(path.name + suffix) for suffix in ("-wal", "-journal"))
    flag = "mode=ro" if any(j.exists() for j in journals) else "immutable=1"
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?{flag}", uri=True)
    try:
        has = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (JOURNAL,)).fetchone()
        return anchor(conn) if has else None
    finally:
        conn.close()


def head_of_file(path: Path) -> tuple[int, str] | None:
    """The newest event of the database file at ``path`` (sequence number, MAC)."""
    found = anchor_of_file(path)
    return (found.seq, found.mac) if found else None
