"""A list of backups (newest first): when, what kind, how big, where. Used by the Backups
settings section and by the safe-mode window."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from station.errors import GridStationError
from station.services.backup import BackupInfo
from ui.ask import confirm
from ui.errors import show_exception


def confirm_restore(
    parent: QWidget, backup: BackupInfo, *, informative: str, confirm_text: str
) -> bool:
    """Ask before restoring ``backup`` (named by when it was made); Cancel is the default."""
    return confirm(
        parent,
        text=QCoreApplication.translate("BackupList", "Restore the backup made at %1?").replace(
            "%1", f"{backup.created_at:%Y-%m-%d %H:%M}"
        ),
        informative=informative,
        confirm_text=confirm_text,
        cancel_text=QCoreApplication.translate("BackupList", "Cancel"),
    )


def restore_refused(parent: QWidget, exc: BaseException, *, force: Callable[[], None]) -> None:
    """A restore the service refused: a backup of another station is restored only after
    a second, explicit yes (then ``force`` runs); any other failure is shown as usual."""
    if isinstance(exc, GridStationError) and exc.code == "other_station":
        if confirm(
            parent,
            text=QCoreApplication.translate(
                "BackupList", "This backup belongs to another station."
            ),
            # Without the command-line advice (--force) some messages end with.
            informative=exc.message.split("确实要")[0],
            confirm_text=QCoreApplication.translate("BackupList", "Restore it anyway"),
            cancel_text=QCoreApplication.translate("BackupList", "Cancel"),
        ):
            force()
        return
    show_exception(parent, exc)


def size_text(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / 1024 / 1024:.1f} MB"
    return f"{max(n, 1) / 1024:.0f} KB"


class BackupList(QTreeWidget):
    """One row per backup; :meth:`selected` is the highlighted one (or None)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupList")
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHeaderLabels(
            [self.tr("Made at"), self.tr("Kind"), self.tr("Size"), self.tr("Where")]
        )
        self.backups: list[BackupInfo] = []

    def kind_text(self, label: str) -> str:
        kind = label.split("-")[0]
        return {
            "start": self.tr("At start"),
            "daily": self.tr("Daily"),
            "manual": self.tr("By hand"),
            "before": self.tr("Before upgrade or restore"),
        }.get(kind, label)

    def set_backups(self, backups: Sequence[BackupInfo]) -> None:
        self.clear()
        self.backups = list(backups)
        for backup in self.backups:
            where = (
                self.tr("Data folder") if backup.location == "local" else self.tr("Second folder")
            )
            item = QTreeWidgetItem(
                [
                    f"{backup.created_at:%Y-%m-%d %H:%M}",
                    self.kind_text(backup.label),
                    size_text(backup.size),
                    where,
                ]
            )
            item.setToolTip(0, str(backup.path))
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.addTopLevelItem(item)
        for column in range(self.columnCount()):
            self.resizeColumnToContents(column)
            self.setColumnWidth(column, self.columnWidth(column) + 24)
        if self.backups:
            self.setCurrentItem(self.topLevelItem(0))

    def selected(self) -> BackupInfo | None:
        item = self.currentItem()
        if item is None:
            return None
        index = self.indexOfTopLevelItem(item)
        return self.backups[index] if 0 <= index < len(self.backups) else None
