"""回访记录: a return visit after the agreement — was it performed, what was seen and said,
how satisfied the parties are, whether anyone went to court, the risk that the dispute flares
up again and the measures taken. Keys 1–4 choose the performance status outside the notes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from station.domain.enums import PerformanceStatus
from station.domain.mediation_rules import EscalationRisk, Satisfaction
from station.services.mediation import MediationDetail, add_return_visit
from ui.context import AppContext
from ui.dialogs.mediation_dialog_base import MediationDialogBase, date_edit
from ui.task_runner import DbSession


class MediationVisitDialog(MediationDialogBase):
    def __init__(
        self,
        *,
        context: AppContext,
        mediation: MediationDetail,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            context=context,
            mediation=mediation,
            title=self.tr("Return visit"),
            intro="；".join(mediation.terms) or mediation.agreement_content or "",
            parent=parent,
        )
        self.setObjectName("mediationVisitDialog")
        self.intro_label.setMaximumHeight(self.fontMetrics().height() * 4)
        self.visited_edit = date_edit()
        self.add_field(self.tr("Visited on"), "visited_on", self.visited_edit)
        lead = next((name for _id, name, is_lead in mediation.mediators if is_lead), "")
        self.visitor_edit = QLineEdit(lead or context.actor.display_name)
        self.visitor_edit.setMaxLength(40)
        self.add_field(self.tr("Visitor"), "visitor", self.visitor_edit)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        for n, status in enumerate(PerformanceStatus, start=1):
            button = QRadioButton(f"&{n} {status.label}")
            button.setObjectName(f"performance_{status.value}")
            self.group.addButton(button)
            self.buttons[status.value] = button
            row.addWidget(button)
        row.addStretch(1)
        self.add_field(self.tr("Performed?"), "performance_status", box)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setFixedHeight(110)
        self.notes_edit.setPlaceholderText(self.tr("What was seen and said"))
        self.add_field(self.tr("Notes"), "notes", self.notes_edit)
        self.satisfaction_combo = QComboBox()
        self.satisfaction_combo.setObjectName("visitSatisfaction")
        self.satisfaction_combo.addItem(self.tr("Not asked"), "")
        for level in Satisfaction:
            self.satisfaction_combo.addItem(level.label, level.value)
        self.add_field(self.tr("Satisfaction"), "satisfaction", self.satisfaction_combo)
        self.lawsuit_check = QCheckBox(self.tr("A party has gone to court over it"))
        self.lawsuit_check.setObjectName("visitLawsuit")
        self.add_field(self.tr("Lawsuit"), "lawsuit", self.lawsuit_check)
        self.risk_combo = QComboBox()
        self.risk_combo.setObjectName("visitRisk")
        self.risk_combo.addItem(self.tr("Not assessed"), "")
        for risk in EscalationRisk:
            self.risk_combo.addItem(risk.label, risk.value)
        self.add_field(self.tr("Risk of escalation"), "escalation_risk", self.risk_combo)
        self.measures_edit = QPlainTextEdit()
        self.measures_edit.setObjectName("visitMeasures")
        self.measures_edit.setFixedHeight(60)
        self.measures_edit.setPlaceholderText(
            self.tr("Measures taken to keep it from flaring up (needed when the risk is high)")
        )
        self.add_field(self.tr("Measures"), "measures", self.measures_edit)
        self.setMinimumWidth(620)
        self.buttons[PerformanceStatus.PERFORMED.value].setFocus()

    def performance_status(self) -> str:
        return next((k for k, b in self.buttons.items() if b.isChecked()), "")

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        keys = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4]
        if event.key() in keys:
            list(self.buttons.values())[keys.index(Qt.Key(event.key()))].setChecked(True)
            return
        super().keyPressEvent(event)

    def has_typed(self) -> bool:
        return bool(
            self.notes_edit.toPlainText().strip()
            or self.measures_edit.toPlainText().strip()
            or self.performance_status()
        )

    def make_op(self) -> Callable[[DbSession], Any] | None:
        assert self.mediation is not None
        actor, mediation_id = self.context.actor, self.mediation.id
        values = {
            "visited_on": self.visited_edit.date().toPython(),
            "visitor": self.visitor_edit.text(),
            "performance_status": self.performance_status(),
            "notes": self.notes_edit.toPlainText(),
            "satisfaction": self.satisfaction_combo.currentData() or "",
            "lawsuit": self.lawsuit_check.isChecked(),
            "escalation_risk": self.risk_combo.currentData() or "",
            "measures": self.measures_edit.toPlainText(),
        }
        return lambda s: add_return_visit(s, actor=actor, mediation_id=mediation_id, **values)
