"""A page for an area that is not built yet: says so plainly and what will be there."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderPage(QWidget):
    """Title, a "coming soon" line and the list of what the area will offer."""

    def __init__(self, *, title: str, coming: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("placeholderPage")
        heading = QLabel(title)
        heading.setObjectName("pageTitle")
        badge = QLabel(self.tr("Coming soon"))
        badge.setObjectName("comingSoon")
        intro = QLabel(self.tr("This area is not built yet. It will let you:"))
        self.items_label = QLabel("\n".join(f"•  {item}" for item in coming))
        self.items_label.setObjectName("comingList")
        self.items_label.setWordWrap(True)
        self.items_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(badge, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(intro)
        layout.addWidget(self.items_label)
        layout.addStretch(1)
