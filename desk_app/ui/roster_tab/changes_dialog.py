"""The record of a published month: its versions' changes, each with who, when and why."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from desk_app.services.container import Services


class ChangesDialog(QDialog):
    def __init__(self, services: Services, year: int, month: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Changes to the roster {year}-{month:02d}").format(year=year, month=month))
        names = {t.id: t.name for t in services.desk.shift_templates(include_inactive=True)}
        changes = services.roster.changes(year, month)
        self.table = QTableWidget(len(changes), 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Version"),
                self.tr("When"),
                self.tr("By"),
                self.tr("Person and day"),
                self.tr("Change"),
                self.tr("Why"),
            ]
        )
        for row, c in enumerate(changes):
            before = names.get(c.before, "休") if c.before is not None else "休"
            after = names.get(c.after, "休") if c.after is not None else "休"
            for column, text in enumerate(
                [
                    str(c.version),
                    f"{c.at:%Y-%m-%d %H:%M}",
                    c.by,
                    f"{c.account} {c.day:%m-%d}",
                    f"{before} → {after}",
                    c.reason,
                ]
            ):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(760, 420)
