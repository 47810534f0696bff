"""Sync in the main window, in one place: the scheduler, the status-bar line, "sync now"
(F9), "cancel sync" (Shift+F9), the 同步 settings tab, the conflicts window and the window of
records the town server refused.

``MainWindow`` creates one :class:`SyncUi` after its status bar and calls :meth:`start`
once shown and :meth:`shutdown` when it closes; nothing else there knows about sync.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from station.domain.permissions import Permission, allowed
from ui.context import AppContext
from ui.pages.conflicts_page import ConflictsPage
from ui.pages.rejections_page import RejectionsPage
from ui.pages.settings_page import SettingsPage
from ui.sync_controller import SyncController, SyncStatus
from ui.sync_settings import SyncSettingsSection
from ui.widgets.sync_status import SyncStatusWidget


class SyncUi(QObject):
    # A record to open in the main window (from the refused-records window); the window
    # raises itself so the record shows in front.
    sig_open_case = Signal(str)
    sig_open_mediation = Signal(str)

    def __init__(
        self, *, window: QMainWindow, context: AppContext, settings_page: SettingsPage
    ) -> None:
        super().__init__(window)
        self.window = window
        self.context = context
        self.controller = SyncController(context=context, parent=self)
        self.status = SyncStatusWidget()
        window.statusBar().addPermanentWidget(self.status)  # rightmost, beside its button
        self.controller.sig_status.connect(self.status.show_status)
        self.status.sig_sync_now.connect(self.controller.sync_now)
        self.status.sig_show_conflicts.connect(self.show_conflicts)
        self.status.sig_show_rejections.connect(self.show_rejections)
        self.status.sig_cancel.connect(self.controller.cancel)

        self.sync_action = QAction(self.tr("Sync now"), window)
        # F9: F5 / Ctrl+R are the pages' own "refresh" (statistics, dispatch lists).
        self.sync_action.setShortcut(QKeySequence(Qt.Key.Key_F9))
        self.sync_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.sync_action.triggered.connect(self.controller.sync_now)
        window.addAction(self.sync_action)
        # Shift+F9 beside it; never Esc, which closes dialogs and leaves detail pages.
        self.cancel_action = QAction(self.tr("Cancel sync"), window)
        self.cancel_action.setShortcut(QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_F9))
        self.cancel_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.cancel_action.setEnabled(False)
        self.cancel_action.triggered.connect(self.controller.cancel)
        window.addAction(self.cancel_action)
        self.controller.sig_status.connect(self._status_changed)

        self.settings_section: SyncSettingsSection | None = None
        if allowed(context.actor.role, Permission.MANAGE_SETTINGS):
            self.settings_section = SyncSettingsSection(context=context, controller=self.controller)
            settings_page.add_section(self.tr("Sync"), self.settings_section)
            # The tab's copy of the status line: its links work like the status bar's.
            self.settings_section.status.sig_show_conflicts.connect(self.show_conflicts)
            self.settings_section.status.sig_show_rejections.connect(self.show_rejections)
            self.settings_section.status.sig_cancel.connect(self.controller.cancel)
        self.conflicts: ConflictsPage | None = None
        self.rejections: RejectionsPage | None = None

    def start(self) -> None:
        self.controller.start()

    def show_conflicts(self) -> ConflictsPage:
        """The conflicts list in its own window (one at a time)."""
        if self.conflicts is None:
            self.conflicts = ConflictsPage(context=self.context, parent=self.window)
            self.conflicts.setWindowFlag(Qt.WindowType.Window)
            self.conflicts.resize(900, 560)
            self.conflicts.sig_resolved.connect(lambda _id: self.controller.refresh())
        self.conflicts.show()
        self.conflicts.raise_()
        self.conflicts.activateWindow()
        self.conflicts.load()
        return self.conflicts

    def show_rejections(self) -> RejectionsPage:
        """The records the town server refused, in their own window (one at a time)."""
        if self.rejections is None:
            self.rejections = RejectionsPage(context=self.context, parent=self.window)
            self.rejections.setWindowFlag(Qt.WindowType.Window)
            self.rejections.resize(980, 560)
            self.rejections.sig_open_case.connect(self.sig_open_case)
            self.rejections.sig_open_mediation.connect(self.sig_open_mediation)
        self.rejections.show()
        self.rejections.raise_()
        self.rejections.activateWindow()
        self.rejections.load()
        return self.rejections

    def _status_changed(self, status: SyncStatus) -> None:
        # (An open rejections window reloads itself: a sync publishes what it refused.)
        self.cancel_action.setEnabled(status.running and not status.cancelled)

    def shutdown(self) -> None:
        self.controller.shutdown(timeout=0)
