"""Printing a finished PDF form, and saving a copy of it.

The forms are made as PDFs by ``desk_app.printing`` (off the UI thread); this module only
shows them in Qt's print preview and sends them to a printer: each PDF page is rendered
with QtPdf to an image at the printer's resolution (capped, so a 1200 dpi printer does not
need 140 MB per page) and drawn fitted into the printable area, one printer page per PDF page.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, QSettings, QSize
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPaintEngine, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QMessageBox, QWidget

from desk_app.ui import save_files

# Rendering resolution for the printer, and (lower, grey) for the on-screen preview, which
# keeps every page in memory.
PRINT_DPI = 300
PRINTER_KEY = "print/printer"  # QSettings: the printer belongs to the computer
PREVIEW_DPI = 150
PREVIEW_SIZE = (1000, 800)  # the print preview's size when it opens


class PdfLoadError(OSError):
    pass


class PdfPrinter:
    """A loaded PDF that paints itself onto a QPrinter, one printer page per PDF page."""

    def __init__(self, pdf_path: Path) -> None:
        self.pdf_path = Path(pdf_path)
        self.document = QPdfDocument()
        error = self.document.load(str(self.pdf_path))
        if error != QPdfDocument.Error.None_ or self.document.pageCount() <= 0:
            raise PdfLoadError(f"cannot read {self.pdf_path} ({error.name})")

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def prepare(self, printer: QPrinter) -> None:
        """A4 in the orientation of the form's first page (registers and the roster are
        landscape), the smallest margins the printer allows (the PDF has its own)."""
        printer.setDocName(self.pdf_path.stem)
        first = self.document.pagePointSize(0)
        landscape = first.width() > first.height()
        layout = QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Millimeter,
        )
        printer.setPageLayout(layout)

    def paint(self, printer: QPrinter) -> int:
        """Paint every page onto ``printer`` (the slot for paintRequested); returns pages painted."""
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError(QCoreApplication.translate("PrintPreview", "The printer could not be started."))
        try:
            engine = painter.paintEngine()
            # The preview records pages as pictures kept in memory: render them lighter.
            preview = engine is not None and engine.type() == QPaintEngine.Type.Picture
            dpi = min(printer.resolution(), PREVIEW_DPI if preview else PRINT_DPI)
            target = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
            target.moveTo(0, 0)  # painter coordinates start at the printable area
            first, last = self._page_range(printer)
            for index in range(first, last + 1):
                if index > first:
                    printer.newPage()
                image = self._render(index, dpi, grey=preview)
                painter.drawImage(_fit(QRectF(image.rect()), target), image)
            return last - first + 1
        finally:
            painter.end()

    def _page_range(self, printer: QPrinter) -> tuple[int, int]:
        last = self.page_count - 1
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first = min(max(printer.fromPage() - 1, 0), last)
            return first, min(max(printer.toPage() - 1, first), last)
        return 0, last

    def _render(self, index: int, dpi: int, *, grey: bool) -> QImage:
        points = self.document.pagePointSize(index)
        size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
        image = self.document.render(index, size)
        # Paper is white: flatten transparency so no printer draws a black page.
        flat = QImage(image.size(), QImage.Format.Format_RGB32)
        flat.fill(0xFFFFFF)
        painter = QPainter(flat)
        painter.drawImage(QPointF(0, 0), image)
        painter.end()
        return flat.convertToFormat(QImage.Format.Format_Grayscale8) if grey else flat


def _fit(source: QRectF, target: QRectF) -> QRectF:
    """``source`` scaled to fit ``target``, keeping its proportions, centred."""
    if source.isEmpty():
        return target
    scale = min(target.width() / source.width(), target.height() / source.height())
    w, h = source.width() * scale, source.height() * scale
    return QRectF(target.x() + (target.width() - w) / 2, target.y() + (target.height() - h) / 2, w, h)


def print_pdf(parent: QWidget, pdf_path: Path) -> None:
    """Show the print preview of ``pdf_path``; the user prints from there."""
    try:
        pages = PdfPrinter(pdf_path)
    except PdfLoadError as exc:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("PrintPreview", "Printing failed"),
            QCoreApplication.translate("PrintPreview", "The printout could not be read: {error}").format(
                error=str(exc)
            ),
        )
        return
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    remembered = str(QSettings().value(PRINTER_KEY, "") or "")
    if remembered:
        printer.setPrinterName(remembered)  # this computer's printer, as chosen last time
    pages.prepare(printer)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.resize(*PREVIEW_SIZE)  # Qt's default is too small for its tool bar and a readable page
    dialog.setWindowTitle(QCoreApplication.translate("PrintPreview", "Print preview"))
    dialog.paintRequested.connect(pages.paint)
    dialog.exec()
    if printer.printerName():
        QSettings().setValue(PRINTER_KEY, printer.printerName())
    dialog.deleteLater()


def save_pdf_copy(parent: QWidget, pdf_path: Path, suggested_name: str | None = None) -> Path | None:
    """Ask where to save a copy of ``pdf_path``, copy it there and confirm it
    (``save_files``); None when cancelled or failed."""
    return save_files.save_copy(parent, pdf_path, save_files.FileKind.PDF, suggested_name)


def save_excel_copy(parent: QWidget, path: Path, suggested_name: str | None = None) -> Path | None:
    """The same for an Excel workbook (.xlsx)."""
    return save_files.save_copy(parent, path, save_files.FileKind.EXCEL, suggested_name)


def save_calendar_copy(parent: QWidget, path: Path, suggested_name: str | None = None) -> Path | None:
    """The same for an iCalendar file (.ics)."""
    return save_files.save_copy(parent, path, save_files.FileKind.CALENDAR, suggested_name)
