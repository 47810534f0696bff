"""Safe mode: the window the app starts in when it cannot safely open the data folder.

It says what is wrong (station.services.health) and what to do, lists the backups and
restores one on request, and opens the data folder. It never writes to the damaged file:
restoring renames it aside (station.services.backup.restore_backup).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station.errors import GridStationError
from station.services.backup import BackupInfo, RestoreOutcome, all_backups, restore_backup
from station.services.health import StartupProblem
from station.services.users import os_login_name
from ui.errors import show_exception
from ui.task_runner import TaskRunner
from ui.widgets.backup_list import BackupList, confirm_restore, restore_refused

log = logging.getLogger(__name__)

RESTORED, RETRY, QUIT = "restored", "retry", "quit"


class SafeModeWindow(QDialog):
    """The problem, what to do, the backups; :attr:`outcome` says how it was left:
    ``RESTORED`` or ``RETRY`` (exec returns Accepted: check again and start) or ``QUIT``."""

    sig_restored = Signal(object)  # the RestoreOutcome

    def __init__(
        self,
        *,
        problem: StartupProblem,
        data_dir: Path,
        backup_dir: str,
        runner: TaskRunner,
        start_after_restore: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("safeModeWindow")
        self.setWindowTitle(self.tr("Grid Station — safe mode"))
        self.problem, self.data_dir, self.runner = problem, Path(data_dir), runner
        self.outcome = QUIT
        self.start_after_restore = start_after_restore

        heading = QLabel(self.tr("Grid Station started in safe mode"))
        heading.setObjectName("pageTitle")
        self.title_label = QLabel(problem.title)
        self.title_label.setObjectName("safeModeProblem")
        self.title_label.setStyleSheet("font-weight: bold; font-size: 15px; color: #b3261e;")
        self.detail_label = QLabel(problem.detail)
        self.advice_label = QLabel(problem.advice)
        for label in (self.detail_label, self.advice_label):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.backups_label = QLabel(self.tr("Backups"))
        self.backups_label.setObjectName("sectionTitle")
        self.backup_list = BackupList()
        self.backup_list.set_backups(all_backups(self.data_dir, backup_dir))
        self.empty_label = QLabel(
            self.tr("No backups were found in the data folder or the second backup folder.")
        )
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setVisible(not self.backup_list.backups)
        self.backup_list.setVisible(bool(self.backup_list.backups))

        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)

        self.restore_button = QPushButton(self.tr("&Restore selected backup…"))
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.clicked.connect(self.restore_selected)
        can_restore = problem.can_restore and bool(self.backup_list.backups)
        self.restore_button.setEnabled(can_restore)
        if not problem.can_restore:
            self.restore_button.setToolTip(
                self.tr("Restoring needs a writable data folder with free space.")
            )
        self.open_button = QPushButton(self.tr("&Open data folder"))
        self.open_button.clicked.connect(self.open_data_folder)
        self.retry_button = QPushButton(self.tr("Check &again"))
        self.retry_button.clicked.connect(self.retry)
        self.retry_button.setVisible(start_after_restore)  # else checking again changes nothing
        self.quit_button = QPushButton(self.tr("&Quit"))
        self.quit_button.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_button.clicked.connect(self.reject)

        buttons = QHBoxLayout()
        for button in (self.restore_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.quit_button)

        folder = QLabel(self.tr("Data folder: %1").replace("%1", str(self.data_dir)))
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        folder.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(self.title_label)
        layout.addWidget(self.detail_label)
        layout.addWidget(self.advice_label)
        layout.addWidget(folder)
        layout.addSpacing(6)
        layout.addWidget(self.backups_label)
        layout.addWidget(self.backup_list, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        self.resize(760, 540)
        (self.restore_button if can_restore else self.retry_button).setDefault(True)

    # ----------------------------------------------------------------- actions

    def open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_dir)))

    def retry(self) -> None:
        self.outcome = RETRY
        self.accept()

    def restore_selected(self) -> None:
        backup = self.backup_list.selected()
        if backup is None:
            return
        if not confirm_restore(
            self,
            backup,
            informative=self.tr(
                "The current database file is kept in the data folder under a new name; "
                "nothing is deleted. Work entered after this backup was made is not in it."
            ),
            confirm_text=self.tr("Restore"),
        ):
            return
        self._restore(backup, force=False)

    def _restore(self, backup: BackupInfo, *, force: bool) -> None:
        self._busy(True)
        data_dir, by = self.data_dir, f"safe-mode:{os_login_name()}"
        self.runner.run(
            lambda: restore_backup(data_dir=data_dir, source=backup.path, by=by, force=force),
            parent=self,
            success=self._restored,
            failure=lambda exc: self._restore_failed(backup, exc),
            label="restore backup",
        )

    def _restore_failed(self, backup: BackupInfo, exc: BaseException) -> None:
        self._busy(False)
        restore_refused(self, exc, force=lambda: self._restore(backup, force=True))

    def _restored(self, outcome: RestoreOutcome) -> None:
        self._busy(False)
        kept = next((p for p in outcome.set_aside if p.suffix == ".sqlite3"), None)
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.windowTitle())
        if self.start_after_restore:
            box.setText(self.tr("The backup was restored. Grid Station will now start."))
        else:
            box.setText(self.tr("The backup was restored. Please start Grid Station again."))
        if kept is not None:
            box.setInformativeText(
                self.tr("The previous database file was kept as %1.").replace("%1", kept.name)
            )
        box.exec()
        self.outcome = RESTORED
        self.sig_restored.emit(outcome)
        self.accept()

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        for button in (self.restore_button, self.retry_button, self.quit_button):
            button.setEnabled(not busy)


def apply_restore_asked_for(*, runner: TaskRunner, data_dir: Path) -> None:
    """Carry out a restore asked for in Settings before the app was restarted (with a
    "please wait" box), and say how it went."""
    from station.services.backup import apply_pending_restore, pending_restore

    if pending_restore(data_dir) is None:
        return
    progress = QProgressDialog()
    progress.setWindowTitle(QCoreApplication.translate("SafeModeWindow", "Grid Station"))
    progress.setLabelText(
        QCoreApplication.translate("SafeModeWindow", "Restoring the backup, please wait…")
    )
    progress.setRange(0, 0)
    progress.setCancelButton(None)
    progress.setMinimumDuration(0)
    outcome: dict[str, object] = {}
    loop = QEventLoop()

    def finished(result: object, error: BaseException | None) -> None:
        outcome["result"], outcome["error"] = result, error
        loop.quit()

    runner.run(
        lambda: apply_pending_restore(data_dir),
        parent=None,
        success=lambda result: finished(result, None),
        failure=lambda exc: finished(None, exc),
        label="pending restore",
    )
    progress.show()
    loop.exec()
    progress.close()
    error = outcome.get("error")
    if isinstance(error, BaseException):
        show_exception(None, error)
        return
    result = outcome.get("result")
    if isinstance(result, RestoreOutcome):
        box = QMessageBox()
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(QCoreApplication.translate("SafeModeWindow", "Grid Station"))
        box.setText(
            QCoreApplication.translate(
                "SafeModeWindow", "The backup made at %1 was restored."
            ).replace("%1", result.restored_from.name)
        )
        box.exec()


def check_data_folder(*, runner: TaskRunner, data_dir: Path) -> bool:
    """Before the database is opened: a restore asked for earlier, then the safe-mode
    checks, until the folder is fine (True) or the person quits (False)."""
    from station.logs import setup_logging
    from station.services.health import diagnose_data_folder

    setup_logging(data_dir)  # the folder may have been chosen only now, in the setup
    apply_restore_asked_for(runner=runner, data_dir=data_dir)
    while (problem := diagnose_data_folder(data_dir)) is not None:
        log.warning("safe mode: %s", problem.kind)
        if not run_safe_mode(problem=problem, data_dir=data_dir, runner=runner):
            return False
        log.info("safe mode left: checking the data folder again")
    return True


def show_open_failure(*, runner: TaskRunner, data_dir: Path, exc: BaseException) -> None:
    """The database passed the checks but could not be opened (e.g. an upgrade failed):
    our own errors plainly, anything else in safe mode, whose backups include the copy
    made before the upgrade."""
    from station.services.backup import read_setting
    from station.services.health import open_failed_problem

    if isinstance(exc, GridStationError):
        show_exception(None, exc)
        return
    log.error("opening the database failed", exc_info=exc)
    window = SafeModeWindow(
        problem=open_failed_problem(data_dir, exc),
        data_dir=data_dir,
        backup_dir=read_setting(data_dir, "backup_dir"),
        runner=runner,
        start_after_restore=False,
    )
    window.exec()


def run_safe_mode(*, problem: StartupProblem, data_dir: Path, runner: TaskRunner) -> bool:
    """Show the safe-mode window; True when the app should check the folder again and go on
    (a backup was restored, or the person fixed the cause), False to quit."""
    from station.services.backup import read_setting

    window = SafeModeWindow(
        problem=problem,
        data_dir=data_dir,
        backup_dir=read_setting(data_dir, "backup_dir"),
        runner=runner,
    )
    accepted = window.exec() == QDialog.DialogCode.Accepted
    return accepted and window.outcome in (RESTORED, RETRY)
