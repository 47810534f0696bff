"""One state-machine action on a work order with what it needs: a reason, a result, who
handles it. Handle at station, escalate, settle at the desk, reply, sign for, return, hand
over for a return visit, archive, void."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from station.domain.case_workflow import CaseAction
from station.services import case_handling
from station.services.cases import CaseDetail
from ui.context import AppContext
from ui.dialogs.action_dialog_base import ActionDialogBase
from ui.task_runner import DbSession

RESULT_ACTIONS = (CaseAction.SETTLE_AT_DESK, CaseAction.REPLY)


class CaseActionDialog(ActionDialogBase):
    """Reason (required where the action needs one), or result, or handler."""

    def __init__(
        self,
        *,
        context: AppContext,
        case: CaseDetail,
        action: CaseAction | str,
        parent: QWidget | None = None,
    ) -> None:
        self.action = CaseAction(action)
        super().__init__(
            context=context,
            case=case,
            title=self.action.label,
            save_text=self.action.label,
            parent=parent,
        )
        self.setObjectName("caseActionDialog")
        self.reason_required = case_handling.reason_required(self.action)
        self.result_edit: QPlainTextEdit | None = None
        self.assignee_edit: QLineEdit | None = None
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setFixedHeight(90)
        first: QWidget = self.reason_edit
        if self.action in RESULT_ACTIONS:
            self.result_edit = QPlainTextEdit(case.result)
            self.result_edit.setFixedHeight(110)
            self.result_edit.setPlaceholderText(
                self.tr("What was done, and the answer given to the resident")
            )
            self.add_field(self.tr("Result"), "result", self.result_edit)
            first = self.result_edit
        if self.action == CaseAction.HANDLE_AT_STATION:
            actor = context.actor
            self.assignee_edit = QLineEdit(case.assignee or actor.display_name or actor.username)
            self.assignee_edit.setMaxLength(60)
            self.add_field(self.tr("Handled by"), "assignee", self.assignee_edit)
            first = self.assignee_edit
        if self.action == CaseAction.ESCALATE:
            self.reason_edit.setPlaceholderText(
                self.tr("Why the town center should take it over (required)")
            )
        elif self.reason_required:
            self.reason_edit.setPlaceholderText(self.tr("Required"))
        else:
            self.reason_edit.setPlaceholderText(self.tr("Optional"))
        label = self.tr("Reason") if self.reason_required else self.tr("Note")
        if self.action not in RESULT_ACTIONS:
            self.add_field(label, "reason", self.reason_edit)
            if first is not self.reason_edit:
                QWidget.setTabOrder(first, self.reason_edit)
        first.setFocus()

    def has_typed(self) -> bool:
        texts = [self.reason_edit.toPlainText()]
        if self.result_edit is not None:
            texts.append(self.result_edit.toPlainText())
        return any(t.strip() for t in texts)

    def make_op(self) -> Callable[[DbSession], Any] | None:
        actor, case_id, action = self.context.actor, self.case.id, self.action
        reason = self.reason_edit.toPlainText()
        if self.reason_required and not reason.strip():
            self.errors.show("reason", self.tr("Please give the reason."))
            self.reason_edit.setFocus()
            return None
        if self.result_edit is not None:
            result = self.result_edit.toPlainText()
            if not result.strip():
                self.errors.show("result", self.tr("Please write the result."))
                self.result_edit.setFocus()
                return None
            if action == CaseAction.REPLY:
                return lambda s: case_handling.reply_to_case(
                    s, actor=actor, case_id=case_id, result=result
                )
            return lambda s: case_handling.take_case_action(
                s, actor=actor, case_id=case_id, action=action, result=result.strip()
            )
        if self.assignee_edit is not None:
            assignee = self.assignee_edit.text()
            return lambda s: case_handling.handle_at_station(
                s, actor=actor, case_id=case_id, assignee=assignee, note=reason
            )
        return lambda s: case_handling.take_case_action(
            s, actor=actor, case_id=case_id, action=action, reason=reason
        )
