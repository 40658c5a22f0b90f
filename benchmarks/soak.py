"""A month at the desk in simulated time: does the program stay the same size, and awake?

    uv run python benchmarks/soak.py                 # 30 simulated days (about 25 minutes)
    uv run python benchmarks/soak.py --days 2        # a quick run (CI runs this size)

The real main window (offscreen), on a demo desk in a temporary folder, signed in through
the real start-up (the sign-in dialog answered by a script), with the services' clock
injected. Time moves in steps of 15 simulated seconds, and every Qt timer of the program
fires at its own interval in simulated time: each periodic timer found under the window
and the start-up is taken over (its real interval set to ~24 days so it never fires by
itself) and its ``timeout`` emitted when its interval has passed on the simulated clock;
single-shot timers (the debounces of drafts and searches) fire at the next step. So the
countdowns, the escalation watch (a background task a minute), the status bar, the
handover reminder, the idle lock and the daily backup all run at their real rate.

What the desk does, every simulated day: three shifts, each with its clerk signed in;
an entry typed into the entry line every 50 minutes, a request registered through the
registration dialog every 3 hours and closed again later, the idle lock coming down
between entries and being unlocked with the password; the full handover through the
wizard at each shift change (the incoming clerk identified, every item counted, all open
work handed over, both signatures), after which the incoming clerk's window opens; at
09:00 the supervisor signs in, signs yesterday's log and checks a handover, and signs out;
on the first day and every seventh day after it the supervisor generates next month's
roster and stops the search at its first roster.

At the end of every simulated day it prints: Python objects (after a full collection),
live QObjects (everything under the application's windows and the start-up), resident
memory, open files (and, apart, the database's pooled connections and the threads, which
must stay within their pools' bounds), the reference counts of True, False and None, and the
time of one event round-trip through the event loop. The check: after the first day, none of them
grows by more than 2 % per simulated week, and the round-trip stays under 50 ms.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, QEventLoop, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog  # noqa: E402
from shiboken6 import Shiboken  # noqa: E402

from desk_app.domain.categories import LogCategory  # noqa: E402
from desk_app.domain.clock import FixedClock  # noqa: E402
from desk_app.domain.handover import Disposition  # noqa: E402
from desk_app.domain.shifts import ShiftOccurrence  # noqa: E402
from desk_app.domain.tickets import TicketKind  # noqa: E402
from desk_app.services.backup import BackupPlan  # noqa: E402
from desk_app.services.container import Services  # noqa: E402
from desk_app.services.demo import CLERKS, DEMO_PASSWORD, SUPERVISOR, generate  # noqa: E402
from desk_app.ui import i18n  # noqa: E402
from desk_app.ui.app import Startup, create_application  # noqa: E402
from desk_app.ui.main_window import MainWindow  # noqa: E402
from desk_app.ui.refcounts import counts  # noqa: E402
from desk_app.ui.signin_dialog import SignInDialog  # noqa: E402
from desk_app.ui.tasks import live_runners  # noqa: E402
from desk_app.ui.ticket_tab.register_dialog import RegisterDialog  # noqa: E402

START = datetime(2026, 12, 1, 7, 30, tzinfo=ZoneInfo("Asia/Shanghai"))  # a Tuesday, in the night shift
STEP = timedelta(seconds=15)
HOLD_MS = 2**31 - 1  # a taken-over timer's real interval: about 24.8 days
ENTRY_EVERY = timedelta(minutes=50)
TICKET_EVERY = timedelta(hours=3)
HANDOVER_BEFORE_END = timedelta(minutes=8)
GROWTH_PER_WEEK = 0.02
WEEKLY_FROM_DAYS = 8  # runs shorter than this are judged by the day-to-day checks only
# SQLAlchemy's QueuePool keeps at most 5 connections; the start-up's and the window's
# runners have at most 3 workers each, beside the main thread and a few of Python's.
DB_POOL_BOUND = 5
THREAD_BOUND = 12
REFS_PER_DAY = 200  # a leaking binding moves these by thousands a day (one per emit)
ROUND_TRIP_MS = 50.0
SITUATIONS = ("3栋大堂灯不亮", "业主来电咨询停车费", "快递员送件到前台", "5栋电梯异响", "访客登记", "巡查地下车库")


# -- simulated time for Qt's timers ------------------------------------------------------------
class SimulatedTimers:
    """Takes over the program's QTimers and fires them on the simulated clock."""

    def __init__(self) -> None:
        self._periodic: dict[QTimer, tuple[int, datetime]] = {}  # interval, next due

    def adopt(self, roots: list[QObject], now: datetime) -> None:
        for root in roots:
            for timer in root.findChildren(QTimer):
                if timer.isSingleShot() or not timer.isActive() or timer.interval() == HOLD_MS:
                    continue
                interval = timer.interval()
                self._periodic[timer] = (interval, now + timedelta(milliseconds=interval))
                timer.setInterval(HOLD_MS)  # restarts it: it will not fire by itself

    def fire(self, roots: list[QObject], now: datetime) -> int:
        fired = 0
        for timer, (interval, due) in list(self._periodic.items()):
            if not Shiboken.isValid(timer):
                del self._periodic[timer]
                continue
            if not timer.isActive() or due > now:
                continue
            self._periodic[timer] = (interval, max(due + timedelta(milliseconds=interval), now))
            timer.timeout.emit()
            fired += 1
        for root in roots:
            if not Shiboken.isValid(root):
                continue
            for timer in root.findChildren(QTimer):
                if timer.isSingleShot() and timer.isActive():  # a debounce: its moment has come
                    timer.stop()
                    timer.timeout.emit()
                    fired += 1
        return fired

    def forget_dead(self) -> None:
        for timer in [t for t in self._periodic if not Shiboken.isValid(t)]:
            del self._periodic[timer]


