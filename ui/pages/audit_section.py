"""设置 › 审计日志: who did what sensitive thing when, for the station admin.

Filters by kind of action, account and date range; newest first, at most
:data:`station.services.audit.MAX_ROWS` rows (the count of all matches is shown).
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station.errors import GridStationError
from station.services import audit
from station.services.audit import AuditFilter, AuditPage
from ui.context import AppContext
from ui.errors import show_exception
from ui.formatting import format_table_datetime
from ui.widgets.list_table import make_record_table

DEFAULT_DAYS = 30


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class AuditSection(QWidget):
    sig_loaded = Signal(object)  # the AuditPage shown

    def __init__(self, *, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditSection")
        self.context = context
        self.page: AuditPage | None = None

        self.action_combo = QComboBox()
        self.action_combo.setObjectName("auditAction")
        self.action_combo.addItem(self.tr("All actions"), "")
        self.user_combo = QComboBox()
        self.user_combo.setObjectName("auditUser")
        self.user_combo.addItem(self.tr("All accounts"), "")
        today = date.today()
        self.from_edit = QDateEdit(_qdate(today - timedelta(days=DEFAULT_DAYS)))
        self.to_edit = QDateEdit(_qdate(today))
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.search_button = QPushButton(self.tr("Show"))
        self.search_button.setObjectName("primaryButton")
        self.search_button.clicked.connect(self.load)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Action")))
        filters.addWidget(self.action_combo)
        filters.addWidget(QLabel(self.tr("Account")))
        filters.addWidget(self.user_combo)
        filters.addWidget(QLabel(self.tr("From")))
        filters.addWidget(self.from_edit)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.to_edit)
        filters.addWidget(self.search_button)
        filters.addStretch(1)

        self.table = make_record_table(
            object_name="auditTable",
            headers=[
                self.tr("Time"),
                self.tr("Account"),
                self.tr("Action"),
                self.tr("Concerning"),
                self.tr("Details"),
            ],
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.count_label = QLabel()
        self.count_label.setObjectName("hint")
        note = QLabel(
            self.tr(
                "The audit log can only grow: no one can change or delete an entry. "
                "It never contains ID numbers or passwords."
            )
        )
        note.setObjectName("hint")
        note.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(note)

    def current_filter(self) -> AuditFilter:
        return AuditFilter(
            action=str(self.action_combo.currentData() or ""),
            username=str(self.user_combo.currentData() or ""),
            date_from=_pydate(self.from_edit.date()),
            date_to=_pydate(self.to_edit.date()),
        )

    def showEvent(self, event: QShowEvent) -> None:
        """Fresh from the database each time the tab comes into view."""
        super().showEvent(event)
        self.load()

    def load(self) -> None:
        actor, flt = self.context.actor, self.current_filter()
        self.search_button.setEnabled(False)
        self.context.runner.query(
            lambda s: audit.list_audit(s, actor=actor, flt=flt),
            parent=self,
            success=self._show,
            failure=self._failed,
            label="audit",
        )

    def _failed(self, exc: BaseException) -> None:
        self.search_button.setEnabled(True)
        if isinstance(exc, GridStationError) and exc.field == "date_from":
            self.count_label.setText(exc.message)
            self.from_edit.setFocus()
        else:
            show_exception(self, exc)

    def _fill_combo(self, combo: QComboBox, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for code, label in items:
            combo.addItem(label, code)
        index = combo.findData(current)
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)

    def _show(self, page: AuditPage) -> None:
        self.search_button.setEnabled(True)
        self.page = page
        self._fill_combo(self.action_combo, page.actions)
        self._fill_combo(self.user_combo, [(u, u) for u in page.usernames])
        self.table.setRowCount(len(page.rows))
        for r, row in enumerate(page.rows):
            values = [
                format_table_datetime(row.at),
                row.username,
                row.action_label,
                row.target,
                row.detail,
            ]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c == 4:
                    item.setToolTip(value)
                self.table.setItem(r, c, item)
        if not page.rows:
            self.count_label.setText(self.tr("No entries match these filters."))
        elif page.total > len(page.rows):
            self.count_label.setText(
                self.tr("Newest %1 of %2 entries; narrow the dates to see older ones.")
                .replace("%1", str(len(page.rows)))
                .replace("%2", str(page.total))
            )
        else:
            self.count_label.setText(self.tr("%Ln entries", "", page.total))
        self.sig_loaded.emit(page)
