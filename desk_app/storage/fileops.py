"""The database's files on disk: putting a new file in place of the
database so that a crash at any instant leaves the old desk or the new one, whole.

A database is a set of files: ``desk.sqlite`` and its ``-wal``, ``-shm`` and ``-journal``
files. They belong together: SQLite would replay an old ``-wal`` onto a new main file and
corrupt it, so the set is kept aside as a set before the new file takes the name.

``swap_in`` does it in steps, each safe to stop after:

1. the new file is complete and synced beside the database (``desk.sqlite.restore-new``);
2. a marker names the file the old database will be kept as (``desk.sqlite.restore-marker``);
3. the old ``-wal``/``-shm``/``-journal`` files are moved to that name;
4. the old main file gets that name too (a hard link: the database path is never empty);
5. the new file is renamed over the database path (atomic);
6. the marker is removed.

``finish_interrupted_swap`` runs at every start (opening the database, the window, the
command line): a marker left behind means steps 3-6 are finished from where they stopped.
A new file without a marker is the leftover of step 1 and is removed.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
from pathlib import Path

from desk_app.atomic_files import (
    JOURNAL_SUFFIXES,
    companions,
    make_private,
    sync_file,
    sync_folder,
)

NEW_SUFFIX = ".restore-new"
MARKER_SUFFIX = ".restore-marker"


def _crash_point(name: str) -> None:
    """A point where a test stops the process (the test replaces this function)."""


def crash_here() -> None:
    """Stop this process at once, as a power cut or ``kill -9`` would (for tests)."""
    if os.name == "nt":
        os._exit(137)
    os.kill(os.getpid(), signal.SIGKILL)


def private_files() -> int | None:
    """From here on, files this process creates are readable by their owner only (POSIX:
    umask 077; the per-user data folder on Windows already is). Returns the previous umask."""
    return os.umask(0o077) if os.name != "nt" else None


def restore_umask(previous: int | None) -> None:
    if previous is not None:
        os.umask(previous)


def new_file_for(database: Path) -> Path:
    database = Path(database)
    return database.with_name(database.name + NEW_SUFFIX)


def marker_for(database: Path) -> Path:
    database = Path(database)
    return database.with_name(database.name + MARKER_SUFFIX)


def swap_in(database: Path, aside: Path | None) -> None:
    """Put ``new_file_for(database)`` (complete and synced) in place of ``database``.

    The old database, with its journal files, is kept as ``aside`` (None: there is no old
    database). Safe to stop at any instant; ``finish_interrupted_swap`` completes it.
    """
    database = Path(database)
    new = new_file_for(database)
    if not new.is_file():
        raise FileNotFoundError(2, "the new database file is missing", str(new))
    if aside is None and database.exists():
        raise FileExistsError(17, "the database would be replaced without being kept", str(database))
    marker = marker_for(database)
    temp = marker.with_name(marker.name + ".tmp")
    with open(temp, "w", encoding="utf-8") as handle:
        json.dump({"aside": aside.name if aside is not None else None}, handle)
        handle.flush()
        os.fsync(handle.fileno())
    make_private(temp)
    os.replace(temp, marker)
    sync_folder(database.parent)
    _crash_point("marked")
    _roll_forward(database, aside)


def _roll_forward(database: Path, aside: Path | None) -> None:
    new = new_file_for(database)
    folder = database.parent
    if aside is not None and new.exists():
        # While the new file is not in place, the journals beside the database are the old one's.
        for suffix in JOURNAL_SUFFIXES:
            journal = database.with_name(database.name + suffix)
            if journal.exists():
                os.replace(journal, aside.with_name(aside.name + suffix))
                _crash_point(f"moved{suffix}")
        sync_folder(folder)
        _crash_point("journals-aside")
        if database.exists() and not aside.exists():
            _keep_as(database, aside)
            sync_folder(folder)
        _crash_point("kept-aside")
    if new.exists():
        os.replace(new, database)
        sync_folder(folder)
    _crash_point("replaced")
    marker_for(database).unlink(missing_ok=True)
    sync_folder(folder)
    _crash_point("done")


def _keep_as(database: Path, aside: Path) -> None:
    """A second name for the old main file; a copy (made whole, then renamed) where links
    are not possible."""
    try:
        os.link(database, aside)
    except OSError:
        temp = aside.with_name(aside.name + ".tmp")
        shutil.copyfile(database, temp)
        sync_file(temp)
        make_private(temp)
        os.replace(temp, aside)


def finish_interrupted_swap(database: Path) -> str | None:
    """Complete a restore that was stopped half-way; returns what was done, or None.

    With a marker, the steps are finished (the new file was complete before the marker
    was written). Should the database path be empty with only the old file kept, the old
    one is put back. A new file without a marker is removed: the restore never started.
    """
    database = Path(database)
    marker = marker_for(database)
    new = new_file_for(database)
    marker.with_name(marker.name + ".tmp").unlink(missing_ok=True)
    if not marker.exists():
        if new.exists():
            new.unlink()
            sync_folder(database.parent)
            return f"removed {new.name}, left by a restore that did not start"
        return None
    try:
        recorded = json.loads(marker.read_text(encoding="utf-8")).get("aside")
    except (OSError, ValueError, AttributeError):
        recorded = None
    aside = database.with_name(recorded) if isinstance(recorded, str) and recorded else None
    if aside is not None and Path(recorded).name != recorded:
        aside = None  # a marker that names another folder is not ours to follow
    if new.exists() or database.exists():
        _roll_forward(database, aside)
        return f"finished the restore of {database} that was interrupted"
    if aside is not None and aside.exists():  # nothing new to put in place: the old one goes back
        for member, kept in zip(companions(database), companions(aside), strict=True):
            if kept.exists():
                os.replace(kept, member)
        marker.unlink()
        sync_folder(database.parent)
        return f"undid the restore of {database} that was interrupted"
    marker.unlink()
    sync_folder(database.parent)
    return None
