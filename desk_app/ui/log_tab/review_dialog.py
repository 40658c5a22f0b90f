"""The supervisor's daily signature under a day's records."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import (
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.roles import Actor
from desk_app.services.container import Services
from desk_app.services.log import DayReviewView, LogFilter
from desk_app.ui.service_dialog import ServiceDialog
from desk_app.ui.widgets_common import pydate, qdate

LOOK_BACK_DAYS = 62


class ReviewDialog(ServiceDialog):
    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self.review: DayReviewView | None = None
        self.setWindowTitle(self.tr("Sign a day's records"))
        self.setMinimumWidth(460)

        today = services.desk.today()
        unsigned = services.log.unsigned_days(today - timedelta(days=LOOK_BACK_DAYS), today)
        first = unsigned[0] if unsigned else today
        self.day = QDateEdit(qdate(first))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setMaximumDate(qdate(today))
        self.remark = QLineEdit()
        self.remark.setPlaceholderText(self.tr("Optional remark"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Your password signs the records"))
        self.password.returnPressed.connect(self.sign)
        self.summary = QLabel()
        pending = QLabel(
            self.tr("Not yet signed: {days}").format(days=", ".join(f"{d:%m-%d}" for d in unsigned))
            if unsigned
            else self.tr("Every day with records is signed.")
        )
        pending.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Day"), self.day)
        form.addRow("", self.summary)
        form.addRow(self.tr("Remark"), self.remark)
        form.addRow(self.tr("Password"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.sign_button = buttons.addButton(self.tr("Sign"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.sign)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(pending)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.day.dateChanged.connect(lambda _d: self._update_summary())
        self._update_summary()

    def chosen_day(self) -> date:
        return pydate(self.day.date())

    def _update_summary(self) -> None:
        day = self.chosen_day()
        count = self._services.log.count(LogFilter(date_from=day, date_to=day))
        signed = self._services.log.reviews(day, day).get(day)
        ends = self._services.log.day_ends(day)
        early = self._services.clock.now() < ends
        if signed is not None:
            text = self.tr("Signed by {name} at {time}.").format(
                name=signed.signer_name, time=f"{signed.signed_at:%Y-%m-%d %H:%M}"
            )
            if signed.covers_to_id is not None:
                text += " " + self.tr("The signature covers the entries up to #{id}.").format(id=signed.covers_to_id)
            self.summary.setText(text)
        elif early:
            self.summary.setText(
                self.tr("{count} records so far. The day can be signed from {time}, when its last shift ends.").format(
                    count=count, time=f"{ends.astimezone(self._services.desk.info().tz):%m-%d %H:%M}"
                )
            )
        else:
            self.summary.setText(self.tr("{count} records on this day.").format(count=count))
        self.sign_button.setEnabled(signed is None and count > 0 and not early)

    def sign(self) -> None:
        review = self.attempt(
            lambda: self._services.log.sign_day(
                self._actor, self.chosen_day(), self.remark.text(), password=self.password.text()
            ),
            clear=(self.password,),
        )
        if review is None:
            return
        self.review = review
        self.password.clear()
        self.accept()
