"""What the roster service hands out: the desk's roster settings, the people on the roster,
a month as it stands, its gaps, unmet wishes, rule breaks and conflicts, and its recorded changes."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime

from desk_app.domain.roles import Role
from desk_app.domain.roster import RosterStatus, StaffRules, WishKind
from desk_app.roster.conflict import Rule


@dataclass(frozen=True)
class RosterSettings:
    min_rest_minutes: int = 720
    leave_notice_days: int = 1
    cover_max_minutes: int = 240


@dataclass(frozen=True)
class StaffMember:
    account_id: int
    name: str
    role: Role
    rules: StaffRules  # resolved with the desk's defaults


@dataclass
class MonthView:
    year: int
    month: int
    days: list[date]
    status: RosterStatus  # DRAFT also for a month never saved
    version: int
    staff: list[StaffMember]
    # (account id, day) → (template id or None for a locked day off, locked)
    cells: dict[tuple[int, date], tuple[int | None, bool]] = field(default_factory=dict)

    @property
    def published(self) -> bool:
        return self.status is RosterStatus.PUBLISHED

    def shift_of(self, account_id: int, day: date) -> int | None:
        cell = self.cells.get((account_id, day))
        return cell[0] if cell else None

    def assignments_of(self, account_id: int) -> list[tuple[date, int]]:
        return [(d, t) for a, d, t in self.assignments() if a == account_id]

    def assignments(self) -> list[tuple[int, date, int]]:
        return sorted((a, d, t) for (a, d), (t, _locked) in self.cells.items() if t is not None)


@dataclass(frozen=True)
class CoverageGap:
    day: date
    template_id: int
    needed: int
    planned: int


class IssueKind(enum.StrEnum):
    GAP = "gap"
    WISH = "wish"
    RULE = "rule"


@dataclass(frozen=True)
class RosterIssue:
    """A gap (``subject`` the shift's name, ``template_id``, ``needed``/``planned``
    people), a wish not met (``subject`` the person, ``account_id``, ``template_id`` None
    for any shift / the whole day, ``wish`` and ``weight``) or a rule break (``subject``
    the person, ``account_id``, ``rule``; ``day`` None for a rule of the whole month)."""

    kind: IssueKind
    day: date | None
    subject: str
    needed: int = 0
    planned: int = 0
    rule: Rule | None = None
    account_id: int | None = None
    template_id: int | None = None
    wish: WishKind | None = None
    weight: int = 0


@dataclass(frozen=True)
class MonthSummary:
    """What the month as it stands achieves, counted from its cells by the roster checker:
    the shifts short of people, the wishes not met, the rules broken."""

    gaps: tuple[RosterIssue, ...] = ()
    wishes: tuple[RosterIssue, ...] = ()
    rules: tuple[RosterIssue, ...] = ()
    coverage: tuple[CoverageGap, ...] = ()  # the gaps by day and template, as publishing accepts them

    @property
    def people_missing(self) -> int:
        """Person-shifts missing over all short shifts (a shift two short counts two)."""
        return sum(g.needed - g.planned for g in self.gaps)

    @property
    def complete(self) -> bool:
        """Every shift staffed and every rule kept (wishes may still be unmet)."""
        return not self.gaps and not self.rules

    def issues(self) -> list[RosterIssue]:
        return [*self.gaps, *self.wishes, *self.rules]


@dataclass(frozen=True)
class MonthConflict:
    """One of the rules that together leave no roster (the solver's ``Conflict``) in the
    month's terms: the people's account ids, the days' dates, the shift's template."""

    rule: Rule
    account_ids: tuple[int, ...] = ()
    days: tuple[date, ...] = ()
    template_id: int | None = None


@dataclass(frozen=True)
class ChangeView:
    at: datetime
    by: str
    version: int
    account: str
    day: date
    before: int | None
    after: int | None
    reason: str
