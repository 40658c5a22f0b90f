"""Backups and restore: the online backup, the checks before a restore, the replaced
database kept aside, the daily/monthly plan and its pruning."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desk_app.domain.categories import LogCategory
from desk_app.domain.clock import FixedClock
from desk_app.services.backup import BackupError, BackupPlan, check_backup, online_backup, restore
from desk_app.services.container import Services
from desk_app.services.log import LogFilter
from desk_app.storage.database import sqlite_path
from tests.conftest import TZ


@pytest.fixture
def db_file(db_url) -> Path:
    path = sqlite_path(db_url)
    assert path is not None
    return path


def _entries(url: str) -> int:
    services = Services.open(url)
    try:
        return services.log.count(LogFilter())
    finally:
        services.close()


def test_backup_then_restore_round_trip_with_the_chain_verified(services, clerk, clock, db_url, db_file, tmp_path):
    for n in range(5):
        services.log.add(clerk, LogCategory.PATROL, f"巡查 {n}")
    backup = online_backup(db_file, tmp_path / "backups" / "b.sqlite")
    assert "OK: 5 log entries" in check_backup(backup)
    services.log.add(clerk, LogCategory.OTHER, "备份之后的记录")
    services.close()
    before = db_file.read_bytes()
    with pytest.raises(BackupError, match="newer records than the backup"):
        restore(backup, db_file, clock)  # the entry made after the backup would be dropped
    assert db_file.read_bytes() == before
    aside = restore(backup, db_file, clock, force=True)
    assert aside is not None and aside.exists()
    assert _entries(db_url) == 5
    assert _entries("sqlite:///" + aside.as_posix()) == 6  # nothing is lost: the replaced one is kept
    reopened = Services.open(db_url)
    try:
        assert reopened.log.verify().ok
    finally:
        reopened.close()


def test_a_corrupt_backup_is_refused_and_nothing_is_replaced(services, clerk, clock, db_file, tmp_path):
    services.log.add(clerk, LogCategory.PATROL, "巡查")
    backup = online_backup(db_file, tmp_path / "b.sqlite")
    data = bytearray(backup.read_bytes())
    for i in range(4096, min(len(data), 12288)):
        data[i] = 0xA5  # scribble over the pages after the header
    backup.write_bytes(bytes(data))
    before = db_file.read_bytes()
    with pytest.raises(BackupError):
        restore(backup, db_file, clock)
    assert db_file.read_bytes() == before
    assert not list(db_file.parent.glob("*.replaced-*"))
    not_a_db = tmp_path / "notes.sqlite"
    not_a_db.write_text("这不是数据库")
    with pytest.raises(BackupError):
        check_backup(not_a_db)


def test_a_backup_whose_log_was_altered_is_refused(services, clerk, db_file, tmp_path):
    services.log.add(clerk, LogCategory.PATROL, "巡查大堂，一切正常")
    backup = online_backup(db_file, tmp_path / "b.sqlite")
    conn = sqlite3.connect(backup)
    conn.execute("DROP TRIGGER log_entry_no_update")
    conn.execute("DROP TRIGGER journal_log_entry_update")
    conn.execute("UPDATE log_entry SET situation = '什么也没发生'")
    conn.commit()
    conn.close()
    with pytest.raises(BackupError, match="hash chain"):
        check_backup(backup)


def test_the_daily_plan_keeps_a_month_of_dailies_and_three_years_of_monthlies(services, db_file, tmp_path):
    folder = tmp_path / "usb"
    clock = FixedClock(datetime(2026, 11, 25, 9, 0, tzinfo=TZ))
    plan = BackupPlan(folder, clock)
    made = plan.daily(db_file)
    assert made == folder / "dutydesk-daily-2026-11-25.sqlite"
    assert (folder / "dutydesk-monthly-2026-11.sqlite").exists()
    assert plan.daily(db_file) is None  # once a day
    manual = plan.manual(db_file)
    (folder / "notes.txt").write_text("keep me")
    old_daily = folder / "dutydesk-daily-2026-10-01.sqlite"
    old_monthly = folder / "dutydesk-monthly-2023-10.sqlite"
    kept_monthly = folder / "dutydesk-monthly-2023-12.sqlite"
    for path in (old_daily, old_monthly, kept_monthly):
        path.write_bytes(made.read_bytes())
    removed = plan.prune()
    assert sorted(removed) == sorted([old_daily, old_monthly])
    assert manual.exists() and kept_monthly.exists() and (folder / "notes.txt").exists()
    clock.advance(timedelta(days=40))
    plan.daily(db_file)
    assert not made.exists()  # 40 days old now
    assert (folder / "dutydesk-monthly-2026-11.sqlite").exists()
    assert (folder / "dutydesk-monthly-2027-01.sqlite").exists()


def test_the_newest_good_backup_skips_a_damaged_one(services, clerk, db_file, tmp_path):
    folder = tmp_path / "usb"
    clock = FixedClock(datetime(2026, 11, 24, 9, 0, tzinfo=TZ))
    plan = BackupPlan(folder, clock)
    services.log.add(clerk, LogCategory.PATROL, "巡查")
    good = plan.daily(db_file)
    clock.advance(timedelta(days=1))
    newer = plan.daily(db_file)
    assert newer is not None and good is not None
    newer.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    import os

    os.utime(newer, (good.stat().st_mtime + 10, good.stat().st_mtime + 10))
    best = plan.newest_good()
    assert best is not None and best.path in (good, folder / "dutydesk-monthly-2026-11.sqlite")


def test_backup_into_a_folder_that_cannot_be_written_says_so(services, db_file, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(BackupError, match="cannot be written"):
        online_backup(db_file, blocker / "sub" / "b.sqlite")
