"""Replaying the journal: the moment at which a page's records matched its digest. No Qt here."""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from desk_app.services.page_seal.rules import Key, Select
from desk_app.services.page_seal.sealing import sort_key


@dataclass(frozen=True)
class JournalRow:
    seq: int
    table: str
    row_key: str
    payload: str | None
    at: str


@functools.lru_cache(maxsize=65536)
def parse_payload(payload: str) -> dict[str, Any]:
    return dict(json.loads(payload))


class _Replay:
    """The rule's records at a moment of the journal, kept up to date one row at a time
    (a month of tickets is thousands of events: recomputing the set at each would not do)."""

    def __init__(self, selects: Sequence[Select], keys: Iterable[Key]) -> None:
        self.selects = list(selects)
        self.first = self.selects[0]
        self.rank = {k: n for n, k in enumerate(sorted(set(keys), key=sort_key))}
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
        new = parse_payload(payload) if payload is not None else None
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


def find_moment(digest: str, events: list[JournalRow], selects: list[Select]) -> JournalRow | None:
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
