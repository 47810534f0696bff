"""One mediation case (调解案件) in tabs: the case and its notice, parties, investigation
records, session records, agreement, return visits, outcome.

Each tab has the buttons that change it (a small dialog each) and prints its official
form; the header prints the whole case file (卷宗). The case is loaded in one op on the
task runner and reloaded whenever the app-wide change signal names it. Keys: Esc back to
the list, Ctrl+PgDown / Ctrl+PgUp next / previous tab, Alt+letter for the buttons.
"""

from __future__ import annotations

import calendar
import html
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
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
from station.domain.validation import mask_phone
from station.services import drafts
from station.services.changes import Changes
from station.services.events import Actor
from station.services.mediation import CLOSED, MediationDetail, get_mediation, record_notice
from ui.context import AppContext
from ui.dialogs.mediation_agreement_dialog import MediationAgreementDialog
from ui.dialogs.mediation_dialog_base import date_edit
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

BASIC, PARTIES, INVESTIGATIONS, SESSIONS, AGREEMENT, VISITS, OUTCOME = range(7)


@dataclass(frozen=True)
class MediationView:
    detail: MediationDetail
    today: date


def load_mediation_view(session: DbSession, mediation_id: str, actor: Actor) -> MediationView:
    """Worker op: the case, for a mediator or admin only."""
    return MediationView(
        detail=get_mediation(session, mediation_id=mediation_id, actor=actor), today=date.today()
    )


def one_month_after(day: date) -> date:
    """The same day next month (the last day when next month is shorter)."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


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
        self.case_file_button = QPushButton(self.tr("Print case file"))
        self.case_file_button.setObjectName("printCaseFile")
        self.case_file_button.clicked.connect(lambda: self.print_document("case-file"))
        head = QHBoxLayout()
        head.setSpacing(10)
        head.addWidget(self.back_button)
        head.addWidget(self.number_label)
        head.addWidget(self.status_label)
        head.addWidget(self.timer_label)
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
        self.tabs.addTab(self._visits_tab(), self.tr("Return visits"))
        self.tabs.addTab(self._outcome_tab(), self.tr("Outcome"))

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
        self.notice_error = QLabel()
        self.notice_error.setObjectName("fieldError")
        self.notice_error.hide()
        self.facts_form.addRow("", notice_row)
        self.facts_form.addRow("", self.notice_error)

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
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.party_table, 1)
        layout.addLayout(self._buttons_row(self.edit_party_button))
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
        headers = (self.tr("Date"), self.tr("Visitor"), self.tr("Performed?"), self.tr("Notes"))
        self.visit_table = QTableWidget(0, len(headers))
        self.visit_table.setObjectName("visitTable")
        self.visit_table.setHorizontalHeaderLabels(list(headers))
        self.visit_table.verticalHeader().hide()
        self.visit_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.visit_table.setWordWrap(True)
        header = self.visit_table.horizontalHeader()
        for column, width in enumerate((100, 90, 90)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.visit_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
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
        self.sig_loaded.emit(d)

    def _show_timer(self, d: MediationDetail, today: date) -> None:
        due = one_month_after(d.accepted_on)
        if d.status in CLOSED:
            self.timer_label.hide()
            return
        days = (due - today).days
        if days < 0:
            text, state = self.tr("Overdue by %1 day(s)").replace("%1", str(-days)), "overdue"
        else:
            text = self.tr("%1 day(s) left").replace("%1", str(days))
            state = "due_soon" if days <= 5 else "on_time"
        self.timer_label.setText(text)
        self.timer_label.setProperty("state", state)
        self.timer_label.style().unpolish(self.timer_label)
        self.timer_label.style().polish(self.timer_label)
        self.timer_label.show()

    def _show_basic(self, d: MediationDetail, today: date) -> None:
        source = _label(MediationSource, d.source)
        if d.referring_body:
            source += self.tr(" (referred by %1)").replace("%1", d.referring_body)
        mediators = "、".join(
            name + (self.tr(" (lead)") if lead else "") for _id, name, lead in d.mediators
        )
        due = one_month_after(d.accepted_on)
        values = {
            "source": source,
            "dispute_type": d.dispute_type or self.tr("(not classified)"),
            "accepted": f"{d.accepted_on:%Y-%m-%d}",
            "timer": f"{due:%Y-%m-%d}",
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
        self.print_application_button.setVisible(d.source == MediationSource.APPLICATION.value)

    def _show_parties(self, d: MediationDetail) -> None:
        self.party_table.setRowCount(len(d.parties))
        for row, p in enumerate(d.parties):
            agent = p.agent_name
            if agent and p.agent_authorization:
                agent += f"（{p.agent_authorization}）"
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
        self.visit_table.setRowCount(len(d.visits))
        for row, v in enumerate(d.visits):
            for column, value in enumerate(
                (
                    f"{v.visited_on:%Y-%m-%d}",
                    v.visitor,
                    _label(PerformanceStatus, v.performance_status),
                    v.notes,
                )
            ):
                self.visit_table.setItem(row, column, QTableWidgetItem(value))

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

    def edit_agreement(self) -> QDialog | None:
        if self.view is None:
            return None
        return self._open(
            MediationAgreementDialog(context=self.context, mediation=self.view.detail, parent=self)
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

    def print_document(self, kind: str) -> None:
        """Preview form ``kind`` of this case (rendered on the worker), ready to print."""
        if self.view is not None:
            open_document_preview(self, self.context, kind, self.view.detail.number)

    def current_number(self) -> str:
        return self.view.detail.number if self.view is not None else ""
