"""接待: the counter's start page: take a new request, or continue an unfinished one."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station.services.drafts import Draft

DRAFT_ROLE = Qt.ItemDataRole.UserRole


class ReceptionPage(QWidget):
    sig_new_request = Signal()
    sig_continue_draft = Signal(object)  # Draft

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("receptionPage")
        heading = QLabel(self.tr("Reception"))
        heading.setObjectName("pageTitle")
        self.new_button = QPushButton(self.tr("New request  (Ctrl+N)"))
        self.new_button.setObjectName("bigButton")
        self.new_button.setMinimumHeight(56)
        self.new_button.clicked.connect(self.sig_new_request)
        steps = QLabel(
            "\n".join(
                [
                    self.tr("1. Find the resident: name, pinyin initials, phone or ID number"),
                    self.tr("2. Choose the category and the grid, write the request"),
                    self.tr("3. Settle it at the desk, or save it and hand over the receipt"),
                ]
            )
        )
        steps.setObjectName("comingList")
        drafts_title = QLabel(self.tr("Unfinished requests"))
        drafts_title.setObjectName("sectionTitle")
        self.drafts_list = QListWidget()
        self.drafts_list.setObjectName("draftsList")
        self.drafts_list.itemActivated.connect(
            lambda item: self.sig_continue_draft.emit(item.data(DRAFT_ROLE))
        )
        self.no_drafts = QLabel(self.tr("None: every request was saved."))
        self.no_drafts.setObjectName("hint")

        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(14)
        layout.addWidget(heading)
        layout.addLayout(row)
        layout.addWidget(steps)
        layout.addSpacing(12)
        layout.addWidget(drafts_title)
        layout.addWidget(self.no_drafts)
        layout.addWidget(self.drafts_list)
        layout.addStretch(1)
        self.drafts_list.setMaximumHeight(180)

    def show_drafts(self, drafts: Sequence[Draft]) -> None:
        self.drafts_list.clear()
        for draft in drafts:
            title = draft.title or self.tr("(no summary yet)")
            item = QListWidgetItem(f"{draft.saved_at:%Y-%m-%d %H:%M}　{title}")
            item.setData(DRAFT_ROLE, draft)
            self.drafts_list.addItem(item)
        self.no_drafts.setVisible(not drafts)
        self.drafts_list.setVisible(bool(drafts))
