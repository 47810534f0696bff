"""What the intake form shows once a request is saved: the number, large enough to read out."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class CaseSavedPanel(QWidget):
    """Big case number, a line about what happened, and the next steps as buttons."""

    sig_print = Signal()
    sig_open = Signal()
    sig_another = Signal()
    sig_close = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseSavedPanel")
        self.title_label = QLabel()
        self.title_label.setObjectName("savedTitle")
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.number_label = QLabel()
        self.number_label.setObjectName("savedNumber")
        self.number_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_label = QLabel()
        self.detail_label.setObjectName("savedDetail")
        self.detail_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail_label.setWordWrap(True)

        self.print_button = QPushButton(self.tr("Print receipt (Ctrl+P)"))
        self.open_button = QPushButton(self.tr("Open work order (Ctrl+O)"))
        self.another_button = QPushButton(self.tr("Next request (Ctrl+N)"))
        self.close_button = QPushButton(self.tr("Close (Esc)"))
        self.print_button.clicked.connect(self.sig_print)
        self.open_button.clicked.connect(self.sig_open)
        self.another_button.clicked.connect(self.sig_another)
        self.close_button.clicked.connect(self.sig_close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.print_button, self.open_button, self.another_button, self.close_button):
            button.setMinimumHeight(36)
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(16)
        layout.addStretch(2)
        layout.addWidget(self.title_label)
        layout.addWidget(self.number_label)
        layout.addWidget(self.detail_label)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addStretch(3)

    def show_case(self, *, title: str, number: str, detail: str, can_print: bool) -> None:
        self.title_label.setText(title)
        self.number_label.setText(number)
        self.detail_label.setText(detail)
        self.print_button.setEnabled(can_print)
        self.print_button.setToolTip(
            "" if can_print else self.tr("Printing is not available in this version.")
        )
