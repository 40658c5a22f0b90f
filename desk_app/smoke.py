"""``desk-app smoke-test``: the installed program checks itself end to end, offscreen.

Run from the PyInstaller bundle in CI, it proves the frozen program finds everything it
needs: it creates a demo desk in the given (new) database — Alembic migrations, the
holiday calendar, the OR-Tools solver for the roster —, signs in, opens the window with
its translation and font, shows each tab, prints one page of the shift log to PDF and
reads it back through Qt's PDF module, then quits. Every step prints a line; the first
failure ends it with exit code 1.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desk_app.domain.workdays import HolidayCalendar


def check_holiday_library(calendar: HolidayCalendar) -> str:
    """2026's National Day, its make-up working day and their Chinese names (the names come
    from the library's CN.mo: a bundle without it names no holiday as the notice does)."""
    from datetime import date

    from desk_app.domain.workdays import library_notice_years

    national_day, make_up = date(2026, 10, 1), date(2026, 10, 10)
    if not (calendar.is_holiday(national_day) and calendar.is_make_up_day(make_up)):
        raise RuntimeError("the holiday library gives no 2026 National Day or its make-up day")
    named = calendar.name(national_day), calendar.name(make_up)
    if named != ("国庆节", "国庆节"):
        raise RuntimeError(f"the holiday library does not name the days in Chinese (its CN.mo?): {named}")
    years = library_notice_years()
    return f"{named[0]}; notices {years.start}-{years.stop - 1}"


def run_smoke_test(db_url: str, pdf: Path) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    steps: list[tuple[str, Callable[[], object]]] = []
    state: dict[str, object] = {}

    def step(name: str) -> Callable[[Callable[[], object]], Callable[[], object]]:
        def register(fn: Callable[[], object]) -> Callable[[], object]:
            steps.append((name, fn))
            return fn

        return register

    @step("start the application, its translation and font")
    def _start() -> object:
        from PySide6.QtCore import QCoreApplication

        from desk_app.ui import i18n
        from desk_app.ui.app import create_application, install_fonts

        app = create_application()
        state["app"] = app
        i18n.install_translators(app, i18n.CHINESE)
        if QCoreApplication.translate("MainWindow", "Shift log") == "Shift log":
            raise RuntimeError("the Chinese translation was not found in the bundle")
        qt_own = ("QFileDialog", "Look in:")  # Qt's string, not ours: kept from our catalogue
        if QCoreApplication.translate(*qt_own) == qt_own[1]:
            raise RuntimeError("Qt's own Chinese translation (qtbase) was not found in the bundle")
        families = install_fonts(app)
        if not families:
            raise RuntimeError("the bundled CJK font was not found")
        return f"font {families[0]}"

    @step("signals keep the reference counts of True, False and None")
    def _refcounts() -> object:
        from PySide6 import __version__ as pyside_version

        from desk_app.ui.refcounts import emit_drift

        moved = emit_drift(5000)
        if any(abs(m) > 20 for m in moved):
            raise RuntimeError(f"PySide6 {pyside_version} loses references on emit: {moved} after 5000 emits")
        return f"PySide6 {pyside_version}, unchanged after 5000 emits"

    @step("open a new database (Alembic migrations)")
    def _open() -> object:
        from desk_app.services.container import Services

        services = Services.open(db_url)
        state["services"] = services
        return services.db.url

    @step("the holiday library: China's notice with its make-up working days")
    def _holidays() -> object:
        from desk_app.domain.workdays import HolidayCalendar

        return check_holiday_library(HolidayCalendar())

    @step("make a demo desk: log, tickets, roster (OR-Tools)")
    def _demo() -> object:
        from desk_app.services.container import Services
        from desk_app.services.demo import generate
        from desk_app.services.demo_roster import generate_roster
        from desk_app.services.demo_tickets import generate_tickets

        services = state["services"]
        assert isinstance(services, Services)
        summary = generate(services, 3, entries_per_day=12)
        tickets = generate_tickets(services, 3, per_day=10)
        roster = generate_roster(services)
        if roster.published is None:
            raise RuntimeError("the roster solver found no roster")
        return f"{summary.entries} entries, {tickets.tickets} tickets, {roster.shifts} shifts"

    @step("sign in and open each tab")
    def _window() -> object:
        from desk_app.services.container import Services
        from desk_app.services.demo import DEMO_PASSWORD, SUPERVISOR
        from desk_app.ui.main_window import MainWindow

        services = state["services"]
        assert isinstance(services, Services)
        actor = services.accounts.authenticate(SUPERVISOR[0], DEMO_PASSWORD)
        window = MainWindow(services, actor)
        window.show()
        app = state["app"]
        titles = []
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            app.processEvents()  # type: ignore[attr-defined]
            titles.append(window.tabs.tabText(index))
        state["window"] = window
        return " / ".join(titles)

    @step("print one page of the shift log to PDF and read it back")
    def _print() -> object:
        from PySide6.QtPdf import QPdfDocument

        from desk_app.printing.logbook import render_log_pdf
        from desk_app.services.container import Services
        from desk_app.services.log import LogFilter

        services = state["services"]
        assert isinstance(services, Services)
        from datetime import timedelta

        yesterday = services.desk.today() - timedelta(days=1)
        pages = render_log_pdf(services, LogFilter(date_from=yesterday, date_to=yesterday), pdf)
        document = QPdfDocument()
        if document.load(str(pdf)) != QPdfDocument.Error.None_ or document.pageCount() != pages:
            raise RuntimeError(f"the printed PDF {pdf} cannot be read back")
        document.close()
        return f"{pages} page(s), {pdf.stat().st_size} bytes"

    @step("quit cleanly")
    def _quit() -> object:
        from desk_app.services.container import Services

        window = state.get("window")
        if window is not None:
            window.close()  # type: ignore[attr-defined]
            state["app"].processEvents()  # type: ignore[attr-defined]
        services = state["services"]
        assert isinstance(services, Services)
        services.close()
        return "closed"

    for name, fn in steps:
        try:
            detail = fn()
        except Exception as exc:  # the point of a smoke test: say which step failed, and why
            print(f"FAILED: {name}: {type(exc).__name__}: {exc}", flush=True)
            return 1
        print(f"ok: {name} ({detail})", flush=True)
    print("smoke test passed", flush=True)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run_smoke_test(sys.argv[1], Path(sys.argv[2])))
