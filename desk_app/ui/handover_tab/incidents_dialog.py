"""The incidents that keep a handover from starting (or, logged since it started, from
being signed), all at once, each opened to record how it was dealt with; once none is
left, the handover starts from here (or the clerks go back to signing)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from desk_app.domain.roles import Actor
from desk_app.services.container import Services
from desk_app.services.handover import IncidentInProgress
from desk_app.ui.handover_tab.common import plain_table, read_only_item, ymd_hm
from desk_app.ui.handover_tab.follow_up_dialog import CloseFollowUpDialog
from desk_app.ui.widgets_common import NOTE_STYLE, WARNING_STYLE


class IncidentsDialog(QDialog):
    start_requested = Signal()  # every incident is recorded: start (or sign) the handover now

    ENTRY, LOGGED, CLERK, SITUATION = range(4)

    def __init__(
        self,
        services: Services,
        actor: Actor,
        incidents: Sequence[IncidentInProgress],
        parent: QWidget | None = None,
        *,
        signing: bool = False,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._signing = signing  # the wizard's sign-off was refused, not the start
        self.incidents: list[IncidentInProgress] = list(incidents)
        self.setWindowTitle(self.tr("Incidents being handled"))
        self.setMinimumSize(720, 360)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.table = plain_table(
            [self.tr("Entry"), self.tr("Occurred"), self.tr("Clerk"), self.tr("Situation")], stretch=self.SITUATION
        )
        self.open_button = QPushButton(self.tr("Record how it was dealt with…"))
        self.open_button.setDefault(True)
        self.start_button = QPushButton(self.tr("Back to sign-off") if signing else self.tr("Start handover…"))
        buttons = QDialogButtonBox()
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.AcceptRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

        self.open_button.clicked.connect(self.open_selected)
        self.start_button.clicked.connect(self._start)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._fill()

    def reload(self) -> None:
        """The incidents still being handled, as the service has them now."""
        self.incidents = [IncidentInProgress(i, s) for i, s in self._services.handover.incidents_in_progress()]
        self._fill()

    def _fill(self) -> None:
        self.table.setRowCount(len(self.incidents))
        for row, incident in enumerate(self.incidents):
            entry = self._services.log.get(incident.entry_id)
            cells = [f"#{incident.entry_id}", ymd_hm(entry.occurred_at), entry.clerk_name, incident.situation]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, read_only_item(text))
        if self.incidents:
            self.heading.setStyleSheet(WARNING_STYLE)
            if self._signing:
                heading = self.tr(
                    "The handover cannot be signed while {n} incident(s) are being handled. Open each "
                    "one (double-click) and record how it was dealt with."
                )
            else:
                heading = self.tr(
                    "The handover cannot start while {n} incident(s) are being handled. Open each one "
                    "(double-click) and record how it was dealt with."
                )
            self.heading.setText(heading.format(n=len(self.incidents)))
            self.table.selectRow(0)
        else:
            self.heading.setStyleSheet(NOTE_STYLE)
            self.heading.setText(
                self.tr("Every incident is recorded as dealt with: the handover can be signed.")
                if self._signing
                else self.tr("Every incident is recorded as dealt with: the handover can start.")
            )
        self._update_buttons()

    def selected(self) -> IncidentInProgress | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if len(rows) != 1:
            return None
        row = rows.pop()
        return self.incidents[row] if 0 <= row < len(self.incidents) else None

    def open_selected(self) -> None:
        incident = self.selected()
        if incident is None:
            return
        dialog = CloseFollowUpDialog(self._services, self._actor, incident.entry_id, incident.situation, self)
        dialog.exec()
        self.reload()

    def _start(self) -> None:
        self.accept()
        self.start_requested.emit()

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.selected() is not None)
        self.start_button.setEnabled(not self.incidents)
        if not self.incidents:
            self.start_button.setDefault(True)
            self.start_button.setFocus(Qt.FocusReason.OtherFocusReason)


def open_incidents(
    previous: IncidentsDialog | None,
    services: Services,
    actor: Actor,
    incidents: Sequence[IncidentInProgress],
    parent: QWidget,
    *,
    signing: bool = False,
) -> IncidentsDialog:
    """The incidents of a refusal in a window of their own, in place of ``previous`` (the
    list of an earlier refusal); deleted when closed."""
    if previous is not None:
        previous.close()
    dialog = IncidentsDialog(services, actor, incidents, parent, signing=signing)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.open()
    return dialog
