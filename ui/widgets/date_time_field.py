"""A date-time field that Tab leaves at once (sections are reached with ←/→ instead)."""

from __future__ import annotations

from PySide6.QtWidgets import QDateTimeEdit, QWidget


class DateTimeField(QDateTimeEdit):
    """QDateTimeEdit moves Tab through its own sections (year, month, day, hour, minute);
    in a form filled from the keyboard Tab must move to the next field, as everywhere."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)
