"""转调解: hand a dispute over to the volunteer mediators (和事佬).

Only what a mediator needs to start is asked here: the other party, the lead mediator, the
kind of dispute and the facts. The mediation case is created and linked to the work order
in one step; its own screens come with the mediation workspace.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QPlainTextEdit, QWidget

from station.services import case_handling
from station.services.cases import CaseDetail
from station.services.reference import Choices
from ui.context import AppContext
from ui.dialogs.action_dialog_base import ActionDialogBase
from ui.task_runner import DbSession
from ui.widgets.resident_lookup import ResidentLookup


class MediationHandoverDialog(ActionDialogBase):
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
            title=self.tr("Hand over to mediation"),
            intro=self.tr("Applicant: %1").replace("%1", case.requester or self.tr("(none)")),
            parent=parent,
        )
        self.setObjectName("mediationHandoverDialog")
        self.new_respondent_name = ""
        self.respondent = ResidentLookup(
            runner=context.runner,
            placeholder=self.tr("The other party: name, pinyin initials or phone"),
            list_height=96,
        )
        self.respondent.sig_new_person.connect(self._new_respondent)
        self.respondent.sig_chosen.connect(lambda _p: self._set_new(""))
        self.add_field(self.tr("Respondent"), "respondent", self.respondent)
        self.mediator_combo = QComboBox()
        self.mediator_combo.addItem(self.tr("Choose a mediator"), "")
        for mediator in choices.mediators:
            self.mediator_combo.addItem(mediator.name, mediator.id)
        self.add_field(self.tr("Lead mediator"), "mediator", self.mediator_combo)
        self.type_combo = QComboBox()
        self.type_combo.addItem(self.tr("Not classified yet"), "")
        for dispute_type in choices.dispute_types:
            self.type_combo.addItem(dispute_type.name, dispute_type.id)
        self.add_field(self.tr("Dispute type"), "dispute_type_id", self.type_combo)
        self.facts_edit = QPlainTextEdit(f"{case.summary}\n{case.description}".strip())
        self.facts_edit.setFixedHeight(100)
        self.add_field(self.tr("Facts"), "facts", self.facts_edit)
        self.setMinimumWidth(600)
        self.respondent.edit.setFocus()

    def _new_respondent(self, typed: str) -> None:
        self._set_new(typed)

    def _set_new(self, name: str) -> None:
        self.new_respondent_name = name.strip()
        if self.new_respondent_name:
            self.respondent.card.setText(
                self.tr("New resident: %1 (recorded with the mediation)").replace(
                    "%1", self.new_respondent_name
                )
            )
            self.respondent.card.show()

    def has_typed(self) -> bool:
        return bool(self.respondent.edit.text().strip())

    def make_op(self) -> Callable[[DbSession], Any] | None:
        actor, case_id = self.context.actor, self.case.id
        person = self.respondent.person
        respondent_id = person.id if person else None
        new = (
            {"name": self.new_respondent_name}
            if respondent_id is None and self.new_respondent_name
            else None
        )
        mediator_id = self.mediator_combo.currentData() or ""
        dispute_type_id = self.type_combo.currentData() or None
        facts = self.facts_edit.toPlainText()
        return lambda s: case_handling.hand_to_mediation(
            s,
            actor=actor,
            case_id=case_id,
            respondent_id=respondent_id,
            new_respondent=new,
            mediator_id=mediator_id,
            dispute_type_id=dispute_type_id,
            facts=facts,
        )
