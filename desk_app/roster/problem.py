"""The roster problem in the JSON form of ``desk-app roster solve`` (issue 5), read into
plain dataclasses with every field checked, so a bad file gets one clear message.

Days are numbered from 0 (``start_date``). In ``requests`` and ``locked`` a ``shift`` of
null means the whole day: an "on" request to work any shift, an "off" request for the
day off, a locked day off.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from desk_app.domain.roster import WishKind

_TIME = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")
MAX_DAYS = 366
MAX_STAFF = 500
MAX_SHIFTS = 50


class ProblemError(ValueError):
    """A roster problem that cannot be read: the message says where and why."""


@dataclass(frozen=True)
class Shift:
    id: str
    start_minute: int
    minutes: int
    cannot_be_followed_by: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Staff:
    id: str
    max_shifts: Mapping[str, int]  # shift id → most a period; a shift not named: no limit
    min_minutes: int = 0
    max_minutes: int | None = None
    max_consecutive_days: int | None = None
    min_consecutive_days: int = 1
    min_consecutive_days_off: int = 1
    max_weekends: int | None = None
    days_off: frozenset[int] = frozenset()

    def may_work(self, shift: str) -> bool:
        return self.max_shifts.get(shift, 1) > 0


@dataclass(frozen=True)
class Request:
    staff: str
    day: int
    shift: str | None  # None: any shift ("on") / the whole day ("off")
    kind: WishKind
    weight: int


@dataclass(frozen=True)
class Cover:
    day: int
    shift: str
    required: int
    under_weight: int
    over_weight: int


@dataclass(frozen=True)
class Locked:
    staff: str
    day: int
    shift: str | None  # None: a day off


@dataclass(frozen=True)
class Problem:
    start_date: date
    days: int
    shifts: tuple[Shift, ...]
    staff: tuple[Staff, ...]
    requests: tuple[Request, ...] = ()
    cover: tuple[Cover, ...] = ()
    locked: tuple[Locked, ...] = ()
    shift_index: dict[str, Shift] = field(default_factory=dict, compare=False)

    def date_of(self, day: int) -> date:
        return self.start_date + timedelta(days=day)

    def weekends(self) -> list[list[int]]:
        """The period's weekends as lists of day numbers (Saturday and the Sunday after it;
        a weekend cut by the period's edge keeps its day inside)."""
        groups: dict[date, list[int]] = {}
        for day in range(self.days):
            d = self.date_of(day)
            if d.weekday() >= 5:
                saturday = d - timedelta(days=d.weekday() - 5)
                groups.setdefault(saturday, []).append(day)
        return [groups[k] for k in sorted(groups)]


def _need(data: Mapping[str, Any], key: str, where: str) -> Any:
    if key not in data:
        raise ProblemError(f"{where}: '{key}' is missing")
    return data[key]


