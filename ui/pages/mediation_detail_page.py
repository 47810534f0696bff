"""One mediation case (调解案件) in tabs: the case and its notice, parties, investigation
records, session records, agreement, outcome, performance and court confirmation, return
visits, the case file (卷宗) and the timeline.

Each tab has the buttons that change it (a small dialog, or a form right in the tab for the
short entries: notice, timer extension, performance notes, court confirmation, archive) and
prints its official form; the header prints the whole case file, saying first what it still
lacks. Countdowns (one-month timer, performance deadline, 30-day court-confirmation window)
show as badges that turn amber and red. An archived case is locked: its buttons are off
until it is reopened with a reason (the services refuse changes in any case). The case is
loaded in one op on the task runner and reloaded whenever the app-wide change signal names
it. Keys: Esc back to the list, Ctrl+PgDown / Ctrl+PgUp next / previous tab, Alt+letter for
the buttons.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from station.documents.formatting import amount_with_capitals, chinese_ordinal
from station.domain.enums import AgreementForm, Gender, MediationSource, PerformanceStatus
from station.domain.mediation_rules import (
    NO_COUNTDOWN,
    Countdown,
    CourtConfirmation,
    EscalationRisk,
    Satisfaction,
    confirmation_deadline,
    one_month_after,
)
from station.domain.validation import mask_phone
from station.services import drafts
from station.services.cases import get_case
from station.services.changes import Changes
from station.services.events import Actor
from station.services.mediation import (
    CLOSED,
    ChecklistItem,
    MediationDetail,
    TimelineEntry,
    archive_mediation,
    case_file_checklist,
    extend_timer,
    get_mediation,
    mediation_timeline,
    note_performance,
    record_court_confirmation,
    record_notice,
    remove_party,
    reopen_mediation,
)
from station.services.reference import Option, list_roster
from ui.ask import confirm
from ui.context import AppContext
from ui.dialogs.mediation_add_party_dialog import MediationAddPartyDialog
from ui.dialogs.mediation_agreement_dialog import DRAFT_FORM as AGREEMENT_DRAFT_FORM
from ui.dialogs.mediation_agreement_dialog import MediationAgreementDialog, agreement_draft_id
from ui.dialogs.mediation_dialog_base import date_edit
from ui.dialogs.mediation_mediators_dialog import MediationMediatorsDialog
from ui.dialogs.mediation_outcome_dialog import MediationOutcomeDialog
from ui.dialogs.mediation_party_dialog import MediationPartyDialog
from ui.dialogs.mediation_record_dialog import (
    DRAFT_FORM,
    INVESTIGATION,
    SESSION,
    MediationRecordDialog,
    draft_id_for,
)
from ui.dialogs.mediation_visit_dialog import MediationVisitDialog
from ui.dialogs.print_preview_dialog import open_document_preview
from ui.task_runner import DbSession

(
    BASIC,
    PARTIES,
    INVESTIGATIONS,
    SESSIONS,
    AGREEMENT,
    OUTCOME,
    TRACKING,
    VISITS,
    CASE_FILE,
    TIMELINE,
) = range(10)
__all__ = ["MediationDetailPage", "one_month_after"]  # one_month_after: used by the tests


@dataclass(frozen=True)
class MediationView:
    detail: MediationDetail
    today: date
    checklist: tuple[ChecklistItem, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    case_number: str = ""  # of the work order it came from


def load_mediation_view(session: DbSession, mediation_id: str, actor: Actor) -> MediationView:
    """Worker op: the case with its case-file checklist and timeline, for a mediator or admin."""
    detail = get_mediation(session, mediation_id=mediation_id, actor=actor)
    case_number = ""
    if detail.case_id:
        try:
            case_number = get_case(session, case_id=detail.case_id).number
        except Exception:
            case_number = ""
    return MediationView(
        detail=detail,
        today=date.today(),
        checklist=tuple(case_file_checklist(session, mediation_id=mediation_id)),
        timeline=tuple(mediation_timeline(session, mediation_id=mediation_id, actor=actor)),
        case_number=case_number,
    )


def load_mediators(session: DbSession) -> tuple[Option, ...]:
    return tuple(list_roster(session, role="mediator"))


def set_badge(label: QLabel, countdown: Countdown, text: str) -> None:
    """A countdown badge: amber when due soon, red when overdue, hidden without a clock."""
    label.setVisible(countdown.days_left is not None)
    label.setText(text)
    label.setProperty("state", countdown.state.value)
    label.style().unpolish(label)
    label.style().polish(label)


def _esc(text: str) -> str:
    return html.escape(text or "")


def _label(enum: type, value: str) -> str:
    try:
        return enum(value).label if value else ""
    except ValueError:
        return value


class MediationDetailPage(QWidget):
    sig_back = Signal()  # back to the list (Esc)
    sig_loaded = Signal(object)  # the MediationDetail shown (tests wait on this)
    sig_dialog = Signal(object)  # a dialog was opened over the page
    sig_open_case = Signal(str)  # the work order it came from was clicked

    def __init__(self, *, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mediationDetailPage")
        self.context = context
        self.mediation_id: str | None = None
        self.view: MediationView | None = None
        self.active_dialog: QDialog | None = None
        self._generation = 0

        # ---- header
        self.back_button = QPushButton(self.tr("← Mediation cases (Esc)"))
        self.back_button.setObjectName("backButton")
        self.back_button.clicked.connect(self.sig_back)
        self.number_label = QLabel()
        self.number_label.setObjectName("detailNumber")
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label = QLabel()
        self.status_label.setObjectName("statusBadge")
        self.timer_label = QLabel()
        self.timer_label.setObjectName("deadlineBadge")
        self.reminder_label = QLabel()
        self.reminder_label.setObjectName("deadlineBadge")
        self.archived_label = QLabel(self.tr("Archived"))
        self.archived_label.setObjectName("statusBadge")
        self.archived_label.setProperty("finished", True)
        self.case_link = QLabel()
        self.case_link.setObjectName("caseLink")
        self.case_link.linkActivated.connect(self._case_link_clicked)
        self.case_file_button = QPushButton(self.tr("Print case file"))
        self.case_file_button.setObjectName("printCaseFile")
        self.case_file_button.clicked.connect(self.print_case_file)
        head = QHBoxLayout()
        head.setSpacing(10)
        head.addWidget(self.back_button)
        head.addWidget(self.number_label)
        head.addWidget(self.status_label)
        head.addWidget(self.timer_label)
        head.addWidget(self.reminder_label)
        head.addWidget(self.archived_label)
        head.addWidget(self.case_link)
        head.addStretch(1)
        head.addWidget(self.case_file_button)
        self.parties_label = QLabel()
        self.parties_label.setObjectName("detailSummary")
        self.parties_label.setWordWrap(True)
        self.loading_label = QLabel(self.tr("Loading…"))
        self.loading_label.setObjectName("hint")

        self.tabs = QTabWidget()
        self.tabs.setObjectName("mediationTabs")
        self.tabs.addTab(self._basic_tab(), self.tr("Case"))
        self.tabs.addTab(self._parties_tab(), self.tr("Parties"))
        self.investigation_list, self.investigation_text, inv_tab = self._records_tab(INVESTIGATION)
        self.tabs.addTab(inv_tab, self.tr("Investigations"))
        self.session_list, self.session_text, ses_tab = self._records_tab(SESSION)
        self.tabs.addTab(ses_tab, self.tr("Sessions"))
        self.tabs.addTab(self._agreement_tab(), self.tr("Agreement"))
        self.tabs.addTab(self._outcome_tab(), self.tr("Outcome"))
        self.tabs.addTab(self._tracking_tab(), self.tr("Performance and court"))
        self.tabs.addTab(self._visits_tab(), self.tr("Return visits"))
        self.tabs.addTab(self._case_file_tab(), self.tr("Case file"))
        self.tabs.addTab(self._timeline_tab(), self.tr("Timeline"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 8)
        layout.setSpacing(8)
        layout.addLayout(head)
        layout.addWidget(self.parties_label)
        layout.addWidget(self.loading_label)
        layout.addWidget(self.tabs, 1)

        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.sig_back.emit)
        context.bus.sig_changed.connect(self._changed)

    # ================================================================= building

    @staticmethod
    def _button(text: str, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setMinimumHeight(30)
        return button

    @staticmethod
    def _error_label() -> QLabel:
        label = QLabel()
        label.setObjectName("fieldError")
        label.setWordWrap(True)
        label.hide()
        return label

    @staticmethod
    def _value_label() -> QLabel:
        value = QLabel()
        value.setWordWrap(True)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return value

    @staticmethod
    def _table(name: str, headers: tuple[str, ...], widths: tuple[int, ...]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(list(headers))
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(True)
        header = table.horizontalHeader()
        for column, width in enumerate(widths):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return table

    @staticmethod
    def _fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
        table.setRowCount(len(rows))
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                table.setItem(row, column, item)

    def _buttons_row(self, *buttons: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(8)
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _basic_tab(self) -> QWidget:
        self.facts_form = QFormLayout()
        self.facts_form.setVerticalSpacing(6)
        self.fact_labels: dict[str, QLabel] = {}
        for key, label in (
            ("source", self.tr("Source")),
            ("dispute_type", self.tr("Dispute type")),
            ("accepted", self.tr("Accepted on")),
            ("timer", self.tr("One month from acceptance")),
            ("committee", self.tr("Committee")),
            ("mediators", self.tr("Mediators")),
            ("facts", self.tr("Facts")),
            ("notice", self.tr("Rights notice given")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fact_labels[key] = value
            self.facts_form.addRow(label, value)
        self.notice_edit = date_edit()
        self.notice_edit.setObjectName("noticeDate")
        self.notice_button = self._button(self.tr("Record &notice given"), "recordNotice")
        self.notice_button.clicked.connect(self.record_notice)
        notice_row = QHBoxLayout()
        notice_row.addWidget(self.notice_edit)
        notice_row.addWidget(self.notice_button)
        notice_row.addStretch(1)
        self.notice_error = self._error_label()
        self.facts_form.addRow("", notice_row)
        self.facts_form.addRow("", self.notice_error)
        # One-month timer: extended in place with the parties' consent.
        self.extend_edit = date_edit()
        self.extend_edit.setObjectName("extendDate")
        self.consent_edit = QLineEdit()
        self.consent_edit.setObjectName("extendConsent")
        self.consent_edit.setMaxLength(300)
        self.consent_edit.setPlaceholderText(
            self.tr("The parties' consent: who agreed, when, and why more time is needed")
        )
        self.extend_button = self._button(self.tr("E&xtend"), "extendTimer")
        self.extend_button.clicked.connect(self.extend_timer)
        extend_row = QHBoxLayout()
        extend_row.addWidget(self.extend_edit)
        extend_row.addWidget(self.consent_edit, 1)
        extend_row.addWidget(self.extend_button)
        self.extend_error = self._error_label()
        self.facts_form.addRow(self.tr("Extend the time limit"), extend_row)
        self.facts_form.addRow("", self.extend_error)

        self.print_application_button = self._button(
            self.tr("Print application"), "print_application"
        )
        self.print_registration_button = self._button(
            self.tr("Print registration form"), "print_registration"
        )
        self.print_notice_button = self._button(self.tr("Print rights notice"), "print_notice")
        for button, kind in (
            (self.print_application_button, "application"),
            (self.print_registration_button, "registration"),
            (self.print_notice_button, "notice"),
        ):
            button.clicked.connect(lambda _=False, k=kind: self.print_document(k))
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(self.facts_form)
        layout.addStretch(1)
        layout.addLayout(
            self._buttons_row(
                self.print_application_button,
                self.print_registration_button,
                self.print_notice_button,
            )
        )
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        return scroll

    def _parties_tab(self) -> QWidget:
        headers = (
            self.tr("Role"),
            self.tr("Name"),
            self.tr("Gender"),
            self.tr("Ethnic group"),
            self.tr("Occupation"),
            self.tr("Address"),
            self.tr("Phone"),
            self.tr("Agent"),
        )
        self.party_table = QTableWidget(0, len(headers))
        self.party_table.setObjectName("detailPartyTable")
        self.party_table.setHorizontalHeaderLabels(list(headers))
        self.party_table.verticalHeader().hide()
        self.party_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.party_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.party_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.party_table.horizontalHeader()
        for column, width in enumerate((80, 90, 50, 70, 110, 260, 120)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.party_table.doubleClicked.connect(lambda _i: self.edit_party())
        enter = QShortcut(QKeySequence(Qt.Key.Key_Return), self.party_table, self.edit_party)
        enter.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.edit_party_button = self._button(self.tr("&Edit party…"), "editParty")
        self.edit_party_button.clicked.connect(self.edit_party)
        self.add_party_button = self._button(self.tr("A&dd party…"), "addParty")
        self.add_party_button.clicked.connect(self.add_party)
        self.remove_party_button = self._button(self.tr("Remove party…"), "removeParty")
        self.remove_party_button.clicked.connect(self.remove_party)
        self.party_error = self._error_label()
        self.mediators_label = QLabel()
        self.mediators_label.setObjectName("mediatorsLine")
        self.mediators_label.setWordWrap(True)
        self.edit_mediators_button = self._button(self.tr("Change &mediators…"), "editMediators")
        self.edit_mediators_button.clicked.connect(self.edit_mediators)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.party_table, 1)
        layout.addWidget(self.party_error)
        layout.addWidget(self.mediators_label)
        layout.addLayout(
            self._buttons_row(
                self.edit_party_button,
                self.add_party_button,
                self.remove_party_button,
                self.edit_mediators_button,
            )
        )
        return tab

    def _records_tab(self, kind: str) -> tuple[QListWidget, QTextBrowser, QWidget]:
        records = QListWidget()
        records.setObjectName(f"{kind}List")
        text = QTextBrowser()
        text.setObjectName(f"{kind}Text")
        records.currentRowChanged.connect(lambda row, k=kind: self._show_record(k, row))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(records)
        splitter.addWidget(text)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setChildrenCollapsible(False)
        investigation = kind == INVESTIGATION
        add = self._button(
            self.tr("&Add investigation record…")
            if investigation
            else self.tr("&Add session record…"),
            f"add_{kind}",
        )
        add.clicked.connect(lambda: self.start_record(kind))
        print_button = self._button(
            self.tr("Print investigation records")
            if investigation
            else self.tr("Print session records"),
            f"print_{kind}",
        )
        print_button.clicked.connect(
            lambda: self.print_document("investigation" if investigation else "record")
        )
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(splitter, 1)
        layout.addLayout(self._buttons_row(add, print_button))
        return records, text, tab

    def _agreement_tab(self) -> QWidget:
        self.agreement_text = QTextBrowser()
        self.agreement_text.setObjectName("agreementText")
        self.edit_agreement_button = self._button(self.tr("&Edit agreement…"), "editAgreement")
        self.edit_agreement_button.clicked.connect(self.edit_agreement)
        self.print_agreement_button = self._button(self.tr("Print agreement"), "printAgreement")
        self.print_agreement_button.clicked.connect(self._print_agreement)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.agreement_text, 1)
        layout.addLayout(self._buttons_row(self.edit_agreement_button, self.print_agreement_button))
        return tab

    def _visits_tab(self) -> QWidget:
        headers = (
            self.tr("Date"),
            self.tr("Visitor"),
            self.tr("Performed?"),
            self.tr("Satisfaction"),
            self.tr("Lawsuit"),
            self.tr("Risk of escalation"),
            self.tr("Notes"),
        )
        self.visit_table = self._table("visitTable", headers, (100, 80, 80, 80, 60, 80))
        self.add_visit_button = self._button(self.tr("&Add return visit…"), "addVisit")
        self.add_visit_button.clicked.connect(self.add_visit)
        print_button = self._button(self.tr("Print return visits"), "print_visit")
        print_button.clicked.connect(lambda: self.print_document("visit"))
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.visit_table, 1)
        layout.addLayout(self._buttons_row(self.add_visit_button, print_button))
        return tab

    def _outcome_tab(self) -> QWidget:
        self.outcome_form = QFormLayout()
        self.outcome_labels: dict[str, QLabel] = {}
        for key, label in (
            ("status", self.tr("Status")),
            ("closed", self.tr("Closed on")),
            ("reason", self.tr("Reason")),
            ("routes", self.tr("Other routes explained")),
            ("performance", self.tr("Performance")),
            ("prevented", self.tr("Statistics")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.outcome_labels[key] = value
            self.outcome_form.addRow(label, value)
        self.outcome_button = self._button(self.tr("&Record outcome…"), "recordOutcome")
        self.outcome_button.clicked.connect(self.record_outcome)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(self.outcome_form)
        layout.addStretch(1)
        layout.addLayout(self._buttons_row(self.outcome_button))
        return tab

    def _tracking_tab(self) -> QWidget:
        # ---- performance (履行)
        self.performance_state = self._value_label()
        self.performance_badge = QLabel()
        self.performance_badge.setObjectName("deadlineBadge")
        state_row = QHBoxLayout()
        state_row.addWidget(self.performance_state, 1)
        state_row.addWidget(self.performance_badge)
        self.note_table = self._table(
            "performanceNotes",
            (self.tr("Date"), self.tr("Performance"), self.tr("Recorded by"), self.tr("Details")),
            (100, 80, 80),
        )
        self.note_table.setMinimumHeight(90)
        self.note_date = date_edit()
        self.note_date.setObjectName("noteDate")
        self.note_status = QComboBox()
        self.note_status.setObjectName("noteStatus")
        for status in PerformanceStatus:
            self.note_status.addItem(status.label, status.value)
        self.note_text = QLineEdit()
        self.note_text.setObjectName("noteText")
        self.note_text.setMaxLength(500)
        self.note_text.setPlaceholderText(self.tr("What has been done, what is still missing"))
        self.note_button = self._button(self.tr("Record &performance"), "notePerformance")
        self.note_button.clicked.connect(self.note_performance)
        self.note_text.returnPressed.connect(self.note_performance)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note_date)
        note_row.addWidget(self.note_status)
        note_row.addWidget(self.note_text, 1)
        note_row.addWidget(self.note_button)
        self.note_error = self._error_label()
        performance = QGroupBox(self.tr("Performance of the agreement"))
        box = QVBoxLayout(performance)
        box.addLayout(state_row)
        box.addWidget(self.note_table, 1)
        box.addLayout(note_row)
        box.addWidget(self.note_error)

        # ---- court confirmation (司法确认)
        self.court_state = self._value_label()
        self.court_badge = QLabel()
        self.court_badge.setObjectName("deadlineBadge")
        court_row = QHBoxLayout()
        court_row.addWidget(self.court_state, 1)
        court_row.addWidget(self.court_badge)
        self.court_combo = QComboBox()
        self.court_combo.setObjectName("courtStatus")
        for state in CourtConfirmation:
            self.court_combo.addItem(state.label, state.value)
        self.court_applied = date_edit()
        self.court_applied.setObjectName("courtApplied")
        self.court_decided = date_edit()
        self.court_decided.setObjectName("courtDecided")
        self.court_combo.currentIndexChanged.connect(self._court_choice_changed)
        self.court_button = self._button(self.tr("Record court &confirmation"), "recordCourt")
        self.court_button.clicked.connect(self.record_court)
        form_row = QHBoxLayout()
        form_row.addWidget(self.court_combo)
        form_row.addWidget(QLabel(self.tr("applied on")))
        form_row.addWidget(self.court_applied)
        self.decided_caption = QLabel(self.tr("ruled on"))
        form_row.addWidget(self.decided_caption)
        form_row.addWidget(self.court_decided)
        form_row.addStretch(1)
        form_row.addWidget(self.court_button)
        self.court_error = self._error_label()
        court = QGroupBox(self.tr("Court confirmation (within 30 days of the agreement's effect)"))
        box = QVBoxLayout(court)
        box.addLayout(court_row)
        box.addLayout(form_row)
        box.addWidget(self.court_error)
        self._court_choice_changed()

        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(performance, 1)
        layout.addWidget(court)
        return tab

    def _court_choice_changed(self, *_: object) -> None:
        ruled = self.court_combo.currentData() != CourtConfirmation.APPLIED.value
        self.court_decided.setEnabled(ruled)
        self.decided_caption.setEnabled(ruled)

    def _case_file_tab(self) -> QWidget:
        self.checklist_table = self._table(
            "caseFileChecklist",
            (
                self.tr("Document"),
                self.tr("Required?"),
                self.tr("Status"),
                self.tr("What is missing"),
            ),
            (200, 70, 90),
        )
        self.archive_state = self._value_label()
        self.archive_state.setObjectName("archiveState")
        self.archive_button = self._button(self.tr("&Archive and lock…"), "archiveCase")
        self.archive_button.clicked.connect(self.archive_case)
        self.reopen_edit = QLineEdit()
        self.reopen_edit.setObjectName("reopenReason")
        self.reopen_edit.setMaxLength(300)
        self.reopen_edit.setPlaceholderText(self.tr("Why the archived case must be changed"))
        self.reopen_button = self._button(self.tr("&Reopen…"), "reopenCase")
        self.reopen_button.clicked.connect(self.reopen_case)
        self.archive_error = self._error_label()
        print_button = self._button(self.tr("Print whole case file"), "printWholeCaseFile")
        print_button.clicked.connect(self.print_case_file)
        reopen_row = QHBoxLayout()
        reopen_row.addWidget(self.reopen_edit, 1)
        reopen_row.addWidget(self.reopen_button)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.checklist_table, 1)
        layout.addWidget(self.archive_state)
        layout.addLayout(reopen_row)
        layout.addWidget(self.archive_error)
        layout.addLayout(self._buttons_row(self.archive_button, print_button))
        return tab

    def _timeline_tab(self) -> QWidget:
        self.timeline_table = self._table(
            "mediationTimeline",
            (self.tr("Time"), self.tr("By"), self.tr("What"), self.tr("Details")),
            (130, 80, 110),
        )
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.timeline_table, 1)
        return tab

    # ================================================================= loading

    def show_mediation(self, mediation_id: str) -> None:
        if mediation_id != self.mediation_id:
            self.view = None
            self.tabs.setCurrentIndex(BASIC)
        self.mediation_id = mediation_id
        self.reload()

    def reload(self) -> None:
        if not self.mediation_id:
            return
        self._generation += 1
        generation, mediation_id, actor = self._generation, self.mediation_id, self.context.actor
        self.loading_label.setVisible(self.view is None)
        self.context.runner.query(
            lambda session: load_mediation_view(session, mediation_id, actor),
            parent=self,
            success=lambda view: self._loaded(generation, view),
            failure=lambda exc: self._failed(generation, exc),
            label="mediation detail",
        )

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        from ui.errors import show_exception

        self.loading_label.setText(self.tr("This mediation case could not be loaded."))
        show_exception(self, exc)

    def _changed(self, changes: Changes) -> None:
        if self.mediation_id and self.mediation_id in changes.mediation_ids:
            self.reload()

    # ================================================================= showing

    def _loaded(self, generation: int, view: MediationView) -> None:
        if generation != self._generation:
            return
        self.view = view
        self.loading_label.hide()
        d = view.detail
        self.number_label.setText(d.number)
        self.status_label.setText(d.status_label)
        self.status_label.setProperty("finished", d.status in CLOSED)
        self.status_label.style().unpolish(self.status_label)
        self.status_label.style().polish(self.status_label)
        self._show_timer(d, view.today)
        self.parties_label.setText(
            "　".join(f"{p.role_label}：{p.name}" for p in d.parties)
            + (f"　·　{d.dispute_type}" if d.dispute_type else "")
        )
        self._show_basic(d, view.today)
        self._show_parties(d)
        self._show_records(d)
        self._show_agreement(d)
        self._show_visits(d)
        self._show_outcome(d)
        self._show_tracking(d, view.today)
        self._show_case_file(view)
        self._show_timeline(view.timeline)
        self._show_lock(d)
        if view.case_number:
            caption = self.tr("Work order")
            self.case_link.setText(
                f'{_esc(caption)}：<a href="case:{_esc(d.case_id or "")}">'
                f"{_esc(view.case_number)}</a>"
            )
        self.case_link.setVisible(bool(view.case_number))
        self.sig_loaded.emit(d)

    def _days_text(self, countdown: Countdown) -> str:
        days = countdown.days_left or 0
        if days < 0:
            return self.tr("Overdue by %1 day(s)").replace("%1", str(-days))
        return self.tr("%1 day(s) left").replace("%1", str(days))

    def _show_timer(self, d: MediationDetail, today: date) -> None:
        countdown = d.timer(today)
        set_badge(self.timer_label, countdown, self._days_text(countdown))
        reminder = d.performance_countdown(today) if d.status == "succeeded" else NO_COUNTDOWN
        set_badge(
            self.reminder_label,
            reminder,
            self.tr("Performance overdue by %1 day(s): remind the parties").replace(
                "%1", str(-(reminder.days_left or 0))
            ),
        )
        self.reminder_label.setVisible(reminder.overdue)

    def _show_basic(self, d: MediationDetail, today: date) -> None:
        source = _label(MediationSource, d.source)
        if d.referring_body:
            source += self.tr(" (referred by %1)").replace("%1", d.referring_body)
        mediators = "、".join(
            name + (self.tr(" (lead)") if lead else "") for _id, name, lead in d.mediators
        )
        due = d.timer_due
        timer = f"{due:%Y-%m-%d}"
        if d.extended_due_on:
            timer += (
                self.tr(" (extended from %1 with consent: %2)")
                .replace("%1", f"{one_month_after(d.accepted_on):%Y-%m-%d}")
                .replace("%2", d.extension_consent)
            )
        countdown = d.timer(today)
        if countdown.days_left is not None:
            timer += "　" + self._days_text(countdown)
        values = {
            "source": source,
            "dispute_type": d.dispute_type or self.tr("(not classified)"),
            "accepted": f"{d.accepted_on:%Y-%m-%d}",
            "timer": timer,
            "committee": d.committee,
            "mediators": mediators,
            "facts": d.facts,
            "notice": (
                f"{d.notice_given_on:%Y-%m-%d}"
                if d.notice_given_on
                else self.tr("Not recorded yet")
            ),
        }
        for key, value in values.items():
            self.fact_labels[key].setText(value or "—")
        if d.notice_given_on:
            self.notice_edit.setDate(d.notice_given_on)
        self.notice_error.hide()
        self.extend_error.hide()
        if self.extend_edit.date().toPython() <= due:
            self.extend_edit.setDate(due + timedelta(days=15))
        self.print_application_button.setVisible(d.source == MediationSource.APPLICATION.value)

    def _show_parties(self, d: MediationDetail) -> None:
        self.party_table.setRowCount(len(d.parties))
        for row, p in enumerate(d.parties):
            agent = p.agent_text
            values = (
                p.role_label,
                p.name,
                _label(Gender, p.gender),
                p.ethnicity,
                p.occupation,
                p.address,
                mask_phone(p.phone) if p.phone else "",
                agent,
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.party_table.setItem(row, column, item)
        if d.parties and self.party_table.currentRow() < 0:
            self.party_table.selectRow(0)
        self.mediators_label.setText(
            self.tr("Mediators: %1").replace(
                "%1",
                "、".join(
                    name + (self.tr(" (lead)") if lead else "") for _id, name, lead in d.mediators
                ),
            )
        )

    def _show_records(self, d: MediationDetail) -> None:
        for kind, widget in (
            (INVESTIGATION, self.investigation_list),
            (SESSION, self.session_list),
        ):
            records = [r for r in d.records if r.kind == kind]
            keep = widget.currentRow()
            widget.blockSignals(True)
            widget.clear()
            for record in records:
                title = record.subject or record.place
                item = QListWidgetItem(f"{record.at:%Y-%m-%d %H:%M}\n{title}")
                item.setToolTip(title)
                widget.addItem(item)
            widget.blockSignals(False)
            row = keep if 0 <= keep < len(records) else len(records) - 1
            widget.setCurrentRow(row)
            self._show_record(kind, row)

    def _show_record(self, kind: str, row: int) -> None:
        text = self.investigation_text if kind == INVESTIGATION else self.session_text
        if self.view is None:
            return
        records = [r for r in self.view.detail.records if r.kind == kind]
        if not 0 <= row < len(records):
            text.setPlainText(
                self.tr("No investigation records yet.")
                if kind == INVESTIGATION
                else self.tr("No session records yet.")
            )
            return
        r = records[row]
        subject_label = (
            self.tr("Person investigated") if kind == INVESTIGATION else self.tr("Matter")
        )
        lines = [
            (self.tr("Time"), f"{r.at:%Y-%m-%d %H:%M}"),
            (self.tr("Place"), r.place),
            (subject_label, r.subject),
            (self.tr("Participants"), r.participants),
            (self.tr("Recorder"), r.recorder),
        ]
        head = "".join(
            f"<div><b>{_esc(label)}：</b>{_esc(value)}</div>" for label, value in lines if value
        )
        body = _esc(r.body).replace("\n", "<br>")
        result = (
            f"<p><b>{_esc(self.tr('Result of the session'))}：</b>{_esc(r.result)}</p>"
            if r.result
            else ""
        )
        text.setHtml(f"{head}<hr><p>{body}</p>{result}")

    def _show_agreement(self, d: MediationDetail) -> None:
        if not d.agreement_form:
            hint = self.tr("“Edit agreement…” starts from a clause template for the dispute.")
            self.agreement_text.setHtml(
                f"<p>{_esc(self.tr('No agreement recorded yet.'))}</p>"
                f"<p style='color:#5f6670'>{_esc(hint)}</p>"
            )
            self.print_agreement_button.setEnabled(False)
            return
        parts = [f"<h3>{_esc(_label(AgreementForm, d.agreement_form))}</h3>"]
        if d.terms:
            parts += [
                f"<p style='margin-left:12px'>{chinese_ordinal(n)}、{_esc(t)}</p>"
                for n, t in enumerate(d.terms, start=1)
            ]
        if d.agreement_content:
            parts.append(f"<p>{_esc(d.agreement_content)}</p>")
        rows = [
            (self.tr("Performance method"), d.performance_method),
            (
                self.tr("Performance deadline"),
                f"{d.performance_deadline:%Y-%m-%d}" if d.performance_deadline else "",
            ),
            (
                self.tr("Amount"),
                amount_with_capitals(Decimal(d.amount_fen) / 100)
                if d.amount_fen is not None
                else "",
            ),
            (self.tr("Copies"), str(d.copies) if d.copies else ""),
            (self.tr("Signed on"), f"{d.signed_on:%Y-%m-%d}" if d.signed_on else ""),
            (self.tr("Signed by"), d.signed_by),
        ]
        parts += [
            f"<div><b>{_esc(label)}：</b>{_esc(value)}</div>" for label, value in rows if value
        ]
        self.agreement_text.setHtml("".join(parts))
        self.print_agreement_button.setEnabled(True)

    def _show_visits(self, d: MediationDetail) -> None:
        rows = []
        for v in d.visits:
            notes = v.notes
            if v.measures:
                notes += ("\n" if notes else "") + self.tr("Measures: %1").replace("%1", v.measures)
            rows.append(
                (
                    f"{v.visited_on:%Y-%m-%d}",
                    v.visitor,
                    _label(PerformanceStatus, v.performance_status),
                    _label(Satisfaction, v.satisfaction),
                    self.tr("yes") if v.lawsuit else self.tr("no"),
                    _label(EscalationRisk, v.escalation_risk),
                    notes,
                )
            )
        self._fill(self.visit_table, rows)

    def _show_tracking(self, d: MediationDetail, today: date) -> None:
        agreed = d.status == "succeeded" and bool(d.agreement_form)
        if not agreed:
            self.performance_state.setText(
                self.tr("Performance is tracked once an agreement is reached (outcome: success).")
            )
        else:
            parts = [
                self.tr("Now: %1").replace(
                    "%1", _label(PerformanceStatus, d.performance_status) or "—"
                )
            ]
            if d.performance_deadline:
                parts.append(
                    self.tr("deadline %1").replace("%1", f"{d.performance_deadline:%Y-%m-%d}")
                )
            if d.performance_method:
                parts.append(d.performance_method)
            self.performance_state.setText("　".join(parts))
        countdown = d.performance_countdown(today) if agreed else NO_COUNTDOWN
        text = (
            self.tr("Deadline passed %1 day(s) ago: remind the parties").replace(
                "%1", str(-(countdown.days_left or 0))
            )
            if countdown.overdue
            else self._days_text(countdown)
        )
        set_badge(self.performance_badge, countdown, text)
        self._fill(
            self.note_table,
            [
                (
                    f"{n.noted_on:%Y-%m-%d}",
                    _label(PerformanceStatus, n.performance_status),
                    n.author,
                    n.text,
                )
                for n in d.performance_notes
            ],
        )
        self.note_error.hide()

        if d.effective_on is None or d.status != "succeeded":
            self.court_state.setText(
                self.tr(
                    "The window opens when a signed agreement takes effect "
                    "(record the signing date in the agreement)."
                )
            )
        else:
            last = confirmation_deadline(d.effective_on)
            lines = [
                self.tr("Agreement effective %1; apply by %2")
                .replace("%1", f"{d.effective_on:%Y-%m-%d}")
                .replace("%2", f"{last:%Y-%m-%d}")
            ]
            if d.court_confirmation:
                state = _label(CourtConfirmation, d.court_confirmation)
                if d.court_applied_on:
                    state += self.tr(" (applied %1)").replace(
                        "%1", f"{d.court_applied_on:%Y-%m-%d}"
                    )
                if d.court_confirmed_on:
                    state += self.tr(" (ruled %1)").replace(
                        "%1", f"{d.court_confirmed_on:%Y-%m-%d}"
                    )
                lines.append(state)
            self.court_state.setText("　".join(lines))
            if d.court_applied_on:
                self.court_applied.setDate(d.court_applied_on)
            if d.court_confirmation:
                next_state = (
                    CourtConfirmation.VALID.value
                    if d.court_confirmation == CourtConfirmation.APPLIED.value
                    else d.court_confirmation
                )
                self.court_combo.setCurrentIndex(self.court_combo.findData(next_state))
        window = d.confirmation_countdown(today)
        window_text = (
            self.tr("Window closed %1 day(s) ago").replace("%1", str(-(window.days_left or 0)))
            if window.overdue
            else self.tr("%1 day(s) left to apply").replace("%1", str(window.days_left or 0))
        )
        set_badge(self.court_badge, window, window_text)
        self.court_error.hide()
        for widget in (self.note_button, self.note_text, self.note_status, self.note_date):
            widget.setEnabled(agreed and not d.archived)
        for widget in (self.court_button, self.court_combo, self.court_applied):
            widget.setEnabled(d.effective_on is not None and agreed and not d.archived)
        self._court_choice_changed()

    def _show_case_file(self, view: MediationView) -> None:
        self._fill(
            self.checklist_table,
            [(i.title, i.mark_label, i.state_label, i.problem) for i in view.checklist],
        )
        for row, item in enumerate(view.checklist):
            if item.blocking:
                for column in range(self.checklist_table.columnCount()):
                    cell = self.checklist_table.item(row, column)
                    cell.setForeground(Qt.GlobalColor.darkRed)
        d = view.detail
        if d.archived:
            text = self.tr("Archived on %1 by %2. Reopen with a reason to change anything.")
            text = text.replace("%1", f"{d.archived_on:%Y-%m-%d}").replace("%2", d.archived_by)
        else:
            missing = [i.title for i in view.checklist if i.blocking]
            text = (
                self.tr("Still missing before archiving: %1").replace("%1", "、".join(missing))
                if missing
                else self.tr("The case file is complete.")
            )
            if d.reopen_reason:
                text += "　" + self.tr("Last reopened: %1").replace("%1", d.reopen_reason)
        self.archive_state.setText(text)
        self.archive_error.hide()

    def _show_timeline(self, timeline: tuple[TimelineEntry, ...]) -> None:
        self._fill(
            self.timeline_table, [(t.at, t.author, t.title, t.text) for t in reversed(timeline)]
        )

    def _show_lock(self, d: MediationDetail) -> None:
        """An archived case: every change button off; only reopening is possible."""
        locked = d.archived
        self.archived_label.setVisible(locked)
        for button in (
            self.notice_button,
            self.extend_button,
            self.edit_party_button,
            self.add_party_button,
            self.remove_party_button,
            self.edit_mediators_button,
            self.edit_agreement_button,
            self.add_visit_button,
            self.outcome_button,
            self.archive_button,
            *self.findChildren(QPushButton, "add_investigation"),
            *self.findChildren(QPushButton, "add_session"),
        ):
            button.setEnabled(not locked)
        open_case = d.status not in CLOSED
        self.extend_button.setEnabled(open_case and not locked)
        # An outcome may be corrected until the case is archived (the service says when not).
        self.archive_button.setEnabled(not open_case and not locked)
        self.reopen_edit.setVisible(locked)
        self.reopen_button.setVisible(locked)

    def _show_outcome(self, d: MediationDetail) -> None:
        flags = []
        if d.prevented_criminal:
            flags.append(self.tr("Prevented a civil dispute turning criminal"))
        if d.prevented_petition:
            flags.append(self.tr("Prevented a group petition"))
        values = {
            "status": d.status_label,
            "closed": f"{d.closed_on:%Y-%m-%d}" if d.closed_on else "",
            "reason": d.closing_reason,
            "routes": d.other_routes,
            "performance": _label(PerformanceStatus, d.performance_status),
            "prevented": "；".join(flags),
        }
        for key, value in values.items():
            self.outcome_labels[key].setText(value or "—")

    # ================================================================= actions

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.active_dialog = dialog
        dialog.open()
        self.sig_dialog.emit(dialog)
        return dialog

    def record_notice(self) -> None:
        if self.view is None:
            return
        actor, mediation_id = self.context.actor, self.view.detail.id
        given_on = self.notice_edit.date().toPython()
        self.notice_error.hide()

        def failed(exc: BaseException) -> None:
            from station.errors import GridStationError
            from ui.errors import show_exception

            if isinstance(exc, GridStationError):
                self.notice_error.setText(exc.message)
                self.notice_error.show()
                self.notice_edit.setFocus()
            else:
                show_exception(self, exc)

        self.context.mutate(
            lambda s: record_notice(s, actor=actor, mediation_id=mediation_id, given_on=given_on),
            parent=self,
            failure=failed,
            label="mediation notice",
        )

    def _mutate_here(self, op, *, error: QLabel, focus: QWidget, label: str, done=None) -> None:  # type: ignore[no-untyped-def]
        """Run ``op`` (a mutation of this case) on the worker; our errors show in ``error``."""
        error.hide()

        def failed(exc: BaseException) -> None:
            from station.errors import GridStationError
            from ui.errors import show_exception

            if isinstance(exc, GridStationError):
                error.setText(exc.message)
                error.show()
                focus.setFocus()
            else:
                show_exception(self, exc)

        self.context.mutate(op, parent=self, failure=failed, success=done, label=label)

    def extend_timer(self) -> None:
        if self.view is None:
            return
        actor, mediation_id = self.context.actor, self.view.detail.id
        new_due = self.extend_edit.date().toPython()
        consent = self.consent_edit.text()
        self._mutate_here(
            lambda s: extend_timer(
                s, actor=actor, mediation_id=mediation_id, new_due_on=new_due, consent=consent
            ),
            error=self.extend_error,
            focus=self.consent_edit,
            label="mediation extend timer",
            done=lambda _r: self.consent_edit.clear(),
        )

    def note_performance(self) -> None:
        if self.view is None or not self.note_button.isEnabled():
            return
        actor, mediation_id = self.context.actor, self.view.detail.id
        noted_on, status = self.note_date.date().toPython(), self.note_status.currentData()
        text = self.note_text.text()
        self._mutate_here(
            lambda s: note_performance(
                s,
                actor=actor,
                mediation_id=mediation_id,
                noted_on=noted_on,
                performance_status=status,
                text=text,
            ),
            error=self.note_error,
            focus=self.note_text,
            label="mediation performance note",
            done=lambda _r: self.note_text.clear(),
        )

    def record_court(self) -> None:
        if self.view is None:
            return
        actor, mediation_id = self.context.actor, self.view.detail.id
        state = self.court_combo.currentData()
        applied = self.court_applied.date().toPython()
        decided = (
            self.court_decided.date().toPython()
            if state != CourtConfirmation.APPLIED.value
            else None
        )
        self._mutate_here(
            lambda s: record_court_confirmation(
                s,
                actor=actor,
                mediation_id=mediation_id,
                court_confirmation=state,
                applied_on=applied,
                decided_on=decided,
            ),
            error=self.court_error,
            focus=self.court_combo,
            label="mediation court confirmation",
        )

    def archive_case(self) -> None:
        if self.view is None:
            return
        d = self.view.detail
        if not confirm(
            self,
            text=self.tr("Archive %1 and lock it?").replace("%1", d.number),
            informative=self.tr(
                "Nothing in an archived case can be changed until someone reopens it with a "
                "reason, which is recorded."
            ),
            confirm_text=self.tr("Archive"),
            cancel_text=self.tr("Cancel"),
        ):
            return
        actor, mediation_id = self.context.actor, d.id
        self._mutate_here(
            lambda s: archive_mediation(s, actor=actor, mediation_id=mediation_id),
            error=self.archive_error,
            focus=self.archive_button,
            label="mediation archive",
        )

    def reopen_case(self) -> None:
        if self.view is None:
            return
        d, reason = self.view.detail, self.reopen_edit.text()
        if reason.strip() and not confirm(
            self,
            text=self.tr("Reopen %1 for changes?").replace("%1", d.number),
            informative=self.tr("The reason is kept with the case: %1").replace("%1", reason),
            confirm_text=self.tr("Reopen"),
            cancel_text=self.tr("Cancel"),
        ):
            return
        actor, mediation_id = self.context.actor, d.id
        self._mutate_here(
            lambda s: reopen_mediation(s, actor=actor, mediation_id=mediation_id, reason=reason),
            error=self.archive_error,
            focus=self.reopen_edit,
            label="mediation reopen",
            done=lambda _r: self.reopen_edit.clear(),
        )

    def add_party(self) -> QDialog | None:
        if self.view is None:
            return None
        return self._open(
            MediationAddPartyDialog(context=self.context, mediation=self.view.detail, parent=self)
        )

    def remove_party(self) -> None:
        if self.view is None:
            return
        row, parties = self.party_table.currentRow(), self.view.detail.parties
        if not 0 <= row < len(parties):
            return
        party = parties[row]
        if not confirm(
            self,
            text=self.tr("Take %1 off this case?").replace("%1", party.name),
            informative=self.tr("The resident stays in the register; the change is recorded."),
            confirm_text=self.tr("Remove"),
            cancel_text=self.tr("Cancel"),
        ):
            return
        actor, mediation_id = self.context.actor, self.view.detail.id
        self._mutate_here(
            lambda s: remove_party(s, actor=actor, mediation_id=mediation_id, party_id=party.id),
            error=self.party_error,
            focus=self.party_table,
            label="mediation remove party",
        )

    def edit_mediators(self) -> None:
        if self.view is None:
            return
        detail = self.view.detail
        self.context.runner.query(
            load_mediators,
            parent=self,
            success=lambda roster: self._open(
                MediationMediatorsDialog(
                    context=self.context, mediation=detail, roster=roster, parent=self
                )
            ),
            label="mediation roster",
        )

    def _case_link_clicked(self, href: str) -> None:
        if href.startswith("case:"):
            self.sig_open_case.emit(href.removeprefix("case:"))

    def edit_party(self) -> QDialog | None:
        if self.view is None:
            return None
        row = self.party_table.currentRow()
        parties = self.view.detail.parties
        if not 0 <= row < len(parties):
            return None
        return self._open(
            MediationPartyDialog(
                context=self.context, mediation=self.view.detail, party=parties[row], parent=self
            )
        )

    def start_record(self, kind: str) -> None:
        """Open the record form for ``kind``, with its unsaved draft if one was left."""
        if self.view is None:
            return
        detail, ctx = self.view.detail, self.context
        draft_id = draft_id_for(detail.id, kind)

        def find() -> drafts.Draft | None:
            found = drafts.list_drafts(
                data_dir=ctx.data_dir, form=DRAFT_FORM, username=ctx.actor.username
            )
            return next((d for d in found if d.draft_id == draft_id), None)

        ctx.runner.run(
            find,
            parent=self,
            success=lambda draft: self._open(
                MediationRecordDialog(
                    context=ctx, mediation=detail, kind=kind, draft=draft, parent=self
                )
            ),
            label="mediation record draft",
        )

    def edit_agreement(self) -> None:
        """Open the agreement form, with its unsaved draft if one was left."""
        if self.view is None:
            return
        detail, ctx = self.view.detail, self.context
        draft_id = agreement_draft_id(detail.id)

        def find() -> drafts.Draft | None:  # only this user's draft
            found = drafts.list_drafts(
                data_dir=ctx.data_dir, form=AGREEMENT_DRAFT_FORM, username=ctx.actor.username
            )
            return next((d for d in found if d.draft_id == draft_id), None)

        ctx.runner.run(
            find,
            parent=self,
            success=lambda draft: self._open(
                MediationAgreementDialog(context=ctx, mediation=detail, draft=draft, parent=self)
            ),
            label="mediation agreement draft",
        )

    def add_visit(self) -> QDialog | None:
        if self.view is None:
            return None
        return self._open(
            MediationVisitDialog(context=self.context, mediation=self.view.detail, parent=self)
        )

    def record_outcome(self) -> QDialog | None:
        if self.view is None:
            return None
        return self._open(
            MediationOutcomeDialog(context=self.context, mediation=self.view.detail, parent=self)
        )

    # ================================================================= printing

    def _print_agreement(self) -> None:
        if self.view is not None:
            oral = self.view.detail.agreement_form == AgreementForm.ORAL.value
            self.print_document("oral-agreement" if oral else "agreement")

    def print_case_file(self) -> None:
        """The whole case file; what it still lacks is said first, and printing is optional."""
        if self.view is None:
            return
        missing = [i for i in self.view.checklist if i.blocking]
        if missing and not confirm(
            self,
            text=self.tr("The case file is not complete yet."),
            informative="\n".join(f"· {i.title}：{i.problem or i.state_label}" for i in missing)
            + "\n\n"
            + self.tr("Print what there is anyway?"),
            confirm_text=self.tr("Print anyway"),
            cancel_text=self.tr("Cancel"),
        ):
            self.tabs.setCurrentIndex(CASE_FILE)
            return
        self.print_document("case-file")

    def print_document(self, kind: str) -> None:
        """Preview form ``kind`` of this case (rendered on the worker), ready to print."""
        if self.view is not None:
            open_document_preview(self, self.context, kind, self.view.detail.number)

    def current_number(self) -> str:
        return self.view.detail.number if self.view is not None else ""
