"""合并重复件: this work order repeats another one; it is merged into that case."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from station.services import case_handling
from station.services.cases import CaseDetail
from ui.context import AppContext
from ui.dialogs.action_dialog_base import ActionDialogBase
from ui.task_runner import DbSession


class MergeCaseDialog(ActionDialogBase):
    def __init__(
        self, *, context: AppContext, case: CaseDetail, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            context=context, case=case, title=self.tr("Merge duplicate"), parent=parent
        )
        self.setObjectName("mergeCaseDialog")
        self.number_edit = QLineEdit()
        self.number_edit.setMaxLength(32)
        self.number_edit.setPlaceholderText(
            self.tr("Number of the case to keep, e.g. %1").replace("%1", case.number)
        )
        self.add_field(self.tr("Merge into"), "into_number", self.number_edit)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setFixedHeight(80)
        self.reason_edit.setPlaceholderText(self.tr("Why they are the same request (required)"))
        self.add_field(self.tr("Reason"), "reason", self.reason_edit)
        self.number_edit.setFocus()

    def has_typed(self) -> bool:
        return bool(self.number_edit.text().strip() or self.reason_edit.toPlainText().strip())

    def make_op(self) -> Callable[[DbSession], Any] | None:
        actor, case_id = self.context.actor, self.case.id
        number, reason = self.number_edit.text(), self.reason_edit.toPlainText()
        return lambda s: case_handling.merge_case(
            s, actor=actor, case_id=case_id, into_number=number, reason=reason
        )
