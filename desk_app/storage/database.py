"""The one engine: SQLite pragmas on connect, explicit transactions, checks and migration.

DutyDesk keeps its records in an SQLite file: ``require_sqlite`` refuses any other URL
(a server database, a mistyped URL) with one sentence before anything is connected, in
every function here that opens a URL, so the window and every command get the same
answer. A URL is shown to people and written to logs only through ``displayed_url``,
which hides a password.

``open_database`` refuses a file that is not a DutyDesk database (not SQLite, corrupt,
foreign tables, or a schema from a newer program) before anything is written, and backs
up an existing file before migrating it.
"""

from __future__ import annotations

import contextlib
import logging
import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session, sessionmaker

from desk_app import atomic_files
from desk_app.domain.errors import QT_TRANSLATE_NOOP, DatabaseOpenError
from desk_app.storage import fileops, journal, migrate
from desk_app.storage.sqlite_files import (
    READ_TIMEOUT_SECONDS,
    check_sqlite_file,
    check_writable,
    connect_readonly,
    damaged,
    database_error,
    require_database_file,
)

if TYPE_CHECKING:
    from desk_app.domain.roles import Actor

log = logging.getLogger(__name__)


# Who is writing in this thread: read by the journal's triggers (storage/journal.py) so
# that every event names the person on whose behalf it was written.
current_writer: ContextVar[int | None] = ContextVar("current_writer", default=None)


@dataclass
class Database:
    engine: Engine
    url: str
    sessions: sessionmaker[Session]
    # Re-checks, inside each write transaction, that the person writing is signed in now
    # (set by AccountService; see services/accounts.py).
    check_writer: Callable[[Session, Actor], None] | None = None

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A short read-only session."""
        with self.sessions() as session:
            yield session

    @contextmanager
    def write(self, actor: Actor | None = None) -> Iterator[Session]:
        """A short write session: BEGIN IMMEDIATE, commit on success, roll back on error.

        Taking the write lock first means read-then-write (like appending to the hash
        chain) never races another writer. ``actor`` is the signed-in person on whose
        behalf the write is made (None: the program itself, e.g. a failed sign-in count).
        """
        token = current_writer.set(actor.account_id if actor is not None else None)
        try:
            with self.engine.connect() as conn:
                conn = conn.execution_options(begin_mode="IMMEDIATE")
                with Session(bind=conn, expire_on_commit=False) as session, session.begin():
                    if actor is not None and self.check_writer is not None:
                        self.check_writer(session, actor)
                    yield session
        finally:
            current_writer.reset(token)

    def dispose(self) -> None:
        self.engine.dispose()


# user:password@ in anything that looks like a URL but does not parse as one.
_CREDENTIALS = re.compile(r"\S*@")  # "user:password@" in text that is no URL at all


def _parsed(url: str) -> URL | None:
    try:
        return make_url(url)
    except (ArgumentError, ValueError, TypeError):
        return None


def displayed_url(url: str) -> str:
    """``url`` as it may be shown or logged, never with a password. An SQLite URL names a
    file: shown as typed (rendering would percent-encode a Chinese file name). Any other is
    refused anyway, and its password may be written in ways no parser agrees on (an
    unescaped "@", ``?password=``): only its scheme is shown."""
    text = str(url)
    parsed = _parsed(text)
    if parsed is not None and parsed.get_backend_name() == "sqlite":
        return text if parsed.password is None else parsed.render_as_string(hide_password=True)
    scheme, separator, _rest = text.partition("://")
    if separator:
        return f"{scheme}://…"
    return _CREDENTIALS.sub("***@", text)


def require_sqlite(url: str) -> None:
    """Refuse, with one sentence and before any connection, a URL that is not SQLite's:
    there is no server backend (its migrations, journal triggers and backups are SQLite's)."""
    parsed = _parsed(url)
    if parsed is None or parsed.get_backend_name() != "sqlite":
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP(
                "DeskError",
                "DutyDesk keeps its records in an SQLite database file only (--db sqlite:///PATH): {url} is not one.",
            ),
            url=displayed_url(url),
        )


