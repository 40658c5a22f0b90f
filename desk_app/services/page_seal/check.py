"""Checking a page against the database: are its records as printed, as they were at a
moment the journal knows, changed behind the program's back, or never held? No Qt here."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from typing import Any

from sqlalchemy import Connection

from desk_app.domain.errors import QT_TRANSLATE_NOOP
from desk_app.services.integrity import KINDS, record_name
from desk_app.services.page_seal.fingerprint import Fingerprint, parse
from desk_app.services.page_seal.replay import JournalRow, find_moment, parse_payload
from desk_app.services.page_seal.rules import Key, Rule, Select, selections
from desk_app.services.page_seal.sealing import chunks, current_records, digest_of, has_table, sort_key
from desk_app.storage import journal
from desk_app.storage.database import Database


@dataclass(frozen=True)
class Sentence:
    """One sentence of an answer: an English template marked for translation (context
    ``DeskError``) and its values. A ``record`` value comes with its ``kind`` and ``key``
    too, so that the window can say the kind in its own language (context ``RecordKind``)."""

    template: str
    params: dict[str, Any] = field(default_factory=dict)

    def english(self) -> str:
        return self.template.format(**self.params)


@dataclass
class PageCheck:
    """The answer for a supervisor. ``verdict`` is ``matches`` (the records are as
    printed), ``superseded`` (the page shows them as they were at a moment the journal
    knows; the program changed them since), ``tampered`` (a record was changed behind the
    program's back), ``never`` (no moment in the journal matches the page) or ``missing``
    (no such records)."""

    verdict: str
    sentences: list[Sentence]
    count: int = 0

    @property
    def ok(self) -> bool:
        return self.verdict in ("matches", "superseded")

    def english(self) -> str:
        return " ".join(s.english() for s in self.sentences)


# The kinds of records (services/integrity.py), for the window to translate.
RECORD_KINDS = (
    QT_TRANSLATE_NOOP("RecordKind", "account"),
    QT_TRANSLATE_NOOP("RecordKind", "audit event"),
    QT_TRANSLATE_NOOP("RecordKind", "day signature"),
    QT_TRANSLATE_NOOP("RecordKind", "changeover check"),
    QT_TRANSLATE_NOOP("RecordKind", "follow-up closure"),
    QT_TRANSLATE_NOOP("RecordKind", "handover record"),
    QT_TRANSLATE_NOOP("RecordKind", "handover item"),
    QT_TRANSLATE_NOOP("RecordKind", "handover item change"),
    QT_TRANSLATE_NOOP("RecordKind", "incident report"),
    QT_TRANSLATE_NOOP("RecordKind", "log entry"),
    QT_TRANSLATE_NOOP("RecordKind", "roster cell"),
    QT_TRANSLATE_NOOP("RecordKind", "roster month"),
    QT_TRANSLATE_NOOP("RecordKind", "roster version"),
    QT_TRANSLATE_NOOP("RecordKind", "ticket"),
    QT_TRANSLATE_NOOP("RecordKind", "ticket clock"),
    QT_TRANSLATE_NOOP("RecordKind", "ticket event"),
)


def _record(key: Key) -> dict[str, Any]:
    name = record_name(*key)
    kind = KINDS.get(key[0], key[0])
    return {"record": name, "kind": kind, "key": name[len(kind) + 1 :]}


def _journal_rows(conn: Connection, rule: Rule, tz: tzinfo) -> list[JournalRow]:
    """Every journal event of every row the rule could ever have named, in order."""
    selects = selections(rule, tz)
    rows: dict[int, JournalRow] = {}
    parents: dict[str, set[Any]] = {}
    columns = "seq, tbl, row_key, payload, at"
    for index, sel in enumerate(selects):
        values = sorted(parents.get(sel.of_first, set())) if sel.of_first else list(sel.values or ())
        if sel.column == "id" and not sel.where and sel.between is None:
            # By key: the journal's index finds them.
            found: list[Any] = []
            for chunk in chunks([json.dumps([v]) for v in values]):
                found += conn.exec_driver_sql(
                    f"SELECT {columns} FROM {journal.JOURNAL} WHERE tbl = ? AND row_key IN "
                    f"({','.join('?' * len(chunk))})",
                    (sel.table, *chunk),
                ).all()
        else:
            where, params = sel.journal_sql(values)
            found = list(
                conn.exec_driver_sql(
                    f"SELECT {columns} FROM {journal.JOURNAL} WHERE tbl = ? AND row_key IN "
                    f"(SELECT row_key FROM {journal.JOURNAL} WHERE tbl = ? AND payload IS NOT NULL AND {where})",
                    (sel.table, sel.table, *params),
                ).all()
            )
        for seq, tbl, row_key, payload, at in found:
            rows[int(seq)] = JournalRow(int(seq), str(tbl), str(row_key), payload, str(at))
            if index == 0 and payload is not None:
                content = parse_payload(payload)
                for later in selects[1:]:
                    if later.of_first and content.get(later.of_first) is not None:
                        parents.setdefault(later.of_first, set()).add(content[later.of_first])
    return [rows[s] for s in sorted(rows)]


def _members(state: dict[Key, str], selects: Sequence[Select]) -> dict[Key, str]:
    """The records of ``state`` (every row's content at a moment) that the rule names."""
    parsed = {k: parse_payload(v) for k, v in state.items()}
    first = selects[0]
    chosen = {k: state[k] for k, row in parsed.items() if k[0] == first.table and first.matches(row, set())}
    parents_by: dict[str, set[Any]] = {}
    for sel in selects[1:]:
        if sel.of_first is None:
            continue
        if sel.of_first not in parents_by:
            parents_by[sel.of_first] = {parsed[k].get(sel.of_first) for k in chosen if k[0] == first.table} - {None}
    for sel in selects[1:]:
        parents = parents_by.get(sel.of_first or "", set())
        for k, row in parsed.items():
            if k[0] == sel.table and sel.matches(row, parents):
                chosen[k] = state[k]
    return chosen


def _local(at: str, tz: tzinfo) -> str:
    return f"{datetime.fromisoformat(at).replace(tzinfo=UTC).astimezone(tz):%Y-%m-%d %H:%M}"


def check_page(db: Database, text: str, tz: tzinfo) -> PageCheck:
    """Whether the database still holds exactly the records the page printed.

    Raises ValidationError when ``text`` is not a fingerprint at all."""
    fp = parse(text)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("SELECT 1 FROM sqlite_master LIMIT 1").all()  # one snapshot from here
        now = current_records(conn, fp.rule, tz)
        events = _journal_rows(conn, fp.rule, tz) if has_table(conn, journal.JOURNAL) else []
        conn.rollback()
    return _judge(fp, now, events, selections(fp.rule, tz), tz)


def _judge(
    fp: Fingerprint, now: dict[Key, str], events: list[JournalRow], selects: list[Select], tz: tzinfo
) -> PageCheck:
    name = fp.rule.name
    # The newest content the journal holds for each row, and which of them the rule names.
    newest: dict[Key, JournalRow] = {}
    for event in events:
        newest[(event.table, event.row_key)] = event
    state = {k: e.payload for k, e in newest.items() if e.payload is not None}
    journaled = _members(state, selects)

    first = selects[0]
    if first.values is not None and first.column == "id":
        keys = [(first.table, json.dumps([v])) for v in first.values]
        absent = [k for k in keys if k not in now and k not in newest]
        if len(absent) == len(keys):
            return PageCheck("missing", [Sentence(NO_SUCH_RECORDS, {"name": name})])
        if absent:
            return PageCheck("missing", [Sentence(NO_SUCH_RECORD, _record(absent[0]))])

    problem = _first_difference(now, journaled, newest)
    moment = find_moment(fp.digest, events, selects)
    if problem is not None:
        sentences = [problem]
        if moment is not None:
            sentences.append(Sentence(GENUINE_PAGE, {"name": name, "at": _local(moment.at, tz)}))
        return PageCheck("tampered", sentences)
    if not now and not journaled and not events:
        return PageCheck("missing", [Sentence(NO_SUCH_RECORDS, {"name": name})])
    if digest_of(now).startswith(fp.digest):
        return PageCheck("matches", [Sentence(MATCHES, {"count": len(now), "name": name})], count=len(now))
    later = [e for e in events if moment is not None and e.seq > moment.seq]
    if moment is not None and later:
        params = {
            "at": _local(moment.at, tz),
            "seq": later[0].seq,
            "more": len(later) - 1,
            "name": name,
            **_record((later[0].table, later[0].row_key)),
        }
        return PageCheck("superseded", [Sentence(SUPERSEDED_MORE if len(later) > 1 else SUPERSEDED, params)], len(now))
    return PageCheck("never", [Sentence(NEVER_HELD, {"name": name})])


MATCHES = QT_TRANSLATE_NOOP(
    "DeskError", "Matches: the database still holds exactly the {count} records this page printed ({name})."
)
SUPERSEDED = QT_TRANSLATE_NOOP(
    "DeskError",
    "The page shows these records ({name}) as they were at {at}; changed since by the program: "
    "{record} (journal event #{seq}).",
)
SUPERSEDED_MORE = QT_TRANSLATE_NOOP(
    "DeskError",
    "The page shows these records ({name}) as they were at {at}; changed since by the program: "
    "{record} (journal event #{seq}) and {more} more changes.",
)
NO_SUCH_RECORDS = QT_TRANSLATE_NOOP("DeskError", "Does NOT match: there are no such records ({name}) in the database.")
NO_SUCH_RECORD = QT_TRANSLATE_NOOP(
    "DeskError", "Does NOT match: there is no {record} in the database (the page names it)."
)
NEVER_HELD = QT_TRANSLATE_NOOP(
    "DeskError",
    "Does NOT match: the database never held these records ({name}) as this page shows them: a forged page, "
    "records changed before the journal saw them, or a mistyped fingerprint.",
)
GENUINE_PAGE = QT_TRANSLATE_NOOP(
    "DeskError", "The page itself shows the records {name} as the program held them at {at}."
)
ADDED = QT_TRANSLATE_NOOP(
    "DeskError", "Does NOT match: {record} was added behind the program's back (no journal event records it)."
)
REMOVED = QT_TRANSLATE_NOOP(
    "DeskError", "Does NOT match: {record} was removed behind the program's back (journal event #{seq})."
)
BACK = QT_TRANSLATE_NOOP(
    "DeskError", "Does NOT match: {record} was deleted by the program (journal event #{seq}) but is back."
)
CHANGED = QT_TRANSLATE_NOOP(
    "DeskError",
    "Does NOT match: {record} was changed behind the program's back (it differs from journal event #{seq}).",
)


def _first_difference(now: dict[Key, str], journaled: dict[Key, str], newest: dict[Key, JournalRow]) -> Sentence | None:
    """The first record (canonical order) that is not what the program last wrote."""
    for key in sorted(set(now) | set(journaled), key=sort_key):
        event = newest.get(key)
        if key in now and key in journaled and now[key] == journaled[key]:
            continue
        if event is None:
            return Sentence(ADDED, _record(key))
        if key not in now and event.payload is None:
            continue  # deleted by the program: it no longer belongs to the page's records
        params = {**_record(key), "seq": event.seq}
        if key not in now:
            return Sentence(REMOVED, params)
        if event.payload is None:
            return Sentence(BACK, params)
        return Sentence(CHANGED, params)
    return None
