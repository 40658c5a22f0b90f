"""Checking every record against the journal, and the journal against its witnesses.

``verify`` reads the whole database in one read transaction (a consistent snapshot: a
program writing at the same time is not seen half-way), streams the journal in order and
the tables row by row, and reports the first problem of each kind in words a supervisor
understands: which record (kind and number) was changed, removed or added behind the
program's back, where the chain of events breaks, whether the search index still says
what the log says, and whether the database is behind or beside the newest witness in
the backup folder.

A *witness* is a small file in the backup folder (a USB drive, a network share) holding
the journal's head at a moment: its sequence number and MAC, and the MAC of the journal's
first event, which names the chain. A truncated or wiped log, a file rolled back to an
older copy, or a chain recomputed from scratch no longer reaches the witness's head.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from desk_app.atomic_files import write_atomically
from desk_app.domain.clock import Clock
from desk_app.storage import journal
from desk_app.storage.database import Database, sqlite_path

WITNESS_PREFIX = "dutydesk-witness-"
WITNESS_SUFFIX = ".json"

# What each table holds, in a supervisor's words.
KINDS = {
    "account": "account",
    "audit_event": "audit event",
    "day_review": "day signature",
    "desk": "desk",
    "desk_settings": "desk settings",
    "follow_up_closure": "follow-up closure",
    "handover": "handover record",
    "handover_check": "changeover check",
    "handover_item": "handover item",
    "handover_item_change": "handover item change",
    "holiday_day": "holiday table day",
    "holiday_year": "holiday year confirmation",
    "incident_report": "incident report",
    "log_chain_head": "log chain head",
    "log_entry": "log entry",
    "price_item": "price item",
    "resident": "resident",
    "roster_cell": "roster cell",
    "roster_change": "roster change",
    "roster_month": "roster month",
    "roster_version": "roster version",
    "roster_wish": "roster wish",
    "shift_follow_ban": "shift-order rule",
    "shift_need": "shift staffing need",
    "shift_template": "shift",
    "staff_request": "staff request",
    "staff_rule": "staff rule",
    "ticket": "ticket",
    "ticket_clock": "ticket clock",
    "ticket_event": "ticket event",
    "ticket_notice": "ticket notice",
    "ticket_notice_seen": "ticket notice read mark",
    "ticket_rule": "ticket rule",
}


def record_name(table: str, row_key: str) -> str:
    """'log entry #12', 'ticket rule complaint', 'shift-order rule 1/2'."""
    try:
        parts = json.loads(row_key)
    except ValueError:
        parts = [row_key]
    key = "/".join(str(p) for p in parts) if isinstance(parts, list) else str(parts)
    kind = KINDS.get(table, table)
    return f"{kind} #{key}" if key.isdigit() else f"{kind} {key}"


@dataclass(frozen=True)
class Finding:
    """One problem: ``what`` is 'changed', 'removed', 'inserted', 'chain', 'index',
    'triggers', 'behind' or 'diverged'."""

    what: str
    message: str
    table: str | None = None
    row_key: str | None = None
    seq: int | None = None


@dataclass
class IntegrityReport:
    events: int = 0
    rows: int = 0
    tables: int = 0
    log_entries: int = 0
    unkeyed_events: int = 0
    unverifiable_events: int = 0
    head: journal.Head | None = None
    witness: Witness | None = None
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.findings

    def describe(self) -> str:
        if not self.ok:
            return "FAILED: " + "\n        ".join(f.message for f in self.findings)
        line = (
            f"OK: {self.log_entries} log entries and {self.rows} records in {self.tables} tables "
            f"match the journal's {self.events} events"
        )
        if self.witness is not None:
            line += f"; the database reaches the witness of {self.witness.at[:16]} (event #{self.witness.seq})"
        else:
            line += "; no witness found to compare with"
        notes = list(self.notes)
        if self.unverifiable_events:
            notes.append(
                f"{self.unverifiable_events} events were sealed with a key this computer's credential store "
                "does not hold: their links were checked, their seals could not be"
            )
        if self.unkeyed_events:
            notes.append(f"{self.unkeyed_events} events are sealed without a key (no credential store when written)")
        return line + "." + "".join(f"\nNote: {n}." for n in notes)


@dataclass(frozen=True)
class Witness:
    path: Path
    chain: str  # the MAC of the journal's first event: which chain this witnesses
    seq: int
    mac: str
    at: str
    restored: bool = False  # written by a restore: the chain restarts from here


# -- verifying ---------------------------------------------------------------------------------
def verify(db: Database, witness_dirs: list[Path] | None = None) -> IntegrityReport:
    report = IntegrityReport()
    ctx = journal.context_of(db.engine) or journal.JournalContext()
    with db.engine.connect() as conn:
        conn.exec_driver_sql("SELECT 1 FROM sqlite_master LIMIT 1").all()  # the snapshot starts here
        _check_chain(conn, ctx, report)
        _check_tables(conn, report)
        if witness_dirs:
            _check_witnesses(conn, _first_mac(conn), report, witness_dirs)
        conn.rollback()
    _check_log_index(db, report)
    return report


def _check_chain(conn: Connection, ctx: journal.JournalContext, report: IntegrityReport) -> None:
    """Walk every event in order: numbers without gaps, each linked to the one before,
    each seal right. The hot loop of ``verify``: plain tuples from the driver's cursor,
    one prepared HMAC per key."""
    expected, prev, keyed_before = 1, "", False
    sealers: dict[str, hmac.HMAC | None] = {}
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    cursor.execute(
        f"SELECT seq, key_id, tbl, row_key, op, payload, writer, at, prev, mac FROM {journal.JOURNAL} ORDER BY seq"
    )

    def fail(event: tuple[Any, ...], problem: str) -> None:
        seq, _kid, tbl, row_key = event[:4]
        where = f"journal event #{seq} ({record_name(tbl, row_key)})"
        report.findings.append(Finding("chain", f"{where} {problem}", tbl, row_key, seq))

    for event in cursor:
        seq, key_id, tbl, row_key, op, payload, writer, at, event_prev, event_mac = event
        report.events += 1
        if seq != expected:
            fail(
                event, f"follows event #{expected - 1}: events #{expected} to #{seq - 1} were removed from the journal"
            )
            return
        if event_prev != prev:
            fail(event, "does not follow the event before it (events inserted, removed or reordered)")
            return
        if key_id == journal.UNKEYED:
            report.unkeyed_events += 1
            if keyed_before:
                fail(
                    event,
                    "is sealed without a key after events sealed with the desk's key: "
                    "the journal was re-sealed by someone who does not hold the key",
                )
                return
        else:
            keyed_before = True
        if key_id not in sealers:
            key = ctx.key(key_id)
            sealers[key_id] = None if key is None else hmac.new(key, digestmod=hashlib.sha256)
        sealer = sealers[key_id]
        if sealer is None:
            report.unverifiable_events += 1
        else:
            check = sealer.copy()
            check.update(journal.message(seq, key_id, event_prev, tbl, row_key, op, payload, writer, at))
            if check.hexdigest() != event_mac:
                fail(event, "was changed after it was written")
                return
        prev, expected = event_mac, seq + 1
    cursor.close()
    report.head = journal.head(conn)


def _check_tables(conn: Connection, report: IntegrityReport) -> None:
    tables = journal.covered_tables(conn)
    triggers = {str(n) for (n,) in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    journaled = {str(t) for (t,) in conn.exec_driver_sql(f"SELECT DISTINCT tbl FROM {journal.JOURNAL}")}
    for gone in sorted(journaled - set(tables)):
        report.findings.append(
            Finding("removed", f"the whole table of {KINDS.get(gone, gone)} records was removed", gone)
        )
    for table in tables:
        report.tables += 1
        missing = [t for t in journal.drop_triggers_ddl(table) if t.rsplit(" ", 1)[-1] not in triggers]
        if missing:
            report.findings.append(
                Finding(
                    "triggers",
                    f"the journal's triggers on the {KINDS.get(table, table)} records were removed "
                    "(writes there are no longer recorded)",
                    table,
                )
            )
        _check_table(conn, journal.shape(conn, table), report)


def _check_table(conn: Connection, shape: journal.TableShape, report: IntegrityReport) -> None:
    table = shape.name
    rows = conn.exec_driver_sql(f'SELECT count(*) FROM "{table}"').scalar_one()
    report.rows += int(rows)
    if table == "log_entry":
        report.log_entries = int(rows)
    bad: tuple[Any, ...] | None = None
    try:
        found = conn.exec_driver_sql(
            f'SELECT k, p FROM (SELECT {shape.row_key("t")} AS k, {shape.payload("t")} AS p FROM "{table}" AS t) '
            f"WHERE p IS NOT (SELECT j.payload FROM {journal.JOURNAL} AS j WHERE j.tbl = ? AND j.row_key = k "
            "ORDER BY j.seq DESC LIMIT 1) LIMIT 1",
            (table,),
        ).first()
        if found is not None:
            newest = conn.exec_driver_sql(
                f"SELECT seq, payload FROM {journal.JOURNAL} WHERE tbl = ? AND row_key = ? ORDER BY seq DESC LIMIT 1",
                (table, found[0]),
            ).first()
            bad = (found[0], found[1], *(newest or (None, None)))
    except Exception as exc:  # a value no program of ours writes (binary data, say)
        report.findings.append(
            Finding(
                "changed",
                f"the {KINDS.get(table, table)} records hold a value the program never writes ({exc})",
                table,
            )
        )
        return
    if bad is not None:
        key, _payload, seq, journaled = bad
        name = record_name(table, key)
        if seq is None:
            message = f"{name} was added behind the program's back (no journal event records it)"
            what = "inserted"
        elif journaled is None:
            message = f"{name} was deleted by the program (journal event #{seq}) but is back"
            what = "inserted"
        else:
            message = f"{name} was changed behind the program's back (it differs from journal event #{seq})"
            what = "changed"
        report.findings.append(Finding(what, message, table, key, seq))
    match = " AND ".join(f"t.\"{c}\" = json_extract(g.row_key, '$[{i}]')" for i, c in enumerate(shape.key))
    gone = conn.exec_driver_sql(
        f"SELECT g.row_key, g.s FROM (SELECT row_key, payload, MAX(seq) AS s FROM {journal.JOURNAL} "
        "WHERE tbl = ? GROUP BY row_key) AS g "
        f'WHERE g.payload IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "{table}" AS t WHERE {match}) '
        "ORDER BY g.s LIMIT 1",
        (table,),
    ).first()
    if gone is not None:
        name = record_name(table, gone[0])
        report.findings.append(
            Finding(
                "removed",
                f"{name} was removed behind the program's back (journal event #{gone[1]})",
                table,
                gone[0],
                gone[1],
            )
        )


def _check_log_index(db: Database, report: IntegrityReport) -> None:
    """The search index is derived data: FTS5's own integrity check compares the whole
    index with the text recomputed from each log entry (the view ``log_index_source``).

    The check takes the write lock for a moment and writes nothing (rolled back); on a
    file this user may not write, it is skipped and said so."""
    path = sqlite_path(db.url)
    if path is None:
        return
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        report.notes.append("the search index was not checked: the database file is read-only")
        return
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=5)
    try:
        journal.install_functions(conn, journal.JournalContext())
        has = conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (journal.LOG_INDEX_SOURCE,)).fetchone()
        if not has:
            return
        try:
            # The write lock first (waiting for the program's writes, up to 5 s): FTS5's
            # check is a write statement, and a read-then-write would fail when another
            # connection commits in between. Nothing is written; it is rolled back.
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT INTO log_fts(log_fts, rank) VALUES ('integrity-check', 1)")
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            report.notes.append("the search index was not checked: another program held the database for 5 s")
        except sqlite3.DatabaseError as exc:
            if "malformed" not in str(exc) and "corrupt" not in str(exc):
                raise
            report.findings.append(
                Finding(
                    "index",
                    "the log's search index no longer says what the entries say (searching would miss or "
                    "invent entries): it was edited behind the program's back",
                    "log_entry",
                )
            )
        finally:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
    finally:
        conn.close()


def _first_mac(conn: Connection) -> str | None:
    row = conn.exec_driver_sql(f"SELECT mac FROM {journal.JOURNAL} WHERE seq = 1").first()
    return str(row[0]) if row else None


def _check_witnesses(conn: Connection, first: str | None, report: IntegrityReport, dirs: list[Path]) -> None:
    found = list(witnesses(dirs))
    restores = [w for w in found if w.restored]
    if restores:
        # A restore is a deliberate step back: what the folder saw before it is superseded.
        last = max(restores, key=lambda w: w.at)
        found = [w for w in found if w.at >= last.at]
        report.notes.append(
            f"the database was restored from a backup on {last.at[:16]} (journal event #{last.seq}); "
            "witnesses from before the restore are not compared"
        )
    if not found:
        return
    ours = [w for w in found if w.chain == first]
    if not ours:
        newest = max(found, key=lambda w: (w.at, w.seq))
        report.findings.append(
            Finding(
                "diverged",
                f"the database does not continue the chain that the witness {newest.path} saw on "
                f"{newest.at[:16]} (event #{newest.seq}): it was wiped, rebuilt or recomputed, "
                "or it is another desk's database",
            )
        )
        return
    witness = max(ours, key=lambda w: w.seq)
    report.witness = witness
    head = report.head
    if head is None or head.seq < witness.seq:
        report.findings.append(
            Finding(
                "behind",
                f"the database ends at journal event #{head.seq if head else 0}, but the witness {witness.path} "
                f"saw event #{witness.seq} on {witness.at[:16]}: newer records were removed or the file was "
                "rolled back to an older copy",
            )
        )
        return
    row = conn.exec_driver_sql(f"SELECT mac FROM {journal.JOURNAL} WHERE seq = ?", (witness.seq,)).first()
    if row is None or row[0] != witness.mac:
        report.findings.append(
            Finding(
                "diverged",
                f"journal event #{witness.seq} is not the one the witness {witness.path} saw on {witness.at[:16]}: "
                "the records were rewritten since",
                seq=witness.seq,
            )
        )


# -- witnesses ---------------------------------------------------------------------------------
def witnesses(dirs: list[Path]) -> Iterator[Witness]:
    for folder in dirs:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob(f"{WITNESS_PREFIX}*{WITNESS_SUFFIX}")):
            try:
                data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
                yield Witness(
                    path,
                    str(data["chain"]),
                    int(data["seq"]),
                    str(data["mac"]),
                    str(data["at"]),
                    bool(data.get("restored", False)),
                )
            except (OSError, ValueError, KeyError, TypeError):
                continue  # not a witness (or a damaged one): other witnesses still count


def write_witness(database: Path, folder: Path, clock: Clock, *, restored: bool = False) -> Path | None:
    """Write where the journal of ``database`` stands into ``folder`` (one file a day,
    replaced by later ones of the same day; never moved backwards). None when the
    journal is still empty. Reads the database without writing to it."""
    found = journal.anchor_of_file(Path(database))
    if found is None:
        return None
    now: datetime = clock.now()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{WITNESS_PREFIX}{now.strftime('%Y%m%d')}{WITNESS_SUFFIX}"
    for old in witnesses([folder]):
        if old.path == target and (restored or old.chain != found.chain or old.seq > found.seq):
            # An older copy, or another database, written into the same folder must not
            # erase what the folder saw: this one gets its own file.
            target = folder / f"{WITNESS_PREFIX}{now.strftime('%Y%m%dT%H%M%S')}{WITNESS_SUFFIX}"
    body = {
        "what": "DutyDesk journal witness: the newest event the database held at this moment",
        "database": str(Path(database).resolve()),
        "chain": found.chain,
        "seq": found.seq,
        "mac": found.mac,
        "at": now.isoformat(),
        "restored": restored,
    }
    data = (json.dumps(body, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    write_atomically(target, lambda handle: handle.write(data))
    return target
