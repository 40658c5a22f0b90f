"""The main window's menus: File, Admin, View → Language and Help, and their actions.

The actions stay the window's attributes (``window.accounts_action`` …) and their slots its
methods. The texts keep the context ``MainWindow`` they were first translated in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from desk_app.domain.roles import Role
from desk_app.ui import i18n

if TYPE_CHECKING:
    from desk_app.ui.main_window import MainWindow

LANGUAGE_NAMES = {i18n.CHINESE: "中文", i18n.ENGLISH: "English"}  # each in its own language


def _action(window: MainWindow, text: str, slot: Callable[[], object], shortcut: str = "") -> QAction:
    action = QAction(text, window)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(slot)
    return action


def _open_holidays(window: MainWindow) -> None:
    from desk_app.ui.holidays_dialog import open_holidays

    open_holidays(window)


def build_menus(window: MainWindow) -> None:
    bar = window.menuBar()
    file_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&File"))
    window.new_entry_action = _action(
        window, QCoreApplication.translate("MainWindow", "&New log entry"), window.new_log_entry, "Ctrl+N"
    )
    window.addAction(window.new_entry_action)  # works with the menu bar hidden or locked too
    file_menu.addAction(window.new_entry_action)
    window.check_page_action = _action(
        window, QCoreApplication.translate("MainWindow", "&Check a printed page…"), window.open_page_check
    )
    file_menu.addAction(window.check_page_action)
    file_menu.addSeparator()
    window.change_password_action = _action(
        window, QCoreApplication.translate("MainWindow", "Change &password…"), window.change_password
    )
    file_menu.addAction(window.change_password_action)  # everyone's own
    window.sign_out_action = _action(
        window, QCoreApplication.translate("MainWindow", "Sign &out"), window.sign_out, "Ctrl+Shift+L"
    )
    window.quit_action = _action(window, QCoreApplication.translate("MainWindow", "&Quit"), window.close, "Ctrl+Q")
    file_menu.addAction(window.sign_out_action)
    file_menu.addSeparator()
    file_menu.addAction(window.quit_action)

    # Conveniences only: the services refuse a clerk whatever the menu says.
    supervisor = window.actor.role.at_least(Role.SUPERVISOR)
    admin_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Admin"))
    window.accounts_action = _action(
        window, QCoreApplication.translate("MainWindow", "&Accounts…"), window.open_accounts
    )
    if not supervisor:
        window.accounts_action.setStatusTip(
            QCoreApplication.translate("MainWindow", "Only a supervisor or manager manages accounts.")
        )
    window.ticket_rules_action = _action(
        window, QCoreApplication.translate("MainWindow", "&Ticket rules and price list…"), window.open_ticket_rules
    )
    window.backup_action = _action(
        window, QCoreApplication.translate("MainWindow", "&Backups and locking…"), window.open_backups
    )
    window.mail_action = _action(window, QCoreApplication.translate("MainWindow", "&Mail server…"), window.open_mail)
    window.holidays_action = _action(
        window, QCoreApplication.translate("MainWindow", "&Holiday schedule…"), lambda: _open_holidays(window)
    )
    admin_actions = (window.accounts_action, window.ticket_rules_action, window.holidays_action)
    for action in (*admin_actions, window.backup_action, window.mail_action):
        action.setEnabled(supervisor)
        admin_menu.addAction(action)

    view_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&View"))
    language_menu = view_menu.addMenu(QCoreApplication.translate("MainWindow", "&Language"))
    window.language_group = QActionGroup(window)
    window.language_actions = {}
    current = i18n.language()
    for code in i18n.LANGUAGES:
        language = QAction(LANGUAGE_NAMES[code], window, checkable=True)
        language.setChecked(code == current)
        language.setData(code)
        language.triggered.connect(lambda _checked=False, c=code: window.choose_language(c))
        window.language_group.addAction(language)
        language_menu.addAction(language)
        window.language_actions[code] = language

    help_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    window.about_action = _action(
        window, QCoreApplication.translate("MainWindow", "&About DutyDesk"), window.show_about
    )
    help_menu.addAction(window.about_action)
