"""The work-order list: a lazy table model that holds row ids and builds rows in batches.

Loading is in two steps, like Anki's browser table:

1. :meth:`CaseTableModel.load` asks the task runner for the ids of every matching case
   (``case_ids``, one indexed query) **and** the rows of the first batch, on the worker
   thread. When they arrive the model resets to that first batch.
2. The view asks for more as the user scrolls (``canFetchMore``/``fetchMore``); each call
   exposes the next batch of at most ``batch_size`` ids and builds their rows with
   ``case_rows`` (one query for the batch, a few ms, so it runs in the call itself).

So the model never holds more rows than the user has scrolled past, and the id list of
200,000 cases is a list of strings (about 16 MB), loaded once per search.

The model does not know the database: it is given a ``fetch_rows(ids) -> rows`` function and
a function that loads ``(ids, first_rows)`` for a filter, which makes it testable with plain
lists.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from station.domain.deadlines import DeadlineState
from station.domain.enums import CaseStatus, Urgency
from station.services.cases import CaseFilter, CaseRow, case_ids, case_rows
from ui.task_runner import DbSession, TaskRunner

DEFAULT_BATCH = 200
TIME_FORMAT = "%Y-%m-%d %H:%M"

AnyIndex = QModelIndex | QPersistentModelIndex
FetchRows = Callable[[list[str]], Sequence[CaseRow]]

# Statuses that need nobody's action any more are shown in grey.
_FINISHED = {
    CaseStatus.CLOSED.value,
    CaseStatus.ARCHIVED.value,
    CaseStatus.DESK_SETTLED.value,
    CaseStatus.MERGED.value,
    CaseStatus.VOID.value,
}
_URGENT_COLOR = QColor("#b3261e")
_FINISHED_COLOR = QColor("#6b6b6b")
# Whole rows are tinted by their deadline: overdue red, due soon amber (STYLE: visible marks).
_ROW_TINT = {
    DeadlineState.OVERDUE.value: QColor("#fbe0de"),
    DeadlineState.DUE_SOON.value: QColor("#fff0cf"),
}


def load_filtered(
    session: DbSession, flt: CaseFilter, first: int
) -> tuple[list[str], list[CaseRow]]:
    """Worker-thread op: every matching id, and the rows of the first ``first`` of them."""
    ids = case_ids(session, flt)
    return ids, case_rows(session, ids[:first])


class CaseTableModel(QAbstractTableModel):
    """Ids of the matching cases; rows built for the first ``row_count`` of them only."""

    sig_loading = Signal()  # a (re)load was started
    sig_loaded = Signal(int)  # the ids arrived: number of matching cases
    sig_failed = Signal(object)  # the load failed: the exception

    NUMBER, RECEIVED, STATUS, DEADLINE, CATEGORY, GRID, REQUESTER, SUMMARY = range(8)
    COLUMNS = 8
    ID_ROLE = Qt.ItemDataRole.UserRole
    ROW_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(
        self,
        *,
        fetch_rows: FetchRows,
        runner: TaskRunner | None = None,
        batch_size: int = DEFAULT_BATCH,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        if batch_size < 1:
            raise ValueError("batch_size must be positive")
        self._fetch_rows = fetch_rows
        self._runner = runner
        self.batch_size = batch_size
        self._ids: list[str] = []
        self._rows: list[CaseRow | None] = []  # rows[i] belongs to ids[i]; len == row count
        self._generation = 0  # a newer load makes the results of older ones stale
        self.filter = CaseFilter()
        self.loading = False

    # ----------------------------------------------------------------- loading

    def load(self, flt: CaseFilter | None = None) -> None:
        """Start loading the cases matching ``flt`` (default: the current filter) on the worker.

        Results of an earlier load still in flight are dropped when they arrive.
        """
        if self._runner is None:
            raise RuntimeError("CaseTableModel.load needs a TaskRunner")
        self.filter = flt if flt is not None else self.filter
        self._generation += 1
        generation, first, current = self._generation, self.batch_size, self.filter
        self.loading = True
        self.sig_loading.emit()
        self._runner.query(
            lambda session: load_filtered(session, current, first),
            parent=self,
            success=lambda result: self._loaded(generation, *result),
            failure=lambda exc: self._failed(generation, exc),
            label="case list",
        )

    def _loaded(self, generation: int, ids: list[str], rows: list[CaseRow]) -> None:
        if generation != self._generation:
            return
        self.set_ids(ids, first_rows=rows)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.loading = False
        self.sig_failed.emit(exc)

    def set_ids(self, ids: Sequence[str], *, first_rows: Sequence[CaseRow] | None = None) -> None:
        """Replace the contents with ``ids``; expose the first batch at once.

        ``first_rows`` are the rows of the first batch when the caller already has them
        (from the worker); otherwise they are fetched here.
        """
        first = list(ids[: self.batch_size])
        rows = list(first_rows) if first_rows is not None else list(self._fetch_rows(first))
        self.beginResetModel()
        self._ids = list(ids)
        self._rows = _aligned(first, rows)
        self.endResetModel()
        self.loading = False
        self.sig_loaded.emit(len(self._ids))

    def clear(self) -> None:
        self._generation += 1
        self.beginResetModel()
        self._ids, self._rows = [], []
        self.endResetModel()

    @property
    def total(self) -> int:
        """Number of matching cases (rows not yet fetched included)."""
        return len(self._ids)

    def case_id(self, row: int) -> str:
        return self._ids[row]

    def row_at(self, row: int) -> CaseRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # ----------------------------------------------------------------- fetch more

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < len(self._ids)

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        start = len(self._rows)
        items_to_fetch = min(self.batch_size, len(self._ids) - start)
        if items_to_fetch <= 0:
            return
        batch = self._ids[start : start + items_to_fetch]
        rows = _aligned(batch, self._fetch_rows(batch))
        self.beginInsertRows(QModelIndex(), start, start + items_to_fetch - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    # ----------------------------------------------------------------- model API

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMNS:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.column_titles()[section]
        return None

    def column_titles(self) -> tuple[str, ...]:
        return (
            self.tr("Number"),
            self.tr("Received"),
            self.tr("Status"),
            self.tr("Deadline"),
            self.tr("Category"),
            self.tr("Grid"),
            self.tr("Requester"),
            self.tr("Summary"),
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == self.ID_ROLE:
            return self._ids[index.row()]
        if row is None:  # deleted (or merged away) since the id list was loaded
            if role == Qt.ItemDataRole.DisplayRole and index.column() == self.SUMMARY:
                return self.tr("(no longer available)")
            return None
        if role == self.ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == self.DEADLINE:
                return self._deadline_text(row)
            return _display(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.SUMMARY:
            return row.summary
        if role == Qt.ItemDataRole.BackgroundRole and row.deadline_state in _ROW_TINT:
            return QBrush(_ROW_TINT[row.deadline_state])
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.urgency != Urgency.NORMAL.value and row.status not in _FINISHED:
                return QBrush(_URGENT_COLOR)
            if row.status in _FINISHED:
                return QBrush(_FINISHED_COLOR)
        return None

    def _deadline_text(self, row: CaseRow) -> str:
        if row.deadline is None:
            return ""
        text = row.deadline.strftime("%Y-%m-%d")
        if row.deadline_state == DeadlineState.OVERDUE.value:
            return self.tr("%1 overdue").replace("%1", text)
        if row.deadline_state == DeadlineState.DUE_SOON.value:
            return self.tr("%1 due soon").replace("%1", text)
        return text

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _aligned(ids: Sequence[str], rows: Sequence[CaseRow]) -> list[CaseRow | None]:
    """``rows`` in the order of ``ids``, ``None`` where a case has disappeared."""
    by_id = {row.id: row for row in rows}
    return [by_id.get(case_id) for case_id in ids]


def _display(row: CaseRow, column: int) -> str:
    match column:
        case CaseTableModel.NUMBER:
            return row.number
        case CaseTableModel.RECEIVED:
            return row.received_at.strftime(TIME_FORMAT)
        case CaseTableModel.STATUS:
            return row.status_label
        case CaseTableModel.CATEGORY:
            return row.category
        case CaseTableModel.GRID:
            return row.grid
        case CaseTableModel.REQUESTER:
            return row.requester
        case CaseTableModel.SUMMARY:
            return " ".join(row.summary.split())  # one line per row, even for pasted text
    return ""


def db_row_fetcher(database: Any) -> FetchRows:
    """``fetch_rows`` reading from ``database`` on the calling (GUI) thread: one short query."""

    def fetch(ids: list[str]) -> list[CaseRow]:
        with database.read() as session:
            return case_rows(session, ids)

    return fetch