def _int(value: Any, where: str, low: int = 0, high: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ProblemError(f"{where}: {value!r} is not a whole number")
    if value < low or (high is not None and value > high):
        bound = f"from {low} to {high}" if high is not None else f"at least {low}"
        raise ProblemError(f"{where}: {value} must be {bound}")
    return value


def _optional_int(value: Any, where: str, low: int = 0, high: int | None = None) -> int | None:
    return None if value is None else _int(value, where, low, high)


def _list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise ProblemError(f"{where}: a list is expected")
    return value


def _object(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise ProblemError(f"{where}: an object is expected")
    return value


def load_problem(data: Any) -> Problem:
    """Check and read a problem given as parsed JSON."""
    top = _object(data, "problem")
    raw_start = _need(top, "start_date", "problem")
    try:
        start = date.fromisoformat(str(raw_start))
    except ValueError:
        raise ProblemError(f"problem: start_date {raw_start!r} is not a date (YYYY-MM-DD)") from None
    days = _int(_need(top, "days", "problem"), "problem: days", 1, MAX_DAYS)

    shifts: list[Shift] = []
    raw_shifts = _list(_need(top, "shifts", "problem"), "problem: shifts")
    if not raw_shifts or len(raw_shifts) > MAX_SHIFTS:
        raise ProblemError(f"problem: between 1 and {MAX_SHIFTS} shifts are expected")
    ids = [str(_object(s, f"shifts[{i}]").get("id", "")) for i, s in enumerate(raw_shifts)]
    for i, raw in enumerate(raw_shifts):
        where = f"shifts[{i}]"
        shift_id = ids[i]
        if not shift_id:
            raise ProblemError(f"{where}: 'id' is missing or empty")
        if ids.count(shift_id) > 1:
            raise ProblemError(f"{where}: the shift id {shift_id!r} is used twice")
        match = _TIME.fullmatch(str(_need(raw, "start", where)))
        if match is None:
            raise ProblemError(f"{where}: start {raw['start']!r} is not a time (HH:MM)")
        follow = _list(raw.get("cannot_be_followed_by", []), f"{where}: cannot_be_followed_by")
        for other in follow:
            if other not in ids:
                raise ProblemError(f"{where}: cannot_be_followed_by names the unknown shift {other!r}")
        shifts.append(
            Shift(
                shift_id,
                int(match.group(1)) * 60 + int(match.group(2)),
                _int(_need(raw, "minutes", where), f"{where}: minutes", 1, 24 * 60),
                frozenset(str(o) for o in follow),
            )
        )

    staff: list[Staff] = []
    raw_staff = _list(_need(top, "staff", "problem"), "problem: staff")
    if len(raw_staff) > MAX_STAFF:
        raise ProblemError(f"problem: at most {MAX_STAFF} staff")
    staff_ids: set[str] = set()
    for i, raw in enumerate(raw_staff):
        where = f"staff[{i}]"
        raw = _object(raw, where)
        staff_id = str(_need(raw, "id", where))
        if not staff_id or staff_id in staff_ids:
            raise ProblemError(f"{where}: the staff id {staff_id!r} is empty or used twice")
        staff_ids.add(staff_id)
        max_shifts = {}
        for shift_id, most in _object(raw.get("max_shifts", {}), f"{where}: max_shifts").items():
            if shift_id not in ids:
                raise ProblemError(f"{where}: max_shifts names the unknown shift {shift_id!r}")
            max_shifts[shift_id] = _int(most, f"{where}: max_shifts[{shift_id}]", 0, days)
        min_minutes = _int(raw.get("min_minutes", 0) or 0, f"{where}: min_minutes")
        max_minutes = _optional_int(raw.get("max_minutes"), f"{where}: max_minutes")
        if max_minutes is not None and min_minutes > max_minutes:
            raise ProblemError(f"{where}: min_minutes {min_minutes} is more than max_minutes {max_minutes}")
        days_off = frozenset(
            _int(d, f"{where}: days_off", 0, days - 1) for d in _list(raw.get("days_off", []), f"{where}: days_off")
        )
        staff.append(
            Staff(
                staff_id,
                max_shifts,
                min_minutes,
                max_minutes,
                _optional_int(raw.get("max_consecutive_days"), f"{where}: max_consecutive_days", 1),
                _int(raw.get("min_consecutive_days", 1) or 1, f"{where}: min_consecutive_days", 1),
                _int(raw.get("min_consecutive_days_off", 1) or 1, f"{where}: min_consecutive_days_off", 1),
                _optional_int(raw.get("max_weekends"), f"{where}: max_weekends"),
                days_off,
            )
        )

    def staff_day_shift(raw: Mapping[str, Any], where: str) -> tuple[str, int, str | None]:
        staff_id = str(_need(raw, "staff", where))
        if staff_id not in staff_ids:
            raise ProblemError(f"{where}: unknown staff {staff_id!r}")
        day = _int(_need(raw, "day", where), f"{where}: day", 0, days - 1)
        shift = raw.get("shift")
        if shift is not None and shift not in ids:
            raise ProblemError(f"{where}: unknown shift {shift!r}")
        return staff_id, day, shift

    requests = []
    for i, raw in enumerate(_list(top.get("requests", []), "problem: requests")):
        where = f"requests[{i}]"
        raw = _object(raw, where)
        staff_id, day, shift = staff_day_shift(raw, where)
        try:
            kind = WishKind(str(raw.get("kind")))
        except ValueError:
            raise ProblemError(f"{where}: kind must be 'on' or 'off'") from None
        requests.append(Request(staff_id, day, shift, kind, _int(raw.get("weight", 1), f"{where}: weight", 0, 10**6)))

    cover = []
    for i, raw in enumerate(_list(top.get("cover", []), "problem: cover")):
        where = f"cover[{i}]"
        raw = _object(raw, where)
        shift = _need(raw, "shift", where)
        if shift not in ids:
            raise ProblemError(f"{where}: unknown shift {shift!r}")
        cover.append(
            Cover(
                _int(_need(raw, "day", where), f"{where}: day", 0, days - 1),
                shift,
                _int(_need(raw, "required", where), f"{where}: required", 0, MAX_STAFF),
                _int(raw.get("under_weight", 0), f"{where}: under_weight", 0, 10**6),
                _int(raw.get("over_weight", 0), f"{where}: over_weight", 0, 10**6),
            )
        )

    locked = []
    seen: set[tuple[str, int]] = set()
    for i, raw in enumerate(_list(top.get("locked", []), "problem: locked")):
        where = f"locked[{i}]"
        staff_id, day, shift = staff_day_shift(_object(raw, where), where)
        if (staff_id, day) in seen:
            raise ProblemError(f"{where}: {staff_id} on day {day} is locked twice")
        seen.add((staff_id, day))
        locked.append(Locked(staff_id, day, shift))

    problem = Problem(start, days, tuple(shifts), tuple(staff), tuple(requests), tuple(cover), tuple(locked))
    problem.shift_index.update({s.id: s for s in shifts})
    return problem


def read_problem(path: Path) -> Problem:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ProblemError(f"{path}: not a UTF-8 text file") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProblemError(f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    return load_problem(data)
