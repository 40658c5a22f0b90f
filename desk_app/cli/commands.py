"""What each command of the command line does (``run``), and the databases it opens."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desk_app.cli.parser import check_range
from desk_app.domain.errors import DeskError
from desk_app.domain.tickets import TicketKind

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


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


def database_url(args: argparse.Namespace) -> str:
    from desk_app.paths import default_db_url

    return str(args.db or default_db_url())


def _check_output(args: argparse.Namespace) -> None:
    """Refuse an output that is a folder, a device, a FIFO, the database or its journals."""
    from desk_app.atomic_files import check_output
    from desk_app.storage.database import sqlite_path

    database = sqlite_path(database_url(args))
    check_output(args.output, [database] if database is not None else [])


_DATABASE_COMMANDS = {"demo", "verify", "print", "export", "backup", "restore"}


def _finish_interrupted_restore(args: argparse.Namespace) -> None:
    from desk_app.storage.database import finish_interrupted_restore, sqlite_path

    if args.command not in _DATABASE_COMMANDS:
        return
    path = sqlite_path(database_url(args))
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
            check_range(args)
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

        check_range(args)
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
    from desk_app.storage.database import displayed_url, require_sqlite, sqlite_path

    url = url or default_db_url()
    require_sqlite(url)
    path = sqlite_path(url)
    if path is None:
        raise DeskError("Backups are made of an SQLite database file; {url} is not one.", url=displayed_url(url))
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
