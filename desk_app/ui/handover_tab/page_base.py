"""What every step of the handover wizard shares: it asks the draft whether it is done."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWizardPage

from desk_app.domain.handover import HandoverDraft, Step
from desk_app.ui.handover_tab.common import problem_text
from desk_app.ui.widgets_common import ERROR_STYLE, WARNING_STYLE, message_label

if TYPE_CHECKING:
    from desk_app.ui.handover_tab.wizard import HandoverWizard


class StepPage(QWizardPage):
    """A page draws one step of ``HandoverDraft``; the rules are the draft's, never the page's.

    Edits change ``self.desk.draft`` and call ``self.edited()``; ``load()`` fills the widgets
    from the draft (when built, and when the service hands back a changed draft).
    """

    step: Step

    def __init__(self, desk: HandoverWizard) -> None:
        super().__init__()
        self.desk = desk
        self.reason: QLabel = message_label()
        self.reason.setObjectName("reason")

    @property
    def draft(self) -> HandoverDraft:
        return self.desk.draft

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return not self.draft.problems(self.step)

    def edited(self) -> None:
        self.desk.draft_edited()

    def load(self) -> None:
        """Fill the widgets from the draft."""

    def refresh_reason(self) -> None:
        """The first thing that keeps this step (or else the whole handover) from being done."""
        own = self.draft.problems(self.step)
        if own:
            self.reason.setStyleSheet(ERROR_STYLE)
            self.reason.setText(problem_text(own[0]))
            return
        blocking = self.draft.blocking()
        if blocking:
            self.reason.setStyleSheet(WARNING_STYLE)
            self.reason.setText(self.tr("Cannot finish yet: {reason}").format(reason=problem_text(blocking[0])))
        else:
            self.reason.clear()
