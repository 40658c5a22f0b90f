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
from datetime import date
from pathlib import Path

from desk_app import __version__
from desk_app.domain.errors import DeskError
from desk_app.domain.tickets import TicketKind

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number <= 0:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value}")
    return number


def _seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not 0 < number <= 86_400:
        raise argparse.ArgumentTypeError(f"must be more than 0 and at most a day: {value}")
    return number


def _non_negative(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"must not be negative: {value}")
    return number


def _month(value: str) -> tuple[int, int]:
    try:
        day = date.fromisoformat(f"{value}-01")
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a month (YYYY-MM): {value!r}") from None
    return day.year, day.month


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="desk-app",
        description="DutyDesk (值班台): the duty desk's log, handover, tickets and roster. "
        "Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"DutyDesk {__version__}")
    parser.add_argument(
        "--db",
        metavar="URL",
        help="SQLAlchemy database URL (default: the per-user database, e.g. sqlite:///C:/desk/dutydesk.sqlite)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser("demo", help="fill an empty database with realistic demo data")
    demo.add_argument("--days", type=_positive, required=True, help="how many days of log to make")
    demo.add_argument("--entries-per-day", type=_positive, default=40, help="log entries per day (default 40)")
    demo.add_argument(
        "--tickets-per-day",
        type=_non_negative,
        default=25,
        help="tickets a day over the same days (default 25; 0: none)",
    )
    demo.add_argument("--seed", type=int, default=1, help="random seed (default 1)")

    verify = commands.add_parser(
        "verify",
        help="check every record against the journal and the journal against the backup folder's "
        "witnesses; non-zero exit if anything was changed behind the program's back",
    )
    verify.add_argument(
        "--witnesses",
        type=Path,
        action="append",
        metavar="FOLDER",
        help="a folder holding witness files (default: this computer's backup folder); may be repeated",
    )

    verify_page = commands.add_parser(
        "verify-page",
        help="check a printed page against the database: does it still hold exactly the records the page printed?",
    )
    verify_page.add_argument(
        "fingerprint",
        nargs="+",
        metavar="FINGERPRINT",
        help="the fingerprint at the foot of the page (e.g. L:101-118,120 9F3A-C21B-77D0-E4B1) "
        "or the text of its QR code",
    )

    printing = commands.add_parser("print", help="print paper forms to PDF")
    forms = printing.add_subparsers(dest="form", metavar="FORM", required=True)
    log = forms.add_parser("log", help="the shift log (值班记录表) for a date range")
    log.add_argument("--from", dest="date_from", type=_date, required=True, metavar="YYYY-MM-DD")
    log.add_argument("--to", dest="date_to", type=_date, required=True, metavar="YYYY-MM-DD")
    log.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    for name, title in (("complaints", "投诉受理登记表"), ("repairs", "住户报修登记表")):
        register = forms.add_parser(name, help=f"the {name} register ({title}) for a date range")
        _date_range(register)
        register.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    for name, help_text in (
        ("slip", "the item-release slip (物品放行条) of a ticket"),
        ("incident", "the written report (重大事件报告) of a major incident"),
        ("handover", "a handover record (交接班记录表)"),
    ):
        single = forms.add_parser(name, help=help_text)
        single.add_argument("id", type=_positive, metavar="ID")
        single.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    monthly = forms.add_parser("monthly", help="the monthly complaint report (部门客户投诉工作月报)")
    monthly.add_argument("month", type=_month, metavar="YYYY-MM")
    monthly.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")

    backup = commands.add_parser("backup", help="back the database up now (SQLite online backup)")
    backup.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="where to write it (default: the backup folder)"
    )
    restore = commands.add_parser(
        "restore", help="check a backup and put it in place of the database (the old one is kept aside)"
    )
    restore.add_argument("backup_file", type=Path, metavar="FILE")
    restore.add_argument(
        "--force",
        action="store_true",
        help="restore even if the database has newer records than the backup (it is kept aside all the same)",
    )

    smoke = commands.add_parser("smoke-test", help="check the installed program end to end, offscreen")
    smoke.add_argument("--db", dest="smoke_db", required=True, metavar="URL", help="a NEW database to fill")
    smoke.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")

    roster = commands.add_parser("roster", help="the roster solver, headless")
    roster_commands = roster.add_subparsers(dest="roster_command", metavar="COMMAND", required=True)
    solve = roster_commands.add_parser("solve", help="solve a roster problem (JSON) with OR-Tools CP-SAT")
    solve.add_argument("problem", type=Path, metavar="PROBLEM.json")
    solve.add_argument("--time-limit", type=_seconds, required=True, metavar="SECONDS")
    solve.add_argument(
        "--workers", type=_positive, default=None, metavar="N", help="search threads (default: all cores)"
    )
    solve.add_argument("-o", "--output", type=Path, required=True, metavar="SOLUTION.json")

    export = commands.add_parser("export", help="export a ticket register to Excel (.xlsx)")
    export.add_argument("kind", choices=[k.value for k in TicketKind], metavar="KIND", help="ticket kind: %(choices)s")
    _date_range(export)
    export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.xlsx")
    return parser


