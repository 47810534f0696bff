"""派单 (town center): send the work order to a lead unit — a department or a village /
community — with co-handling departments (协办单位), a deadline and instructions.

The deadline starts at the category's time limit in working days from today (public
holidays and make-up days counted); changing it asks for the reason, which goes on the
case's history.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from station.domain.dispatch import default_deadline
from station.domain.working_days import working_days_between
from station.services import dispatch
from station.services.cases import CaseDetail
from station.services.reference import Choices
from ui.context import AppContext
from ui.dialogs.action_dialog_base import ActionDialogBase
from ui.task_runner import DbSession

DEFAULT_DAYS = 5  # when the case has no category


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class DispatchDialog(ActionDialogBase):
    def __init__(
        self,
        *,
        context: AppContext,
        case: CaseDetail,
        choices: Choices,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            context=context,
            case=case,
            title=self.tr("Dispatch"),
            save_text=self.tr("Dispatch"),
            parent=parent,
        )
        self.setObjectName("dispatchDialog")
        category = next((c for c in choices.categories if c.id == case.category_id), None)
        self.time_limit = category.time_limit_days if category is not None else DEFAULT_DAYS
        self.default_due = default_deadline(date.today(), self.time_limit)

        self.lead_combo = QComboBox()
        self.lead_combo.addItem(self.tr("Choose the lead unit"), "")
        for department in choices.departments:
            self.lead_combo.addItem(department.name, f"department:{department.id}")
        for community in choices.communities:
            self.lead_combo.addItem(community.name, f"community:{community.id}")
        suggested = case.department_id or (category.department_id if category else None)
        index = self.lead_combo.findData(f"department:{suggested}") if suggested else -1
        self.lead_combo.setCurrentIndex(max(0, index))
        self.add_field(self.tr("Lead unit"), "lead", self.lead_combo)

        self.co_list = QListWidget()
        self.co_list.setObjectName("coDepartments")
        self.co_list.setFixedHeight(86)
        for department in choices.departments:
            item = QListWidgetItem(department.name)
            item.setData(Qt.ItemDataRole.UserRole, department.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.co_list.addItem(item)
        self.add_field(self.tr("Co-handling"), "co_departments", self.co_list)

        self.deadline_edit = QDateEdit(_qdate(self.default_due))
        self.deadline_edit.setCalendarPopup(True)
        self.deadline_edit.setDisplayFormat("yyyy-MM-dd")
        self.deadline_hint = QLabel()
        self.deadline_hint.setObjectName("hint")
        self.add_field(self.tr("Deadline"), "deadline", self.deadline_edit, self.deadline_hint)
        self.deadline_reason_edit = QLineEdit()
        self.deadline_reason_edit.setMaxLength(200)
        self.deadline_reason_edit.setPlaceholderText(
            self.tr("Required when the deadline differs from the time limit")
        )
        self.add_field(self.tr("Why this deadline"), "deadline_reason", self.deadline_reason_edit)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setFixedHeight(70)
        self.note_edit.setPlaceholderText(self.tr("What the units should do (optional)"))
        self.add_field(self.tr("Instructions"), "instructions", self.note_edit)
        self.deadline_edit.dateChanged.connect(self._deadline_changed)
        self._deadline_changed()
        self.lead_combo.setFocus()

    def _deadline_changed(self) -> None:
        due = self.deadline_edit.date().toPython()
        days = working_days_between(date.today(), due)
        text = self.tr("%1 working day(s); the category allows %2").replace("%1", str(days))
        self.deadline_hint.setText(text.replace("%2", str(self.time_limit)))
        self.deadline_reason_edit.setEnabled(due != self.default_due)

    def co_department_ids(self) -> list[str]:
        return [
            self.co_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.co_list.count())
            if self.co_list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def has_typed(self) -> bool:
        return bool(self.note_edit.toPlainText().strip() or self.deadline_reason_edit.text())

    def make_op(self) -> Callable[[DbSession], Any] | None:
        actor, case_id = self.context.actor, self.case.id
        lead = self.lead_combo.currentData() or ""
        if not lead:
            self.errors.show("lead", self.tr("Please choose the lead unit."))
            self.lead_combo.setFocus()
            return None
        kind, _, unit_id = lead.partition(":")
        deadline = self.deadline_edit.date().toPython()
        reason = self.deadline_reason_edit.text() if deadline != self.default_due else ""
        co = self.co_department_ids()
        instructions = self.note_edit.toPlainText()
        return lambda s: dispatch.dispatch_case(
            s,
            actor=actor,
            case_id=case_id,
            department_id=unit_id if kind == "department" else None,
            community_id=unit_id if kind == "community" else None,
            co_department_ids=co,
            deadline=deadline,
            deadline_reason=reason,
            instructions=instructions,
        )
