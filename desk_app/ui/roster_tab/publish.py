"""Publishing the shown month from the roster tab: when shifts are short of people the
supervisor is first shown every one of them (by day and shift) and must accept them; then
a note and the supervisor's password. The service refuses gaps that were not passed to it
as accepted, so no path around this dialog publishes them silently."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout, QWidget

from desk_app.domain.roles import Actor
from desk_app.services.container import Services
from desk_app.services.roster import CoverageGap, IssueKind, RosterIssue
from desk_app.ui.roster_tab.prompts import AskReason
from desk_app.ui.roster_tab.texts import issue_text
from desk_app.ui.service_dialog import attempt

if TYPE_CHECKING:
    from desk_app.ui.roster_tab.tab import RosterTab

# confirm_gaps(year, month, the gaps as text) -> whether to publish with them (tests answer it)
ConfirmGaps = Callable[[int, int, list[str]], bool]


class PublishGapsDialog(QDialog):
    """ "Publish with these gaps?" listing each shift short of people; Cancel is the default."""

    def __init__(self, year: int, month: int, gaps: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Publish with shifts short of people?"))
        text = QLabel(
            self.tr(
                "{n} shifts of {year}-{month:02d} are short of people. Published like this, "
                "they have too few people on duty until someone is put on them:"
            ).format(n=len(gaps), year=year, month=month)
        )
        text.setWordWrap(True)
        self.gaps = QListWidget()
        self.gaps.addItems(gaps)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.publish_button = self.buttons.addButton(
            self.tr("Publish with these gaps"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        cancel.setFocus()
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.gaps, 1)
        layout.addWidget(self.buttons)
        self.resize(460, 420)


def confirm_gaps(parent: QWidget) -> ConfirmGaps:
    def ask(year: int, month: int, gaps: list[str]) -> bool:
        dialog = PublishGapsDialog(year, month, gaps, parent)
        try:
            return bool(dialog.exec() == QDialog.DialogCode.Accepted.value)
        finally:
            dialog.deleteLater()  # a child of the tab: gone once answered

    return ask


def gap_texts(gaps: list[CoverageGap], shifts: dict[int, str]) -> list[str]:
    """Each gap as the list under the grid shows it: "12-03 中班: 0 of 1 people"."""
    return [
        issue_text(RosterIssue(IssueKind.GAP, g.day, shifts.get(g.template_id, "?"), g.needed, g.planned)) for g in gaps
    ]


def publish_month(
    tab: RosterTab,
    services: Services,
    actor: Actor,
    ask_reason: AskReason,
    ask_password: AskReason,
    confirm: ConfirmGaps,
) -> bool:
    """The tab's Publish button: gaps accepted, a note, the password, then the service."""
    year, month = tab.year_month()
    roster = services.roster
    gaps = attempt(lambda: roster.coverage_gaps(year, month), tab.say)
    if gaps is None:
        return False
    if gaps and not confirm(year, month, gap_texts(gaps, {t.id: t.name for t in tab.model.templates})):
        return False
    note = ask_reason(
        QCoreApplication.translate("RosterTab", "Publish the roster"),
        QCoreApplication.translate(
            "RosterTab", "Publish {year}-{month:02d} for everyone? A note for the record (optional):"
        ).format(year=year, month=month),
    )
    if note is None:
        return False
    password = ask_password(
        QCoreApplication.translate("RosterTab", "Publish the roster"),
        QCoreApplication.translate("RosterTab", "{name}, your password publishes the roster:").format(
            name=actor.display_name
        ),
    )
    if password is None:
        return False
    version = attempt(lambda: roster.publish(actor, year, month, note, password=password, accept_gaps=gaps), tab.say)
    if version is None:
        return False
    tab.reload()
    tab.say(QCoreApplication.translate("RosterTab", "Published as version {n}.").format(n=version), ok=True)
    return True
