"""The command line: ``desk-app [--db URL] COMMAND`` for the people who look after the desk
computer (as calibre's calibredb is for calibre). No command opens the window.

Every command exits 0 on success and prints a one-line reason and exits non-zero on
failure. A command that only reads (``verify``, ``print``, ``export``, ``backup``) never
creates, migrates or changes a database, and no output is written over the database, its
journal files or anything but an ordinary file. Files the program makes are readable by
their owner only.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Sequence

from desk_app.cli.commands import EXIT_FAILED, EXIT_OK, EXIT_USAGE, database_url, run
from desk_app.cli.parser import build_parser
from desk_app.domain.errors import DeskError

__all__ = ["EXIT_FAILED", "EXIT_OK", "EXIT_USAGE", "build_parser", "main", "run"]


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from desk_app.storage.fileops import private_files, restore_umask

    previous_umask = private_files()
    try:
        if args.command is None:
            from desk_app.ui.app import run_gui

            return run_gui(args.db)
        return _run_reporting(args)
    finally:
        restore_umask(previous_umask)


def _run_reporting(args: argparse.Namespace) -> int:
    """``run``, with every failure as one line on stderr."""
    from sqlalchemy.exc import DBAPIError

    try:
        return run(args)
    except DeskError as exc:
        print(f"desk-app: {exc.english()}", file=sys.stderr)
        return EXIT_FAILED
    except OSError as exc:
        print(f"desk-app: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return EXIT_FAILED
    except (DBAPIError, sqlite3.Error) as exc:  # the disk filled, a lock outlasted the wait, ...
        from desk_app.storage.database import displayed_url, sqlite_path
        from desk_app.storage.sqlite_files import database_error

        where = sqlite_path(database_url(args)) or displayed_url(database_url(args))
        print(f"desk-app: {database_error(exc, where).english()}", file=sys.stderr)
        return EXIT_FAILED
