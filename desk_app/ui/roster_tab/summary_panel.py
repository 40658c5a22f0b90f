"""Under the grid: what the month as it stands achieves, in the supervisor's words — the
shifts short of people, the wishes not met and the rules not kept, each counted in one
line, then listed in groups. Clicking (or Enter on) an entry asks for its cell in the grid
(``chosen`` carries the ``RosterIssue``). The counts are the roster service's
(``RosterService.summary``); this panel only words them."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desk_app.services.roster import IssueKind, MonthSummary, RosterIssue
from desk_app.ui.roster_tab.texts import group_title, issue_text, summary_headline


class SummaryPanel(QWidget):
    chosen = Signal(object)  # the RosterIssue whose cell is wanted

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bold = QFont(self.headline.font())
        bold.setBold(True)
        self.headline.setFont(bold)
        self.list = QListWidget()
        self.list.setMaximumHeight(130)
        self.list.setToolTip(self.tr("Click an entry to go to its cell in the grid"))
        self._issues: list[RosterIssue | None] = []  # per row of the list; None for a heading
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.headline)
        layout.addWidget(self.list)
        self.list.itemClicked.connect(self._choose)
        self.list.itemActivated.connect(self._choose)

    def show_summary(self, summary: MonthSummary, shifts: Mapping[int, str]) -> None:
        self.list.clear()
        self._issues = []
        self.headline.setText(summary_headline(summary))
        heading_font = QFont(self.list.font())
        heading_font.setBold(True)
        for kind, issues in (
            (IssueKind.GAP, summary.gaps),
            (IssueKind.WISH, summary.wishes),
            (IssueKind.RULE, summary.rules),
        ):
            if not issues:
                continue
            heading = QListWidgetItem(group_title(kind, len(issues)))
            heading.setFont(heading_font)
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading: not selectable
            self.list.addItem(heading)
            self._issues.append(None)
            for issue in issues:
                self.list.addItem(issue_text(issue, shifts))
                self._issues.append(issue)
        if not self._issues:
            self.list.addItem(self.tr("No gaps, every wish met and every rule kept."))
            self._issues.append(None)

    def entries(self) -> list[tuple[str, RosterIssue | None]]:
        """The list's rows as shown: (text, its issue or None for a heading)."""
        return [(self.list.item(i).text(), self._issues[i]) for i in range(self.list.count())]

    def choose(self, row: int) -> None:
        """As if the row were clicked."""
        self._choose(self.list.item(row))

    def _choose(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        issue = self._issues[self.list.row(item)]
        if issue is not None:
            self.chosen.emit(issue)
