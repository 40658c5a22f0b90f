"""The month on paper and in files: the 值班安排表 printed or as PDF, the grid as Excel, one
person's shifts as an .ics calendar, each made in the background by the tab's runner."""

from __future__ import annotations

from desk_app.services.container import Services
from desk_app.ui.documents import DocumentRunner, Output
from desk_app.ui.tasks import Task


def start_document(
    documents: DocumentRunner,
    services: Services,
    year: int,
    month: int,
    output: Output,
    person: tuple[int, str] | None = None,
) -> Task | None:
    """``person`` (account id, name) is whose calendar SAVE_CALENDAR makes."""
    from desk_app.printing.roster_form import FORM_TITLE, render_roster_pdf
    from desk_app.services.roster_export import export_roster_ics, export_roster_xlsx

    stem = f"{FORM_TITLE}_{year}-{month:02d}"
    if output is Output.SAVE_CALENDAR:
        assert person is not None
        account_id, name = person
        return documents.start(
            lambda path, _p: export_roster_ics(services, year, month, account_id, path),
            f"{name}_{year}-{month:02d}.ics",
            output,
        )
    if output is Output.SAVE_EXCEL:
        return documents.start(lambda path, _p: export_roster_xlsx(services, year, month, path), f"{stem}.xlsx", output)
    return documents.start(lambda path, _p: render_roster_pdf(services, year, month, path), f"{stem}.pdf", output)
