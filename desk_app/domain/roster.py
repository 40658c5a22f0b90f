"""The roster's rules, without storage or Qt: which shifts may follow which, what a shift
needs on a given day, a person's effective rules, and the solver problem the window builds
from them (the JSON form of ``desk-app roster solve``).

Days of a month are numbered from 0 (the 1st) in the problem, as the solver counts them.
"""

from __future__ import annotations

import calendar
import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from desk_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from desk_app.domain.shifts import MINUTES_PER_DAY, ShiftTemplate
from desk_app.domain.text_rules import check_whole_number
from desk_app.domain.workdays import HolidayCalendar

# A shift that covers any of these minutes after midnight is a night shift (exemptions).
NIGHT_WINDOW = (0, 5 * 60)
UNDER_WEIGHT = 100  # a missing person on a shift costs far more than any wish
OVER_WEIGHT = 2  # an extra person is allowed but not wanted
WEEKDAY_NAMES = "一二三四五六日"


class RosterStatus(enum.StrEnum):
    """A month's roster: a draft (also a month never saved) until published."""

    DRAFT = "draft"
    PUBLISHED = "published"


class WishKind(enum.StrEnum):
    """A wish (and a solver request) to work or to be off."""

    ON = "on"
    OFF = "off"


class RequestKind(enum.StrEnum):
    LEAVE = "leave"  # 请假
    SWAP = "swap"  # 调班
    COVER = "cover"  # 顶班


class RequestStatus(enum.StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"


def month_days(year: int, month: int) -> list[date]:
    if not (2000 <= year <= 2100 and 1 <= month <= 12):
        raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "No such month."))
    return [date(year, month, d) for d in range(1, calendar.monthrange(year, month)[1] + 1)]


def short_labels(templates: Sequence[ShiftTemplate]) -> dict[int, str]:
    """早/中/夜 from 早班/中班/夜班; the whole name where first characters collide."""
    firsts = [t.name[:1] for t in templates]
    return {t.id: t.name[:1] if firsts.count(t.name[:1]) == 1 else t.name for t in templates}


def is_night(template: ShiftTemplate) -> bool:
    start, end = template.start_minute, template.start_minute + template.duration_minutes
    low, high = NIGHT_WINDOW
    return any(start < high + offset and end > low + offset for offset in (0, MINUTES_PER_DAY))


def rest_between(first: ShiftTemplate, then: ShiftTemplate) -> int:
    """Minutes from the end of ``first`` to the start of ``then`` on the next day."""
    return MINUTES_PER_DAY + then.start_minute - (first.start_minute + first.duration_minutes)


def follow_bans(
    templates: Sequence[ShiftTemplate], min_rest_minutes: int, explicit: Iterable[tuple[int, int]] = ()
) -> set[tuple[int, int]]:
    """(first, then) pairs that may not be worked on two days running: too little rest
    between them (16:30–23:30 then 08:30 is 9 hours) or banned by the desk."""
    bans = set(explicit)
    for first in templates:
        for then in templates:
            if rest_between(first, then) < min_rest_minutes:
                bans.add((first.id, then.id))
    return bans


@dataclass(frozen=True)
class ShiftNeed:
    template_id: int
    weekday_counts: tuple[int, ...] = (1, 1, 1, 1, 1, 1, 1)  # Monday first
    holiday_count: int = 1

    def on(self, day: date, calendar: HolidayCalendar) -> int:
        """People needed on ``day``: the holiday count on a statutory holiday, a weekday's on a
        make-up working day (调休上班), else that weekday's (as the desk's ``calendar`` says)."""
        if calendar.is_holiday(day):
            return self.holiday_count
        if calendar.is_make_up_day(day):
            return self.weekday_counts[0]
        return self.weekday_counts[day.weekday()]


def validate_need(need: ShiftNeed) -> None:
    counts = [*need.weekday_counts, need.holiday_count]
    if len(need.weekday_counts) != 7 or any(isinstance(n, bool) or not isinstance(n, int) for n in counts):
        raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "A shift needs a headcount for each weekday."))
    if any(not 0 <= n <= 50 for n in counts):
        raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "A headcount is a whole number from 0 to 50."))


@dataclass(frozen=True)
class StaffRules:
    """A person's roster rules. As stored, None means "the desk's default"; ``resolved``
    fills those from the default. ``max_shifts``: template id → most per month (0 = never)."""

    max_shifts: Mapping[int, int] = field(default_factory=dict)
    min_minutes: int | None = None
    max_minutes: int | None = None
    max_consecutive_days: int | None = None
    min_consecutive_days: int | None = None
    min_consecutive_days_off: int | None = None
    max_weekends: int | None = None
    no_nights: bool | None = None
    mobile: str = ""
    office_phone: str = ""

    def resolved(self, default: StaffRules) -> StaffRules:
        merged = {**default.max_shifts, **self.max_shifts}
        return replace(
            self,
            max_shifts=merged,
            min_minutes=_pick(self.min_minutes, default.min_minutes, 0),
            max_minutes=_pick(self.max_minutes, default.max_minutes, 31 * MINUTES_PER_DAY),
            max_consecutive_days=_pick(self.max_consecutive_days, default.max_consecutive_days, 31),
            min_consecutive_days=_pick(self.min_consecutive_days, default.min_consecutive_days, 1),
            min_consecutive_days_off=_pick(self.min_consecutive_days_off, default.min_consecutive_days_off, 1),
            max_weekends=_pick(self.max_weekends, default.max_weekends, 6),
            no_nights=bool(_pick(self.no_nights, default.no_nights, False)),
        )


