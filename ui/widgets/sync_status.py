"""The sync line of the status bar: last success, records waiting, the last error, plainly.

"无法连接镇服务器，已离线工作，3 条待同步（上次同步 11-27 10:32）" — always visible, so a
clerk knows whether the town center has seen today's work. A button syncs now (F9 does
the same from anywhere); another, shown only when there are any, opens the conflicts.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from ui.sync_controller import SyncStatus


class SyncStatusWidget(QWidget):
    sig_sync_now = Signal()
    sig_show_conflicts = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.label = QLabel(self.tr("Checking sync status…"))
        self.label.setObjectName("syncStatusText")
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sync_button = QToolButton()
        self.sync_button.setText(self.tr("Sync now"))
        self.sync_button.setToolTip(self.tr("Sync with the town server now (F9)"))
        self.sync_button.setAutoRaise(True)
        self.sync_button.clicked.connect(self.sig_sync_now)
        self.conflicts_button = QToolButton()
        self.conflicts_button.setAutoRaise(True)
        self.conflicts_button.setObjectName("syncConflicts")
        self.conflicts_button.clicked.connect(self.sig_show_conflicts)
        self.conflicts_button.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.label)
        layout.addWidget(self.conflicts_button)
        layout.addWidget(self.sync_button)
        layout.addStretch(1)

    def show_status(self, status: SyncStatus) -> None:
        self.label.setText(self.text_for(status))
        self.label.setProperty("error", bool(status.enrolled and status.last_error))
        self.label.style().unpolish(self.label)
        self.label.style().polish(self.label)
        self.sync_button.setEnabled(
            status.enrolled and not status.running and not status.needs_restart
        )
        self.sync_button.setVisible(status.enrolled)
        if status.conflicts:
            self.conflicts_button.setText(self.tr("%n conflict(s) to review", "", status.conflicts))
            self.conflicts_button.show()
        else:
            self.conflicts_button.hide()
        self.label.setToolTip(self._tooltip(status))

    def text_for(self, status: SyncStatus) -> str:
        if not status.loaded:
            return self.tr("Checking sync status…")
        if status.needs_restart:
            return self.tr("Enrolled as another station: restart the program to start syncing")
        if not status.enrolled:
            return self.tr("Not enrolled with the town server: working on this computer only")
        if status.running:
            return self.tr("Syncing… %1").replace("%1", status.progress)
        parts: list[str] = []
        if status.last_error:
            parts.append(status.last_error)
        elif status.last_success is not None:
            parts.append(self.tr("Synced at %1").replace("%1", _when(status.last_success)))
        else:
            parts.append(self.tr("Not synced yet"))
        if status.pending:
            parts.append(self.tr("%n record(s) waiting to sync", "", status.pending))
        text = self.tr(", ").join(parts)
        if status.last_error:
            if status.last_success is not None:
                text += self.tr(" (last synced %1)").replace("%1", _when(status.last_success))
            else:
                text += self.tr(" (never synced)")
        return text

    def _tooltip(self, status: SyncStatus) -> str:
        lines = []
        if status.last_success is not None:
            lines.append(
                self.tr("Last successful sync: %1").replace(
                    "%1", f"{status.last_success:%Y-%m-%d %H:%M}"
                )
            )
        if status.rejected:
            lines.append(
                self.tr("%n record(s) were refused by the town server", "", status.rejected)
            )
        return "\n".join(lines)


def _when(at: datetime) -> str:
    """Time only for today, month-day and time otherwise."""
    return f"{at:%H:%M}" if at.date() == datetime.now().date() else f"{at:%m-%d %H:%M}"
