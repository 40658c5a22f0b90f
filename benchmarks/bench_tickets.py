"""The ticket queue with 200,000 tickets, beside raw sqlite3 doing the same.

    uv run python benchmarks/bench_tickets.py                    # 200,000 tickets
    uv run python benchmarks/bench_tickets.py --tickets 20000    # a quick run

The queue is built once with the demo generator (``desk_app.services.demo_tickets``, seed
1, two years of tickets ending 2026-11-24 15:00) into ./bench-data/ (git-ignored) and
reused. Every figure is the median of several runs of what the window does (the table
model's ``count`` + first ``page`` of 100), printed beside a raw sqlite3 query on its own
connection that returns the same rows, with the ratio. The query plans of the due/overdue
queries are printed to show they are index ranges, not scans of the tickets.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from desk_app.domain.clock import FixedClock
from desk_app.domain.tickets import TicketKind, TicketStatus
from desk_app.services.common import to_db
from desk_app.services.container import Services
from desk_app.services.tickets import TicketFilter

TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 24, 15, 0, tzinfo=TZ)
DAYS = 730
PAGE = 100
OPEN = "status <> 'closed'"
TIMED_ORDER = "ORDER BY due_at, id"


def db_url(path: Path) -> str:
    return f"sqlite:///{path.resolve().as_posix()}"


def build(path: Path, tickets: int) -> None:
    from desk_app.services.demo import generate
    from desk_app.services.demo_tickets import generate_tickets

    per_day = max(1, round(tickets / DAYS))
    print(f"building {path} ({DAYS} days x {per_day} tickets) ...", flush=True)
    partial = path.with_suffix(".partial")
    for leftover in path.parent.glob(partial.name + "*"):
        leftover.unlink()
    services = Services.open(db_url(partial), clock=FixedClock(NOW))
    started = time.perf_counter()
    try:
        generate(services, 2, entries_per_day=10, seed=1)
        summary = generate_tickets(services, DAYS, per_day=per_day, seed=1)
    finally:
        services.close()
    with sqlite3.connect(partial) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    partial.rename(path)
    print(f"built in {time.perf_counter() - started:.0f} s: {summary.describe()}", flush=True)


def median_ms(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    result = fn()  # warm-up (and the result to compare)
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tickets", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--no-qt", action="store_true", help="skip the Qt ticket tab rows")
    args = parser.parse_args(argv)
    folder = Path("bench-data")
    folder.mkdir(exist_ok=True)
    path = folder / f"tickets-{args.tickets}.sqlite"
    if not path.exists():
        build(path, args.tickets)
    services = Services.open(db_url(path), clock=FixedClock(NOW))
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    tickets = services.tickets
    now_db = to_db(NOW).isoformat(sep=" ")
    end_of_day = to_db(datetime.combine(NOW.date() + timedelta(days=1), datetime.min.time(), TZ)).isoformat(sep=" ")
    total = raw.execute("SELECT count(*) FROM ticket").fetchone()[0]
    open_count = raw.execute(f"SELECT count(*) FROM ticket WHERE {OPEN}").fetchone()[0]
    busiest = raw.execute(
        f"SELECT building FROM ticket WHERE {OPEN} AND building <> '' GROUP BY building ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    clerk = raw.execute("SELECT created_by FROM ticket GROUP BY created_by ORDER BY count(*) DESC LIMIT 1").fetchone()[
        0
    ]

    def ours(flt: TicketFilter) -> Callable[[], tuple[int, list[int]]]:
        return lambda: (tickets.count(flt), [r.id for r in tickets.page(flt, 0, PAGE)])

    def raw_open(where: str = "", params: tuple[Any, ...] = ()) -> Callable[[], tuple[int, list[int]]]:
        cond = f"{OPEN}{' AND ' + where if where else ''}"

        def run() -> tuple[int, list[int]]:
            n = raw.execute(f"SELECT count(*) FROM ticket WHERE {cond}", params).fetchone()[0]
            ids = [
                r[0]
                for r in raw.execute(
                    f"SELECT id FROM ticket WHERE {cond} AND due_at IS NOT NULL {TIMED_ORDER} LIMIT {PAGE}", params
                )
            ]
            if len(ids) < PAGE:
                ids += [
                    r[0]
                    for r in raw.execute(
                        f"SELECT id FROM ticket WHERE {cond} AND due_at IS NULL ORDER BY id LIMIT {PAGE - len(ids)}",
                        params,
                    )
                ]
            return n, ids

        return run

    def raw_closed(where: str = "", params: tuple[Any, ...] = ()) -> Callable[[], tuple[int, list[int]]]:
        cond = f"status = 'closed'{' AND ' + where if where else ''}"

        def run() -> tuple[int, list[int]]:
            n = raw.execute(f"SELECT count(*) FROM ticket WHERE {cond}", params).fetchone()[0]
            ids = [
                r[0]
                for r in raw.execute(
                    f"SELECT id FROM ticket WHERE {cond} ORDER BY created_at DESC, id DESC LIMIT {PAGE}", params
                )
            ]
            return n, ids

        return run

    closed = (TicketStatus.CLOSED,)
    like = "(description LIKE ? OR resident_name LIKE ? OR phone LIKE ? OR building || room LIKE ?)"
    cases: list[tuple[str, Callable[[], Any], Callable[[], Any], float | None]] = [
        ("queue first screen (open work, due first)", ours(TicketFilter()), raw_open(), 100),
        ("filter kind 报修", ours(TicketFilter(kinds=(TicketKind.REPAIR,))), raw_open("kind = 'repair'"), 150),
        (f"filter building {busiest}", ours(TicketFilter(building=busiest)), raw_open("building = ?", (busiest,)), 150),
        ("filter one clerk", ours(TicketFilter(clerk_id=clerk)), raw_open("created_by = ?", (clerk,)), 150),
        (
            "filter due today",
            ours(TicketFilter(due_today=True)),
            raw_open("due_at >= ? AND due_at < ?", (now_db, end_of_day)),
            150,
        ),
        ("filter overdue", ours(TicketFilter(overdue=True)), raw_open("due_at < ?", (now_db,)), 150),
        (
            "filter status 待回访",
            ours(TicketFilter(statuses=(TicketStatus.FOLLOW_UP,))),
            raw_open("status = 'follow_up'"),
            150,
        ),
        ("filter closed (all history, newest first)", ours(TicketFilter(statuses=closed)), raw_closed(), 150),
        (
            "filter closed + 投诉",
            ours(TicketFilter(statuses=closed, kinds=(TicketKind.COMPLAINT,))),
            raw_closed("kind = 'complaint'"),
            150,
        ),
        (
            "search 漏水 in the open queue",
            ours(TicketFilter(text="漏水")),
            raw_open(like, ("%漏水%",) * 4),
            150,
        ),
        (
            "search 漏水 in all closed",
            ours(TicketFilter(statuses=closed, text="漏水")),
            raw_closed(like, ("%漏水%",) * 4),
            150,
        ),
        (
            "search 电梯困 in all closed",
            ours(TicketFilter(statuses=closed, text="电梯困")),
            raw_closed(like, ("%电梯困%",) * 4),
            150,
        ),
        (
            "search 装修 + 投诉 in all closed",
            ours(TicketFilter(statuses=closed, kinds=(TicketKind.COMPLAINT,), text="装修")),
            raw_closed("kind = 'complaint' AND " + like, ("%装修%",) * 4),
            150,
        ),
    ]
    print(f"\n{total:,} tickets, {open_count:,} open; SQLite {sqlite3.sqlite_version}; median of {args.repeat}\n")
    print(f"{'measure':<48}{'found':>9}{'DutyDesk':>11}{'raw sqlite3':>13}{'ratio':>8}  target")
    failures = []
    for label, fn, baseline, target in cases:
        ms, (n, ids) = median_ms(fn, args.repeat)
        raw_ms, (raw_n, raw_ids) = median_ms(baseline, args.repeat)
        if n != raw_n or (not label.startswith("search") and ids != raw_ids):
            failures.append(f"{label}: DutyDesk {n} {ids[:5]} vs raw {raw_n} {raw_ids[:5]}")
        mark = "" if target is None or ms < target else "  MISSED"
        print(f"{label:<48}{n:>9,}{ms:>9.1f}ms{raw_ms:>11.1f}ms{ms / raw_ms:>8.2f}  < {target:g} ms{mark}")
    sweep_ms, escalated = median_ms(lambda: services.tickets.escalate_due(), 1)
    print(f"{'escalation sweep (every minute, background)':<48}{len(escalated):>9,}{sweep_ms:>9.1f}ms{'-':>13}")
    if not args.no_qt:
        qt_rows(services)
    print("\nQuery plans (an index range each, no scan of the ticket table):")
    for label, sql, params in (
        ("first screen", f"SELECT id FROM ticket WHERE {OPEN} AND due_at IS NOT NULL {TIMED_ORDER} LIMIT 100", ()),
        ("overdue", f"SELECT count(*) FROM ticket WHERE {OPEN} AND due_at < ?", (now_db,)),
        ("due today", f"SELECT count(*) FROM ticket WHERE {OPEN} AND due_at >= ? AND due_at < ?", (now_db, end_of_day)),
        ("kind", f"SELECT id FROM ticket WHERE {OPEN} AND kind = 'repair' AND due_at IS NOT NULL {TIMED_ORDER}", ()),
    ):
        plan = " | ".join(r[3] for r in raw.execute(f"EXPLAIN QUERY PLAN {sql}", params))
        print(f"  {label:<13} {plan}")
        if "SCAN ticket" in plan and "USING" not in plan:
            failures.append(f"{label}: full scan")
    print(f"\nfile {path.stat().st_size / 1e6:.0f} MB")
    services.close()
    for failure in failures:
        print("MISMATCH:", failure, file=sys.stderr)
    return 1 if failures else 0


def qt_rows(services: Services) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desk_app.domain.roles import Role
    from desk_app.ui.ticket_tab import TicketTab

    app = QApplication.instance() or QApplication([])
    info = next(a for a in services.accounts.staff() if a.role is Role.CLERK)
    actor = services.accounts.seed_session(info.id, "benchmark")
    for label in ("first tab", "again"):
        started = time.perf_counter()
        tab = TicketTab(services, actor)
        tab.resize(1200, 700)
        tab.show()
        app.processEvents()
        ms = (time.perf_counter() - started) * 1000
        print(
            f"{'Qt ticket tab: build, show, first rows (' + label + ')':<48}{tab.model.total:>9,}{ms:>9.1f}ms{'-':>13}"
        )
        tab.tick_timer.stop()
        tab.reload_timer.stop()
        tab.deleteLater()
        app.processEvents()


if __name__ == "__main__":
    raise SystemExit(main())
