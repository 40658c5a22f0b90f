"""Choosing what to print: the current shift, one day, or a date range."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.services.container import Services
from desk_app.services.log import LogFilter
from desk_app.ui.widgets_common import pydate, qdate


class PrintLogDialog(QDialog):
    """Returns the chosen LogFilter and whether to print or save as PDF."""

    PRINT = 1
    SAVE_PDF = 2

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print the shift log"))
        self.action = 0
        today = services.desk.today()
        self._shift = services.desk.shift_at()

        self.current_shift = QRadioButton(self.tr("The current shift"))
        if self._shift is not None:
            self.current_shift.setText(
                self.tr("The current shift ({date} {shift})").format(
                    date=f"{self._shift.shift_date:%Y-%m-%d}", shift=self._shift.template.name
                )
            )
        else:
            self.current_shift.setEnabled(False)
        self.one_day = QRadioButton(self.tr("One day"))
        self.date_range = QRadioButton(self.tr("A date range"))
        self.group = QButtonGroup(self)
        for button in (self.current_shift, self.one_day, self.date_range):
            self.group.addButton(button)
        (self.current_shift if self._shift is not None else self.one_day).setChecked(True)

        self.day = QDateEdit(qdate(today))
        self.range_from = QDateEdit(qdate(today.replace(day=1)))
        self.range_to = QDateEdit(qdate(today))
        for edit in (self.day, self.range_from, self.range_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")

        grid = QGridLayout()
        grid.addWidget(self.current_shift, 0, 0, 1, 4)
        grid.addWidget(self.one_day, 1, 0)
        grid.addWidget(self.day, 1, 1)
        grid.addWidget(self.date_range, 2, 0)
        grid.addWidget(self.range_from, 2, 1)
        grid.addWidget(QLabel("–"), 2, 2)
        grid.addWidget(self.range_to, 2, 3)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        print_button = buttons.addButton(self.tr("Print…"), QDialogButtonBox.ButtonRole.AcceptRole)
        pdf_button = buttons.addButton(self.tr("Save as PDF…"), QDialogButtonBox.ButtonRole.ActionRole)
        print_button.clicked.connect(lambda: self._finish(self.PRINT))
        pdf_button.clicked.connect(lambda: self._finish(self.SAVE_PDF))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(buttons)

    def chosen_filter(self) -> LogFilter:
        if self.current_shift.isChecked() and self._shift is not None:
            day = self._shift.shift_date
            return LogFilter(date_from=day, date_to=day, shift_template_id=self._shift.template.id)
        if self.one_day.isChecked():
            day = pydate(self.day.date())
            return LogFilter(date_from=day, date_to=day)
        start, end = pydate(self.range_from.date()), pydate(self.range_to.date())
        if end < start:
            start, end = end, start
        return LogFilter(date_from=start, date_to=end)

    def _finish(self, action: int) -> None:
        self.action = action
        self.accept()
