"""群众点单: the new-request form of the reception desk (Ctrl+N from anywhere).

Built for the keyboard: the cursor starts in the resident lookup; Enter moves to the next
field and saves in the last one (Ctrl+Enter saves from anywhere, Esc asks before throwing
typed text away). Messages appear under the field they concern and everything typed stays.
Saving is one transaction on the worker (new resident, case, desk answer): all or nothing.

While typing, the form is saved as a draft a moment after every change, so a crash or a
power cut loses nothing; the draft is deleted once the request is saved or discarded.
"""

from __future__ import annotations

from datetime import datetime
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from station.domain.enums import Channel, Gender, Route, Urgency
from station.domain.validation import check_phone, check_resident_id
from station.errors import ValidationError
from station.services import drafts
from station.services.cases import CaseRow
from station.services.persons import PersonInfo, get_person
from station.services.reception import (
    IntakeResult,
    RequesterHints,
    RequestForm,
    add_repeat_request,
    repeat_requests,
    requester_hints,
    take_request,
)
from station.services.reference import Choices
from ui.ask import confirm
from ui.context import AppContext
from ui.errors import show_exception
from ui.printing import RECEIPT, open_case_document, printing_available
from ui.widgets.attachment_strip import AttachmentStrip, choose_files
from ui.widgets.case_saved_panel import CaseSavedPanel
from ui.widgets.date_time_field import DateTimeField
from ui.widgets.form_errors import FormErrors, field_box
from ui.widgets.resident_lookup import ResidentLookup
from ui.widgets.tree_picker import PickerNode, TreePicker

FORM_NAME = "new_request"
DRAFT_DELAY_MS = 800
REPEAT_DELAY_MS = 150
COMMUNITY_PREFIX = "community:"
TIME_FORMAT = "yyyy-MM-dd HH:mm"


def category_nodes(choices: Choices) -> list[PickerNode]:
    return [PickerNode(c.id, c.name, c.parent_id) for c in choices.categories]


def grid_nodes(choices: Choices) -> list[PickerNode]:
    nodes = [
        PickerNode(COMMUNITY_PREFIX + c.id, c.name, None, selectable=False)
        for c in choices.communities
    ]
    nodes += [
        PickerNode(g.id, g.name, COMMUNITY_PREFIX + (g.parent_id or ""), selectable=True)
        for g in choices.grids
    ]
    return nodes


