"""The database file on disk as SQLite sees it: whether a path holds a database, a reason
in the desk's words for what went wrong with one, and connections that cannot write."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

from desk_app.domain.errors import QT_TRANSLATE_NOOP, DatabaseOpenError

# A command that only reads gives up on a locked database after this long, not after the
# ten seconds a writer waits.
READ_TIMEOUT_SECONDS = 1.0


def check_sqlite_file(path: Path) -> None:
    """Refuse files that are not SQLite databases without touching them."""
    if not path.exists():
        return
    if path.is_dir():
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP("DeskError", "{path} is a folder, not a database file."), path=str(path)
        )
    size = path.stat().st_size
    if size == 0:
        return
    with path.open("rb") as fh:
        header = fh.read(16)
    if header != b"SQLite format 3\x00":
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP(
                "DeskError", "{path} is not a DutyDesk database (it is not an SQLite file, or it is damaged)."
            ),
            path=str(path),
        )


def require_database_file(path: Path) -> None:
    """Refuse, naming the path, a database file that is missing, empty or not SQLite.

    For every command that only reads: opening a missing or empty file would make a new,
    empty database and call it sound."""
    path = Path(path)
    if not path.exists():
        raise DatabaseOpenError(QT_TRANSLATE_NOOP("DeskError", "There is no database at {path}."), path=str(path))
    check_sqlite_file(path)
    if not path.is_file():
        raise DatabaseOpenError(QT_TRANSLATE_NOOP("DeskError", "{path} is not a database file."), path=str(path))
    if path.stat().st_size == 0:
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP("DeskError", "{path} is empty: it is not a DutyDesk database."), path=str(path)
        )


def database_error(exc: BaseException, path: Path | str) -> DatabaseOpenError:
    """A one-line reason for an SQLite or file-system failure on the database ``path``."""
    original = getattr(exc, "orig", None) or exc
    reason = str(original)
    lowered = reason.lower()
    code = getattr(original, "sqlite_errorcode", None)
    err = getattr(original, "errno", None)
    if "disk is full" in lowered or code == sqlite3.SQLITE_FULL or err == errno.ENOSPC:
        return DatabaseOpenError(
            QT_TRANSLATE_NOOP("DeskError", "The disk of the database {path} is full: free some space and try again."),
            path=str(path),
        )
    if "locked" in lowered or "busy" in lowered or code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return DatabaseOpenError(
            QT_TRANSLATE_NOOP(
                "DeskError",
                "The database {path} is locked by another program: close it (or wait for it) and try again.",
            ),
            path=str(path),
        )
    if (
        "readonly" in lowered
        or "read-only" in lowered
        or code == sqlite3.SQLITE_READONLY
        or err
        in (
            errno.EACCES,
            errno.EPERM,
            errno.EROFS,
        )
    ):
        return DatabaseOpenError(
            QT_TRANSLATE_NOOP(
                "DeskError",
                "The database {path} cannot be written: the file or its folder is read-only.",
            ),
            path=str(path),
        )
    if "malformed" in lowered or "not a database" in lowered or code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return damaged(path, reason)
    if isinstance(original, OSError):
        reason = original.strerror or reason
    return DatabaseOpenError(
        QT_TRANSLATE_NOOP("DeskError", "The database {path} cannot be opened: {reason}"),
        path=str(path),
        reason=reason,
    )


def damaged(path: Path | str, reason: str) -> DatabaseOpenError:
    return DatabaseOpenError(
        QT_TRANSLATE_NOOP("DeskError", "The database {path} is damaged ({reason}). Nothing was changed in it."),
        path=str(path),
        reason=reason.splitlines()[0][:200] if reason else "?",
    )


def check_writable(path: Path) -> None:
    """Refuse a database the program could read but not write, before anything is written."""
    folder = path.parent
    if path.exists() and not os.access(path, os.W_OK) or not os.access(folder, os.W_OK):
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP(
                "DeskError",
                "The database {path} cannot be written: the file or its folder is read-only.",
            ),
            path=str(path),
        )


def connect_readonly(path: Path, timeout: float = READ_TIMEOUT_SECONDS) -> sqlite3.Connection:
    """An SQLite connection that cannot write to ``path`` and, where it can, leaves no file
    behind: read-only beside a journal already there (a running program, a crash); immutable
    in a folder this user cannot write or for a file nobody may write (no -wal can appear
    beside it, so nobody can be writing the file); otherwise opened as
    SQLite would but ``query_only``, so that the last connection removes the -wal and -shm
    files it made. It never creates the database, nor switches its journal mode."""
    path = Path(path)
    if any(path.with_name(path.name + suffix).exists() for suffix in ("-wal", "-journal")):
        flag = "mode=ro"
    elif not os.access(path.parent, os.W_OK) or not path.stat().st_mode & 0o222:
        flag = "immutable=1"
    elif os.access(path, os.W_OK):
        flag = "mode=rw"
    else:
        flag = "mode=ro"
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?{flag}", uri=True, timeout=timeout, check_same_thread=False)
    try:
        conn.isolation_level = None
        conn.execute("PRAGMA query_only = ON")
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
    except BaseException:
        conn.close()
        raise
    return conn
