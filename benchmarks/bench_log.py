"""How the shift log behaves with a million entries, beside raw sqlite3 doing the same.

    uv run python benchmarks/bench_log.py                  # 1,000,000 entries
    uv run python benchmarks/bench_log.py --entries 50000  # a quick run

The log is built once with the demo generator into ./bench-data/ (git-ignored) and
reused. Every figure is the median of several runs, printed beside a raw sqlite3 query
that returns the same rows on its own connection, with the ratio. "add one entry" runs
on a copy of the file, so the cached log is never changed.
"""

from __future__ import annotations

import argparse
import math
import os
import resource
import shutil
import sqlite3
import statistics
import sys
import time
import unicodedata
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from desk_app.domain.categories import MANUAL_CATEGORIES, LogCategory
from desk_app.domain.clock import FixedClock
from desk_app.domain.roles import Role
from desk_app.services.container import Services
from desk_app.services.log import LogFilter
from desk_app.storage import journal

TZ = ZoneInfo("Asia/Shanghai")
# The cached log ends the day before this instant; the adds happen in its 早班.
BUILD_AT = datetime(2026, 11, 24, 7, 0, tzinfo=TZ)
ENTRIES_PER_DAY = 40
PAGE = 100
COLUMNS = (
    "id, clerk_id, shift_template_id, shift_date, occurred_at, recorded_at, tz, category, "
    "situation, handling, backdate_reason, follow_up, corrects_id, after_review, hash"
)
ORDER = "ORDER BY occurred_at DESC, id DESC"

Row = tuple[str, float, float, str]  # label, ours (ms), raw (ms), target / note
MEMORY = "MB"  # a row whose target starts with this is a size in MB, not a time


def db_url(path: Path) -> str:
    return f"sqlite:///{path.resolve().as_posix()}"


