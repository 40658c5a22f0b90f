"""How long ``desk-app verify`` takes on a big desk, beside the least work any check must do.

    uv run python benchmarks/bench_verify.py                  # 100,000 log entries + tickets
    uv run python benchmarks/bench_verify.py --entries 5000   # a quick run

The desk is built once with the demo generators into ./bench-data/ (git-ignored) and
reused, sealed with a key held in an in-memory credential store (as Windows' Credential
Manager holds it on a desk computer). The baseline reads every journal event and every
row of every table with raw sqlite3 and computes one HMAC per event: what any check of
the chain and the rows has to do at the least. Memory is the peak resident size, which
must not grow with the number of records (verify streams).
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import math
import resource
import sqlite3
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import keyring
from keyring.backend import KeyringBackend

TZ = ZoneInfo("Asia/Shanghai")
BUILD_AT = datetime(2026, 11, 24, 7, 0, tzinfo=TZ)
ENTRIES_PER_DAY = 40


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self, store: Path) -> None:
        super().__init__()
        self.store = store

    def get_password(self, service: str, username: str) -> str | None:
        if not self.store.exists():
            return None
        for line in self.store.read_text().splitlines():
            name, _, value = line.partition("=")
            if name == f"{service}/{username}":
                return value
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        with self.store.open("a") as out:
            out.write(f"{service}/{username}={password}\n")

    def delete_password(self, service: str, username: str) -> None:
        raise NotImplementedError


def build(path: Path, entries: int) -> None:
    from desk_app.domain.clock import FixedClock
    from desk_app.services.container import Services
    from desk_app.services.demo import generate
    from desk_app.services.demo_tickets import generate_tickets

    days = math.ceil(entries / ENTRIES_PER_DAY)
    print(f"building {path} ({days} days x {ENTRIES_PER_DAY} entries, 25 tickets a day) ...", flush=True)
    partial = path.with_suffix(".partial")
    for leftover in path.parent.glob(partial.name + "*"):
        leftover.unlink()
    started = time.perf_counter()
    services = Services.open(f"sqlite:///{partial.resolve().as_posix()}", clock=FixedClock(BUILD_AT))
    try:
        generate(services, days, entries_per_day=ENTRIES_PER_DAY, seed=1)
        generate_tickets(services, days, per_day=25, seed=1)
    finally:
        services.close()
    with sqlite3.connect(partial) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    partial.rename(path)
    print(f"built in {time.perf_counter() - started:.0f} s")


def raw_baseline(path: Path, key: bytes) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        count = 0
        for row in conn.execute("SELECT * FROM journal ORDER BY seq"):
            hmac.new(key, "\x1f".join(map(str, row[:-1])).encode(), hashlib.sha256).hexdigest()
            count += 1
        tables = [n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            if "fts" in table or table == "journal":
                continue
            for _row in conn.execute(f'SELECT * FROM "{table}"'):
                count += 1
        return count
    finally:
        conn.close()


def run_verify(path: Path) -> tuple[bool, str]:
    from desk_app.services import integrity
    from desk_app.storage.database import open_database_readonly

    # As `desk-app verify` opens it: read-only, nothing migrated or switched.
    db = open_database_readonly(f"sqlite:///{path.resolve().as_posix()}")
    try:
        report = integrity.verify(db)
    finally:
        db.dispose()
    return report.ok, report.describe().splitlines()[0]


def median_time(fn, repeat: int) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=100_000, help="log entries (default 100,000)")
    parser.add_argument("--data", type=Path, default=Path("bench-data"), help="cache folder")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (median)")
    args = parser.parse_args(argv)
    args.data.mkdir(parents=True, exist_ok=True)
    keyring.set_keyring(MemoryKeyring(args.data / f"verify-{args.entries}.keys"))
    path = args.data / f"verify-{args.entries}.sqlite"
    if not path.exists():
        (args.data / f"verify-{args.entries}.keys").unlink(missing_ok=True)
        build(path, args.entries)
    with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as conn:
        events = conn.execute("SELECT count(*) FROM journal").fetchone()[0]
        entries = conn.execute("SELECT count(*) FROM log_entry").fetchone()[0]
        key_id = conn.execute("SELECT key_id FROM journal ORDER BY seq DESC LIMIT 1").fetchone()[0]
    conn.close()
    from desk_app.storage import journal

    key = journal.JournalContext().key(key_id) or b""
    rss_before = rss_mb()
    verify_s, (ok, line) = median_time(lambda: run_verify(path), args.repeat)  # type: ignore[misc]
    rss_after = rss_mb()
    raw_s, _ = median_time(lambda: raw_baseline(path, key), args.repeat)
    print(f"\n{entries:,} log entries, {events:,} journal events, key {'held' if key else 'none'}")
    print(f"{'figure':<34}{'DutyDesk':>12}{'raw':>12}{'ratio':>8}")
    print(f"{'verify everything (s)':<34}{verify_s:>12.2f}{raw_s:>12.2f}{verify_s / raw_s:>8.1f}")
    print(f"{'peak memory (MB): after, before':<34}{rss_after:>12.0f}{rss_before:>12.0f}")
    print(f"\nverify said: {line}")
    if not ok:
        print("verify FAILED on an untouched desk", file=sys.stderr)
        return 1
    target = 10.0
    if args.entries >= 100_000 and verify_s > target:
        print(f"verify took {verify_s:.1f} s, more than the {target:.0f} s target", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
