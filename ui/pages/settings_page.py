"""The 设置 area: one tab per concern (station, sync, accounts, backups …).

Each concern is its own widget in its own module; this page only lays them out, so adding
one is a line in ``MainWindow`` and nothing here changes. A tab that a role may not use is
simply not added (the services refuse the action anyway).
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget


class SettingsPage(QWidget):
    """Title and a tab per settings section; ``add_section`` appends one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsPage")
        heading = QLabel(self.tr("Settings"))
        heading.setObjectName("pageTitle")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        self.empty_label = QLabel(self.tr("Nothing here can be changed with your account."))
        self.empty_label.setObjectName("emptyState")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.tabs, 1)
        self._update_empty()

    def add_section(self, title: str, widget: QWidget) -> None:
        self.tabs.addTab(widget, title)
        self._update_empty()

    def section(self, title: str) -> QWidget | None:
        for index in range(self.tabs.count()):
            if self.tabs.tabText(index) == title:
                return self.tabs.widget(index)
        return None

    def _update_empty(self) -> None:
        has_sections = self.tabs.count() > 0
        self.tabs.setVisible(has_sections)
        self.empty_label.setVisible(not has_sections)
