"""Keeping what a person types: a form's fields are saved as a draft a moment after each
change (``services.drafts``), and again when the window signs out, locks or switches tabs,
so a crash or a power cut loses at most the last second of typing. When the same person
opens the form again, the draft is put back; a form that is saved deletes its draft.

A form names its fields once::

    self.keeper = DraftKeeper(services, actor, "log_entry", {"situation": self.situation, ...}, self)
    restored_at = self.keeper.restore()   # None: nothing was waiting
    ...
    self.keeper.discard()                 # after a successful save
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QWidget
from sqlalchemy.exc import SQLAlchemyError

from desk_app.domain.errors import DeskError
from desk_app.domain.roles import Actor
from desk_app.services.container import Services
from desk_app.services.drafts import Fields
from desk_app.ui.widgets_common import WARNING_COLOR

log = logging.getLogger(__name__)

SAVE_DELAY_MS = 800
RESTORED_COLOR = WARNING_COLOR

Value = str | bool | int
# A field is a widget, or a (read, write) pair for a value the form keeps its own way.
Field = QWidget | tuple[Callable[[], Value], Callable[[Any], None]]


class DraftKeeper(QObject):
    def __init__(
        self,
        services: Services,
        actor: Actor,
        form: str,
        fields: Mapping[str, Field],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self.form = form
        self._fields = dict(fields)
        self._dirty = False
        self._quiet = False  # while the keeper itself fills the fields
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SAVE_DELAY_MS)
        self.timer.timeout.connect(self.flush)
        for field in self._fields.values():
            if isinstance(field, QLineEdit | QPlainTextEdit):
                field.textChanged.connect(self.changed)
            elif isinstance(field, QCheckBox):
                field.toggled.connect(self.changed)
            elif isinstance(field, QComboBox):
                field.currentIndexChanged.connect(self.changed)
            elif isinstance(field, QSpinBox):
                field.valueChanged.connect(self.changed)
            # (read, write) pairs: the form calls changed() itself

    @staticmethod
    def flush_all(root: QObject) -> None:
        """Save every pending draft under ``root`` now (signing out, locking, closing)."""
        for keeper in root.findChildren(DraftKeeper):
            keeper.flush()

    def changed(self, *_args: object) -> None:
        if self._quiet:
            return
        self._dirty = True
        self.timer.start()

    def values(self) -> Fields:
        return {name: _read(field) for name, field in self._fields.items()}

    def flush(self) -> None:
        self.timer.stop()
        if not self._dirty:
            return
        self._dirty = False
        try:
            self._services.drafts.save(self._actor, self.form, self.values())
        except (DeskError, SQLAlchemyError, OSError) as exc:
            # The text is still in the field; the next change tries again.
            self._dirty = True
            log.warning("draft of %s not saved: %s", self.form, exc)

    def restore(self) -> datetime | None:
        """Put back what this person typed and did not save; when it was typed, or None."""
        try:
            draft = self._services.drafts.load(self._actor, self.form)
        except (DeskError, SQLAlchemyError, OSError) as exc:
            log.warning("draft of %s not read: %s", self.form, exc)
            return None
        if draft is None:
            return None
        self._quiet = True
        try:
            for name, value in draft.fields.items():
                field = self._fields.get(name)
                if field is not None:
                    _write(field, value)
        finally:
            self._quiet = False
        return draft.saved_at

    def restore_into(self, note: QLabel, text: str = "") -> datetime | None:
        """Put back what was waiting and say so in ``note`` (``text`` holds ``{time}``)."""
        restored = self.restore()
        if restored is not None:
            tz = self._services.desk.info().tz
            when = f"{restored.astimezone(tz):%m-%d %H:%M}"
            note.setStyleSheet(f"color: {RESTORED_COLOR};")
            note.setText((text or self.tr("Put back what you typed at {time} and did not save.")).format(time=when))
            note.setVisible(True)
        return restored

    def keep_for(self, dialog: QDialog, note: QLabel, text: str = "") -> datetime | None:
        """The one way a dialog keeps its drafts: put back what was waiting (``restore_into``),
        and save what is left when the dialog closes without saving (cancelled, or closed by
        the idle lock's next person). The dialog calls ``discard()`` once it has saved."""
        restored = self.restore_into(note, text)
        dialog.finished.connect(self.flush_on_close)
        return restored

    def flush_on_close(self, _result: int) -> None:
        self.flush()

    def discard(self) -> None:
        """The form was saved (or cleared on purpose): its draft goes."""
        self.timer.stop()
        self._dirty = False
        try:
            self._services.drafts.discard(self._actor, self.form)
        except (DeskError, SQLAlchemyError, OSError) as exc:
            log.warning("draft of %s not discarded: %s", self.form, exc)


def _read(field: Field) -> Value:
    if isinstance(field, tuple):
        return field[0]()
    if isinstance(field, QLineEdit):
        return field.text()
    if isinstance(field, QPlainTextEdit):
        return field.toPlainText()
    if isinstance(field, QCheckBox):
        return field.isChecked()
    if isinstance(field, QComboBox):
        data = field.currentData()
        return str(data) if data is not None else field.currentText()
    if isinstance(field, QSpinBox):
        return field.value()
    raise TypeError(f"a draft cannot keep a {type(field).__name__}")


def _write(field: Field, value: Value) -> None:
    if isinstance(field, tuple):
        field[1](value)
    elif isinstance(field, QLineEdit):
        field.setText(str(value))
    elif isinstance(field, QPlainTextEdit):
        field.setPlainText(str(value))
    elif isinstance(field, QCheckBox):
        field.setChecked(bool(value))
    elif isinstance(field, QComboBox):
        index = field.findData(value)
        if index < 0:
            index = field.findText(str(value))
        if index >= 0:
            field.setCurrentIndex(index)
    elif isinstance(field, QSpinBox) and isinstance(value, int):
        field.setValue(value)
