"""调查记录 / 调解记录: one investigation or one mediation session, typed as it happens.

The body is long (a session's statements run to thousands of characters), so it gets most
of the dialog, Enter is a new line there and Ctrl+Enter saves. What is typed is saved as a
draft a moment after each change (``<data dir>/drafts``), so a power cut loses nothing; the
draft is offered back the next time this record is opened and deleted once saved or
deliberately discarded.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QDateTimeEdit, QLabel, QLineEdit, QPlainTextEdit, QWidget

from station.services import drafts
from station.services.mediation import MediationDetail, add_mediation_record
from ui.context import AppContext
from ui.dialogs.mediation_dialog_base import DraftedMediationDialog
from ui.task_runner import DbSession

DRAFT_FORM = "mediation_record"
INVESTIGATION, SESSION = "investigation", "session"


def draft_id_for(mediation_id: str, kind: str) -> str:
    """One draft per case and kind of record: reopening the form finds it again."""
    return f"mediation-{kind}-{mediation_id}"


class MediationRecordDialog(DraftedMediationDialog):
    DRAFT_FORM = DRAFT_FORM
    DRAFT_TASK = "mediation record draft"

    def __init__(
        self,
        *,
        context: AppContext,
        mediation: MediationDetail,
        kind: str,
        draft: drafts.Draft | None = None,
        parent: QWidget | None = None,
    ) -> None:
        investigation = kind == INVESTIGATION
        super().__init__(
            context=context,
            mediation=mediation,
            title=self.tr("Investigation record") if investigation else self.tr("Session record"),
            parent=parent,
        )
        self.setObjectName("mediationRecordDialog")
        self.kind = kind
        self.draft_id = draft_id_for(mediation.id, kind)
        self._draft_written = draft is not None
        self.at_edit = QDateTimeEdit(QDateTime.currentDateTime())
        self.at_edit.setCalendarPopup(True)
        self.at_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.add_field(self.tr("Time"), "at", self.at_edit)
        self.place_edit = QLineEdit()
        self.place_edit.setMaxLength(120)
        self.place_edit.setPlaceholderText(self.tr("e.g. the mediation room of the station"))
        self.add_field(self.tr("Place"), "place", self.place_edit)
        self.subject_edit = QLineEdit()
        self.subject_edit.setMaxLength(200)
        if investigation and mediation.parties:
            self.subject_edit.setText(mediation.parties[-1].name)
        self.add_field(
            self.tr("Person investigated") if investigation else self.tr("Matter"),
            "subject",
            self.subject_edit,
        )
        self.participants_edit = QLineEdit()
        self.participants_edit.setMaxLength(300)
        self.participants_edit.setPlaceholderText(
            self.tr("Mediators, parties present, invited participants")
        )
        self.add_field(self.tr("Participants"), "participants", self.participants_edit)
        self.recorder_edit = QLineEdit(context.actor.display_name or context.actor.username)
        self.recorder_edit.setMaxLength(40)
        self.add_field(self.tr("Recorder"), "recorder", self.recorder_edit)
        self.body_edit = QPlainTextEdit()
        self.body_edit.setObjectName("recordBody")
        self.body_edit.setMinimumHeight(240)
        self.body_edit.setPlaceholderText(
            self.tr("Q: …\nA: …")
            if investigation
            else self.tr("Statements of the parties, facts found, the mediators' work")
        )
        self.count_label = QLabel()
        self.count_label.setObjectName("hint")
        self.add_field(
            self.tr("Questions and answers") if investigation else self.tr("Record"),
            "body",
            self.body_edit,
            self.count_label,
        )
        self.body_edit.setTabChangesFocus(True)
        self.result_edit = QPlainTextEdit()
        self.result_edit.setFixedHeight(64)
        if not investigation:
            self.add_field(self.tr("Result of the session"), "result", self.result_edit)
        self.draft_label = QLabel()
        self.draft_label.setObjectName("hint")
        self.form.addRow("", self.draft_label)
        self.setMinimumSize(760, 620)

        if draft is not None:
            self._restore(draft)
        self._update_count()
        self._draft_timer = self._make_draft_timer()
        for edit in (self.place_edit, self.subject_edit, self.participants_edit):
            edit.textChanged.connect(self._draft_timer.start)
        for text in (self.body_edit, self.result_edit):
            text.textChanged.connect(self._draft_timer.start)
        self.body_edit.textChanged.connect(self._update_count)
        self.body_edit.setFocus()

    # ----------------------------------------------------------------- drafts

    def values(self) -> dict[str, Any]:
        return {
            "at": self.at_edit.dateTime().toPython().isoformat(timespec="minutes"),
            "place": self.place_edit.text(),
            "subject": self.subject_edit.text(),
            "participants": self.participants_edit.text(),
            "recorder": self.recorder_edit.text(),
            "body": self.body_edit.toPlainText(),
            "result": self.result_edit.toPlainText(),
        }

    def _restore(self, draft: drafts.Draft) -> None:
        v = draft.values
        with contextlib.suppress(ValueError):  # a damaged time keeps "now"
            self.at_edit.setDateTime(QDateTime(datetime.fromisoformat(v.get("at", ""))))
        self.place_edit.setText(v.get("place", ""))
        self.subject_edit.setText(v.get("subject", ""))
        self.participants_edit.setText(v.get("participants", ""))
        self.recorder_edit.setText(v.get("recorder", "") or self.recorder_edit.text())
        self.body_edit.setPlainText(v.get("body", ""))
        self.result_edit.setPlainText(v.get("result", ""))
        self._show_restored(draft)

    def draft_values(self) -> dict[str, Any]:
        return self.values()

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("%n character(s)", "", len(self.body_edit.toPlainText())))

    # ----------------------------------------------------------------- saving

    def has_typed(self) -> bool:
        return bool(
            self.body_edit.toPlainText().strip()
            or self.result_edit.toPlainText().strip()
            or self.place_edit.text().strip()
            or self.participants_edit.text().strip()
        )

    def make_op(self) -> Callable[[DbSession], Any] | None:
        assert self.mediation is not None
        actor, mediation_id, kind = self.context.actor, self.mediation.id, self.kind
        at = self.at_edit.dateTime().toPython().replace(second=0, microsecond=0)
        v = self.values()
        extra = {k: v[k] for k in ("place", "subject", "participants", "recorder", "result")}
        body = v["body"]
        return lambda s: add_mediation_record(
            s, actor=actor, mediation_id=mediation_id, kind=kind, at=at, body=body, **extra
        )
