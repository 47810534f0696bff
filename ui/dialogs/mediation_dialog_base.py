"""What every mediation dialog shares with the work-order dialogs: form, inline errors, save
on the worker, Ctrl+Enter, Esc asks before discarding (see :class:`ActionDialogBase`).

:class:`ActionDialogBase` reads only ``number`` and ``summary`` of the record it is about,
so a mediation case (or, for a new case, nothing yet) is handed to it as that heading.
"""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QWidget

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
