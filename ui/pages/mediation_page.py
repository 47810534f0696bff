"""调解: the volunteer mediators' (和事佬) list of mediation cases, and one case's detail.

Search (number, party name, words in the facts), "my cases" or all the station's, filters
(status, dispute type, mediator, what needs attention: overdue, performance reminder,
awaiting return visit, court-confirmation window open, archived) and "new case" above the
list; Enter or a double click opens a case, Esc goes back. Only mediators and station admins
may open mediation files: anyone else sees a plain refusal instead of the list. The page
refreshes itself from the app-wide change signal whenever a mediation case changed.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from station.domain.enums import MediationStatus, Role
from station.errors import PermissionDenied
from station.services.changes import Changes
from station.services.mediation import (
    FILTER_FLAGS,
    MEDIATION_ROLES,
    MediationRow,
    list_mediations,
)
from station.services.reference import Option, list_dispute_types, list_roster
from ui.context import AppContext
from ui.dialogs.mediation_new_case_dialog import MediationNewCaseDialog
from ui.errors import show_exception
from ui.models.mediation_table_model import LIST_LIMIT, MediationTableModel
from ui.pages.mediation_detail_page import MediationDetailPage
from ui.task_runner import DbSession
from ui.widgets.list_table import make_list_and_detail, make_list_table

SEARCH_DELAY_MS = 300
COLUMN_WIDTHS = {
    MediationTableModel.NUMBER: 210,
    MediationTableModel.ACCEPTED: 100,
    MediationTableModel.STATUS: 90,
    MediationTableModel.DISPUTE_TYPE: 100,
    MediationTableModel.PARTIES: 220,
    MediationTableModel.LEAD: 90,
}


@dataclass(frozen=True)
class MediationLists:
    """What the new-case form picks from, loaded before it opens."""

    dispute_types: tuple[Option, ...]
    mediators: tuple[Option, ...]


def load_lists(session: DbSession) -> MediationLists:
    return MediationLists(
        dispute_types=tuple(list_dispute_types(session)),
        mediators=tuple(list_roster(session, role="mediator")),
    )


class MediationPage(QWidget):
    sig_loaded = Signal(int)  # rows shown after a search (tests wait on this)
    sig_dialog = Signal(object)  # the new-case dialog was opened

    def __init__(self, *, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mediationPage")
        self.context = context
        self.model = MediationTableModel(self)
        self.lists: MediationLists | None = None
        self.allowed = Role(context.actor.role) in MEDIATION_ROLES
        self._generation = 0
        self._keep: str | None = None  # mediation id to select again after a refresh
        self._open_when_loaded = False

        heading = QLabel(self.tr("Mediation"))
        heading.setObjectName("pageTitle")
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("mediationSearch")
        self.search_edit.setPlaceholderText(
            self.tr("Search by number, party name or words in the facts (Ctrl+F)")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMaxLength(100)
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("mediationStatusFilter")
        self.status_combo.addItem(self.tr("All statuses"), None)
        for status in MediationStatus:
            self.status_combo.addItem(status.label, status.value)
        self.mine_check = QCheckBox(self.tr("&My cases"))
        self.mine_check.setObjectName("mineOnly")
        self.mine_check.setToolTip(
            self.tr("Only the cases I mediate (my account's place on the mediator roster)")
        )
        self.type_combo = QComboBox()
        self.type_combo.setObjectName("mediationTypeFilter")
        self.type_combo.addItem(self.tr("All types"), None)
        self.mediator_combo = QComboBox()
        self.mediator_combo.setObjectName("mediationMediatorFilter")
        self.mediator_combo.addItem(self.tr("All mediators"), None)
        self.flag_combo = QComboBox()
        self.flag_combo.setObjectName("mediationFlagFilter")
        self.flag_combo.addItem(self.tr("Anything"), None)
        for key, label in FILTER_FLAGS.items():
            self.flag_combo.addItem(label, key)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.new_button = QPushButton(self.tr("New mediation case (Ctrl+Shift+N)"))
        self.new_button.setObjectName("primaryButton")
        self.new_button.clicked.connect(self.new_case)
        toolbar = QHBoxLayout()
        toolbar.setSpacing(8)
        toolbar.addWidget(heading)
        toolbar.addSpacing(12)
        toolbar.addWidget(self.search_edit, 1)
        toolbar.addWidget(self.count_label)
        toolbar.addWidget(self.new_button)
        filters = QHBoxLayout()
        filters.setSpacing(8)
        filters.addWidget(self.mine_check)
        for combo in (self.status_combo, self.type_combo, self.mediator_combo, self.flag_combo):
            filters.addWidget(combo)
        filters.addStretch(1)

        self.table = make_list_table(
            object_name="mediationTable", model=self.model, column_widths=COLUMN_WIDTHS
        )
        self.table.doubleClicked.connect(self._row_activated)

        self.detail = MediationDetailPage(context=context)
        self.detail.sig_back.connect(self.show_list)
        self.sig_open_case = self.detail.sig_open_case  # the window switches to work orders
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
        for combo in (self.status_combo, self.type_combo, self.mediator_combo, self.flag_combo):
            combo.currentIndexChanged.connect(self.search_now)
        self.mine_check.toggled.connect(self.search_now)
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search)
        QShortcut(QKeySequence("Ctrl+Shift+N"), self, self.new_case)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.table, self._open_current)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        context.bus.sig_changed.connect(self._changed)

        if not self.allowed:
            for widget in (
                self.search_edit,
                self.status_combo,
                self.type_combo,
                self.mediator_combo,
                self.flag_combo,
                self.mine_check,
                self.new_button,
            ):
                widget.setEnabled(False)
            self._show_empty(
                self.tr(
                    "Mediation files are confidential.\n"
                    "Only mediators and station administrators can open them."
                )
            )

    # ----------------------------------------------------------------- loading

    def start(self) -> None:
        """First load (the window calls it once shown)."""
        if not self.allowed:
            return
        self.search_now()
        self.context.runner.query(
            load_lists, parent=self, success=self._lists_loaded, label="mediation lists"
        )

    def _lists_loaded(self, lists: MediationLists) -> None:
        self.lists = lists
        for combo, options in (
            (self.type_combo, lists.dispute_types),
            (self.mediator_combo, lists.mediators),
        ):
            combo.blockSignals(True)
            for option in options:
                combo.addItem(option.name, option.id)
            combo.blockSignals(False)
        if self._open_when_loaded:
            self._open_when_loaded = False
            self.new_case()

    def search_now(self) -> None:
        self._debounce.stop()
        if not self.allowed:
            return
        self._generation += 1
        generation = self._generation
        query, status = self.search_edit.text().strip(), self.status_combo.currentData()
        filters = {
            "dispute_type_id": self.type_combo.currentData(),
            "mediator_id": self.mediator_combo.currentData(),
            "flag": self.flag_combo.currentData(),
            "mine": self.mine_check.isChecked(),
        }
        actor = self.context.actor
        self.count_label.setText(self.tr("Searching…"))
        self.context.runner.query(
            lambda s: list_mediations(
                s, status=status, query=query, limit=LIST_LIMIT, actor=actor, **filters
            ),
            parent=self,
            success=lambda rows: self._loaded(generation, rows),
            failure=lambda exc: self._failed(generation, exc),
            label="mediation list",
        )

    def refresh(self) -> None:
        self._keep = self.selected_id()
        self.search_now()

    def _changed(self, changes: Changes) -> None:
        if changes.mediation_ids:
            self.refresh()

    def _loaded(self, generation: int, rows: list[MediationRow]) -> None:
        if generation != self._generation:
            return
        self.model.set_rows(rows)
        keep, self._keep = self._keep, None
        self.count_label.setText(self.tr("%n case(s)", "", len(rows)))
        if rows:
            self.stack.setCurrentWidget(self.table)
            row = self.model.row_of(keep) if keep else None
            self.table.selectRow(row if row is not None else 0)
        elif self.search_edit.text().strip() or self.filtering():
            self._show_empty(
                self.tr("No mediation case matches.\nTry other words, or choose “All statuses”.")
                if not self.mine_check.isChecked()
                else self.tr(
                    "None of your cases matches.\n"
                    "Untick “My cases” to see the whole station's cases."
                )
            )
        else:
            self._show_empty(
                self.tr(
                    "No mediation cases yet.\n"
                    "Accept a dispute with “New mediation case”, or hand one over from a "
                    "work order."
                )
            )
        self.sig_loaded.emit(len(rows))

    def filtering(self) -> bool:
        return self.mine_check.isChecked() or any(
            combo.currentData()
            for combo in (self.status_combo, self.type_combo, self.mediator_combo, self.flag_combo)
        )

    def _show_empty(self, text: str) -> None:
        self.empty_label.setText(text)
        self.stack.setCurrentWidget(self.empty_label)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.count_label.setText("")
        if isinstance(exc, PermissionDenied):
            self._show_empty(exc.message)
            return
        self.count_label.setText(self.tr("Search failed"))
        show_exception(self, exc)

    # ----------------------------------------------------------------- list and detail

    def _focus_search(self) -> None:
        self.show_list()
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def selected_id(self) -> str | None:
        selected = self.table.selectionModel().selectedRows()
        row = self.model.row_at(selected[0].row()) if selected else None
        return row.id if row else None

    def _row_activated(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self.open_mediation(row.id)

    def _open_current(self) -> None:
        mediation_id = self.selected_id()
        if mediation_id:
            self.open_mediation(mediation_id)

    def open_mediation(self, mediation_id: str) -> None:
        self.detail.show_mediation(mediation_id)
        self.views.setCurrentWidget(self.detail)
        self.detail.setFocus()

    def show_list(self) -> None:
        self.views.setCurrentWidget(self.list_view)
        self.table.setFocus()

    @property
    def showing_detail(self) -> bool:
        return self.views.currentWidget() is self.detail

    # ----------------------------------------------------------------- new case

    def new_case(self) -> MediationNewCaseDialog | None:
        """Open the new-case form (once the lists it picks from are loaded)."""
        if not self.allowed:
            return None
        if self.lists is None:
            self._open_when_loaded = True
            return None
        dialog = MediationNewCaseDialog(
            context=self.context,
            dispute_types=self.lists.dispute_types,
            mediators=self.lists.mediators,
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_done.connect(lambda result: self.open_mediation(result.id))
        dialog.open()
        self.sig_dialog.emit(dialog)
        return dialog
