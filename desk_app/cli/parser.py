"""The command line's arguments: ``build_parser`` and the checks of the values typed."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from desk_app import __version__
from desk_app.domain.errors import DeskError
from desk_app.domain.tickets import TicketKind


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
        help="the SQLite database, as a URL (default: the per-user database; e.g. sqlite:///C:/desk/dutydesk.sqlite)",
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


def check_range(args: argparse.Namespace) -> None:
    if args.date_to < args.date_from:
        raise DeskError("--to {to} is before --from {frm}.", to=args.date_to, frm=args.date_from)
