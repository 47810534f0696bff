"""The town center's oversight board (督办看板): what waits for dispatch, what is overdue —
by department and by community — what waits for an extension answer or the resident's
rating, and work orders by status. Every count opens its list (:class:`DispatchListsPage`
through :attr:`sig_show_list`).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from station.services.changes import Changes
from station.services.dispatch import Lists, Oversight, UnitCount, oversight
from ui.context import AppContext
from ui.widgets.list_table import make_list_table


class DispatchOversightPage(QWidget):
    sig_show_list = Signal(str, str, str, str)  # list, department id, community id, unit name
    sig_loaded = Signal(object)  # the Oversight shown

    def __init__(self, *, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.board: Oversight | None = None
        self.setObjectName("dispatchOversight")
        title = QLabel(self.tr("Oversight board"))
        title.setObjectName("pageTitle")
        self.today_label = QLabel()
        self.today_label.setObjectName("hint")
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addWidget(self.today_label)
        top.addStretch(1)
        top.addWidget(refresh)

        self.tiles: dict[str, QPushButton] = {}
        tiles = QGridLayout()
        for n, (key, text) in enumerate(
            [
                (Lists.QUEUE, self.tr("Waiting for dispatch")),
                (Lists.SIGN_OVERDUE, self.tr("Sign-for overdue")),
                (Lists.HANDLING_OVERDUE, self.tr("Handling overdue")),
                (Lists.EXTENSIONS, self.tr("Extension requests")),
                (Lists.SUPERVISED, self.tr("Supervised")),
                (Lists.AWAITING_VISIT, self.tr("Waiting for the rating")),
            ]
        ):
            tile = QPushButton()
            tile.setObjectName(f"tile_{key}")
            tile.setMinimumHeight(64)
            tile.setProperty("caption", text)
            tile.clicked.connect(lambda _=False, k=key: self.sig_show_list.emit(k, "", "", ""))
            tiles.addWidget(tile, 0, n)
            self.tiles[key] = tile

        self.department_model = self._unit_model()
        self.community_model = self._unit_model()
        self.department_table = self._unit_table("departmentBoard", self.department_model)
        self.community_table = self._unit_table("communityBoard", self.community_model)
        self.department_table.doubleClicked.connect(
            lambda index: self._unit_clicked(index.row(), departments=True)
        )
        self.community_table.doubleClicked.connect(
            lambda index: self._unit_clicked(index.row(), departments=False)
        )
        self.status_model = QStandardItemModel(0, 2, self)
        self.status_model.setHorizontalHeaderLabels([self.tr("Status"), self.tr("Work orders")])
        self.status_table = make_list_table(
            object_name="statusBoard", model=self.status_model, column_widths={0: 150, 1: 80}
        )

        units = QHBoxLayout()
        for caption, table in (
            (self.tr("Open and overdue by department"), self.department_table),
            (self.tr("Open and overdue by village or community"), self.community_table),
            (self.tr("Work orders by status"), self.status_table),
        ):
            box = QGroupBox(caption)
            inner = QVBoxLayout(box)
            inner.addWidget(table)
            units.addWidget(box, 2 if table is not self.status_table else 1)
        hint = QLabel(self.tr("Double-click a unit to see its open work orders."))
        hint.setObjectName("hint")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addLayout(tiles)
        layout.addLayout(units, 1)
        layout.addWidget(hint)
        context.bus.sig_changed.connect(self._changed)

    def _unit_model(self) -> QStandardItemModel:
        model = QStandardItemModel(0, 4, self)
        model.setHorizontalHeaderLabels(
            [self.tr("Unit"), self.tr("Open"), self.tr("Sign-for late"), self.tr("Overdue")]
        )
        return model

    def _unit_table(self, name: str, model: QStandardItemModel) -> QTableView:
        return make_list_table(object_name=name, model=model, column_widths={0: 230, 1: 60, 2: 80})

    def refresh(self) -> None:
        self.context.runner.query(
            lambda s: oversight(s, today=date.today()),
            parent=self,
            success=self._show,
            label="oversight",
        )

    def _changed(self, changes: Changes) -> None:
        if changes.case_ids:
            self.refresh()

    def _show(self, board: Oversight) -> None:
        self.board = board
        self.today_label.setText(self.tr("as of %1").replace("%1", f"{board.today:%Y-%m-%d}"))
        counts = {
            Lists.QUEUE: board.awaiting_dispatch,
            Lists.SIGN_OVERDUE: board.sign_overdue,
            Lists.HANDLING_OVERDUE: board.handling_overdue,
            Lists.EXTENSIONS: board.extension_requests,
            Lists.SUPERVISED: board.supervised,
            Lists.AWAITING_VISIT: board.awaiting_rating,
        }
        for key, tile in self.tiles.items():
            tile.setText(f"{counts[key]}\n{tile.property('caption')}")
        for model, units in (
            (self.department_model, board.by_department),
            (self.community_model, board.by_community),
        ):
            model.setRowCount(0)
            for unit in units:
                model.appendRow(self._unit_items(unit))
        self.status_model.setRowCount(0)
        for _status, label, count in board.by_status:
            if count:
                self.status_model.appendRow([_item(label), _item(str(count))])
        self.sig_loaded.emit(board)

    def _unit_items(self, unit: UnitCount) -> list[QStandardItem]:
        items = [
            _item(unit.name),
            _item(str(unit.open)),
            _item(str(unit.sign_overdue)),
            _item(str(unit.handling_overdue)),
        ]
        if unit.sign_overdue or unit.handling_overdue:
            for item in items:
                item.setForeground(Qt.GlobalColor.darkRed)
        return items

    def _unit_clicked(self, row: int, *, departments: bool) -> None:
        if self.board is None:
            return
        units = self.board.by_department if departments else self.board.by_community
        if not 0 <= row < len(units):
            return
        unit = units[row]
        self.sig_show_list.emit(
            Lists.INBOX,
            unit.unit_id if departments else "",
            "" if departments else unit.unit_id,
            unit.name,
        )


def _item(text: str) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    return item
