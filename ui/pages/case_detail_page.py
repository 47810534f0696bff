"""One work order: header (number, status, deadline, flags), requester, facts, linked cases,
the actions the state machine allows this user, and the timeline of every event.

Everything is loaded in one op on the task runner; the page reloads itself whenever the
app-wide change signal names this case (or a case linked to it), whoever changed it.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from station.domain.case_workflow import TERMINAL_STATUSES, CaseAction, allowed_actions
from station.domain.deadlines import DeadlineState, deadline_state, deadline_text
from station.domain.dispatch import DispatchStep, open_steps, sign_for_overdue, station_may
from station.domain.enums import CaseStatus, Rating, Role, StationKind, Urgency
from station.domain.validation import mask_id
from station.services.attachments import AttachmentInfo, attach_files, list_attachments
from station.services.cases import (
    CaseDetail,
    LinkedCase,
    TimelineEntry,
    case_timeline,
    get_case,
    linked_cases,
)
from station.services.changes import Changes
from station.services.persons import get_person
from station.services.reference import Choices
from ui.context import AppContext
from ui.dialogs.case_action_dialog import CaseActionDialog
from ui.dialogs.dispatch_dialog import DispatchDialog
from ui.dialogs.dispatch_step_dialog import DispatchStepDialog
from ui.dialogs.mediation_handover_dialog import MediationHandoverDialog
from ui.dialogs.merge_case_dialog import MergeCaseDialog
from ui.dialogs.progress_note_dialog import ProgressNoteDialog
from ui.dialogs.return_visit_dialog import ReturnVisitDialog
from ui.dialogs.reveal_id_dialog import RevealIdDialog
from ui.printing import RECEIPT, REFERRAL, open_case_document, printing_available
from ui.task_runner import DbSession
from ui.widgets.attachment_strip import AttachmentStrip, choose_files

# Actions offered through the return-visit dialog instead of buttons of their own.
_VISIT_ACTIONS = {CaseAction.CLOSE, CaseAction.REWORK, CaseAction.REQUEST_VISIT}
VISIT = "return_visit"
PROGRESS = "progress"


@dataclass(frozen=True)
class RequesterView:
    """The requester as the page shows them: the ID number masked, never in full."""

    id: str
    name: str
    phone: str
    masked_id: str
    address: str


@dataclass(frozen=True)
class CaseView:
    detail: CaseDetail
    requester: RequesterView | None
    timeline: tuple[TimelineEntry, ...]
    links: tuple[LinkedCase, ...]
    today: date


def load_case_view(session: DbSession, case_id: str) -> CaseView:
    """Worker op: everything the page shows, in one read."""
    detail = get_case(session, case_id=case_id)
    requester = None
    if detail.requester_id:
        person = get_person(session, person_id=detail.requester_id)
        requester = RequesterView(
            id=person.id,
            name=person.name,
            phone=person.phone,
            masked_id=mask_id(person.id_number) if person.id_number else "",
            address=person.address,
        )
    return CaseView(
        detail=detail,
        requester=requester,
        timeline=tuple(case_timeline(session, case_id=case_id)),
        links=tuple(linked_cases(session, case_id=case_id)),
        today=date.today(),
    )


def _esc(text: str) -> str:
    return html.escape(text or "")


class CaseDetailPage(QWidget):
    sig_back = Signal()  # back to the list (Esc)
    sig_open_case = Signal(str)  # a linked case was clicked
    sig_open_mediation = Signal(str)  # its mediation case was clicked

    def __init__(self, *, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseDetailPage")
        self.context = context
        self.choices: Choices | None = None
        self.case_id: str | None = None
        self.view: CaseView | None = None
        self.active_dialog: QDialog | None = None
        self.action_buttons: dict[str, QPushButton] = {}
        self._generation = 0
        self._linked_ids: set[str] = set()

        # ---- header
        self.back_button = QPushButton(self.tr("← Work orders (Esc)"))
        self.back_button.setObjectName("backButton")
        self.back_button.clicked.connect(self.sig_back)
        self.number_label = QLabel()
        self.number_label.setObjectName("detailNumber")
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label = QLabel()
        self.status_label.setObjectName("statusBadge")
        self.deadline_label = QLabel()
        self.deadline_label.setObjectName("deadlineBadge")
        self.flags_label = QLabel()
        self.flags_label.setObjectName("flagBadge")
        self.print_receipt_button = QPushButton(self.tr("Receipt"))
        self.print_referral_button = QPushButton(self.tr("Referral slip"))
        self.print_receipt_button.clicked.connect(lambda: self.print_document(RECEIPT))
        self.print_referral_button.clicked.connect(lambda: self.print_document(REFERRAL))
        head = QHBoxLayout()
        head.setSpacing(10)
        head.addWidget(self.back_button)
        head.addWidget(self.number_label)
        head.addWidget(self.status_label)
        head.addWidget(self.deadline_label)
        head.addWidget(self.flags_label)
        head.addStretch(1)
        head.addWidget(self.print_receipt_button)
        head.addWidget(self.print_referral_button)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("detailSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.loading_label = QLabel(self.tr("Loading…"))
        self.loading_label.setObjectName("hint")

        # ---- left: requester, facts, links, actions
        self.requester_label = QLabel()
        self.requester_label.setWordWrap(True)
        self.requester_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reveal_button = QPushButton(self.tr("Show full ID…"))
        self.reveal_button.clicked.connect(self.reveal_id)
        requester_row = QHBoxLayout()
        requester_row.addWidget(self.requester_label, 1)
        requester_row.addWidget(self.reveal_button, 0, Qt.AlignmentFlag.AlignTop)
        requester_box = QFrame()
        requester_box.setObjectName("requesterBox")
        requester_layout = QVBoxLayout(requester_box)
        requester_layout.setContentsMargins(10, 8, 10, 8)
        title = QLabel(self.tr("Requester"))
        title.setObjectName("sectionTitle")
        requester_layout.addWidget(title)
        requester_layout.addLayout(requester_row)

        self.facts = QFormLayout()
        self.facts.setVerticalSpacing(4)
        self.fact_labels: dict[str, QLabel] = {}
        for key, label in (
            ("channel", self.tr("Channel")),
            ("received", self.tr("Received")),
            ("category", self.tr("Category")),
            ("grid", self.tr("Grid")),
            ("location", self.tr("Location")),
            ("route", self.tr("Handled by")),
            ("deadline", self.tr("Deadline")),
            ("description", self.tr("Description")),
            ("result", self.tr("Result")),
            ("visit", self.tr("Return visit")),
            ("links", self.tr("Linked")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
            self.fact_labels[key] = value
            self.facts.addRow(label, value)
        self.fact_labels["links"].linkActivated.connect(self._link_clicked)
        self.attachments = AttachmentStrip(runner=context.runner)
        self.attach_button = QPushButton(self.tr("Add photos or scans…"))
        self.attach_button.clicked.connect(self.add_attachments)
        attach_box = QWidget()
        attach_layout = QVBoxLayout(attach_box)
        attach_layout.setContentsMargins(0, 0, 0, 0)
        attach_layout.addWidget(self.attachments)
        attach_layout.addWidget(self.attach_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.facts.addRow(self.tr("Photos / scans"), attach_box)

        self.actions_title = QLabel(self.tr("Actions"))
        self.actions_title.setObjectName("sectionTitle")
        self.actions_grid = QGridLayout()
        self.actions_grid.setSpacing(6)
        self.no_actions_label = QLabel()
        self.no_actions_label.setObjectName("hint")
        self.no_actions_label.setWordWrap(True)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 8, 0)
        left_layout.setSpacing(10)
        left_layout.addWidget(requester_box)
        left_layout.addLayout(self.facts)
        left_layout.addWidget(self.actions_title)
        left_layout.addLayout(self.actions_grid)
        left_layout.addWidget(self.no_actions_label)
        left_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(left)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)

        # ---- right: timeline
        timeline_box = QWidget()
        timeline_layout = QVBoxLayout(timeline_box)
        timeline_layout.setContentsMargins(8, 0, 0, 0)
        timeline_title = QLabel(self.tr("Timeline"))
        timeline_title.setObjectName("sectionTitle")
        self.timeline = QTextBrowser()
        self.timeline.setObjectName("timeline")
        self.timeline.setOpenLinks(False)
        timeline_layout.addWidget(timeline_title)
        timeline_layout.addWidget(self.timeline, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(scroll)
        splitter.addWidget(timeline_box)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 4)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 8)
        layout.setSpacing(8)
        layout.addLayout(head)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.loading_label)
        layout.addWidget(splitter, 1)

        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.sig_back.emit)
        context.bus.sig_changed.connect(self._changed)

    # ================================================================= loading

    def show_case(self, case_id: str) -> None:
        """Show ``case_id`` (loaded on the worker; the old content stays until it arrives)."""
        if case_id != self.case_id:
            self.view = None
        self.case_id = case_id
        self.reload()

    def reload(self) -> None:
        if not self.case_id:
            return
        self._generation += 1
        generation, case_id = self._generation, self.case_id
        self.loading_label.setVisible(self.view is None)
        self.context.runner.query(
            lambda session: load_case_view(session, case_id),
            parent=self,
            success=lambda view: self._loaded(generation, view),
            failure=lambda exc: self._failed(generation, exc),
            label="case detail",
        )
        data_dir = self.context.data_dir
        self.context.runner.run(
            lambda: list_attachments(data_dir=data_dir, case_id=case_id),
            parent=self,
            success=lambda found: self._attachments_listed(generation, found),
            label="attachments",
        )

    def _attachments_listed(self, generation: int, found: list[AttachmentInfo]) -> None:
        if generation == self._generation:
            self.attachments.set_paths([a.path for a in found])
            self.attachments.setVisible(bool(found))

    def add_attachments(self) -> None:
        if self.view is None:
            return
        files = choose_files(self)
        if not files:
            return
        actor, data_dir, case_id = self.context.actor, self.context.data_dir, self.view.detail.id
        self.context.mutate(
            lambda s: attach_files(s, actor=actor, data_dir=data_dir, case_id=case_id, paths=files),
            parent=self,
            label="attach files",
        )

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        from ui.errors import show_exception

        self.loading_label.setText(self.tr("This work order could not be loaded."))
        show_exception(self, exc)

    def _changed(self, changes: Changes) -> None:
        if self.case_id and (
            changes.touches_case(self.case_id) or changes.case_ids & self._linked_ids
        ):
            self.reload()

    # ================================================================= showing

    def _loaded(self, generation: int, view: CaseView) -> None:
        if generation != self._generation:
            return
        self.view = view
        self.loading_label.hide()
        d = view.detail
        self._linked_ids = {link.id for link in view.links if link.kind != "mediation"}
        self.number_label.setText(d.number)
        self.status_label.setText(d.status_label)
        self.status_label.setProperty("finished", CaseStatus(d.status) in TERMINAL_STATUSES)
        state = deadline_state(deadline=d.deadline, status=d.status, today=view.today)
        self.deadline_label.setText(
            deadline_text(deadline=d.deadline, status=d.status, today=view.today)
        )
        self.deadline_label.setProperty("state", state.value)
        self.deadline_label.setVisible(state is not DeadlineState.NONE)
        for label in (self.status_label, self.deadline_label):
            label.style().unpolish(label)
            label.style().polish(label)
        flags = []
        if d.supervised:
            flags.append(self.tr("Supervised"))
        if d.extension_state == "requested" and d.extension_until:
            flags.append(
                self.tr("Extension to %1 requested").replace("%1", f"{d.extension_until}")
            )
        if sign_for_overdue(status=d.status, sign_by=d.sign_deadline, today=view.today):
            flags.append(self.tr("Not signed for in time"))
        if d.urgency != Urgency.NORMAL.value:
            flags.append(d.urgency_label)
        self.flags_label.setText(" · ".join(flags))
        self.flags_label.setVisible(bool(flags))
        self.summary_label.setText(d.summary)
        self._show_requester(view)
        self._show_facts(view)
        self._show_actions(d)
        self._show_timeline(view.timeline)
        can_print = printing_available()
        self.print_receipt_button.setEnabled(can_print and bool(d.requester_id))
        self.attach_button.setVisible(Role(self.context.actor.role) is not Role.VIEWER)
        self.print_referral_button.setEnabled(can_print)

    def _show_requester(self, view: CaseView) -> None:
        person = view.requester
        if person is None:
            filed = view.detail.filed_by_staff
            self.requester_label.setText(
                self.tr("No requester (reported by %1)").replace("%1", filed)
                if filed
                else self.tr("No requester recorded")
            )
            self.reveal_button.hide()
            return
        phone = _esc(person.phone) or self.tr("no phone")
        lines = [f"<b>{_esc(person.name)}</b>　{phone}"]
        if person.masked_id:
            lines.append(self.tr("ID number: %1").replace("%1", _esc(person.masked_id)))
        if person.address:
            lines.append(_esc(person.address))
        if view.detail.filed_by_staff:
            lines.append(
                self.tr("Filed on behalf by %1").replace("%1", _esc(view.detail.filed_by_staff))
            )
        self.requester_label.setText("<br>".join(lines))
        self.reveal_button.setVisible(bool(person.masked_id))
        self.reveal_button.setEnabled(True)

    def _show_facts(self, view: CaseView) -> None:
        d = view.detail
        values = {
            "channel": d.channel_label,
            "received": f"{d.received_at:%Y-%m-%d %H:%M}",
            "category": d.category or self.tr("(not classified)"),
            "grid": d.grid,
            "location": d.location,
            "route": " · ".join(
                p
                for p in (
                    d.lead_unit or d.department,
                    self.tr("co-handling: %1").replace("%1", d.co_departments)
                    if d.co_departments
                    else "",
                    d.assignee,
                )
                if p
            ),
            "deadline": (
                f"{d.deadline:%Y-%m-%d}　"
                + deadline_text(deadline=d.deadline, status=d.status, today=view.today)
                if d.deadline
                else ""
            ),
            "description": d.description,
            "result": d.result,
            "visit": self._visit_text(d),
        }
        for key, value in values.items():
            label = self.fact_labels[key]
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setText(value or "—")
        links = [
            (
                f'{_esc(link.kind_label)}：<a href="case:{_esc(link.id)}">{_esc(link.number)}</a>'
                if link.kind != "mediation"
                else f'{_esc(link.kind_label)}：<a href="mediation:{_esc(link.id)}">'
                f"{_esc(link.number)}</a>"
            )
            + f"　{_esc(link.status_label)}　{_esc(link.summary)}"
            for link in view.links
        ]
        links_label = self.fact_labels["links"]
        links_label.setTextFormat(Qt.TextFormat.RichText)
        links_label.setText("<br>".join(links) if links else "—")

    def _visit_text(self, d: CaseDetail) -> str:
        if not d.rating and d.solved is None:
            return ""
        parts = []
        if d.rating:
            try:
                parts.append(Rating(d.rating).label)
            except ValueError:
                parts.append(d.rating)
        if d.solved is not None:
            parts.append(self.tr("solved") if d.solved else self.tr("not solved"))
        return " · ".join(parts)

    def _show_actions(self, d: CaseDetail) -> None:
        while self.actions_grid.count():
            item = self.actions_grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.action_buttons.clear()
        role = Role(self.context.actor.role)
        kind = self.context.settings.station_kind
        known_kind = kind in {k.value for k in StationKind}
        # The role's actions, less what this kind of station may not take (a village does
        # not dispatch, a department does not close): station.domain.dispatch.STATION_RULES.
        allowed = [
            a
            for a in allowed_actions(d.status, role)
            if not known_kind or station_may(a.value, kind=kind, status=d.status)
        ]
        entries: list[tuple[str, str]] = []
        for action in allowed:
            if action in _VISIT_ACTIONS:
                continue
            entries.append((action.value, action.label))
        if any(a in _VISIT_ACTIONS for a in allowed):
            entries.append((VISIT, self.tr("Return visit")))
        # 催办, 督办, 延期 (station.domain.dispatch): for the station kinds that take them.
        if known_kind:
            for step in open_steps(
                kind=kind, role=role, status=d.status, extension=d.extension_state
            ):
                entries.append((step.value, step.label))
        if CaseStatus(d.status) not in TERMINAL_STATUSES and role is not Role.VIEWER:
            entries.append((PROGRESS, self.tr("Record progress")))
        for n, (key, text) in enumerate(entries):
            shortcut = f"Alt+{n + 1}" if n < 9 else ""
            button = QPushButton(f"{text}  ({shortcut})" if shortcut else text)
            button.setObjectName(f"action_{key}")
            if shortcut:
                button.setShortcut(QKeySequence(shortcut))
            button.setMinimumHeight(30)
            button.clicked.connect(lambda _=False, k=key: self.start_action(k))
            self.actions_grid.addWidget(button, n // 3, n % 3)
            self.action_buttons[key] = button
        if entries:
            self.no_actions_label.hide()
        else:
            self.no_actions_label.setText(
                self.tr("No action is open to you on a work order in this status.")
            )
            self.no_actions_label.show()

    def _show_timeline(self, timeline: tuple[TimelineEntry, ...]) -> None:
        blocks = []
        for entry in reversed(timeline):  # newest on top
            who = entry.author_name
            if entry.author_name != entry.author:
                who += f"（{entry.author}）"
            lines = [
                f"<b>{_esc(entry.title)}</b>　<span style='color:#5f6670'>"
                f"{entry.at:%Y-%m-%d %H:%M}　{_esc(who)}　{_esc(entry.station_code)}</span>"
            ]
            lines += [f"　{_esc(line)}" for line in entry.details if line]
            blocks.append(
                "<p style='margin-top:0px; margin-bottom:12px'>" + "<br>".join(lines) + "</p>"
            )
        self.timeline.setHtml("".join(blocks))

    # ================================================================= actions

    def start_action(self, key: str) -> QDialog | None:
        """Open the small dialog for ``key`` (a CaseAction value, "return_visit" or
        "progress"); returns it (window-modal, not blocking)."""
        if self.view is None:
            return None
        case, ctx = self.view.detail, self.context
        dialog: QDialog
        if key == VISIT:
            dialog = ReturnVisitDialog(context=ctx, case=case, parent=self)
        elif key == PROGRESS:
            dialog = ProgressNoteDialog(context=ctx, case=case, parent=self)
        elif key == CaseAction.DISPATCH.value and self.choices is not None:
            dialog = DispatchDialog(context=ctx, case=case, choices=self.choices, parent=self)
        elif key == CaseAction.TO_MEDIATION.value and self.choices is not None:
            dialog = MediationHandoverDialog(
                context=ctx, case=case, choices=self.choices, parent=self
            )
        elif key in {s.value for s in DispatchStep}:
            dialog = DispatchStepDialog(context=ctx, case=case, step=key, parent=self)
            if key == DispatchStep.APPROVE_EXTENSION.value and case.extension_until:
                dialog.set_until(case.extension_until)
        elif key == CaseAction.MERGE.value:
            dialog = MergeCaseDialog(context=ctx, case=case, parent=self)
        else:
            dialog = CaseActionDialog(context=ctx, case=case, action=key, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.active_dialog = dialog
        dialog.open()
        return dialog

    def reveal_id(self) -> RevealIdDialog | None:
        if self.view is None or self.view.requester is None:
            return None
        person = self.view.requester
        dialog = RevealIdDialog(
            context=self.context,
            person_id=person.id,
            person_name=person.name,
            where=self.view.detail.number,
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.active_dialog = dialog
        dialog.open()
        return dialog

    def print_document(self, kind: str) -> None:
        if self.view is not None:
            open_case_document(
                parent=self, context=self.context, kind=kind, number=self.view.detail.number
            )

    def _link_clicked(self, href: str) -> None:
        if href.startswith("case:"):
            self.sig_open_case.emit(href.removeprefix("case:"))
        elif href.startswith("mediation:"):
            self.sig_open_mediation.emit(href.removeprefix("mediation:"))

    def current_number(self) -> str:
        return self.view.detail.number if self.view is not None else ""

    def action_keys(self) -> list[str]:
        return list(self.action_buttons)
