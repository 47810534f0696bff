"""The login form: every event names its author, so someone logs in before any work."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from station.errors import GridStationError
from station.services.events import Actor
from station.services.users import LoginFailed, authenticate
from ui.errors import show_exception
from ui.task_runner import DbSession, TaskRunner


def _check_password(session: DbSession, *, username: str, password: str) -> Actor | LoginFailed:
    """Worker op: the Actor, or the LoginFailed *returned* so that the transaction commits.

    ``authenticate`` writes a "login_failed" audit entry before raising; raising out of the
    transaction would roll that entry back and failed attempts would leave no trace.
    """
    try:
        return authenticate(session, username=username, password=password)
    except LoginFailed as exc:
        return exc


class LoginDialog(QDialog):
    """Username and password; Enter logs in, Esc cancels.

    The password check (argon2, tens of ms, and an audit entry) runs on the task runner.
    A wrong password shows the service's message under the password field. On success
    :attr:`actor` is set, ``sig_logged_in`` is emitted and the dialog is accepted.
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
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = QLabel()
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        form = QFormLayout()
        form.addRow(self.tr("&Username"), self.username_edit)
        form.addRow(self.tr("&Password"), self.password_edit)
        form.addRow("", self.error_label)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.login_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.login_button.setText(self.tr("Log in"))
        self.login_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Exit"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

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

    def _checked(self, outcome: Actor | LoginFailed) -> None:
        if isinstance(outcome, LoginFailed):
            self._failed(outcome)
            return
        self._set_busy(False)
        actor = outcome
        self.actor = actor
        self.sig_logged_in.emit(actor)
        self.accept()

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
        field.setFocus()
        field.selectAll()

    def _set_busy(self, busy: bool) -> None:
        self.login_button.setEnabled(not busy)
        self.login_button.setText(self.tr("Checking…") if busy else self.tr("Log in"))
        self.username_edit.setReadOnly(busy)
        self.password_edit.setReadOnly(busy)
