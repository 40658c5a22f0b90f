"""Printing a finished PDF: every PDF page onto its own printer page, and saving a copy."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QColor
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desk_app.domain.categories import LogCategory
from desk_app.printing.logbook import render_log_pdf
from desk_app.services.log import LogFilter
from desk_app.ui import print_preview
from desk_app.ui.print_preview import PdfPrinter
from tests.conftest import TZ

DAY = date(2026, 11, 24)


@pytest.fixture
def three_page_pdf(services, clock, clerk, tmp_path):
    """A shift log over three shifts: three pages."""
    services.log.add(clerk, LogCategory.REPAIR, "3栋2单元漏水 A-3", "已通知工程部")
    clock.set(datetime(2026, 11, 24, 17, 0, tzinfo=TZ))
    services.log.add(clerk, LogCategory.PATROL, "中班巡查", "正常")
    clock.set(datetime(2026, 11, 25, 1, 0, tzinfo=TZ))
    services.log.add(clerk, LogCategory.SECURITY, "夜班巡查", "正常")
    path = tmp_path / "log.pdf"
    assert render_log_pdf(services, LogFilter(date_from=DAY, date_to=DAY + timedelta(days=1)), path) == 3
    return path


def pdf_printer(path):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def dark_fraction(pdf_path, page: int) -> float:
    """How much of a rendered page is ink: 0 for a blank page."""
    document = QPdfDocument()
    assert document.load(str(pdf_path)) == QPdfDocument.Error.None_
    image = document.render(page, document.pagePointSize(page).toSize())
    dark = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            color = QColor(image.pixel(x, y))
            if image.pixelColor(x, y).alpha() > 0 and color.lightness() < 128:
                dark += 1
    return dark / ((image.width() // 2) * (image.height() // 2))


def test_each_pdf_page_goes_on_its_own_printer_page(qapp, three_page_pdf, tmp_path):
    out = tmp_path / "printed.pdf"
    pages = PdfPrinter(three_page_pdf)
    printer = pdf_printer(out)
    pages.prepare(printer)
    assert pages.paint(printer) == 3
    reader = PdfReader(str(out))
    assert len(reader.pages) == 3
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - 595) < 3 and abs(float(box.height) - 842) < 3  # A4 portrait
    for page in range(3):
        assert 0.005 < dark_fraction(out, page) < 0.5  # the form is there, not a blank or black page


def test_a_landscape_form_prints_on_landscape_paper(qapp, services, clerk, tmp_path):
    from desk_app.domain.tickets import Source, TicketKind
    from desk_app.printing.ticket_forms import render_register_pdf
    from desk_app.services.tickets import ResidentInput, TicketInput

    services.tickets.register(
        clerk,
        TicketInput(
            TicketKind.COMPLAINT, Source.PHONE, "噪音扰民", ResidentInput("李先生", "3栋", "1201", "13800138000")
        ),
    )
    register = tmp_path / "complaints.pdf"
    render_register_pdf(services, TicketKind.COMPLAINT, DAY, DAY, register)
    out = tmp_path / "printed.pdf"
    pages = PdfPrinter(register)
    printer = pdf_printer(out)
    pages.prepare(printer)
    assert pages.paint(printer) == 1
    box = PdfReader(str(out)).pages[0].mediabox
    assert abs(float(box.width) - 842) < 3 and abs(float(box.height) - 595) < 3
    assert 0.005 < dark_fraction(out, 0) < 0.5


def test_a_page_range_prints_only_those_pages(qapp, three_page_pdf, tmp_path):
    out = tmp_path / "printed.pdf"
    printer = pdf_printer(out)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    assert PdfPrinter(three_page_pdf).paint(printer) == 2
    assert len(PdfReader(str(out)).pages) == 2


def test_the_preview_shows_every_page_rendered_lighter(qtbot, three_page_pdf, monkeypatch):
    rendered = []
    real_render = PdfPrinter._render

    def spy(self, index, dpi, *, grey):
        rendered.append((index, dpi, grey))
        return real_render(self, index, dpi, grey=grey)

    monkeypatch.setattr(PdfPrinter, "_render", spy)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    pages = PdfPrinter(three_page_pdf)
    pages.prepare(printer)
    preview = QPrintPreviewWidget(printer)
    qtbot.addWidget(preview)
    preview.paintRequested.connect(pages.paint)
    preview.updatePreview()
    assert preview.pageCount() == 3
    # The preview keeps every page in memory: grey at preview resolution, not 300 dpi colour.
    assert rendered == [(i, print_preview.PREVIEW_DPI, True) for i in range(3)]


def test_print_pdf_wires_the_preview_dialog_to_the_painter(qtbot, three_page_pdf, tmp_path, monkeypatch):
    out = tmp_path / "printed.pdf"

    def fake_exec(dialog):  # what the user's "Print" does, without a modal loop
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        dialog.paintRequested.emit(printer)
        return 1

    monkeypatch.setattr(QPrintPreviewDialog, "exec", fake_exec)
    parent = QWidget()
    qtbot.addWidget(parent)
    print_preview.print_pdf(parent, three_page_pdf)
    assert len(PdfReader(str(out)).pages) == 3


def test_the_preview_opens_large_enough_for_its_tool_bar_and_a_page(qtbot, three_page_pdf, monkeypatch):
    sizes = []
    monkeypatch.setattr(QPrintPreviewDialog, "exec", lambda dialog: sizes.append(dialog.size()) or 0)
    parent = QWidget()
    qtbot.addWidget(parent)
    print_preview.print_pdf(parent, three_page_pdf)
    assert [(s.width(), s.height()) for s in sizes] == [print_preview.PREVIEW_SIZE]
    assert sizes[0].width() >= 900 and sizes[0].height() >= 700


def test_an_unreadable_pdf_is_reported_not_printed(qtbot, tmp_path, monkeypatch):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args))
    monkeypatch.setattr(QPrintPreviewDialog, "exec", lambda dialog: pytest.fail("no preview for a broken file"))
    parent = QWidget()
    qtbot.addWidget(parent)
    print_preview.print_pdf(parent, broken)
    assert len(warnings) == 1


def test_save_pdf_copy_copies_to_the_chosen_name(qtbot, three_page_pdf, tmp_path, monkeypatch):
    target_dir = tmp_path / "chosen"
    target_dir.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target_dir / "值班记录"), ""))
    parent = QWidget()
    qtbot.addWidget(parent)
    saved = print_preview.save_pdf_copy(parent, three_page_pdf)
    assert saved == target_dir / "值班记录.pdf"
    assert saved.read_bytes() == three_page_pdf.read_bytes()
    assert [p.name for p in target_dir.iterdir()] == ["值班记录.pdf"]  # no temporary file left


def test_save_pdf_copy_cancelled(qtbot, three_page_pdf, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: ("", ""))
    parent = QWidget()
    qtbot.addWidget(parent)
    assert print_preview.save_pdf_copy(parent, three_page_pdf) is None
