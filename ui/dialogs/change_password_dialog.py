"""Change one's own password: the current one, the new one twice."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from station.services.events import Actor
from station.services.users import MIN_PASSWORD, UserInfo, change_password
from ui.task_runner import TaskRunner
from ui.widgets.form_errors import FormErrors, field_box
from ui.widgets.password_form import ok_cancel_buttons, password_edit


class ChangePasswordDialog(QDialog):
    """``forced``: after an admin set the password, the person picks their own first."""

    sig_changed = Signal(object)  # the UserInfo

    def __init__(
        self,
        *,
        runner: TaskRunner,
        actor: Actor,
        forced: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("changePasswordDialog")
        self._runner = runner
        self._actor = actor
        self.errors = FormErrors()
        self.setWindowTitle(self.tr("Change password"))
        intro = QLabel(
            self.tr(
                "Your password was set by the station administrator. Choose your own "
                "password before you start work."
            )
            if forced
            else self.tr("Choose a new password for %1.").replace(
                "%1", actor.display_name or actor.username
            )
        )
        intro.setWordWrap(True)
        self.old_edit = self._password_edit("old_password")
        self.new_edit = self._password_edit("new_password")
        self.repeat_edit = self._password_edit("repeat_password")
        self.new_edit.setPlaceholderText(
            self.tr("At least %1 characters").replace("%1", str(MIN_PASSWORD))
        )
        form = QFormLayout()
        for label, edit, field in (
            (self.tr("&Current password"), self.old_edit, "old_password"),
            (self.tr("&New password"), self.new_edit, "new_password"),
            (self.tr("&Repeat new password"), self.repeat_edit, "repeat_password"),
        ):
            form.addRow(label, field_box(edit, self.errors.add(field, edit)))
        self.buttons, self.save_button = ok_cancel_buttons(
            self,
            ok_text=self.tr("Change password"),
            cancel_text=self.tr("Cancel"),
            submit=self.submit,
        )
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.old_edit.setFocus()

    def _password_edit(self, name: str) -> QLineEdit:
        edit = password_edit(name)
        edit.textChanged.connect(lambda _text, f=name: self.errors.clear(f))
        return edit

    def submit(self) -> None:
        if not self.save_button.isEnabled():
            return
        self.errors.clear_all()
        old, new = self.old_edit.text(), self.new_edit.text()
        if new != self.repeat_edit.text():
            self.errors.show("repeat_password", self.tr("The two new passwords differ."))
            self.repeat_edit.setFocus()
            return
        actor = self._actor
        self.save_button.setEnabled(False)
        self._runner.mutate(
            lambda s: change_password(s, actor=actor, old_password=old, new_password=new),
            parent=self,
            success=self._changed,
            failure=self._failed,
            label="change password",
        )

    def _changed(self, info: UserInfo) -> None:
        self.save_button.setEnabled(True)
        self.sig_changed.emit(info)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.errors.show_failure(exc, parent=self)
