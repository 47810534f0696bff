"""点评: the return-visit call. Satisfaction and "was it solved" are asked separately;
不满意 or not solved sends the case back to be handled again (重办)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from station.domain.enums import Rating
from station.services import case_handling
from station.services.cases import CaseDetail
from ui.context import AppContext
from ui.dialogs.action_dialog_base import ActionDialogBase
from ui.task_runner import DbSession


class ReturnVisitDialog(ActionDialogBase):
    """Two radio groups (keys 1–3 for the rating, Y/N for solved) and notes."""

    def __init__(
        self, *, context: AppContext, case: CaseDetail, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            context=context,
            case=case,
            title=self.tr("Return visit"),
            intro=case.result or case.summary,
            parent=parent,
        )
        self.setObjectName("returnVisitDialog")
        self.rating_group = QButtonGroup(self)
        self.rating_buttons: dict[str, QRadioButton] = {}
        ratings = QWidget()
        row = QHBoxLayout(ratings)
        row.setContentsMargins(0, 0, 0, 0)
        for number, rating in enumerate(Rating, start=1):
            button = QRadioButton(f"&{number} {rating.label}")
            self.rating_group.addButton(button)
            self.rating_buttons[rating.value] = button
            row.addWidget(button)
        row.addStretch(1)
        self.add_field(self.tr("Satisfaction"), "rating", ratings)

        self.solved_group = QButtonGroup(self)
        self.solved_yes = QRadioButton(self.tr("&Yes, solved"))
        self.solved_no = QRadioButton(self.tr("&No, not solved"))
        solved = QWidget()
        row = QHBoxLayout(solved)
        row.setContentsMargins(0, 0, 0, 0)
        for button in (self.solved_yes, self.solved_no):
            self.solved_group.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        self.add_field(self.tr("Problem solved?"), "solved", solved)
        keys_hint = QLabel(self.tr("Keys: 1–3 satisfaction, Y / N solved, Enter saves"))
        keys_hint.setObjectName("hint")
        self.form.addRow("", keys_hint)

        self.outcome_label = QLabel()
        self.outcome_label.setObjectName("hint")
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setFixedHeight(80)
        self.notes_edit.setPlaceholderText(self.tr("What the resident said (optional)"))
        self.add_field(self.tr("Notes"), "notes", self.notes_edit, self.outcome_label)
        self.rating_group.buttonToggled.connect(self._update_outcome)
        self.solved_group.buttonToggled.connect(self._update_outcome)
        self.rating_buttons[Rating.SATISFIED.value].setFocus()
        self._update_outcome()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        # Outside the notes: 1–3 choose the rating, Y/N whether it was solved.
        keys = {Qt.Key.Key_1: 0, Qt.Key.Key_2: 1, Qt.Key.Key_3: 2}
        ratings = list(self.rating_buttons.values())
        if event.key() in keys:
            ratings[keys[Qt.Key(event.key())]].setChecked(True)
            return
        if event.key() == Qt.Key.Key_Y:
            self.solved_yes.setChecked(True)
            return
        if event.key() == Qt.Key.Key_N:
            self.solved_no.setChecked(True)
            return
        super().keyPressEvent(event)

    def rating(self) -> str:
        for value, button in self.rating_buttons.items():
            if button.isChecked():
                return value
        return ""

    def solved(self) -> bool | None:
        if self.solved_yes.isChecked():
            return True
        if self.solved_no.isChecked():
            return False
        return None

    def set_answers(self, *, rating: str, solved: bool) -> None:
        self.rating_buttons[rating].setChecked(True)
        (self.solved_yes if solved else self.solved_no).setChecked(True)

    def _update_outcome(self, *_: object) -> None:
        rating, solved = self.rating(), self.solved()
        if not rating or solved is None:
            self.outcome_label.setText("")
        elif rating == Rating.DISSATISFIED.value or not solved:
            self.outcome_label.setText(
                self.tr("The work order goes back to be handled again (重办).")
            )
        else:
            self.outcome_label.setText(self.tr("The work order will be closed (办结)."))

    def has_typed(self) -> bool:
        return bool(self.notes_edit.toPlainText().strip() or self.rating())

    def make_op(self) -> Callable[[DbSession], Any] | None:
        actor, case_id = self.context.actor, self.case.id
        rating, solved, notes = self.rating(), self.solved(), self.notes_edit.toPlainText()
        return lambda s: case_handling.record_return_visit(
            s, actor=actor, case_id=case_id, rating=rating, solved=solved, notes=notes
        )
