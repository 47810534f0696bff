"""Sync in the main window, in one place: the scheduler, the status-bar line, "sync now"
(F9), the 同步 settings tab and the conflicts window.

``MainWindow`` creates one :class:`SyncUi` after its status bar and calls :meth:`start`
once shown and :meth:`shutdown` when it closes; nothing else there knows about sync.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from station.domain.permissions import Permission, allowed
from ui.context import AppContext
from ui.pages.conflicts_page import ConflictsPage
from ui.pages.settings_page import SettingsPage
from ui.sync_controller import SyncController
from ui.sync_settings import SyncSettingsSection
from ui.widgets.sync_status import SyncStatusWidget


class SyncUi(QObject):
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

        self.sync_action = QAction(self.tr("Sync now"), window)
        # F9: F5 / Ctrl+R are the pages' own "refresh" (statistics, dispatch lists).
        self.sync_action.setShortcut(QKeySequence(Qt.Key.Key_F9))
        self.sync_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.sync_action.triggered.connect(self.controller.sync_now)
        window.addAction(self.sync_action)

        self.settings_section: SyncSettingsSection | None = None
        if allowed(context.actor.role, Permission.MANAGE_SETTINGS):
            self.settings_section = SyncSettingsSection(context=context, controller=self.controller)
            settings_page.add_section(self.tr("Sync"), self.settings_section)
        self.conflicts: ConflictsPage | None = None

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

    def shutdown(self) -> None:
        self.controller.shutdown(timeout=0)
