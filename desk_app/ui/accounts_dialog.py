"""Accounts (supervisor and above): who may sign in, with which role; create, disable,
enable, and reset a forgotten password (approved by the supervisor's own password; the
temporary password is shown once and must be changed at the next sign-in).

The menu hides nothing that matters: ``AccountService`` checks the role of every call,
and a refusal is shown here like any other error.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
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
from desk_app.ui.password_dialog import enter_moves_on
from desk_app.ui.service_dialog import ServiceDialog
from desk_app.ui.widgets_common import PLAIN_STYLE, SIGN_IN_ERROR_STYLE

# ask_password(title, label) -> the password typed, or None when cancelled (tests answer it).
AskPassword = Callable[[str, str], str | None]


class AccountsDialog(ServiceDialog):
    error_style = SIGN_IN_ERROR_STYLE

    USERNAME, NAME, ROLE, ACTIVE, LOCKED, PASSWORD = range(6)

    def __init__(
        self,
        services: Services,
        actor: Actor,
        parent: QWidget | None = None,
        ask_password: AskPassword | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._ask_password = ask_password or self._ask_password_dialog
        self._accounts: list[AccountInfo] = []
        self.setWindowTitle(self.tr("Accounts — {app}").format(app=APP_TITLE))

        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("User name"),
                self.tr("Name"),
                self.tr("Role"),
                self.tr("Active"),
                self.tr("Locked until"),
                self.tr("Password"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        # Sized in _fit_columns: each column its longest text with room around it; the
        # last, the password's state, takes what is left.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.disable_button = QPushButton(self.tr("Disable"))
        self.enable_button = QPushButton(self.tr("Enable and unlock"))
        self.reset_button = QPushButton(self.tr("Reset password…"))
        self.disable_button.clicked.connect(lambda: self._set_active(False))
        self.enable_button.clicked.connect(lambda: self._set_active(True))
        self.reset_button.clicked.connect(self.reset_password)
        row_buttons = QHBoxLayout()
        row_buttons.addStretch(1)
        row_buttons.addWidget(self.reset_button)
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
        enter_moves_on([self.username, self.display_name, self.password, self.password_repeat], self.create_account)
        for button in (self.disable_button, self.enable_button, self.reset_button, self.create_button):
            button.setAutoDefault(False)  # Enter is the form's: a disabled default button swallowed it

        self.message.setStyleSheet(PLAIN_STYLE)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # a temporary password
        self.message.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        close_button.setAutoDefault(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row_buttons)
        layout.addWidget(create_box)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(760, 580)
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
                self.tr("reset: to be changed at the next sign-in") if info.must_change_password else "",
            ]
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
            if info.id == select_id:
                self.table.selectRow(row)
        self._fit_columns()
        self._update_buttons()

    def _fit_columns(self) -> None:
        """Name, role, state and time as wide as their longest text (header included) and
        a margin: ResizeToContents alone leaves the text touching the column's edge."""
        margin = 2 * self.table.fontMetrics().horizontalAdvance("M")
        for column in range(self.PASSWORD):
            self.table.resizeColumnToContents(column)
            self.table.setColumnWidth(column, self.table.columnWidth(column) + margin)

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
        # Someone else's, not of a higher role (the service decides in the end).
        self.reset_button.setEnabled(
            info is not None and info.id != self._actor.account_id and info.role.rank <= self._actor.role.rank
        )

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

    def reset_password(self) -> None:
        """A temporary password for the selected account, given by the supervisor's own
        password typed now; shown once, here, to hand to its owner."""
        info = self.selected()
        if info is None:
            return
        own = self._ask_password(
            self.tr("Reset password"),
            self.tr(
                "Reset the password of {name} ({username})?\n"
                "They get a temporary password and must choose their own at the next sign-in.\n\n"
                "Your password, {me}:"
            ).format(name=info.display_name, username=info.username, me=self._actor.display_name),
        )
        if own is None:
            return
        reset = self.attempt(lambda: self._services.accounts.reset_password(self._actor, own, info.id))
        if reset is None:
            return
        self.reload(select_id=reset.account.id)
        self.show_info(
            self.tr(
                "Temporary password for {username}: {password}\n"
                "Give it to {name} in person; it is shown only now. They choose their own at the next sign-in."
            ).format(
                username=reset.account.username, password=reset.temporary_password, name=reset.account.display_name
            )
        )

    def _ask_password_dialog(self, title: str, label: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, label, QLineEdit.EchoMode.Password)
        return text if ok else None

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
