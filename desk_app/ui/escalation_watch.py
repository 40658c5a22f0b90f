"""Escalation while the program runs (逐级上报): every minute the due tickets are raised to
the level their kind's rule asks for (in the background), and the signed-in person hears of
escalations that reached their level — a desktop notification from the system tray, a
count in the status bar, and the list when they sign in, until they mark them as read."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.roles import Actor
from desk_app.services.container import Services
from desk_app.services.tickets import Notice
from desk_app.ui.tasks import Task, TaskRunner

log = logging.getLogger("desk_app")

CHECK_INTERVAL_MS = 60_000


class Tray(Protocol):
    def showMessage(self, title: str, message: str, icon: QSystemTrayIcon.MessageIcon, msecs: int) -> None: ...  # noqa: N802


def system_tray(parent: QObject) -> Tray | None:
    """The desktop's notification area, if there is one (not on a bare test display)."""
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
    tray = QSystemTrayIcon(icon, parent)
    tray.setToolTip("DutyDesk")
    tray.show()
    return tray


class EscalationWatch(QObject):
    notices_changed = Signal(list)  # list[Notice] not yet read by the signed-in person
    open_ticket = Signal(int)  # the person clicked a notification

    def __init__(
        self,
        services: Services,
        actor: Actor,
        parent: QObject | None = None,
        tray_factory: Callable[[QObject], Tray | None] = system_tray,
    ) -> None:
        super().__init__(parent)
        self.discreet = False  # set while the window is locked
        self._services = services
        self._actor = actor
        self._announced: set[int] = set()
        self._last_ticket: int | None = None
        self._task: Task | None = None
        self.notices: list[Notice] = []
        self.tray = tray_factory(self)
        if isinstance(self.tray, QSystemTrayIcon):
            self.tray.messageClicked.connect(self._message_clicked)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.timer.start()
        self.check()

    def stop(self) -> None:
        """Stop checking; a check still running is cancelled (the window is closing)."""
        self.timer.stop()
        if self._task is not None:
            self._task.cancel()
            self._task = None

    def check(self) -> None:
        """Escalate what is due, then read the person's unread notices (off the UI thread)."""
        if self._task is not None:
            return
        services, actor = self._services, self._actor

        def work(_progress: Callable[[int, int], None]) -> list[Notice]:
            services.tickets.escalate_due()
            return services.tickets.notices(actor)

        self._task = TaskRunner.of(self).submit(work, self, self._arrived, self._failed)

    def acknowledge(self, notice_ids: list[int]) -> None:
        self._services.tickets.acknowledge(self._actor, notice_ids)
        self.notices = [n for n in self.notices if n.id not in set(notice_ids)]
        self.notices_changed.emit(self.notices)

    def _arrived(self, notices: object) -> None:
        self._task = None
        assert isinstance(notices, list)
        self.notices = notices
        new = [n for n in notices if n.id not in self._announced]
        self._announced.update(n.id for n in notices)
        if new and self.tray is not None:
            latest = new[-1]
            self._last_ticket = latest.ticket_id
            title = self.tr("Escalated to you: ticket #{id}").format(id=latest.ticket_id)
            kind = QCoreApplication.translate("TicketKind", latest.kind.label)
            # While the window is locked the notice names the ticket, not what it says.
            text = (
                self.tr("Unlock DutyDesk to read it.")
                if self.discreet
                else f"{kind}：{latest.description[:60]}\n{latest.reason}"
            )
            if len(new) > 1:
                text += "\n" + self.tr("and {n} more").format(n=len(new) - 1)
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Warning, 15_000)
        self.notices_changed.emit(notices)

    def _failed(self, exc: BaseException, trace: str) -> None:
        self._task = None
        # A busy database or a passing error must not stop the watch; the next minute retries.
        log.warning("escalation check failed: %s\n%s", exc, trace)

    def _message_clicked(self) -> None:
        if self._last_ticket is not None:
            self.open_ticket.emit(self._last_ticket)


class NoticesDialog(QDialog):
    """The escalations that reached the signed-in person: open one, or mark all as read."""

    def __init__(self, notices: list[Notice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Escalated to you"))
        self.chosen: int | None = None
        self.read_all = False
        intro = QLabel(
            self.tr("These tickets were escalated to your level. Open one to deal with it, or mark them as read.")
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        for notice in notices:
            kind = QCoreApplication.translate("TicketKind", notice.kind.label)
            item = QListWidgetItem(
                f"{notice.at:%m-%d %H:%M}  #{notice.ticket_id} {kind}：{notice.description[:50]} — {notice.reason}"
            )
            item.setData(0x0100, notice.ticket_id)
            self.list.addItem(item)
        buttons = QDialogButtonBox()
        self.open_button = buttons.addButton(self.tr("Open ticket"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.read_button = buttons.addButton(self.tr("Mark all as read"), QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.open_button.clicked.connect(self._open)
        self.read_button.clicked.connect(self._read)
        buttons.rejected.connect(self.reject)
        self.list.itemActivated.connect(lambda _item: self._open())
        if notices:
            self.list.setCurrentRow(0)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(640, 360)

    def _open(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen = int(item.data(0x0100))
            self.accept()

    def _read(self) -> None:
        self.read_all = True
        self.accept()
