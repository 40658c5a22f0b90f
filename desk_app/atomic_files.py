"""Writing a file so that it is either complete or not there: a temporary file beside the
target, synced to disk, then renamed over it (a crash or a full disk never leaves half a
file, and a file already there stays until the new one is whole).

The one place every file the program writes goes through: exports, printouts, backups,
witnesses, the roster solver's snapshots. It sits below every other layer (it imports
only the standard library and the domain's errors), so the services, the printing and the
roster solver all use it without importing each other.

Files are created readable by their owner only (0600 on POSIX: exports and witnesses
carry residents' data and the chain's position) unless the caller asks otherwise. Nothing
but an ordinary file is ever replaced: not a folder, a device such as ``/dev/full``, a
FIFO, nor a database or its journal files.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from desk_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError

PRIVATE_MODE = 0o600
JOURNAL_SUFFIXES = ("-wal", "-shm", "-journal")
_SQLITE_HEADER = b"SQLite format 3\x00"


# -- modes and durability --------------------------------------------------------------------
def make_private(path: Path) -> None:
    """Readable and writable by the owner only (POSIX; the per-user folder on Windows)."""
    if os.name != "nt":
        os.chmod(path, PRIVATE_MODE)


def create_private(path: Path) -> None:
    """Create ``path`` empty with owner-only permissions; an existing file is left alone."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, flags, PRIVATE_MODE))
        make_private(path)  # whatever the umask


def sync_folder(folder: Path) -> None:
    """Make renames and removals in ``folder`` durable (a no-op where folders cannot be synced)."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def sync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


# -- what may be written over ----------------------------------------------------------------
def companions(database: Path) -> list[Path]:
    """The database file and the journal files that belong to it (existing or not)."""
    database = Path(database)
    return [database, *(database.with_name(database.name + suffix) for suffix in JOURNAL_SUFFIXES)]


def is_part_of(path: Path, database: Path) -> bool:
    """Whether ``path`` is the database or one of its journal files (by name or by file)."""
    path = Path(path)
    for member in companions(database):
        if os.path.abspath(path) == os.path.abspath(member):
            return True
        with contextlib.suppress(OSError):
            if path.exists() and member.exists() and os.path.samefile(path, member):
                return True
    return False


def is_regular_or_absent(path: Path) -> bool:
    """Whether writing ``path`` replaces nothing but an ordinary file."""
    try:
        mode = os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return not os.path.islink(path)  # a dangling link names something elsewhere
    return stat.S_ISREG(mode)


def check_output(path: Path, databases: Iterable[Path] = ()) -> None:
    """Refuse, before anything is written, an output that would replace what it must not:
    anything but an ordinary file, one of ``databases`` or their -wal/-shm/-journal files,
    or any SQLite database (no document the program writes is one)."""
    path = Path(path)
    if path.is_dir():
        raise ValidationError(
            QT_TRANSLATE_NOOP("DeskError", "{path} is a folder: give the name of a file to write."), path=str(path)
        )
    if not is_regular_or_absent(path):
        raise ValidationError(
            QT_TRANSLATE_NOOP("DeskError", "{path} is not an ordinary file: DutyDesk will not write over it."),
            path=str(path),
        )
    if any(is_part_of(path, database) for database in databases) or _is_a_database(path):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "DeskError", "{path} is a database or one of its journal files: it cannot be written over."
            ),
            path=str(path),
        )


def _is_a_database(path: Path) -> bool:
    """An SQLite file, or the -wal/-shm/-journal name of one beside it."""
    for suffix in JOURNAL_SUFFIXES:
        if path.name.endswith(suffix) and path.with_name(path.name[: -len(suffix)]).is_file():
            return True
    try:
        with path.open("rb") as handle:
            return handle.read(len(_SQLITE_HEADER)) == _SQLITE_HEADER
    except OSError:
        return False


def replace_checked(temp: str | Path, path: Path) -> None:
    """Rename the finished ``temp`` over ``path``, unless ``path`` became something other
    than an ordinary file meanwhile."""
    if not is_regular_or_absent(path):
        raise ValidationError(
            QT_TRANSLATE_NOOP("DeskError", "{path} is not an ordinary file: DutyDesk will not write over it."),
            path=str(path),
        )
    os.replace(temp, path)


# -- writing ---------------------------------------------------------------------------------
@contextlib.contextmanager
def atomic_path(path: Path, *, mode: int = PRIVATE_MODE, databases: Iterable[Path] = ()) -> Iterator[Path]:
    """A temporary file beside ``path`` for the block to fill (by name: SQLite's backup,
    ReportLab's canvas, ``open``). When the block finishes it is synced and renamed over
    ``path``, and the rename is synced; when the block raises it is removed and ``path``
    is untouched. ``path`` is checked first (``check_output``)."""
    path = Path(path)
    check_output(path, databases)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=f"{path.suffix}.tmp", dir=path.parent)
    os.close(fd)
    temp = Path(temp_name)
    try:
        if os.name != "nt":
            os.chmod(temp, mode)
        yield temp
        sync_file(temp)
        replace_checked(temp, path)
        sync_folder(path.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def write_atomically(path: Path, write: Callable[[BinaryIO], object], *, mode: int = PRIVATE_MODE) -> None:
    """``write`` fills a binary handle; the file at ``path`` is the whole result or unchanged."""
    with atomic_path(path, mode=mode) as temp, temp.open("wb") as handle:
        write(handle)
