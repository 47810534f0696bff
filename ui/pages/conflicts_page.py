"""同步冲突: records two stations changed at the same time, for a person to settle.

The list names the record and the item; selecting one shows both values side by side with
the station, the person and the time of each. "Keep this value" on either side records the
decision as an event (it syncs, and the conflict closes on every copy). The record already
shows the later value meanwhile, so nothing here is urgent; the list just must not be lost.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station.errors import GridStationError
from station.services import conflicts
from station.services.conflicts import ConflictSide, ConflictView
from ui.context import AppContext
from ui.errors import show_exception
from ui.widgets.list_table import make_review_layout


class _SidePanel(QGroupBox):
    """One value with who wrote it and when, and the button that keeps it."""

    def __init__(self, title: str, button: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.value = QLabel()
        self.value.setObjectName("conflictValue")
        self.value.setWordWrap(True)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.origin = QLabel()
        self.origin.setObjectName("hint")
        self.keep = QPushButton(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value, 1)
        layout.addWidget(self.origin)
        layout.addWidget(self.keep, 0, Qt.AlignmentFlag.AlignLeft)

    def show_side(self, side: ConflictSide) -> None:
        self.value.setText(side.value)
        self.origin.setText(
            self.tr("Written at %1 by %2, %3")
            .replace("%1", side.station_code or "—")
            .replace("%2", side.author or "—")
            .replace("%3", f"{side.at:%Y-%m-%d %H:%M}")
        )


class ConflictsPage(QWidget):
    """The conflicts list and the two values of the selected one."""

    sig_loaded = Signal(object)  # the list of ConflictView, after each load
    sig_resolved = Signal(str)  # a conflict id, after its decision was saved

    def __init__(self, *, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("conflictsPage")
        self.setWindowTitle(self.tr("Sync conflicts"))
        self.items: list[ConflictView] = []
        heading = QLabel(self.tr("Sync conflicts"))
        heading.setObjectName("pageTitle")
        intro = QLabel(
            self.tr(
                "Two stations changed the same item before they saw each other's change. "
                "The record now shows the later value; check it and keep one of the two."
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Record"), self.tr("Item"), self.tr("Shown now"), self.tr("Overwritten")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._selected)
        self.empty_label = QLabel(self.tr("No conflicts to review."))
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(self.table)

        self.reason = QLabel()
        self.reason.setObjectName("hint")
        self.kept_panel = _SidePanel(self.tr("Shown now"), self.tr("Keep this value"))
        self.lost_panel = _SidePanel(self.tr("Overwritten"), self.tr("Restore this value"))
        self.kept_panel.keep.clicked.connect(lambda: self.resolve("kept"))
        self.lost_panel.keep.clicked.connect(lambda: self.resolve("lost"))
        self.error_label = QLabel()
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.detail = QWidget()
        detail = QGridLayout(self.detail)
        detail.setContentsMargins(0, 0, 0, 0)
        detail.addWidget(self.reason, 0, 0, 1, 2)
        detail.addWidget(self.kept_panel, 1, 0)
        detail.addWidget(self.lost_panel, 1, 1)
        detail.addWidget(self.error_label, 2, 0, 1, 2)
        self.detail.hide()

        self.reload_button = make_review_layout(
            self, heading=heading, intro=intro, body=self.stack, detail=self.detail,
            refresh=self.load,
            refresh_text=self.tr("Refresh"),
        )  # fmt: skip
        context.bus.sig_changed.connect(self._changed)

    def _changed(self, _changes: object) -> None:
        if self.isVisible():
            self.load()

    def load(self) -> None:
        actor = self.context.actor
        self.context.runner.query(
            lambda s: conflicts.list_conflicts(s, actor=actor),
            parent=self,
            success=self._show,
            label="conflicts",
        )

    def _show(self, items: list[ConflictView]) -> None:
        keep = self.current.id if self.current else None
        self.items = items
        self.table.setRowCount(len(items))
        for row, c in enumerate(items):
            cells = [
                c.entity_label,
                c.field_label,
                f"{c.kept.value}（{c.kept.station_code}）",
                f"{c.lost.value}（{c.lost.station_code}）",
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.stack.setCurrentWidget(self.table if items else self.empty_label)
        rows = [n for n, c in enumerate(items) if c.id == keep]
        if items:
            self.table.selectRow(rows[0] if rows else 0)
        else:
            self.detail.hide()
        self.sig_loaded.emit(items)

    @property
    def current(self) -> ConflictView | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.items):
            return None
        return self.items[rows[0].row()]

    def _selected(self) -> None:
        c = self.current
        self.error_label.hide()
        if c is None:
            self.detail.hide()
            return
        self.reason.setText(f"{c.entity_label} · {c.field_label}：{c.reason}")
        self.kept_panel.show_side(c.kept)
        self.lost_panel.show_side(c.lost)
        self.lost_panel.keep.setEnabled(c.can_restore)
        self.lost_panel.keep.setToolTip(
            ""
            if c.can_restore
            else self.tr("This item changes only through a case action, not directly")
        )
        self.detail.show()

    def resolve(self, keep: str) -> None:
        c = self.current
        if c is None:
            return
        actor = self.context.actor
        self.kept_panel.keep.setEnabled(False)
        self.lost_panel.keep.setEnabled(False)
        self.context.mutate(
            lambda s: conflicts.resolve_conflict(s, actor=actor, conflict_id=c.id, keep=keep),
            parent=self,
            success=lambda _none: self.sig_resolved.emit(c.id),
            failure=self._failed,
            label="resolve conflict",
        )

    def _failed(self, exc: BaseException) -> None:
        self._selected_buttons()
        if not isinstance(exc, GridStationError):
            show_exception(self, exc)
            return
        self.error_label.setText(exc.message)
        self.error_label.show()

    def _selected_buttons(self) -> None:
        c = self.current
        self.kept_panel.keep.setEnabled(c is not None)
        self.lost_panel.keep.setEnabled(c is not None and c.can_restore)