def build(path: Path, entries: int) -> None:
    from desk_app.services.demo import generate

    days = math.ceil(entries / ENTRIES_PER_DAY)
    print(f"building {path} ({days} days x {ENTRIES_PER_DAY} entries) ...", flush=True)
    partial = path.with_suffix(".partial")
    for leftover in path.parent.glob(partial.name + "*"):
        leftover.unlink()
    services = Services.open(db_url(partial), clock=FixedClock(BUILD_AT))
    started = time.perf_counter()
    last = [0.0]

    def progress(done: int, total: int) -> None:
        if time.perf_counter() - last[0] > 5 or done == total:
            last[0] = time.perf_counter()
            print(f"  {done}/{total} days, {time.perf_counter() - started:.0f} s", flush=True)

    try:
        summary = generate(services, days, entries_per_day=ENTRIES_PER_DAY, seed=1, progress=progress)
    finally:
        services.close()
    with sqlite3.connect(partial) as conn:  # fold the WAL into the file before renaming
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    partial.rename(path)
    print(f"built in {time.perf_counter() - started:.0f} s: {summary.describe().splitlines()[0]}")


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """Median wall time in ms over ``repeat`` runs (after none discarded: no warm-up)."""
    times: list[float] = []
    result: Any = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def raw_connection(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    # The schema's journal triggers call the program's SQL functions: the raw baseline does
    # the same database work (the journal event and its seal), without the ORM around it.
    journal.install_functions(conn, journal.JournalContext())
    return conn


def rss_mb() -> tuple[float, float]:
    """(current VmRSS, peak ru_maxrss) in MB."""
    current = 0.0
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                current = int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak_mb = peak / 1024 / (1024 if sys.platform == "darwin" else 1)
    return current, peak_mb


def run_queries(services: Services, raw: sqlite3.Connection, repeat: int) -> list[Row]:
    log = services.log
    rows: list[Row] = []

    def first_screen(flt: LogFilter) -> int:
        total = log.count(flt)
        page = log.page(flt, 0, PAGE, total)
        assert len(page) == min(PAGE, total)
        return total

    def raw_screen(where: str, params: tuple[Any, ...]) -> int:
        clause = f"WHERE {where}" if where else ""
        (total,) = raw.execute(f"SELECT count(*) FROM log_entry {clause}", params).fetchone()
        raw.execute(f"SELECT {COLUMNS} FROM log_entry {clause} {ORDER} LIMIT {PAGE}", params).fetchall()
        return int(total)

    # Opening the tab: the very first query of the process is reported on its own.
    start = time.perf_counter()
    total = first_screen(LogFilter())
    cold = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    raw_screen("", ())
    raw_cold = (time.perf_counter() - start) * 1000
    rows.append(("open log tab, first screen (first call)", cold, raw_cold, "< 100 ms"))
    ours, _ = timed(lambda: first_screen(LogFilter()), repeat)
    theirs, _ = timed(lambda: raw_screen("", ()), repeat)
    rows.append((f"open log tab, first screen ({total:,} rows)", ours, theirs, "< 100 ms"))

    def oldest() -> None:
        page = log.page(LogFilter(), total - PAGE, PAGE, total)
        assert len(page) == PAGE

    ours, _ = timed(oldest, repeat)
    theirs, _ = timed(
        lambda: raw.execute(
            f"SELECT {COLUMNS} FROM log_entry {ORDER} LIMIT {PAGE} OFFSET {total - PAGE}"
        ).fetchall(),
        repeat,
    )
    rows.append(("jump to oldest (raw: same ORDER BY with OFFSET)", ours, theirs, "< 100 ms"))
    ours, _ = timed(lambda: log.page(LogFilter(), total // 2, PAGE, total), repeat)
    theirs, _ = timed(
        lambda: raw.execute(
            f"SELECT {COLUMNS} FROM log_entry {ORDER} LIMIT {PAGE} OFFSET {total // 2}"
        ).fetchall(),
        repeat,
    )
    rows.append(("scroll to the middle", ours, theirs, ""))

    like = "(situation LIKE ? ESCAPE '\\' OR handling LIKE ? ESCAPE '\\')"
    for word in ("漏水", "停电", "电梯困", "门禁卡", "锦旗"):
        flt = LogFilter(text=word)
        ours, found = timed(lambda flt=flt: first_screen(flt), repeat)
        pattern = f"%{word}%"
        theirs, raw_found = timed(lambda p=pattern: raw_screen(like, (p, p)), repeat)
        assert found == raw_found, (word, found, raw_found)
        rows.append((f"search {word} ({found:,} found)", ours, theirs, "< 300 ms"))
    for word in ("水", "1-2"):
        flt = LogFilter(text=word)
        ours, found = timed(lambda flt=flt: first_screen(flt), max(1, repeat // 2))
        pattern = f"%{word}%"
        theirs, raw_found = timed(lambda p=pattern: raw_screen(like, (p, p)), max(1, repeat // 2))
        rows.append((f"search {word} (LIKE fallback, {found:,} found)", ours, theirs, "no target"))

    clerk_id = next(a.id for a in services.accounts.staff() if a.role is Role.CLERK)
    last_day = (BUILD_AT - timedelta(days=1)).date()
    month_from = last_day.replace(day=1)
    year_from = date(last_day.year - 1, last_day.month, 1)
    tz = services.desk.info().tz

    def span(day_from: date, day_to: date) -> tuple[str, str]:
        low = datetime.combine(day_from, datetime.min.time(), tz).astimezone(ZoneInfo("UTC"))
        high = datetime.combine(day_to + timedelta(days=2), datetime.min.time(), tz).astimezone(
            ZoneInfo("UTC")
        )
        fmt = "%Y-%m-%d %H:%M:%S.000000"
        return low.strftime(fmt), high.strftime(fmt)

    filters: list[tuple[str, LogFilter, str, tuple[Any, ...]]] = [
        ("category 报修", LogFilter(categories=frozenset({LogCategory.REPAIR})),
         "category = ?", ("repair",)),
        ("category 突发事件 (rare)", LogFilter(categories=frozenset({LogCategory.INCIDENT})),
         "category = ?", ("incident",)),
        ("categories 投诉+突发事件",
         LogFilter(categories=frozenset({LogCategory.COMPLAINT, LogCategory.INCIDENT})),
         "category IN (?, ?)", ("complaint", "incident")),
        ("one clerk", LogFilter(clerk_id=clerk_id), "clerk_id = ?", (clerk_id,)),
        ("one clerk + 突发事件",
         LogFilter(clerk_id=clerk_id, categories=frozenset({LogCategory.INCIDENT})),
         "clerk_id = ? AND category = ?", (clerk_id, "incident")),
        ("date range: this month", LogFilter(date_from=month_from, date_to=last_day),
         "shift_date BETWEEN ? AND ? AND occurred_at >= ? AND occurred_at < ?",
         (month_from.isoformat(), last_day.isoformat(), *span(month_from, last_day))),
        ("date range: last 12 months", LogFilter(date_from=year_from, date_to=last_day),
         "shift_date BETWEEN ? AND ? AND occurred_at >= ? AND occurred_at < ?",
         (year_from.isoformat(), last_day.isoformat(), *span(year_from, last_day))),
        ("漏水 + 报修 + last 12 months",
         LogFilter(text="漏水", categories=frozenset({LogCategory.REPAIR}),
                   date_from=year_from, date_to=last_day),
         "category = ? AND shift_date BETWEEN ? AND ? AND occurred_at >= ? AND occurred_at < ? "
         "AND " + like,
         ("repair", year_from.isoformat(), last_day.isoformat(), *span(year_from, last_day),
          "%漏水%", "%漏水%")),
    ]
    for label, flt, where, params in filters:
        ours, found = timed(lambda flt=flt: first_screen(flt), repeat)
        theirs, raw_found = timed(lambda w=where, p=params: raw_screen(w, p), repeat)
        assert found == raw_found, (label, found, raw_found)
        rows.append((f"filter {label} ({found:,})", ours, theirs, "< 100 ms"))
    return rows


def run_adds(path: Path, adds: int) -> list[Row]:
    """LogService.add on a copy of the log (hash chain + FTS + durable commit)."""
    work = path.with_name(path.stem + ".work.sqlite")
    for leftover in path.parent.glob(work.name + "*"):
        leftover.unlink()
    shutil.copyfile(path, work)
    clock = FixedClock(BUILD_AT.replace(hour=8, minute=10))
    services = Services.open(db_url(work), clock=clock)
    raw = raw_connection(work)
    try:
        info = next(a for a in services.accounts.staff() if a.role is Role.CLERK)
        clerk = services.accounts.seed_session(info.id, "benchmark")
        ours: list[float] = []
        categories = list(MANUAL_CATEGORIES)  # HANDOVER entries are the program's own
        for i in range(adds):
            clock.advance(timedelta(seconds=3))
            start = time.perf_counter()
            services.log.add(
                clerk, categories[i % len(categories)], f"{i % 12 + 1}栋{i % 4 + 1}单元电梯困人，测试第{i}条",
                "已通知电梯维保单位到场处理",
            )
            ours.append((time.perf_counter() - start) * 1000)
        theirs: list[float] = []
        names = COLUMNS.replace("id, ", "", 1) + ", prev_hash"
        template = raw.execute(
            f"SELECT {names} FROM log_entry ORDER BY id DESC LIMIT 1"
        ).fetchone()
        marks = ", ".join("?" * len(template))
        for _ in range(adds):
            values = list(template)
            values[-2] = os.urandom(32).hex()  # hash is unique
            start = time.perf_counter()
            raw.execute("BEGIN IMMEDIATE")
            raw.execute(f"INSERT INTO log_entry ({names}) VALUES ({marks})", values)
            raw.execute("COMMIT")
            theirs.append((time.perf_counter() - start) * 1000)
    finally:
        raw.close()
        services.close()
        for leftover in path.parent.glob(work.name + "*"):
            leftover.unlink()

    def pct(values: list[float], q: float) -> float:
        ordered = sorted(values)
        return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]

    return [
        (f"add one entry p50 ({adds} adds, synchronous=FULL)", pct(ours, 0.5), pct(theirs, 0.5), ""),
        (f"add one entry p99 ({adds} adds, synchronous=FULL)", pct(ours, 0.99), pct(theirs, 0.99),
         "< 20 ms"),
    ]


def run_qt(services: Services) -> tuple[list[Row], str]:
    """Open the real log tab on the big log, if the window code exists in this tree."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from PySide6.QtWidgets import QApplication

        from desk_app.ui.log_tab import LogTab
    except ImportError as exc:
        return [], f"Qt log tab not measured: {exc}"
    app = QApplication.instance() or QApplication([])
    info = next(a for a in services.accounts.staff() if a.role is Role.CLERK)
    actor = services.accounts.seed_session(info.id, "benchmark")
    timings: list[float] = []
    tab = None
    for _ in range(2):  # the first also pays for Qt's one-time start-up (fonts, styles)
        if tab is not None:
            tab.close()
            tab.deleteLater()
            app.processEvents()
        start = time.perf_counter()
        tab = LogTab(services, actor)
        tab.resize(1200, 800)
        tab.show()
        deadline = time.perf_counter() + 30
        while tab.model.rowCount() == 0 and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.001)
        app.processEvents()
        timings.append((time.perf_counter() - start) * 1000)
        if tab.model.rowCount() == 0:
            return [], "Qt log tab did not show any rows within 30 s"
    assert tab is not None
    # Scroll to the end and back, as a person pressing Ctrl+End / Ctrl+Home would.
    tab.view.scrollToBottom()
    app.processEvents()
    tab.view.scrollToTop()
    app.processEvents()
    note = f"Qt log tab showed {tab.model.rowCount():,} rows"
    tab.close()
    tab.deleteLater()
    app.processEvents()
    rows: list[Row] = [
        ("Qt log tab: build, show, first rows (first tab)", timings[0], float("nan"), "< 100 ms"),
        ("Qt log tab: build, show, first rows (again)", timings[1], float("nan"), "< 100 ms"),
    ]
    return rows, note


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def print_table(rows: list[Row]) -> None:
    width = max(_width(r[0]) for r in rows)
    print(f"\n{_pad('measure', width)}  {'DutyDesk':>10}  {'raw sqlite3':>11}  {'ratio':>6}  target")
    print("-" * (width + 46))
    for label, ours, theirs, target in rows:
        unit = "MB" if target.startswith(MEMORY) else "ms"
        target = target.removeprefix(MEMORY).strip() if unit == "MB" else target
        if math.isnan(theirs):
            raw_text, ratio = "-", "-"
        else:
            raw_text = f"{theirs:9.1f}{unit}"
            ratio = f"{ours / theirs:6.2f}" if theirs > 0 else "-"
        print(f"{_pad(label, width)}  {ours:8.1f}{unit}  {raw_text:>11}  {ratio:>6}  {target}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=1_000_000, help="log size (default 1,000,000)")
    parser.add_argument("--data", type=Path, default=Path("bench-data"), help="cache folder")
    parser.add_argument("--repeat", type=int, default=7, help="runs per figure (median)")
    parser.add_argument("--adds", type=int, default=500, help="entries added for the write figure")
    parser.add_argument("--no-qt", action="store_true", help="skip opening the Qt log tab")
    args = parser.parse_args(argv)

    args.data.mkdir(parents=True, exist_ok=True)
    path = args.data / f"log-{args.entries}.sqlite"
    if not path.exists():
        build(path, args.entries)
        # Measure in a fresh process, so building leaves nothing in memory or caches.
        os.execv(sys.executable, [sys.executable, *sys.argv])
    print(f"log: {path} ({path.stat().st_size / 2**20:,.0f} MB), SQLite {sqlite3.sqlite_version}")
    rss_start, _ = rss_mb()

    services = Services.open(db_url(path), clock=FixedClock(BUILD_AT))
    raw = raw_connection(path)
    try:
        rows = run_queries(services, raw, args.repeat)
        rss_now, rss_peak = rss_mb()
        rows.append((
            f"memory after queries: VmRSS {rss_now:.0f} MB, peak {rss_peak:.0f} MB "
            f"(at start {rss_start:.0f} MB)", rss_peak, float("nan"), "MB < 400"))
        notes: list[str] = []
        if not args.no_qt:
            qt_rows, note = run_qt(services)
            notes.append(note)
            if qt_rows:
                rows.extend(qt_rows)
                rss_now, rss_peak = rss_mb()
                rows.append((
                    f"memory with the Qt log tab: VmRSS {rss_now:.0f} MB, peak {rss_peak:.0f} MB",
                    rss_peak, float("nan"), "MB < 400"))
        else:
            notes.append("Qt log tab not measured (--no-qt)")
    finally:
        raw.close()
        services.close()
    rows.extend(run_adds(path, args.adds))
    print_table(rows)
    for note in notes:
        print(f"note: {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
