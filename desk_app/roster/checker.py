"""An independent check of a roster against its problem, in plain Python: the hard rules
it breaks and the objective it scores. Written apart from the CP-SAT model on purpose: the
tests hold the solver to it, and the window uses it to show rule breaks in a hand-edited
month.
"""

from __future__ import annotations

from collections.abc import Iterable

from desk_app.domain.roster import WishKind
from desk_app.roster.conflict import Conflict, Rule
from desk_app.roster.problem import Cover, Problem, Request, Staff

Assignment = tuple[str, int, str]  # staff, day, shift


def _broken(rule: Rule, staff: str, day: int | None, detail: str, shift: str | None = None) -> Conflict:
    """A rule break of one person, from ``day`` on (None: over the whole period)."""
    return Conflict(rule, (staff,), (day,) if day is not None else (), shift, detail)


Cells = dict[tuple[str, int], list[str]]  # (staff, day) → the shifts assigned


def grid(problem: Problem, assignments: Iterable[Assignment]) -> tuple[Cells, list[Conflict]]:
    cells: Cells = {}
    bad: list[Conflict] = []
    staff_ids = {s.id for s in problem.staff}
    for staff, day, shift in assignments:
        if staff not in staff_ids or shift not in problem.shift_index or not 0 <= day < problem.days:
            bad.append(_broken(Rule.UNKNOWN, staff, day, f"{staff} day {day} shift {shift}"))
            continue
        cells.setdefault((staff, day), []).append(shift)
    return cells, bad


def _runs(worked: list[bool]) -> list[tuple[int, int, bool]]:
    """(start, length, working) for each maximal run of equal days."""
    runs: list[tuple[int, int, bool]] = []
    start = 0
    for day in range(1, len(worked) + 1):
        if day == len(worked) or worked[day] != worked[start]:
            runs.append((start, day - start, worked[start]))
            start = day
    return runs


def violations(problem: Problem, assignments: Iterable[Assignment]) -> list[Conflict]:
    cells, found = grid(problem, assignments)
    for person in problem.staff:
        found += _person(problem, person, cells)
    return found


def _person(problem: Problem, person: Staff, cells: Cells) -> list[Conflict]:
    found: list[Conflict] = []
    s = person.id
    shift_of: list[str | None] = []
    for day in range(problem.days):
        mine = cells.get((s, day), [])
        if len(mine) > 1:
            found.append(_broken(Rule.ONE_SHIFT_A_DAY, s, day, f"{len(mine)} shifts"))
        shift_of.append(mine[0] if mine else None)
    worked = [t is not None for t in shift_of]
    for day in range(problem.days - 1):
        first, then = shift_of[day], shift_of[day + 1]
        if first is not None and then is not None and then in problem.shift_index[first].cannot_be_followed_by:
            found.append(_broken(Rule.FOLLOW, s, day, f"{then} after {first}"))
    for shift in problem.shifts:
        count = sum(1 for t in shift_of if t == shift.id)
        most = person.max_shifts.get(shift.id)
        if most is not None and count > most:
            found.append(_broken(Rule.MAX_SHIFTS, s, None, f"{count} × {shift.id}, at most {most}", shift.id))
    minutes = sum(problem.shift_index[t].minutes for t in shift_of if t is not None)
    if minutes < person.min_minutes:
        found.append(_broken(Rule.MIN_MINUTES, s, None, f"{minutes} minutes, at least {person.min_minutes}"))
    if person.max_minutes is not None and minutes > person.max_minutes:
        found.append(_broken(Rule.MAX_MINUTES, s, None, f"{minutes} minutes, at most {person.max_minutes}"))
    for start, length, working in _runs(worked):
        inside = start > 0 and start + length < problem.days  # a run touching an edge is exempt from minima
        if working and person.max_consecutive_days is not None and length > person.max_consecutive_days:
            found.append(_broken(Rule.MAX_CONSECUTIVE_DAYS, s, start, f"{length} days in a row"))
        if working and inside and length < person.min_consecutive_days:
            found.append(_broken(Rule.MIN_CONSECUTIVE_DAYS, s, start, f"{length} working days in a row"))
        if not working and inside and length < person.min_consecutive_days_off:
            found.append(_broken(Rule.MIN_CONSECUTIVE_DAYS_OFF, s, start, f"{length} days off in a row"))
    if person.max_weekends is not None:
        weekends = sum(1 for group in problem.weekends() if any(worked[d] for d in group))
        if weekends > person.max_weekends:
            found.append(_broken(Rule.MAX_WEEKENDS, s, None, f"{weekends} weekends, at most {person.max_weekends}"))
    for day in sorted(person.days_off):
        if worked[day]:
            found.append(_broken(Rule.DAYS_OFF, s, day, f"works on a day off ({shift_of[day]})"))
    for lock in problem.locked:
        if lock.staff == s and shift_of[lock.day] != lock.shift:
            found.append(_broken(Rule.LOCKED, s, lock.day, f"{shift_of[lock.day]} instead of {lock.shift}"))
    return found


def planned(problem: Problem, assignments: Iterable[Assignment]) -> dict[tuple[int, str], int]:
    """How many people each (day, shift) has: everyone on it counts toward its cover."""
    count: dict[tuple[int, str], int] = {}
    for _staff, day, shift in assignments:
        if shift in problem.shift_index and 0 <= day < problem.days:
            count[(day, shift)] = count.get((day, shift), 0) + 1
    return count


def short_cover(problem: Problem, assignments: Iterable[Assignment]) -> list[tuple[Cover, int]]:
    """Each cover row with fewer people than it requires, with how many it has."""
    have = planned(problem, assignments)
    return [
        (row, have.get((row.day, row.shift), 0))
        for row in problem.cover
        if have.get((row.day, row.shift), 0) < row.required
    ]


def unmet_requests(problem: Problem, assignments: Iterable[Assignment]) -> list[Request]:
    """The requests (wishes) that count (weight above 0) and the roster does not meet: an
    "on" request not worked, an "off" request worked."""
    cells, _bad = grid(problem, assignments)
    unmet = []
    for request in problem.requests:
        mine = cells.get((request.staff, request.day), [])
        hit = bool(mine) if request.shift is None else request.shift in mine
        if request.weight > 0 and hit is (request.kind is WishKind.OFF):
            unmet.append(request)
    return unmet


def objective(problem: Problem, assignments: Iterable[Assignment]) -> int:
    """The soft cost: unmet "on" and violated "off" requests, and cover short or over."""
    assignments = list(assignments)
    total = sum(request.weight for request in unmet_requests(problem, assignments))
    have = planned(problem, assignments)
    for row in problem.cover:
        count = have.get((row.day, row.shift), 0)
        total += row.under_weight * max(0, row.required - count) + row.over_weight * max(0, count - row.required)
    return total
