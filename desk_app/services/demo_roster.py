"""The demo desk's roster: phones on file, this month generated and published (so the
handover knows who is expected), next month generated as a draft to look at."""

from __future__ import annotations

from dataclasses import dataclass

from desk_app.domain.errors import DeskError
from desk_app.domain.roles import Actor, Role
from desk_app.domain.roster import StaffRules
from desk_app.roster.problem import load_problem
from desk_app.roster.solver import solve
from desk_app.services.container import Services
from desk_app.services.demo import DEMO_PASSWORD, SUPERVISOR

SOLVE_SECONDS = 10.0


@dataclass
class RosterDemoSummary:
    published: tuple[int, int] | None = None
    draft: tuple[int, int] | None = None
    shifts: int = 0

    def describe(self) -> str:
        parts = []
        if self.published:
            parts.append(f"{self.published[0]}-{self.published[1]:02d} published")
        if self.draft:
            parts.append(f"{self.draft[0]}-{self.draft[1]:02d} as a draft")
        return f"Demo roster: {', '.join(parts) or 'none'} ({self.shifts} shifts)."


def generate_roster(services: Services, seed: int = 1) -> RosterDemoSummary:
    staff = services.accounts.staff()
    boss = next(a for a in staff if a.role is Role.SUPERVISOR and a.active)
    # The demo's own supervisor signs in with the demo password and publishes; on a desk
    # whose supervisor is someone else (password unknown) the months stay drafts.
    password: str | None = DEMO_PASSWORD if boss.username == SUPERVISOR[0] else None
    supervisor: Actor | None = None
    if password is not None:
        try:
            supervisor = services.accounts.authenticate(boss.username, password)
        except DeskError:
            password = None
    if supervisor is None:
        supervisor = services.accounts.seed_session(boss.id, "demo roster")
    for n, member in enumerate(services.roster.staff()):
        if not services.roster.rules_of(member.account_id).mobile:
            services.roster.set_rules(
                supervisor,
                member.account_id,
                StaffRules(mobile=f"1391234{(seed * 97 + n) % 10000:04d}", office_phone=f"0755-8666{1000 + n}"),
            )
    today = services.desk.today()
    months = [(today.year, today.month), (today.year + today.month // 12, today.month % 12 + 1)]
    summary = RosterDemoSummary()
    for index, (year, month) in enumerate(months):
        if services.roster.month(year, month).cells:
            continue  # never over a roster that exists
        solution = solve(load_problem(services.roster.problem(year, month)), SOLVE_SECONDS, explain=False)
        if not solution.assignments:
            continue
        cells = services.roster.solution_cells(year, month, solution.assignments)
        summary.shifts += services.roster.apply_solution(supervisor, year, month, cells)
        if index == 0 and password is not None:
            gaps = services.roster.coverage_gaps(year, month)  # the demo's supervisor accepts them
            services.roster.publish(supervisor, year, month, "演示数据", password=password, accept_gaps=gaps)
            summary.published = (year, month)
        else:
            summary.draft = (year, month)
    return summary
