"""Writing a file so that it is either complete or not there: a temporary file beside the
target, flushed to disk, then renamed over it (a crash or a full disk never leaves half a
file, and a file already there stays until the new one is whole).

Files are created readable by their owner only (0600 on POSIX: exports and witnesses
carry residents' data and the chain's position). Nothing but an ordinary file is ever
replaced: not a folder, a device such as ``/dev/full``, a FIFO, nor a database or its
journal files."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

from desk_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from desk_app.storage import fileops

_SQLITE_HEADER = b"SQLite format 3\x00"


def check_output(path: Path, databases: Iterable[Path] = ()) -> None:
    """Refuse, before anything is written, an output that would replace what it must not:
    anything but an ordinary file, one of ``databases`` or their -wal/-shm/-journal files,
    or any SQLite database (no document the program writes is one)."""
    path = Path(path)
    if path.is_dir():
        raise ValidationError(
            QT_TRANSLATE_NOOP("DeskError", "{path} is a folder: give the name of a file to write."), path=str(path)
        )
    if not fileops.is_regular_or_absent(path):
        raise ValidationError(
            QT_TRANSLATE_NOOP("DeskError", "{path} is not an ordinary file: DutyDesk will not write over it."),
            path=str(path),
        )
    if any(fileops.is_part_of(path, database) for database in databases) or _is_a_database(path):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "DeskError", "{path} is a database or one of its journal files: it cannot be written over."
            ),
            path=str(path),
        )


def _is_a_database(path: Path) -> bool:
    """An SQLite file, or the -wal/-shm/-journal name of one beside it."""
    for suffix in fileops.JOURNAL_SUFFIXES:
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
    if not fileops.is_regular_or_absent(path):
        raise ValidationError(
            QT_TRANSLATE_NOOP("DeskError", "{path} is not an ordinary file: DutyDesk will not write over it."),
            path=str(path),
        )
    os.replace(temp, path)


def write_atomically(path: Path, write: Callable[[BinaryIO], object], *, mode: int = fileops.PRIVATE_MODE) -> None:
    path = Path(path)
    check_output(path)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=f"{path.suffix}.tmp", dir=path.parent)
    try:
        if os.name != "nt":
            os.chmod(temp_name, mode)
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        replace_checked(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
