"""Offered at start when forms were left unfinished (a crash, a power cut): continue them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
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


class DraftRecoveryDialog(QDialog):
    """The unfinished requests, newest first: Continue, Discard, or decide later."""

    sig_continue = Signal(object)  # the Draft to reopen
    sig_discard = Signal(object)  # the Draft to delete

    def __init__(self, *, drafts: Sequence[Draft], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draftRecoveryDialog")
        self.setWindowTitle(self.tr("Unfinished requests"))
        intro = QLabel(
            self.tr(
                "These requests were being typed when the program closed unexpectedly. "
                "Nothing of them has been saved as a work order yet."
            )
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        for draft in drafts:
            title = draft.title or self.tr("(no summary yet)")
            item = QListWidgetItem(f"{draft.saved_at:%Y-%m-%d %H:%M}　{title}")
            item.setData(DRAFT_ROLE, draft)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.continue_selected())
        self.continue_button = QPushButton(self.tr("Continue"))
        self.continue_button.setDefault(True)
        self.discard_button = QPushButton(self.tr("Discard"))
        self.later_button = QPushButton(self.tr("Later"))
        self.continue_button.clicked.connect(self.continue_selected)
        self.discard_button.clicked.connect(self.discard_selected)
        self.later_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        buttons.addWidget(self.continue_button)
        buttons.addWidget(self.later_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.setMinimumSize(520, 300)
        self.list.setFocus()

    def selected(self) -> Draft | None:
        item = self.list.currentItem()
        return item.data(DRAFT_ROLE) if item is not None else None

    def continue_selected(self) -> None:
        draft = self.selected()
        if draft is None:
            return
        self.list.takeItem(self.list.currentRow())
        self.sig_continue.emit(draft)
        self._close_if_done()

    def discard_selected(self) -> None:
        draft = self.selected()
        if draft is None:
            return
        self.list.takeItem(self.list.currentRow())
        self.sig_discard.emit(draft)
        self._close_if_done()

    def _close_if_done(self) -> None:
        if self.list.count() == 0:
            self.accept()
