"""Correcting an entry: a new entry that points at the old one, which stays visible."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.categories import LogCategory
from desk_app.domain.roles import Actor
from desk_app.services.container import Services
from desk_app.services.log import LogEntryView
from desk_app.ui.drafts import DraftKeeper
from desk_app.ui.log_tab.entry_bar import CATEGORIES, fill_category_combo
from desk_app.ui.service_dialog import ServiceDialog


class CorrectionDialog(ServiceDialog):
    def __init__(
        self,
        services: Services,
        actor: Actor,
        original: LogEntryView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._original = original
        self.result_entry: LogEntryView | None = None
        self.setWindowTitle(self.tr("Correct entry #{id}").format(id=original.id))
        self.setMinimumWidth(560)

        explanation = QLabel(
            self.tr(
                "Log entries are never changed. The correction is saved as a new entry; "
                "#{id} stays in the log, struck through, with a link to the correction."
            ).format(id=original.id)
        )
        explanation.setWordWrap(True)
        shown = QPlainTextEdit(
            f"#{original.id}  {original.occurred_at:%Y-%m-%d %H:%M}  {original.clerk_name}\n"
            f"{original.situation}\n{original.handling}".rstrip()
        )
        shown.setReadOnly(True)
        shown.setMaximumHeight(90)

        self.category = QComboBox()
        fill_category_combo(self.category)
        self.category.setCurrentIndex(CATEGORIES.index(original.category))
        self.situation = QLineEdit(original.situation)
        self.handling = QLineEdit(original.handling)
        self.follow_up = QCheckBox(self.tr("Needs follow-up"))
        self.follow_up.setChecked(original.follow_up)

        form = QFormLayout()
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Situation"), self.situation)
        form.addRow(self.tr("Handling and result"), self.handling)
        form.addRow("", self.follow_up)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(shown)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.drafts = DraftKeeper(
            services,
            actor,
            f"log_correction_{original.id}",
            {"category": self.category, "situation": self.situation, "handling": self.handling},
            self,
        )
        self.drafts.keep_for(self, self.message)
        self.situation.setFocus()

    def save(self) -> None:
        entry = self.attempt(
            lambda: self._services.log.correct(
                self._actor,
                self._original.id,
                LogCategory(self.category.currentData()),
                self.situation.text(),
                self.handling.text(),
                follow_up=self.follow_up.isChecked(),
            )
        )
        if entry is None:
            return
        self.result_entry = entry
        self.drafts.discard()
        self.accept()
