"""Backups of the desk's database and restoring one (DOMAIN.md "Shift log": records are
kept at least three years).

- A backup is made with SQLite's online backup API from the live database (consistent even
  while the program writes), into a temporary file that is synced and then renamed.
- The daily backup goes into the folder the supervisor chose (a USB drive, a network
  share): ``dutydesk-daily-YYYY-MM-DD.sqlite``; the first of each month is also kept as
  ``dutydesk-monthly-YYYY-MM.sqlite``. Dailies are kept 31 days, monthlies 36 months.
  Backups made by hand (``desk-app backup``) and before a migration are never pruned.
- A restore first checks the backup (SQLite's integrity check, a DutyDesk schema this
  program knows, the log's hash chain and the handover digests, on a scratch copy), then
  keeps the replaced database aside (``…replaced-<time>.sqlite``) and puts the backup in
  its place. Nothing is deleted and nothing is half-copied.
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

from desk_app.domain.clock import Clock
from desk_app.domain.errors import QT_TRANSLATE_NOOP, DeskError

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


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def online_backup(source: Path, target: Path) -> Path:
    """Copy the database ``source`` to ``target`` with SQLite's backup API, whole or not at all."""
    source, target = Path(source), Path(target)
    if not source.is_file():
        raise BackupError(QT_TRANSLATE_NOOP("DeskError", "There is no database at {path}."), path=str(source))
    if any(_same_file(Path(str(source) + suffix), target) for suffix in ("", "-wal", "-shm")):
        raise BackupError(
            QT_TRANSLATE_NOOP("DeskError", "{path} is the database itself: a backup cannot be written over it."),
            path=str(target),
        )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".tmp", dir=target.parent)
        os.close(fd)
    except OSError as exc:
        raise BackupError(
            QT_TRANSLATE_NOOP("DeskError", "The backup folder {path} cannot be written: {reason}"),
            path=str(target.parent),
            reason=exc.strerror or str(exc),
        ) from exc
    try:
        src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        try:
            dest = sqlite3.connect(temp_name)
            try:
                src.backup(dest)
                dest.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
            finally:
                dest.close()
        finally:
            src.close()
        with open(temp_name, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temp_name, target)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise BackupError(
            QT_TRANSLATE_NOOP("DeskError", "The backup could not be written to {path}: {reason}"),
            path=str(target),
            reason=str(exc),
        ) from exc
    return target


def check_backup(path: Path) -> str:
    """Check a backup before it is trusted; returns a one-line summary, raises BackupError.

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
            chain = services.log.verify()
            bad_handovers = services.handover.verify_records() if chain.ok else []
        finally:
            services.close()
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


def restore(backup: Path, database: Path, clock: Clock) -> Path | None:
    """Check ``backup``, keep ``database`` aside, put the backup in its place. Returns where
    the replaced database was kept (None if there was none). The program must be closed."""
    check_backup(backup)
    database = Path(database)
    stamp = clock.now().strftime("%Y%m%dT%H%M%S")
    aside: Path | None = None
    if database.exists():
        aside = database.with_name(f"{database.stem}.replaced-{stamp}{database.suffix}")
        for suffix in ("", "-wal", "-shm"):
            current = Path(str(database) + suffix)
            if current.exists():
                os.replace(current, Path(str(aside) + suffix))
    fd, temp_name = tempfile.mkstemp(prefix=f".{database.stem}-restore-", suffix=".tmp", dir=database.parent)
    try:
        with os.fdopen(fd, "wb") as out, open(backup, "rb") as source:
            shutil.copyfileobj(source, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp_name, database)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        if aside is not None and not database.exists():  # put the old one back: nothing lost
            for suffix in ("", "-wal", "-shm"):
                kept = Path(str(aside) + suffix)
                if kept.exists():
                    os.replace(kept, Path(str(database) + suffix))
        raise
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
        return made

    def manual(self, database: Path) -> Path:
        stamp = self.clock.now().strftime("%Y%m%dT%H%M%S")
        return online_backup(database, self.folder / f"dutydesk-manual-{stamp}.sqlite")

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
