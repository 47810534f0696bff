"""工单: the searchable list of every work order on this station."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from station.domain.enums import CaseStatus
from station.services.cases import CaseFilter
from ui.errors import show_exception
from ui.models.case_table_model import CaseTableModel, db_row_fetcher
from ui.task_runner import TaskRunner

SEARCH_DELAY_MS = 300  # typing pauses longer than this start a search
COLUMN_WIDTHS = {
    CaseTableModel.NUMBER: 170,
    CaseTableModel.RECEIVED: 130,
    CaseTableModel.STATUS: 120,
    CaseTableModel.CATEGORY: 100,
    CaseTableModel.GRID: 150,
    CaseTableModel.REQUESTER: 80,
}


class CasesPage(QWidget):
    """Search box, status filter, the lazy case table and an empty state.

    The first load starts when :meth:`start` is called (the window calls it once shown),
    so the window paints before the id list arrives.
    """

    sig_case_count = Signal(int)  # number of cases matching the current search

    def __init__(
        self, *, database: object, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("casesPage")
        self.model = CaseTableModel(fetch_rows=db_row_fetcher(database), runner=runner, parent=self)

        heading = QLabel(self.tr("Work orders"))
        heading.setObjectName("pageTitle")

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("caseSearch")
        self.search_edit.setPlaceholderText(
            self.tr("Search by number, name, or words in the request (Ctrl+F)")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMaxLength(100)
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("statusFilter")
        self.status_combo.addItem(self.tr("All statuses"), None)
        for status in CaseStatus:
            self.status_combo.addItem(status.label, status.value)
        self.status_combo.setMinimumContentsLength(8)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")

        toolbar = QHBoxLayout()
        toolbar.setSpacing(8)
        toolbar.addWidget(self.search_edit, 1)
        toolbar.addWidget(self.status_combo)
        toolbar.addWidget(self.count_label)

        self.table = QTableView()
        self.table.setObjectName("caseTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setSortingEnabled(False)  # newest first, as the service orders them
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.verticalHeader().hide()
        # Fixed row heights and column widths: nothing is measured per row, so 200,000
        # rows cost what the visible ones cost.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        header.setStretchLastSection(True)

        self.empty_label = QLabel()
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addLayout(toolbar)
        layout.addWidget(self.stack, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.search_now)
        self.search_edit.textChanged.connect(self._debounce.start)
        self.search_edit.returnPressed.connect(self.search_now)
        self.status_combo.currentIndexChanged.connect(self.search_now)
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search)
        self.model.sig_loading.connect(self._loading)
        self.model.sig_loaded.connect(self._loaded)
        self.model.sig_failed.connect(self._load_failed)
        self._last_filter: CaseFilter | None = None

    # ----------------------------------------------------------------- searching

    def current_filter(self) -> CaseFilter:
        return CaseFilter(
            status=self.status_combo.currentData(), query=self.search_edit.text().strip()
        )

    def start(self) -> None:
        """Load the list for the current search (also: refresh)."""
        self._last_filter = None
        self.search_now()

    def search_now(self) -> None:
        self._debounce.stop()
        flt = self.current_filter()
        if flt == self._last_filter:
            return
        self._last_filter = flt
        self.model.load(flt)

    def _focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    # ----------------------------------------------------------------- showing results

    def _loading(self) -> None:
        self.count_label.setText(self.tr("Searching…"))

    def _loaded(self, total: int) -> None:
        self.count_label.setText(self.tr("%Ln case(s)", "", total))
        if total:
            self.stack.setCurrentWidget(self.table)
            self.table.scrollToTop()
        else:
            flt = self.model.filter
            if flt.query or flt.status:
                self.empty_label.setText(
                    self.tr(
                        "No work order matches.\n"
                        "Try fewer or other words, or choose “All statuses”."
                    )
                )
            else:
                self.empty_label.setText(
                    self.tr(
                        "No work orders yet.\nRequests recorded at the counter will appear here."
                    )
                )
            self.stack.setCurrentWidget(self.empty_label)
        self.sig_case_count.emit(total)

    def _load_failed(self, exc: BaseException) -> None:
        self.count_label.setText(self.tr("Search failed"))
        self._last_filter = None  # let the same search be tried again
        show_exception(self, exc)
