"""The numbered terms of a mediation agreement (一、二、三、…), each its own text box.

A clause template for the kind of dispute fills in terms with the parties' names, the
deadline and the amount; the mediator then edits them like any text. Keys inside a term:
Tab / Shift+Tab next / previous term, Alt+Up / Alt+Down move the term, Ctrl+Delete removes
it; Alt+N adds a term below the last.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from station.documents.formatting import chinese_ordinal
from station.services.clause_templates import fill_template, list_templates

TERM_HEIGHT = 58


class AgreementTermsEditor(QWidget):
    """Template picker, the list of numbered terms, and "add term"."""

    sig_changed = Signal()  # a term was typed, added, removed or moved
    sig_template_used = Signal(str, str)  # template key, its performance method (filled in)
    sig_submit = Signal()  # Ctrl+Enter in a term: the form around it saves

    def __init__(
        self,
        *,
        dispute_type: str = "",
        template_values: Callable[[], dict[str, Any]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("agreementTermsEditor")
        self._template_values = template_values or dict
        self.edits: list[QPlainTextEdit] = []
        self._rows: list[QWidget] = []

        self.template_combo = QComboBox()
        self.template_combo.setObjectName("clauseTemplate")
        self.template_combo.addItem(self.tr("Clause template…"), "")
        for template in list_templates(dispute_type=dispute_type):
            self.template_combo.addItem(template.title, template.key)
        self.template_combo.setCurrentIndex(1 if dispute_type else 0)
        self.template_button = QPushButton(self.tr("&Insert template"))
        self.template_button.setObjectName("insertTemplate")
        self.template_button.setAutoDefault(False)
        self.template_button.clicked.connect(self.insert_template)
        self.add_button = QPushButton(self.tr("Add term (Alt+N)"))
        self.add_button.setObjectName("addTerm")
        self.add_button.setAutoDefault(False)
        self.add_button.setShortcut(QKeySequence("Alt+N"))
        self.add_button.clicked.connect(lambda: self.add_term("", focus=True))
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.template_combo, 1)
        top.addWidget(self.template_button)
        top.addWidget(self.add_button)

        self.hint = QLabel(self.tr("Tab: next term · Alt+↑/↓: move · Ctrl+Del: remove"))
        self.hint.setObjectName("hint")
        self.list_widget = QWidget()
        self.list_layout = QVBoxLayout(self.list_widget)
        self.list_layout.setContentsMargins(0, 0, 4, 0)
        self.list_layout.setSpacing(4)
        self.list_layout.addStretch(1)
        self.empty_label = QLabel(self.tr("No terms yet: insert a template or add a term."))
        self.empty_label.setObjectName("hint")
        self.list_layout.insertWidget(0, self.empty_label)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.list_widget)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.StyledPanel)
        self.scroll.setMinimumHeight(5 * (TERM_HEIGHT + 4) + 8)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.hint)

    # ----------------------------------------------------------------- value

    def terms(self) -> list[str]:
        """The terms as typed, blank ones left out."""
        return [t for t in (e.toPlainText().strip() for e in self.edits) if t]

    def set_terms(self, terms: list[str] | tuple[str, ...]) -> None:
        while self.edits:
            self.remove_term(0)
        for text in terms:
            self.add_term(text)

    def has_text(self) -> bool:
        return bool(self.terms())

    # ----------------------------------------------------------------- editing

    def add_term(self, text: str = "", *, focus: bool = False) -> QPlainTextEdit:
        edit = QPlainTextEdit(text)
        edit.setObjectName("agreementTerm")
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(TERM_HEIGHT)
        edit.installEventFilter(self)
        edit.textChanged.connect(self.sig_changed)
        number = QLabel()
        number.setObjectName("termNumber")
        number.setMinimumWidth(self.fontMetrics().horizontalAdvance("十二、") + 4)
        number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        remove = QToolButton()
        remove.setText("✕")
        remove.setToolTip(self.tr("Remove this term (Ctrl+Del)"))
        remove.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        remove.clicked.connect(lambda: self.remove_term(self.edits.index(edit)))
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.setSpacing(4)
        row_layout.addWidget(number, 0, Qt.AlignmentFlag.AlignTop)
        row_layout.addWidget(edit, 1)
        row_layout.addWidget(remove, 0, Qt.AlignmentFlag.AlignTop)
        self.edits.append(edit)
        self._rows.append(row)
        self.list_layout.insertWidget(len(self._rows), row)
        self._renumber()
        if focus:
            edit.setFocus()
            self.scroll.ensureWidgetVisible(row)
        self.sig_changed.emit()
        return edit

    def remove_term(self, index: int) -> None:
        if not 0 <= index < len(self.edits):
            return
        self.edits.pop(index)
        row = self._rows.pop(index)
        row.hide()
        row.deleteLater()
        self._renumber()
        if self.edits:
            self.edits[min(index, len(self.edits) - 1)].setFocus()
        self.sig_changed.emit()

    def move_term(self, index: int, step: int) -> None:
        target = index + step
        if not (0 <= index < len(self.edits) and 0 <= target < len(self.edits)):
            return
        texts = [e.toPlainText() for e in self.edits]
        texts[index], texts[target] = texts[target], texts[index]
        for edit, text in zip(self.edits, texts, strict=True):
            edit.blockSignals(True)
            edit.setPlainText(text)
            edit.blockSignals(False)
        self.edits[target].setFocus()
        self.sig_changed.emit()

    def insert_template(self) -> list[str]:
        """Append the chosen template's terms (filled in); returns them."""
        key = self.template_combo.currentData()
        if not key:
            self.template_combo.setFocus()
            self.template_combo.showPopup()
            return []
        terms, method = fill_template(key, **self._template_values())
        # An untouched empty first term is replaced, not kept above the template.
        if len(self.edits) == 1 and not self.edits[0].toPlainText().strip():
            self.remove_term(0)
        for text in terms:
            self.add_term(text)
        if self.edits:
            self.edits[len(self.edits) - len(terms)].setFocus()
        self.sig_template_used.emit(key, method)
        return terms

    def _renumber(self) -> None:
        for n, row in enumerate(self._rows):
            label = row.findChild(QLabel, "termNumber")
            if label is not None:
                label.setText(f"{chinese_ordinal(n + 1)}、")
        self.empty_label.setVisible(not self._rows)

    # ----------------------------------------------------------------- keys

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched in self.edits and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            index = self.edits.index(watched)  # type: ignore[arg-type]
            mods = event.modifiers()
            if mods & Qt.KeyboardModifier.AltModifier and event.key() in (
                Qt.Key.Key_Up,
                Qt.Key.Key_Down,
            ):
                self.move_term(index, -1 if event.key() == Qt.Key.Key_Up else 1)
                return True
            if mods & Qt.KeyboardModifier.AltModifier and event.key() == Qt.Key.Key_N:
                self.add_term("", focus=True)  # the button's shortcut, reached from a term
                return True
            if mods & Qt.KeyboardModifier.ControlModifier and event.key() == Qt.Key.Key_Delete:
                self.remove_term(index)
                return True
            if mods & Qt.KeyboardModifier.ControlModifier and event.key() in (
                Qt.Key.Key_Return,
                Qt.Key.Key_Enter,
            ):
                self.sig_submit.emit()
                return True
        return super().eventFilter(watched, event)
