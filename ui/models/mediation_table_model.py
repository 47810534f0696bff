"""The rows of the mediation list (调解案件), as the service returned them.

A station handles a few hundred mediation cases a year (the reference town: 292), so the
list is loaded in one query of at most :data:`LIST_LIMIT` rows and held whole; unlike the
work-order list it needs no lazy fetching.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from station.domain.enums import MediationStatus
from station.services.mediation import MediationRow
from ui.models.rows_table_model import Index, RowsTableModel

LIST_LIMIT = 2000
_CLOSED = {
    MediationStatus.SUCCEEDED.value,
    MediationStatus.FAILED.value,
    MediationStatus.TERMINATED.value,
    MediationStatus.NOT_ACCEPTED.value,
}


class MediationTableModel(RowsTableModel):
    NUMBER, ACCEPTED, STATUS, DISPUTE_TYPE, PARTIES, LEAD, FLAGS = range(7)
    ID_ROLE = Qt.ItemDataRole.UserRole

    def __init__(self, parent: Any = None) -> None:
        super().__init__(key=lambda row: row.id, parent=parent)
        self._headers = (
            self.tr("Number"),
            self.tr("Accepted"),
            self.tr("Status"),
            self.tr("Dispute type"),
            self.tr("Parties"),
            self.tr("Lead mediator"),
            self.tr("Needs attention"),
        )

    def flags_text(self, row: MediationRow) -> str:
        """What to do about the case: overdue, remind to perform, visit, court window, archived."""
        flags = []
        if row.overdue:
            flags.append(self.tr("overdue"))
        if row.reminder:
            flags.append(self.tr("remind to perform"))
        if row.awaiting_visit:
            flags.append(self.tr("awaiting return visit"))
        if row.confirmation_open:
            flags.append(self.tr("court confirmation window open"))
        if row.archived:
            flags.append(self.tr("archived"))
        return "、".join(flags)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                row.number,
                f"{row.accepted_on:%Y-%m-%d}",
                row.status_label,
                row.dispute_type,
                row.parties,
                row.lead_mediator,
                self.flags_text(row),
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == self.PARTIES:
            return row.parties
        if role == Qt.ItemDataRole.ForegroundRole and column == self.FLAGS:
            return QColor("#b3261e") if row.overdue or row.reminder else QColor("#8a5a00")
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS:
            return QColor("#5f6670") if row.status in _CLOSED else QColor("#1d5fbf")
        if role == self.ID_ROLE:
            return row.id
        return None
