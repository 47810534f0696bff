"""设置 › 保存期限: anonymise closed work orders after N years, preview first (admins)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station.errors import GridStationError
from station.services.retention import (
    MAX_YEARS,
    MIN_YEARS,
    RetentionPreview,
    RetentionResult,
    apply_retention,
    preview_retention,
)
from ui.ask import confirm
from ui.context import AppContext
from ui.errors import show_exception
from ui.formatting import format_date
from ui.widgets.list_table import make_record_table

DEFAULT_YEARS = 5


class RetentionSection(QWidget):
    """Years, 预览 (the list of work orders and the count of residents), then 匿名化."""

    sig_previewed = Signal(object)  # RetentionPreview
    sig_applied = Signal(object)  # RetentionResult

    def __init__(self, *, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("retentionSection")
        self.context = context
        self.preview: RetentionPreview | None = None
        intro = QLabel(
            self.tr(
                "Work orders finished more than the set number of years ago lose the "
                "requester's name, phone, ID number and address and their location and "
                "description. Statistics stay. Residents with a newer work order or a "
                "mediation case keep their details. The change reaches the town server "
                "with the next sync."
            )
        )
        intro.setWordWrap(True)
        intro.setObjectName("hint")
        self.years_spin = QSpinBox()
        self.years_spin.setRange(MIN_YEARS, MAX_YEARS)
        self.years_spin.setValue(context.settings.retention_years or DEFAULT_YEARS)
        self.years_spin.setSuffix(self.tr(" years"))
        self.years_spin.valueChanged.connect(self._forget_preview)
        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.clicked.connect(self.load_preview)
        self.apply_button = QPushButton(self.tr("Anonymise…"))
        self.apply_button.setObjectName("dangerButton")
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Keep for")))
        row.addWidget(self.years_spin)
        row.addWidget(self.preview_button)
        row.addWidget(self.apply_button)
        row.addStretch(1)
        self.summary_label = QLabel(self.tr("Preview first to see what would change."))
        self.summary_label.setWordWrap(True)
        self.table = make_record_table(
            object_name="retentionTable",
            headers=[
                self.tr("Number"),
                self.tr("Finished"),
                self.tr("Status"),
                self.tr("Requester"),
            ],
        )
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)

    def _forget_preview(self) -> None:
        self.preview = None
        self.apply_button.setEnabled(False)
        self.table.setRowCount(0)
        self.summary_label.setText(self.tr("Preview first to see what would change."))

    def load_preview(self) -> None:
        actor, years = self.context.actor, self.years_spin.value()
        self.preview_button.setEnabled(False)
        self.context.runner.query(
            lambda s: preview_retention(s, actor=actor, years=years),
            parent=self,
            success=self._show,
            failure=self._failed,
            label="retention preview",
        )

    def _show(self, preview: RetentionPreview) -> None:
        self.preview_button.setEnabled(True)
        self.preview = preview
        self.table.setRowCount(len(preview.cases))
        for r, case in enumerate(preview.cases):
            values = [case.number, format_date(case.finished_on), case.status_label, case.requester]
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.summary_label.setText(
            self.tr(
                "Finished before %1: %2 work order(s) and %3 resident(s) would be "
                "anonymised; %4 resident(s) keep their details."
            )
            .replace("%1", format_date(preview.cutoff))
            .replace("%2", str(len(preview.cases)))
            .replace("%3", str(len(preview.person_ids)))
            .replace("%4", str(preview.kept_persons))
        )
        self.apply_button.setEnabled(bool(preview.cases or preview.person_ids))
        self.sig_previewed.emit(preview)

    def apply(self) -> None:
        preview = self.preview
        if preview is None:
            return
        if not confirm(
            self,
            text=self.tr("Anonymise %1 work order(s) and %2 resident(s)?")
            .replace("%1", str(len(preview.cases)))
            .replace("%2", str(len(preview.person_ids))),
            informative=self.tr("Names and contacts cannot be brought back afterwards."),
            confirm_text=self.tr("Anonymise"),
            cancel_text=self.tr("Cancel"),
        ):
            return
        actor, years = self.context.actor, preview.years
        self.apply_button.setEnabled(False)
        self.context.mutate(
            lambda s: apply_retention(s, actor=actor, years=years),
            parent=self,
            success=self._applied,
            failure=self._failed,
            label="retention",
        )

    def _applied(self, result: RetentionResult) -> None:
        self.sig_applied.emit(result)
        self.load_preview()

    def _failed(self, exc: BaseException) -> None:
        self.preview_button.setEnabled(True)
        if isinstance(exc, GridStationError) and exc.field == "years":
            self.summary_label.setText(exc.message)
        else:
            show_exception(self, exc)
