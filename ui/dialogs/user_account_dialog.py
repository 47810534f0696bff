"""The admin's account form: a new account, a password reset, or a role change."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from station.domain.enums import Role
from station.services import users
from station.services.events import Actor
from station.services.users import MIN_PASSWORD, UserInfo
from ui.task_runner import DbSession, TaskRunner
from ui.widgets.form_errors import FormErrors, field_box
from ui.widgets.password_form import ok_cancel_buttons, password_edit


class AccountForm(Enum):
    ADD = "add"
    RESET = "reset"
    ROLE = "role"


class UserAccountDialog(QDialog):
    """One form, three uses; the service decides (and audits) everything."""

    sig_saved = Signal(object)  # the UserInfo

    def __init__(
        self,
        *,
        runner: TaskRunner,
        actor: Actor,
        form: AccountForm,
        user: UserInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("userAccountDialog")
        self._runner = runner
        self._actor = actor
        self.form = form
        self.user = user
        self.errors = FormErrors()
        who = (user.display_name or user.username) if user else ""
        titles = {
            AccountForm.ADD: self.tr("New account"),
            AccountForm.RESET: self.tr("Reset password of %1").replace("%1", who),
            AccountForm.ROLE: self.tr("Change role of %1").replace("%1", who),
        }
        self.setWindowTitle(titles[form])

        self.username_edit = QLineEdit()
        self.username_edit.setMaxLength(40)
        self.display_name_edit = QLineEdit()
        self.display_name_edit.setMaxLength(40)
        self.role_combo = QComboBox()
        for role in Role:
            self.role_combo.addItem(role.label, role.value)
        if user is not None:
            self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(user.role)))
        self.password_edit = password_edit(
            placeholder=self.tr("At least %1 characters").replace("%1", str(MIN_PASSWORD))
        )
        self.repeat_edit = password_edit()

        form_layout = QFormLayout()

        def row(label: str, widget: QWidget, field: str) -> None:
            form_layout.addRow(label, field_box(widget, self.errors.add(field, widget)))

        note = ""
        if form is AccountForm.ADD:
            row(self.tr("&Username"), self.username_edit, "username")
            row(self.tr("&Name"), self.display_name_edit, "display_name")
            row(self.tr("&Role"), self.role_combo, "role")
            row(self.tr("&Password"), self.password_edit, "password")
            row(self.tr("Repea&t password"), self.repeat_edit, "repeat_password")
            note = self.tr("The new colleague chooses their own password at the first login.")
        elif form is AccountForm.RESET:
            row(self.tr("&New password"), self.password_edit, "new_password")
            row(self.tr("Repea&t password"), self.repeat_edit, "repeat_password")
            note = self.tr(
                "Give the new password to the colleague in person. They choose their own at "
                "the next login; a lock after wrong passwords is lifted."
            )
        else:
            row(self.tr("&Role"), self.role_combo, "role")
            note = self.tr("The new role applies from the colleague's next login.")
        hint = QLabel(note)
        hint.setObjectName("hint")
        hint.setWordWrap(True)

        self.buttons, self.save_button = ok_cancel_buttons(
            self, ok_text=self.tr("Save"), cancel_text=self.tr("Cancel"), submit=self.submit
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form_layout)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def submit(self) -> None:
        if not self.save_button.isEnabled():
            return
        self.errors.clear_all()
        if (
            self.form is not AccountForm.ROLE
            and self.password_edit.text() != self.repeat_edit.text()
        ):
            self.errors.show("repeat_password", self.tr("The two passwords differ."))
            self.repeat_edit.setFocus()
            return
        op = self._operation()
        self.save_button.setEnabled(False)
        self._runner.mutate(
            op, parent=self, success=self._saved, failure=self._failed, label="user account"
        )

    def _operation(self) -> Callable[[DbSession], UserInfo]:
        actor, password = self._actor, self.password_edit.text()
        role = str(self.role_combo.currentData())
        if self.form is AccountForm.ADD:
            username, name = self.username_edit.text(), self.display_name_edit.text()
            return lambda s: users.add_user(
                s, actor=actor, username=username, display_name=name, role=role, password=password
            )
        assert self.user is not None
        target = self.user.username
        if self.form is AccountForm.RESET:
            return lambda s: users.reset_password(
                s, actor=actor, username=target, new_password=password
            )
        return lambda s: users.set_role(s, actor=actor, username=target, role=role)

    def _saved(self, info: UserInfo) -> None:
        self.save_button.setEnabled(True)
        self.sig_saved.emit(info)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.errors.show_failure(exc, parent=self)
