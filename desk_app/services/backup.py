"""Backups of the desk's database and restoring one (DOMAIN.md "Shift log": records are
kept at least three years).

- A backup is made with SQLite's online backup API from the live database (consistent even
  while the program writes), into a temporary file that is synced and then renamed.
- The daily backup goes into the folder the supervisor chose (a USB drive, a network
  share): ``dutydesk-daily-YYYY-MM-DD.sqlite``; the first of each month is also kept as
  ``dutydesk-monthly-YYYY-MM.sqlite``. Dailies are kept 31 days, monthlies 36 months.
  Backups made by hand (``desk-app backup``) and before a migration are never pruned.
- A restore first checks the backup (a set-up desk, SQLite's integrity check, a DutyDesk
  schema this program knows, the log's hash chain and the handover digests, on a scratch
  copy), refuses to go over a database whose records have come further (unless forced),
  then keeps the replaced database aside (``…replaced-<time>.sqlite``, with its journal
  files) and puts the backup in its place, crash-safe at every instant (storage/fileops.py).
  Nothing is deleted and nothing is half-copied.
- Every backup is readable by its owner only.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from desk_app import atomic_files
from desk_app.domain.clock import Clock
from desk_app.domain.errors import QT_TRANSLATE_NOOP, DeskError
from desk_app.services.integrity import write_witness
from desk_app.storage import fileops

DAILY_KEEP_DAYS = 31
MONTHLY_KEEP_MONTHS = 36
_DAILY = re.compile(r"dutydesk-daily-(\d{4})-(\d{2})-(\d{2})\.sqlite")
_MONTHLY = re.compile(r"dutydesk-monthly-(\d{4})-(\d{2})\.sqlite")
_ANY = re.compile(r"dutydesk-(daily|monthly|manual)-.*\.sqlite|.*\.before-.*\.sqlite")


class BackupError(DeskError):
    """A backup that cannot be made or cannot be restored; the message says why."""


@dataclass(frozen=True)
class BackupFile:
    path: Path
    kind: str  # daily, monthly, manual, migration
    made: datetime  # the file's modification time


def online_backup(source: Path, target: Path) -> Path:
    """Copy the database ``source`` to ``target`` with SQLite's backup API, whole or not at all.

    The source is only read (never created, switched or locked for long); the copy is
    readable by its owner only; ``target`` may not be the database, its journal files, nor
    anything but an ordinary file."""
    from desk_app.storage.sqlite_files import connect_readonly, database_error, require_database_file

    source, target = Path(source), Path(target)
    try:
        require_database_file(source)
        with contextlib.ExitStack() as stack:
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                temp = stack.enter_context(atomic_files.atomic_path(target, databases=[source]))
            except OSError as exc:
                raise BackupError(
                    QT_TRANSLATE_NOOP("DeskError", "The backup folder {path} cannot be written: {reason}"),
                    path=str(target.parent),
                    reason=exc.strerror or str(exc),
                ) from exc
            src = connect_readonly(source)
            try:
                # A read transaction first: a lock shows here, after the short read timeout
                # (the backup API itself would retry for ever), and then holds off nothing
                # but keeps the copy one snapshot.
                src.execute("BEGIN")
                src.execute("SELECT count(*) FROM sqlite_master").fetchone()
                dest = sqlite3.connect(temp)
                try:
                    src.backup(dest)
                    dest.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
                finally:
                    dest.close()
            finally:
                src.close()
    except BackupError:
        raise
    except DeskError as exc:
        raise BackupError(exc.message, **exc.params) from exc
    except sqlite3.Error as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            locked = database_error(exc, source)
            raise BackupError(locked.message, **locked.params) from exc
        raise _not_written(target, exc) from exc
    except OSError as exc:
        raise _not_written(target, exc) from exc
    return target


def _not_written(target: Path, exc: Exception) -> BackupError:
    return BackupError(
        QT_TRANSLATE_NOOP("DeskError", "The backup could not be written to {path}: {reason}"),
        path=str(target),
        reason=str(exc),
    )


def check_backup(path: Path) -> str:
    """Check a backup before it is trusted; returns a one-line summary, raises BackupError.

    A backup must be a set-up desk (its desk row and accounts), sound (SQLite's integrity
    check), of a schema this program knows, with an intact log chain and handover digests.
    The checks run on a scratch copy (an older schema is migrated there, never in the
    backup itself)."""
    from desk_app.services.container import Services
    from desk_app.storage.database import DatabaseOpenError

    path = Path(path)
    if not path.is_file():
        raise BackupError(QT_TRANSLATE_NOOP("DeskError", "There is no backup at {path}."), path=str(path))
    if path.stat().st_size == 0:
        # SQLite reads an empty file as an empty database, which would pass every check.
        raise BackupError(QT_TRANSLATE_NOOP("DeskError", "{path} is empty: it is not a backup."), path=str(path))
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(
            QT_TRANSLATE_NOOP("DeskError", "{path} is not a usable backup: {reason}"), path=str(path), reason=str(exc)
        ) from exc
    if result is None or result[0] != "ok":
        raise BackupError(
            QT_TRANSLATE_NOOP("DeskError", "{path} is damaged (integrity check: {reason})."),
            path=str(path),
            reason=str(result[0] if result else "?")[:200],
        )
    with tempfile.TemporaryDirectory(prefix="dutydesk-check-") as scratch:
        copy = Path(scratch) / "check.sqlite"
        shutil.copyfile(path, copy)
        try:
            services = Services.open("sqlite:///" + copy.as_posix(), backup_dir=Path(scratch))
        except DatabaseOpenError as exc:
            raise BackupError(
                QT_TRANSLATE_NOOP("DeskError", "{path} is not a usable backup: {reason}"),
                path=str(path),
                reason=exc.english(),
            ) from exc
        try:
            set_up = services.desk.is_set_up() and services.accounts.has_accounts()
            chain = services.log.verify()
            bad_handovers = services.handover.verify_records() if chain.ok else []
        finally:
            services.close()
    if not set_up:
        raise BackupError(
            QT_TRANSLATE_NOOP("DeskError", "{path} is not a set-up desk (it has no desk or no accounts)."),
            path=str(path),
        )
    if not chain.ok:
        raise BackupError(
            QT_TRANSLATE_NOOP("DeskError", "{path} fails the log's hash chain: {reason}"),
            path=str(path),
            reason=chain.describe(),
        )
    if bad_handovers:
        raise BackupError(
            QT_TRANSLATE_NOOP("DeskError", "{path}: handover #{id} does not match its digest."),
            path=str(path),
            id=bad_handovers[0],
        )
    return chain.describe()


def chain_position(path: Path) -> tuple[str, int] | None:
    """How far the records of the database file ``path`` have come, read without writing.

    The sequence number of the newest journal event (``storage.journal.head_of_file``)
    when the file has a journal; otherwise the number of entries the shift log's chain
    head counts (``log_chain_head.count``, 0 for none). The first element names which of
    the two it is: only positions of the same kind are compared. None when the file
    cannot be read (damaged, locked, not a DutyDesk database)."""
    path = Path(path)
    try:
        from desk_app.storage import journal  # type: ignore[attr-defined, unused-ignore]

        head = journal.head_of_file(path)
    except ImportError:
        head = None
    except Exception:  # a file the journal cannot read: judged by the log below
        head = None
    if head is not None:
        return ("journal", int(head[0]))
    from desk_app.storage.sqlite_files import connect_readonly

    try:
        conn = connect_readonly(path)
        try:
            tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if "log_chain_head" not in tables:
                return None
            row = conn.execute("SELECT count FROM log_chain_head WHERE id = 1").fetchone()
        finally:
            conn.close()
    except (sqlite3.Error, OSError):
        return None
    return ("log", int(row[0]) if row else 0)


def _aside_name(database: Path, clock: Clock) -> Path:
    stamp = clock.now().strftime("%Y%m%dT%H%M%S")
    aside = database.with_name(f"{database.stem}.replaced-{stamp}{database.suffix}")
    n = 1
    while any(member.exists() for member in atomic_files.companions(aside)):
        n += 1
        aside = database.with_name(f"{database.stem}.replaced-{stamp}-{n}{database.suffix}")
    return aside


def restore(backup: Path, database: Path, clock: Clock, *, force: bool = False) -> Path | None:
    """Check ``backup``, keep ``database`` aside, put the backup in its place. Returns where
    the replaced database was kept (None if there was none). The program must be closed.

    Refused, unless ``force``, when the database's records have come further than the
    backup's (restoring would drop the newer ones). Crash-safe at every instant: the
    backup is copied beside the database and synced, then swapped in by
    ``storage.fileops.swap_in``; a restore stopped half-way is finished at the next start.
    """
    from desk_app.storage.database import checkpoint_quietly, finish_interrupted_restore

    backup, database = Path(backup), Path(database)
    check_backup(backup)
    finish_interrupted_restore(database)
    if database.exists() and not force:
        current, restored = chain_position(database), chain_position(backup)
        if current is not None and restored is not None and current[0] == restored[0] and current[1] > restored[1]:
            raise BackupError(
                QT_TRANSLATE_NOOP(
                    "DeskError",
                    "The database {path} has newer records than the backup ({current} against {restored}): "
                    "restoring would drop them. Restore with --force to do it anyway (the database is kept aside).",
                ),
                path=str(database),
                current=current[1],
                restored=restored[1],
            )
    new = fileops.new_file_for(database)
    new.unlink(missing_ok=True)
    try:
        atomic_files.create_private(new)
        with open(new, "wb") as out, open(backup, "rb") as source:
            shutil.copyfileobj(source, out, length=1 << 20)
            out.flush()
            fileops._crash_point("copying")
            os.fsync(out.fileno())
        fileops._crash_point("copied")
    except BaseException:
        with contextlib.suppress(OSError):
            new.unlink()
        raise
    aside: Path | None = None
    if database.exists():
        aside = _aside_name(database, clock)
        # The old database's committed work into its main file, where that can be done:
        # then the main file alone is the old desk, whole, at every step of the swap.
        checkpoint_quietly(database)
    try:
        fileops.swap_in(database, aside)
    except OSError:
        finish_interrupted_restore(database)  # finished now, or at the next start
        raise
    # The backup folder learns that the chain deliberately steps back to the backup's
    # head, so that the witnesses it held before do not read as a rollback attack.
    with contextlib.suppress(OSError, DeskError):
        write_witness(database, backup.parent, clock, restored=True)
    return aside


class BackupPlan:
    """The daily and monthly backups in one folder, and their pruning."""

    def __init__(self, folder: Path, clock: Clock) -> None:
        self.folder = Path(folder)
        self.clock = clock

    def _today(self) -> date:
        return self.clock.now().date()

    def daily(self, database: Path) -> Path | None:
        """Today's backup if there is none yet (and this month's monthly); None if done."""
        today = self._today()
        daily = self.folder / f"dutydesk-daily-{today:%Y-%m-%d}.sqlite"
        made = None
        if not daily.exists():
            made = online_backup(database, daily)
        monthly = self.folder / f"dutydesk-monthly-{today:%Y-%m}.sqlite"
        if not monthly.exists():
            online_backup(daily, monthly)
        self.prune()
        # Called every hour: the folder's witness follows the journal's head.
        write_witness(database, self.folder, self.clock)
        return made

    def manual(self, database: Path) -> Path:
        stamp = self.clock.now().strftime("%Y%m%dT%H%M%S")
        made = online_backup(database, self.folder / f"dutydesk-manual-{stamp}.sqlite")
        write_witness(database, self.folder, self.clock)
        return made

    def prune(self) -> list[Path]:
        """Remove dailies older than 31 days and monthlies older than 36 months; nothing else."""
        today = self._today()
        removed = []
        for path in self.folder.glob("dutydesk-*.sqlite"):
            if match := _DAILY.fullmatch(path.name):
                day = date(int(match[1]), int(match[2]), int(match[3]))
                old = (today - day).days > DAILY_KEEP_DAYS
            elif match := _MONTHLY.fullmatch(path.name):
                months = (today.year - int(match[1])) * 12 + today.month - int(match[2])
                old = months > MONTHLY_KEEP_MONTHS
            else:
                continue
            if old:
                path.unlink()
                removed.append(path)
        return removed

    def backups(self) -> list[BackupFile]:
        """Every backup in the folder, newest first."""
        found = []
        if not self.folder.is_dir():
            return []
        for path in self.folder.iterdir():
            if not path.is_file() or not _ANY.fullmatch(path.name):
                continue
            kind = "migration" if ".before-" in path.name else path.name.split("-")[1]
            found.append(BackupFile(path, kind, datetime.fromtimestamp(path.stat().st_mtime)))
        return sorted(found, key=lambda b: b.made, reverse=True)

    def newest_good(self) -> BackupFile | None:
        """The newest backup that passes every check (checked newest first)."""
        for backup in self.backups():
            try:
                check_backup(backup.path)
            except BackupError:
                continue
            return backup
        return None