# -- measuring -------------------------------------------------------------------------------------
@dataclass
class Reading:
    day: int
    python_objects: int
    qobjects: int
    rss_mb: float
    open_files: int  # files, pipes and sockets, not counting the two below
    db_connections: int  # the database's pooled connections (bounded by the pool)
    threads: int  # Qt and Python threads (bounded: the runners' workers)
    true_refs: int
    false_refs: int
    none_refs: int
    round_trip_ms: float
    entries: int = 0
    handovers: int = 0
    tasks: int = 0

    FIGURES = ("python_objects", "qobjects", "rss_mb", "open_files", "true_refs", "false_refs", "none_refs")


def _rss_mb() -> float:
    try:
        with open("/proc/self/statm") as f:
            pages = int(f.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, AttributeError):
        return 0.0


def _open_files(database: Path) -> tuple[int, int]:
    """(other open files, connections to ``database``). A pooled SQLite connection holds the
    database and its WAL open, and each thread's event loop an eventfd: those come and go
    with the pool and the runners' workers, which are bounded; everything else must stay."""
    ours = str(database.resolve())
    other = connections = 0
    try:
        names = os.listdir("/proc/self/fd")
    except OSError:
        return 0, 0
    for name in names:
        try:
            target = os.readlink(f"/proc/self/fd/{name}")
        except OSError:
            continue
        if target == ours:
            connections += 1
        elif target in (ours + "-wal", ours + "-shm") or target == "anon_inode:[eventfd]":
            continue
        else:
            other += 1
    return other, connections


def _qthreads() -> int:
    """The runners' worker threads (QThreads, which Python's threading does not see)."""
    runners = {r for r in live_runners() if Shiboken.isValid(r)}
    return sum(r.worker_count for r in runners)


def _qobjects(roots: list[QObject]) -> int:
    seen = 0
    for root in roots:
        if Shiboken.isValid(root):
            seen += 1 + len(root.findChildren(QObject))
    return seen


class RoundTrip(QObject):
    """One timer, made once: how long until the event loop runs a zero-delay timeout."""

    def __init__(self) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self._arrived)
        self.arrived = False

    def _arrived(self) -> None:
        self.arrived = True

    def measure(self) -> float:
        self.arrived = False
        clock = QElapsedTimer()
        clock.start()
        self.timer.start()
        while not self.arrived:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        return clock.nsecsElapsed() / 1e6


