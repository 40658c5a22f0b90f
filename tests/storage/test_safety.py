"""Commands that cannot destroy (issue 11): reading commands create and change nothing;
outputs never replace the database, its journals or anything but an ordinary file; a
damaged, read-only, locked or full database gets a one-line reason with its bytes
unchanged; files are owner-only; verify while the program writes never fails falsely."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from desk_app.atomic_files import replace_checked, write_atomically
from desk_app.cli import main
from desk_app.domain.categories import LogCategory
from desk_app.domain.errors import DatabaseOpenError, ValidationError
from desk_app.services.backup import BackupError, BackupPlan, online_backup
from desk_app.services.container import Services
from desk_app.storage import database, migrate, sqlite_files
from desk_app.storage.database import backup_before_migration, open_database, open_database_readonly, sqlite_path
from tests.conftest import CLERK_PASSWORD

POSIX = os.name != "nt"


def _url(path: Path) -> str:
    return f"sqlite:///{path.as_posix()}"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _snapshot(folder: Path) -> dict[str, str]:
    return {p.name: _sha(p) for p in sorted(folder.iterdir()) if p.is_file()}


def _one_line(capsys) -> str:
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("desk-app: "), captured.err
    assert "Traceback" not in captured.err
    return lines[0]


READING = [
    ["verify"],
    ["print", "log", "--from", "2026-11-01", "--to", "2026-11-30", "-o", "{out}/log.pdf"],
    ["print", "handover", "1", "-o", "{out}/h.pdf"],
    ["export", "complaint", "--from", "2026-11-01", "--to", "2026-11-30", "-o", "{out}/c.xlsx"],
    ["backup", "-o", "{out}/b.sqlite"],
]


@pytest.fixture
def desk_file(services, clerk, db_url) -> Path:
    """A set-up desk with two entries, closed (the program is not running)."""
    services.log.add(clerk, LogCategory.PATROL, "巡查大堂")
    services.log.add(clerk, LogCategory.REPAIR, "3栋漏水")
    services.close()
    path = sqlite_path(db_url)
    assert path is not None
    return path


# -- reading commands create and change nothing --------------------------------------


@pytest.mark.parametrize("argv", READING, ids=lambda a: "-".join(a[:2]))
@pytest.mark.parametrize("state", ["missing", "empty"])
def test_a_reading_command_on_a_missing_or_empty_file_creates_nothing(tmp_path, capsys, argv, state):
    folder = tmp_path / "desk"
    folder.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    path = folder / "dutydesk.sqlite"
    if state == "empty":
        path.write_bytes(b"")
    assert main(["--db", _url(path), *(a.format(out=out) for a in argv)]) == 1
    line = _one_line(capsys)
    assert str(path) in line
    assert sorted(p.name for p in folder.iterdir()) == ([] if state == "missing" else ["dutydesk.sqlite"])
    assert not path.exists() or path.stat().st_size == 0
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("argv", [a for a in READING if a[1:2] != ["handover"]], ids=lambda a: "-".join(a[:2]))
def test_a_reading_command_leaves_the_database_files_as_they_were(desk_file, tmp_path, capsys, argv):
    out = tmp_path / "out"
    out.mkdir()
    before = _snapshot(desk_file.parent)
    assert main(["--db", _url(desk_file), *(a.format(out=out) for a in argv)]) == 0
    assert _snapshot(desk_file.parent) == before  # no -wal/-shm left, not one byte changed


def test_a_reading_open_does_not_migrate(desk_file, monkeypatch):
    before = _snapshot(desk_file.parent)
    monkeypatch.setattr(migrate, "head_revision", lambda: "9000_next")
    monkeypatch.setattr(migrate, "is_known", lambda revision: True)
    with pytest.raises(DatabaseOpenError, match="older schema"):
        open_database_readonly(_url(desk_file))
    assert _snapshot(desk_file.parent) == before


def test_a_reading_open_cannot_write(desk_file):
    from sqlalchemy import text

    db = open_database_readonly(_url(desk_file))
    try:
        with pytest.raises(Exception, match="readonly"), db.write() as session:
            session.execute(text("CREATE TABLE scribble (x)"))
    finally:
        db.dispose()


# -- outputs ---------------------------------------------------------------------------


def _fifo(tmp_path: Path) -> Path:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    return fifo


OUTPUT_COMMANDS = [
    ["print", "log", "--from", "2026-11-01", "--to", "2026-11-30", "-o"],
    ["export", "complaint", "--from", "2026-11-01", "--to", "2026-11-30", "-o"],
    ["backup", "-o"],
]


@pytest.mark.parametrize("argv", OUTPUT_COMMANDS, ids=lambda a: a[0])
@pytest.mark.parametrize("target", ["/dev/full", "folder", "fifo", "database", "wal", "shm", "journal"])
def test_an_output_never_replaces_what_is_not_an_ordinary_file(desk_file, tmp_path, capsys, argv, target):
    if target == "fifo" and not POSIX:
        pytest.skip("no FIFOs on Windows")
    if target == "/dev/full" and not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    paths = {
        "/dev/full": Path("/dev/full"),
        "folder": tmp_path,
        "fifo": _fifo(tmp_path) if target == "fifo" else None,
        "database": desk_file,
        "wal": Path(str(desk_file) + "-wal"),
        "shm": Path(str(desk_file) + "-shm"),
        "journal": Path(str(desk_file) + "-journal"),
    }
    output = paths[target]
    assert output is not None
    before = _snapshot(desk_file.parent)
    kind = os.stat(output).st_mode if output.exists() else None
    assert main(["--db", _url(desk_file), *argv, str(output)]) == 1
    assert str(output) in _one_line(capsys)
    assert _snapshot(desk_file.parent) == before
    assert (os.stat(output).st_mode if output.exists() else None) == kind
    assert not list(desk_file.parent.glob(".*.tmp"))


@pytest.mark.skipif(not POSIX, reason="no FIFOs on Windows")
def test_the_atomic_write_does_not_rename_over_what_became_a_fifo(tmp_path):
    target = tmp_path / "out.pdf"

    def write(handle):  # the target turns into a FIFO while the file is being written
        handle.write(b"%PDF-1.4\n")
        os.mkfifo(target)

    with pytest.raises(ValidationError, match="not an ordinary file"):
        write_atomically(target, write)
    assert stat.S_ISFIFO(os.stat(target).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.pdf"]
    with pytest.raises(ValidationError):
        replace_checked(tmp_path / "nothing", target)


# -- damaged, read-only, locked, full --------------------------------------------------


def _damaged_copy(desk_file: Path, tmp_path: Path) -> Path:
    """A desk in rollback-journal mode (as a backup is) with its pages after the first scribbled on."""
    folder = tmp_path / "damaged"
    folder.mkdir()
    damaged = online_backup(desk_file, folder / "dutydesk.sqlite")
    data = bytearray(damaged.read_bytes())
    page = int.from_bytes(data[16:18], "big") or 65536
    for i in range(page, min(len(data), page * 4)):
        data[i] = 0xA5
    damaged.write_bytes(bytes(data))
    return damaged


def test_a_damaged_database_is_refused_with_its_bytes_unchanged(desk_file, tmp_path, capsys):
    damaged = _damaged_copy(desk_file, tmp_path)
    before = _snapshot(damaged.parent)
    assert damaged.read_bytes()[18:20] == b"\x01\x01"  # rollback journal: a WAL switch would change it
    assert main(["--db", _url(damaged), "verify"]) == 1
    assert "is damaged" in _one_line(capsys)
    with pytest.raises(DatabaseOpenError, match="is damaged"):
        open_database(_url(damaged))  # the window's open: checked before anything writes
    assert main(["--db", _url(damaged), "demo", "--days", "1"]) == 1
    assert "is damaged" in _one_line(capsys)
    assert _snapshot(damaged.parent) == before


def test_a_locked_database_is_refused_quickly_with_its_bytes_unchanged(desk_file, capsys, monkeypatch):
    import time

    holder = sqlite3.connect(desk_file, isolation_level=None)
    try:
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("CREATE TABLE held (x)")
        before = _sha(desk_file)
        started = time.monotonic()
        assert main(["--db", _url(desk_file), "verify"]) == 1
        assert time.monotonic() - started < sqlite_files.READ_TIMEOUT_SECONDS + 4
        assert "is locked by another program" in _one_line(capsys)
        with pytest.raises(DatabaseOpenError, match="is locked by another program"):
            open_database(_url(desk_file))
        assert main(["--db", _url(desk_file), "backup", "-o", str(desk_file.parent / "b.sqlite")]) == 1
        assert "locked" in _one_line(capsys)
        assert _sha(desk_file) == before
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_full_disk_is_one_line_and_the_file_is_unchanged(desk_file, capsys, monkeypatch):
    from sqlalchemy.exc import OperationalError

    import desk_app.services.demo as demo

    def full(*args, **kwargs):
        raise OperationalError("INSERT INTO log_entry", {}, sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr(demo, "generate", full)
    before = _sha(desk_file)
    assert main(["--db", _url(desk_file), "demo", "--days", "1"]) == 1
    assert "is full" in _one_line(capsys)
    assert _sha(desk_file) == before


def test_a_real_sqlite_full_error_reads_as_a_full_disk(tmp_path):
    conn = sqlite3.connect(tmp_path / "tiny.sqlite")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("PRAGMA max_page_count = 2")  # the disk as full as it gets
    with pytest.raises(sqlite3.OperationalError) as info:
        conn.execute("INSERT INTO t VALUES (?)", ("x" * 100_000,))
    conn.close()
    assert "is full" in sqlite_files.database_error(info.value, tmp_path / "tiny.sqlite").english()


def test_a_new_database_on_a_full_disk_says_so(tmp_path, monkeypatch):
    def full(engine, revision="head"):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(migrate, "upgrade", full)
    with pytest.raises(DatabaseOpenError, match="is full"):
        open_database(_url(tmp_path / "desk.sqlite"))


def _as_nobody(argv: list[str]) -> subprocess.CompletedProcess[str]:
    """Run the command line as a user without write permission (root writes anything)."""
    prefix: list[str] = []
    if POSIX and os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: a read-only file is writable")
        prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        checkout = Path(__file__).resolve().parents[2]
        for needed in (checkout,):
            if any(not folder.stat().st_mode & 0o001 for folder in (needed, *needed.parents)):
                # A checkout inside a root-only folder (mktemp -d is 0700): the
                # unprivileged user cannot even start the program from it.
                pytest.skip(f"{needed} is not reachable by an unprivileged user")
    code = "import sys; from desk_app.cli import main; sys.exit(main(sys.argv[1:]))"
    home = Path(argv[1][len("sqlite:///") :]).parent.parent / "home"
    home.mkdir(exist_ok=True)
    if POSIX and os.geteuid() == 0:
        os.chown(home, 65534, 65534)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"))
    return subprocess.run(
        [*prefix, sys.executable, "-c", code, *argv],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        timeout=120,
        check=False,
    )


@pytest.fixture
def reachable_folder(tmp_path):
    """A folder the unprivileged user of ``_as_nobody`` can reach (pytest's own is root's only)."""
    import tempfile

    if not POSIX or os.geteuid() != 0:
        yield tmp_path
        return
    base = Path(tempfile.mkdtemp(prefix="dutydesk-ro-"))
    base.chmod(0o755)
    try:
        yield base
    finally:
        for folder in base.rglob("*"):
            if folder.is_dir():
                folder.chmod(0o755)
        shutil.rmtree(base)


@pytest.mark.skipif(not POSIX, reason="POSIX permissions")
@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_database_is_read_but_not_written(desk_file, reachable_folder, what):
    folder = reachable_folder / "ro"
    folder.mkdir()
    path = folder / "dutydesk.sqlite"
    shutil.copyfile(desk_file, path)
    if os.geteuid() == 0:
        os.chown(folder, 65534, 65534)
        os.chown(path, 65534, 65534)
    path.chmod(0o444 if what == "file" else 0o644)
    folder.chmod(0o755 if what == "file" else 0o555)
    before = _snapshot(folder)
    try:
        verify = _as_nobody(["--db", _url(path), "verify"])
        assert verify.returncode == 0, verify.stderr
        assert verify.stdout.startswith("OK: 2 log entries")
        demo = _as_nobody(["--db", _url(path), "demo", "--days", "1"])
        assert demo.returncode == 1
        lines = demo.stderr.strip().splitlines()
        assert len(lines) == 1 and "read-only" in lines[0], demo.stderr
        assert _snapshot(folder) == before
    finally:
        folder.chmod(0o755)


def test_the_window_start_shows_each_unusable_database_as_a_dialog(qapp, desk_file, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from desk_app.ui.app import EXIT_FAILED, Startup

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    damaged = _damaged_copy(desk_file, tmp_path)
    read_only = tmp_path / "ro.sqlite"
    shutil.copyfile(desk_file, read_only)
    real_access = os.access
    def access(p, mode):
        return False if Path(p) == read_only and mode == os.W_OK else real_access(p, mode)

    monkeypatch.setattr(sqlite_files.os, "access", access)
    for path, reason in ((damaged, "is damaged"), (read_only, "read-only")):
        before = _sha(path)
        startup = Startup(_url(path))
        try:
            assert not startup.start()
            assert startup.exit_code == EXIT_FAILED
            assert isinstance(startup.error, DatabaseOpenError) and reason in startup.error.english()
        finally:
            startup.shutdown()
        assert _sha(path) == before
        assert reason in shown[-1]


# -- owner-only files ----------------------------------------------------------------


@pytest.mark.skipif(not POSIX, reason="the per-user data folder is private on Windows")
def test_the_database_its_journals_backups_and_written_files_are_owner_only(tmp_path, clock, monkeypatch):
    previous = os.umask(0o022)  # an ordinary umask: the modes come from the program itself
    try:
        url = _url(tmp_path / "desk" / "dutydesk.sqlite")
        services = Services.open(url, clock=clock)
        try:
            from desk_app.domain.shifts import PRESETS

            supervisor = services.desk.set_up(
                services.accounts,
                desk_name="前台",
                timezone="Asia/Shanghai",
                shifts=PRESETS["three_shifts_24h"],
                supervisor_username="zhang",
                supervisor_name="张敏",
                supervisor_password="super-secret-1",
            )
            services.log.add(supervisor, LogCategory.PATROL, "巡查")
            path = sqlite_path(url)
            assert path is not None
            made = [path, Path(str(path) + "-wal"), Path(str(path) + "-shm")]
            for file in made:  # while open: the journals exist now
                assert stat.S_IMODE(file.stat().st_mode) == 0o600, file
            folder = tmp_path / "usb"
            plan = BackupPlan(folder, clock)
            made += [plan.daily(path) or folder / "none", plan.manual(path)]
            made += list(folder.glob("dutydesk-monthly-*.sqlite"))
            made.append(online_backup(path, tmp_path / "b.sqlite"))
            made.append(backup_before_migration(services.db.engine, path, "0001", tmp_path / "mig"))
        finally:
            services.close()
        witness = tmp_path / "usb" / "witness.json"
        write_atomically(witness, lambda handle: handle.write(b"{}"))
        made.append(witness)
        assert len(made) == 9
        for file in made[3:]:
            assert stat.S_IMODE(file.stat().st_mode) == 0o600, file
    finally:
        os.umask(previous)


@pytest.mark.skipif(not POSIX, reason="POSIX umask")
def test_the_command_line_runs_with_an_owner_only_umask(tmp_path, monkeypatch):
    import desk_app.cli as cli

    seen: list[int] = []

    def spy(args):
        current = os.umask(0)
        os.umask(current)
        seen.append(current)
        return 0

    monkeypatch.setattr(cli, "run", spy)
    previous = os.umask(0o022)
    try:
        assert main(["--db", _url(tmp_path / "x.sqlite"), "verify"]) == 0
        assert seen == [0o077]
        current = os.umask(0o022)
        assert current == 0o022  # put back for the rest of this process
    finally:
        os.umask(previous)


# -- verify while the program writes -------------------------------------------------


def _many_entries(services, clerk, count: int) -> None:
    """Enough entries for several batches of the walk, written in one go."""
    from sqlalchemy.orm import Session

    from desk_app.services import log_chain

    now = services.clock.now()
    rows = [
        {
            "clerk_id": clerk.account_id,
            "shift_template_id": 1,
            "shift_date": now.date(),
            "occurred_at": now.replace(tzinfo=None),
            "recorded_at": now.replace(tzinfo=None),
            "tz": "Asia/Shanghai",
            "category": "patrol",
            "situation": f"巡查 {n}",
            "handling": "",
            "backdate_reason": "",
            "follow_up": False,
            "corrects_id": None,
            "after_review": False,
        }
        for n in range(count)
    ]
    with Session(services.db.engine) as session, session.begin():
        log_chain.append(session, rows)


def _while_writing(db_url, clock, check) -> list:
    """Run ``check`` five times while another connection keeps adding log entries."""
    stop = threading.Event()
    written: list[int] = []
    failures: list[BaseException] = []

    def write() -> None:
        writer = Services.open(db_url, clock=clock)
        try:
            actor = writer.accounts.authenticate("wang", CLERK_PASSWORD)
            while not stop.is_set():
                writer.log.add(actor, LogCategory.PATROL, f"巡查 {len(written)}")
                written.append(1)
        except BaseException as exc:  # noqa: BLE001 - reported below
            failures.append(exc)
        finally:
            writer.close()

    thread = threading.Thread(target=write)
    thread.start()
    results = []
    try:
        for _ in range(5):
            results.append(check())
    finally:
        stop.set()
        thread.join()
    assert not failures
    assert len(written) > 5  # the writes did run meanwhile
    return results


def test_the_log_chain_walk_while_the_program_writes_never_fails_falsely(services, clerk, db_url, clock):
    _many_entries(services, clerk, 12_000)

    def walk():
        db = open_database_readonly(db_url)
        try:
            from desk_app.services import log_chain

            return log_chain.verify(db)
        finally:
            db.dispose()

    results = _while_writing(db_url, clock, walk)
    assert all(r.ok for r in results), [r.describe() for r in results]


def test_verify_while_the_program_writes_never_fails_falsely(services, clerk, db_url, clock, capsys):
    _many_entries(services, clerk, 12_000)
    codes = _while_writing(db_url, clock, lambda: main(["--db", db_url, "verify"]))
    out = capsys.readouterr()
    assert codes == [0] * 5, out.out + out.err


def test_backup_refuses_a_missing_source(tmp_path):
    with pytest.raises(BackupError, match="There is no database"):
        online_backup(tmp_path / "none.sqlite", tmp_path / "b.sqlite")
    assert list(tmp_path.iterdir()) == []


def test_atomic_path_leaves_the_old_file_when_the_block_fails(tmp_path):
    from desk_app.atomic_files import atomic_path

    target = tmp_path / "report.pdf"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_path(target) as temp:
        temp.write_bytes(b"half a new file")
        raise RuntimeError("power cut")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]


@pytest.mark.skipif(not POSIX, reason="file modes are POSIX")
def test_atomic_path_gives_the_mode_asked_for(tmp_path):
    from desk_app.atomic_files import atomic_path

    with atomic_path(tmp_path / "private.json") as temp:
        temp.write_text("{}")
    with atomic_path(tmp_path / "printout.pdf", mode=0o644) as temp:
        temp.write_text("%PDF")
    assert (tmp_path / "private.json").stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "printout.pdf").stat().st_mode & 0o777 == 0o644
