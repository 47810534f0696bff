"""被拒收的记录: this station's changes the town server refused, each with its reason.

A refused change no longer counts on this station either (every copy stays the same), so a
person must see what was refused and why, and enter it again correctly if it is still
needed. The list names the record (work order number, resident, mediation case), the change
and the server's reason in Chinese; Enter, a double click or "open record" opens the work
order or mediation case when it still exists. Loaded on the database worker.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from station.sync.rejections import RejectedItem, list_rejections
from ui.context import AppContext
from ui.models.rows_table_model import Index, RowsTableModel
from ui.widgets.list_table import make_empty_state_label, make_list_table, make_review_layout


class RejectionsModel(RowsTableModel):
    """The refused changes as :func:`list_rejections` returned them (a few at most: they are
    held whole)."""

    WRITTEN, RECORD, CHANGE, AUTHOR, REASON = range(5)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(key=lambda item: item.event_id, parent=parent)
        self._headers = (
            self.tr("Written at"),
            self.tr("Record"),
            self.tr("Change"),
            self.tr("Written by"),
            self.tr("Reason given by the town server"),
        )

    def reason_text(self, item: RejectedItem) -> str:
        if item.field_label and item.field_label not in item.message:
            return (
                self.tr("%1 (item: %2)").replace("%1", item.message).replace("%2", item.field_label)
            )
        return item.message

    def record_text(self, item: RejectedItem) -> str:
        if item.exists:
            return item.entity_label
        return self.tr("%1 (not on this station)").replace("%1", item.entity_label)

    # ----------------------------------------------------------------- Qt overrides

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.row_at(index.row())
        if item is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (
                f"{item.written_at:%Y-%m-%d %H:%M}",
                self.record_text(item),
                item.event_label,
                item.author,
                self.reason_text(item),
            )[index.column()]
        return None


class RejectionsPage(QWidget):
    """The refused changes, newest first, and the reason of the selected one in full."""

    sig_loaded = Signal(object)  # the list of RejectedItem, after each load
    sig_open_case = Signal(str)  # a work order id, to open in the main window
    sig_open_mediation = Signal(str)  # a mediation case id

    def __init__(self, *, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("rejectionsPage")
        self.setWindowTitle(self.tr("Records refused by the town server"))
        heading = QLabel(self.tr("Records refused by the town server"))
        heading.setObjectName("pageTitle")
        intro = QLabel(
            self.tr(
                "The town server did not accept these changes, so they no longer count on this "
                "station either. Each row says why; if the change is still needed, open the "
                "record and enter it again correctly."
            )
        )
        intro.setWordWrap(True)
        self.model = RejectionsModel(self)
        self.table = make_list_table(
            object_name="rejectionsTable",
            model=self.model,
            column_widths={
                RejectionsModel.WRITTEN: 130,
                RejectionsModel.RECORD: 260,
                RejectionsModel.CHANGE: 150,
                RejectionsModel.AUTHOR: 90,
            },
        )
        self.table.doubleClicked.connect(lambda index: self.open_record(index.row()))
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.table, self.open_record)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.empty_label = make_empty_state_label()
        self.empty_label.setText(self.tr("No records were refused by the town server"))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(self.table)

        self.reason = QLabel()
        self.reason.setObjectName("rejectionReason")
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_hint = QLabel()
        self.open_hint.setObjectName("hint")
        self.open_button = QPushButton(self.tr("Open record"))
        self.open_button.clicked.connect(lambda: self.open_record())
        self.detail = QWidget()
        detail = QVBoxLayout(self.detail)
        detail.setContentsMargins(0, 0, 0, 0)
        detail.addWidget(self.reason)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.open_hint, 1)
        detail.addLayout(buttons)
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
            lambda s: list_rejections(s, actor=actor),
            parent=self,
            success=self._show,
            label="rejections",
        )

    def _show(self, items: list[RejectedItem]) -> None:
        current = self.current
        keep = current.event_id if current else None
        self.model.set_rows(items)
        self.stack.setCurrentWidget(self.table if items else self.empty_label)
        if items:
            row = self.model.row_of(keep) if keep else None
            self.table.selectRow(row if row is not None else 0)
        self._selected()
        self.sig_loaded.emit(items)

    @property
    def current(self) -> RejectedItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _selected(self) -> None:
        item = self.current
        if item is None:
            self.detail.hide()
            return
        self.reason.setText(
            f"{self.model.record_text(item)} · {item.event_label}：{self.model.reason_text(item)}"
        )
        self.open_button.setEnabled(item.can_open)
        if item.can_open:
            hint = ""
        elif not item.exists:
            hint = self.tr("The record was never accepted, so there is nothing to open.")
        elif item.entity_type == "person":
            hint = self.tr("Residents are opened from the work orders they raised.")
        else:
            hint = self.tr("Your account may not open this kind of record.")
        self.open_hint.setText(hint)
        self.detail.show()

    def open_record(self, row: int | None = None) -> bool:
        """Open the selected (or ``row``'s) work order or mediation case in the main window."""
        item = self.current if row is None else self.model.row_at(row)
        if item is None or not item.can_open:
            return False
        if item.entity_type == "case":
            self.sig_open_case.emit(item.entity_id)
        else:
            self.sig_open_mediation.emit(item.entity_id)
        return True
