"""What the login, change-password and account dialogs share.

Inputs that hide what is typed, and the OK/Cancel row whose OK button submits the form
(Enter presses it; it is disabled while the save runs).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QPushButton


def password_edit(name: str = "", *, placeholder: str = "") -> QLineEdit:
    """A line edit that shows dots for what is typed; ``name`` is its object name."""
    edit = QLineEdit()
    if name:
        edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


def ok_cancel_buttons(
    dialog: QDialog, *, ok_text: str, cancel_text: str, submit: Callable[[], None]
) -> tuple[QDialogButtonBox, QPushButton]:
    """The dialog's button row and its OK button (the default one, which calls ``submit``).

    Cancel rejects the dialog. The texts come translated from the dialog's own ``tr``.
    """
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok_button.setText(ok_text)
    ok_button.setDefault(True)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel_text)
    buttons.accepted.connect(submit)
    buttons.rejected.connect(dialog.reject)
    return buttons, ok_button
