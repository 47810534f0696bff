"""Today's date for the status bar (2026年11月27日 星期五), right after midnight too."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from ui.formatting import format_date, now_shanghai


class TodayLabel(QLabel):
    """Shows today's date in Beijing time; checks once a minute whether the day changed."""

    CHECK_MS = 60_000

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todayLabel")
        self._timer = QTimer(self)
        self._timer.setInterval(self.CHECK_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    def refresh(self) -> None:
        text = format_date(now_shanghai().date(), weekday=True)
        if text != self.text():
            self.setText(text)
