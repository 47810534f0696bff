"""One step of dispatched handling, with what it needs: 签收, 办理进展, 申请延期, 退单, 答复
(lead unit) and 审批延期, 催办, 督办 (town center)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QPlainTextEdit, QWidget

from station.services import dispatch
from station.services.cases import CaseDetail
from ui.context import AppContext
from ui.dialogs.action_dialog_base import ActionDialogBase
from ui.task_runner import DbSession

SIGN_FOR = "sign_for"
PROGRESS = "progress"
REQUEST_EXTENSION = "request_extension"
APPROVE_EXTENSION = "approve_extension"
REFUSE_EXTENSION = "refuse_extension"
RETURN = "return"
REPLY = "reply"
REMIND = "remind"
SUPERVISE = "supervise"
STEPS = (
    SIGN_FOR,
    PROGRESS,
    REQUEST_EXTENSION,
    RETURN,
    REPLY,
    APPROVE_EXTENSION,
    REFUSE_EXTENSION,
    REMIND,
    SUPERVISE,
)
# Steps whose text may stay empty.
_OPTIONAL_TEXT = (SIGN_FOR, APPROVE_EXTENSION, REMIND)


class DispatchStepDialog(ActionDialogBase):
    """A text (reason, result, note) and, for extensions, a date."""

    def __init__(
        self,
        *,
        context: AppContext,
        case: CaseDetail,
        step: str,
        parent: QWidget | None = None,
    ) -> None:
        if step not in STEPS:
            raise ValueError(step)
        self.step = step
        titles = {
            SIGN_FOR: self.tr("Sign for"),
            PROGRESS: self.tr("Record progress"),
            REQUEST_EXTENSION: self.tr("Request an extension"),
            RETURN: self.tr("Return to the center"),
            REPLY: self.tr("Reply with the result"),
            APPROVE_EXTENSION: self.tr("Approve the extension"),
            REFUSE_EXTENSION: self.tr("Refuse the extension"),
            REMIND: self.tr("Remind"),
            SUPERVISE: self.tr("Supervise"),
        }
        labels = {
            SIGN_FOR: self.tr("Note"),
            PROGRESS: self.tr("Progress"),
            REQUEST_EXTENSION: self.tr("Reason"),
            RETURN: self.tr("Reason"),
            REPLY: self.tr("Result"),
            APPROVE_EXTENSION: self.tr("Note"),
            REFUSE_EXTENSION: self.tr("Reason"),
            REMIND: self.tr("Reminder"),
            SUPERVISE: self.tr("Supervision note"),
        }
        super().__init__(
            context=context,
            case=case,
            title=titles[step],
            save_text=titles[step],
            parent=parent,
        )
        self.setObjectName("dispatchStepDialog")
        self.date_edit: QDateEdit | None = None
        if step in (REQUEST_EXTENSION, APPROVE_EXTENSION):
            due = dispatch.extension_default(case) if step == REQUEST_EXTENSION else None
            due = due or case.deadline or date.today()
            self.date_edit = QDateEdit(QDate(due.year, due.month, due.day))
            self.date_edit.setCalendarPopup(True)
            self.date_edit.setDisplayFormat("yyyy-MM-dd")
            label = (
                self.tr("Extend until") if step == REQUEST_EXTENSION else self.tr("New deadline")
            )
            self.add_field(label, "until", self.date_edit)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setFixedHeight(110 if step == REPLY else 80)
        self.text_edit.setPlaceholderText(
            self.tr("Optional") if step in _OPTIONAL_TEXT else self.tr("Required")
        )
        field = {REPLY: "result", PROGRESS: "text"}.get(step, "reason")
        self.add_field(labels[step], field, self.text_edit)
        self.text_edit.setFocus()

    def set_until(self, day: date) -> None:
        if self.date_edit is not None:
            self.date_edit.setDate(QDate(day.year, day.month, day.day))

    def has_typed(self) -> bool:
        return bool(self.text_edit.toPlainText().strip())

    def make_op(self) -> Callable[[DbSession], Any] | None:
        actor, case_id, step = self.context.actor, self.case.id, self.step
        text = self.text_edit.toPlainText()
        until = self.date_edit.date().toPython() if self.date_edit is not None else None
        if step == SIGN_FOR:
            return lambda s: dispatch.sign_for_case(s, actor=actor, case_id=case_id, note=text)
        if step == PROGRESS:
            return lambda s: dispatch.record_progress(s, actor=actor, case_id=case_id, text=text)
        if step == REQUEST_EXTENSION:
            return lambda s: dispatch.request_extension(
                s, actor=actor, case_id=case_id, until=until, reason=text
            )
        if step == RETURN:
            return lambda s: dispatch.return_case(s, actor=actor, case_id=case_id, reason=text)
        if step == REPLY:
            return lambda s: dispatch.reply_case(s, actor=actor, case_id=case_id, result=text)
        if step in (APPROVE_EXTENSION, REFUSE_EXTENSION):
            approve = step == APPROVE_EXTENSION
            return lambda s: dispatch.decide_extension(
                s, actor=actor, case_id=case_id, approve=approve, until=until, note=text
            )
        if step == REMIND:
            return lambda s: dispatch.remind_case(s, actor=actor, case_id=case_id, note=text)
        return lambda s: dispatch.supervise_case(s, actor=actor, case_id=case_id, note=text)
