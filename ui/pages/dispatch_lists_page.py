"""Work lists of 诉求点将, one page for each side of it:

* **center** — the town center's dispatch queue (待派单: most urgent, then newest first, with
  the station and grid it came from) and its supervision lists (办理中, 签收超时, 办理超时,
  延期待审批, 督办件, 待回访); dispatch, 催办, 督办, extension answers, the 交办单;
* **unit** — a department's or community's inbox of what was dispatched to it: sign for,
  record progress, ask for an extension, return, reply;
* **station** — the station's 待回访 list: call the resident and record the rating.

Lists come from :func:`station.services.dispatch.dispatch_list` on the worker; the page
refreshes from the app-wide change signal. Enter or a double click opens the work order.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from station.domain.dispatch import ExtensionState
from station.domain.enums import CaseStatus
from station.services import cases
from station.services.changes import Changes
from station.services.dispatch import DispatchRow, Lists, dispatch_list, due_text, unit_list
from station.services.reference import Choices, load_choices
from ui.context import AppContext
from ui.dialogs import dispatch_step_dialog as steps
from ui.dialogs.dispatch_dialog import DispatchDialog
from ui.dialogs.dispatch_step_dialog import DispatchStepDialog
from ui.dialogs.return_visit_dialog import ReturnVisitDialog
from ui.printing import REFERRAL, open_case_document, printing_available
from ui.task_runner import DbSession
from ui.widgets.list_table import make_empty_state_label, make_list_table

CENTER, UNIT, STATION = "center", "unit", "station"
DISPATCH, VISIT, PRINT, OPEN = "dispatch", "visit", "print", "open"
NUMBER, RECEIVED, URGENCY, STATUS, SUMMARY, SOURCE, GRID, LEAD, CO, DUE, FLAGS = range(11)
COLUMN_WIDTHS = {
    NUMBER: 150,
    RECEIVED: 115,
    URGENCY: 60,
    STATUS: 125,
    SUMMARY: 200,
    SOURCE: 60,
    GRID: 120,
    LEAD: 80,
    CO: 80,
    DUE: 90,
}


class DispatchListsPage(QWidget):
    """See the module docstring; ``mode`` is CENTER, UNIT or STATION."""

    sig_open_case = Signal(str)  # case id
    sig_loaded = Signal(int)  # rows shown

    def __init__(self, *, context: AppContext, mode: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if mode not in (CENTER, UNIT, STATION):
            raise ValueError(mode)
        self.context = context
        self.mode = mode
        self.choices: Choices | None = None
        self.rows: list[DispatchRow] = []
        self.unit_filter: tuple[str | None, str | None] = (None, None)  # (department, community)
        self.unit_name = ""
        self.active_dialog: QDialog | None = None
        self.setObjectName(f"dispatchLists_{mode}")

        titles = {
            CENTER: self.tr("Dispatch and supervision"),
            UNIT: self.tr("Work orders dispatched to us"),
            STATION: self.tr("Waiting for the return visit"),
        }
        title = QLabel(titles[mode])
        title.setObjectName("pageTitle")
        self.list_combo = QComboBox()
        self.list_combo.setObjectName("dispatchListChoice")
        lists = {
            CENTER: [
                (Lists.QUEUE, self.tr("Waiting for dispatch")),
                (Lists.INBOX, self.tr("Being handled")),
                (Lists.SIGN_OVERDUE, self.tr("Sign-for overdue")),
                (Lists.HANDLING_OVERDUE, self.tr("Handling overdue")),
                (Lists.EXTENSIONS, self.tr("Extension requests")),
                (Lists.SUPERVISED, self.tr("Supervised")),
                (Lists.AWAITING_VISIT, self.tr("Waiting for the rating")),
            ],
            UNIT: [
                (Lists.INBOX, self.tr("To handle")),
                (Lists.SIGN_OVERDUE, self.tr("Sign-for overdue")),
                (Lists.HANDLING_OVERDUE, self.tr("Handling overdue")),
            ],
            STATION: [(Lists.AWAITING_VISIT, self.tr("Waiting for the return visit"))],
        }[mode]
        for key, text in lists:
            self.list_combo.addItem(text, key)
        self.list_combo.setVisible(len(lists) > 1)
        self.filter_label = QLabel()
        self.filter_label.setObjectName("hint")
        self.clear_filter_button = QPushButton(self.tr("All units"))
        self.clear_filter_button.clicked.connect(self.clear_unit_filter)
        self.clear_filter_button.hide()
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(16)
        top.addWidget(self.list_combo)
        top.addWidget(self.filter_label)
        top.addWidget(self.clear_filter_button)
        top.addStretch(1)
        top.addWidget(self.refresh_button)

        self.buttons: dict[str, QPushButton] = {}
        actions = {
            CENTER: [
                (DISPATCH, self.tr("Dispatch…")),
                (steps.REMIND, self.tr("Remind…")),
                (steps.SUPERVISE, self.tr("Supervise…")),
                (steps.APPROVE_EXTENSION, self.tr("Approve extension…")),
                (steps.REFUSE_EXTENSION, self.tr("Refuse extension…")),
                (PRINT, self.tr("Print referral slip")),
                (OPEN, self.tr("Open")),
            ],
            UNIT: [
                (steps.SIGN_FOR, self.tr("Sign for…")),
                (steps.PROGRESS, self.tr("Progress…")),
                (steps.REQUEST_EXTENSION, self.tr("Request extension…")),
                (steps.RETURN, self.tr("Return…")),
                (steps.REPLY, self.tr("Reply…")),
                (OPEN, self.tr("Open")),
            ],
            STATION: [(VISIT, self.tr("Return visit…")), (OPEN, self.tr("Open"))],
        }[mode]
        bar = QHBoxLayout()
        for n, (key, text) in enumerate(actions, start=1):
            button = QPushButton(text)
            button.setObjectName(f"dispatch_{key}")
            button.setShortcut(QKeySequence(f"Alt+{n}"))  # as on the work-order screen
            button.setToolTip(f"Alt+{n}")
            button.setMinimumHeight(30)
            button.clicked.connect(lambda _=False, k=key: self.start(k))
            bar.addWidget(button)
            self.buttons[key] = button
        bar.addStretch(1)
        self.count_label = QLabel()
        bar.addWidget(self.count_label)

        self.model = QStandardItemModel(0, 11, self)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Number"),
                self.tr("Received"),
                self.tr("Urgency"),
                self.tr("Status"),
                self.tr("Summary"),
                self.tr("From"),
                self.tr("Grid"),
                self.tr("Lead unit"),
                self.tr("Co-handling"),
                self.tr("Deadline"),
                self.tr("Attention"),
            ]
        )
        self.table = make_list_table(
            object_name="dispatchTable", model=self.model, column_widths=COLUMN_WIDTHS
        )
        self.table.doubleClicked.connect(lambda _index: self.start(OPEN))
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.table, lambda: self.start(OPEN))
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.empty_label = make_empty_state_label()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self.list_combo.currentIndexChanged.connect(self.refresh)
        context.bus.sig_changed.connect(self._changed)
        self._row_changed()

    # ----------------------------------------------------------------- loading

    def start(self, key: str) -> QDialog | None:
        """Run the button ``key`` on the selected row (or nothing when none is selected)."""
        row = self.current_row()
        if row is None:
            return None
        if key == OPEN:
            self.sig_open_case.emit(row.id)
            return None
        if key == PRINT:
            open_case_document(parent=self, context=self.context, kind=REFERRAL, number=row.number)
            return None
        self.context.runner.query(
            lambda s: cases.get_case(s, case_id=row.id),
            parent=self,
            success=lambda detail: self._open_dialog(key, row, detail),
            label="case",
        )
        return None

    def _open_dialog(self, key: str, row: DispatchRow, detail: cases.CaseDetail) -> None:
        dialog: QDialog
        if key == DISPATCH:
            if self.choices is None:
                return
            dialog = DispatchDialog(
                context=self.context, case=detail, choices=self.choices, parent=self
            )
        elif key == VISIT:
            dialog = ReturnVisitDialog(context=self.context, case=detail, parent=self)
        else:
            dialog = DispatchStepDialog(context=self.context, case=detail, step=key, parent=self)
            if key == steps.APPROVE_EXTENSION and row.extension_until is not None:
                dialog.set_until(row.extension_until)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.active_dialog = dialog
        dialog.open()

    def set_choices(self, choices: Choices) -> None:
        self.choices = choices

    def refresh(self) -> None:
        which = self.current_list()
        department, community = self.unit_filter
        if self.choices is None and self.mode == CENTER:
            self.context.runner.query(
                load_choices, parent=self, success=self.set_choices, label="choices"
            )

        def op(s: DbSession) -> list[DispatchRow]:
            if self.mode == UNIT:  # the desk's own department, when it knows it
                return unit_list(s, which=which)
            return dispatch_list(s, which=which, department_id=department, community_id=community)

        self.context.runner.query(
            op,
            parent=self,
            success=self._show,
            label="dispatch list",
        )

    def current_list(self) -> str:
        return str(self.list_combo.currentData())

    def show_list(
        self,
        which: str,
        *,
        department_id: str | None = None,
        community_id: str | None = None,
        unit_name: str = "",
    ) -> None:
        """Show list ``which`` (a :class:`Lists` value), for one unit when given (the
        oversight board's click-through)."""
        self.unit_filter = (department_id or None, community_id or None)
        self.unit_name = unit_name
        index = self.list_combo.findData(which)
        self.list_combo.blockSignals(True)
        self.list_combo.setCurrentIndex(max(0, index))
        self.list_combo.blockSignals(False)
        self.refresh()

    def clear_unit_filter(self) -> None:
        self.unit_filter = (None, None)
        self.unit_name = ""
        self.refresh()

    def _changed(self, changes: Changes) -> None:
        if changes.case_ids:
            self.refresh()

    def _show(self, rows: list[DispatchRow]) -> None:
        selected = self.current_row()
        self.rows = rows
        self.model.setRowCount(0)
        today = date.today()
        for row in rows:
            self.model.appendRow(self._items(row, today))
        filtered = self.unit_filter != (None, None)
        unit = self.unit_name or (rows[0].lead_unit if rows else "")
        self.filter_label.setText(self.tr("Unit: %1").replace("%1", unit) if filtered else "")
        self.clear_filter_button.setVisible(filtered)
        self.count_label.setText(self.tr("%n work order(s)", "", len(rows)))
        if rows:
            self.stack.setCurrentWidget(self.table)
            ids = [r.id for r in rows]
            keep = ids.index(selected.id) if selected is not None and selected.id in ids else 0
            self.table.selectRow(keep)
        else:
            self.empty_label.setText(self._empty_text())
            self.stack.setCurrentWidget(self.empty_label)
        self._row_changed()
        self.sig_loaded.emit(len(rows))

    def _empty_text(self) -> str:
        if self.mode == CENTER and self.current_list() == Lists.QUEUE:
            return self.tr("No work order is waiting for dispatch.")
        if self.mode == UNIT:
            return self.tr("Nothing has been dispatched to you. New work orders arrive by sync.")
        if self.mode == STATION:
            return self.tr("No reply is waiting for a return visit.")
        return self.tr("No work order in this list.")

    def _items(self, row: DispatchRow, today: date) -> list[QStandardItem]:
        attention = [due_text(row, today)]
        if row.extension_state == ExtensionState.REQUESTED.value and row.extension_until:
            attention.append(self.tr("extension to %1").replace("%1", f"{row.extension_until}"))
        if row.supervised:
            attention.append(self.tr("supervised"))
        if row.reminder_count:
            attention.append(self.tr("reminded %1×").replace("%1", str(row.reminder_count)))
        if row.returned:
            attention.append(self.tr("back again") if row.rework_count else self.tr("returned"))
        values = [
            row.number,
            f"{row.received_at:%Y-%m-%d %H:%M}",
            row.urgency_label,
            row.status_label,
            row.summary,
            row.station_code,
            row.grid,
            row.lead_unit,
            row.co_units,
            f"{row.deadline:%Y-%m-%d}" if row.deadline else "",
            "，".join(a for a in attention if a),
        ]
        items = []
        for value in values:
            item = QStandardItem(value)
            item.setEditable(False)
            if row.sign_overdue or row.handling_overdue:
                item.setForeground(Qt.GlobalColor.darkRed)
            items.append(item)
        items[SUMMARY].setToolTip(row.summary)
        return items

    # ----------------------------------------------------------------- selection

    def current_row(self) -> DispatchRow | None:
        index: QModelIndex = self.table.currentIndex()
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        return self.rows[index.row()]

    def select_case(self, case_id: str) -> bool:
        for n, row in enumerate(self.rows):
            if row.id == case_id:
                self.table.selectRow(n)
                return True
        return False

    def _row_changed(self, *_args: object) -> None:
        row = self.current_row()
        status = row.status if row is not None else ""
        pending = row is not None and row.extension_state == ExtensionState.REQUESTED.value
        dispatched = status in (CaseStatus.DISPATCHED.value, CaseStatus.IN_PROGRESS.value)
        enabled = {
            DISPATCH: status == CaseStatus.AWAITING_DISPATCH.value,
            steps.REMIND: dispatched,
            steps.SUPERVISE: dispatched or status == CaseStatus.AWAITING_DISPATCH.value,
            steps.APPROVE_EXTENSION: dispatched and pending,
            steps.REFUSE_EXTENSION: dispatched and pending,
            PRINT: row is not None and bool(row.lead_unit) and printing_available(),
            steps.SIGN_FOR: status == CaseStatus.DISPATCHED.value,
            steps.PROGRESS: dispatched,
            steps.REQUEST_EXTENSION: status == CaseStatus.IN_PROGRESS.value and not pending,
            steps.RETURN: dispatched,
            steps.REPLY: status == CaseStatus.IN_PROGRESS.value,
            VISIT: status in (CaseStatus.REPLIED.value, CaseStatus.AWAITING_VISIT.value),
            OPEN: row is not None,
        }
        for key, button in self.buttons.items():
            button.setEnabled(enabled.get(key, False))
