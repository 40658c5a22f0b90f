"""Realistic demo data: a set-up desk, its staff and months (or decades) of shift log,
the last month of it handed over shift by shift.

Used by ``desk-app demo`` and by the benchmarks. Everything is written the way the
application writes it: accounts through ``AccountService``, log rows through
``log_chain.append`` (ids, hash chain, search index; ``demo_log`` makes them), signatures
as ``DayReview`` rows in the order a supervisor would have signed them, follow-ups closed
the way a clerk records them (incidents within their shift), and the last
``HANDOVER_DAYS`` days' handovers through ``HandoverService`` (``demo_handovers``). The
log is written in time order, so the HANDOVER entries the handovers add keep the ids in
step with the time. Rows are built as plain dicts (no ORM objects) so a million entries
take a few minutes. The same seed gives the same desk.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select, text

from desk_app.domain.categories import LogCategory
from desk_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from desk_app.domain.roles import Actor, Role
from desk_app.domain.shifts import PRESETS, ShiftOccurrence, occurrence
from desk_app.services import log_chain
from desk_app.services.common import audit, to_db
from desk_app.services.container import Services
from desk_app.services.demo_handovers import HANDOVER_DAYS, HANDOVER_MARGIN, Closures, Handovers, PastDesk
from desk_app.services.demo_log import LogRows
from desk_app.services.demo_text import REVIEW_REMARKS, DemoText
from desk_app.storage.models import DayReview, FollowUpClosure, LogEntry

DESK_NAME = "翠湖花园客户服务中心前台"
TIMEZONE = "Asia/Shanghai"
DEMO_PASSWORD = "dutydesk-demo"
SUPERVISOR = ("zhang", "张敏")
CLERKS = (("wang", "王丽"), ("lina", "李娜"), ("zhaoq", "赵强"), ("chenj", "陈静"), ("liuy", "刘洋"))
MANAGER = ("zhou", "周建国")
# The desk's item list (物品清点清单): name, unit, expected quantity.
HANDOVER_ITEMS = (
    ("钥匙", "把", 12),
    ("对讲机", "台", 3),
    ("门禁卡", "张", 20),
    ("备用雨伞", "把", 5),
    ("备用金", "元", 200),
    ("手电筒", "支", 2),
)

# One transaction holds about this many entries (each commit is a durable fsync).
ROWS_PER_TRANSACTION = 20_000
UNSIGNED_RECENT_DAYS = 2  # yesterday and the day before stay unsigned
MISSED_SIGNATURE_RATE = 0.03  # older days the supervisor forgot to sign

Progress = Callable[[int, int], None]


@dataclass
class DemoSummary:
    days: int = 0
    first_day: date | None = None
    last_day: date | None = None
    entries: int = 0
    corrections: int = 0
    backdated: int = 0
    follow_ups: int = 0
    signed_days: int = 0
    handovers: int = 0
    differences: int = 0  # items short or damaged at those handovers
    checked: int = 0  # handovers the supervisor checked
    accounts: list[tuple[str, str, str]] = field(default_factory=list)  # username, name, role
    password: str = DEMO_PASSWORD

    def describe(self) -> str:
        lines = [
            f"Demo data: {self.entries} log entries over {self.days} days "
            f"({self.first_day} to {self.last_day}); {self.corrections} corrections, "
            f"{self.backdated} back-dated, {self.follow_ups} to follow up; "
            f"{self.signed_days} days signed by the supervisor; {self.handovers} shifts handed over "
            f"({self.differences} with an item short or damaged, {self.checked} checked by the supervisor).",
        ]
        if self.accounts:
            people = ", ".join(f"{u} ({n}, {r})" for u, n, r in self.accounts)
            lines.append(f"Sign in as {people}; password for all: {self.password}")
        else:
            lines.append("The desk was already set up: sign in with its existing accounts.")
        return "\n".join(lines)


def _local_now_day(services: Services) -> tuple[datetime, date]:
    now = services.clock.now().replace(microsecond=0)
    return now, services.desk.today()


def _ensure_desk(services: Services, summary: DemoSummary) -> tuple[Actor, list[Actor]]:
    """The supervisor who signs and the clerks who keep the log (created when missing)."""
    accounts = services.accounts
    if not services.desk.is_set_up():
        supervisor = services.desk.set_up(
            accounts,
            desk_name=DESK_NAME,
            timezone=TIMEZONE,
            shifts=PRESETS["three_shifts_24h"],
            supervisor_username=SUPERVISOR[0],
            supervisor_name=SUPERVISOR[1],
            supervisor_password=DEMO_PASSWORD,
        )
        summary.accounts.append((SUPERVISOR[0], SUPERVISOR[1], Role.SUPERVISOR.value))
    else:
        bosses = [a for a in accounts.staff() if a.role is Role.SUPERVISOR and a.active]
        if not bosses:
            raise ValidationError(
                QT_TRANSLATE_NOOP("DeskError", "Demo data needs an active supervisor account to sign the days.")
            )
        first = min(bosses, key=lambda a: a.id)
        supervisor = accounts.seed_session(first.id, "demo data")
    existing = {a.username: a for a in accounts.staff()}
    clerks: list[Actor] = []
    for username, name in CLERKS:
        info = existing.get(username)
        if info is None:
            info = accounts.create(supervisor, username, name, DEMO_PASSWORD, Role.CLERK)
            summary.accounts.append((username, name, Role.CLERK.value))
        clerks.append(accounts.seed_session(info.id, "demo data"))
    if MANAGER[0] not in existing:
        # A supervisor may not create a higher role through the service rule, so the
        # manager is built by the service and stored here, with an audit record.
        manager = accounts.build_account(MANAGER[0], MANAGER[1], DEMO_PASSWORD, Role.MANAGER, supervisor.account_id)
        with services.db.write(supervisor) as session:
            session.add(manager)
            audit(
                session,
                services.clock.now(),
                supervisor.account_id,
                "account.created",
                f"{MANAGER[0]} manager (demo data)",
            )
        summary.accounts.append((MANAGER[0], MANAGER[1], Role.MANAGER.value))
    if not services.handover.items(include_retired=True):
        for name, unit, expected in HANDOVER_ITEMS:
            services.handover.add_item(supervisor, name, unit, expected)
    return supervisor, clerks


def _split(total: int, weights: list[int]) -> list[int]:
    """``total`` entries over shifts in proportion to their length (largest remainder)."""
    whole = sum(weights)
    if whole == 0:
        return [0] * len(weights)
    shares = [total * w / whole for w in weights]
    counts = [int(s) for s in shares]
    order = sorted(range(len(weights)), key=lambda i: counts[i] - shares[i])
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    return counts


def generate(
    services: Services,
    days: int,
    *,
    entries_per_day: int = 40,
    seed: int = 1,
    progress: Progress | None = None,
) -> DemoSummary:
    """Fill an empty log with ``days`` days of entries ending yesterday (desk time), the
    last month of it handed over shift by shift (``demo_handovers``)."""
    if days <= 0 or entries_per_day <= 0:
        raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "Demo data needs at least one day and one entry a day."))
    with services.db.read() as session:
        if session.scalar(select(LogEntry.id).limit(1)) is not None:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "DeskError",
                    "This database already has log entries; demo data is only made in an "
                    "empty log, so that it never mixes with a real one.",
                )
            )
    past = PastDesk(services)
    try:
        return _generate(services, past, days, entries_per_day, seed, progress)
    finally:
        past.close()


def _generate(
    services: Services, past: PastDesk, days: int, entries_per_day: int, seed: int, progress: Progress | None
) -> DemoSummary:
    summary = DemoSummary()
    supervisor, clerks = _ensure_desk(past.services, summary)
    desk = services.desk.info()
    tz = desk.tz
    templates = services.desk.shift_templates()
    if not templates:
        raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "The desk needs at least one shift."))
    now, today = _local_now_day(services)
    now_db = to_db(now)
    last_day = today - timedelta(days=1)
    first_day = last_day - timedelta(days=days - 1)
    rng = random.Random(seed)
    words = DemoText(rng)
    with services.db.read() as session:
        already_signed = set(session.scalars(select(DayReview.day)))

    # When the supervisor signs each day: after its last shift ends, usually the next
    # morning, sometimes on a night check soon after (so a correction made during the
    # night shift can come after the signature).
    all_days = [first_day + timedelta(days=i) for i in range(days)]
    signatures: list[tuple[datetime, date, str]] = []
    for index, day in enumerate(all_days):
        ends = max(occurrence(t, day, tz).end for t in templates).astimezone(UTC)
        if index >= days - UNSIGNED_RECENT_DAYS or day in already_signed:
            continue
        if index < days - 7 and rng.random() < MISSED_SIGNATURE_RATE:
            continue
        if rng.random() < 0.3:
            delay = timedelta(minutes=rng.randint(10, 120))
        else:
            delay = timedelta(minutes=rng.randint(510, 660))
        signed_at = (ends + delay).replace(tzinfo=None, microsecond=0)
        if signed_at < now_db:
            signatures.append((signed_at, day, rng.choice(REVIEW_REMARKS)))
    signatures.sort()
    log = LogRows(rng, words, tz, desk.timezone, {day: at for at, day, _ in signatures}, summary, now_db)
    closures = Closures(rng, clerks)
    # The handovers need the clerks' passwords: only accounts this demo made have them.
    made = {username for username, _, _ in summary.accounts}
    hand_over = all(username in made for username, _ in (*CLERKS, SUPERVISOR))
    handovers = Handovers(past, rng, words, closures, DEMO_PASSWORD, SUPERVISOR[0])
    next_signature = 0

    def write(rows: list[dict[str, Any]], until: datetime, final: bool = False) -> None:
        """The rows, then the day signatures and the closures due by ``until`` (naive UTC)."""
        nonlocal next_signature
        with services.db.write() as session:
            due: list[dict[str, Any]] = []
            while next_signature < len(signatures) and (final or signatures[next_signature][0] <= until):
                at, day, remark = signatures[next_signature]
                due.append({"day": day, "signer_id": supervisor.account_id, "signed_at": at, "remark": remark})
                next_signature += 1
            done = log_chain.append(session, rows)
            if done and done[-1]["id"] != log.next_id - 1:
                raise RuntimeError("log ids out of step with the demo generator")
            # Each signature covers the entries written up to it (ids follow the time).
            for review in due:
                review["covers_to_id"] = int(
                    session.scalar(
                        select(func.coalesce(func.max(LogEntry.id), 0)).where(
                            LogEntry.recorded_at <= review["signed_at"]
                        )
                    )
                    or 0
                )
            if due:
                session.execute(insert(DayReview), due)
            closed = closures.due(until)
            if closed:
                session.execute(insert(FollowUpClosure), closed)
            summary.signed_days += len(due)
            if final:
                # Fresh statistics for the query planner over the new rows.
                session.execute(text("ANALYZE"))
        summary.entries += len(rows)

    def occurrences(day: date) -> list[ShiftOccurrence]:
        return sorted((occurrence(t, day, tz) for t in templates), key=lambda o: o.start)

    weights = [t.duration_minutes for t in templates]
    shift_counter = 0
    window = max(0, days - HANDOVER_DAYS)  # the first day handed over shift by shift
    days_per_batch = max(1, ROWS_PER_TRANSACTION // entries_per_day)
    batches = [all_days[i : min(i + days_per_batch, window)] for i in range(0, window, days_per_batch)]
    batches += [[day] for day in all_days[window:]]
    for batch in batches:
        rows: list[dict[str, Any]] = []
        for day in batch:
            shifts = occurrences(day)
            counts = _split(entries_per_day, [weights[templates.index(o.template)] for o in shifts])
            for occ, count in zip(shifts, counts, strict=True):
                clerk = clerks[shift_counter % len(clerks)]
                shift_counter += 1
                handed = hand_over and day >= all_days[window] and occ.end.astimezone(UTC) <= now
                shift_rows = log.shift_rows(occ, count, clerk, HANDOVER_MARGIN if handed else timedelta(0))
                rows += shift_rows
                if not handed:
                    limit = min(occ.end.astimezone(UTC).replace(tzinfo=None), now_db) - timedelta(minutes=1)
                    closures.plan(shift_rows, clerk, limit, LogCategory.INCIDENT.value)
                    continue
                times = handovers.times(occ)
                closures.plan(shift_rows, clerk, times.start_db - timedelta(minutes=2), LogCategory.INCIDENT.value)
                write(rows, times.start_db)
                rows = []
                incoming = CLERKS[shift_counter % len(clerks)][0]
                handovers.hand_over(occ, times, CLERKS[(shift_counter - 1) % len(clerks)][0], incoming)
                with services.db.read() as session:  # the HANDOVER entry took the next id
                    log.next_id = log_chain.read_head(session).last_id + 1
        write(rows, rows[-1]["recorded_at"] if rows else now_db)
        if progress is not None:
            progress(all_days.index(batch[-1]) + 1, days)
    write([], now_db, final=True)
    handovers.check(today, tz)
    with services.db.write() as session:
        # Merge the search index's segments into one: faster look-ups from the start.
        session.execute(text("INSERT INTO log_fts(log_fts) VALUES ('optimize')"))
    summary.days = days
    summary.first_day = first_day
    summary.last_day = last_day
    summary.handovers = handovers.signed
    summary.entries += handovers.signed  # each signed handover wrote its HANDOVER entry
    summary.differences = handovers.differences
    summary.checked = handovers.checked
    return summary


__all__ = ["DEMO_PASSWORD", "DemoSummary", "generate"]
