"""The mediators (和事佬) of a case: tick them on the roster, choose the lead. Space ticks the
highlighted mediator; Ctrl+Enter saves."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QListWidget, QListWidgetItem, QWidget

from station.services.mediation import MediationDetail, set_mediators
from station.services.reference import Option
from ui.context import AppContext
from ui.dialogs.mediation_dialog_base import MediationDialogBase
from ui.task_runner import DbSession

ID_ROLE = Qt.ItemDataRole.UserRole


class MediationMediatorsDialog(MediationDialogBase):
    def __init__(
        self,
        *,
        context: AppContext,
        mediation: MediationDetail,
        roster: tuple[Option, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            context=context, mediation=mediation, title=self.tr("Mediators"), parent=parent
        )
        self.setObjectName("mediationMediatorsDialog")
        current = {roster_id: lead for roster_id, _name, lead in mediation.mediators}
        self.mediator_list = QListWidget()
        self.mediator_list.setObjectName("mediatorList")
        self.mediator_list.setMinimumHeight(160)
        known = {option.id for option in roster}
        # Someone no longer on the active roster stays listed while on the case.
        options = [*roster] + [
            Option(id=roster_id, name=name)
            for roster_id, name, _lead in mediation.mediators
            if roster_id not in known
        ]
        for option in options:
            item = QListWidgetItem(option.name)
            item.setData(ID_ROLE, option.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = option.id in current
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.mediator_list.addItem(item)
        self.lead_combo = QComboBox()
        self.lead_combo.setObjectName("leadMediator")
        self.add_field(self.tr("Mediators"), "mediators", self.mediator_list)
        self.add_field(self.tr("Lead mediator"), "lead", self.lead_combo)
        self._mediators_changed()
        lead = next((roster_id for roster_id, is_lead in current.items() if is_lead), None)
        if lead:
            self.lead_combo.setCurrentIndex(max(0, self.lead_combo.findData(lead)))
        self.mediator_list.itemChanged.connect(self._mediators_changed)
        self.mediator_list.setCurrentRow(0)
        self.mediator_list.setFocus()
        self._initial = self.chosen()

    def checked(self) -> list[tuple[str, str]]:
        out = []
        for row in range(self.mediator_list.count()):
            item = self.mediator_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append((item.data(ID_ROLE), item.text()))
        return out

    def _mediators_changed(self, *_: object) -> None:
        current = self.lead_combo.currentData()
        self.lead_combo.clear()
        for roster_id, name in self.checked():
            self.lead_combo.addItem(name, roster_id)
        self.lead_combo.setCurrentIndex(max(self.lead_combo.findData(current), 0))
        self.errors.clear("mediators")

    def check(self, name: str, *, checked: bool = True) -> None:
        """Tick (or untick) ``name`` (what Space does on the highlighted row)."""
        for row in range(self.mediator_list.count()):
            item = self.mediator_list.item(row)
            if item.text() == name:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def chosen(self) -> list[dict[str, Any]]:
        lead = self.lead_combo.currentData()
        return [
            {"roster_person_id": roster_id, "lead": roster_id == lead}
            for roster_id, _name in self.checked()
        ]

    def has_typed(self) -> bool:
        return self.chosen() != self._initial

    def make_op(self) -> Callable[[DbSession], Any] | None:
        assert self.mediation is not None
        actor, mediation_id, mediators = self.context.actor, self.mediation.id, self.chosen()
        return lambda s: set_mediators(
            s, actor=actor, mediation_id=mediation_id, mediators=mediators
        )
