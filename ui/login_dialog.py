"""The login form: every event names its author, so someone logs in before any work."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from station.errors import GridStationError
from station.services.events import Actor
from station.services.users import LoginFailed, authenticate, get_user
from ui.dialogs.change_password_dialog import ChangePasswordDialog
from ui.errors import show_exception
from ui.task_runner import DbSession, TaskRunner
from ui.widgets.password_form import ok_cancel_buttons, password_edit


def _check_password(
    session: DbSession, *, username: str, password: str
) -> tuple[Actor, bool] | LoginFailed:
    """Worker op: the Actor and whether its password must be changed first, or the
    LoginFailed *returned* so that the transaction commits.

    ``authenticate`` writes a "login_failed" audit entry (and the lockout count) on its own
    before raising, so a rollback here loses nothing; returning it keeps the login's
    successful path and its failure path one shape for the dialog.
    """
    try:
        actor = authenticate(session, username=username, password=password)
    except LoginFailed as exc:
        return exc
    return actor, get_user(session, username=actor.username).must_change_password


class LoginDialog(QDialog):
    """Username and password; Enter logs in, Esc cancels.

    The password check (argon2, tens of ms, and an audit entry) runs on the task runner.
    A wrong password shows the service's message under the password field (after repeated
    failures: how long to wait). An account whose password an admin set first chooses its
    own. On success :attr:`actor` is set, ``sig_logged_in`` is emitted and the dialog is
    accepted.
    """

    sig_logged_in = Signal(object)  # the Actor

    def __init__(
        self,
        *,
        runner: TaskRunner,
        station_name: str = "",
        username: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self.actor: Actor | None = None
        self.password_dialog: ChangePasswordDialog | None = None
        self.setWindowTitle(self.tr("Log in to Grid Station"))
        self.setObjectName("loginDialog")

        title = QLabel(station_name or self.tr("Grid Station"))
        title.setObjectName("loginTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel(self.tr("Log in with your station account."))
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setObjectName("hint")

        self.username_edit = QLineEdit(username)
        self.username_edit.setObjectName("username")
        self.username_edit.setMaxLength(40)
        self.password_edit = password_edit("password")
        self.error_label = QLabel()
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        form = QFormLayout()
        form.addRow(self.tr("&Username"), self.username_edit)
        form.addRow(self.tr("&Password"), self.password_edit)
        form.addRow("", self.error_label)

        self.buttons, self.login_button = ok_cancel_buttons(
            self, ok_text=self.tr("Log in"), cancel_text=self.tr("Exit"), submit=self.submit
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)
        (self.password_edit if username else self.username_edit).setFocus()

    def submit(self) -> None:
        """Check the credentials in the background (ignored while a check is running)."""
        if not self.login_button.isEnabled():
            return
        username, password = self.username_edit.text().strip(), self.password_edit.text()
        if not username:
            self._show_error(self.tr("Please enter your username."), self.username_edit)
            return
        self._set_busy(True)
        self._runner.mutate(
            lambda session: _check_password(session, username=username, password=password),
            parent=self,
            success=self._checked,
            failure=self._failed,
            label="login",
        )

    def _checked(self, outcome: tuple[Actor, bool] | LoginFailed) -> None:
        if isinstance(outcome, LoginFailed):
            self._failed(outcome)
            return
        actor, must_change = outcome
        if must_change:
            self._ask_new_password(actor)
            return
        self._set_busy(False)
        self._logged_in(actor)

    def _logged_in(self, actor: Actor) -> None:
        self.actor = actor
        self.sig_logged_in.emit(actor)
        self.accept()

    def _ask_new_password(self, actor: Actor) -> None:
        dialog = ChangePasswordDialog(runner=self._runner, actor=actor, forced=True, parent=self)
        dialog.old_edit.setText(self.password_edit.text())
        dialog.new_edit.setFocus()
        dialog.accepted.connect(lambda: self._logged_in(actor))
        dialog.rejected.connect(self._password_not_changed)
        self.password_dialog = dialog
        dialog.open()

    def _password_not_changed(self) -> None:
        self._set_busy(False)
        self._show_error(self.tr("Choose your own password to log in."), self.password_edit)
        self.password_edit.clear()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, GridStationError):
            field = self.username_edit if exc.field == "username" else self.password_edit
            self._show_error(exc.message, field)
            self.password_edit.clear()
        else:
            show_exception(self, exc)

    def _show_error(self, message: str, field: QLineEdit) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        # A long message (the lockout's wait) wraps: grow so no line is cut off.
        self.layout().activate()
        needed = self.layout().totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)
        field.setFocus()
        field.selectAll()

    def _set_busy(self, busy: bool) -> None:
        self.login_button.setEnabled(not busy)
        self.login_button.setText(self.tr("Checking…") if busy else self.tr("Log in"))
        self.username_edit.setReadOnly(busy)
        self.password_edit.setReadOnly(busy)
