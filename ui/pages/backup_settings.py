"""Backups in the running app: the automatic backups (:class:`BackupScheduler`: shortly after
start, then daily) and the 设置 → 备份 section (:class:`BackupSettings`: the list, "back up
now" with progress, the second folder, restore at the next start).

Backups run on the database worker (ui.task_runner), never on the GUI thread; the worker
reports copy progress through a signal.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station.domain.permissions import Permission, allowed
from station.errors import GridStationError
from station.services.backup import (
    BackupOutcome,
    all_backups,
    ask_for_restore,
    cancel_pending_restore,
    create_backup,
    create_backup_if_due,
    local_backup_dir,
    pending_restore,
    read_setting,
    set_backup_dir,
)
from ui.context import AppContext
from ui.errors import show_exception
from ui.task_runner import TaskRunner
from ui.widgets.backup_list import BackupList, confirm_restore, restore_refused


class BackupScheduler(QObject):
    """Makes the automatic backups: ``start`` a little after the app opened (the first
    screen's queries go first), then ``daily`` whenever the newest is a day old."""

    START_DELAY_MS = 15_000
    CHECK_EVERY_MS = 30 * 60 * 1000

    sig_running = Signal(bool)
    sig_progress = Signal(int, int)  # pages done, pages in all (emitted on the worker)
    sig_finished = Signal(object)  # BackupOutcome
    sig_failed = Signal(object)  # the exception

    def __init__(self, *, runner: TaskRunner, data_dir: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.runner, self.data_dir = runner, Path(data_dir)
        self.running = False
        self.last: BackupOutcome | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(self.CHECK_EVERY_MS)
        self.timer.timeout.connect(self.back_up_if_due)

    def start(self) -> None:
        QTimer.singleShot(self.START_DELAY_MS, self, lambda: self.back_up("start"))
        self.timer.start()

    def back_up(self, label: str = "manual") -> bool:
        """Start a backup on the worker; False if one is already running."""
        data_dir, report = self.data_dir, self.sig_progress.emit
        return self._run(lambda: create_backup(data_dir=data_dir, label=label, progress=report))

    def back_up_if_due(self) -> bool:
        data_dir, report = self.data_dir, self.sig_progress.emit
        return self._run(lambda: create_backup_if_due(data_dir=data_dir, progress=report))

    def _run(self, op) -> bool:  # type: ignore[no-untyped-def]
        if self.running:
            return False
        self.running = True
        self.sig_running.emit(True)
        self.runner.run(op, parent=self, success=self._done, failure=self._failed, label="backup")
        return True

    def _done(self, outcome: BackupOutcome | None) -> None:
        self.running = False
        self.sig_running.emit(False)
        if outcome is not None:
            self.last = outcome
            self.sig_finished.emit(outcome)

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.sig_running.emit(False)
        self.sig_failed.emit(exc)


class BackupSettings(QWidget):
    """The 备份 tab: what is kept where, the backups, back up now, second folder, restore."""

    sig_restore_requested = Signal(object)  # the marker file's path

    def __init__(
        self, *, context: AppContext, scheduler: BackupScheduler, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("backupSettings")
        self.context, self.scheduler = context, scheduler
        self.data_dir = context.data_dir
        self.pending: object = None  # the restore waiting for the next start, if any

        intro = QLabel(
            self.tr(
                "Grid Station backs up the database when it starts and once a day while it "
                "runs. Each backup is checked before it counts; the newest of the last 7 "
                "days, 4 weeks and 12 months are kept."
            )
        )
        intro.setWordWrap(True)
        self.status_label = QLabel()
        self.status_label.setObjectName("backupStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.backup_list = BackupList()
        self.empty_label = QLabel(self.tr("No backups yet. Click “Back up now” to make one."))
        self.empty_label.setObjectName("emptyState")
        self.progress = QProgressBar()
        self.progress.setVisible(False)

        self.backup_button = QPushButton(self.tr("&Back up now"))
        self.backup_button.setObjectName("backupNow")
        self.backup_button.setShortcut(QKeySequence("Ctrl+B"))
        self.backup_button.setToolTip("Ctrl+B")
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(self.tr("&Restore selected backup…"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.cancel_restore_button = QPushButton(self.tr("Cancel the restore"))
        self.cancel_restore_button.clicked.connect(self.cancel_restore)
        self.open_button = QPushButton(self.tr("&Open backup folder"))
        self.open_button.clicked.connect(
            lambda: QDesktopServices.openUrl(
                QUrl.fromLocalFile(str(local_backup_dir(self.data_dir)))
            )
        )
        buttons = QHBoxLayout()
        for button in (self.backup_button, self.restore_button, self.cancel_restore_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)

        second_title = QLabel(self.tr("Second backup folder"))
        second_title.setObjectName("sectionTitle")
        second_hint = QLabel(
            self.tr(
                "Every backup is also copied here, e.g. to a USB drive or another disk. When "
                "the drive is not plugged in, backups are still made in the data folder."
            )
        )
        second_hint.setWordWrap(True)
        self.second_edit = QLineEdit()
        self.second_edit.setReadOnly(True)
        self.second_edit.setPlaceholderText(self.tr("Not set"))
        self.choose_button = QPushButton(self.tr("&Choose…"))
        self.choose_button.clicked.connect(self.choose_second_folder)
        self.clear_button = QPushButton(self.tr("Do not copy"))
        self.clear_button.clicked.connect(lambda: self.save_second_folder(""))
        self.second_error = QLabel()
        self.second_error.setObjectName("fieldError")
        self.second_error.setWordWrap(True)
        self.second_error.setVisible(False)
        second_row = QHBoxLayout()
        second_row.addWidget(self.second_edit, 1)
        second_row.addWidget(self.choose_button)
        second_row.addWidget(self.clear_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addWidget(intro)
        layout.addWidget(self.status_label)
        layout.addWidget(self.backup_list, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        layout.addSpacing(8)
        layout.addWidget(second_title)
        layout.addWidget(second_hint)
        layout.addLayout(second_row)
        layout.addWidget(self.second_error)

        scheduler.sig_running.connect(self._running)
        scheduler.sig_progress.connect(self._progress)
        scheduler.sig_finished.connect(self._finished)
        scheduler.sig_failed.connect(self._failed)
        self._running(scheduler.running)
        self._show_status()
        self.refresh()

    # ----------------------------------------------------------------- the list

    def refresh(self) -> None:
        """Reload the backups and the settings they depend on (on the worker)."""
        data_dir = self.data_dir

        def load() -> tuple[str, list, object]:  # type: ignore[type-arg]
            second = read_setting(data_dir, "backup_dir")
            return second, all_backups(data_dir, second), pending_restore(data_dir)

        self.context.runner.run(load, parent=self, success=self._loaded, label="list backups")

    def _loaded(self, loaded: tuple[str, list, object]) -> None:  # type: ignore[type-arg]
        second, backups, pending = loaded
        self.second_edit.setText(second)
        self.clear_button.setEnabled(bool(second))
        self.backup_list.set_backups(backups)
        self.backup_list.setVisible(bool(backups))
        self.empty_label.setVisible(not backups)
        self.pending = pending
        self.cancel_restore_button.setVisible(pending is not None)
        self.restore_button.setEnabled(bool(backups) and not self.scheduler.running)
        self._show_status()

    def _show_status(self) -> None:
        lines = []
        pending = self.pending
        if isinstance(pending, dict):
            lines.append(
                self.tr(
                    "A restore from %1 is waiting: it happens when Grid Station starts next."
                ).replace("%1", Path(str(pending.get("source", ""))).name)
            )
        last = self.scheduler.last
        newest = self.backup_list.backups[0] if self.backup_list.backups else None
        if last is None and newest is not None:
            lines.append(
                self.tr("Newest backup: %1.").replace("%1", f"{newest.created_at:%Y-%m-%d %H:%M}")
            )
        if last is not None:
            lines.append(
                self.tr("Last backup: %1, checked.").replace(
                    "%1", f"{last.backup.created_at:%Y-%m-%d %H:%M}"
                )
            )
            lines.append(last.second_status)
        self.status_label.setText("\n".join(lines))
        self.status_label.setVisible(bool(lines))

    # ----------------------------------------------------------------- backing up

    def back_up_now(self) -> None:
        self.scheduler.back_up("manual")

    def _running(self, running: bool) -> None:
        self.backup_button.setEnabled(not running)
        self.restore_button.setEnabled(not running and bool(self.backup_list.backups))
        self.progress.setVisible(running)
        if running:
            self.progress.setRange(0, 0)
            self.progress.setFormat(self.tr("Backing up…"))

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress.setFormat(self.tr("Backing up… %p%"))

    def _finished(self, _outcome: BackupOutcome) -> None:
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        message = exc.message if isinstance(exc, GridStationError) else str(exc)
        self.status_label.setText(self.tr("The backup failed: %1").replace("%1", message))
        self.status_label.setVisible(True)
        self.refresh()

    # ----------------------------------------------------------------- second folder

    def choose_second_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Second backup folder"), self.second_edit.text() or str(Path.home())
        )
        if folder:
            self.save_second_folder(folder)

    def save_second_folder(self, folder: str) -> None:
        actor = self.context.actor
        self.context.runner.mutate(
            lambda session: set_backup_dir(session, actor=actor, folder=folder),
            parent=self,
            success=lambda _settings: self._second_saved(),
            failure=self._second_failed,
            label="backup folder",
        )

    def _second_saved(self) -> None:
        self.second_error.setVisible(False)
        self.refresh()

    def _second_failed(self, exc: BaseException) -> None:
        if isinstance(exc, GridStationError):
            self.second_error.setText(exc.message)
            self.second_error.setVisible(True)
        else:
            show_exception(self, exc)

    # ----------------------------------------------------------------- restore

    def restore_selected(self) -> None:
        backup = self.backup_list.selected()
        if backup is None:
            return
        if not confirm_restore(
            self,
            backup,
            informative=self.tr(
                "Grid Station has to restart for this: the backup is restored when it starts "
                "next. The current database is kept in the data folder under a new name; "
                "work entered after this backup was made is not in the backup."
            ),
            confirm_text=self.tr("Restore at next start"),
        ):
            return
        self._ask(backup.path, force=False)

    def _ask(self, source: Path, *, force: bool) -> None:
        actor, data_dir = self.context.actor, self.data_dir
        self.context.runner.run(
            lambda: ask_for_restore(actor=actor, data_dir=data_dir, source=source, force=force),
            parent=self,
            success=self._restore_requested,
            failure=lambda exc: restore_refused(
                self, exc, force=lambda: self._ask(source, force=True)
            ),
            label="request restore",
        )

    def _restore_requested(self, marker: Path) -> None:
        self.refresh()
        self.sig_restore_requested.emit(marker)
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Restore"))
        box.setText(
            self.tr("Restart required: the backup is restored when Grid Station starts next.")
        )
        close = box.addButton(self.tr("Close Grid Station now"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is close:
            self.window().close()

    def cancel_restore(self) -> None:
        data_dir = self.data_dir
        self.context.runner.run(
            lambda: cancel_pending_restore(data_dir),
            parent=self,
            success=lambda _none: self.refresh(),
            label="cancel restore",
        )


def install_backups(window: QWidget, context: AppContext) -> BackupScheduler:
    """The automatic backups for ``window`` (the main window) and, for those who manage
    backups, the Backups section in its settings page. Failures show in the status bar; a
    damaged database also in a message box (it needs someone to act)."""
    scheduler = BackupScheduler(runner=context.runner, data_dir=context.data_dir, parent=window)

    def failed(exc: BaseException) -> None:
        if isinstance(exc, GridStationError) and exc.code == "database_damaged":
            show_exception(window, exc)
        message = exc.message if isinstance(exc, GridStationError) else str(exc)
        status = getattr(window, "statusBar", None)
        if status is not None:
            status().showMessage(
                QCoreApplication.translate("BackupSettings", "Backup failed: %1").replace(
                    "%1", message
                ),
                30_000,
            )

    def finished(outcome: BackupOutcome) -> None:
        status = getattr(window, "statusBar", None)
        if status is not None:
            status().showMessage(
                QCoreApplication.translate("BackupSettings", "Backed up at %1.").replace(
                    "%1", f"{datetime.now():%H:%M}"
                ),
                10_000,
            )

    scheduler.sig_failed.connect(failed)
    scheduler.sig_finished.connect(finished)
    if allowed(context.actor.role, Permission.MANAGE_BACKUPS):
        settings_page = getattr(window, "settings_page", None)
        if settings_page is not None:
            section = BackupSettings(context=context, scheduler=scheduler)
            settings_page.add_section(
                QCoreApplication.translate("BackupSettings", "Backups"), section
            )
    return scheduler