# -- the desk ----------------------------------------------------------------------------------------
@dataclass
class SoakResult:
    readings: list[Reading] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def growth_per_week(self, figure: str) -> float:
        """Growth after the first day, as a fraction of the first day's figure per week."""
        if len(self.readings) < 2:
            return 0.0
        first, last = self.readings[0], self.readings[-1]
        weeks = (last.day - first.day) / 7
        start = getattr(first, figure)
        return (getattr(last, figure) - start) / start / weeks if start and weeks else 0.0

    def check(self) -> list[str]:
        """What went wrong. Weekly growth is judged on runs of at least ``WEEKLY_FROM_DAYS``
        days (the first days fill bounded caches: the handover list's week, the log's pages,
        the statement caches); every run must keep its QObjects, open files and the
        reference counts of True, False and None from the first day to the last."""
        failures = list(self.problems)
        if len(self.readings) < 2:
            return failures + ["fewer than two daily readings"]
        first, last = self.readings[0], self.readings[-1]
        if len(self.readings) >= WEEKLY_FROM_DAYS:
            for figure in Reading.FIGURES:
                growth = self.growth_per_week(figure)
                if growth > GROWTH_PER_WEEK:
                    failures.append(f"{figure} grew {growth:.1%} a week (limit {GROWTH_PER_WEEK:.0%})")
        for figure in ("qobjects", "open_files"):
            if getattr(last, figure) > getattr(first, figure):
                failures.append(f"{figure}: {getattr(first, figure)} on day 1, {getattr(last, figure)} at the end")
        for r in self.readings:
            if r.db_connections > DB_POOL_BOUND:
                failures.append(f"day {r.day}: {r.db_connections} database connections (pool: {DB_POOL_BOUND})")
            if r.threads > THREAD_BOUND:
                failures.append(f"day {r.day}: {r.threads} threads (at most {THREAD_BOUND})")
        for figure in ("true_refs", "false_refs", "none_refs"):
            moved = getattr(last, figure) - getattr(first, figure)
            if abs(moved) > REFS_PER_DAY * (last.day - first.day):
                failures.append(f"{figure} moved by {moved} after day 1")
        if last.round_trip_ms > ROUND_TRIP_MS:
            failures.append(f"event round-trip {last.round_trip_ms:.1f} ms at the end")
        return failures

    def table(self) -> str:
        head = (
            f"{'day':>4} {'py objects':>11} {'QObjects':>9} {'RSS MB':>7} {'files':>6} {'db':>3} {'thr':>4} "
            f"{'True':>7} {'False':>7} {'None':>7} {'trip ms':>8} {'entries':>8} {'handovers':>9} {'tasks':>7}"
        )
        lines = [head]
        for r in self.readings:
            lines.append(
                f"{r.day:>4} {r.python_objects:>11,} {r.qobjects:>9,} {r.rss_mb:>7.1f} {r.open_files:>6} "
                f"{r.db_connections:>3} {r.threads:>4} "
                f"{r.true_refs:>7,} {r.false_refs:>7,} {r.none_refs:>7,} {r.round_trip_ms:>8.2f} "
                f"{r.entries:>8,} {r.handovers:>9} {r.tasks:>7,}"
            )
        if len(self.readings) >= 2:
            growth = "  ".join(f"{f} {self.growth_per_week(f):+.2%}" for f in Reading.FIGURES)
            lines.append(f"growth per week after day 1: {growth}")
        return "\n".join(lines)


