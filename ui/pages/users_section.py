"""设置 › 账号: the station's accounts, for the station admin.

List every account with its role and state; add one, reset a password, change a role,
disable or enable. Each button runs one audited service call; the list reloads after it.
Town accounts (来源 镇统一账号) get their password and role at the town center, so those two
buttons are disabled for them; disabling one stays possible here as a local emergency measure.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station.services import users
from station.services.users import UserInfo
from ui.ask import confirm
from ui.context import AppContext
from ui.dialogs.user_account_dialog import AccountForm, UserAccountDialog
from ui.errors import show_exception
from ui.formatting import format_table_datetime
from ui.widgets.list_table import make_record_table


class UsersSection(QWidget):
    """The account table and its actions (admins only: the services refuse anyone else)."""

    sig_loaded = Signal(object)  # the list of UserInfo shown

    def __init__(self, *, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usersSection")
        self.context = context
        self.rows: list[UserInfo] = []
        self.dialog: UserAccountDialog | None = None
        self._select_after_load = ""

        intro = QLabel(
            self.tr(
                "Everyone who works at this station logs in with their own account. "
                "Disabled accounts keep their history but can no longer log in."
            )
        )
        intro.setWordWrap(True)
        intro.setObjectName("hint")
        self.table = make_record_table(
            object_name="usersTable",
            headers=[
                self.tr("Username"),
                self.tr("Name"),
                self.tr("Role"),
                self.tr("Source"),
                self.tr("State"),
                self.tr("Last login"),
            ],
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.change_role())

        self.add_button = QPushButton(self.tr("New account…"))
        self.reset_button = QPushButton(self.tr("Reset password…"))
        self.role_button = QPushButton(self.tr("Change role…"))
        self.active_button = QPushButton(self.tr("Disable"))
        self.add_button.clicked.connect(self.add_user)
        self.reset_button.clicked.connect(self.reset_password)
        self.role_button.clicked.connect(self.change_role)
        self.active_button.clicked.connect(self.toggle_active)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.reset_button, self.role_button, self.active_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.town_hint = QLabel()
        self.town_hint.setObjectName("hint")
        self.town_hint.setWordWrap(True)
        self.town_hint.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.town_hint)
        layout.addWidget(self.table, 1)
        self._update_buttons()

    # ----------------------------------------------------------------- loading

    def showEvent(self, event: QShowEvent) -> None:
        """Fresh from the database each time the tab comes into view."""
        super().showEvent(event)
        self.load()

    def load(self) -> None:
        actor = self.context.actor
        self.context.runner.query(
            lambda s: users.list_users(s, actor=actor),
            parent=self,
            success=self._show,
            label="users",
        )

    def _show(self, rows: list[UserInfo]) -> None:
        selected = self.selected()
        wanted = self._select_after_load or (selected.username if selected else "")
        self._select_after_load = ""
        self.rows = rows
        now = datetime.now()
        self.table.setRowCount(len(rows))
        for r, user in enumerate(rows):
            values = [
                user.username,
                user.display_name,
                user.role_label,
                self._origin(user),
                self._state(user, now),
                format_table_datetime(user.last_login_at) if user.last_login_at else "",
            ]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if not user.active:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(r, c, item)
            if user.username == wanted:
                self.table.selectRow(r)
        self._update_buttons()
        self.sig_loaded.emit(rows)

    def _origin(self, user: UserInfo) -> str:
        return self.tr("Town account") if user.origin == "town" else self.tr("This station")

    def _state(self, user: UserInfo, now: datetime) -> str:
        if not user.active:
            return self.tr("Disabled")
        if user.locked_at(now):
            assert user.locked_until is not None
            return self.tr("Locked until %1").replace("%1", f"{user.locked_until:%H:%M}")
        if user.must_change_password:
            return self.tr("Must change password")
        return self.tr("Active")

    def selected(self) -> UserInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    def select(self, username: str) -> None:
        for r, user in enumerate(self.rows):
            if user.username == username:
                self.table.selectRow(r)

    def _update_buttons(self) -> None:
        user = self.selected()
        town = user is not None and user.origin == "town"
        for button in (self.reset_button, self.role_button, self.active_button):
            button.setEnabled(user is not None and not (town and button is not self.active_button))
        managed_there = self.tr(
            "This account is managed by the town: reset its password or change its role "
            "at the town grid center. Disabling it here stays possible in an emergency."
        )
        self.reset_button.setToolTip(managed_there if town else "")
        self.role_button.setToolTip(managed_there if town else "")
        self.town_hint.setText(managed_there if town else "")
        self.town_hint.setVisible(town)
        self.active_button.setText(
            self.tr("Enable") if user is not None and not user.active else self.tr("Disable")
        )

    # ----------------------------------------------------------------- actions

    def _open(self, form: AccountForm, user: UserInfo | None) -> UserAccountDialog:
        dialog = UserAccountDialog(
            runner=self.context.runner, actor=self.context.actor, form=form, user=user, parent=self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_saved.connect(self._saved)
        self.dialog = dialog
        dialog.open()
        return dialog

    def add_user(self) -> UserAccountDialog:
        return self._open(AccountForm.ADD, None)

    def reset_password(self) -> UserAccountDialog | None:
        user = self.selected()
        return self._open(AccountForm.RESET, user) if user and user.origin != "town" else None

    def change_role(self) -> UserAccountDialog | None:
        user = self.selected()
        return self._open(AccountForm.ROLE, user) if user and user.origin != "town" else None

    def toggle_active(self) -> None:
        user = self.selected()
        if user is None:
            return
        name = user.display_name or user.username
        if user.active and not confirm(
            self,
            text=self.tr("Disable the account of %1?").replace("%1", name),
            informative=self.tr("They can no longer log in. Their work stays on record."),
            confirm_text=self.tr("Disable"),
            cancel_text=self.tr("Cancel"),
        ):
            return
        actor, username, active = self.context.actor, user.username, not user.active
        self.context.runner.mutate(
            lambda s: users.set_active(s, actor=actor, username=username, active=active),
            parent=self,
            success=self._saved,
            failure=lambda exc: show_exception(self, exc),
            label="user active",
        )

    def _saved(self, info: UserInfo) -> None:
        message = self.tr("Account %1 saved.").replace("%1", info.username)
        window = self.window()
        status = getattr(window, "statusBar", None)
        if callable(status):
            status().showMessage(message, 5000)
        self._select_after_load = info.username
        self.load()
