"""结案: how the mediation ended — agreement (written / oral), failed, terminated, or not
accepted — with the reason and, when it failed, the other routes the parties were told
about (人民调解法 art. 26). Keys 1–5 choose the outcome outside the text boxes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from station.domain.enums import AgreementForm, MediationStatus
from station.services.mediation import OTHER_ROUTES_HINT, MediationDetail, record_outcome
from ui.context import AppContext
from ui.dialogs.mediation_dialog_base import MediationDialogBase, date_edit
from ui.task_runner import DbSession

WRITTEN, ORAL, FAILED, TERMINATED, NOT_ACCEPTED = (
    "written",
    "oral",
    "failed",
    "terminated",
    "not_accepted",
)
_NEEDS_ROUTES = {FAILED, TERMINATED}


class MediationOutcomeDialog(MediationDialogBase):
    def __init__(
        self,
        *,
        context: AppContext,
        mediation: MediationDetail,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            context=context, mediation=mediation, title=self.tr("Outcome"), parent=parent
        )
        self.setObjectName("mediationOutcomeDialog")
        m = mediation
        labels = {
            WRITTEN: self.tr("Written agreement reached"),
            ORAL: self.tr("Oral agreement reached"),
            FAILED: self.tr("Mediation failed"),
            TERMINATED: self.tr("Mediation terminated"),
            NOT_ACCEPTED: self.tr("Not accepted (e.g. a party refuses)"),
        }
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        for n, (key, text) in enumerate(labels.items()):
            button = QRadioButton(f"&{n + 1} {text}")
            button.setObjectName(f"outcome_{key}")
            self.group.addButton(button)
            self.buttons[key] = button
            grid.addWidget(button, n // 2, n % 2)
        self.add_field(self.tr("Outcome"), "outcome", box)
        current = self._current_outcome(m)
        if current:
            self.buttons[current].setChecked(True)

        self.closed_edit = date_edit(m.closed_on)
        self.add_field(self.tr("Closed on"), "closed_on", self.closed_edit)
        self.reason_edit = QPlainTextEdit(m.closing_reason)
        self.reason_edit.setFixedHeight(70)
        self.reason_edit.setPlaceholderText(
            self.tr("Why it failed, was terminated or not accepted")
        )
        self.add_field(self.tr("Reason"), "closing_reason", self.reason_edit)
        self.routes_edit = QPlainTextEdit(m.other_routes)
        self.routes_edit.setFixedHeight(60)
        self.add_field(self.tr("Other routes explained"), "other_routes", self.routes_edit)
        self.criminal_check = QCheckBox(self.tr("Prevented a civil dispute turning criminal"))
        self.criminal_check.setChecked(m.prevented_criminal)
        self.petition_check = QCheckBox(self.tr("Prevented a group petition"))
        self.petition_check.setChecked(m.prevented_petition)
        # Persons involved (0: every party); enabled with their box.
        self.criminal_persons = self._persons_spin(m.prevented_criminal_persons)
        self.petition_persons = self._persons_spin(m.prevented_petition_persons)
        flags = QWidget()
        row = QHBoxLayout(flags)
        row.setContentsMargins(0, 0, 0, 0)
        for check, spin in (
            (self.criminal_check, self.criminal_persons),
            (self.petition_check, self.petition_persons),
        ):
            spin.setEnabled(check.isChecked())
            check.toggled.connect(spin.setEnabled)
            row.addWidget(check)
            row.addWidget(spin)
            row.addSpacing(12)
        row.addStretch(1)
        self.add_field(self.tr("Statistics"), "prevented", flags)
        self.errors.add(
            "prevented_criminal_persons", self.criminal_persons, self.errors.label("prevented")
        )
        self.errors.add(
            "prevented_petition_persons", self.petition_persons, self.errors.label("prevented")
        )
        self.group.buttonToggled.connect(self._outcome_changed)
        self._outcome_changed()
        self.setMinimumWidth(640)
        (self.buttons[current] if current else self.buttons[WRITTEN]).setFocus()

    def _persons_spin(self, value: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(0, 9999)
        spin.setValue(value)
        spin.setSuffix(self.tr(" person(s)"))
        spin.setSpecialValueText(self.tr("all parties"))
        spin.setToolTip(self.tr("How many people were involved (0: count every party)"))
        return spin

    @staticmethod
    def _current_outcome(m: MediationDetail) -> str:
        status = m.status
        if status == MediationStatus.SUCCEEDED.value:
            return ORAL if m.agreement_form == AgreementForm.ORAL.value else WRITTEN
        if status in (FAILED, TERMINATED, NOT_ACCEPTED):
            return status
        if m.agreement_form in (WRITTEN, ORAL):
            return m.agreement_form  # an agreement was recorded: most likely what happened
        return ""

    def outcome(self) -> str:
        return next((k for k, b in self.buttons.items() if b.isChecked()), "")

    def _outcome_changed(self, *_: object) -> None:
        outcome = self.outcome()
        if outcome in _NEEDS_ROUTES and not self.routes_edit.toPlainText().strip():
            self.routes_edit.setPlainText(OTHER_ROUTES_HINT)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        keys = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5]
        if event.key() in keys:
            list(self.buttons.values())[keys.index(Qt.Key(event.key()))].setChecked(True)
            return
        super().keyPressEvent(event)

    def has_typed(self) -> bool:
        assert self.mediation is not None
        return self.reason_edit.toPlainText().strip() != self.mediation.closing_reason.strip()

    def make_op(self) -> Callable[[DbSession], Any] | None:
        assert self.mediation is not None
        actor, mediation_id = self.context.actor, self.mediation.id
        outcome = self.outcome()
        values = {
            "closed_on": self.closed_edit.date().toPython(),
            "reason": self.reason_edit.toPlainText(),
            "other_routes": (self.routes_edit.toPlainText() if outcome in _NEEDS_ROUTES else ""),
            "prevented_criminal": self.criminal_check.isChecked(),
            "prevented_petition": self.petition_check.isChecked(),
            "prevented_criminal_persons": self.criminal_persons.value(),
            "prevented_petition_persons": self.petition_persons.value(),
        }
        return lambda s: record_outcome(
            s, actor=actor, mediation_id=mediation_id, outcome=outcome, **values
        )
