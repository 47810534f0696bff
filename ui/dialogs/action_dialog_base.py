"""What every small work-order dialog shares: a form, inline errors, save on the worker.

Subclasses build their fields into :attr:`form`, register them with :attr:`errors` and
implement :meth:`make_op` (the mutating service call). Saving runs through
:meth:`AppContext.mutate`, so the app-wide change signal fires and every view refreshes;
a :class:`ValidationError` lands next to its field and the dialog stays open with
everything typed. Ctrl+Enter saves from anywhere, Enter in a one-line field saves too;
Esc asks before throwing typed text away.

Texts here use ``QCoreApplication.translate("ActionDialogBase", …)``: PySide's ``self.tr``
would look them up under the subclass's name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station.services.cases import CaseDetail
from ui.ask import confirm
from ui.context import AppContext
from ui.errors import show_exception
from ui.task_runner import DbSession
from ui.widgets.form_errors import FormErrors, field_box


class ActionDialogBase(QDialog):
    """Title line, a form, Save/Cancel; see the module docstring."""

    sig_done = Signal(object)  # the service's value (usually the CaseDetail) after saving

    def __init__(
        self,
        *,
        context: AppContext,
        case: CaseDetail,
        title: str,
        intro: str = "",
        save_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.case = case
        self.result_value: Any = None
        self.errors = FormErrors()
        self._saving = False
        self.setWindowTitle(title)
        heading = QLabel(f"{title}　{case.number}")
        heading.setObjectName("dialogTitle")
        self.intro_label = QLabel(intro or case.summary)
        self.intro_label.setObjectName("hint")
        self.intro_label.setWordWrap(True)
        self.form = QFormLayout()
        self.form.setVerticalSpacing(6)
        self.status_label = QLabel()
        self.status_label.setObjectName("fieldError")
        self.status_label.setWordWrap(True)
        self.status_label.hide()
        self.save_button = QPushButton(
            save_text or QCoreApplication.translate("ActionDialogBase", "Save")
        )
        self.save_button.setObjectName("primaryButton")
        self.cancel_button = QPushButton(QCoreApplication.translate("ActionDialogBase", "Cancel"))
        for button in (self.save_button, self.cancel_button):
            button.setAutoDefault(False)
            button.setMinimumHeight(30)
        self.save_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(
            QLabel(QCoreApplication.translate("ActionDialogBase", "Ctrl+Enter saves")), 1
        )
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 12)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(self.intro_label)
        layout.addLayout(self.form)
        layout.addWidget(self.status_label)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setMinimumWidth(520)

    # ----------------------------------------------------------------- building helpers

    def add_field(self, label: str, field: str, widget: QWidget, *extra: QWidget) -> QWidget:
        """A form row: ``widget`` (and hints) with ``field``'s error line under it."""
        self.form.addRow(label, field_box(widget, *extra, self.errors.add(field, widget)))
        if isinstance(widget, QPlainTextEdit):
            widget.setTabChangesFocus(True)
            widget.installEventFilter(self)
        return widget

    # ----------------------------------------------------------------- subclass hooks

    def make_op(self) -> Callable[[DbSession], Any] | None:
        """The mutating op to run, or None after showing what is missing."""
        raise NotImplementedError

    def has_typed(self) -> bool:
        """Whether closing would lose typed text (subclasses say what counts)."""
        return False

    # ----------------------------------------------------------------- saving

    def submit(self) -> None:
        if self._saving:
            return
        self.errors.clear_all()
        self.status_label.hide()
        op = self.make_op()
        if op is None:
            return
        self._saving = True
        self.save_button.setEnabled(False)
        self.context.mutate(
            op, parent=self, success=self._saved, failure=self._failed, label=self.windowTitle()
        )

    def _saved(self, value: Any) -> None:
        self._saving = False
        self.result_value = value
        self.sig_done.emit(value)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        widget = self.errors.show_error(exc)
        if widget is not None:
            widget.setFocus()
            return
        from station.errors import GridStationError

        if isinstance(exc, GridStationError):
            # Not about one field (e.g. the case changed meanwhile): say it in the dialog.
            self.status_label.setText(exc.message)
            self.status_label.show()
        else:
            show_exception(self, exc)

    # ----------------------------------------------------------------- keys and closing

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Long text: Enter is a new line, Ctrl+Enter saves.
        if isinstance(watched, QPlainTextEdit) and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
                event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                self.submit()
                return True
        return super().eventFilter(watched, event)

    def reject(self) -> None:  # Qt override
        if self._saving:
            return
        if self.has_typed() and not confirm(
            self,
            text=QCoreApplication.translate("ActionDialogBase", "Close without saving?"),
            informative=QCoreApplication.translate(
                "ActionDialogBase", "What you typed will be lost."
            ),
            confirm_text=QCoreApplication.translate("ActionDialogBase", "Discard"),
            cancel_text=QCoreApplication.translate("ActionDialogBase", "Keep editing"),
        ):
            return
        super().reject()
