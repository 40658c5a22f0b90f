"""Choosing the ticket queue's paper: a register for a date range, the monthly complaint
report for a month, or the Excel list of one kind of ticket."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.tickets import TicketKind
from desk_app.services.container import Services
from desk_app.ui.documents import Output, Render
from desk_app.ui.widgets_common import ERROR_STYLE, pydate, qdate

REGISTER_COMPLAINTS = "complaints"
REGISTER_REPAIRS = "repairs"
MONTHLY = "monthly"
REPORT_TO_KEY = "mail/report_to"  # QSettings: where the monthly report was sent last
EXCEL = "excel:"  # + the kind's value


@dataclass(frozen=True)
class PaperChoice:
    """What to make (render), its file name, and whether it is printed or saved."""

    render: Render
    file_name: str
    output: Output
    mail_to: tuple[str, ...] = ()


class TicketPaperDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ticket registers and reports"))
        self._services = services
        self.choice: PaperChoice | None = None
        today = services.desk.today()

        self.what = QComboBox()
        self.what.addItem(self.tr("Complaint register (投诉受理登记表)"), REGISTER_COMPLAINTS)
        self.what.addItem(self.tr("Repair register (住户报修登记表)"), REGISTER_REPAIRS)
        self.what.addItem(self.tr("Monthly complaint report (部门客户投诉工作月报)"), MONTHLY)
        for kind in TicketKind:
            label = QCoreApplication.translate("TicketKind", kind.label)
            self.what.addItem(self.tr("Excel list: {kind}").format(kind=label), EXCEL + kind.value)
        self.date_from = QDateEdit(qdate(today.replace(day=1)))
        self.date_to = QDateEdit(qdate(today))
        self.month = QDateEdit(qdate(today.replace(day=1)))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.month.setDisplayFormat("yyyy-MM")
        self.period = QWidget()
        period = QHBoxLayout(self.period)
        period.setContentsMargins(0, 0, 0, 0)
        period.addWidget(self.date_from)
        period.addWidget(QLabel("–"))
        period.addWidget(self.date_to)
        period.addStretch(1)
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)

        form = QFormLayout()
        form.addRow(self.tr("Document:"), self.what)
        form.addRow(self.tr("Registered:"), self.period)
        form.addRow(self.tr("Month:"), self.month)
        self._form = form

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.print_button = QPushButton(self.tr("Print…"))
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.excel_button = QPushButton(self.tr("Save as Excel…"))
        self.mail_button = QPushButton(self.tr("Send by mail…"))
        self.mail_button.setToolTip(self.tr("Send the report as a PDF (Admin → Mail server)"))
        self.mail_button.clicked.connect(self.send_by_mail)
        for button in (self.print_button, self.pdf_button, self.excel_button, self.mail_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(lambda: self._finish(Output.PRINT))
        self.pdf_button.clicked.connect(lambda: self._finish(Output.SAVE_PDF))
        self.excel_button.clicked.connect(lambda: self._finish(Output.SAVE_EXCEL))
        buttons.rejected.connect(self.reject)
        self.what.currentIndexChanged.connect(self._update)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._update()
        self.setMinimumWidth(480)

    def _update(self) -> None:
        code = self.what.currentData()
        monthly = code == MONTHLY
        excel = code.startswith(EXCEL)
        self._form.setRowVisible(self.period, not monthly)
        self._form.setRowVisible(self.month, monthly)
        self.print_button.setVisible(not excel)
        self.pdf_button.setVisible(not excel)
        self.excel_button.setVisible(excel)
        self.mail_button.setVisible(monthly)
        (self.excel_button if excel else self.print_button).setDefault(True)
        self.message.clear()

    def send_by_mail(self) -> bool:
        """The monthly report to the manager: the addresses are asked (and remembered)."""
        settings = QSettings()
        last = str(settings.value(REPORT_TO_KEY, "") or "")
        text, ok = QInputDialog.getText(
            self, self.tr("Send by mail"), self.tr("To (several addresses separated by commas):"), text=last
        )
        if not ok:
            return False
        return self.choose_mail([a.strip() for a in text.replace("，", ",").split(",") if a.strip()])

    def choose_mail(self, addresses: list[str]) -> bool:
        if not addresses or not all("@" in a for a in addresses):
            self.message.setText(self.tr("Give at least one mail address."))
            return False
        QSettings().setValue(REPORT_TO_KEY, ", ".join(addresses))
        self._finish(Output.SEND_MAIL)
        if self.choice is not None:
            self.choice = replace(self.choice, mail_to=tuple(addresses))
        return True

    def _finish(self, output: Output) -> None:
        start, end = pydate(self.date_from.date()), pydate(self.date_to.date())
        code: str = self.what.currentData()
        if code != MONTHLY and end < start:
            self.message.setText(self.tr("The end date is before the start date."))
            return
        self.choice = self.build(code, start, end, pydate(self.month.date()), output)
        self.accept()

    def build(self, code: str, start: date, end: date, month: date, output: Output) -> PaperChoice:
        from desk_app.printing import ticket_forms
        from desk_app.services.ticket_export import export_register_xlsx

        services = self._services
        span = f"{start:%Y-%m-%d}_{end:%Y-%m-%d}" if start != end else f"{start:%Y-%m-%d}"
        if code == MONTHLY:
            y, m = month.year, month.month
            return PaperChoice(
                lambda path, _progress: ticket_forms.render_monthly_report_pdf(services, y, m, path),
                f"{ticket_forms.MONTHLY_TITLE}_{y}-{m:02d}.pdf",
                output,
            )
        if code.startswith(EXCEL):
            kind = TicketKind(code.removeprefix(EXCEL))
            return PaperChoice(
                lambda path, progress: export_register_xlsx(services, kind, start, end, path, progress=progress),
                f"{kind.chinese}登记_{span}.xlsx",
                Output.SAVE_EXCEL,
            )
        register = ticket_forms.REGISTERS[TicketKind.COMPLAINT if code == REGISTER_COMPLAINTS else TicketKind.REPAIR]
        return PaperChoice(
            lambda path, progress: ticket_forms.render_register_pdf(
                services, register.kind, start, end, path, progress=progress
            ),
            f"{register.title}_{span}.pdf",
            output,
        )
