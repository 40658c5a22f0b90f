"""Checking a printed page (核对纸页): a supervisor types the fingerprint at the foot of a
signed page from the binder, or scans its QR code (a USB scanner types like a keyboard and
ends with Enter), and reads whether the database still holds exactly what the page printed
(services/page_seal/). The lookup runs on the window's task runner, never on the UI thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.services import page_seal
from desk_app.services.container import Services
from desk_app.ui.service_dialog import attempt, failure_text
from desk_app.ui.tasks import Task, TaskRunner
from desk_app.ui.widgets_common import FAIL_STYLE, PASS_STYLE, PLAIN_STYLE


def translate_sentence(sentence: page_seal.Sentence) -> str:
    """A sentence of the answer in the window's language (English when a translation's
    placeholders do not fit)."""
    params: dict[str, Any] = dict(sentence.params)
    if "kind" in params:
        params["record"] = f"{QCoreApplication.translate('RecordKind', params['kind'])} {params['key']}".strip()
    template = QCoreApplication.translate("DeskError", sentence.template)
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return sentence.english()


def _check(services: Services, text: str) -> page_seal.PageCheck:
    return page_seal.check_page(services.db, text, services.desk.info().tz)


class PageCheckDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Check a printed page"))
        self.setMinimumWidth(560)
        self._services = services
        self.task: Task | None = None

        intro = QLabel(
            self.tr(
                "Type the fingerprint printed at the foot of the page (after 核对码), or scan the "
                "page's QR code, then press Enter."
            )
        )
        intro.setWordWrap(True)
        self.fingerprint = QLineEdit()
        self.fingerprint.setPlaceholderText("L:101-118,120 9F3A-C21B-77D0-E4B1")
        self.fingerprint.returnPressed.connect(self.check)
        self.check_button = QPushButton(self.tr("&Check"))
        self.check_button.setAutoDefault(False)
        self.check_button.clicked.connect(self.check)
        row = QHBoxLayout()
        row.addWidget(self.fingerprint, 1)
        row.addWidget(self.check_button)
        self.answer = QLabel()
        self.answer.setWordWrap(True)
        self.answer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.answer.setMinimumHeight(72)
        self.answer.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.answer)
        layout.addWidget(buttons)

    def check(self) -> Task | None:
        """Look the typed or scanned fingerprint up (in the background)."""
        if self.task is not None:
            return None
        text = self.fingerprint.text()
        if attempt(lambda: page_seal.parse(text), lambda refused: self._say(refused, ok=False)) is None:
            return None
        self.check_button.setEnabled(False)
        self._say(self.tr("Checking…"), ok=None)
        services = self._services
        self.task = TaskRunner.of(self).submit(lambda _p: _check(services, text), self, self._checked, self._failed)
        return self.task

    def _checked(self, result: object) -> None:
        assert isinstance(result, page_seal.PageCheck)
        self.task = None
        self.check_button.setEnabled(True)
        self._say("\n".join(translate_sentence(s) for s in result.sentences), ok=result.ok)
        self.fingerprint.selectAll()  # the next scan replaces it

    def _failed(self, exc: BaseException, _trace: str) -> None:
        self.task = None
        self.check_button.setEnabled(True)
        self._say(failure_text(exc), ok=False)

    def _say(self, text: str, ok: bool | None) -> None:
        self.answer.setText(text)
        self.answer.setStyleSheet(PLAIN_STYLE if ok is None else PASS_STYLE if ok else FAIL_STYLE)
