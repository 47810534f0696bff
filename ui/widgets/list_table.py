"""The look and behaviour every list of records shares (cases, mediation cases)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QTableWidget


def make_list_table(
    *, object_name: str, model: QAbstractItemModel, column_widths: dict[int, int]
) -> QTableView:
    """A read-only, single-row-selection table over ``model`` with fixed row heights and
    column widths.

    Nothing is measured per row, so a model with 200,000 rows costs what the visible rows
    cost. The widths are set after the model: a header only has sections once it has one,
    and widths set before are silently lost.
    """
    table = QTableView()
    table.setObjectName(object_name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.setSortingEnabled(False)  # rows come in the order the service gives them
    table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    rows = table.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(table.fontMetrics().height() + 12)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    table.setModel(model)
    for column, width in column_widths.items():
        header.resizeSection(column, width)
    header.setStretchLastSection(True)
    return table


def make_record_table(*, object_name: str, headers: list[str]) -> QTableWidget:
    """A small read-only table of records (the settings sections' accounts, audit entries,
    cases due for anonymising): alternating rows, columns as wide as their contents, the
    last one taking the rest. Rows are filled by the caller."""
    table = QTableWidget(0, len(headers))
    table.setObjectName(object_name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def make_empty_state_label() -> QLabel:
    """The centred message shown instead of an empty table (styled as ``#emptyState``)."""
    label = QLabel()
    label.setObjectName("emptyState")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    return label
