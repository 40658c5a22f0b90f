"""All services of one open database, built once and handed to the window or the CLI."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher

from desk_app.domain.clock import Clock, SystemClock
from desk_app.services.accounts import AccountService
from desk_app.services.desk import DeskService
from desk_app.services.drafts import DraftService
from desk_app.services.handover import HandoverService
from desk_app.services.holidays import HolidayService
from desk_app.services.log import LogService
from desk_app.services.roster import RosterService
from desk_app.services.staff_requests import StaffRequestService
from desk_app.services.tickets import TicketService
from desk_app.storage import journal
from desk_app.storage.database import Database, open_database


@dataclass
class Services:
    db: Database
    clock: Clock
    accounts: AccountService
    desk: DeskService
    log: LogService
    handover: HandoverService
    tickets: TicketService
    roster: RosterService
    requests: StaffRequestService
    drafts: DraftService
    holidays: HolidayService

    @classmethod
    def open(cls, url: str, clock: Clock | None = None, backup_dir: Path | None = None) -> Services:
        """Open the database (raises DatabaseOpenError, having written nothing)."""
        db = open_database(url, backup_dir=backup_dir)
        return cls.for_database(db, clock or SystemClock())

    @classmethod
    def for_database(cls, db: Database, clock: Clock, hasher: PasswordHasher | None = None) -> Services:
        """``hasher``: the Argon2 parameters new passwords are hashed with (default: argon2's)."""
        ctx = journal.context_of(db.engine)
        if ctx is not None:
            ctx.now = clock.now
        accounts = AccountService(db, clock, hasher)
        desk = DeskService(db, clock)
        holidays = HolidayService(db, clock, desk)
        tickets = TicketService(db, clock, desk, holidays)
        # A follow-up due counts working days: the holiday table's changes move it.
        holidays.after_write(tickets.recompute_working_day_clocks)
        roster = RosterService(db, clock, desk, accounts, holidays)
        return cls(
            db=db,
            clock=clock,
            accounts=accounts,
            desk=desk,
            log=LogService(db, clock, desk, accounts),
            handover=HandoverService(db, clock, desk, accounts, sources=[tickets], roster=roster),
            tickets=tickets,
            roster=roster,
            requests=StaffRequestService(db, clock, desk, roster, accounts),
            drafts=DraftService(db, clock),
            holidays=holidays,
        )

    def close(self) -> None:
        self.db.dispose()
