"""The one way an error reaches the person at the counter.

Our own errors (:class:`~station.errors.GridStationError`) carry a Chinese message written
for people: shown plainly. Anything else is a bug: a short apology plus a details section
with the traceback that can be copied into a message to county IT.
"""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from station.errors import GridStationError
from station.logs import scrub
from station.services.health import explain_storage_error

log = logging.getLogger(__name__)


def exception_details(exc: BaseException) -> str:
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))


def show_exception(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    """Show ``exc`` in a modal box and return the box (after it was closed)."""
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("show_exception", "Grid Station"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    storage = None if isinstance(exc, GridStationError) else explain_storage_error(exc)
    if isinstance(exc, GridStationError):
        box.setIcon(QMessageBox.Icon.Warning)
        box.setText(exc.message)
    elif storage is not None:  # the disk, not a bug: say what to do
        log.error("storage error", exc_info=exc)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setText(storage)
        box.setDetailedText(scrub(exception_details(exc)))
    else:
        log.error("unexpected error", exc_info=exc)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setText(
            QCoreApplication.translate(
                "show_exception", "Something went wrong that the program did not expect."
            )
        )
        box.setInformativeText(
            QCoreApplication.translate(
                "show_exception",
                "Your earlier work is saved. Please try again; if it happens again, "
                "copy the details below and send them to your IT contact.",
            )
        )
        box.setDetailedText(scrub(exception_details(exc)))  # no personal data to copy
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()
    return box
