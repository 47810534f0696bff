"""One party of a mediation case: role, agent, and their details in the resident register
(民族, 职业, address, phone). The phone is shown masked; typing a number replaces it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from station.domain.enums import PartyRole
from station.domain.mediation_rules import AgentKind
from station.domain.validation import mask_phone
from station.services.mediation import MediationDetail, PartyInfo, update_party
from ui.context import AppContext
from ui.dialogs.mediation_dialog_base import MediationDialogBase
from ui.task_runner import DbSession


class MediationPartyDialog(MediationDialogBase):
    def __init__(
        self,
        *,
        context: AppContext,
        mediation: MediationDetail,
        party: PartyInfo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            context=context,
            mediation=mediation,
            title=self.tr("Party"),
            intro=party.name,
            parent=parent,
        )
        self.setObjectName("mediationPartyDialog")
        self.party = party
        self.role_combo = QComboBox()
        for role in PartyRole:
            self.role_combo.addItem(role.label, role.value)
        self.role_combo.setCurrentIndex(self.role_combo.findData(party.role))
        self.add_field(self.tr("Role"), "role", self.role_combo)
        self.edits: dict[str, QLineEdit] = {}
        for key, label, limit, value in (
            ("ethnicity", self.tr("Ethnic group"), 16, party.ethnicity),
            ("occupation", self.tr("Occupation"), 40, party.occupation),
            ("address", self.tr("Address"), 120, party.address),
            ("phone", self.tr("Phone"), 20, ""),
            ("agent_name", self.tr("Agent"), 40, party.agent_name),
            ("agent_authorization", self.tr("Authorisation"), 200, party.agent_authorization),
        ):
            edit = QLineEdit(value)
            edit.setMaxLength(limit)
            self.edits[key] = edit
            self.add_field(label, key, edit)
        self.agent_kind_combo = QComboBox()
        self.agent_kind_combo.setObjectName("agentKind")
        self.agent_kind_combo.addItem(self.tr("No agent / not stated"), "")
        for kind in AgentKind:
            self.agent_kind_combo.addItem(kind.label, kind.value)
        self.agent_kind_combo.setCurrentIndex(
            max(0, self.agent_kind_combo.findData(party.agent_kind))
        )
        self.add_field(self.tr("Kind of agent"), "agent_kind", self.agent_kind_combo)
        self.edits["ethnicity"].setPlaceholderText(self.tr("e.g. Han"))
        self.edits["phone"].setPlaceholderText(
            mask_phone(party.phone) + self.tr(" (type to replace)")
            if party.phone
            else self.tr("no phone recorded")
        )
        self.edits["agent_authorization"].setPlaceholderText(
            self.tr("e.g. general authorisation, special authorisation")
        )
        self.setMinimumWidth(560)
        self.edits["ethnicity"].setFocus()

    def changed_values(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        role = self.role_combo.currentData()
        if role != self.party.role:
            values["role"] = role
        agent_kind = self.agent_kind_combo.currentData() or ""
        if agent_kind != self.party.agent_kind:
            values["agent_kind"] = agent_kind
        for key, edit in self.edits.items():
            text = edit.text().strip()
            if key == "phone":
                if text:
                    values[key] = text
            elif text != getattr(self.party, key):
                values[key] = text
        return values

    def has_typed(self) -> bool:
        return bool(self.changed_values())

    def make_op(self) -> Callable[[DbSession], Any] | None:
        assert self.mediation is not None
        actor, mediation_id, party_id = self.context.actor, self.mediation.id, self.party.id
        values = self.changed_values()
        return lambda s: update_party(
            s, actor=actor, mediation_id=mediation_id, party_id=party_id, **values
        )