def _date_range(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="date_from", type=_date, required=True, metavar="YYYY-MM-DD")
    parser.add_argument("--to", dest="date_to", type=_date, required=True, metavar="YYYY-MM-DD")


def _check_range(args: argparse.Namespace) -> None:
    if args.date_to < args.date_from:
        raise DeskError("--to {to} is before --from {frm}.", to=args.date_to, frm=args.date_from)


def _open(url: str | None):  # -> Services; imported lazily so --help stays fast
    from desk_app.paths import default_db_url
    from desk_app.services.container import Services

    return Services.open(url or default_db_url())


def _open_readonly(url: str | None):  # -> Services over a database opened for reading only
    from desk_app.domain.clock import SystemClock
    from desk_app.paths import default_db_url
    from desk_app.services.container import Services
    from desk_app.storage.database import open_database_readonly

    return Services.for_database(open_database_readonly(url or default_db_url()), SystemClock())


def _witness_folders(args: argparse.Namespace) -> list[Path]:
    if args.witnesses:
        return list(args.witnesses)
    from desk_app.local_settings import backup_folder

    return [backup_folder()]


def _url(args: argparse.Namespace) -> str:
    from desk_app.paths import default_db_url

    return str(args.db or default_db_url())


def _check_output(args: argparse.Namespace) -> None:
    """Refuse an output that is a folder, a device, a FIFO, the database or its journals."""
    from desk_app.atomic_files import check_output
    from desk_app.storage.database import sqlite_path

    database = sqlite_path(_url(args))
    check_output(args.output, [database] if database is not None else [])


_DATABASE_COMMANDS = {"demo", "verify", "print", "export", "backup", "restore"}


