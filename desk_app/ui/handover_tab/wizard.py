"""The handover wizard: draws the steps of a ``HandoverDraft`` and saves it as it is typed.

Whether a step is done, and why not, is the draft's answer (``problems(step)`` and
``blocking()``); the pages only draw. Every edit is saved (debounced), and again on a page
change and on closing, so a handover interrupted by a closed program resumes from
``services.handover.current()`` with everything typed.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QWidget, QWizard

from desk_app.domain.errors import QT_TRANSLATE_NOOP, DeskError
from desk_app.domain.handover import HandoverDraft, Step
from desk_app.domain.roles import Actor
from desk_app.services.container import Services
from desk_app.services.handover import HandoverView, IncidentsInProgress, SignedHandover
from desk_app.ui.drafts import DraftKeeper
from desk_app.ui.handover_tab.area_page import AreaPage
from desk_app.ui.handover_tab.common import problem_text
from desk_app.ui.handover_tab.count_page import CountPage
from desk_app.ui.handover_tab.incidents_dialog import IncidentsDialog, open_incidents
from desk_app.ui.handover_tab.override_dialog import OverrideDialog
from desk_app.ui.handover_tab.page_base import StepPage
from desk_app.ui.handover_tab.records_page import RecordsPage
from desk_app.ui.handover_tab.sign_page import SignPage
from desk_app.ui.handover_tab.work_page import WorkPage
from desk_app.ui.i18n import translate_error

log = logging.getLogger(__name__)

SAVE_DELAY_MS = 300


class HandoverWizard(QWizard):
    signed = Signal(object)  # SignedHandover, once both clerks have signed
    save_failed = Signal(str)

    def __init__(self, services: Services, actor: Actor, view: HandoverView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self.view = view
        self.draft: HandoverDraft = view.draft
        self.signed_view: HandoverView | None = None
        self.incoming_username = ""
        self._staff_names: dict[int, str] | None = None
        self.incidents_dialog: IncidentsDialog | None = None  # open while incidents block signing
        self.setWindowTitle(
            self.tr("Handover — {shift} {date}").format(
                shift=view.shift.template.name, date=view.shift.shift_date.isoformat()
            )
        )
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.HaveFinishButtonOnEarlyPages, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Sign and finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Pause"))
        self.setMinimumSize(920, 620)

        self.save_timer = QTimer(self)
        self.save_timer.setSingleShot(True)
        self.save_timer.setInterval(SAVE_DELAY_MS)
        self.save_timer.timeout.connect(self.save_now)

        self.records_page = RecordsPage(self)
        self.count_page = CountPage(self)
        self.work_page = WorkPage(self)
        self.area_page = AreaPage(self)
        self.sign_page = SignPage(self)
        self.step_pages: list[StepPage] = [
            self.records_page,
            self.count_page,
            self.work_page,
            self.area_page,
            self.sign_page,
        ]
        for page in self.step_pages:
            self.setPage(int(page.step), page)
        self.setStartId(int(Step.RECORDS))
        # The draft keeps what is decided; the lines typed before "Add" are kept here.
        self.drafts = DraftKeeper(
            services,
            actor,
            f"handover_{view.id}",
            {
                "new_work": self.work_page.new_work,
                "new_anomaly": self.area_page.new_anomaly,
                "new_fault": self.area_page.new_fault,
            },
            self,
        )
        self.drafts.restore()
        self.restart()
        self._resume_at(self.draft.step)
        self.currentIdChanged.connect(self._page_changed)
        self._update_finish()

    # -- the draft ---------------------------------------------------------------------------
    def draft_edited(self) -> None:
        """A page changed the draft: redraw every verdict, save a moment later."""
        for page in self.step_pages:
            page.refresh_reason()
            page.completeChanged.emit()
        self._update_finish()
        self.save_timer.start()

    def replace_draft(self, draft: HandoverDraft) -> None:
        """The service changed the draft (free work, an override): redraw from it."""
        draft.step = self.draft.step
        self.draft = draft
        for page in self.step_pages:
            page.load()
            page.completeChanged.emit()
        self._update_finish()

    def save_now(self) -> bool:
        self.save_timer.stop()
        if self.signed_view is not None:
            return True
        try:
            self.services.handover.save_draft(self.actor, self.view.id, self.draft)
        except DeskError as exc:
            log.warning("handover draft not saved: %s", exc.english())
            self.save_failed.emit(translate_error(exc))
            return False
        return True

    def _resume_at(self, step: Step) -> None:
        """Go forward through the finished steps to where the handover stopped."""
        while self.currentId() < int(step) and self.currentPage() is not None and self.currentPage().isComplete():
            self.next()

    def _page_changed(self, page_id: int) -> None:
        if page_id >= 0 and self.signed_view is None:
            self.draft.step = Step(page_id)
            self.save_now()
        self._update_finish()

    def _update_finish(self) -> None:
        blocking = self.draft.blocking()
        button = self.button(QWizard.WizardButton.FinishButton)
        button.setToolTip(problem_text(blocking[0]) if blocking else "")

    # -- what the pages ask of the service ---------------------------------------------------
    def staff_names(self) -> dict[int, str]:
        if self._staff_names is None:
            self._staff_names = {a.id: a.display_name for a in self.services.accounts.staff()}
        return self._staff_names

    def identify_incoming(self, username: str, password: str) -> None:
        self.view = self.services.handover.identify_incoming(self.view.id, username, password)
        self.incoming_username = username

    def refresh_items(self) -> None:
        """The item list as it is now (a supervisor may have changed it meanwhile): what was
        typed is saved first and kept for the items still on the list."""
        if self.signed_view is not None or not self.save_now():
            return
        try:
            fresh = self.services.handover.refresh_items(self.actor, self.view.id)
        except DeskError as exc:
            log.warning("handover items not refreshed: %s", exc.english())
            return
        if fresh.draft.counts != self.draft.counts or fresh.draft.no_items_by != self.draft.no_items_by:
            self.replace_draft(fresh.draft)

    def add_free_work(self, description: str, important: bool) -> None:
        self.save_now()
        self.replace_draft(self.services.handover.add_free_work(self.actor, self.view.id, description, important))

    def override(self, work_index: int, username: str, password: str, reason: str) -> None:
        self.save_now()
        self.replace_draft(self.services.handover.override(self.view.id, work_index, username, password, reason))

    def request_override(self, work_index: int) -> None:
        work = self.draft.open_work[work_index]
        dialog = OverrideDialog(
            work.description,
            lambda username, password, reason: self.override(work_index, username, password, reason),
            self,
        )
        dialog.exec()
        dialog.deleteLater()

    def sign(self, outgoing_password: str, incoming_username: str, incoming_password: str) -> SignedHandover:
        if not self.save_now():
            raise DeskError(QT_TRANSLATE_NOOP("DeskError", "The handover could not be saved."))
        try:
            signed = self.services.handover.sign(self.view.id, outgoing_password, incoming_username, incoming_password)
        except IncidentsInProgress as exc:  # logged since the start: listed, each to be opened
            self.show_blocking_incidents(exc)
            raise
        self.signed_view = signed.view
        self.view = signed.view
        self.drafts.discard()
        self.signed.emit(signed)
        return signed

    def show_blocking_incidents(self, refusal: IncidentsInProgress) -> IncidentsDialog:
        """The incidents that keep the handover from being signed, as the tab lists those
        that keep it from starting; once they are dealt with, the clerks sign again."""
        dialog = open_incidents(self.incidents_dialog, self.services, self.actor, refusal.incidents, self, signing=True)
        dialog.finished.connect(lambda _result: self._incidents_closed(dialog))
        self.incidents_dialog = dialog
        return dialog

    def _incidents_closed(self, dialog: IncidentsDialog) -> None:
        if self.incidents_dialog is dialog:
            self.incidents_dialog = None

    # -- closing -------------------------------------------------------------------------------
    def done(self, result: int) -> None:
        self.save_now()
        if self.signed_view is None:
            self.drafts.flush()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.save_now()
        if self.signed_view is None:
            self.drafts.flush()
        super().closeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        # Enter in a text field must not sign: the Finish button is pressed on purpose.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)
