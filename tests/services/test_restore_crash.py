"""``restore`` stopped by ``kill -9`` at each of its steps: the database path always holds
a whole desk, the old or the new, and the next start finishes the restore."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desk_app import atomic_files
from desk_app.domain.categories import LogCategory
from desk_app.services.backup import BackupError, online_backup, restore
from desk_app.services.container import Services
from desk_app.services.log import LogFilter
from desk_app.storage import fileops
from desk_app.storage.database import finish_interrupted_restore, sqlite_path
from tests.conftest import CLERK_PASSWORD

POINTS = ["copying", "copied", "marked", "moved-wal", "moved-shm", "journals-aside", "kept-aside", "replaced", "done"]
OLD, NEW = 4, 2  # log entries in the current database and in the backup

_SCRIPT = """
import sys
from desk_app.storage import fileops
point, url, backup, checkpoint = sys.argv[1:5]

def crash(name):
    if name == point:
        fileops.crash_here()

fileops._crash_point = crash
if checkpoint == "no":  # a database whose -wal cannot be folded in (e.g. damaged): moved as a set
    import desk_app.storage.database as database
    database.checkpoint_quietly = lambda path: False
from desk_app.cli import main
sys.exit(main(["--db", url, "restore", backup, "--force"]))
"""

_WRITE_AND_DIE = """
import os, sys
from desk_app.domain.categories import LogCategory
from desk_app.services.container import Services
services = Services.open(sys.argv[1])
clerk = services.accounts.authenticate("wang", sys.argv[2])
services.log.add(clerk, LogCategory.PATROL, "只在 -wal 里的记录")
os._exit(0)  # no checkpoint: the newest entry is only in the -wal file
"""


def _run(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        timeout=120,
        check=False,
    )


def _entries(path: Path, scratch: Path) -> int | None:
    """The log entries of the desk in ``path`` (with its journals), read on a copy; None if
    it is not a whole, sound desk."""
    if scratch.exists():
        shutil.rmtree(scratch)
    scratch.mkdir()
    copy = scratch / "copy.sqlite"
    for member, target in zip(atomic_files.companions(path), atomic_files.companions(copy), strict=True):
        if member.exists():
            shutil.copyfile(member, target)
    try:
        services = Services.open("sqlite:///" + copy.as_posix(), backup_dir=scratch)
    except Exception:
        return None
    try:
        if not services.log.verify().ok:
            return None
        return services.log.count(LogFilter())
    finally:
        services.close()


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    """A desk with OLD entries, the newest only in its -wal, and a backup with NEW."""
    from datetime import datetime

    from desk_app.domain.clock import FixedClock
    from desk_app.domain.roles import Role
    from desk_app.domain.shifts import PRESETS
    from tests.conftest import TZ

    folder = tmp_path_factory.mktemp("prepared")
    url = "sqlite:///" + (folder / "desk" / "dutydesk.sqlite").as_posix()
    clock = FixedClock(datetime(2026, 11, 24, 10, 0, tzinfo=TZ))
    services = Services.open(url, clock=clock)
    supervisor = services.desk.set_up(
        services.accounts,
        desk_name="前台",
        timezone="Asia/Shanghai",
        shifts=PRESETS["three_shifts_24h"],
        supervisor_username="zhang",
        supervisor_name="张敏",
        supervisor_password="super-secret-1",
    )
    services.accounts.create(supervisor, "wang", "王丽", CLERK_PASSWORD, Role.CLERK)
    clerk = services.accounts.authenticate("wang", CLERK_PASSWORD)
    for n in range(NEW):
        services.log.add(clerk, LogCategory.PATROL, f"巡查 {n}")
    path = sqlite_path(url)
    assert path is not None
    backup = online_backup(path, folder / "backup.sqlite")
    for n in range(OLD - NEW - 1):
        services.log.add(clerk, LogCategory.PATROL, f"备份之后 {n}")
    services.close()
    died = _run(_WRITE_AND_DIE, url, CLERK_PASSWORD)
    assert died.returncode == 0, died.stderr
    assert Path(str(path) + "-wal").exists()
    return folder, path.parent.name, backup


@pytest.mark.parametrize("checkpoint", ["yes", "no"])
@pytest.mark.parametrize("point", POINTS)
def test_restore_killed_at_each_step_leaves_a_whole_desk(prepared, tmp_path, point, checkpoint):
    source, desk_folder, backup = prepared
    folder = tmp_path / "desk"
    shutil.copytree(source / desk_folder, folder)
    database = folder / "dutydesk.sqlite"
    url = "sqlite:///" + database.as_posix()
    assert _entries(database, tmp_path / "scratch") == OLD

    ran = _run(_SCRIPT, point, url, str(backup), checkpoint)
    killed = ran.returncode != 0
    assert ran.returncode in (0, -9, 137), ran.stderr
    if checkpoint == "no" or point not in ("moved-wal", "moved-shm"):
        assert killed, f"the restore did not reach {point}"

    # At this instant: the path is never empty, and holds a whole desk.
    assert database.is_file() and database.stat().st_size > 0
    now = _entries(database, tmp_path / "scratch")
    if checkpoint == "yes":
        assert now in (OLD, NEW)
    if point in ("copying", "copied", "marked"):
        assert now == OLD

    # The next start finishes what was begun.
    finish_interrupted_restore(database)
    assert not fileops.marker_for(database).exists() and not fileops.new_file_for(database).exists()
    after = _entries(database, tmp_path / "scratch")
    asides = sorted(folder.glob("dutydesk.replaced-*.sqlite"))
    if point in ("copying", "copied"):
        assert after == OLD and asides == []  # never begun: nothing changed
    else:
        assert after == NEW
        assert len(asides) == 1 and _entries(asides[0], tmp_path / "scratch") == OLD  # kept whole
    services = Services.open(url)  # and the program opens it
    try:
        assert services.log.count(LogFilter()) == after
    finally:
        services.close()


def test_restore_refuses_what_is_not_a_set_up_desk(tmp_path, clock, services, supervisor, db_url):
    services.close()
    database = sqlite_path(db_url)
    assert database is not None
    before = database.read_bytes()
    fresh = tmp_path / "fresh.sqlite"
    Services.open("sqlite:///" + fresh.as_posix()).close()  # a database the program made, never set up
    with pytest.raises(BackupError, match="not a set-up desk"):
        restore(fresh, database, clock)
    import sqlite3

    foreign = tmp_path / "foreign.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    with pytest.raises(BackupError, match="another program"):
        restore(foreign, database, clock)
    text = tmp_path / "text.sqlite"
    text.write_text("值班记录")
    with pytest.raises(BackupError):
        restore(text, database, clock)
    assert database.read_bytes() == before
    assert sorted(p.name for p in database.parent.iterdir() if p.name.startswith("desk.")) == ["desk.sqlite"]
