"""Opening the database: pragmas, refusing files that are not ours (untouched), backups."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from desk_app.cli import main
from desk_app.domain.errors import DatabaseOpenError
from desk_app.storage import database, migrate
from desk_app.storage.database import backup_before_migration, open_database


def _url(path: Path) -> str:
    return f"sqlite:///{path.as_posix()}"


def _snapshot(folder: Path) -> dict[str, str]:
    """Every file in the folder with its SHA-256: 'untouched' means this is unchanged."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def _make_current(path: Path) -> None:
    db = open_database(_url(path))
    db.dispose()


def _set_revision(path: Path, revision: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    conn.commit()
    conn.close()


def test_a_new_file_gets_wal_full_sync_and_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "new" / "desk.sqlite"  # the folder is created too
    db = open_database(_url(path))
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10000
            version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            assert version == migrate.head_revision()
        # Every pooled connection gets the pragmas, not only the first.
        connections = [db.engine.connect() for _ in range(3)]
        try:
            assert all(c.exec_driver_sql("PRAGMA synchronous").scalar() == 2 for c in connections)
            assert all(c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1 for c in connections)
        finally:
            for c in connections:
                c.close()
    finally:
        db.dispose()
    # WAL is recorded in the file itself (header bytes 18 and 19 are 2).
    assert path.read_bytes()[18:20] == b"\x02\x02"


def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    db = open_database(_url(tmp_path / "desk.sqlite"))
    try:
        with pytest.raises(Exception, match="FOREIGN KEY"), db.write() as session:
            session.execute(
                text(
                    "INSERT INTO audit_event (at, actor_id, action, detail) VALUES ('2026-11-24 00:00:00', 42, 'x', '')"
                )
            )
    finally:
        db.dispose()


def test_an_empty_file_is_taken_as_new(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite"
    path.touch()
    open_database(_url(path)).dispose()
    assert path.stat().st_size > 0


def _garbage() -> bytes:
    data = os.urandom(8192)
    return data if not data.startswith(b"SQLite") else b"x" + data


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(_garbage(), id="random-bytes"),
        pytest.param(b"SQLite format 3\x00" + os.urandom(8176), id="sqlite-header-then-garbage"),
        pytest.param("值班记录\n".encode() * 100, id="text-file"),
    ],
)
def test_a_file_that_is_not_a_database_is_refused_and_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "desk.sqlite"
    path.write_bytes(content)
    before = _snapshot(tmp_path)
    with pytest.raises(DatabaseOpenError) as info:
        open_database(_url(path))
    assert str(path) in info.value.english()
    assert _snapshot(tmp_path) == before
    assert path.read_bytes() == content


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseOpenError, match="folder"):
        open_database(_url(tmp_path))


def test_another_programs_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('not yours')")
    conn.commit()
    conn.close()
    before = _snapshot(tmp_path)
    with pytest.raises(DatabaseOpenError, match="another program") as info:
        open_database(_url(path))
    assert "notes" in info.value.english()
    assert _snapshot(tmp_path) == before  # not even switched to WAL


def test_tables_with_our_names_but_no_migration_record_are_not_ours(tmp_path: Path) -> None:
    path = tmp_path / "lookalike.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE account (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    before = _snapshot(tmp_path)
    with pytest.raises(DatabaseOpenError, match="another program"):
        open_database(_url(path))
    assert _snapshot(tmp_path) == before


def test_a_database_from_a_newer_version_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite"
    _make_current(path)
    _set_revision(path, "9999_future")
    before = _snapshot(tmp_path)
    with pytest.raises(DatabaseOpenError, match="newer version") as info:
        open_database(_url(path))
    assert "9999_future" in info.value.english()
    assert _snapshot(tmp_path) == before


@pytest.mark.parametrize(
    ("prepare", "reason"),
    [
        pytest.param("garbage", "not a DutyDesk database", id="garbage"),
        pytest.param("foreign", "another program", id="foreign"),
        pytest.param("newer", "newer version", id="newer"),
    ],
)
def test_the_cli_gives_a_one_line_reason_and_fails(tmp_path: Path, capsys, prepare: str, reason: str) -> None:
    path = tmp_path / "desk.sqlite"
    if prepare == "garbage":
        path.write_bytes(_garbage())
    elif prepare == "foreign":
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE notes (x)")
        conn.close()
    else:
        _make_current(path)
        _set_revision(path, "9999_future")
    before = _snapshot(tmp_path)
    assert main(["--db", _url(path), "verify"]) != 0
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("desk-app: ") and reason in lines[0]
    assert "Traceback" not in captured.err
    assert _snapshot(tmp_path) == before


