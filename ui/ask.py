"""Yes/no questions to the person at the counter (one place, so tests can answer them)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def confirm(
    parent: QWidget | None,
    *,
    text: str,
    informative: str = "",
    confirm_text: str,
    cancel_text: str = "",
) -> bool:
    """Ask; True only when the person clicked ``confirm_text`` (Esc and closing say no).

    The safe answer (cancel) is the default button, so a stray Enter changes nothing.
    """
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("confirm", "Grid Station"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
    yes = box.addButton(confirm_text, QMessageBox.ButtonRole.DestructiveRole)
    no = box.addButton(
        cancel_text or QCoreApplication.translate("confirm", "Keep editing"),
        QMessageBox.ButtonRole.RejectRole,
    )
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes
