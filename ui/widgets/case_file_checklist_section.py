"""设置 → 调解卷宗: which documents of a mediation case file (卷宗) this station requires
before a case may be archived, and which are filed only as needed.

The defaults follow the Ministry of Justice's case-file practice; a station changes a mark
here (station administrators only — the service checks). Each case's checklist follows at
its next load.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station.services.mediation import (
    AS_NEEDED,
    REQUIRED,
    ChecklistMark,
    list_checklist_marks,
    save_checklist_marks,
)
from ui.context import AppContext


class CaseFileChecklistSection(QWidget):
    sig_loaded = Signal()
    sig_saved = Signal()

    def __init__(self, *, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseFileChecklistSection")
        self.context = context
        self.marks: list[ChecklistMark] = []
        self.combos: dict[str, QComboBox] = {}
        intro = QLabel(
            self.tr(
                "Documents marked “required” must be in a mediation case file before the case "
                "can be archived; “as needed” ones are filed when the case has them."
            )
        )
        intro.setWordWrap(True)
        intro.setObjectName("hint")
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("checklistMarks")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Document"), self.tr("This station"), self.tr("Default")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().resizeSection(0, 240)
        self.table.horizontalHeader().resizeSection(1, 120)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.status_label = QLabel()
        self.status_label.setObjectName("hint")
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.clicked.connect(self.save)
        row = QHBoxLayout()
        row.addWidget(self.status_label, 1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        context.runner.query(
            list_checklist_marks, parent=self, success=self._loaded, label="checklist marks"
        )

    def _label(self, mark: str) -> str:
        return self.tr("required") if mark == REQUIRED else self.tr("as needed")

    def _loaded(self, marks: list[ChecklistMark]) -> None:
        self.marks = marks
        self.table.setRowCount(len(marks))
        self.combos.clear()
        for row, mark in enumerate(marks):
            self.table.setItem(row, 0, QTableWidgetItem(mark.title))
            combo = QComboBox()
            for value in (REQUIRED, AS_NEEDED):
                combo.addItem(self._label(value), value)
            combo.setCurrentIndex(combo.findData(mark.mark))
            self.combos[mark.key] = combo
            self.table.setCellWidget(row, 1, combo)
            self.table.setItem(row, 2, QTableWidgetItem(self._label(mark.default)))
        self.sig_loaded.emit()

    def chosen(self) -> dict[str, str]:
        return {key: combo.currentData() for key, combo in self.combos.items()}

    def save(self) -> None:
        actor, marks = self.context.actor, self.chosen()
        self.status_label.setText(self.tr("Saving…"))

        def saved(_value: object) -> None:
            self.status_label.setText(self.tr("Saved. Each case's checklist follows."))
            self.sig_saved.emit()

        def failed(exc: BaseException) -> None:
            from ui.errors import show_exception

            self.status_label.setText("")
            show_exception(self, exc)

        self.context.mutate(
            lambda s: save_checklist_marks(s, actor=actor, marks=marks),
            parent=self,
            success=saved,
            failure=failed,
            label="save checklist marks",
        )