def sqlite_path(url: str) -> Path | None:
    """The file of an SQLite URL; None for any other URL (or an in-memory database)."""
    parsed = _parsed(url)
    if parsed is None or parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def create_db_engine(url: str) -> Engine:
    require_sqlite(url)
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 10})
    ctx = journal.register(engine, current_writer.get)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide when transactions begin.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA busy_timeout = 10000")
        mode = cur.execute("PRAGMA journal_mode = WAL").fetchone()
        if mode and str(mode[0]).lower() != "wal" and str(mode[0]).lower() != "memory":
            cur.close()
            raise sqlite3.OperationalError(f"cannot switch to WAL journal (got {mode[0]})")
        # FULL: a commit the window showed as saved survives a power cut.
        cur.execute("PRAGMA synchronous = FULL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("begin_mode", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")
        journal.transaction_instant.set(journal.stamp(ctx.now()))

    return engine


def finish_interrupted_restore(path: Path) -> str | None:
    """A restore stopped half-way (a crash, a power cut) is finished before anything opens
    the database; returns what was done, or None (see storage/fileops.py)."""
    try:
        done = fileops.finish_interrupted_swap(path)
    except OSError as exc:
        raise database_error(exc, path) from exc
    if done:
        log.warning("%s", done)
    return done


def open_database(url: str, *, migrate_schema: bool = True, backup_dir: Path | None = None) -> Database:
    """Open (and, if needed, create or migrate) the database at ``url``.

    Raises DatabaseOpenError with a clear message, having written nothing, when the file
    is corrupt, foreign, from a newer program, read-only or locked. An existing file is
    checked (``PRAGMA quick_check``) through a read-only connection before the engine
    touches it. A new file is made readable by its owner only. Any URL but SQLite's is
    refused (``require_sqlite``).
    """
    require_sqlite(url)
    path = sqlite_path(url)
    if path is not None:
        finish_interrupted_restore(path)
        check_sqlite_file(path)
        try:
            if not path.parent.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise database_error(exc, path) from exc
        check_writable(path)
    existed = path is not None and path.exists() and path.stat().st_size > 0
    if path is not None and not existed:
        try:
            atomic_files.create_private(path)  # SQLite gives its -wal and -shm the same mode
        except OSError as exc:
            raise database_error(exc, path) from exc
    engine = create_db_engine(url)
    try:
        # An existing file is judged through a read-only connection: the engine's first
        # connection switches the file to WAL, which would already change a foreign file.
        state = _file_schema_state(path, check=True) if existed and path is not None else _schema_state(engine)
        _refuse_unknown(state, path or displayed_url(url))
        head = migrate.head_revision()
        if state.revision != head:
            if not migrate_schema:
                raise DatabaseOpenError(
                    QT_TRANSLATE_NOOP("DeskError", "The database schema is not up to date."),
                )
            if existed and path is not None and state.revision is not None:
                backup_before_migration(engine, path, state.revision, backup_dir)
            migrate.upgrade(engine)
        elif existed:
            with engine.connect() as conn:  # the first connection: WAL, and a lock shows now
                conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
                conn.rollback()
    except (SADatabaseError, sqlite3.Error, OperationalError, OSError) as exc:
        engine.dispose()
        raise database_error(exc, path or displayed_url(url)) from exc
    except Exception:
        engine.dispose()
        raise
    if path is not None:
        for member in atomic_files.companions(path):
            with contextlib.suppress(OSError):
                if member.exists():
                    atomic_files.make_private(member)
    return Database(engine=engine, url=url, sessions=sessionmaker(engine, expire_on_commit=False))


def open_database_readonly(url: str) -> Database:
    """Open an existing, up-to-date database for reading only (every command that reads).

    Nothing is created, migrated or switched: a missing or empty file, an older or newer
    schema, a damaged or locked file is a DatabaseOpenError naming the path. Each
    connection is ``query_only`` and gives up on a lock after READ_TIMEOUT_SECONDS.
    """
    require_sqlite(url)
    path = sqlite_path(url)
    if path is None:
        return open_database(url, migrate_schema=False)
    finish_interrupted_restore(path)
    require_database_file(path)
    try:
        state = _file_schema_state(path, check=True)
    except (sqlite3.Error, OSError) as exc:
        raise database_error(exc, path) from exc
    _refuse_unknown(state, path)
    if state.revision != migrate.head_revision():
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP(
                "DeskError",
                "{path} has an older schema ({revision}): open it once in DutyDesk, which upgrades it "
                "(after a backup), then try again.",
            ),
            path=str(path),
            revision=state.revision or "-",
        )
    engine = create_engine("sqlite:///" + path.as_posix(), creator=lambda: connect_readonly(path), pool_pre_ping=False)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")

    return Database(engine=engine, url=url, sessions=sessionmaker(engine, expire_on_commit=False))


