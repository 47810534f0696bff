"""Add a party to a mediation case already under way (a third neighbour, a family member):
find them in the resident register, or type a new name; choose the role and an agent."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from station.domain.enums import PartyRole
from station.domain.mediation_rules import AgentKind
from station.services.mediation import MediationDetail, add_party
from ui.context import AppContext
from ui.dialogs.mediation_dialog_base import MediationDialogBase
from ui.task_runner import DbSession
from ui.widgets.resident_lookup import ResidentLookup


class MediationAddPartyDialog(MediationDialogBase):
    def __init__(
        self,
        *,
        context: AppContext,
        mediation: MediationDetail,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            context=context, mediation=mediation, title=self.tr("Add a party"), parent=parent
        )
        self.setObjectName("mediationAddPartyDialog")
        self.new_name = ""
        self.lookup = ResidentLookup(
            runner=context.runner,
            placeholder=self.tr("Name, pinyin initials or phone"),
            list_height=96,
        )
        self.lookup.sig_new_person.connect(self._new_person)
        self.lookup.sig_chosen.connect(lambda _p: self._new_person(""))
        self.add_field(self.tr("Resident"), "parties", self.lookup)
        self.role_combo = QComboBox()
        for role in PartyRole:
            self.role_combo.addItem(role.label, role.value)
        self.role_combo.setCurrentIndex(self.role_combo.findData(PartyRole.RESPONDENT.value))
        self.add_field(self.tr("Role"), "role", self.role_combo)
        self.agent_edit = QLineEdit()
        self.agent_edit.setMaxLength(40)
        self.add_field(self.tr("Agent"), "agent_name", self.agent_edit)
        self.agent_kind_combo = QComboBox()
        self.agent_kind_combo.addItem(self.tr("No agent / not stated"), "")
        for kind in AgentKind:
            self.agent_kind_combo.addItem(kind.label, kind.value)
        self.add_field(self.tr("Kind of agent"), "agent_kind", self.agent_kind_combo)
        self.authorization_edit = QLineEdit()
        self.authorization_edit.setMaxLength(200)
        self.authorization_edit.setPlaceholderText(
            self.tr("e.g. general authorisation, special authorisation")
        )
        self.add_field(self.tr("Authorisation"), "agent_authorization", self.authorization_edit)
        self.setMinimumWidth(560)
        self.lookup.edit.setFocus()

    def _new_person(self, typed: str) -> None:
        self.new_name = typed.strip()
        if self.new_name:
            self.lookup.card.setText(
                self.tr("New resident: %1 (recorded with the mediation)").replace(
                    "%1", self.new_name
                )
            )
            self.lookup.card.show()

    def party(self) -> dict[str, Any]:
        person = self.lookup.person
        who: dict[str, Any] = {"person_id": person.id} if person else {"name": self.new_name}
        return {
            **who,
            "role": self.role_combo.currentData(),
            "agent_name": self.agent_edit.text(),
            "agent_kind": self.agent_kind_combo.currentData() or "",
            "agent_authorization": self.authorization_edit.text(),
        }

    def has_typed(self) -> bool:
        return bool(self.lookup.edit.text().strip() or self.agent_edit.text().strip())

    def make_op(self) -> Callable[[DbSession], Any] | None:
        assert self.mediation is not None
        actor, mediation_id, party = self.context.actor, self.mediation.id, self.party()
        return lambda s: add_party(s, actor=actor, mediation_id=mediation_id, party=party)
