"""办理进展: add a progress note to a work order's history (the status stays as it is)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from station.services import case_handling
from station.services.cases import CaseDetail
from ui.context import AppContext
from ui.dialogs.action_dialog_base import ActionDialogBase
from ui.task_runner import DbSession


class ProgressNoteDialog(ActionDialogBase):
    def __init__(
        self, *, context: AppContext, case: CaseDetail, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            context=context, case=case, title=self.tr("Record progress"), parent=parent
        )
        self.setObjectName("progressNoteDialog")
        self.text_edit = QPlainTextEdit()
        self.text_edit.setFixedHeight(120)
        self.text_edit.setPlaceholderText(
            self.tr("e.g. Visited the site with the grid worker; the owner promised to clear it")
        )
        self.add_field(self.tr("Progress"), "text", self.text_edit)
        self.text_edit.setFocus()

    def has_typed(self) -> bool:
        return bool(self.text_edit.toPlainText().strip())

    def make_op(self) -> Callable[[DbSession], Any] | None:
        actor, case_id, text = self.context.actor, self.case.id, self.text_edit.toPlainText()
        return lambda s: case_handling.record_progress(s, actor=actor, case_id=case_id, text=text)
