"""导入居民: choose a file, map its columns, check every row, then import on confirmation.

Steps: 1. the file (read on the worker) and its columns, each field with a drop-down of the
file's columns (pre-filled from the names offices use and what this station mapped last
time) above the first rows as read; 2. the row-by-row check (nothing written yet): counts
and every rejected row with its reason; 3. after 导入 the report of what was written. The
import runs in one transaction on the worker: if anything fails, nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station.reports import grids_import, roster_import
from station.reports import residents_import as ri
from station.services.changes import Changed, Changes
from ui.context import AppContext
from ui.errors import show_exception

PREVIEW_ROWS = 8
MAPPING, CHECKED, DONE = range(3)
RESIDENTS, GRIDS, ROSTER = "residents", "grids", "roster"


@dataclass(frozen=True)
class ImportKind:
    """What a roster file fills: its fields, where its mapping is kept, and its services."""

    fields: ri.Fields
    required: tuple[str, ...]
    mapping_key: str
    check: Callable[..., ri.ImportReport]
    write: Callable[..., Changed[ri.ImportReport]]


def _reference_write(
    run: Callable[..., ri.ImportReport],
) -> Callable[..., Changed[ri.ImportReport]]:
    def write(session: Any, **kwargs: Any) -> Changed[ri.ImportReport]:
        return Changed(run(session, dry_run=False, **kwargs), Changes())

    return write


KINDS: dict[str, ImportKind] = {
    RESIDENTS: ImportKind(
        ri.FIELDS,
        ri.REQUIRED,
        ri.MAPPING_KEY,
        ri.check_rows,
        lambda session, **kw: ri.import_residents(session, dry_run=False, **kw),
    ),
    GRIDS: ImportKind(
        grids_import.FIELDS,
        grids_import.REQUIRED,
        grids_import.MAPPING_KEY,
        grids_import.check_grid_rows,
        _reference_write(grids_import.import_grids),
    ),
    ROSTER: ImportKind(
        roster_import.FIELDS,
        roster_import.REQUIRED,
        roster_import.MAPPING_KEY,
        roster_import.check_roster_rows,
        _reference_write(roster_import.import_roster),
    ),
}


class ImportResidentsDialog(QDialog):
    """The three-step import of a resident roster."""

    sig_read = Signal(object)  # the RawTable read from the file
    sig_checked = Signal(object)  # the ImportReport of the check (nothing written)
    sig_imported = Signal(object)  # the ImportReport after writing

    def __init__(
        self, *, context: AppContext, kind: str = RESIDENTS, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importResidentsDialog")
        titles = {
            RESIDENTS: self.tr("Import residents"),
            GRIDS: self.tr("Import grids"),
            ROSTER: self.tr("Import the roster"),
        }
        self.setWindowTitle(titles[kind])
        self.kind = KINDS[kind]
        self.context = context
        self.table: ri.RawTable | None = None
        self.report: ri.ImportReport | None = None
        self.resize(900, 620)

        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("importFile")
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(self.tr("An .xlsx or .csv file (UTF-8 or GBK)"))
        self.browse_button = QPushButton(self.tr("Choose file…"))
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.browse_button)

        self.combos: dict[str, QComboBox] = {}
        mapping_form = QFormLayout()
        for name, (label, _aliases) in self.kind.fields.items():
            combo = QComboBox()
            combo.setObjectName(f"map_{name}")
            combo.setMinimumContentsLength(12)
            self.combos[name] = combo
            required = "＊" if name in self.kind.required else ""
            mapping_form.addRow(f"{required}{label}", combo)
        self.preview = QTableWidget(0, 0)
        self.preview.setObjectName("importPreview")
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        mapping_page = QWidget()
        mapping_layout = QHBoxLayout(mapping_page)
        mapping_layout.addLayout(mapping_form)
        preview_box = QVBoxLayout()
        preview_box.addWidget(QLabel(self.tr("The first rows as read from the file:")))
        preview_box.addWidget(self.preview, 1)
        mapping_layout.addLayout(preview_box, 1)

        self.summary_label = QLabel()
        self.summary_label.setObjectName("importSummary")
        self.summary_label.setWordWrap(True)
        self.rows_table = QTableWidget(0, 4)
        self.rows_table.setObjectName("importRows")
        self.rows_table.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Result"), self.tr("Name"), self.tr("Reason / change")]
        )
        self.rows_table.verticalHeader().hide()
        self.rows_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.rows_table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        report_page = QWidget()
        report_layout = QVBoxLayout(report_page)
        report_layout.addWidget(self.summary_label)
        report_layout.addWidget(self.rows_table, 1)

        self.steps = QStackedWidget()
        self.steps.addWidget(mapping_page)
        self.steps.addWidget(report_page)

        self.hint_label = QLabel(self.tr("Choose the roster file to import."))
        self.hint_label.setObjectName("importHint")
        self.hint_label.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.check_button = self.buttons.addButton(
            self.tr("Check rows"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.back_button = self.buttons.addButton(
            self.tr("Back to columns"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("Close"))
        self.check_button.setEnabled(False)
        self.back_button.hide()
        self.import_button.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.steps, 1)
        layout.addWidget(self.buttons)

        self.browse_button.clicked.connect(self.choose_file)
        self.check_button.clicked.connect(self.check)
        self.back_button.clicked.connect(self._back)
        self.import_button.clicked.connect(self.confirm_import)
        self.close_button.clicked.connect(self.reject)

    # ----------------------------------------------------------------- step 1

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the roster"),
            str(Path.home()),
            self.tr("Rosters (*.xlsx *.csv)"),
        )
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> None:
        """Read ``path`` on the worker, then offer the column mapping."""
        self.file_edit.setText(str(path))
        self.hint_label.setText(self.tr("Reading the file…"))

        kind = self.kind

        def op(session: Any) -> tuple[ri.RawTable, dict[str, str]]:
            table = ri.read_table(path.read_bytes(), filename=path.name, fields=kind.fields)
            remembered = ri.remembered_mapping(session, key=kind.mapping_key, fields=kind.fields)
            return table, remembered

        self.context.runner.query(
            op,
            parent=self,
            success=lambda found: self._read(*found),
            failure=self._read_failed,
            label="import read",
        )

    def _read_failed(self, exc: BaseException) -> None:
        self.hint_label.setText(self.tr("The file could not be read."))
        show_exception(self, exc)

    def _read(self, table: ri.RawTable, remembered: dict[str, str]) -> None:
        self.table = table
        guessed = ri.guess_mapping(table.headers, remembered, self.kind.fields)
        for name, combo in self.combos.items():
            combo.clear()
            combo.addItem(self.tr("(not imported)"), -1)
            for index, header in enumerate(table.headers):
                combo.addItem(header or self.tr("Column %1").replace("%1", str(index + 1)), index)
            combo.setCurrentIndex(guessed.get(name, -1) + 1)
        self.preview.setColumnCount(len(table.headers))
        self.preview.setHorizontalHeaderLabels(list(table.headers))
        shown = table.rows[:PREVIEW_ROWS]
        self.preview.setRowCount(len(shown))
        for r, (line, cells) in enumerate(shown):
            self.preview.setVerticalHeaderItem(r, QTableWidgetItem(str(line)))
            for c, text in enumerate(cells):
                self.preview.setItem(r, c, QTableWidgetItem(text))
        self.preview.resizeColumnsToContents()
        self.hint_label.setText(
            self.tr(
                "%Ln row(s) found. Check which column holds what, then check the rows.",
                "",
                len(table.rows),
            )
        )
        self.check_button.setEnabled(True)
        self.steps.setCurrentIndex(MAPPING)
        self.sig_read.emit(table)

    def mapping(self) -> dict[str, int]:
        return {
            name: int(combo.currentData())
            for name, combo in self.combos.items()
            if combo.currentData() is not None and int(combo.currentData()) >= 0
        }

    # ----------------------------------------------------------------- step 2

    def check(self) -> None:
        """Decide every row on the worker; nothing is written."""
        if self.table is None:
            return
        table, mapping, check = self.table, self.mapping(), self.kind.check
        self.hint_label.setText(self.tr("Checking the rows…"))
        self.check_button.setEnabled(False)
        self.context.runner.query(
            lambda s: check(s, table=table, mapping=mapping),
            parent=self,
            success=self._checked,
            failure=self._check_failed,
            label="import check",
        )

    def _check_failed(self, exc: BaseException) -> None:
        self.check_button.setEnabled(True)
        self.hint_label.setText(self.tr("Fix the column choices and check again."))
        show_exception(self, exc)

    def _checked(self, report: ri.ImportReport) -> None:
        self.report = report
        self._show_report(report)
        writable = report.imported + report.updated
        self.import_button.setVisible(True)
        self.import_button.setEnabled(writable > 0)
        self.import_button.setText(self.tr("Import %Ln resident(s)", "", writable))
        self.back_button.show()
        self.check_button.hide()
        self.hint_label.setText(
            self.tr(
                "Nothing has been written yet. Rejected rows are listed first; "
                "fix them in the file and check again, or import the others."
            )
        )
        self.sig_checked.emit(report)

    def _show_report(self, report: ri.ImportReport) -> None:
        self.summary_label.setText(report.summary())
        ordered = sorted(report.rows, key=lambda r: (r.action is not ri.RowAction.REJECT, r.line))
        self.rows_table.setRowCount(len(ordered))
        for r, row in enumerate(ordered):
            for c, text in enumerate((str(row.line), row.action_label, row.name, row.reason)):
                item = QTableWidgetItem(text)
                if row.action is ri.RowAction.REJECT:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.rows_table.setItem(r, c, item)
        self.rows_table.resizeColumnsToContents()
        self.steps.setCurrentIndex(CHECKED)

    def _back(self) -> None:
        self.steps.setCurrentIndex(MAPPING)
        self.back_button.hide()
        self.import_button.hide()
        self.check_button.show()
        self.check_button.setEnabled(True)

    # ----------------------------------------------------------------- step 3

    def confirm_import(self) -> None:
        """Write the checked rows in one transaction (the mapping is remembered)."""
        if self.table is None or self.report is None:
            return
        table, mapping, actor = self.table, self.mapping(), self.context.actor
        write = self.kind.write
        self.import_button.setEnabled(False)
        self.back_button.setEnabled(False)
        self.hint_label.setText(self.tr("Importing…"))
        self.context.mutate(
            lambda s: write(s, actor=actor, table=table, mapping=mapping),
            parent=self,
            success=self._imported,
            failure=self._import_failed,
            label="import residents",
        )

    def _import_failed(self, exc: BaseException) -> None:
        self.import_button.setEnabled(True)
        self.back_button.setEnabled(True)
        self.hint_label.setText(self.tr("Nothing was imported."))
        show_exception(self, exc)

    def _imported(self, report: ri.ImportReport) -> None:
        self.report = report
        self._show_report(report)
        self.import_button.hide()
        self.back_button.hide()
        self.hint_label.setText(self.tr("Import finished."))
        self.sig_imported.emit(report)
