"""The CP-SAT model of a roster problem (``problem.py``).

It has one Boolean per person, day and shift the person may work there, and a "works that
day" Boolean per person and day. The hard rules are exactly those of the contract; the
objective sums the weights of unmet "on" / violated "off" requests and the cover rows'
shortfall and excess. What makes it strong:

- variables that can never be true are not created (a person who may not work a shift,
  days off, locked cells), so presolve starts small;
- redundant constraints: each person's number of working days is bounded by their minutes
  and by the longest allowed run; runs are stated as window sums and forbidden patterns;
- symmetry breaking: among people with identical rules and no personal requests, days off
  or locks, the first works at least as many days as the next;
- a roster as the solution hint (the greedy one of ``greedy.py``).

``guarded`` puts each group of rules (one person's maximum run, minutes, weekends, …)
behind an assumption literal, keyed by the ``Conflict`` it stands for, so the solver can
ask which groups together are infeasible.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ortools.sat.python import cp_model

from desk_app.domain.roster import WishKind
from desk_app.roster.checker import Assignment
from desk_app.roster.conflict import Conflict, Rule
from desk_app.roster.problem import Problem, Staff


class RosterModel:
    """The CP-SAT model of a problem; ``guarded`` puts each rule group behind an assumption."""

    def __init__(
        self,
        problem: Problem,
        *,
        guarded: bool = False,
        symmetry: bool = True,
        strong: bool = True,
        hint: list[Assignment] | None = None,
    ) -> None:
        self.p = problem
        self.m = cp_model.CpModel()
        self.guarded = guarded
        self.strong = strong
        self.guards: dict[Conflict, cp_model.IntVar] = {}
        self.x: dict[tuple[str, int, str], cp_model.IntVar] = {}
        self.work: dict[tuple[str, int], Any] = {}
        self.terms: list[Any] = []
        self.constant = 0
        self.weekend_vars: list[tuple[str, list[int], Any]] = []  # person, days, "worked that weekend"
        self.cover_vars: list[tuple[int, str, int, Any, Any]] = []  # day, shift, required, short, over
        self._build(symmetry, hint or [])
        if hint:
            self.hint(hint)

    def _add(self, constraint: Any, rule: Rule, person: Staff, shift: str | None = None) -> None:
        """A constraint of the group (rule, person, shift): behind the group's assumption
        when guarded."""
        if not self.guarded:
            return
        group = self._group(rule, person, shift)
        if group not in self.guards:
            self.guards[group] = self.m.new_bool_var(group.text())
        constraint.only_enforce_if([self.guards[group]])

    def _group(self, rule: Rule, person: Staff, shift: str | None) -> Conflict:
        days: tuple[int, ...] = ()
        if rule is Rule.DAYS_OFF:
            days = tuple(sorted(person.days_off))
        elif rule is Rule.LOCKED:
            days = tuple(sorted(lk.day for lk in self.p.locked if lk.staff == person.id))
        return Conflict(rule, (person.id,), days, shift)

    def _build(self, symmetry: bool, hint: list[Assignment]) -> None:
        p, m = self.p, self.m
        locked = {(lk.staff, lk.day): lk.shift for lk in p.locked}
        for person in p.staff:
            for day in range(p.days):
                names = []
                for shift in p.shifts:
                    if not person.may_work(shift.id) and self.strong:
                        continue
                    off = day in person.days_off
                    other = (person.id, day) in locked and locked[(person.id, day)] != shift.id
                    if (off or other) and self.strong and not self.guarded:
                        continue  # never true: not created, presolve starts smaller
                    var = m.new_bool_var(f"x_{person.id}_{day}_{shift.id}")
                    self.x[(person.id, day, shift.id)] = var
                    names.append(var)
                    if off:
                        self._add(m.add(var == 0), Rule.DAYS_OFF, person)
                    if other:
                        self._add(m.add(var == 0), Rule.LOCKED, person)
                w = m.new_bool_var(f"w_{person.id}_{day}")
                m.add(sum(names) == w)  # at most one shift a day, structural
                self.work[(person.id, day)] = w
                target = locked.get((person.id, day), "absent")
                if target != "absent":
                    if target is None:
                        self._add(m.add(w == 0), Rule.LOCKED, person)
                    elif (person.id, day, target) in self.x:
                        self._add(m.add(self.x[(person.id, day, target)] == 1), Rule.LOCKED, person)
                    else:  # locked on a shift the person may not work (or on a day off)
                        self._add(m.add_bool_or([]), Rule.LOCKED, person)
            self._person(person)
        self._objective()
        if symmetry and self.strong:
            self._break_symmetry(hint)

    def _person(self, person: Staff) -> None:
        p, m, s = self.p, self.m, person.id
        x, w = self.x, self.work
        # Shifts that may not follow each other on consecutive days.
        for day in range(p.days - 1):
            for shift in p.shifts:
                for then in shift.cannot_be_followed_by:
                    a, b = x.get((s, day, shift.id)), x.get((s, day + 1, then))
                    if a is not None and b is not None:
                        self._add(m.add_bool_or([a.Not(), b.Not()]), Rule.FOLLOW, person)
        for shift in p.shifts:
            most = person.max_shifts.get(shift.id)
            cells = [x[(s, d, shift.id)] for d in range(p.days) if (s, d, shift.id) in x]
            if most is not None and cells and most < len(cells):
                self._add(m.add(sum(cells) <= most), Rule.MAX_SHIFTS, person, shift.id)
        minutes = sum(x[(s, d, t.id)] * t.minutes for d in range(p.days) for t in p.shifts if (s, d, t.id) in x)
        if person.min_minutes > 0:
            self._add(m.add(minutes >= person.min_minutes), Rule.MIN_MINUTES, person)
        if person.max_minutes is not None:
            self._add(m.add(minutes <= person.max_minutes), Rule.MAX_MINUTES, person)
        days = [w[(s, d)] for d in range(p.days)]
        lengths = [t.minutes for t in p.shifts if person.may_work(t.id)] or [1]
        # Redundant: how many days the minutes allow (tightens the LP relaxation).
        if self.strong and person.max_minutes is not None:
            self._add(m.add(sum(days) <= person.max_minutes // min(lengths)), Rule.MAX_MINUTES, person)
        if self.strong and person.min_minutes > 0:
            self._add(m.add(sum(days) >= -(-person.min_minutes // max(lengths))), Rule.MIN_MINUTES, person)
        most_run = person.max_consecutive_days
        if most_run is not None and most_run < p.days:
            for start in range(p.days - most_run):
                self._add(m.add(sum(days[start : start + most_run + 1]) <= most_run), Rule.MAX_CONSECUTIVE_DAYS, person)
            # Redundant: a day off in every window of most_run + 1 days bounds the total.
            if self.strong:
                self._add(m.add(sum(days) <= p.days - p.days // (most_run + 1)), Rule.MAX_CONSECUTIVE_DAYS, person)
        self._minimum_runs(days, person.min_consecutive_days, True, Rule.MIN_CONSECUTIVE_DAYS, person)
        self._minimum_runs(days, person.min_consecutive_days_off, False, Rule.MIN_CONSECUTIVE_DAYS_OFF, person)
        if person.max_weekends is not None:
            weekends = []
            for group in p.weekends():
                worked = m.new_bool_var(f"we_{s}_{group[0]}")
                for day in group:
                    m.add_implication(days[day], worked)
                weekends.append(worked)
                self.weekend_vars.append((s, group, worked))
            if len(weekends) > person.max_weekends:
                self._add(m.add(sum(weekends) <= person.max_weekends), Rule.MAX_WEEKENDS, person)

    def _minimum_runs(self, days: list[Any], least: int, working: bool, rule: Rule, person: Staff) -> None:
        """No run of ``working`` days shorter than ``least`` between two days of the other
        kind inside the period: forbid each pattern other, run of length L < least, other."""
        n = len(days)

        def is_(day: int) -> Any:
            return days[day] if working else days[day].Not()

        def other(day: int) -> Any:
            return days[day].Not() if working else days[day]

        for length in range(1, least):
            for start in range(1, n - length):
                # not (other(start-1) and is_(start..start+L-1) and other(start+L))
                clause = [other(start - 1).Not(), other(start + length).Not()]
                clause += [is_(d).Not() for d in range(start, start + length)]
                self._add(self.m.add_bool_or(clause), rule, person)

    def _objective(self) -> None:
        p, m, x, w = self.p, self.m, self.x, self.work
        for r in p.requests:
            if r.weight == 0:
                continue
            lit = w[(r.staff, r.day)] if r.shift is None else x.get((r.staff, r.day, r.shift))
            if r.kind is WishKind.ON:
                if lit is None:  # can never be met
                    self.constant += r.weight
                else:
                    self.constant += r.weight
                    self.terms.append(-r.weight * lit)
            elif lit is not None:
                self.terms.append(r.weight * lit)
        for row in p.cover:
            cells = [x[(s.id, row.day, row.shift)] for s in p.staff if (s.id, row.day, row.shift) in x]
            short = m.new_int_var(0, row.required, f"short_{row.day}_{row.shift}")
            over = m.new_int_var(0, max(0, len(cells) - row.required), f"over_{row.day}_{row.shift}")
            m.add(sum(cells) + short - over == row.required)
            self.cover_vars.append((row.day, row.shift, row.required, short, over))
            self.terms += [row.under_weight * short, row.over_weight * over]
        m.minimize(sum(self.terms) + self.constant)

    def _break_symmetry(self, hint: list[Assignment]) -> None:
        """Identical people, untouched by requests, locks and days off, are interchangeable:
        order them by how many days they work (in the hint's order, so the hint stays valid)."""
        hinted: dict[str, int] = {}
        for s, _d, _t in hint:
            hinted[s] = hinted.get(s, 0) + 1
        p = self.p
        personal = {r.staff for r in p.requests} | {lk.staff for lk in p.locked}
        groups: dict[tuple[Any, ...], list[Staff]] = {}
        for person in p.staff:
            if person.id in personal or person.days_off:
                continue
            key = (
                tuple(sorted(person.max_shifts.items())),
                person.min_minutes,
                person.max_minutes,
                person.max_consecutive_days,
                person.min_consecutive_days,
                person.min_consecutive_days_off,
                person.max_weekends,
            )
            groups.setdefault(key, []).append(person)
        for members in groups.values():
            members.sort(key=lambda person: -hinted.get(person.id, 0))
            for a, b in zip(members, members[1:], strict=False):
                total_a = sum(self.work[(a.id, d)] for d in range(p.days))
                total_b = sum(self.work[(b.id, d)] for d in range(p.days))
                self.m.add(total_a >= total_b)

    def hint(self, assignments: list[Assignment]) -> None:
        """Hint every variable (a complete hint is taken as it is, a partial one is only a
        direction for the search)."""
        chosen = set(assignments)
        worked = {(s, d) for s, d, _t in chosen}
        for key, var in self.x.items():
            self.m.add_hint(var, key in chosen)
        for (s, d), var in self.work.items():
            self.m.add_hint(var, (s, d) in worked)
        for s, group, var in self.weekend_vars:
            self.m.add_hint(var, any((s, d) in worked for d in group))
        planned: dict[tuple[int, str], int] = {}
        for _s, d, t in chosen:
            planned[(d, t)] = planned.get((d, t), 0) + 1
        for day, shift, required, short, over in self.cover_vars:
            have = planned.get((day, shift), 0)
            self.m.add_hint(short, max(0, required - have))
            self.m.add_hint(over, max(0, have - required))

    def read(self, value: Callable[[Any], int]) -> list[Assignment]:
        return [key for key, var in self.x.items() if value(var)]
