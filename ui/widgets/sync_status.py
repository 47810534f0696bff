"""The sync line of the status bar: last success, records waiting, the last error, plainly.

"无法连接镇服务器，已离线工作，3 条待同步（上次同步 11-27 10:32）" — always visible, so a
clerk knows whether the town center has seen today's work. A button syncs now (F9 does
the same from anywhere); while a sync runs, another cancels it (Shift+F9). Links shown only
when there are any open the conflicts and the records the town server refused.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from ui.sync_controller import SyncStatus


class SyncStatusWidget(QWidget):
    sig_sync_now = Signal()
    sig_show_conflicts = Signal()
    sig_show_rejections = Signal()
    sig_cancel = Signal()

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
        self.rejections_button = QToolButton()
        self.rejections_button.setAutoRaise(True)
        self.rejections_button.setObjectName("syncRejections")
        self.rejections_button.setToolTip(
            self.tr("Show the records the town server refused, and why")
        )
        self.rejections_button.clicked.connect(self.sig_show_rejections)
        self.rejections_button.hide()
        self.cancel_button = QToolButton()
        self.cancel_button.setAutoRaise(True)
        self.cancel_button.setObjectName("syncCancel")
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(
            self.tr("Stop this sync; what has not gone yet goes with the next sync (Shift+F9)")
        )
        self.cancel_button.clicked.connect(self.sig_cancel)
        self.cancel_button.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.label)
        layout.addWidget(self.cancel_button)
        layout.addWidget(self.conflicts_button)
        layout.addWidget(self.rejections_button)
        layout.addWidget(self.sync_button)
        layout.addStretch(1)

    def show_status(self, status: SyncStatus) -> None:
        self.label.setText(self.text_for(status))
        self.label.setProperty(
            "error", bool(status.enrolled and status.last_error and not status.cancelled)
        )
        self.label.style().unpolish(self.label)
        self.label.style().polish(self.label)
        self.sync_button.setEnabled(
            status.enrolled and not status.running and not status.needs_restart
        )
        self.sync_button.setVisible(status.enrolled)
        self.cancel_button.setVisible(status.running)
        self.cancel_button.setEnabled(status.running and not status.cancelled)
        if status.conflicts:
            self.conflicts_button.setText(self.tr("%n conflict(s) to review", "", status.conflicts))
            self.conflicts_button.show()
        else:
            self.conflicts_button.hide()
        if status.rejected:
            self.rejections_button.setText(
                self.tr("%1 refused").replace("%1", str(status.rejected))
            )
            self.rejections_button.show()
        else:
            self.rejections_button.hide()
        self.label.setToolTip(self._tooltip(status))

    def text_for(self, status: SyncStatus) -> str:
        if not status.loaded:
            return self.tr("Checking sync status…")
        if status.needs_restart:
            return self.tr("Enrolled as another station: restart the program to start syncing")
        if not status.enrolled:
            return self.tr("Not enrolled with the town server: working on this computer only")
        if status.running and status.cancelled:
            return self.tr("Cancelling sync…")
        if status.running:
            return self.tr("Syncing… %1").replace("%1", status.progress)
        parts: list[str] = []
        if status.cancelled:
            parts.append(self.tr("Sync cancelled; it will continue next time"))
        elif status.last_error:
            parts.append(status.last_error)
        elif status.last_success is not None:
            parts.append(self.tr("Synced at %1").replace("%1", _when(status.last_success)))
        else:
            parts.append(self.tr("Not synced yet"))
        if status.pending:
            parts.append(self.tr("%n record(s) waiting to sync", "", status.pending))
        text = self.tr(", ").join(parts)
        if status.last_error and not status.cancelled:
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
