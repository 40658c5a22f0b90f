"""Changing one's own password (File → Change password…): the current one, the new one
twice. Enter moves from field to field and, in the last, changes it.

The rules are the service's (``AccountService.change_password``): a wrong current password
counts towards the lock-out like a wrong sign-in, and the new one follows the rules of
every password. The same two "new password" fields are asked at sign-in after a reset
(signin_dialog.py), with ``NewPasswordFields``.
"""

from __future__ import annotations

import inspect
import weakref
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desk_app.domain.roles import Actor
from desk_app.services.account_rules import validate_new_password
from desk_app.services.container import Services
from desk_app.ui.i18n import APP_TITLE
from desk_app.ui.service_dialog import ServiceDialog
from desk_app.ui.widgets_common import SIGN_IN_ERROR_STYLE


def password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class _EnterMovesOn(QObject):
    """The event filter of ``enter_moves_on``. It holds its fields and its ``submit`` only
    weakly: the dialog owns it (through the first field), and a strong reference back to
    the dialog would make a cycle for the garbage collector to break in the wrong order."""

    def __init__(self, edits: list[QLineEdit], submit: Callable[[], object]) -> None:
        super().__init__(edits[0])
        self._edits = [weakref.ref(edit) for edit in edits]
        self._submit: Callable[[], Callable[[], object] | None] = (
            weakref.WeakMethod(submit) if inspect.ismethod(submit) else (lambda: submit)
        )
        for edit in edits:
            edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() is QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            edits = [ref() for ref in self._edits]
            if watched in edits:
                index = edits.index(watched)
                following = edits[index + 1] if index + 1 < len(edits) else None
                if following is not None:
                    following.setFocus(Qt.FocusReason.TabFocusReason)
                elif index + 1 == len(edits) and (submit := self._submit()) is not None:
                    submit()
                return True  # not also the dialog's default button
        return super().eventFilter(watched, event)


def enter_moves_on(edits: list[QLineEdit], submit: Callable[[], object]) -> None:
    """Enter in each of ``edits`` moves to the next; in the last it calls ``submit``. The
    key goes no further, so whichever button a dialog made its default is not pressed too."""
    _EnterMovesOn(edits, submit)


class ChangePasswordDialog(ServiceDialog):
    error_style = SIGN_IN_ERROR_STYLE

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self.setWindowTitle(self.tr("Change password — {app}").format(app=APP_TITLE))
        self.who = QLabel(
            self.tr("The password of {name} ({username}).").format(name=actor.display_name, username=actor.username)
        )
        self.who.setWordWrap(True)
        self.current = password_edit()
        self.new = password_edit()
        self.new.setPlaceholderText(self.tr("at least 8 characters"))
        self.repeat = password_edit()
        form = QFormLayout()
        form.addRow(self.tr("Current password:"), self.current)
        form.addRow(self.tr("New password:"), self.new)
        form.addRow(self.tr("Repeat new password:"), self.repeat)
        enter_moves_on([self.current, self.new, self.repeat], self.change)

        self.buttons = QDialogButtonBox()
        self.change_button = self.buttons.addButton(self.tr("Change password"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.change_button.setDefault(True)
        self.change_button.clicked.connect(self.change)
        self.buttons.rejected.connect(self.reject)
        self.message.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(self.who)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)
        self.current.setFocus()

    def change(self) -> bool:
        if self.new.text() != self.repeat.text():
            self.show_error(self.tr("The two new passwords are not the same."))
            self.repeat.clear()
            self.repeat.setFocus()
            return False
        # The new password's own rules first: a refusal of it keeps the current one typed.
        if not self.attempt(lambda: validate_new_password(self.new.text(), self.current.text())):
            self.new.setFocus()
            return False
        done = self.attempt(
            lambda: self._services.accounts.change_password(self._actor, self.current.text(), self.new.text()),
            clear=(self.current,),
        )
        if not done:
            self.current.setFocus()
            return False
        self.accept()
        return True
