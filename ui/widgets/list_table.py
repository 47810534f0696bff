"""The look and behaviour every list of records shares (cases, mediation cases)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)


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


@dataclass(frozen=True)
class ListAndDetail:
    """The widgets of a list page that opens its rows in place (work orders, mediation)."""

    stack: QStackedWidget  # the table, or the empty-state label instead of it
    empty_label: QLabel
    list_view: QWidget  # toolbar, filters and the stack
    views: QStackedWidget  # the list view, or the detail page


def make_list_and_detail(
    page: QWidget,
    *,
    toolbar: QBoxLayout,
    filters: QBoxLayout,
    table: QTableView,
    detail: QWidget,
) -> ListAndDetail:
    """Lay ``page`` out as a list (toolbar, filters, table or empty state) that gives way to
    ``detail`` when a row is opened."""
    empty_label = make_empty_state_label()
    stack = QStackedWidget()
    stack.addWidget(table)
    stack.addWidget(empty_label)

    list_view = QWidget()
    list_layout = QVBoxLayout(list_view)
    list_layout.setContentsMargins(16, 12, 16, 8)
    list_layout.setSpacing(8)
    list_layout.addLayout(toolbar)
    list_layout.addLayout(filters)
    list_layout.addWidget(stack, 1)

    views = QStackedWidget()
    views.addWidget(list_view)
    views.addWidget(detail)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(views)
    return ListAndDetail(stack=stack, empty_label=empty_label, list_view=list_view, views=views)


def make_review_layout(
    page: QWidget,
    *,
    heading: QWidget,
    intro: QWidget,
    body: QWidget,
    detail: QWidget,
    refresh: Callable[[], None],
    refresh_text: str,
) -> QPushButton:
    """The layout of a review window (conflicts, refused records): heading with a Refresh
    button (also F5), a line of explanation, the list, and the selected row's detail under
    it. Returns the Refresh button."""
    button = QPushButton(refresh_text)
    button.clicked.connect(refresh)
    QShortcut(QKeySequence.StandardKey.Refresh, page, refresh)
    top = QHBoxLayout()
    top.addWidget(heading)
    top.addStretch(1)
    top.addWidget(button)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(24, 20, 24, 20)
    layout.addLayout(top)
    layout.addWidget(intro)
    layout.addWidget(body, 1)
    layout.addWidget(detail)
    return button