def test_reopening_an_up_to_date_database_makes_no_backup(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite"
    _make_current(path)
    _make_current(path)
    _make_current(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["desk.sqlite"]


def test_a_database_that_is_not_up_to_date_is_refused_without_migrate(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "desk.sqlite"
    _make_current(path)
    monkeypatch.setattr(migrate, "head_revision", lambda: "0002_next")
    with pytest.raises(DatabaseOpenError, match="not up to date"):
        open_database(_url(path), migrate_schema=False)


def test_migrating_an_older_database_backs_it_up_first(tmp_path: Path, monkeypatch) -> None:
    """The order of events, with a future revision simulated by moving the head."""
    path = tmp_path / "desk.sqlite"
    db = open_database(_url(path))
    with db.write() as session:
        session.execute(
            text("INSERT INTO desk (id, name, timezone, created_at) VALUES (1, '前台', 'Asia/Shanghai', '2026-11-24')")
        )
    db.dispose()
    old_revision = migrate.head_revision()
    calls: list[str] = []
    real_backup = database.backup_before_migration
    monkeypatch.setattr(migrate, "head_revision", lambda: "0002_next")
    monkeypatch.setattr(migrate, "upgrade", lambda engine: calls.append("upgrade"))

    def backup(*args: Any, **kwargs: Any) -> Path:
        calls.append("backup")
        return real_backup(*args, **kwargs)

    monkeypatch.setattr(database, "backup_before_migration", backup)
    backups = tmp_path / "backups"
    open_database(_url(path), backup_dir=backups).dispose()
    assert calls == ["backup", "upgrade"]
    (copy,) = backups.iterdir()
    assert copy.name.startswith(f"desk.before-{old_revision}.") and copy.suffix == ".sqlite"
    conn = sqlite3.connect(copy)
    try:
        assert conn.execute("SELECT name FROM desk").fetchone() == ("前台",)
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (old_revision,)
    finally:
        conn.close()


def test_upgrading_a_0001_database_backs_it_up_and_keeps_the_log(tmp_path: Path) -> None:
    """A file at the first released schema is backed up, then upgraded in place."""
    if migrate.head_revision() == "0001":
        pytest.skip("only one schema revision so far")
    path = tmp_path / "desk.sqlite"
    engine = database.create_db_engine(_url(path))
    migrate.upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO desk (id, name, timezone, created_at) VALUES (1, '前台', 'Asia/Shanghai', '2026-11-24')")
        )
    engine.dispose()
    backups = tmp_path / "backups"
    db = open_database(_url(path), backup_dir=backups)
    try:
        with db.read() as session:
            assert session.execute(text("SELECT version_num FROM alembic_version")).scalar() == migrate.head_revision()
            assert session.execute(text("SELECT name FROM desk")).scalar() == "前台"
    finally:
        db.dispose()
    (copy,) = backups.iterdir()
    assert copy.name.startswith("desk.before-0001.")
    conn = sqlite3.connect(copy)
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert conn.execute("SELECT name FROM desk").fetchone() == ("前台",)
    finally:
        conn.close()
    # Opening the upgraded file again is quiet: no second backup.
    open_database(_url(path), backup_dir=backups).dispose()
    assert len(list(backups.iterdir())) == 1


def test_backup_before_migration_copies_committed_data_in_wal(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite"
    db = open_database(_url(path))
    try:
        with db.write() as session:  # stays in the -wal file while the engine is open
            session.execute(
                text("INSERT INTO desk (id, name, timezone, created_at) VALUES (1, '前台', 'UTC', '2026-11-24')")
            )
        target = backup_before_migration(db.engine, path, "0001", None)
    finally:
        db.dispose()
    assert target.parent == tmp_path and target.exists()
    conn = sqlite3.connect(target)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT name FROM desk").fetchone() == ("前台",)
    finally:
        conn.close()


def test_a_new_database_is_not_backed_up(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(database, "backup_before_migration", lambda *a, **k: pytest.fail("backup of a new file"))
    open_database(_url(tmp_path / "desk.sqlite")).dispose()


def test_a_database_left_by_a_crash_still_opens(tmp_path: Path) -> None:
    """Committed rows that are only in the -wal file (no checkpoint) are seen and kept."""
    import subprocess
    import sys

    path = tmp_path / "desk.sqlite"
    script = (
        "import os\n"
        "from sqlalchemy import text\n"
        "from desk_app.storage.database import open_database\n"
        f"db = open_database({_url(path)!r})\n"
        "with db.write() as s:\n"
        '    s.execute(text("INSERT INTO desk (id, name, timezone, created_at) '
        "VALUES (1, '前台', 'UTC', '2026-11-24')\"))\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True)
    assert (tmp_path / "desk.sqlite-wal").exists()
    db = open_database(_url(path))
    try:
        with db.read() as session:
            assert session.execute(text("SELECT name FROM desk")).scalar() == "前台"
    finally:
        db.dispose()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["desk.sqlite"]


def test_a_0001_database_with_a_log_is_upgraded_to_head_and_can_hand_over(tmp_path: Path) -> None:
    """The log written at 0001 survives the upgrade intact (same chain, same search index,
    still append-only), the desk gets its settings row, and a handover can be signed:
    0001 as released did not allow the log category 'handover'."""
    from datetime import date, datetime
    from zoneinfo import ZoneInfo

    from argon2 import PasswordHasher
    from sqlalchemy.orm import Session

    from desk_app.domain.clock import FixedClock
    from desk_app.domain.handover import Disposition, HandoverDraft
    from desk_app.domain.roles import Role
    from desk_app.services import log_chain
    from desk_app.services.container import Services
    from desk_app.services.log import LogFilter

    path = tmp_path / "desk.sqlite"
    engine = database.create_db_engine(_url(path))
    migrate.upgrade(engine, "0001")
    with engine.connect() as conn:
        check = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE name = 'log_entry'").scalar()
    assert "'handover'" not in check  # the schema as first released
    clock = FixedClock(datetime(2026, 11, 24, 15, 30, tzinfo=ZoneInfo("Asia/Shanghai")))
    old = Services.for_database(
        database.Database(engine, _url(path), database.sessionmaker(engine, expire_on_commit=False)), clock
    )
    # The desk and its people as 0001 stored them: in its own columns (today's models have
    # more, e.g. account.must_change_password of 0013).
    hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    created = datetime(2026, 11, 24, 7, 30)
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO desk (id, name, timezone, created_at) VALUES (1, '前台', 'Asia/Shanghai', :at)"),
            {"at": created},
        )
        for name, start in (("早班", 8 * 60), ("中班", 16 * 60), ("夜班", 0)):
            conn.execute(
                text(
                    "INSERT INTO shift_template (name, start_minute, duration_minutes, active) "
                    "VALUES (:name, :start, 480, 1)"
                ),
                {"name": name, "start": start},
            )
        for username, display, role, password in (
            ("zhang", "张敏", Role.SUPERVISOR, "super-secret-1"),
            ("wang", "王丽", Role.CLERK, "clerk-secret-1"),
            ("li", "李强", Role.CLERK, "clerk-secret-2"),
        ):
            conn.execute(
                text(
                    "INSERT INTO account (username, display_name, role, password_hash, active, failed_attempts, "
                    "created_at) VALUES (:username, :display, :role, :hash, 1, 0, :at)"
                ),
                {
                    "username": username,
                    "display": display,
                    "role": role.value,
                    "hash": hasher.hash(password),
                    "at": created,
                },
            )
    rows = [
        {
            "clerk_id": 2,
            "shift_template_id": 1,
            "shift_date": date(2026, 11, 24),
            "occurred_at": datetime(2026, 11, 24, 2, n),
            "recorded_at": datetime(2026, 11, 24, 2, n),
            "tz": "Asia/Shanghai",
            "category": "repair" if n % 2 else "patrol",
            "situation": f"第{n}条 3栋漏水巡查",
            "handling": "已处理",
            "backdate_reason": "",
            "follow_up": n == 3,
            "corrects_id": None,
            "after_review": False,
        }
        for n in range(1, 6)
    ]
    with Session(engine) as session, session.begin():
        log_chain.append(session, rows)
    assert old.log.verify().ok
    engine.dispose()

    backups = tmp_path / "backups"
    services = Services.open(_url(path), clock=clock, backup_dir=backups)
    try:
        with services.db.read() as session:
            assert session.execute(text("SELECT version_num FROM alembic_version")).scalar() == migrate.head_revision()
            assert session.execute(text("SELECT early_arrival_minutes FROM desk_settings WHERE id = 1")).scalar() == 15
        result = services.log.verify()
        assert result.ok and result.checked == 5
        assert services.log.count(LogFilter(text="3栋漏水")) == 5  # the search index still matches
        assert [i for i, _s, _inc in services.handover.open_follow_ups()] == [3]
        with sqlite3.connect(path) as raw, pytest.raises(sqlite3.DatabaseError, match="append-only|no such function"):
            raw.execute("UPDATE log_entry SET situation = 'x' WHERE id = 1")
        with sqlite3.connect(path) as raw, pytest.raises(sqlite3.DatabaseError, match="append-only|no such function"):
            raw.execute("DELETE FROM log_entry WHERE id = 5")

        # The upgraded desk has no item list: a supervisor records that it keeps none.
        boss = services.accounts.authenticate("zhang", "super-secret-1")
        assert services.handover.record_keeps_no_items(boss).by == "张敏"
        clerk = services.accounts.authenticate("wang", "clerk-secret-1")
        view = services.handover.start(clerk)
        draft: HandoverDraft = view.draft
        draft.records_acknowledged = True
        draft.open_work[0].disposition, draft.open_work[0].note = Disposition.HANDED_OVER, "明早处理"
        services.handover.save_draft(clerk, view.id, draft)
        signed = services.handover.sign(view.id, "clerk-secret-1", "li", "clerk-secret-2").view
        assert signed.state == "signed" and signed.log_entry_id == 6
        assert services.log.verify().ok and services.handover.verify_records() == []
    finally:
        services.close()
    (copy,) = backups.iterdir()
    assert copy.name.startswith("desk.before-0001.")
    conn = sqlite3.connect(copy)
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert conn.execute("SELECT count(*) FROM log_entry").fetchone() == (5,)
    finally:
        conn.close()


# -- SQLite only, and no password shown ------------------------------------------------------
SERVER_URL = "postgresql+psycopg://user:secret-pw@db.example/desk"


@pytest.mark.parametrize("opener", [open_database, database.open_database_readonly, database.create_db_engine])
def test_a_server_url_is_refused_in_one_sentence_without_its_password(opener) -> None:
    with pytest.raises(DatabaseOpenError) as info:
        opener(SERVER_URL)
    message = info.value.english()
    assert "SQLite" in message and "secret-pw" not in message
    assert "postgresql+psycopg://…" in message
    assert message.endswith("is not one.") and "\n" not in message


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        (SERVER_URL, "postgresql+psycopg://…"),
        ("mysql://root:p%40ss@h/d", "mysql://…"),
        ("postgresql://u:p@ss@host/db", "postgresql://…"),  # an unescaped "@" in the password
        ("postgresql://u@host/db?password=secret", "postgresql://…"),  # the password as a parameter
        ("not a url ://me:hunter2@x", "not a url ://…"),  # does not parse: hidden anyway
        ("me:hunter2@x", "***@x"),
        ("sqlite:///C:/desk/dutydesk.sqlite", "sqlite:///C:/desk/dutydesk.sqlite"),
        ("sqlite:///C:/值班/台账.sqlite", "sqlite:///C:/值班/台账.sqlite"),
    ],
)
def test_urls_are_displayed_with_the_password_hidden(url, shown) -> None:
    assert database.displayed_url(url) == shown


def test_a_mistyped_url_is_refused_not_raised(tmp_path) -> None:
    assert database.sqlite_path("nonsense") is None
    with pytest.raises(DatabaseOpenError, match="SQLite"):
        open_database("nonsense")
    assert list(tmp_path.iterdir()) == []
