"""Realistic demo data: a set-up desk, its staff and months (or decades) of shift log.

Used by ``desk-app demo`` and by the benchmarks. Everything is written the way the
application writes it: accounts through ``AccountService``, log rows through
``log_chain.append`` (ids, hash chain, search index), signatures as ``DayReview`` rows in
the order a supervisor would have signed them. Rows are built as plain dicts (no ORM
objects) so a million entries take a few minutes. The same seed gives the same log.
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
from desk_app.domain.text_rules import HANDLING_MAX
from desk_app.services import log_chain
from desk_app.services.common import audit, to_db
from desk_app.services.container import Services
from desk_app.services.demo_text import BACKDATE_REASONS, CORRECTION_NOTES, REVIEW_REMARKS, DemoText
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
CORRECTION_RATE = 0.025
BACKDATE_RATE = 0.06
UNSIGNED_RECENT_DAYS = 2  # yesterday and the day before stay unsigned
MISSED_SIGNATURE_RATE = 0.03  # older days the supervisor forgot to sign
FOLLOW_UP_CLOSED_RATE = 0.9  # follow-ups older than yesterday that were dealt with
FOLLOW_UP_NOTES = ("已处理完毕", "工程部已修复，业主确认", "已回访，业主满意", "已电话回复业主", "已转交工程部跟进完毕")

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
    accounts: list[tuple[str, str, str]] = field(default_factory=list)  # username, name, role
    password: str = DEMO_PASSWORD

    def describe(self) -> str:
        lines = [
            f"Demo data: {self.entries} log entries over {self.days} days "
            f"({self.first_day} to {self.last_day}); {self.corrections} corrections, "
            f"{self.backdated} back-dated, {self.follow_ups} to follow up; "
            f"{self.signed_days} days signed by the supervisor.",
        ]
        if self.accounts:
            people = ", ".join(f"{u} ({n}, {r})" for u, n, r in self.accounts)
            lines.append(f"Sign in as {people}; password for all: {self.password}")
        else:
            lines.append("The desk was already set up: sign in with its existing accounts.")
        return "\n".join(lines)


@dataclass
class _Written:
    """What a correction may point at: an earlier entry of this or the previous shift."""

    id: int
    shift_date: date
    category: str
    situation: str
    handling: str


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
    """Fill an empty log with ``days`` days of entries ending yesterday (desk time)."""
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
    summary = DemoSummary()
    supervisor, clerks = _ensure_desk(services, summary)
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
    sign_time = {day: at for at, day, _ in signatures}
    next_signature = 0

    days_per_batch = max(1, ROWS_PER_TRANSACTION // entries_per_day)
    next_id = 1
    shift_counter = 0
    previous_shift: list[_Written] = []
    corrected: set[int] = set()
    weights = [t.duration_minutes for t in templates]

    def occurrences(day: date) -> list[ShiftOccurrence]:
        return sorted((occurrence(t, day, tz) for t in templates), key=lambda o: o.start)

    for batch_start in range(0, days, days_per_batch):
        batch_days = all_days[batch_start : batch_start + days_per_batch]
        rows: list[dict[str, Any]] = []
        for day in batch_days:
            shifts = occurrences(day)
            counts = _split(entries_per_day, [weights[templates.index(o.template)] for o in shifts])
            for occ, count in zip(shifts, counts, strict=True):
                clerk = clerks[shift_counter % len(clerks)]
                shift_counter += 1
                start = occ.start.astimezone(UTC).replace(tzinfo=None)
                end = min(occ.end.astimezone(UTC).replace(tzinfo=None), now_db)
                span = int((end - start).total_seconds())
                if span <= 120 or count == 0:
                    continue
                offsets = sorted(rng.randrange(60, span - 60) for _ in range(count))
                this_shift: list[_Written] = []
                for offset in offsets:
                    recorded = start + timedelta(seconds=offset)
                    row = _entry_row(
                        rng,
                        words,
                        recorded,
                        start,
                        tz,
                        occ,
                        clerk,
                        desk.timezone,
                        this_shift,
                        previous_shift,
                        corrected,
                        sign_time,
                        next_id,
                        summary,
                    )
                    rows.append(row)
                    this_shift.append(
                        _Written(
                            next_id,
                            occ.shift_date,
                            row["category"],
                            row["situation"],
                            row["handling"],
                        )
                    )
                    next_id += 1
                previous_shift = this_shift
        last_recorded = rows[-1]["recorded_at"] if rows else now_db
        with services.db.write() as session:
            due: list[dict[str, Any]] = []
            final = batch_start + days_per_batch >= days
            while next_signature < len(signatures) and (final or signatures[next_signature][0] <= last_recorded):
                at, day, remark = signatures[next_signature]
                due.append({"day": day, "signer_id": supervisor.account_id, "signed_at": at, "remark": remark})
                next_signature += 1
            done = log_chain.append(session, rows)
            if done and done[-1]["id"] != next_id - 1:
                raise RuntimeError("log ids out of step with the demo generator")
            if due:
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
                session.execute(insert(DayReview), due)
            closures = _closures(rng, done, last_day, now_db, clerks)
            if closures:
                session.execute(insert(FollowUpClosure), closures)
            summary.signed_days += len(due)
            if final:
                # Fresh statistics for the query planner over the new rows.
                session.execute(text("ANALYZE"))
        summary.entries += len(rows)
        if progress is not None:
            progress(min(days, batch_start + len(batch_days)), days)
    with services.db.write() as session:
        # Merge the search index's segments into one: faster look-ups from the start.
        session.execute(text("INSERT INTO log_fts(log_fts) VALUES ('optimize')"))
    summary.days = days
    summary.first_day = first_day
    summary.last_day = last_day
    return summary


def _closures(
    rng: random.Random, rows: list[dict[str, Any]], last_day: date, now_db: datetime, clerks: list[Actor]
) -> list[dict[str, Any]]:
    """Most follow-ups of the days before yesterday were dealt with a few hours later."""
    closures: list[dict[str, Any]] = []
    for row in rows:
        if not row["follow_up"] or row["shift_date"] >= last_day or rng.random() >= FOLLOW_UP_CLOSED_RATE:
            continue
        closed_at = min(row["recorded_at"] + timedelta(minutes=rng.randint(30, 1200)), now_db)
        closures.append(
            {
                "log_entry_id": row["id"],
                "closed_at": closed_at,
                "closed_by": rng.choice(clerks).account_id,
                "note": rng.choice(FOLLOW_UP_NOTES),
                "handover_id": None,
            }
        )
    return closures


def _entry_row(
    rng: random.Random,
    words: DemoText,
    recorded: datetime,
    shift_start: datetime,
    tz: Any,
    occ: ShiftOccurrence,
    clerk: Actor,
    tz_name: str,
    this_shift: list[_Written],
    previous_shift: list[_Written],
    corrected: set[int],
    sign_time: dict[date, datetime],
    entry_id: int,
    summary: DemoSummary,
) -> dict[str, Any]:
    occurred = recorded
    reason = ""
    corrects_id: int | None = None
    after_review = False
    local = recorded.replace(tzinfo=UTC).astimezone(tz)
    target: _Written | None = None
    if rng.random() < CORRECTION_RATE:
        target = _pick_target(rng, this_shift, previous_shift, corrected, sign_time, recorded)
    if target is not None:
        note = rng.choice(CORRECTION_NOTES)
        category = LogCategory(target.category)
        if note == CORRECTION_NOTES[0]:
            category = words.category()
        situation = target.situation
        handling = f"{target.handling}（更正第{target.id}号记录：{note}）"[:HANDLING_MAX]
        follow = rng.random() < 0.2
        corrects_id = target.id
        corrected.add(target.id)
        signed = sign_time.get(target.shift_date)
        after_review = signed is not None and signed <= recorded
        summary.corrections += 1
    else:
        category = words.category()
        if rng.random() < BACKDATE_RATE:
            back = timedelta(minutes=rng.randint(5, 90))
            occurred = max(shift_start, recorded - back)
            if recorded - occurred >= timedelta(minutes=1):
                reason = rng.choice(BACKDATE_REASONS)
                summary.backdated += 1
                local = occurred.replace(tzinfo=UTC).astimezone(tz)
            else:
                occurred = recorded
        situation, handling, follow = words.entry(category, local)
    if follow:
        summary.follow_ups += 1
    return {
        "clerk_id": clerk.account_id,
        "shift_template_id": occ.template.id,
        "shift_date": occ.shift_date,
        "occurred_at": occurred,
        "recorded_at": recorded,
        "tz": tz_name,
        "category": category.value,
        "situation": situation,
        "handling": handling,
        "backdate_reason": reason,
        "follow_up": follow,
        "corrects_id": corrects_id,
        "after_review": after_review,
    }


def _pick_target(
    rng: random.Random,
    this_shift: list[_Written],
    previous_shift: list[_Written],
    corrected: set[int],
    sign_time: dict[date, datetime],
    recorded: datetime,
) -> _Written | None:
    """An earlier entry of this or the previous shift that nobody corrected yet."""
    pools: list[list[_Written]] = []
    signed_before = [
        w for w in previous_shift[-5:] if (at := sign_time.get(w.shift_date)) is not None and at <= recorded
    ]
    if signed_before:
        pools.append(signed_before)  # a correction after the supervisor signed
    pools.extend((this_shift[-8:], previous_shift[-8:]))
    for pool in pools:
        free = [w for w in pool if w.id not in corrected]
        if free:
            return rng.choice(free)
    return None


__all__ = ["DEMO_PASSWORD", "DemoSummary", "generate"]