class NewRequestDialog(QDialog):
    """The intake form, then (once saved) the case number shown large."""

    sig_saved = Signal(str)  # case id of the new (or linked) case
    sig_open_case = Signal(str)  # "open work order" was chosen: case id
    sig_new_request = Signal()  # "next request" was chosen

    def __init__(
        self,
        *,
        context: AppContext,
        choices: Choices,
        draft: drafts.Draft | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.choices = choices
        self.setObjectName("newRequestDialog")
        self.setWindowTitle(self.tr("New request"))
        self.draft_id = draft.draft_id if draft else drafts.new_draft_id()
        self.saved_case_id: str | None = None
        self.saved_number = ""
        self.dirty = False
        self._loading = True  # filling widgets programmatically: not the person's changes
        self._saving = False
        self._draft_written = draft is not None
        self._new_person_visible = False
        self._repeat_rows: list[CaseRow] = []
        self._repeat_generation = 0
        self._categories = {c.id: c for c in choices.categories}
        self.errors = FormErrors()

        self.stack = QStackedWidget()
        self.form_page = QWidget()
        self.saved_panel = CaseSavedPanel()
        self.stack.addWidget(self.form_page)
        self.stack.addWidget(self.saved_panel)
        self._build_form()
        self._connect()

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_draft_now)
        self._repeat_timer = QTimer(self)
        self._repeat_timer.setSingleShot(True)
        self._repeat_timer.setInterval(REPEAT_DELAY_MS)
        self._repeat_timer.timeout.connect(self.check_repeats_now)

        if draft is not None:
            self.apply_values(draft.values)
            self.dirty = True
        self._loading = False
        if draft is not None:
            self._schedule_repeat_check()
        self.resize(1100, 620)
        self.lookup.edit.setFocus()

    # ================================================================= building

    def _build_form(self) -> None:
        heading = QLabel(self.tr("New request"))
        heading.setObjectName("pageTitle")
        keys = QLabel(
            self.tr("Enter: next field · Ctrl+Enter: save · Esc: cancel · ↑↓: choose in lists")
        )
        keys.setObjectName("hint")
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(keys)

        # Repeat-request warning, shown above everything when it applies.
        self.repeat_banner = QFrame()
        self.repeat_banner.setObjectName("repeatBanner")
        self.repeat_label = QLabel()
        self.repeat_label.setWordWrap(True)
        self.repeat_label.setTextFormat(Qt.TextFormat.PlainText)
        self.link_button = QPushButton(self.tr("Add to %1 instead (Alt+L)"))
        self.link_button.setAutoDefault(False)
        banner = QHBoxLayout(self.repeat_banner)
        banner.setContentsMargins(10, 6, 10, 6)
        banner.addWidget(self.repeat_label, 1)
        banner.addWidget(self.link_button)
        self.repeat_banner.hide()

        # ---- left column: channel, time, requester, category
        self.channel_combo = QComboBox()
        for channel in Channel:
            self.channel_combo.addItem(channel.label, channel.value)
        self.received_edit = DateTimeField(QDateTime.currentDateTime())
        self.received_edit.setDisplayFormat(TIME_FORMAT)
        self.received_edit.setCalendarPopup(True)
        head = QHBoxLayout()
        head.addWidget(self.channel_combo, 1)
        head.addWidget(self.received_edit, 1)

        self.lookup = ResidentLookup(
            runner=self.context.runner,
            placeholder=self.tr("Name, pinyin initials (e.g. lll), phone or ID number"),
        )
        requester_error = self.errors.add("requester", self.lookup.edit)

        self.new_person_box = QFrame()
        self.new_person_box.setObjectName("newPersonBox")
        self.person_name_edit = QLineEdit()
        self.person_name_edit.setMaxLength(40)
        self.person_phone_edit = QLineEdit()
        self.person_phone_edit.setMaxLength(30)
        self.person_phone_edit.setPlaceholderText(self.tr("Mobile or landline with area code"))
        self.person_id_edit = QLineEdit()
        self.person_id_edit.setMaxLength(24)
        self.person_id_edit.setPlaceholderText(self.tr("Optional"))
        self.person_gender_combo = QComboBox()
        self.person_gender_combo.addItem(self.tr("Not given"), "")
        for gender in Gender:
            self.person_gender_combo.addItem(gender.label, gender.value)
        self.person_address_edit = QLineEdit()
        self.person_address_edit.setMaxLength(120)
        person_form = QFormLayout(self.new_person_box)
        person_form.setContentsMargins(8, 6, 8, 6)
        person_form.setVerticalSpacing(2)
        for field, label, widget in (
            ("person_name", self.tr("Name"), self.person_name_edit),
            ("person_phone", self.tr("Phone"), self.person_phone_edit),
            ("person_id_number", self.tr("ID number"), self.person_id_edit),
            ("person_gender", self.tr("Gender"), self.person_gender_combo),
            ("person_address", self.tr("Address"), self.person_address_edit),
        ):
            person_form.addRow(label, field_box(widget, self.errors.add(field, widget)))
        self.new_person_box.hide()

        self.category_picker = TreePicker(
            placeholder=self.tr("Type to search: 邻里 or llj"), tree_height=150
        )
        self.category_picker.set_nodes(category_nodes(self.choices))
        self.category_hint = QLabel()
        self.category_hint.setObjectName("hint")
        category_error = self.errors.add("category_id", self.category_picker.edit)

        left = QFormLayout()
        left.setVerticalSpacing(4)
        left.addRow(
            self.tr("Channel / received"),
            field_box(head, self.errors.add("received_at", self.received_edit)),
        )
        left.addRow(
            self.tr("Requester"), field_box(self.lookup, requester_error, self.new_person_box)
        )
        left.addRow(
            self.tr("Category"),
            field_box(self.category_picker, self.category_hint, category_error),
        )

        # ---- right column: grid, place, what, how urgent, desk answer
        self.grid_picker = TreePicker(
            placeholder=self.tr("Community or grid: dj 01, 东街01"), tree_height=120
        )
        self.grid_picker.set_nodes(grid_nodes(self.choices))
        self.grid_hint = QLabel()
        self.grid_hint.setObjectName("hint")
        grid_error = self.errors.add("grid_id", self.grid_picker.edit)
        self.location_edit = QLineEdit()
        self.location_edit.setMaxLength(200)
        self.location_edit.setPlaceholderText(self.tr("Where it happens, e.g. 东街12号楼道"))
        self.summary_edit = QLineEdit()
        self.summary_edit.setMaxLength(200)
        self.summary_edit.setPlaceholderText(self.tr("The request in one sentence"))
        self.description_edit = QPlainTextEdit()
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setPlaceholderText(self.tr("Details (optional)"))
        self.description_edit.setFixedHeight(64)
        self.urgency_combo = QComboBox()
        for urgency in Urgency:
            self.urgency_combo.addItem(urgency.label, urgency.value)
        self.on_behalf_check = QCheckBox(self.tr("Filed on behalf by staff (代办)"))
        self.staff_edit = QLineEdit(self.context.actor.display_name or self.context.actor.username)
        self.staff_edit.setMaxLength(40)
        self.staff_edit.setEnabled(False)
        behalf = QHBoxLayout()
        behalf.addWidget(self.urgency_combo)
        behalf.addSpacing(12)
        behalf.addWidget(self.on_behalf_check)
        behalf.addWidget(self.staff_edit, 1)
        self.settle_check = QCheckBox(self.tr("Settled at the desk (直办): answer given now"))
        self.answer_edit = QPlainTextEdit()
        self.answer_edit.setTabChangesFocus(True)
        self.answer_edit.setPlaceholderText(
            self.tr("The answer given to the resident (Enter saves, Shift+Enter: new line)")
        )
        self.answer_edit.setFixedHeight(56)
        self.answer_edit.hide()
        self.answer_edit.installEventFilter(self)

        right = QFormLayout()
        right.setVerticalSpacing(4)
        right.addRow(self.tr("Grid"), field_box(self.grid_picker, self.grid_hint, grid_error))
        right.addRow(
            self.tr("Location"),
            field_box(self.location_edit, self.errors.add("location", self.location_edit)),
        )
        right.addRow(
            self.tr("Summary"),
            field_box(self.summary_edit, self.errors.add("summary", self.summary_edit)),
        )
        right.addRow(
            self.tr("Description"),
            field_box(self.description_edit, self.errors.add("description", self.description_edit)),
        )
        right.addRow(
            self.tr("Urgency"),
            field_box(
                behalf,
                self.errors.add("urgency", self.urgency_combo),
                self.errors.add("filed_by_staff", self.staff_edit),
            ),
        )
        self.attach_button = QPushButton(self.tr("Add photos or scans… (Ctrl+Shift+A)"))
        self.attach_button.setAutoDefault(False)
        self.clear_attachments_button = QPushButton(self.tr("Remove all"))
        self.clear_attachments_button.setAutoDefault(False)
        self.clear_attachments_button.hide()
        self.attachments = AttachmentStrip(runner=self.context.runner)
        self.attachments.hide()
        attach_row = QHBoxLayout()
        attach_row.addWidget(self.attach_button)
        attach_row.addWidget(self.clear_attachments_button)
        attach_row.addStretch(1)
        right.addRow(
            self.tr("Photos / scans"),
            field_box(
                attach_row,
                self.attachments,
                self.errors.add("attachments", self.attach_button),
            ),
        )
        right.addRow(
            self.tr("At the desk"),
            field_box(
                self.settle_check,
                self.answer_edit,
                self.errors.add("settle_answer", self.answer_edit),
            ),
        )
        self.errors.add("channel", self.channel_combo)

        columns = QGridLayout()
        columns.setHorizontalSpacing(24)
        columns.addLayout(left, 0, 0, Qt.AlignmentFlag.AlignTop)
        columns.addLayout(right, 0, 1, Qt.AlignmentFlag.AlignTop)
        columns.setColumnStretch(0, 1)
        columns.setColumnStretch(1, 1)

        self.status_label = QLabel()
        self.status_label.setObjectName("hint")
        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"))
        self.save_button.setObjectName("primaryButton")
        self.cancel_button = QPushButton(self.tr("Cancel"))
        for button in (self.save_button, self.cancel_button):
            button.setAutoDefault(False)
            button.setMinimumHeight(32)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.cancel_button)

        layout = QVBoxLayout(self.form_page)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.repeat_banner)
        layout.addLayout(columns)
        layout.addStretch(1)
        layout.addLayout(bottom)

        chain: list[QWidget] = [
            self.channel_combo,
            self.received_edit,
            self.lookup.edit,
            self.person_name_edit,
            self.person_phone_edit,
            self.person_id_edit,
            self.person_gender_combo,
            self.person_address_edit,
            self.category_picker.edit,
            self.grid_picker.edit,
            self.location_edit,
            self.summary_edit,
            self.description_edit,
            self.urgency_combo,
            self.on_behalf_check,
            self.staff_edit,
            self.settle_check,
            self.answer_edit,
            self.attach_button,
            self.clear_attachments_button,
            self.save_button,
            self.cancel_button,
            self.link_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        self.lookup.sig_chosen.connect(self._person_chosen)
        self.lookup.sig_new_person.connect(self.start_new_person)
        self.category_picker.sig_chosen.connect(self._category_chosen)
        self.grid_picker.sig_chosen.connect(self._grid_chosen)
        self.person_phone_edit.editingFinished.connect(self._check_phone)
        self.person_phone_edit.textChanged.connect(self._phone_typed)
        self.person_id_edit.editingFinished.connect(self._check_id_number)
        self.person_id_edit.textChanged.connect(lambda: self._clear_if_valid("person_id_number"))
        self.on_behalf_check.toggled.connect(self.staff_edit.setEnabled)
        self.settle_check.toggled.connect(self._settle_toggled)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.link_button.clicked.connect(self.link_to_repeat)
        self.attach_button.clicked.connect(self.add_attachments)
        self.clear_attachments_button.clicked.connect(lambda: self.set_attachments([]))
        QShortcut(QKeySequence("Ctrl+Shift+A"), self, self.add_attachments)
        self.saved_panel.sig_print.connect(self.print_receipt)
        self.saved_panel.sig_open.connect(self._open_saved)
        self.saved_panel.sig_another.connect(self._another)
        self.saved_panel.sig_close.connect(self.accept)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        QShortcut(QKeySequence("Alt+L"), self, self._link_shortcut)
        QShortcut(QKeySequence("Ctrl+P"), self, self._print_shortcut)
        QShortcut(QKeySequence("Ctrl+O"), self, self._open_shortcut)
        QShortcut(QKeySequence("Ctrl+N"), self, self._another_shortcut)

        changed: list[Any] = [
            self.channel_combo.currentIndexChanged,
            self.received_edit.dateTimeChanged,
            self.lookup.edit.textChanged,
            self.person_name_edit.textChanged,
            self.person_phone_edit.textChanged,
            self.person_id_edit.textChanged,
            self.person_gender_combo.currentIndexChanged,
            self.person_address_edit.textChanged,
            self.category_picker.edit.textChanged,
            self.grid_picker.edit.textChanged,
            self.location_edit.textChanged,
            self.summary_edit.textChanged,
            self.description_edit.textChanged,
            self.urgency_combo.currentIndexChanged,
            self.on_behalf_check.toggled,
            self.staff_edit.textChanged,
            self.settle_check.toggled,
            self.answer_edit.textChanged,
        ]
        for signal in changed:
            signal.connect(self._changed)
        for field, edit in (
            ("person_name", self.person_name_edit),
            ("location", self.location_edit),
            ("summary", self.summary_edit),
            ("person_address", self.person_address_edit),
        ):
            edit.textChanged.connect(lambda _t, f=field: self.errors.clear(f))
        self.description_edit.textChanged.connect(lambda: self.errors.clear("description"))
        self.answer_edit.textChanged.connect(lambda: self.errors.clear("settle_answer"))

    # ================================================================= reacting

    def _changed(self, *_: object) -> None:
        if self._loading or self.saved_case_id:
            return
        self.dirty = True
        self._draft_timer.start()

    def _person_chosen(self, person: PersonInfo | None) -> None:
        self.errors.clear("requester")
        if person is None:
            self.grid_hint.clear()
            self._schedule_repeat_check()
            return
        self.show_new_person(False)
        self._schedule_repeat_check()
        if not self._loading:
            self.category_picker.edit.setFocus()
        person_id = person.id
        self.context.runner.query(
            lambda session: requester_hints(session, person_id=person_id),
            parent=self,
            success=self._hints_arrived,
            label="requester hints",
        )

    def _hints_arrived(self, hints: RequesterHints) -> None:
        person = self.lookup.person
        if person is None or person.id != hints.person.id:
            return
        if hints.grid_id and self.grid_picker.value is None:
            self.grid_picker.set_value(hints.grid_id, notify=True)
            self.grid_hint.setText(self.tr("Suggested from the resident's record"))

    def start_new_person(self, typed: str) -> None:
        """Show the new-resident fields, filled from what was typed in the lookup."""
        self.errors.clear("requester")
        self.show_new_person(True)
        digits = typed.replace(" ", "")
        if digits.isdigit() and len(digits) >= 7:
            self.person_phone_edit.setText(digits)
            self.person_name_edit.setFocus()
        elif typed.isascii():
            self.person_name_edit.setFocus()  # pinyin typed: the real name is still to come
        else:
            self.person_name_edit.setText(typed)
            self.person_phone_edit.setFocus()
        self._changed()

    def show_new_person(self, visible: bool) -> None:
        self._new_person_visible = visible
        self.new_person_box.setVisible(visible)
        if not visible:
            for field in ("person_name", "person_phone", "person_id_number"):
                self.errors.clear(field)

    def _check_phone(self) -> None:
        text = self.person_phone_edit.text().strip()
        if not text:
            self.errors.clear("person_phone")
            return
        try:
            check_phone(text, field="person_phone")
        except ValidationError as exc:
            self.errors.show("person_phone", exc.message)
            return
        self.errors.clear("person_phone")
        self._schedule_repeat_check()

    def _phone_typed(self) -> None:
        self._clear_if_valid("person_phone")
        self._schedule_repeat_check()

    def _check_id_number(self) -> None:
        text = self.person_id_edit.text().strip()
        if not text:
            self.errors.clear("person_id_number")
            return
        try:
            checked = check_resident_id(text, field="person_id_number")
        except ValidationError as exc:
            self.errors.show("person_id_number", exc.message)
            return
        if checked.warnings:
            self.errors.show("person_id_number", "；".join(checked.warnings))
        else:
            self.errors.clear("person_id_number")

    def _clear_if_valid(self, field: str) -> None:
        """While a message is shown, take it away as soon as the field is right."""
        if not self.errors.message(field):
            return
        edit = self.person_phone_edit if field == "person_phone" else self.person_id_edit
        check = check_phone if field == "person_phone" else check_resident_id
        try:
            check(edit.text())
        except ValidationError:
            return
        self.errors.clear(field)

    def _category_chosen(self, category_id: str | None) -> None:
        self.errors.clear("category_id")
        category = self._categories.get(category_id or "")
        if category is None:
            self.category_hint.clear()
        else:
            self.category_hint.setText(
                self.tr("%1 · handled within %2 working day(s)")
                .replace("%1", Route(category.default_route).label)
                .replace("%2", str(category.time_limit_days))
            )
        self._schedule_repeat_check()

    def _grid_chosen(self, grid_id: str | None) -> None:
        self.errors.clear("grid_id")
        if not self._loading:
            self.grid_hint.clear()

    def _settle_toggled(self, on: bool) -> None:
        self.answer_edit.setVisible(on)
        if not on:
            self.errors.clear("settle_answer")
        elif not self._loading:
            self.answer_edit.setFocus()

    # ================================================================= repeat requests

    def _schedule_repeat_check(self) -> None:
        if not self._loading:
            self._repeat_timer.start()

    def _repeat_phone(self) -> str:
        if not self._new_person_visible:
            return ""
        try:
            return check_phone(self.person_phone_edit.text()).value
        except ValidationError:
            return ""

    def check_repeats_now(self) -> None:
        self._repeat_timer.stop()
        self._repeat_generation += 1
        generation = self._repeat_generation
        category_id = self.category_picker.value
        person = self.lookup.person
        requester_id = person.id if person else None
        phone = self._repeat_phone()
        at = self._received_at()
        if not category_id or not (requester_id or phone):
            self._show_repeats(generation, [])
            return
        self.context.runner.query(
            lambda session: repeat_requests(
                session, category_id=category_id, requester_id=requester_id, phone=phone, at=at
            ),
            parent=self,
            success=lambda rows: self._show_repeats(generation, rows),
            label="repeat requests",
        )

    def _show_repeats(self, generation: int, rows: list[CaseRow]) -> None:
        if generation != self._repeat_generation:
            return
        self._repeat_rows = list(rows)
        if not rows:
            self.repeat_banner.hide()
            return
        lines = [
            self.tr(
                "The same resident raised this kind of request %n time(s) in the last 30 days:",
                "",
                len(rows),
            )
        ]
        for row in rows[:3]:
            lines.append(
                f"{row.number}　{row.received_at:%Y-%m-%d}　{row.status_label}　{row.summary}"
            )
        self.repeat_label.setText("\n".join(lines))
        self.link_button.setText(self.tr("Add to %1 instead (Alt+L)").replace("%1", rows[0].number))
        self.repeat_banner.show()

    # ================================================================= values

    def _received_at(self) -> datetime:
        return self.received_edit.dateTime().toPython().replace(second=0, microsecond=0)

    def request_form(self) -> RequestForm:
        person = self.lookup.person
        new_person = None
        if person is None and self._new_person_visible:
            new_person = {
                "name": self.person_name_edit.text(),
                "phone": self.person_phone_edit.text(),
                "id_number": self.person_id_edit.text(),
                "gender": self.person_gender_combo.currentData() or "",
                "address": self.person_address_edit.text(),
            }
        return RequestForm(
            summary=self.summary_edit.text(),
            channel=self.channel_combo.currentData(),
            received_at=self._received_at(),
            requester_id=person.id if person else None,
            new_person=new_person,
            filed_by_staff=self.staff_edit.text().strip()
            if self.on_behalf_check.isChecked()
            else "",
            category_id=self.category_picker.value,
            grid_id=self.grid_picker.value,
            location=self.location_edit.text(),
            description=self.description_edit.toPlainText(),
            urgency=self.urgency_combo.currentData(),
            settle_answer=self.answer_edit.toPlainText() if self.settle_check.isChecked() else None,
            attachments=tuple(str(p) for p in self.attachments.paths()),
        )

    def values(self) -> dict[str, Any]:
        """Everything typed, as JSON-able values (what a draft stores)."""
        person = self.lookup.person
        return {
            "channel": self.channel_combo.currentData(),
            "received_at": self._received_at().isoformat(timespec="minutes"),
            "lookup_text": self.lookup.edit.text(),
            "requester_id": person.id if person else None,
            "new_person": self._new_person_visible and person is None,
            "person_name": self.person_name_edit.text(),
            "person_phone": self.person_phone_edit.text(),
            "person_id_number": self.person_id_edit.text(),
            "person_gender": self.person_gender_combo.currentData() or "",
            "person_address": self.person_address_edit.text(),
            "category_id": self.category_picker.value,
            "category_text": self.category_picker.edit.text(),
            "grid_id": self.grid_picker.value,
            "grid_text": self.grid_picker.edit.text(),
            "location": self.location_edit.text(),
            "summary": self.summary_edit.text(),
            "description": self.description_edit.toPlainText(),
            "urgency": self.urgency_combo.currentData(),
            "on_behalf": self.on_behalf_check.isChecked(),
            "staff": self.staff_edit.text(),
            "settle": self.settle_check.isChecked(),
            "answer": self.answer_edit.toPlainText(),
            "attachments": [str(p) for p in self.attachments.paths()],
        }

    def apply_values(self, values: dict[str, Any]) -> None:
        """Fill the form from :meth:`values` (a restored draft); unknown keys are ignored."""
        was_loading, self._loading = self._loading, True
        try:
            self._apply(values)
        finally:
            self._loading = was_loading
        self._schedule_repeat_check()

    def _apply(self, v: dict[str, Any]) -> None:
        def set_combo(combo: QComboBox, value: Any) -> None:
            index = combo.findData(value)
            if index >= 0:
                combo.setCurrentIndex(index)

        set_combo(self.channel_combo, v.get("channel"))
        if v.get("received_at"):
            try:
                when = datetime.fromisoformat(str(v["received_at"]))
                self.received_edit.setDateTime(
                    QDateTime(QDate(when.year, when.month, when.day), QTime(when.hour, when.minute))
                )
            except ValueError:
                pass
        self.lookup.edit.setText(str(v.get("lookup_text") or ""))
        if v.get("requester_id"):
            self._restore_person(str(v["requester_id"]))
        self.show_new_person(bool(v.get("new_person")))
        self.person_name_edit.setText(str(v.get("person_name") or ""))
        self.person_phone_edit.setText(str(v.get("person_phone") or ""))
        self.person_id_edit.setText(str(v.get("person_id_number") or ""))
        set_combo(self.person_gender_combo, v.get("person_gender") or "")
        self.person_address_edit.setText(str(v.get("person_address") or ""))
        if v.get("category_id"):
            self.category_picker.set_value(str(v["category_id"]), notify=True)
        else:
            self.category_picker.edit.setText(str(v.get("category_text") or ""))
        if v.get("grid_id"):
            self.grid_picker.set_value(str(v["grid_id"]), notify=True)
        else:
            self.grid_picker.edit.setText(str(v.get("grid_text") or ""))
        self.location_edit.setText(str(v.get("location") or ""))
        self.summary_edit.setText(str(v.get("summary") or ""))
        self.description_edit.setPlainText(str(v.get("description") or ""))
        set_combo(self.urgency_combo, v.get("urgency"))
        self.on_behalf_check.setChecked(bool(v.get("on_behalf")))
        if v.get("staff"):
            self.staff_edit.setText(str(v["staff"]))
        self.settle_check.setChecked(bool(v.get("settle")))
        self.answer_edit.setPlainText(str(v.get("answer") or ""))
        files = v.get("attachments") or []
        self.set_attachments([str(f) for f in files if isinstance(f, str)])

    def _restore_person(self, person_id: str) -> None:
        def found(person: PersonInfo) -> None:
            self._loading = True
            try:
                self.lookup.set_person(person)
            finally:
                self._loading = False
            self._schedule_repeat_check()

        self.context.runner.query(
            lambda session: get_person(session, person_id=person_id),
            parent=self,
            success=found,
            failure=lambda _exc: self.errors.show(
                "requester", self.tr("The resident of the draft was not found; choose again.")
            ),
            label="draft requester",
        )

    # ================================================================= attachments

    def add_attachments(self) -> None:
        if self._on_saved_page():
            return
        files = choose_files(self)
        if files:
            self.set_attachments([*map(str, self.attachments.paths()), *files])

    def set_attachments(self, files: list[str]) -> None:
        self.errors.clear("attachments")
        unique = list(dict.fromkeys(files))
        self.attachments.set_paths(unique)
        self.attachments.setVisible(bool(unique))
        self.clear_attachments_button.setVisible(bool(unique))
        self._changed()

    # ================================================================= drafts

    def save_draft_now(self) -> None:
        """Write the draft (on the worker: the file is fsynced)."""
        self._draft_timer.stop()
        if self.saved_case_id or not self.dirty:
            return
        data_dir = self.context.data_dir
        draft_id, username = self.draft_id, self.context.actor.username
        values, title = self.values(), self.summary_edit.text() or self.lookup.edit.text()
        self._draft_written = True
        self.context.runner.run(
            lambda: drafts.save_draft(
                data_dir=data_dir,
                draft_id=draft_id,
                form=FORM_NAME,
                username=username,
                values=values,
                title=title,
            ),
            parent=None,  # the draft must be written even if the form has closed since
            label="draft",
        )

    def _discard_draft(self) -> None:
        self._draft_timer.stop()
        if not self._draft_written:
            return
        data_dir, draft_id = self.context.data_dir, self.draft_id
        self.context.runner.run(
            lambda: drafts.discard_draft(data_dir=data_dir, draft_id=draft_id),
            parent=None,
            label="discard draft",
        )

    # ================================================================= saving

    def save(self) -> None:
        if self._saving or self.stack.currentWidget() is not self.form_page:
            return
        self._check_phone()
        self._check_id_number()
        form = self.request_form()
        actor, data_dir = self.context.actor, self.context.data_dir
        self._set_saving(True)
        self.context.mutate(
            lambda session: take_request(session, actor=actor, form=form, data_dir=data_dir),
            parent=self,
            success=self._saved,
            failure=self._save_failed,
            label="take request",
        )

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.save_button.setEnabled(not saving)
        self.status_label.setText(self.tr("Saving…") if saving else "")

    def _save_failed(self, exc: BaseException) -> None:
        self._set_saving(False)
        widget = self.errors.show_error(exc)
        if widget is None:
            show_exception(self, exc)  # e.g. a full disk: the form keeps everything typed
            return
        self.status_label.setText(self.tr("Please correct the fields marked in red."))
        if widget is self.lookup.edit or not widget.isVisible():
            widget = self.lookup.edit
        widget.setFocus()

    def _saved(self, result: IntakeResult) -> None:
        self._set_saving(False)
        case = result.case
        if result.settled:
            title = self.tr("Settled at the desk and closed")
        else:
            title = self.tr("Request recorded")
        detail = " · ".join(
            part for part in (case.requester, case.category, case.status_label) if part
        )
        self._show_saved(case.id, case.number, title, detail)

    def _show_saved(self, case_id: str, number: str, title: str, detail: str) -> None:
        self.saved_case_id, self.saved_number = case_id, number
        self.dirty = False
        self._discard_draft()
        can_print = printing_available()
        self.saved_panel.show_case(title=title, number=number, detail=detail, can_print=can_print)
        self.stack.setCurrentWidget(self.saved_panel)
        self.setWindowTitle(self.tr("Request %1").replace("%1", number))
        self.saved_panel.close_button.setFocus()
        self.sig_saved.emit(case_id)
        if can_print:
            self.print_receipt()

    def link_to_repeat(self) -> None:
        """Record this request on the earlier case instead of opening a duplicate."""
        if not self._repeat_rows or self._saving:
            return
        target = self._repeat_rows[0]
        summary = self.summary_edit.text().strip()
        if not summary:
            self.errors.show("summary", self.tr("Write the request in one sentence first."))
            self.summary_edit.setFocus()
            return
        actor = self.context.actor
        description, channel = self.description_edit.toPlainText(), self.channel_combo.currentData()
        at = self._received_at()
        self._set_saving(True)
        self.context.mutate(
            lambda session: add_repeat_request(
                session,
                actor=actor,
                case_id=target.id,
                summary=summary,
                description=description,
                channel=channel,
                at=at,
            ),
            parent=self,
            success=lambda case: (
                self._set_saving(False),
                self._show_saved(
                    case.id,
                    case.number,
                    self.tr("Added to the earlier work order"),
                    " · ".join(p for p in (case.requester, case.category, case.status_label) if p),
                ),
            ),
            failure=self._save_failed,
            label="repeat request",
        )

    # ================================================================= after saving

    def print_receipt(self) -> None:
        if self.saved_number:
            open_case_document(
                parent=self, context=self.context, kind=RECEIPT, number=self.saved_number
            )

    def _open_saved(self) -> None:
        if self.saved_case_id:
            self.sig_open_case.emit(self.saved_case_id)
            self.accept()

    def _another(self) -> None:
        self.sig_new_request.emit()
        self.accept()

    def _on_saved_page(self) -> bool:
        return self.stack.currentWidget() is self.saved_panel

    def _link_shortcut(self) -> None:
        if not self._on_saved_page() and self.repeat_banner.isVisible():
            self.link_to_repeat()

    def _print_shortcut(self) -> None:
        if self._on_saved_page() and self.saved_panel.print_button.isEnabled():
            self.print_receipt()

    def _open_shortcut(self) -> None:
        if self._on_saved_page():
            self._open_saved()

    def _another_shortcut(self) -> None:
        if self._on_saved_page():
            self._another()

    # ================================================================= keys and closing

    def _last_field(self) -> QWidget:
        return self.answer_edit if self.settle_check.isChecked() else self.settle_check

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._on_saved_page():
                self.accept()
                return
            focus = QApplication.focusWidget()
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.save()
            elif isinstance(focus, QPushButton):
                focus.click()
            elif focus is self._last_field():
                self.save()
            else:
                self.focusNextChild()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # In the desk answer (the last field) Enter saves, Shift+Enter starts a new line.
        if watched is self.answer_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            ):
                self.save()
                return True
        return super().eventFilter(watched, event)

    def reject(self) -> None:  # Qt override: Esc, the Cancel button, the window's close
        if self._on_saved_page() or not self.dirty:
            self._discard_draft()
            super().reject()
            return
        if confirm(
            self,
            text=self.tr("Discard this request?"),
            informative=self.tr("What you typed will be lost."),
            confirm_text=self.tr("Discard"),
            cancel_text=self.tr("Keep editing"),
        ):
            self.dirty = False
            self._discard_draft()
            super().reject()
