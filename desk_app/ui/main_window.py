"""The main window: four tabs, the idle lock, and who is on duty in the status bar (its
menus are made by ``main_menus``)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QWidget,
)
from shiboken6 import Shiboken

from desk_app import __version__
from desk_app.domain.errors import DeskError
from desk_app.domain.roles import Actor
from desk_app.paths import log_dir
from desk_app.services.container import Services
from desk_app.services.tickets import Notice
from desk_app.storage.database import displayed_url, sqlite_path
from desk_app.ui import i18n
from desk_app.ui.accounts_dialog import AccountsDialog
from desk_app.ui.drafts import DraftKeeper
from desk_app.ui.escalation_watch import EscalationWatch, NoticesDialog
from desk_app.ui.holidays_dialog import HolidayNotice, install_holiday_notice
from desk_app.ui.i18n import APP_TITLE, role_label, translate_error
from desk_app.ui.idle_lock import IdleWatch, LockPage
from desk_app.ui.main_menus import LANGUAGE_NAMES, build_menus
from desk_app.ui.tasks import TaskRunner
from desk_app.ui.widgets_common import ALERT_STYLE, WARNING_STYLE

if TYPE_CHECKING:
    from desk_app.ui.handover_tab import HandoverTab
    from desk_app.ui.roster_tab import RosterTab
    from desk_app.ui.ticket_tab import TicketTab

log = logging.getLogger(__name__)

TabFactory = Callable[[Services, Actor, QWidget], QWidget]

GEOMETRY_KEY = "main_window/geometry"
STATE_KEY = "main_window/state"
STATUS_REFRESH_MS = 60_000
OUT_OF_SIGHT = QPoint(-32000, -32000)


def _default_log_tab(services: Services, actor: Actor, parent: QWidget) -> QWidget:
    from desk_app.ui.log_tab import LogTab  # imported late: the heaviest part of the window

    return LogTab(services, actor, parent)


def _handover_tab(services: Services, actor: Actor, parent: QWidget) -> HandoverTab:
    from desk_app.ui.handover_tab import HandoverTab

    return HandoverTab(services, actor, parent)


def _ticket_tab(services: Services, actor: Actor, parent: QWidget) -> TicketTab:
    from desk_app.ui.ticket_tab import TicketTab

    return TicketTab(services, actor, parent)


def _roster_tab(services: Services, actor: Actor, parent: QWidget) -> RosterTab:
    from desk_app.ui.roster_tab import RosterTab

    return RosterTab(services, actor, parent)


class MainWindow(QMainWindow):
    signed_out = Signal()  # the person signed out; the window is closed
    closed = Signal()  # the window was closed to quit
    handed_over = Signal(object)  # the handover is signed: the window closed for this incoming Actor
    # The menus' actions, made by main_menus.build_menus.
    new_entry_action: QAction
    check_page_action: QAction
    sign_out_action: QAction
    change_password_action: QAction
    quit_action: QAction
    accounts_action: QAction
    ticket_rules_action: QAction
    backup_action: QAction
    holidays_action: QAction
    holiday_notice: HolidayNotice  # a supervisor's sign-in notice of unconfirmed holidays
    mail_action: QAction
    language_group: QActionGroup
    language_actions: dict[str, QAction]
    about_action: QAction

    def __init__(
        self,
        services: Services,
        actor: Actor,
        log_tab_factory: TabFactory | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self.actor = actor
        self._signing_out = False
        self._handing_to: Actor | None = None
        self._shown_once = False
        self.setObjectName("MainWindow")  # saveState needs object names
        self.setWindowTitle(f"{services.desk.info().name} — {APP_TITLE}")
        # Every background task of the window's tabs, dialogs and watches; cancelled and
        # ended when the window closes (signing out included).
        self.task_runner = TaskRunner(self)

        self.tabs = QTabWidget(self)  # a parent at once: the tabs find the runner above them
        self.tabs.setDocumentMode(True)
        self.log_tab = (log_tab_factory or _default_log_tab)(services, actor, self.tabs)
        self.tabs.addTab(self.log_tab, self.tr("Shift log"))
        self.handover_tab = _handover_tab(services, actor, self.tabs)
        self.tabs.addTab(self.handover_tab, self.tr("Handover"))
        self.ticket_tab = _ticket_tab(services, actor, self.tabs)
        self.tabs.addTab(self.ticket_tab, self.tr("Tickets"))
        self.roster_tab = _roster_tab(services, actor, self.tabs)
        self.tabs.addTab(self.roster_tab, self.tr("Roster"))
        # The tabs, and the lock page that hides them after the idle time.
        self.idle_minutes = services.desk.idle_lock_minutes()
        self.lock_page = LockPage(services, actor, self.idle_minutes, self)
        self.lock_page.unlocked.connect(self.unlock)
        self.lock_page.switch_user.connect(self._switch_user_from_lock)
        self.locked_cover = QLabel(self.tr("Locked"))  # what stands where the tabs were
        self.locked_cover.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tabs)
        self.stack.addWidget(self.locked_cover)
        self.setCentralWidget(self.stack)
        # Open dialogs while locked: moved out of sight and disabled, not closed, so what
        # someone was typing is still there after the unlock.
        self._put_away: list[tuple[QWidget, QPoint, bool]] = []
        self.idle_watch = IdleWatch(services.clock, self.idle_minutes, self)
        self.idle_watch.idle.connect(self.lock)
        self.idle_watch.start()

        build_menus(self)
        # Ctrl+N lands on the log's entry line from any tab (the tab's own is switched off).
        own_shortcut = getattr(self.log_tab, "new_entry_shortcut", None)
        if own_shortcut is not None:
            own_shortcut.setEnabled(False)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.person_label = QLabel()
        self.shift_label = QLabel()
        self.handover_label = QLabel()  # "overdue by N minutes" while a handover waits
        self.handover_label.setStyleSheet(ALERT_STYLE)
        self.handover_label.setVisible(False)
        self.reminder_label = QLabel()  # "早班 ends at 16:00, in 13 minutes": counts down, then goes
        self.reminder_label.setStyleSheet(WARNING_STYLE)
        self.reminder_label.setVisible(False)
        self.notices_button = QPushButton()  # "3 escalated to you": opens the list
        self.notices_button.setFlat(True)
        self.notices_button.setStyleSheet(ALERT_STYLE)
        self.notices_button.setVisible(False)
        self.notices_button.clicked.connect(self.show_notices)
        for label in (self.person_label, self.shift_label, self.reminder_label, self.handover_label):
            label.setContentsMargins(8, 0, 8, 0)
        separator = QFrame()
        separator.setFrameShape(QFrame.Shape.VLine)
        separator.setFrameShadow(QFrame.Shadow.Sunken)
        self.statusBar().addPermanentWidget(self.person_label)
        self.statusBar().addPermanentWidget(separator)
        self.statusBar().addPermanentWidget(self.shift_label)
        self.statusBar().addPermanentWidget(self.reminder_label)
        self.statusBar().addPermanentWidget(self.handover_label)
        self.statusBar().addPermanentWidget(self.notices_button)
        self.handover_tab.status_changed.connect(self._show_handover_status)
        self.handover_tab.reminder.connect(self._show_reminder)
        self.handover_tab.handed_over.connect(self.hand_over)
        self.handover_tab.refresh()  # the signals are connected now
        self.status_timer = QTimer(self)
        self.status_timer.setInterval(STATUS_REFRESH_MS)
        self.status_timer.timeout.connect(self.refresh_status)
        self.status_timer.start()
        self.refresh_status()
        self._restore_window_state()
        # Escalations: checked now (what reached this person while they were away is shown
        # on sign-in) and every minute while the program runs.
        self._notices_shown_at_sign_in = False
        self.escalation_watch = EscalationWatch(services, actor, self)
        self.escalation_watch.notices_changed.connect(self._notices_changed)
        self.escalation_watch.open_ticket.connect(self.open_ticket)
        self.escalation_watch.start()
        install_holiday_notice(self, services)  # the next 60 days' holidays not confirmed: said at sign-in

    # -- the menus' actions (built in main_menus) --------------------------------------------
    def open_accounts(self) -> None:
        AccountsDialog(self._services, self.actor, self).exec()

    def change_password(self) -> None:
        from desk_app.ui.password_dialog import ChangePasswordDialog

        if ChangePasswordDialog(self._services, self.actor, self).exec() == QDialog.DialogCode.Accepted:
            self.statusBar().showMessage(self.tr("Your password was changed."), 10_000)

    def open_page_check(self) -> None:
        from desk_app.ui.page_check_dialog import PageCheckDialog

        PageCheckDialog(self._services, self).exec()

    def open_mail(self) -> None:
        from desk_app.ui.mail_dialog import MailDialog

        MailDialog(self).exec()

    def open_backups(self) -> None:
        from desk_app.ui.backup_dialog import BackupDialog

        BackupDialog(self._services, self.actor, self).exec()

    def open_ticket_rules(self) -> None:
        from desk_app.ui.ticket_rules_dialog import TicketRulesDialog

        TicketRulesDialog(self._services, self.actor, self).exec()

    def choose_language(self, code: str) -> None:
        if code == i18n.language():
            return
        i18n.set_language(code)
        QMessageBox.information(
            self,
            APP_TITLE,
            self.tr("The language is now {language}. It takes effect when DutyDesk is started again.").format(
                language=LANGUAGE_NAMES[code]
            ),
        )

    def show_about(self) -> None:
        db_file = sqlite_path(self._services.db.url)
        QMessageBox.about(
            self,
            self.tr("About DutyDesk"),
            self.tr(
                "{app} {version}\n\nShift log, handover, tickets and roster for a reception duty desk.\n\n"
                "Database: {database}\nLog files: {logs}"
            ).format(
                app=APP_TITLE,
                version=__version__,
                database=db_file if db_file is not None else displayed_url(self._services.db.url),
                logs=log_dir(),
            ),
        )

    # -- the keyboard's place ----------------------------------------------------------
    def new_log_entry(self) -> None:
        """Ctrl+N: the shift log, with the cursor in the entry line."""
        if self.locked:
            return
        self.tabs.setCurrentWidget(self.log_tab)
        self.focus_current_tab()

    def focus_current_tab(self) -> None:
        """Where the keyboard belongs when a tab is shown: the log's entry line."""
        if self.locked or self.tabs.currentWidget() is not self.log_tab:
            return
        focus = getattr(self.log_tab, "focus_entry", None)
        if callable(focus):
            self.activateWindow()
            focus()

    def _tab_changed(self, _index: int) -> None:
        DraftKeeper.flush_all(self)
        self.focus_current_tab()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            # After the window is on screen and active: the first key goes to the entry line.
            QTimer.singleShot(0, self.focus_current_tab)

    # -- status bar ------------------------------------------------------------------
    def refresh_status(self) -> None:
        self.person_label.setText(
            self.tr("Signed in: {name} ({username}), {role}").format(
                name=self.actor.display_name, username=self.actor.username, role=role_label(self.actor.role)
            )
        )
        self.handover_tab.refresh_reminder()  # the minutes left, by the clock, now
        try:
            shift = self._services.desk.shift_at()  # None: no shift is running
        except DeskError as exc:
            self.shift_label.setText(translate_error(exc))
            return
        if shift is None:
            self.shift_label.setText(self.tr("No shift is running now"))
        else:
            self.shift_label.setText(
                self.tr("Current shift: {shift} {span}, {date}").format(
                    shift=shift.template.name,
                    span=shift.template.span_text(),
                    date=shift.shift_date.isoformat(),
                )
            )

    def _notices_changed(self, notices: list[Notice]) -> None:
        self.notices_button.setText(self.tr("{n} escalated to you").format(n=len(notices)))
        self.notices_button.setVisible(bool(notices))
        if notices and not self._notices_shown_at_sign_in:
            self._notices_shown_at_sign_in = True
            QTimer.singleShot(0, self.show_notices)

    def show_notices(self) -> None:
        notices = self.escalation_watch.notices
        if not notices:
            return
        dialog = NoticesDialog(notices, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished(_result: int) -> None:
            if dialog.read_all:
                self.escalation_watch.acknowledge([n.id for n in notices])
            elif dialog.chosen is not None:
                self.open_ticket(dialog.chosen)

        dialog.finished.connect(finished)
        dialog.open()
        self.notices_dialog = dialog

    def open_ticket(self, ticket_id: int) -> None:
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()
        self.tabs.setCurrentWidget(self.ticket_tab)
        self.ticket_tab.show_ticket(ticket_id)

    # -- the idle lock -----------------------------------------------------------------------
    @property
    def locked(self) -> bool:
        return self.stack.currentWidget() is self.locked_cover

    def lock(self) -> None:
        """Hide every record: the tabs, the menus, the notices and any open dialog."""
        if self.locked:
            return
        DraftKeeper.flush_all(self)  # what was typed is on disk before the records hide
        self._put_away = []
        for widget in QApplication.topLevelWidgets():
            if widget is self or widget is self.lock_page or not widget.isVisible():
                continue
            self._put_away.append((widget, widget.pos(), widget.isEnabled()))
            widget.setEnabled(False)
            widget.move(OUT_OF_SIGHT)
        self.stack.setCurrentWidget(self.locked_cover)
        self.escalation_watch.discreet = True
        self.menuBar().setEnabled(False)
        self.notices_button.setEnabled(False)
        self.lock_page.show()  # not open(): that would make it only window-modal
        self.lock_page.raise_()
        self.lock_page.activateWindow()
        self.lock_page.password.setFocus()

    def unlock(self) -> None:
        self.stack.setCurrentWidget(self.tabs)
        self.escalation_watch.discreet = False
        self.menuBar().setEnabled(True)
        self.notices_button.setEnabled(True)
        for widget, position, enabled in self._put_away:
            if Shiboken.isValid(widget):
                widget.move(position)
                widget.setEnabled(enabled)
        self._put_away = []
        self.idle_watch.last = self._services.clock.now()
        self.focus_current_tab()

    def _switch_user_from_lock(self) -> None:
        """The next person: the previous one's open dialogs are cancelled, then sign-out."""
        self.lock_page.hide()
        for widget, _position, _enabled in self._put_away:
            if Shiboken.isValid(widget) and isinstance(widget, QDialog):
                widget.reject()
        self._put_away = []
        self.sign_out()

    def show_backup_failure(self, reason: str) -> None:
        """The daily backup failed (tried again every hour): say so until it works."""
        self.statusBar().showMessage(self.tr("The daily backup failed: {reason}").format(reason=reason))

    def _show_reminder(self, text: str) -> None:
        self.reminder_label.setText(text)
        self.reminder_label.setVisible(bool(text))

    def _show_handover_status(self, text: str) -> None:
        self.handover_label.setText(text)
        self.handover_label.setVisible(bool(text))

    # -- signing out and closing -------------------------------------------------------
    def sign_out(self) -> None:
        self._signing_out = True
        if not self.close():
            self._signing_out = False

    def hand_over(self, incoming: Actor) -> None:
        """Both clerks signed the handover: the outgoing clerk is signed out and the window
        is made again for the incoming one, who has just typed their password to sign."""
        self._handing_to = incoming
        self.sign_out()
        if not self._signing_out:  # the close was refused
            self._handing_to = None

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        veto = getattr(self.log_tab, "can_close", None)
        if callable(veto) and not veto():
            event.ignore()
            return
        self.handover_tab.save_open_work()
        DraftKeeper.flush_all(self)
        self.status_timer.stop()
        self.escalation_watch.stop()
        self.idle_watch.stop()
        self.task_runner.shutdown()
        self.save_window_state()
        super().closeEvent(event)
        self._services.accounts.sign_out(self.actor)  # the window's sign-in ends with it
        log.info("%s: %s", "signed out" if self._signing_out else "window closed", self.actor.username)
        if self._handing_to is not None:
            log.info("handed over to %s", self._handing_to.username)
            self.handed_over.emit(self._handing_to)
        elif self._signing_out:
            self.signed_out.emit()
        else:
            self.closed.emit()

    def save_window_state(self) -> None:
        settings = QSettings()
        settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        settings.setValue(STATE_KEY, self.saveState())

    def _restore_window_state(self) -> None:
        settings = QSettings()
        geometry = settings.value(GEOMETRY_KEY)
        if geometry is None or not self.restoreGeometry(geometry):
            screen = self.screen().availableGeometry()
            self.resize(min(1280, screen.width() * 9 // 10), min(800, screen.height() * 9 // 10))
        state = settings.value(STATE_KEY)
        if state is not None:
            self.restoreState(state)

    def current_tab_title(self) -> str:
        return self.tabs.tabText(self.tabs.currentIndex())

    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(i) for i in range(self.tabs.count())]
