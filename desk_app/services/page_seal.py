"""The seal of a printed page: which records it printed, and a digest of their content.

A page's *fingerprint* names its form and its records compactly, and carries 64 bits of
the digest, e.g. ``L:101-118,120 9F3A-C21B-77D0-E4B1`` (log entries 101 to 118 and 120); a
person can type it from the paper. The page's QR code carries the same with the whole
digest: ``DUTYDESK1 L:101-118,120 <64 hex digits>``.

The digest is SHA-256 over one line per record, ``table \\x1f row_key \\x1f payload \\n``,
in a canonical order (by table, then key), where ``row_key`` and ``payload`` are the
journal's own SQL for the row's key and content (``storage/journal.py``): the same text the
journal's triggers record for every write. So a page can be checked against the records
as they are now, and, when the program has changed them since, against the journal: the
moment the records' contents matched the page is found by replaying the journal's events
of those records.

The forms and the records they name:

* ``L:<ids>`` a page of the shift log: those log entries;
* ``H:<id>`` a handover record: the handover, its follow-up closures, its changeover
  check and the HANDOVER entry of the log;
* ``T:<id>`` an item-release slip or an incident report: the ticket with its events,
  clocks and written report;
* ``C:<ids>`` / ``W:<ids>`` a page of the complaint (repair) register: those tickets, each
  as on ``T``;
* ``M:<yyyy-mm>`` the monthly complaint report: the month's tickets as its query selects
  them (registered in the month, desk time) with their clocks;
* ``R:<version id>`` a published roster: the version, its month and the month's cells;
  ``R:<yyyy-mm>`` a draft roster: the month and its cells.

No Qt here.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import unicodedata
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, tzinfo
from typing import Any

from sqlalchemy import Connection

from desk_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from desk_app.services.integrity import KINDS, record_name
from desk_app.storage import journal
from desk_app.storage.database import Database

QR_PREFIX = "DUTYDESK1"
LABEL = "核对码"  # printed before the fingerprint on the paper
SHORT_HEX = 16  # 64 bits on the paper
FORMS = "LHTCWMR"
MAX_IDS = 5000  # a fingerprint naming more records than this is not one of ours
_CHUNK = 500

Key = tuple[str, str]  # (table, row_key)


# -- what a fingerprint names -----------------------------------------------------------------
@dataclass(frozen=True)
class Select:
    """The rows of ``table`` whose ``column`` is one of ``values``, equals each ``where``
    pair, lies in ``between`` (from, before), or — with ``of_first`` — is one of the values
    of column ``of_first`` of the records the rule's first selection picks."""

    table: str
    column: str = "id"
    values: tuple[Any, ...] | None = None
    where: tuple[tuple[str, Any], ...] = ()
    between: tuple[str, str] | None = None
    of_first: str | None = None

    def matches(self, row: dict[str, Any], parents: Container[Any]) -> bool:
        value = row.get(self.column)
        if self.values is not None and value not in self.values:
            return False
        if any(row.get(c) != v for c, v in self.where):
            return False
        if self.between is not None and not (isinstance(value, str) and self.between[0] <= value < self.between[1]):
            return False
        return not (self.of_first is not None and value not in parents)

    def sql(self, alias: str, parents: Sequence[Any]) -> tuple[str, list[Any]]:
        """The WHERE clause over the table's rows (for the records as they are now)."""
        clauses, params = self._clauses(lambda c: f'{alias}."{c}"')
        if self.of_first is not None:
            clauses.append(f'{alias}."{self.column}" IN ({",".join("?" * len(parents)) or "NULL"})')
            params.extend(parents)
        return " AND ".join(clauses) or "1", params

    def journal_sql(self, parents: Sequence[Any]) -> tuple[str, list[Any]]:
        """The same over the journal's payloads (every content a row ever had)."""
        clauses, params = self._clauses(lambda c: f"json_extract(payload, '$.{c}')")
        if self.of_first is not None:
            clauses.append(f"json_extract(payload, '$.{self.column}') IN ({','.join('?' * len(parents)) or 'NULL'})")
            params.extend(parents)
        return " AND ".join(clauses) or "1", params

    def _clauses(self, col: Any) -> tuple[list[str], list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.values is not None:
            clauses.append(f"{col(self.column)} IN ({','.join('?' * len(self.values)) or 'NULL'})")
            params.extend(self.values)
        for c, v in self.where:
            clauses.append(f"{col(c)} = ?")
            params.append(v)
        if self.between is not None:
            clauses.append(f"{col(self.column)} >= ? AND {col(self.column)} < ?")
            params.extend(self.between)
        return clauses, params


@dataclass(frozen=True)
class Rule:
    """A form and its argument: ``L`` and ``101-118,120``."""

    form: str
    arg: str

    @property
    def name(self) -> str:
        return f"{self.form}:{self.arg}"


def _ticket_parts(first: Select) -> list[Select]:
    return [
        first,
        Select("ticket_event", "ticket_id", of_first="id"),
        Select("ticket_clock", "ticket_id", of_first="id"),
        Select("incident_report", "ticket_id", of_first="id"),
    ]


def _month_window(arg: str, tz: tzinfo) -> tuple[str, str]:
    year, month = (int(p) for p in arg.split("-"))
    start = datetime.combine(date(year, month, 1), time(0), tz)
    end = datetime.combine(date(year + month // 12, month % 12 + 1, 1), time(0), tz)
    return _db_text(start), _db_text(end)


def _db_text(instant: datetime) -> str:
    """An instant as the database stores it (naive UTC, SQLAlchemy's text form)."""
    return f"{instant.astimezone(UTC):%Y-%m-%d %H:%M:%S.%f}"


def selections(rule: Rule, tz: tzinfo) -> list[Select]:
    """The records a fingerprint names, as selections (the first one picks the parents)."""
    form, arg = rule.form, rule.arg
    if form == "L":
        return [Select("log_entry", values=tuple(expand_ids(arg)))]
    if form == "H":
        return [
            Select("handover", values=(int(arg),)),
            Select("follow_up_closure", "handover_id", of_first="id"),
            Select("handover_check", "handover_id", of_first="id"),
            Select("log_entry", "id", of_first="log_entry_id"),
        ]
    if form == "T":
        return _ticket_parts(Select("ticket", values=(int(arg),)))
    if form in "CW":
        return _ticket_parts(Select("ticket", values=tuple(expand_ids(arg))))
    if form == "M":
        return [
            Select("ticket", "created_at", between=_month_window(arg, tz)),
            Select("ticket_clock", "ticket_id", of_first="id"),
        ]
    if form == "R":
        if "-" in arg:
            year, month = (int(p) for p in arg.split("-"))
            return [
                Select("roster_month", where=(("year", year), ("month", month))),
                Select("roster_cell", "month_id", of_first="id"),
            ]
        return [
            Select("roster_version", values=(int(arg),)),
            Select("roster_month", "id", of_first="month_id"),
            Select("roster_cell", "month_id", of_first="month_id"),
        ]
    raise ValueError(form)


def compress_ids(ids: Iterable[int]) -> str:
    """101,102,…,118,120 -> '101-118,120'."""
    numbers = sorted(set(ids))
    parts: list[str] = []
    i = 0
    while i < len(numbers):
        j = i
        while j + 1 < len(numbers) and numbers[j + 1] == numbers[j] + 1:
            j += 1
        parts.append(str(numbers[i]) if i == j else f"{numbers[i]}-{numbers[j]}")
        i = j + 1
    return ",".join(parts)


def expand_ids(text: str) -> list[int]:
    out: list[int] = []
    for part in text.split(","):
        lo, _, hi = part.partition("-")
        first, last = int(lo), int(hi or lo)
        if first < 1 or last < first or len(out) + last - first + 1 > MAX_IDS:
            raise ValueError(part)
        out.extend(range(first, last + 1))
    return out


def log_rule(entry_ids: Iterable[int]) -> Rule:
    return Rule("L", compress_ids(entry_ids))


def handover_rule(handover_id: int) -> Rule:
    return Rule("H", str(handover_id))


def ticket_rule(ticket_id: int) -> Rule:
    return Rule("T", str(ticket_id))


def register_rule(complaints: bool, ticket_ids: Iterable[int]) -> Rule:
    return Rule("C" if complaints else "W", compress_ids(ticket_ids))


def monthly_rule(year: int, month: int) -> Rule:
    return Rule("M", f"{year:04d}-{month:02d}")


def roster_rule(db: Database, year: int, month: int) -> Rule:
    """The published version's fingerprint, or the draft month's."""
    with db.engine.connect() as conn:
        row = conn.exec_driver_sql(
            "SELECT v.id FROM roster_month m JOIN roster_version v ON v.month_id = m.id AND v.version = m.version "
            "WHERE m.year = ? AND m.month = ? AND m.status = 'published'",
            (year, month),
        ).first()
        conn.rollback()
    return Rule("R", str(row[0])) if row is not None else Rule("R", f"{year:04d}-{month:02d}")


# -- the seal -----------------------------------------------------------------------------
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


def _sort_key(key: Key) -> tuple[str, tuple[Any, ...]]:
    table, row_key = key
    try:
        parts = json.loads(row_key)
    except ValueError:
        parts = [row_key]
    return table, tuple((0, p) if isinstance(p, int | float) else (1, str(p)) for p in parts)


def digest_of(records: dict[Key, str]) -> str:
    """SHA-256 over the records' lines in the canonical order."""
    h = hashlib.sha256()
    for key in sorted(records, key=_sort_key):
        h.update(f"{key[0]}\x1f{key[1]}\x1f{records[key]}\n".encode())
    return h.hexdigest()


def _chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for i in range(0, len(values), _CHUNK):
        yield values[i : i + _CHUNK]


def _current(conn: Connection, rule: Rule, tz: tzinfo) -> dict[Key, str]:
    """The rule's records as they are now: (table, row_key) -> payload."""
    records: dict[Key, str] = {}
    first: list[dict[str, Any]] = []
    for index, sel in enumerate(selections(rule, tz)):
        if not _has_table(conn, sel.table):
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
        for chunk in _chunks(sel.values):
            yield from _rows(conn, replace(sel, values=tuple(chunk)), shape, parents)
        return
    if sel.of_first is not None and len(parents) > _CHUNK:
        for chunk in _chunks(parents):
            yield from _rows(conn, sel, shape, chunk)
        return
    where, params = sel.sql("t", parents)
    yield from conn.exec_driver_sql(
        f'SELECT {shape.row_key("t")}, {shape.payload("t")} FROM "{sel.table}" AS t WHERE {where}', tuple(params)
    )


def _has_table(conn: Connection, table: str) -> bool:
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
            for chunk in _chunks(log_ids):
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
                records = _current(conn, rule, tz)
            out.append(Seal(rule, digest_of(records), len(records)))
        conn.rollback()
    return out


# -- reading a fingerprint back -----------------------------------------------------------------
@dataclass(frozen=True)
class Fingerprint:
    rule: Rule
    digest: str  # 16 hex digits (typed from the paper) or 64 (scanned from the QR code)


_FULL_WIDTH = str.maketrans({"：": ":", "，": ",", "－": "-", "—": "-", "–": "-", "、": ","})
_PATTERN = re.compile(r"([A-Z])\s*:\s*([0-9,\-\s]+?)\s+([0-9A-F][0-9A-F\-\s]*)$")
_ARG = {
    "L": re.compile(r"\d+(-\d+)?(,\d+(-\d+)?)*"),
    "C": re.compile(r"\d+(-\d+)?(,\d+(-\d+)?)*"),
    "W": re.compile(r"\d+(-\d+)?(,\d+(-\d+)?)*"),
    "H": re.compile(r"\d+"),
    "T": re.compile(r"\d+"),
    "M": re.compile(r"\d{4}-\d{2}"),
    "R": re.compile(r"\d+|\d{4}-\d{2}"),
}


def _not_a_fingerprint(text: str) -> ValidationError:
    return ValidationError(
        QT_TRANSLATE_NOOP(
            "DeskError",
            "“{text}” is not a page fingerprint: type it as printed at the foot of the page, "
            "e.g. L:101-118,120 9F3A-C21B-77D0-E4B1, or scan the page's QR code.",
        ),
        text=text.strip()[:80],
    )


def parse(text: str) -> Fingerprint:
    """The form, the records and the digest of a fingerprint typed from the paper or
    scanned from its QR code. Full-width punctuation (a Chinese input method) and lower
    case are accepted; raises ValidationError for anything else."""
    cleaned = unicodedata.normalize("NFKC", text).translate(_FULL_WIDTH).strip().upper()
    cleaned = cleaned.removeprefix(QR_PREFIX).strip().removeprefix(LABEL).strip()
    match = _PATTERN.search(cleaned)
    if match is None:
        raise _not_a_fingerprint(text)
    form, arg, hexes = match.group(1), re.sub(r"\s+", "", match.group(2)), re.sub(r"[\s\-]", "", match.group(3))
    pattern = _ARG.get(form)
    if pattern is None or not pattern.fullmatch(arg) or len(hexes) not in (SHORT_HEX, 64):
        raise _not_a_fingerprint(text)
    if form == "M" or (form == "R" and "-" in arg):
        if not 1 <= int(arg[5:]) <= 12:
            raise _not_a_fingerprint(text)
    elif form in "LCW":
        try:
            arg = compress_ids(expand_ids(arg))
        except ValueError:
            raise _not_a_fingerprint(text) from None
    elif int(arg) < 1:
        raise _not_a_fingerprint(text)
    else:
        arg = str(int(arg))
    return Fingerprint(Rule(form, arg), hexes.lower())


# -- checking a page against the database -------------------------------------------------------
@dataclass(frozen=True)
class JournalRow:
    seq: int
    table: str
    row_key: str
    payload: str | None
    at: str


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
            for chunk in _chunks([json.dumps([v]) for v in values]):
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
                content = _parsed(payload)
                for later in selects[1:]:
                    if later.of_first and content.get(later.of_first) is not None:
                        parents.setdefault(later.of_first, set()).add(content[later.of_first])
    return [rows[s] for s in sorted(rows)]


@functools.lru_cache(maxsize=65536)
def _parsed(payload: str) -> dict[str, Any]:
    return dict(json.loads(payload))


def _members(state: dict[Key, str], selects: Sequence[Select]) -> dict[Key, str]:
    """The records of ``state`` (every row's content at a moment) that the rule names."""
    parsed = {k: _parsed(v) for k, v in state.items()}
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
        now = _current(conn, fp.rule, tz)
        events = _journal_rows(conn, fp.rule, tz) if _has_table(conn, journal.JOURNAL) else []
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
    moment = _find_moment(fp.digest, events, selects)
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
    for key in sorted(set(now) | set(journaled), key=_sort_key):
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


class _Replay:
    """The rule's records at a moment of the journal, kept up to date one row at a time
    (a month of tickets is thousands of events: recomputing the set at each would not do)."""

    def __init__(self, selects: Sequence[Select], keys: Iterable[Key]) -> None:
        self.selects = list(selects)
        self.first = self.selects[0]
        self.rank = {k: n for n, k in enumerate(sorted(set(keys), key=_sort_key))}
        self.state: dict[Key, dict[str, Any]] = {}
        self.lines: dict[Key, bytes] = {}  # the members: the line each adds to the digest
        self.firsts: set[Key] = set()
        self.parents: dict[str, dict[Any, int]] = {s.of_first: {} for s in self.selects if s.of_first}
        self.children: dict[tuple[str, str], dict[Any, set[Key]]] = {
            (s.table, s.column): {} for s in self.selects if s.of_first
        }

    def _member(self, key: Key) -> bool:
        row = self.state.get(key)
        if row is None:
            return False
        for sel in self.selects:
            if sel.table != key[0]:
                continue
            parents = self.parents.get(sel.of_first, {}) if sel.of_first else {}
            if sel is self.first:
                if sel.matches(row, set()):
                    return True
            elif sel.matches(row, parents.keys()):
                return True
        return False

    def _refresh(self, key: Key, payload: str | None) -> None:
        if self._member(key) and payload is not None:
            self.lines[key] = f"{key[0]}\x1f{key[1]}\x1f{payload}\n".encode()
        else:
            self.lines.pop(key, None)

    def set(self, key: Key, payload: str | None, payloads: dict[Key, str]) -> None:
        """Row ``key`` now holds ``payload`` (None: it does not exist)."""
        old = self.state.get(key)
        new = _parsed(payload) if payload is not None else None
        for (table, column), index in self.children.items():
            if table != key[0]:
                continue
            if old is not None:
                index.get(old.get(column), set()).discard(key)
            if new is not None:
                index.setdefault(new.get(column), set()).add(key)
        if new is None:
            self.state.pop(key, None)
        else:
            self.state[key] = new
        payloads_changed: list[tuple[str, Any]] = []
        if key[0] == self.first.table:
            was = key in self.firsts
            now = new is not None and self.first.matches(new, set())
            for column, counts in self.parents.items():
                before = old.get(column) if was and old is not None else None
                after = new.get(column) if now and new is not None else None
                if before == after:
                    continue
                if before is not None:
                    counts[before] -= 1
                    if not counts[before]:
                        del counts[before]
                        payloads_changed.append((column, before))
                if after is not None:
                    counts[after] = counts.get(after, 0) + 1
                    if counts[after] == 1:
                        payloads_changed.append((column, after))
            if now:
                self.firsts.add(key)
            else:
                self.firsts.discard(key)
        self._refresh(key, payload)
        for column, value in payloads_changed:
            for sel in self.selects:
                if sel.of_first == column:
                    for child in self.children[(sel.table, sel.column)].get(value, set()):
                        self._refresh(child, payloads.get(child))

    def digest(self) -> str | None:
        if not self.lines:
            return None
        h = hashlib.sha256()
        for key in sorted(self.lines, key=self.rank.__getitem__):
            h.update(self.lines[key])
        return h.hexdigest()


def _find_moment(digest: str, events: list[JournalRow], selects: list[Select]) -> JournalRow | None:
    """The newest moment of the journal at which the named records matched the page,
    walking back from the present (a page was most likely printed recently): the journal
    event that ended that transaction.

    A moment is the end of a transaction (the events one transaction writes share their
    instant, ``at``): a page is printed from committed records only."""
    history: dict[Key, list[JournalRow]] = {}
    for event in events:
        history.setdefault((event.table, event.row_key), []).append(event)
    replay = _Replay(selects, history)
    payloads: dict[Key, str] = {}
    for key, rows in history.items():
        if rows[-1].payload is not None:
            payloads[key] = rows[-1].payload
    for key in history:
        replay.set(key, payloads.get(key), payloads)
    position = {k: len(h) - 1 for k, h in history.items()}
    for n in range(len(events) - 1, -1, -1):
        event = events[n]
        if n == len(events) - 1 or events[n + 1].at != event.at:  # the end of a transaction
            found = replay.digest()
            if found is not None and found.startswith(digest):
                return event
        key = (event.table, event.row_key)
        position[key] -= 1
        before = history[key][position[key]].payload if position[key] >= 0 else None
        if before is None:
            payloads.pop(key, None)
        else:
            payloads[key] = before
        replay.set(key, before, payloads)
    return None
