"""派单 (town center): send the work order to a department with a deadline."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QPlainTextEdit, QWidget

from station.domain.working_days import add_working_days
from station.services import case_handling
from station.services.cases import CaseDetail
from station.services.reference import Choices
from ui.context import AppContext
from ui.dialogs.action_dialog_base import ActionDialogBase
from ui.task_runner import DbSession

DEFAULT_DAYS = 5


class DispatchDialog(ActionDialogBase):
    def __init__(
        self,
        *,
        context: AppContext,
        case: CaseDetail,
        choices: Choices,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context=context, case=case, title=self.tr("Dispatch"), parent=parent)
        self.setObjectName("dispatchDialog")
        self.department_combo = QComboBox()
        self.department_combo.addItem(self.tr("Choose a department"), "")
        for department in choices.departments:
            self.department_combo.addItem(department.name, department.id)
        index = self.department_combo.findData(case.department_id or "")
        self.department_combo.setCurrentIndex(max(0, index))
        self.add_field(self.tr("Department"), "department_id", self.department_combo)
        due = case.deadline or add_working_days(date.today(), DEFAULT_DAYS)
        self.deadline_edit = QDateEdit(QDate(due.year, due.month, due.day))
        self.deadline_edit.setCalendarPopup(True)
        self.deadline_edit.setDisplayFormat("yyyy-MM-dd")
        self.add_field(self.tr("Deadline"), "deadline", self.deadline_edit)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setFixedHeight(70)
        self.note_edit.setPlaceholderText(self.tr("Instructions for the department (optional)"))
        self.add_field(self.tr("Note"), "reason", self.note_edit)
        self.department_combo.setFocus()

    def has_typed(self) -> bool:
        return bool(self.note_edit.toPlainText().strip())

    def make_op(self) -> Callable[[DbSession], Any] | None:
        actor, case_id = self.context.actor, self.case.id
        department_id = self.department_combo.currentData() or ""
        deadline = self.deadline_edit.date().toPython()
        note = self.note_edit.toPlainText()
        return lambda s: case_handling.dispatch_case(
            s,
            actor=actor,
            case_id=case_id,
            department_id=department_id,
            deadline=deadline,
            note=note,
        )
