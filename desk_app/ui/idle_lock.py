"""The shared desk computer locks itself: after the minutes a supervisor set (10 by
default) without a key press or a mouse movement, the window hides every record and asks
for the password again. The time comes from the services' clock, so tests set it."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.clock import Clock
from desk_app.domain.roles import Actor
from desk_app.services.container import Services
from desk_app.ui.service_dialog import ServiceDialog

CHECK_EVERY_MS = 15_000
ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleWatch(QObject):
    """Watches the whole application's input; ``idle`` fires once per quiet period."""

    idle = Signal()

    def __init__(self, clock: Clock, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.limit = timedelta(minutes=minutes)
        self.last: datetime = clock.now()
        self.fired = False
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.last = self.clock.now()
        self.timer.start()

    def stop(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in ACTIVITY:
            self.last = self.clock.now()
            self.fired = False
        return False

    def check(self) -> bool:
        if not self.fired and self.clock.now() - self.last >= self.limit:
            self.fired = True
            self.idle.emit()
            return True
        return False


class LockPage(ServiceDialog):
    """The lock: an application-modal dialog over everything (so it takes the keyboard even
    when another modal dialog is open behind it), with who was signed in, a password field,
    and the way out for the next person. It cannot be closed; only unlocked."""

    unlocked = Signal()
    switch_user = Signal()

    def __init__(self, services: Services, actor: Actor, minutes: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("DutyDesk is locked"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self._services = services
        self._actor = actor
        title = QLabel(self.tr("DutyDesk is locked"))
        font = title.font()
        font.setPointSize(font.pointSize() + 6)
        title.setFont(font)
        self.explanation = QLabel(
            self.tr(
                "No one used the desk computer for {n} minutes, so the records are hidden. "
                "{name}, type your password to continue."
            ).format(n=minutes, name=actor.display_name)
        )
        self.explanation.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password"))
        self.password.returnPressed.connect(self.unlock)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.clicked.connect(self.unlock)
        self.other_button = QPushButton(self.tr("Sign in as someone else"))
        self.other_button.clicked.connect(self.switch_user)
        row = QHBoxLayout()
        row.addWidget(self.password, 1)
        row.addWidget(self.unlock_button)
        box = QWidget()
        box.setMaximumWidth(460)
        inner = QVBoxLayout(box)
        inner.addWidget(title)
        inner.addWidget(self.explanation)
        inner.addLayout(row)
        inner.addWidget(self.message)
        inner.addWidget(self.other_button)
        outer = QVBoxLayout(self)
        outer.addWidget(box)
        self.setMinimumWidth(440)

    def reject(self) -> None:  # Esc does not close the lock
        pass

    def unlock(self) -> bool:
        # The same person, by their password: their sign-in lasts from now again.
        if not self.attempt(
            lambda: self._services.accounts.renew(self._actor, self.password.text()), clear=(self.password,)
        ):
            return False
        self.password.clear()
        self.message.clear()
        self.hide()
        self.unlocked.emit()
        return True