def _pick(own: Any, default: Any, fallback: Any) -> Any:
    return own if own is not None else default if default is not None else fallback


RULE_LIMITS: dict[str, tuple[int, int, str]] = {
    "min_minutes": (0, 31 * MINUTES_PER_DAY, QT_TRANSLATE_NOOP("Field", "Minimum minutes a month")),
    "max_minutes": (0, 31 * MINUTES_PER_DAY, QT_TRANSLATE_NOOP("Field", "Maximum minutes a month")),
    "max_consecutive_days": (1, 31, QT_TRANSLATE_NOOP("Field", "Most working days in a row")),
    "min_consecutive_days": (1, 31, QT_TRANSLATE_NOOP("Field", "Fewest working days in a row")),
    "min_consecutive_days_off": (1, 31, QT_TRANSLATE_NOOP("Field", "Fewest days off in a row")),
    "max_weekends": (0, 6, QT_TRANSLATE_NOOP("Field", "Most weekends worked")),
}


def validate_rules(rules: StaffRules) -> None:
    for name, (low, high, label) in RULE_LIMITS.items():
        check_whole_number(getattr(rules, name), low, high, label)
    for template_id, most in rules.max_shifts.items():
        if isinstance(most, bool) or not isinstance(most, int) or not 0 <= most <= 31:
            raise ValidationError(
                QT_TRANSLATE_NOOP("DeskError", "The most shifts of one kind a month is a number from 0 to 31.")
            )
        if not isinstance(template_id, int):
            raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "Unknown shift."))
    if rules.min_minutes is not None and rules.max_minutes is not None and rules.min_minutes > rules.max_minutes:
        raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "The minimum minutes a month are more than the maximum."))


@dataclass(frozen=True)
class Wish:
    account_id: int
    day: date
    template_id: int | None  # None: any shift ("on") / the whole day ("off")
    kind: WishKind
    weight: int = 1


@dataclass(frozen=True)
class Locked:
    account_id: int
    day: date
    template_id: int | None  # None: a day off that stays off


def staff_key(account_id: int) -> str:
    return f"a{account_id}"


def shift_key(template_id: int) -> str:
    return f"s{template_id}"


def account_of_key(key: str) -> int:
    return int(key.removeprefix("a"))


def template_of_key(key: str) -> int:
    return int(key.removeprefix("s"))


def build_problem(
    days: Sequence[date],
    templates: Sequence[ShiftTemplate],
    needs: Mapping[int, ShiftNeed],
    bans: set[tuple[int, int]],
    staff: Mapping[int, StaffRules],  # account id → resolved rules
    leave: Mapping[int, set[date]] = {},
    wishes: Sequence[Wish] = (),
    locked: Sequence[Locked] = (),
    *,
    calendar: HolidayCalendar,
) -> dict[str, Any]:
    """The solver problem (the JSON form of ``desk-app roster solve``) of a roster period."""
    if not days:
        raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "The roster period is empty."))
    start = days[0]
    index = {d: i for i, d in enumerate(days)}
    if [start + timedelta(days=i) for i in range(len(days))] != list(days):
        raise ValueError("days must be consecutive")
    shifts = [
        {
            "id": shift_key(t.id),
            "start": f"{t.start_minute // 60:02d}:{t.start_minute % 60:02d}",
            "minutes": t.duration_minutes,
            "cannot_be_followed_by": [shift_key(b) for a, b in sorted(bans) if a == t.id],
        }
        for t in templates
    ]
    people = []
    for account_id, rules in staff.items():
        max_shifts = {}
        for t in templates:
            most = rules.max_shifts.get(t.id, len(days))
            if rules.no_nights and is_night(t):
                most = 0
            max_shifts[shift_key(t.id)] = min(most, len(days))
        people.append(
            {
                "id": staff_key(account_id),
                "max_shifts": max_shifts,
                "min_minutes": rules.min_minutes,
                "max_minutes": rules.max_minutes,
                "max_consecutive_days": rules.max_consecutive_days,
                "min_consecutive_days": rules.min_consecutive_days,
                "min_consecutive_days_off": rules.min_consecutive_days_off,
                "max_weekends": rules.max_weekends,
                "days_off": sorted(index[d] for d in leave.get(account_id, set()) if d in index),
            }
        )
    requests = [
        {
            "staff": staff_key(w.account_id),
            "day": index[w.day],
            "shift": shift_key(w.template_id) if w.template_id is not None else None,
            "kind": w.kind.value,
            "weight": w.weight,
        }
        for w in wishes
        if w.day in index and w.account_id in staff
    ]
    cover = [
        {
            "day": i,
            "shift": shift_key(t.id),
            "required": needs[t.id].on(d, calendar) if t.id in needs else 0,
            "under_weight": UNDER_WEIGHT,
            "over_weight": OVER_WEIGHT,
        }
        for i, d in enumerate(days)
        for t in templates
    ]
    problem: dict[str, Any] = {
        "start_date": start.isoformat(),
        "days": len(days),
        "shifts": shifts,
        "staff": people,
        "requests": requests,
        "cover": cover,
    }
    if locked:
        problem["locked"] = [
            {
                "staff": staff_key(c.account_id),
                "day": index[c.day],
                "shift": shift_key(c.template_id) if c.template_id is not None else None,
            }
            for c in locked
            if c.day in index and c.account_id in staff
        ]
    return problem
