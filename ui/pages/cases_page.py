"""工单: the searchable, filterable list of every work order, and one order's detail.

The list and the detail share the page: Enter (or a double click) opens the selected order,
Esc goes back with the list as it was. Both refresh themselves through the app-wide change
signal after every change, wherever it was made.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from station.domain.enums import CaseStatus, Channel
from station.services.cases import CaseFilter, DeadlineFilter
from station.services.changes import Changes
from station.services.reference import Choices
from ui.context import AppContext
from ui.errors import show_exception
from ui.models.case_table_model import CaseTableModel, db_row_fetcher
from ui.pages.case_detail_page import CaseDetailPage
from ui.widgets.list_table import make_list_and_detail, make_list_table

SEARCH_DELAY_MS = 300  # typing pauses longer than this start a search
COLUMN_WIDTHS = {
    CaseTableModel.NUMBER: 160,
    CaseTableModel.RECEIVED: 122,
    CaseTableModel.STATUS: 110,
    CaseTableModel.DEADLINE: 130,
    CaseTableModel.CATEGORY: 84,
    CaseTableModel.GRID: 140,
    CaseTableModel.REQUESTER: 64,
}
# Date-range choices: (key, days back from today; None = no bound)
ANY, TODAY, WEEK, MONTH_30, THIS_MONTH, CUSTOM = "any", "today", "7", "30", "month", "custom"
COMMUNITY, GRID = "community:", "grid:"  # prefixes of the area filter's item data


class CasesPage(QWidget):
    """Search box, filters, the lazy case table with an empty state, and the detail page.

    The first load starts when :meth:`start` is called (the window calls it once shown),
    so the window paints before the id list arrives.
    """

    sig_case_count = Signal(int)  # number of cases matching the current search

    def __init__(self, *, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("casesPage")
        self.context = context
        self.model = CaseTableModel(
            fetch_rows=db_row_fetcher(context.database), runner=context.runner, parent=self
        )
        self._refresh_keep: str | None = None  # case id to select again after a refresh

        heading = QLabel(self.tr("Work orders"))
        heading.setObjectName("pageTitle")

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("caseSearch")
        self.search_edit.setPlaceholderText(
            self.tr("Search by number, name, or words in the request (Ctrl+F)")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMaxLength(100)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        toolbar = QHBoxLayout()
        toolbar.setSpacing(8)
        toolbar.addWidget(heading)
        toolbar.addSpacing(12)
        toolbar.addWidget(self.search_edit, 1)
        toolbar.addWidget(self.count_label)

        self.status_combo = QComboBox()
        self.status_combo.setObjectName("statusFilter")
        self.status_combo.addItem(self.tr("All statuses"), None)
        for status in CaseStatus:
            self.status_combo.addItem(status.label, status.value)
        self.status_combo.setMinimumContentsLength(6)
        self.category_combo = QComboBox()
        self.category_combo.setObjectName("categoryFilter")
        self.category_combo.addItem(self.tr("All categories"), None)
        self.category_combo.setMinimumContentsLength(6)
        self.area_combo = QComboBox()
        self.area_combo.setObjectName("areaFilter")
        self.area_combo.addItem(self.tr("All communities"), None)
        self.area_combo.setMinimumContentsLength(9)
        self.area_combo.setMaxVisibleItems(24)
        self.channel_combo = QComboBox()
        self.channel_combo.setObjectName("channelFilter")
        self.channel_combo.addItem(self.tr("All channels"), None)
        for channel in Channel:
            self.channel_combo.addItem(channel.label, channel.value)
        self.date_combo = QComboBox()
        self.date_combo.setObjectName("dateFilter")
        for key, text in (
            (ANY, self.tr("Any date")),
            (TODAY, self.tr("Today")),
            (WEEK, self.tr("Last 7 days")),
            (MONTH_30, self.tr("Last 30 days")),
            (THIS_MONTH, self.tr("This month")),
            (CUSTOM, self.tr("From … to …")),
        ):
            self.date_combo.addItem(text, key)
        today = QDate.currentDate()
        self.from_edit = QDateEdit(today.addDays(-30))
        self.to_edit = QDateEdit(today)
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.hide()
        self.deadline_combo = QComboBox()
        self.deadline_combo.setObjectName("deadlineFilter")
        self.deadline_combo.addItem(self.tr("Any deadline"), DeadlineFilter.ANY)
        self.deadline_combo.addItem(self.tr("Overdue"), DeadlineFilter.OVERDUE)
        self.deadline_combo.addItem(self.tr("Due within 2 working days"), DeadlineFilter.DUE_SOON)
        self.mine_check = QCheckBox(self.tr("Assigned to me"))
        self.mine_check.setObjectName("mineFilter")
        self.reset_button = QPushButton(self.tr("Clear filters"))
        self.reset_button.setObjectName("resetFilters")
        filters = QHBoxLayout()
        filters.setSpacing(6)
        for widget in (
            self.status_combo,
            self.category_combo,
            self.area_combo,
            self.channel_combo,
            self.date_combo,
            self.from_edit,
            self.to_edit,
            self.deadline_combo,
            self.mine_check,
        ):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.reset_button)

        self.table = make_list_table(
            object_name="caseTable", model=self.model, column_widths=COLUMN_WIDTHS
        )
        self.table.doubleClicked.connect(self._row_activated)

        self.detail = CaseDetailPage(context=context)
        self.detail.sig_back.connect(self.show_list)
        self.detail.sig_open_case.connect(self.open_case)
        parts = make_list_and_detail(
            self, toolbar=toolbar, filters=filters, table=self.table, detail=self.detail
        )
        self.stack, self.empty_label = parts.stack, parts.empty_label
        self.list_view, self.views = parts.list_view, parts.views

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.search_now)
        self.search_edit.textChanged.connect(self._debounce.start)
        self.search_edit.returnPressed.connect(self.search_now)
        for combo in (
            self.status_combo,
            self.category_combo,
            self.area_combo,
            self.channel_combo,
            self.deadline_combo,
        ):
            combo.currentIndexChanged.connect(self.search_now)
        self.date_combo.currentIndexChanged.connect(self._date_choice_changed)
        self.from_edit.dateChanged.connect(self.search_now)
        self.to_edit.dateChanged.connect(self.search_now)
        self.mine_check.toggled.connect(self.search_now)
        self.reset_button.clicked.connect(self.reset_filters)
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search)
        open_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, self._open_current)
        open_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        enter_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Enter), self.table, self._open_current)
        enter_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.model.sig_loading.connect(self._loading)
        self.model.sig_loaded.connect(self._loaded)
        self.model.sig_failed.connect(self._load_failed)
        context.bus.sig_changed.connect(self._changed)
        self._last_filter: CaseFilter | None = None

    # ----------------------------------------------------------------- reference data

    def set_choices(self, choices: Choices) -> None:
        """Fill the category and community/grid filters (and give the detail its lists)."""
        self.detail.choices = choices
        for combo in (self.category_combo, self.area_combo):
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
        for category in choices.categories:
            indent = "　" if category.parent_id else ""
            self.category_combo.addItem(indent + category.name, category.id)
        grids_by_community: dict[str | None, list] = {}
        for grid in choices.grids:
            grids_by_community.setdefault(grid.parent_id, []).append(grid)
        for community in choices.communities:
            self.area_combo.addItem(community.name, f"{COMMUNITY}{community.id}")
            for grid in grids_by_community.get(community.id, []):
                self.area_combo.addItem("　" + grid.name, f"{GRID}{grid.id}")
        for combo in (self.category_combo, self.area_combo):
            combo.blockSignals(False)

    # ----------------------------------------------------------------- searching

    def current_filter(self) -> CaseFilter:
        area = str(self.area_combo.currentData() or "")
        received_from, received_to = self._date_range()
        actor = self.context.actor
        return CaseFilter(
            status=self.status_combo.currentData(),
            query=self.search_edit.text().strip(),
            community_id=area.removeprefix(COMMUNITY) if area.startswith(COMMUNITY) else None,
            grid_id=area.removeprefix(GRID) if area.startswith(GRID) else None,
            category_id=self.category_combo.currentData(),
            channel=self.channel_combo.currentData(),
            received_from=received_from,
            received_to=received_to,
            deadline=self.deadline_combo.currentData() or DeadlineFilter.ANY,
            assignees=(
                tuple(n for n in (actor.username, actor.display_name) if n)
                if self.mine_check.isChecked()
                else ()
            ),
        )

    def _date_range(self) -> tuple[date | None, date | None]:
        key = self.date_combo.currentData()
        today = date.today()
        if key == TODAY:
            return today, today
        if key in (WEEK, MONTH_30):
            return today - timedelta(days=int(key) - 1), today
        if key == THIS_MONTH:
            return today.replace(day=1), today
        if key == CUSTOM:
            return self.from_edit.date().toPython(), self.to_edit.date().toPython()
        return None, None

    def _date_choice_changed(self) -> None:
        custom = self.date_combo.currentData() == CUSTOM
        self.from_edit.setVisible(custom)
        self.to_edit.setVisible(custom)
        self.search_now()

    def reset_filters(self) -> None:
        widgets = (
            self.status_combo,
            self.category_combo,
            self.area_combo,
            self.channel_combo,
            self.date_combo,
            self.deadline_combo,
            self.mine_check,
            self.search_edit,
        )
        for widget in widgets:
            widget.blockSignals(True)
        for combo in widgets[:6]:
            combo.setCurrentIndex(0)  # type: ignore[attr-defined]
        self.mine_check.setChecked(False)
        self.search_edit.clear()
        self.from_edit.hide()
        self.to_edit.hide()
        for widget in widgets:
            widget.blockSignals(False)
        self.search_now()

    def start(self) -> None:
        """Load the list for the current search (also: refresh)."""
        self._last_filter = None
        self.search_now()

    def refresh(self) -> None:
        """Load again with the same filter, keeping the selected case selected if still there."""
        self._refresh_keep = self.selected_case_id()
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
        self.show_list()
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def _changed(self, changes: Changes) -> None:
        if changes.case_ids:
            self.refresh()

    # ----------------------------------------------------------------- list and detail

    def selected_case_id(self) -> str | None:
        selected = self.table.selectionModel().selectedRows()
        if not selected:
            return None
        return self.model.case_id(selected[0].row())

    def _row_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_case(self.model.case_id(index.row()))

    def _open_current(self) -> None:
        case_id = self.selected_case_id()
        if case_id is None and self.table.currentIndex().isValid():
            case_id = self.model.case_id(self.table.currentIndex().row())
        if case_id:
            self.open_case(case_id)

    def open_case(self, case_id: str) -> None:
        self.detail.show_case(case_id)
        self.views.setCurrentWidget(self.detail)
        self.detail.setFocus()

    def show_list(self) -> None:
        self.views.setCurrentWidget(self.list_view)
        self.table.setFocus()

    @property
    def showing_detail(self) -> bool:
        return self.views.currentWidget() is self.detail

    # ----------------------------------------------------------------- showing results

    def _loading(self) -> None:
        self.count_label.setText(self.tr("Searching…"))

    def _loaded(self, total: int) -> None:
        self.count_label.setText(self.tr("%Ln case(s)", "", total))
        keep, self._refresh_keep = self._refresh_keep, None
        if total:
            self.stack.setCurrentWidget(self.table)
            row = next(
                (r for r in range(self.model.rowCount()) if keep and self.model.case_id(r) == keep),
                None,
            )
            if row is None:
                self.table.scrollToTop()
            else:
                self.table.selectRow(row)
        else:
            if self.model.filter.narrowed:
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