class Desk:
    """The desk's people at the keyboard, in simulated time."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.url = f"sqlite:///{(folder / 'desk.sqlite').as_posix()}"
        self.clock = FixedClock(START)
        self.sign_ins: list[tuple[str, str]] = []
        self.timers = SimulatedTimers()
        self.trip = RoundTrip()
        self.entries = 0
        self.handovers = 0
        self.tickets_open: list[int] = []
        self.problems: list[str] = []
        self._restore_exec: Any = None

    # -- setting up ------------------------------------------------------------------------------
    def build(self) -> None:
        """A demo desk with three days of history, its clock at 07:00 on a morning."""
        setup = Services.open(self.url, clock=self.clock)
        try:
            generate(setup, 3, entries_per_day=10, seed=3)
            boss = setup.accounts.authenticate(SUPERVISOR[0], DEMO_PASSWORD)
            for entry_id, _situation, _incident in setup.handover.open_follow_ups():
                setup.handover.close_follow_up(boss, entry_id, "已处理完毕")  # a desk in its normal state
        finally:
            setup.close()

    @contextmanager
    def scripted_sign_in(self) -> Iterator[None]:
        """The sign-in dialog answered from ``self.sign_ins`` instead of a person."""
        desk = self

        def answer(dialog: SignInDialog) -> int:
            if not desk.sign_ins:
                return QDialog.DialogCode.Rejected
            username, password = desk.sign_ins.pop(0)
            dialog.username.setText(username)
            dialog.password.setText(password)
            dialog.sign_in()
            return dialog.result()

        # The class's own attribute, not the inherited QDialog.exec: put back as an attribute
        # of SignInDialog, that would hide any later patch of QDialog.exec (the tour's).
        original = SignInDialog.__dict__.get("exec")
        SignInDialog.exec = answer  # type: ignore[method-assign,assignment]
        try:
            yield
        finally:
            if original is None:
                del SignInDialog.exec
            else:
                SignInDialog.exec = original  # type: ignore[method-assign]

    # -- the loop -----------------------------------------------------------------------------------
    def roots(self) -> list[QObject]:
        roots: list[QObject] = [self.startup]
        roots.extend(w for w in QApplication.topLevelWidgets() if Shiboken.isValid(w))
        return roots

    @property
    def window(self) -> MainWindow:
        window = self.startup.window
        assert window is not None, "nobody is signed in"
        return window

    def settle(self) -> None:
        """Let queued work finish: background tasks delivered, posted events run."""
        for _ in range(3):
            QCoreApplication.processEvents()
            window = self.startup.window
            if window is not None and Shiboken.isValid(window):
                window.task_runner.wait_idle(60_000)
            self.startup.task_runner.wait_idle(60_000)
        QCoreApplication.processEvents()

    def step(self) -> None:
        self.clock.advance(STEP)
        now = self.clock.now()
        roots = self.roots()
        self.timers.adopt(roots, now)
        self.timers.fire(roots, now)
        self.settle()

    def run(self, days: int, on_day: Callable[[Reading], None] | None = None) -> SoakResult:
        started = time.perf_counter()
        result = SoakResult()
        self.startup = Startup(self.url, clock=self.clock, backups=BackupPlan(self.folder / "backups", self.clock))
        services_tz = None
        with self.scripted_sign_in(), self._shut_down_at_the_end():
            self.sign_ins.append((CLERKS[0][0], DEMO_PASSWORD))
            if not self.startup.start():
                raise RuntimeError("the desk did not start")
            services = self.startup.services
            assert services is not None
            services_tz = services.desk.info().tz
            self.settle()
            first_day = self.clock.now().astimezone(services_tz).date()
            next_entry = self.clock.now() + timedelta(minutes=10)
            next_ticket = self.clock.now() + timedelta(minutes=30)
            done_today: set[tuple[date, str]] = set()
            day_index = 0
            while day_index < days:
                self.step()
                now = self.clock.now()
                local = now.astimezone(services_tz)
                today = local.date()
                self.unlock_if_locked()
                if now >= next_entry:
                    self.write_entry()
                    next_entry = now + ENTRY_EVERY
                if now >= next_ticket:
                    self.ticket_work()
                    next_ticket = now + TICKET_EVERY
                if local.hour == 9 and (today, "review") not in done_today:
                    done_today.add((today, "review"))
                    self.supervisor_visit(today - timedelta(days=1))
                if local.hour == 11 and (today - first_day).days % 7 == 0 and (today, "roster") not in done_today:
                    done_today.add((today, "roster"))
                    self.generate_roster()
                shift = services.desk.shift_at(now)
                if shift is not None and shift.end - now <= HANDOVER_BEFORE_END:
                    key = (shift.shift_date, f"handover-{shift.template.id}")
                    if key not in done_today:
                        done_today.add(key)
                        self.hand_over(shift)
                if (today - first_day).days > day_index:  # midnight: the day's reading
                    day_index += 1
                    reading = self.read(day_index)
                    result.readings.append(reading)
                    if on_day is not None:
                        on_day(reading)
        result.problems = self.problems
        result.seconds = time.perf_counter() - started
        return result

    @contextmanager
    def _shut_down_at_the_end(self) -> Iterator[None]:
        try:
            yield
        finally:
            window = self.startup.window
            if window is not None and Shiboken.isValid(window):
                window.close()
                self.settle()
            self.startup.shutdown()

    # -- what people do ---------------------------------------------------------------------------
    def unlock_if_locked(self) -> None:
        window = self.startup.window
        if window is not None and window.locked:
            window.lock_page.password.setText(DEMO_PASSWORD)  # every demo account has it
            if not window.lock_page.unlock():
                self.problems.append(f"{self.clock.now():%m-%d %H:%M} unlock refused")

    def write_entry(self) -> None:
        window = self.window
        window.new_log_entry()
        bar = window.log_tab.entry_bar
        situation = SITUATIONS[self.entries % len(SITUATIONS)]
        bar.set_category(LogCategory.CONSULTATION if self.entries % 2 else LogCategory.PATROL)
        bar.situation.setText(f"{situation}（第{self.entries + 1}条）")
        bar.handling.setText("已处理")
        if bar.save() is None:
            self.problems.append(f"{self.clock.now():%m-%d %H:%M} entry refused: {bar.message.text()}")
        else:
            self.entries += 1

    def ticket_work(self) -> None:
        """Register a consultation through the dialog; close the one registered before."""
        window = self.window
        services = self.startup.services
        assert services is not None
        window.tabs.setCurrentWidget(window.ticket_tab)
        if self.tickets_open:
            ticket_id = self.tickets_open.pop(0)
            if services.tickets.get(ticket_id).row.closed_at is None:
                services.tickets.close(window.actor, ticket_id, "已答复业主")
        dialog = RegisterDialog(services, window.actor, window)
        dialog.kind.setCurrentIndex(dialog.kind.findData(TicketKind.CONSULTATION.value))
        dialog.name.setText("李先生")
        dialog.building.setText("3栋")
        dialog.room.setText("2单元1203")
        dialog.description.setPlainText("咨询物业费缴纳方式")
        dialog.save()
        if dialog.saved is None:
            self.problems.append(f"{self.clock.now():%m-%d %H:%M} ticket refused: {dialog.message.text()}")
        else:
            self.tickets_open.append(dialog.saved.id)
        dialog.deleteLater()
        window.tabs.setCurrentWidget(window.log_tab)

    def hand_over(self, shift: ShiftOccurrence) -> None:
        """The full handover through the wizard, to the next clerk in the rotation."""
        window = self.window
        outgoing = window.actor
        names = [c[0] for c in CLERKS]
        incoming = names[(names.index(outgoing.username) + 1) % len(names)] if outgoing.username in names else names[0]
        tab = window.handover_tab
        window.tabs.setCurrentWidget(tab)
        wizard = tab.open_wizard()
        if wizard is None:
            self.problems.append(f"{shift.shift_date} {shift.template.name}: handover refused: {tab.message.text()}")
            return
        wizard.identify_incoming(incoming, DEMO_PASSWORD)
        draft = wizard.draft
        draft.records_acknowledged = True
        for count in draft.counts:
            count.counted = count.expected
        for work in draft.open_work:
            work.disposition, work.note = Disposition.HANDED_OVER, "接班后继续跟进"
        wizard.draft_edited()
        try:
            wizard.sign(DEMO_PASSWORD, incoming, DEMO_PASSWORD)
        except Exception as exc:  # a refusal is a finding of the soak, not a crash of it
            self.problems.append(f"{shift.shift_date} {shift.template.name}: sign refused: {exc}")
            wizard.reject()
            return
        wizard.accept()
        self.settle()
        if self.startup.window is None or self.startup.window.actor.username != incoming:
            self.problems.append(f"{shift.shift_date} {shift.template.name}: {incoming} is not signed in")
            return
        self.handovers += 1

    def _switch_to(self, username: str) -> None:
        self.sign_ins.append((username, DEMO_PASSWORD))
        self.window.sign_out()
        self.settle()
        if self.startup.window is None or self.startup.window.actor.username != username:
            self.problems.append(f"{self.clock.now():%m-%d %H:%M} {username} could not sign in")

    def supervisor_visit(self, yesterday: date) -> None:
        clerk = self.window.actor.username
        self._switch_to(SUPERVISOR[0])
        services = self.startup.services
        assert services is not None
        boss = self.window.actor
        if not services.log.reviews(yesterday, yesterday):
            services.log.sign_day(boss, yesterday, "已阅", password=DEMO_PASSWORD)
        for view in services.handover.handovers(yesterday, yesterday):
            if view.signed and not view.checked_by:
                services.handover.check(boss, view.id, "交接完整", password=DEMO_PASSWORD)
                break
        self.window.log_tab.model.reload()
        self._switch_to(clerk)

    def generate_roster(self) -> None:
        clerk = self.window.actor.username
        self._switch_to(SUPERVISOR[0])
        tab = self.window.roster_tab
        self.window.tabs.setCurrentWidget(tab)
        tab.time_limit.setValue(5)
        finished: list[object] = []
        tab.generator.finished.connect(finished.append)
        tab.generator.improved.connect(tab.stop_generating)
        if tab.generate():
            deadline = time.perf_counter() + 60
            while not finished and time.perf_counter() < deadline:
                QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            if not finished:
                self.problems.append("the roster search did not stop")
        tab.generator.finished.disconnect(finished.append)
        tab.generator.improved.disconnect(tab.stop_generating)
        self._switch_to(clerk)

    # -- reading -------------------------------------------------------------------------------------
    def read(self, day: int) -> Reading:
        self.settle()
        self.timers.forget_dead()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # what deleteLater left
        gc.collect()
        true_refs, false_refs, none_refs = counts()
        window = self.startup.window
        files, connections = _open_files(self.folder / "desk.sqlite")
        return Reading(
            day=day,
            python_objects=len(gc.get_objects()),
            qobjects=_qobjects(self.roots()),
            rss_mb=_rss_mb(),
            open_files=files,
            db_connections=connections,
            threads=threading.active_count() + _qthreads(),
            true_refs=true_refs,
            false_refs=false_refs,
            none_refs=none_refs,
            round_trip_ms=self.trip.measure(),
            entries=self.entries,
            handovers=self.handovers,
            tasks=window.task_runner.submitted if window is not None else 0,
        )


def soak(days: int, folder: Path | None = None, *, quiet: bool = False) -> SoakResult:
    app = create_application()
    i18n.install_translators(app, i18n.CHINESE)
    with tempfile.TemporaryDirectory(prefix="dutydesk-soak-") as tmp:
        desk = Desk(folder or Path(tmp))
        desk.build()
        result = desk.run(days, on_day=None if quiet else lambda r: print(f"  day {r.day} done", flush=True))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--days", type=int, default=30, help="simulated days (default 30)")
    args = parser.parse_args(argv)
    if args.days < 2:
        parser.error("--days must be at least 2: growth is measured after the first day")
    print(f"soak: {args.days} simulated days, steps of {STEP.total_seconds():.0f} s", flush=True)
    result = soak(args.days)
    print()
    print(result.table())
    print(f"\n{result.seconds:.0f} s of real time for {args.days} simulated days")
    failures = result.check()
    for failure in failures:
        print(f"FAILED: {failure}")
    if not failures:
        trip = f"round-trip under {ROUND_TRIP_MS:.0f} ms"
        if len(result.readings) >= WEEKLY_FROM_DAYS:
            print(f"ok: nothing grew more than {GROWTH_PER_WEEK:.0%} a week after day 1; {trip}")
        else:
            print(
                f"ok: QObjects, files, the pools and True/False/None held from day 1 to day {args.days}; {trip} "
                f"(weekly growth is judged from {WEEKLY_FROM_DAYS} days: the first days fill bounded caches)"
            )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
