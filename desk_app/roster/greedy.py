"""A quick roster without a solver: the solver's hint, so its first solution comes at once."""

from __future__ import annotations

from desk_app.domain.roster import WishKind
from desk_app.roster.checker import Assignment
from desk_app.roster.problem import Problem, Staff


def greedy(problem: Problem) -> list[Assignment]:
    """A quick roster, day by day, as a supervisor fills a paper grid: people in a run that
    is still too short carry on, people whose rest is still too short stay off, then each
    shift's cover goes to those who have worked least. Rest between shifts, maxima, minutes,
    the longest run, weekends, days off, locks and whole-day "off" wishes are respected;
    what the greedy cannot see (minimum minutes) the solver repairs. Only a hint."""
    p = problem
    locked = {(lk.staff, lk.day): lk.shift for lk in p.locked}
    offs = {(r.staff, r.day) for r in p.requests if r.kind is WishKind.OFF and r.shift is None}
    weekend_of = {day: i for i, group in enumerate(p.weekends()) for day in group}
    count: dict[tuple[str, str], int] = {}
    minutes = {s.id: 0 for s in p.staff}
    run = {s.id: 0 for s in p.staff}  # working days in a row, up to yesterday
    rest = {s.id: 0 for s in p.staff}  # days off in a row, up to yesterday
    inside = {s.id: False for s in p.staff}  # the current run or rest began inside the period
    weekends: dict[str, set[int]] = {s.id: set() for s in p.staff}
    yesterday: dict[str, str | None] = {s.id: None for s in p.staff}
    need: dict[tuple[int, str], int] = {}
    over_cost: dict[tuple[int, str], int] = {}
    for row in p.cover:
        need[(row.day, row.shift)] = need.get((row.day, row.shift), 0) + row.required
        over_cost[(row.day, row.shift)] = over_cost.get((row.day, row.shift), 0) + row.over_weight
    result: list[Assignment] = []

    def allowed(person: Staff, day: int, shift_id: str) -> bool:
        s = person.id
        if (s, day) in locked or day in person.days_off or (s, day) in offs or not person.may_work(shift_id):
            return False
        if count.get((s, shift_id), 0) >= person.max_shifts.get(shift_id, p.days):
            return False
        prev = yesterday[s]
        if prev is not None and shift_id in p.shift_index[prev].cannot_be_followed_by:
            return False
        if person.max_minutes is not None and minutes[s] + p.shift_index[shift_id].minutes > person.max_minutes:
            return False
        if person.max_consecutive_days is not None and run[s] >= person.max_consecutive_days:
            return False
        if run[s] == 0 and inside[s] and rest[s] < person.min_consecutive_days_off:
            return False  # still resting
        week = weekend_of.get(day)
        return not (
            week is not None
            and person.max_weekends is not None
            and week not in weekends[s]
            and len(weekends[s]) >= person.max_weekends
        )

    def must_continue(person: Staff) -> bool:
        return 0 < run[person.id] < person.min_consecutive_days and inside[person.id]

    for day in range(p.days):
        today: dict[str, str] = {s: t for (s, d), t in locked.items() if d == day and t is not None}
        for shift in sorted(p.shifts, key=lambda t: -need.get((day, t.id), 0)):
            wanted = need.get((day, shift.id), 0) - sum(1 for t in today.values() if t == shift.id)
            if wanted <= 0:
                continue
            candidates = [
                (not must_continue(person), minutes[person.id], person.id)
                for person in p.staff
                if person.id not in today and allowed(person, day, shift.id)
            ]
            for _first, _used, s in sorted(candidates)[:wanted]:
                today[s] = shift.id
        # A run that is still too short goes on where an extra person costs least.
        for person in p.staff:
            if person.id in today or not must_continue(person):
                continue
            options = [t for t in p.shifts if allowed(person, day, t.id)]
            if options:
                today[person.id] = min(options, key=lambda t: over_cost.get((day, t.id), 0)).id
        for person in p.staff:
            s = person.id
            t = today.get(s)
            if t is not None:
                result.append((s, day, t))
                count[(s, t)] = count.get((s, t), 0) + 1
                minutes[s] += p.shift_index[t].minutes
                inside[s] = inside[s] if run[s] else day > 0
                run[s], rest[s] = run[s] + 1, 0
                if day in weekend_of:
                    weekends[s].add(weekend_of[day])
            else:
                inside[s] = inside[s] if rest[s] else day > 0
                run[s], rest[s] = 0, rest[s] + 1
            yesterday[s] = t
    return _drop_short_runs(p, result)


def _drop_short_runs(problem: Problem, assignments: list[Assignment]) -> list[Assignment]:
    """Take out working runs inside the period shorter than the person's minimum (what is
    left is longer rest, which breaks no rule of runs)."""
    by_person: dict[str, dict[int, str]] = {}
    for s, d, t in assignments:
        by_person.setdefault(s, {})[d] = t
    locked = {(lk.staff, lk.day) for lk in problem.locked}
    keep: list[Assignment] = []
    for person in problem.staff:
        days = by_person.get(person.id, {})
        day = 0
        while day < problem.days:
            if day not in days:
                day += 1
                continue
            end = day
            while end + 1 < problem.days and end + 1 in days:
                end += 1
            short = end - day + 1 < person.min_consecutive_days and day > 0 and end < problem.days - 1
            if not short or any((person.id, d) in locked for d in range(day, end + 1)):
                keep += [(person.id, d, days[d]) for d in range(day, end + 1)]
            day = end + 1
    return keep
