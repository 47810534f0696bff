"""The 账号 menu: change one's password, lock the screen now (Ctrl+L); it owns the idle lock.

修改密码 is disabled, with the reason as its tooltip, for a town account (its password is
managed at the town grid center; the service refuses it anyway).

:func:`add_admin_sections` adds the settings tabs a role may use (station details,
accounts, audit log, retention); the services refuse everyone else anyway.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from station.domain.permissions import Permission, allowed
from station.services.users import UserInfo, get_user
from ui.context import AppContext
from ui.dialogs.change_password_dialog import ChangePasswordDialog
from ui.idle_lock import IdleLock
from ui.pages.audit_section import AuditSection
from ui.pages.retention_section import RetentionSection
from ui.pages.settings_page import SettingsPage
from ui.pages.station_settings_section import StationSettingsSection
from ui.pages.users_section import UsersSection


class AccountMenu(QMenu):
    def __init__(self, *, context: AppContext, parent: QWidget) -> None:
        super().__init__(self.tr("&Account"), parent)
        self.setObjectName("accountMenu")
        self.context = context
        self.password_dialog: ChangePasswordDialog | None = None
        self.idle_lock = IdleLock(
            runner=context.runner,
            actor=context.actor,
            minutes=context.settings.idle_lock_minutes,
            station_name=context.settings.station_name,
            window=parent,
            parent=self,
        )
        self.change_password_action = QAction(self.tr("Change password…"), self)
        self.change_password_action.triggered.connect(self.change_password)
        self.lock_action = QAction(self.tr("Lock now"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(self.idle_lock.lock_now)
        self.addAction(self.change_password_action)
        self.addAction(self.lock_action)
        self.setToolTipsVisible(True)
        parent.addAction(self.lock_action)  # the shortcut works with the menu closed
        self.town_account = False
        username = context.actor.username
        context.runner.query(
            lambda s: get_user(s, username=username),
            parent=self,
            success=self._show_account,
            failure=lambda _exc: None,  # e.g. the system actor: no account, nothing to change
            label="own account",
        )

    def _show_account(self, info: UserInfo) -> None:
        self.town_account = info.origin == "town"
        self.change_password_action.setEnabled(not self.town_account)
        reason = (
            self.tr(
                "Your account is managed by the town: change your password at the town grid center."
            )
            if self.town_account
            else ""
        )
        self.change_password_action.setToolTip(reason)
        self.change_password_action.setStatusTip(reason)

    def change_password(self) -> ChangePasswordDialog:
        dialog = ChangePasswordDialog(
            runner=self.context.runner, actor=self.context.actor, parent=self.parentWidget()
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.password_dialog = dialog
        dialog.open()
        return dialog


def add_admin_sections(
    page: SettingsPage, context: AppContext, *, idle_lock: IdleLock | None = None
) -> list[QWidget]:
    """Add the station, accounts, audit and retention tabs the actor's role may use;
    returns them."""
    role = context.actor.role
    added: list[QWidget] = []
    if allowed(role, Permission.MANAGE_SETTINGS):
        station = StationSettingsSection(context=context)
        if idle_lock is not None:
            station.sig_saved.connect(lambda p: idle_lock.set_minutes(p.idle_lock_minutes))
        page.add_section(QCoreApplication.translate("AccountMenu", "Station"), station)
        added.append(station)
    if allowed(role, Permission.MANAGE_USERS):
        users = UsersSection(context=context)
        page.add_section(QCoreApplication.translate("AccountMenu", "Accounts"), users)
        added.append(users)
    if allowed(role, Permission.VIEW_AUDIT):
        audit = AuditSection(context=context)
        page.add_section(QCoreApplication.translate("AccountMenu", "Audit log"), audit)
        added.append(audit)
    if allowed(role, Permission.ANONYMISE):
        kept = RetentionSection(context=context)
        page.add_section(QCoreApplication.translate("AccountMenu", "Retention"), kept)
        added.append(kept)
    return added
