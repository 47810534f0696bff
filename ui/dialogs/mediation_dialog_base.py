"""What every mediation dialog shares with the work-order dialogs: form, inline errors, save
on the worker, Ctrl+Enter, Esc asks before discarding (see :class:`ActionDialogBase`).

:class:`ActionDialogBase` reads only ``number`` and ``summary`` of the record it is about,
so a mediation case (or, for a new case, nothing yet) is handed to it as that heading.
"""

from __future__ import annotations

from datetime import date, datetime
from types import SimpleNamespace
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QTimer
from PySide6.QtWidgets import QDateEdit, QLabel, QWidget

from station.services import drafts
from station.services.mediation import MediationDetail
from ui.context import AppContext
from ui.dialogs.action_dialog_base import ActionDialogBase


def date_edit(value: date | None = None) -> QDateEdit:
    """A date field with a calendar, ``2026-03-05``, today unless told otherwise."""
    edit = QDateEdit(QDate(value) if value else QDate.currentDate())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class MediationDialogBase(ActionDialogBase):
    """:class:`ActionDialogBase` for a mediation case (``mediation`` None: a new case)."""

    def __init__(
        self,
        *,
        context: AppContext,
        mediation: MediationDetail | None,
        title: str,
        intro: str = "",
        save_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        parties = "、".join(p.name for p in mediation.parties) if mediation else ""
        heading: Any = SimpleNamespace(
            number=mediation.number if mediation else "", summary=parties
        )
        super().__init__(
            context=context,
            case=heading,
            title=title,
            intro=intro,
            save_text=save_text,
            parent=parent,
        )
        self.mediation = mediation
        if not (intro or parties):
            self.intro_label.hide()


class DraftedMediationDialog(MediationDialogBase):
    """A mediation form that keeps what is typed in a draft file (``<data dir>/drafts``) a
    moment after each change, so a crash or a power cut loses nothing; saving the form, or
    closing it without keeping the text, removes the draft.

    A subclass names :attr:`DRAFT_FORM` and :attr:`DRAFT_TASK`, gives :meth:`draft_values`
    and ``has_typed``, sets ``draft_id``, ``_draft_written`` and a ``draft_label`` in its
    ``__init__``, takes ``_draft_timer`` from :meth:`_make_draft_timer` and connects its
    fields' change signals to the timer's ``start``.
    """

    DRAFT_FORM = ""  # the drafts service's form name
    DRAFT_TASK = ""  # the task runner's label for writing the draft
    DRAFT_DELAY_MS = 1500

    draft_id: str
    draft_label: QLabel
    _draft_written: bool
    _draft_timer: QTimer

    def draft_values(self) -> dict[str, Any]:
        raise NotImplementedError

    def _make_draft_timer(self) -> QTimer:
        """The single-shot timer whose timeout writes the draft; stopped when the form closes."""
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(self.DRAFT_DELAY_MS)
        timer.timeout.connect(self.save_draft)
        self.finished.connect(lambda _code: timer.stop())
        return timer

    def _show_restored(self, draft: drafts.Draft) -> None:
        self.draft_label.setText(
            QCoreApplication.translate(
                "DraftedMediationDialog", "Restored the unsaved text from %1."
            ).replace("%1", f"{draft.saved_at:%Y-%m-%d %H:%M}")
        )

    def save_draft(self) -> None:
        """Write what is typed to the draft file (on the worker)."""
        if not self.has_typed():
            return
        ctx, values, draft_id, form = (
            self.context,
            self.draft_values(),
            self.draft_id,
            self.DRAFT_FORM,
        )
        title = f"{self.windowTitle()} {self.mediation.number if self.mediation else ''}"
        self._draft_written = True
        ctx.runner.run(
            lambda: drafts.save_draft(
                data_dir=ctx.data_dir,
                draft_id=draft_id,
                form=form,
                username=ctx.actor.username,
                values=values,
                title=title,
            ),
            parent=self,
            success=lambda _d: self.draft_label.setText(
                QCoreApplication.translate("DraftedMediationDialog", "Draft saved at %1").replace(
                    "%1", f"{datetime.now():%H:%M:%S}"
                )
            ),
            label=self.DRAFT_TASK,
        )

    def _discard_draft(self) -> None:
        self._draft_timer.stop()
        if not self._draft_written:
            return
        data_dir, draft_id = self.context.data_dir, self.draft_id
        self.context.runner.run(
            lambda: drafts.discard_draft(data_dir=data_dir, draft_id=draft_id),
            parent=None,
            label=f"discard {self.DRAFT_TASK}",
        )

    def _saved(self, value: Any) -> None:
        self._discard_draft()
        super()._saved(value)

    def reject(self) -> None:  # Qt override
        super().reject()
        if not self.isVisible():  # closed (not "keep editing"): the typed text is dropped
            self._discard_draft()
