"""A read-only table over rows held whole in memory (lists of at most a few thousand rows).

Subclasses set ``_headers`` (after ``super().__init__``, so ``tr`` works) and give
:meth:`data`; this keeps the rows, their count, the header row and the lookups by position
and by id. The work-order list, which fetches its rows
lazily, has its own model (:mod:`ui.models.case_table_model`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class RowsTableModel(QAbstractTableModel):
    def __init__(self, *, key: Callable[[Any], str], parent: Any = None) -> None:
        super().__init__(parent)
        self._headers: tuple[str, ...] = ()
        self._key = key  # a row's id, for row_of
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, key: str) -> int | None:
        return next((n for n, r in enumerate(self._rows) if self._key(r) == key), None)

    # ----------------------------------------------------------------- Qt overrides

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None
