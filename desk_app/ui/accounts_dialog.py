"""Accounts (supervisor and above): who may sign in, with which role; create, disable, enable.

The menu hides nothing that matters: ``AccountService`` checks the role of every call,
and a refusal is shown here like any other error.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.roles import Actor, Role
from desk_app.services.accounts import AccountInfo
from desk_app.services.container import Services
from desk_app.ui.i18n import APP_TITLE, role_label
from desk_app.ui.service_dialog import ServiceDialog
from desk_app.ui.widgets_common import PLAIN_STYLE, SIGN_IN_ERROR_STYLE


class AccountsDialog(ServiceDialog):
    error_style = SIGN_IN_ERROR_STYLE

    USERNAME, NAME, ROLE, ACTIVE, LOCKED = range(5)

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._accounts: list[AccountInfo] = []
        self.setWindowTitle(self.tr("Accounts — {app}").format(app=APP_TITLE))

        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("User name"), self.tr("Name"), self.tr("Role"), self.tr("Active"), self.tr("Locked until")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.disable_button = QPushButton(self.tr("Disable"))
        self.enable_button = QPushButton(self.tr("Enable and unlock"))
        self.disable_button.clicked.connect(lambda: self._set_active(False))
        self.enable_button.clicked.connect(lambda: self._set_active(True))
        row_buttons = QHBoxLayout()
        row_buttons.addStretch(1)
        row_buttons.addWidget(self.disable_button)
        row_buttons.addWidget(self.enable_button)

        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("Latin letters and digits, for example wangli"))
        self.display_name = QLineEdit()
        self.display_name.setPlaceholderText(self.tr("as printed on the forms, for example 王丽"))
        self.role = QComboBox()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_repeat = QLineEdit()
        self.password_repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.create_button = QPushButton(self.tr("Create account"))
        self.create_button.clicked.connect(self.create_account)
        create_box = QGroupBox(self.tr("New account"))
        form = QFormLayout(create_box)
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Name:"), self.display_name)
        form.addRow(self.tr("Role:"), self.role)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Repeat password:"), self.password_repeat)
        form.addRow("", self.create_button)

        self.message.setStyleSheet(PLAIN_STYLE)
        self.message.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row_buttons)
        layout.addWidget(create_box)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(680, 560)
        self.reload()

    # -- the list --------------------------------------------------------------------
    def reload(self, select_id: int | None = None) -> None:
        accounts = self.attempt(lambda: self._services.accounts.list_accounts(self._actor))
        self._accounts = accounts if accounts is not None else []
        if accounts is None:
            for widget in (self.create_button, self.username, self.display_name, self.password, self.password_repeat):
                widget.setEnabled(False)
        self._fill_roles()
        tz = self._services.desk.info().tz
        now = self._services.clock.now()
        self.table.setRowCount(len(self._accounts))
        for row, info in enumerate(self._accounts):
            locked = _format_time(info.locked_until, tz) if info.locked_until and info.locked_until > now else ""
            values = [
                info.username,
                info.display_name,
                role_label(info.role),
                self.tr("yes") if info.active else self.tr("no (disabled)"),
                locked,
            ]
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
            if info.id == select_id:
                self.table.selectRow(row)
        self._update_buttons()

    def _fill_roles(self) -> None:
        """Roles up to one's own; and Manager while the desk has none (the service lets a
        supervisor create the first manager, and decides in the end)."""
        current = self.role.currentData()
        has_manager = any(a.role is Role.MANAGER and a.active for a in self._accounts)
        self.role.clear()
        for role in Role:
            if role.rank <= self._actor.role.rank or (role is Role.MANAGER and not has_manager):
                self.role.addItem(role_label(role), role.value)
        self.role.setCurrentIndex(max(0, self.role.findData(current)))

    def selected(self) -> AccountInfo | None:
        row = self.table.currentRow()
        if not self.table.selectionModel().hasSelection() or not 0 <= row < len(self._accounts):
            return None
        return self._accounts[row]

    def select_username(self, username: str) -> None:
        for row, info in enumerate(self._accounts):
            if info.username == username:
                self.table.selectRow(row)

    def _update_buttons(self) -> None:
        info = self.selected()
        now = self._services.clock.now()
        locked = info is not None and info.locked_until is not None and info.locked_until > now
        self.disable_button.setEnabled(info is not None and info.active and info.id != self._actor.account_id)
        self.enable_button.setEnabled(info is not None and (not info.active or locked))

    # -- actions ---------------------------------------------------------------------
    def _set_active(self, active: bool) -> None:
        info = self.selected()
        if info is None:
            return
        changed = self.attempt(lambda: self._services.accounts.set_active(self._actor, info.id, active))
        if changed is None:
            return
        if active:
            self.show_info(self.tr("{username} can sign in again.").format(username=changed.username))
        else:
            self.show_info(self.tr("{username} can no longer sign in.").format(username=changed.username))
        self.reload(select_id=changed.id)

    def create_account(self) -> None:
        if self.password.text() != self.password_repeat.text():
            self.show_error(self.tr("The two passwords are not the same."))
            self.password_repeat.clear()
            self.password_repeat.setFocus()
            return
        info = self.attempt(
            lambda: self._services.accounts.create(
                self._actor,
                self.username.text(),
                self.display_name.text(),
                self.password.text(),
                Role(self.role.currentData()),
            )
        )
        if info is None:
            return
        for edit in (self.username, self.display_name, self.password, self.password_repeat):
            edit.clear()
        self.show_info(self.tr("Account {username} created.").format(username=info.username))
        self.reload(select_id=info.id)
        self.username.setFocus()

    def show_info(self, text: str) -> None:
        self.show_message(text, PLAIN_STYLE)


def _format_time(instant: datetime, tz: ZoneInfo) -> str:
    return instant.astimezone(tz).strftime("%Y-%m-%d %H:%M")
