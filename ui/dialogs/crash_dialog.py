"""The box an unexpected error shows: an apology, what to do, and a report to copy.

:func:`install_excepthook` routes every exception nobody caught (in a slot, a timer, a
callback) here: it is written to the log (station.logs, personal data scrubbed) and shown
with a copyable report (version and traceback, scrubbed the same way).
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, QUrl, Signal, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station.logs import error_report, log_path, log_unexpected


class CrashDialog(QDialog):
    """The report in a read-only text box, a "Copy report" button, the log's folder."""

    def __init__(
        self, *, report: str, log_file: Path | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("Grid Station — unexpected error"))
        self.log_file = log_file
        heading = QLabel(self.tr("Something went wrong that the program did not expect."))
        heading.setObjectName("sectionTitle")
        advice = QLabel(
            self.tr(
                "Work you saved before is safe. Please try again; if it happens again, "
                "click “Copy report” and send the report to your IT contact. The report "
                "contains no names, ID numbers or phone numbers."
            )
        )
        advice.setWordWrap(True)
        self.report_edit = QPlainTextEdit(report)
        self.report_edit.setReadOnly(True)
        self.report_edit.setObjectName("crashReport")
        self.copy_button = QPushButton(self.tr("&Copy report"))
        self.copy_button.clicked.connect(self.copy_report)
        self.folder_button = QPushButton(self.tr("Open &log folder"))
        self.folder_button.setVisible(log_file is not None)
        self.folder_button.clicked.connect(self.open_log_folder)
        close = QPushButton(self.tr("Close"))
        close.setDefault(True)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(advice)
        layout.addWidget(self.report_edit, 1)
        layout.addLayout(buttons)
        self.resize(680, 460)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report_edit.toPlainText())
        self.copy_button.setText(self.tr("Copied"))

    def open_log_folder(self) -> None:
        if self.log_file is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_file.parent)))


def report_for(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    return error_report(
        exc_type, exc, tb, extra={"Qt": f"{qVersion()}（PySide6 {pyside_version}）"}
    )


class CrashHook(QObject):
    """The installed ``sys.excepthook``: log, then show (one box at a time, on the GUI
    thread whichever thread the error happened on)."""

    sig_show = Signal(object, object, object)  # exc_type, exc, traceback

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.showing = False
        self.dialogs: list[CrashDialog] = []  # shown ones (tests look at them)
        self.previous = (sys.excepthook, threading.excepthook)
        # Emitted from any thread, delivered on the GUI thread this object lives on.
        self.sig_show.connect(self._show)

    def __call__(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        log_unexpected(exc_type, exc, tb)
        if issubclass(exc_type, KeyboardInterrupt) or QApplication.instance() is None:
            sys.__excepthook__(exc_type, exc, tb)
            return
        self.sig_show.emit(exc_type, exc, tb)

    def _show(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if self.showing:  # an error while the box is open: logged, not stacked
            return
        self.showing = True
        try:
            path = log_path(self.data_dir)
            dialog = CrashDialog(
                report=report_for(exc_type, exc, tb), log_file=path if path.exists() else None
            )
            self.dialogs.append(dialog)
            dialog.exec()
        finally:
            self.showing = False

    def uninstall(self) -> None:
        """Put back the hooks that were there before :func:`install_excepthook`."""
        sys.excepthook, threading.excepthook = self.previous


def install_excepthook(data_dir: Path) -> CrashHook:
    """Route uncaught exceptions (GUI thread and others) to the log and the crash dialog."""
    hook = CrashHook(Path(data_dir))
    sys.excepthook = hook
    threading.excepthook = lambda args: hook(
        args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback
    )
    return hook
