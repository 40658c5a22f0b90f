"""What a page's fingerprint names: its form and its records, as selections of rows.

``L:101-118,120`` is a form (``L``, the shift log) and its argument (the records); see the
package's docstring for every form. No Qt here.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, tzinfo
from typing import Any

from desk_app.storage.database import Database

FORMS = "LHTCWMR"
MAX_IDS = 5000  # a fingerprint naming more records than this is not one of ours

Key = tuple[str, str]  # (table, row_key)


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
