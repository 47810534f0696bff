"""A one-line label that shortens its text in the middle ("/home/…/grid-station.sqlite3")
when space runs out, instead of being cut off at the edge; the whole text is its tooltip."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget


class ElidedLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.set_full_text(text)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def minimumSizeHint(self) -> QSize:  # may shrink to a few characters, not to its text
        return QSize(
            self.fontMetrics().horizontalAdvance("…" * 8), super().minimumSizeHint().height()
        )

    def sizeHint(self) -> QSize:
        return QSize(
            self.fontMetrics().horizontalAdvance(self._full)
            + self.fontMetrics().averageCharWidth()
            + 4,
            super().sizeHint().height(),
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        # Room to spare of about a character: the status bar lays its widgets out a few
        # pixels tighter than their own width, and the last character was clipped.
        width = max(self.contentsRect().width() - self.fontMetrics().averageCharWidth(), 0)
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideMiddle, width))