def checkpoint_quietly(path: Path) -> bool:
    """Move the committed work of a sound, unlocked database from its -wal into the main
    file (``wal_checkpoint(TRUNCATE)``), so that the main file alone holds it; before the
    file is replaced and kept aside. Returns whether it was done; a damaged, locked or
    foreign file is left as it is."""
    wal = path.with_name(path.name + "-wal")
    if not wal.exists():
        return True
    try:
        state = _file_schema_state(path, check=True)
        if state.foreign:
            return False
        conn = sqlite3.connect(str(path), timeout=READ_TIMEOUT_SECONDS)
        try:
            busy, _log, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            conn.close()
    except (sqlite3.Error, OSError, DatabaseOpenError):
        return False
    return not busy


def _refuse_unknown(state: _SchemaState, where: Path | str) -> None:
    if state.foreign:
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP("DeskError", "{path} belongs to another program (unknown tables: {tables})."),
            path=str(where),
            tables=", ".join(sorted(state.foreign)[:5]),
        )
    if state.revision is not None and not migrate.is_known(state.revision):
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP(
                "DeskError",
                "{path} was written by a newer version of DutyDesk (schema {revision}). "
                "Install the newer version to open it.",
            ),
            path=str(where),
            revision=state.revision,
        )


@dataclass
class _SchemaState:
    revision: str | None
    foreign: set[str]


def _schema_state(engine: Engine) -> _SchemaState:
    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        revision = None
        if "alembic_version" in tables:
            row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
            revision = row[0] if row else None
        conn.rollback()
    return _classify(tables, revision)


def _file_schema_state(path: Path, *, check: bool = False) -> _SchemaState:
    """The schema state of an existing SQLite file, read without writing to it.

    With no journal beside it the file holds everything, and is read as immutable (which
    creates no -wal/-shm files); otherwise read-only, so that SQLite uses the journal.
    ``check``: first ``PRAGMA quick_check``, so that a damaged file is refused before
    anything could write to it.
    """
    journals = (path.with_name(path.name + suffix) for suffix in ("-wal", "-journal"))
    flag = "mode=ro" if any(j.exists() for j in journals) else "immutable=1"
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?{flag}", uri=True, timeout=READ_TIMEOUT_SECONDS)
    try:
        if check:
            try:
                problems = [str(row[0]) for row in conn.execute("PRAGMA quick_check(3)")]
            except sqlite3.DatabaseError as exc:
                if "locked" in str(exc) or "busy" in str(exc):
                    raise
                raise damaged(path, str(exc)) from exc
            if problems != ["ok"]:
                raise damaged(path, "; ".join(problems))
        tables = {
            str(name)
            for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not str(name).startswith("sqlite_")
        }
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
    finally:
        conn.close()
    return _classify(tables, revision)


def _classify(tables: set[str], revision: str | None) -> _SchemaState:
    ours = migrate.known_tables() | {"alembic_version"}
    unknown = {t for t in tables if t not in ours and not t.startswith("sqlite_")}
    if revision is None and tables - {"alembic_version"}:
        # Tables but no migration record: not ours, even if some names match.
        unknown = unknown or (tables - {"alembic_version"})
    return _SchemaState(revision=revision, foreign=unknown)


def backup_before_migration(engine: Engine, path: Path, revision: str, backup_dir: Path | None) -> Path:
    """Copy the database with SQLite's online backup before changing its schema, whole or
    not there (atomic_files.atomic_path: owner-only, synced, renamed)."""
    target_dir = backup_dir or path.parent
    target_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = target_dir / f"{path.stem}.before-{revision}.{stamp}.sqlite"
    with atomic_files.atomic_path(target) as temp:
        source = sqlite3.connect(str(path))
        try:
            dest = sqlite3.connect(temp)
            try:
                source.backup(dest)
                dest.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            finally:
                dest.close()
        finally:
            source.close()
    return target
