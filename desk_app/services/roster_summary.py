"""A month's summary in the month's terms: the roster checker's counts (``roster/summary.py``)
of the month's cells against the month's own solver problem, with dates, account ids,
template ids and names instead of the solver's day numbers and keys."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from desk_app.domain import roster as rr
from desk_app.roster.conflict import Rule
from desk_app.roster.problem import load_problem
from desk_app.roster.summary import summarize
from desk_app.services.roster_views import CoverageGap, IssueKind, MonthSummary, MonthView, RosterIssue

# Not the month's own rule breaks: a locked cell is the month's own choice, and a person no
# longer on the roster who still holds cells has no rules to break (their shifts still count
# toward the cover).
_NOT_SHOWN = (Rule.LOCKED, Rule.UNKNOWN)


def month_summary(view: MonthView, problem_data: Mapping[str, Any], shift_names: Mapping[int, str]) -> MonthSummary:
    problem = load_problem(dict(problem_data))
    index = {d: i for i, d in enumerate(view.days)}
    assignments = [(rr.staff_key(a), index[d], rr.shift_key(t)) for a, d, t in view.assignments() if d in index]
    found = summarize(problem, assignments)
    people = {m.account_id: m.name for m in view.staff}

    def person(key: str) -> tuple[int, str]:
        account_id = rr.account_of_key(key)
        return account_id, people.get(account_id, key)

    gaps, coverage = [], []
    for short in found.short:
        template_id = rr.template_of_key(short.shift)
        coverage.append(CoverageGap(view.days[short.day], template_id, short.required, short.planned))
        gaps.append(
            RosterIssue(
                IssueKind.GAP,
                view.days[short.day],
                shift_names.get(template_id, "?"),
                short.required,
                short.planned,
                template_id=template_id,
            )
        )
    wishes = []
    for request in found.unmet:
        account_id, name = person(request.staff)
        wishes.append(
            RosterIssue(
                IssueKind.WISH,
                view.days[request.day],
                name,
                account_id=account_id,
                template_id=rr.template_of_key(request.shift) if request.shift is not None else None,
                wish=request.kind,
                weight=request.weight,
            )
        )
    rules = []
    for broken in found.broken:
        if broken.rule in _NOT_SHOWN or not broken.people:
            continue
        account_id, name = person(broken.people[0])
        rules.append(
            RosterIssue(
                IssueKind.RULE,
                view.days[broken.days[0]] if broken.days else None,
                name,
                rule=broken.rule,
                account_id=account_id,
                template_id=rr.template_of_key(broken.shift) if broken.shift is not None else None,
            )
        )
    return MonthSummary(tuple(gaps), tuple(wishes), tuple(rules), tuple(coverage))
