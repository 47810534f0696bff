"""受理: accept a dispute for mediation directly in the workspace (not from a work order).

Left: how the case came (当事人申请 / 主动调解 / 委托移送 with the referring body), the kind of
dispute, the acceptance date, the facts and the mediators (the lead first). Right: the
parties, found in the resident register as you type (or added as new residents), each with
role, phone, 民族, 职业, address and an optional agent (name, 法定/委托代理人, authorisation),
edited in the table. Known
residents' phones stay masked; details typed for them update the register.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station.domain.enums import MediationSource, PartyRole
from station.domain.mediation_rules import AgentKind
from station.services.mediation import open_mediation
from station.services.persons import PersonInfo
from station.services.reference import Option
from ui.context import AppContext
from ui.dialogs.mediation_dialog_base import MediationDialogBase, date_edit
from ui.task_runner import DbSession
from ui.widgets.form_errors import field_box
from ui.widgets.resident_lookup import ResidentLookup

ID_ROLE = Qt.ItemDataRole.UserRole
# Table columns: (key, editable for a known resident)
COLUMNS = (
    ("role", False),
    ("name", False),
    ("phone", False),
    ("ethnicity", True),
    ("occupation", True),
    ("address", True),
    ("agent_name", True),
    ("agent_kind", False),
    ("agent_authorization", True),
)
ROLE, NAME, PHONE = 0, 1, 2
AGENT_NAME, AGENT_KIND = 6, 7
#: Columns holding a combo box instead of an item.
COMBO_COLUMNS = ("role", "agent_kind")


@dataclass
class _PartyRow:
    """A party being added: a known resident (``person``) or a new one (name typed)."""

    person: PersonInfo | None
    name: str


class MediationNewCaseDialog(MediationDialogBase):
    def __init__(
        self,
        *,
        context: AppContext,
        dispute_types: list[Option] | tuple[Option, ...],
        mediators: list[Option] | tuple[Option, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            context=context,
            mediation=None,
            title=self.tr("New mediation case"),
            intro=self.tr(
                "Accept a dispute for mediation. Parties: type a name, pinyin initials or "
                "phone and press Enter; Delete removes the selected party."
            ),
            save_text=self.tr("Accept case"),
            parent=parent,
        )
        self.setObjectName("mediationNewCaseDialog")
        self.rows: list[_PartyRow] = []

        # ---- left column: the case
        self.source_combo = QComboBox()
        for source in MediationSource:
            self.source_combo.addItem(source.label, source.value)
        self.add_field(self.tr("Source"), "source", self.source_combo)
        self.referring_edit = QLineEdit()
        self.referring_edit.setMaxLength(60)
        self.referring_edit.setPlaceholderText(self.tr("e.g. the town police station"))
        self.add_field(self.tr("Referred by"), "referring_body", self.referring_edit)
        self.type_combo = QComboBox()
        self.type_combo.addItem(self.tr("Choose a dispute type"), "")
        for option in dispute_types:
            self.type_combo.addItem(option.name, option.id)
        self.add_field(self.tr("Dispute type"), "dispute_type_id", self.type_combo)
        self.accepted_edit = date_edit()
        self.add_field(self.tr("Accepted on"), "accepted_on", self.accepted_edit)
        self.facts_edit = QPlainTextEdit()
        self.facts_edit.setObjectName("factsEdit")
        self.facts_edit.setFixedHeight(96)
        self.facts_edit.setPlaceholderText(self.tr("Brief facts of the dispute"))
        self.add_field(self.tr("Facts"), "facts", self.facts_edit)
        self.mediator_list = QListWidget()
        self.mediator_list.setObjectName("mediatorList")
        self.mediator_list.setFixedHeight(120)
        me = context.actor.display_name
        for option in mediators:
            item = QListWidgetItem(option.name)
            item.setData(ID_ROLE, option.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if me and option.name == me else Qt.CheckState.Unchecked
            )
            self.mediator_list.addItem(item)
        self.mediator_list.setCurrentRow(0)
        self.lead_combo = QComboBox()
        self.lead_combo.setObjectName("leadMediator")
        mediator_hint = QLabel(self.tr("Space ticks a mediator; choose the lead below."))
        mediator_hint.setObjectName("hint")
        self.add_field(self.tr("Mediators"), "mediators", self.mediator_list, mediator_hint)
        self.add_field(self.tr("Lead mediator"), "lead", self.lead_combo)
        self.mediator_list.itemChanged.connect(self._mediators_changed)

        # ---- right column: the parties
        right = QFormLayout()
        right.setVerticalSpacing(6)
        self.lookup = ResidentLookup(
            runner=context.runner,
            placeholder=self.tr("Find a resident: name, pinyin initials or phone"),
            list_height=110,
        )
        self.lookup.setObjectName("partyLookup")
        self.lookup.sig_chosen.connect(self._resident_chosen)
        self.lookup.sig_new_person.connect(self._new_resident)
        self.add_role_combo = QComboBox()
        self.add_role_combo.setObjectName("addRole")
        for role in PartyRole:
            self.add_role_combo.addItem(role.label, role.value)
        lookup_row = QHBoxLayout()
        lookup_row.setContentsMargins(0, 0, 0, 0)
        lookup_row.addWidget(self.add_role_combo, 0, Qt.AlignmentFlag.AlignTop)
        lookup_row.addWidget(self.lookup, 1)
        right.addRow(self.tr("Add party"), field_box(lookup_row))
        headers = (
            self.tr("Role"),
            self.tr("Name"),
            self.tr("Phone"),
            self.tr("Ethnic group"),
            self.tr("Occupation"),
            self.tr("Address"),
            self.tr("Agent"),
            self.tr("Kind of agent"),
            self.tr("Authorisation"),
        )
        self.party_table = QTableWidget(0, len(COLUMNS))
        self.party_table.setObjectName("partyTable")
        self.party_table.setHorizontalHeaderLabels(list(headers))
        self.party_table.verticalHeader().hide()
        self.party_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.party_table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        header = self.party_table.horizontalHeader()
        for column, width in enumerate((96, 72, 104, 52, 68, 150, 64, 104, 84)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.party_table.setMinimumHeight(180)
        self.remove_button = QPushButton(self.tr("Remove party (Del)"))
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_selected_party)
        remove_shortcut = QShortcut(
            QKeySequence(Qt.Key.Key_Delete), self.party_table, self.remove_selected_party
        )
        remove_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        parties_error = self.errors.add("parties", self.party_table)
        right.addRow(
            self.tr("Parties"), field_box(self.party_table, parties_error, self.remove_button)
        )
        parties_hint = QLabel(
            self.tr(
                "Type into a cell to fill in ethnic group, occupation, address or agent "
                "(choose legal or entrusted agent); a known resident's phone stays masked."
            )
        )
        parties_hint.setObjectName("hint")
        parties_hint.setWordWrap(True)
        right.addRow("", parties_hint)

        # The base dialog has one form column: put the parties beside it.
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        index = outer.indexOf(self.form)
        outer.removeItem(self.form)
        columns = QHBoxLayout()
        columns.setSpacing(18)
        columns.addLayout(self.form, 3)
        columns.addLayout(right, 7)
        outer.insertLayout(index, columns)

        self.source_combo.currentIndexChanged.connect(self._source_changed)
        self._source_changed()
        self._mediators_changed()
        self.setMinimumSize(1200, 600)
        self.lookup.edit.setFocus()

    # ----------------------------------------------------------------- case column

    def _source_changed(self, *_: object) -> None:
        referral = self.source_combo.currentData() == MediationSource.REFERRAL.value
        self.referring_edit.setEnabled(referral)

    def checked_mediators(self) -> list[tuple[str, str]]:
        out = []
        for row in range(self.mediator_list.count()):
            item = self.mediator_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append((item.data(ID_ROLE), item.text()))
        return out

    def _mediators_changed(self, *_: object) -> None:
        current = self.lead_combo.currentData()
        self.lead_combo.clear()
        for roster_id, name in self.checked_mediators():
            self.lead_combo.addItem(name, roster_id)
        index = self.lead_combo.findData(current)
        self.lead_combo.setCurrentIndex(max(index, 0))
        self.errors.clear("mediators")

    def check_mediator(self, name: str, *, lead: bool = False) -> None:
        """Tick ``name`` in the mediator list (tests and the keyboard's Space do the same)."""
        for row in range(self.mediator_list.count()):
            item = self.mediator_list.item(row)
            if item.text() == name:
                item.setCheckState(Qt.CheckState.Checked)
        if lead:
            self.lead_combo.setCurrentIndex(self.lead_combo.findText(name))

    # ----------------------------------------------------------------- parties column

    def _resident_chosen(self, person: PersonInfo | None) -> None:
        if person is None:
            return
        if any(r.person is not None and r.person.id == person.id for r in self.rows):
            self.errors.show(
                "parties", self.tr("%1 is already a party.").replace("%1", person.name)
            )
        else:
            self._add_row(_PartyRow(person=person, name=person.name))
        self.lookup.set_person(None, notify=False)
        self.lookup.edit.setFocus()

    def _new_resident(self, typed: str) -> None:
        name = typed.strip()
        if name:
            self._add_row(_PartyRow(person=None, name=name))
        self.lookup.set_person(None, notify=False)
        self.lookup.edit.setFocus()

    def _add_row(self, party: _PartyRow) -> None:
        self.errors.clear("parties")
        roles = {self._role_of(n) for n in range(len(self.rows))}
        role = self.add_role_combo.currentData()
        self.rows.append(party)
        row = self.party_table.rowCount()
        self.party_table.insertRow(row)
        combo = QComboBox()
        for option in PartyRole:
            combo.addItem(option.label, option.value)
        combo.setCurrentIndex(combo.findData(role))
        self.party_table.setCellWidget(row, ROLE, combo)
        agent_kind = QComboBox()
        agent_kind.setObjectName("agentKind")
        agent_kind.addItem(self.tr("Not stated"), "")
        for kind in AgentKind:
            agent_kind.addItem(kind.label, kind.value)
        self.party_table.setCellWidget(row, AGENT_KIND, agent_kind)
        person = party.person
        values = {
            "name": party.name,
            "phone": person.masked_phone if person else "",
            "ethnicity": person.ethnicity if person else "",
            "occupation": person.occupation if person else "",
            "address": person.address if person else "",
            "agent_name": "",
            "agent_authorization": "",
        }
        for column, (key, editable) in enumerate(COLUMNS):
            if key in COMBO_COLUMNS:
                continue
            item = QTableWidgetItem(values[key])
            # A new resident's phone can be typed here; a known one's stays masked.
            can_edit = editable or (key == "phone" and person is None)
            if not can_edit:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if person is None and key == "name":
                item.setToolTip(self.tr("New resident: added to the register when saved"))
                item.setText(f"{party.name}＊")
            self.party_table.setItem(row, column, item)
        # The next party is most likely on the other side.
        roles.add(role)
        other = (
            PartyRole.RESPONDENT.value
            if role == PartyRole.APPLICANT.value
            else PartyRole.APPLICANT.value
        )
        if other not in roles:
            self.add_role_combo.setCurrentIndex(self.add_role_combo.findData(other))

    def _role_of(self, row: int) -> str:
        combo = self.party_table.cellWidget(row, ROLE)
        return combo.currentData() if isinstance(combo, QComboBox) else ""

    def agent_kind_combo(self, row: int) -> QComboBox:
        """The 法定/委托代理人 choice of party ``row``."""
        combo = self.party_table.cellWidget(row, AGENT_KIND)
        assert isinstance(combo, QComboBox)
        return combo

    def remove_selected_party(self) -> None:
        row = self.party_table.currentRow()
        if 0 <= row < len(self.rows):
            self.rows.pop(row)
            self.party_table.removeRow(row)

    def parties(self) -> list[dict[str, Any]]:
        """The parties as :func:`open_mediation` takes them."""
        out = []
        for row, party in enumerate(self.rows):
            values: dict[str, Any] = {"role": self._role_of(row)}
            agent_kind = self.agent_kind_combo(row).currentData()
            if agent_kind:
                values["agent_kind"] = agent_kind
            for column, (key, _editable) in enumerate(COLUMNS):
                if key in (*COMBO_COLUMNS, "name"):
                    continue
                item = self.party_table.item(row, column)
                text = item.text().strip() if item is not None else ""
                if key == "phone":
                    if party.person is None and text:
                        values["phone"] = text
                    continue
                if party.person is None or key.startswith("agent"):
                    if text:
                        values[key] = text
                elif text != getattr(party.person, key):
                    values[key] = text
            if party.person is not None:
                values["person_id"] = party.person.id
            else:
                values["name"] = party.name
            out.append(values)
        return out

    # ----------------------------------------------------------------- saving

    def has_typed(self) -> bool:
        return bool(self.rows or self.facts_edit.toPlainText().strip())

    def _agent_problem(self) -> int | None:
        """The first row naming a kind of agent but no agent (0-based), if any."""
        for row in range(len(self.rows)):
            item = self.party_table.item(row, AGENT_NAME)
            named = item is not None and bool(item.text().strip())
            if self.agent_kind_combo(row).currentData() and not named:
                return row
        return None

    def make_op(self) -> Callable[[DbSession], Any] | None:
        missing_agent = self._agent_problem()
        if missing_agent is not None:
            self.errors.show(
                "parties",
                self.tr(
                    'Party %1: type the agent\'s name, or set the kind of agent to "Not stated".'
                ).replace("%1", str(missing_agent + 1)),
            )
            self.party_table.setCurrentCell(missing_agent, AGENT_NAME)
            self.party_table.setFocus()
            return None
        lead = self.lead_combo.currentData()
        mediators = [
            {"roster_person_id": roster_id, "lead": roster_id == lead}
            for roster_id, _name in self.checked_mediators()
        ]
        source = self.source_combo.currentData()
        values = {
            "source": source,
            "referring_body": (
                self.referring_edit.text().strip()
                if source == MediationSource.REFERRAL.value
                else ""
            ),
            "dispute_type_id": self.type_combo.currentData() or None,
            "accepted_on": self.accepted_edit.date().toPython(),
            "facts": self.facts_edit.toPlainText().strip(),
        }
        parties = self.parties()
        actor = self.context.actor
        return lambda s: open_mediation(
            s, actor=actor, parties=parties, mediators=mediators, **values
        )