def _finish_interrupted_restore(args: argparse.Namespace) -> None:
    from desk_app.storage.database import finish_interrupted_restore, sqlite_path

    if args.command not in _DATABASE_COMMANDS:
        return
    path = sqlite_path(_url(args))
    if path is not None and (done := finish_interrupted_restore(path)):
        print(f"desk-app: {done}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    _finish_interrupted_restore(args)
    if args.command == "demo":
        from desk_app.services.demo import generate

        services = _open(args.db)
        try:
            summary = generate(
                services,
                args.days,
                entries_per_day=args.entries_per_day,
                seed=args.seed,
                progress=_progress_printer("demo"),
            )
            tickets = None
            if args.tickets_per_day:
                from desk_app.services.demo_tickets import generate_tickets

                tickets = generate_tickets(
                    services,
                    args.days,
                    per_day=args.tickets_per_day,
                    seed=args.seed,
                    progress=_progress_printer("tickets"),
                )
            from desk_app.services.demo_roster import generate_roster

            roster = generate_roster(services, seed=args.seed)
        finally:
            services.close()
        print(summary.describe())
        if tickets is not None:
            print(tickets.describe())
        print(roster.describe())
        return EXIT_OK
    if args.command == "verify":
        services = _open_readonly(args.db)
        try:
            from desk_app.services import integrity

            report = integrity.verify(services.db, _witness_folders(args))
            chain = services.log.verify()
            bad_handovers = services.handover.verify_records() if chain.ok else []
        finally:
            services.close()
        if not chain.ok:
            report.findings.append(integrity.Finding("chain", "the shift log's own chain: " + chain.describe()))
        for handover_id in bad_handovers[:1]:
            report.findings.append(
                integrity.Finding(
                    "changed",
                    f"handover record #{handover_id} does not match the digest in its log entry",
                    "handover",
                    f"[{handover_id}]",
                )
            )
        print(report.describe())
        return EXIT_OK if report.ok else EXIT_FAILED
    if args.command == "verify-page":
        from desk_app.services import page_seal

        text = " ".join(args.fingerprint)
        try:
            page_seal.parse(text)
        except DeskError as exc:
            print(f"desk-app: {exc.english()}", file=sys.stderr)
            return EXIT_USAGE
        services = _open_readonly(args.db)
        try:
            check = page_seal.check_page(services.db, text, services.desk.info().tz)
        finally:
            services.close()
        print(check.english())
        return EXIT_OK if check.ok else EXIT_FAILED
    if args.command == "print":
        if hasattr(args, "date_from"):
            _check_range(args)
        _check_output(args)
        services = _open_readonly(args.db)
        try:
            pages = _print(services, args)
        finally:
            services.close()
        print(f"{args.output}: {pages} pages" if pages != 1 else f"{args.output}: 1 page")
        return EXIT_OK
    if args.command == "smoke-test":
        from desk_app.smoke import run_smoke_test

        return run_smoke_test(args.smoke_db, args.output)
    if args.command in ("backup", "restore"):
        return _backup_or_restore(args)
    if args.command == "roster":
        from desk_app.roster.problem import ProblemError
        from desk_app.roster.solver import solve_file

        try:
            solution = solve_file(args.problem, args.output, args.time_limit, args.workers)
        except ProblemError as exc:
            print(f"desk-app: {exc}", file=sys.stderr)
            return EXIT_FAILED
        line = f"{args.output}: {solution.status}"
        if solution.objective is not None:
            line += f", objective {solution.objective}, {len(solution.assignments)} shifts"
        if solution.conflicts:
            line += "; conflicting rules: " + "; ".join(c.text() for c in solution.conflicts)
        print(line + f" ({solution.wall_time:.1f} s)")
        return EXIT_OK if solution.status in ("OPTIMAL", "FEASIBLE", "INFEASIBLE") else EXIT_FAILED
    if args.command == "export":
        from desk_app.services.ticket_export import export_register_xlsx

        _check_range(args)
        _check_output(args)
        services = _open_readonly(args.db)
        try:
            rows = export_register_xlsx(
                services,
                TicketKind(args.kind),
                args.date_from,
                args.date_to,
                args.output,
                progress=_progress_printer("rows"),
            )
        finally:
            services.close()
        print(f"{args.output}: {rows} tickets")
        return EXIT_OK
    raise AssertionError(f"unhandled command {args.command}")


def _database_file(url: str | None) -> Path:
    from desk_app.paths import default_db_url
    from desk_app.storage.database import sqlite_path

    path = sqlite_path(url or default_db_url())
    if path is None:
        raise DeskError("Backups are made of an SQLite database file; {url} is not one.", url=url)
    return path


def _backup_or_restore(args: argparse.Namespace) -> int:
    from desk_app.domain.clock import SystemClock
    from desk_app.local_settings import backup_folder
    from desk_app.services.backup import BackupPlan, check_backup, online_backup, restore
    from desk_app.single_instance import is_running

    database = _database_file(args.db)
    if args.command == "backup":
        if args.output is not None:
            written = online_backup(database, args.output)
        else:
            written = BackupPlan(backup_folder(), SystemClock()).manual(database)
        print(written)
        return EXIT_OK
    if is_running(database):
        raise DeskError("DutyDesk is open on this database: close it before restoring.")
    summary = check_backup(args.backup_file)
    aside = restore(args.backup_file, database, SystemClock(), force=args.force)
    print(f"{database}: restored from {args.backup_file} ({summary})")
    if aside is not None:
        print(f"the replaced database is kept as {aside}")
    return EXIT_OK


def _print(services, args: argparse.Namespace) -> int:  # services: Services
    from desk_app.printing import ticket_forms

    if args.form == "log":
        from desk_app.printing.logbook import render_log_pdf
        from desk_app.services.log import LogFilter

        flt = LogFilter(date_from=args.date_from, date_to=args.date_to)
        return render_log_pdf(services, flt, args.output, progress=_progress_printer("pages"))
    if args.form in ("complaints", "repairs"):
        kind = TicketKind.COMPLAINT if args.form == "complaints" else TicketKind.REPAIR
        return ticket_forms.render_register_pdf(
            services, kind, args.date_from, args.date_to, args.output, progress=_progress_printer("pages")
        )
    if args.form == "slip":
        return ticket_forms.render_release_slip_pdf(services, args.id, args.output)
    if args.form == "incident":
        return ticket_forms.render_incident_report_pdf(services, args.id, args.output)
    if args.form == "monthly":
        year, month = args.month
        return ticket_forms.render_monthly_report_pdf(services, year, month, args.output)
    if args.form == "handover":
        from desk_app.printing.handover_form import render_handover_pdf

        return render_handover_pdf(services, args.id, args.output)
    raise AssertionError(f"unhandled form {args.form}")


def _progress_printer(label: str):
    def report(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\r{label}: {done}/{total}", end="" if done < total else "\n", file=sys.stderr)

    return report


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
        from desk_app.storage.database import sqlite_path
        from desk_app.storage.sqlite_files import database_error

        where = sqlite_path(_url(args)) or _url(args)
        print(f"desk-app: {database_error(exc, where).english()}", file=sys.stderr)
        return EXIT_FAILED
