"""Inline validation: each field's message in a red line right under the field.

The form keeps everything typed; fixing a field clears its message. Messages are the
Chinese ``message`` of the core's :class:`~station.errors.ValidationError`, matched to the
field by its ``field`` name.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLayout, QSizePolicy, QVBoxLayout, QWidget

from station.errors import FormInvalid, GridStationError
from ui.errors import show_exception


def error_label(parent: QWidget | None = None) -> QLabel:
    """The red message line shown under a field (hidden while the field is fine)."""
    label = QLabel(parent)
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.hide()
    return label


def _mark(widget: QWidget, invalid: bool) -> None:
    if widget.property("invalid") == invalid:
        return
    widget.setProperty("invalid", invalid)
    # Dynamic properties only restyle after a re-polish.
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class FormErrors:
    """Field name -> (input widget, message label) of one form."""

    def __init__(self) -> None:
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}

    def add(self, field: str, widget: QWidget, label: QLabel | None = None) -> QLabel:
        label = label or error_label()
        self._fields[field] = (widget, label)
        return label

    def label(self, field: str) -> QLabel:
        return self._fields[field][1]

    def message(self, field: str) -> str:
        label = self._fields[field][1]
        return label.text() if not label.isHidden() else ""

    def messages(self) -> dict[str, str]:
        """Currently shown messages by field (what tests and screenshots check)."""
        return {f: lbl.text() for f, (_w, lbl) in self._fields.items() if not lbl.isHidden()}

    def show(self, field: str, message: str) -> bool:
        """Show ``message`` under ``field``; False when the form has no such field."""
        if field not in self._fields:
            return False
        widget, label = self._fields[field]
        label.setText(message)
        label.show()
        _mark(widget, True)
        return True

    def clear(self, field: str) -> None:
        if field in self._fields:
            widget, label = self._fields[field]
            label.clear()
            label.hide()
            _mark(widget, False)

    def clear_all(self) -> None:
        for field in self._fields:
            self.clear(field)

    def show_error(self, exc: BaseException) -> QWidget | None:
        """Show every message of ``exc`` next to its field; returns the first field's widget.

        Returns None when no message had a field here (the caller shows the error box).
        """
        if isinstance(exc, FormInvalid):
            problems = list(exc.by_field().items())
        elif isinstance(exc, GridStationError) and exc.field:
            problems = [(exc.field, exc.message)]
        else:
            return None
        first: QWidget | None = None
        for field, message in problems:
            if self.show(field, message) and first is None:
                first = self._fields[field][0]
        return first

    def show_failure(self, exc: BaseException, *, parent: QWidget) -> None:
        """A failed save: our error beside its field (focused), else in the error box."""
        widget = self.show_error(exc) if isinstance(exc, GridStationError) else None
        if widget is None:
            show_exception(parent, exc)
        else:
            widget.setFocus()

    @property
    def has_errors(self) -> bool:
        return any(not lbl.isHidden() for _w, lbl in self._fields.values())


def field_box(*items: QWidget | QLayout) -> QWidget:
    """Widgets (a field, its hint, its error line) stacked tightly as one form row.

    Hidden members take no space, so an error line costs nothing until it is shown.
    """
    box = QWidget()
    # As tall as what it holds: spare room in a form stays below the last row.
    box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(1)
    for item in items:
        if isinstance(item, QLayout):
            layout.addLayout(item)
        else:
            layout.addWidget(item)
    return box
