"""The main window's 帮助 menu: the user guide (F1), the interface language, and 关于.

The language is a station setting (:func:`station.services.setup.set_language`), stored in
the database and applied at the next start: widgets already on screen keep their text.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from station.services.setup import LANGUAGES, set_language
from station.settings import StationSettings
from ui.about_dialog import AboutDialog
from ui.context import AppContext
from ui.help_dialog import HelpDialog


class HelpMenu(QMenu):
    """帮助(&H): 使用指南 F1 · 界面语言 ▸ · 关于网格驿站."""

    def __init__(self, *, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._language = context.settings.language
        self._guide: HelpDialog | None = None
        self.setObjectName("helpMenu")
        self.setTitle(self.tr("&Help"))

        self.guide_action = QAction(self.tr("&User guide"), self)
        self.guide_action.setShortcut(QKeySequence.StandardKey.HelpContents)  # F1
        self.guide_action.triggered.connect(self.show_guide)
        self.addAction(self.guide_action)
        if parent is not None:
            parent.addAction(self.guide_action)  # F1 works with the menu closed

        # Both names in their own language: findable by someone who cannot read the other.
        self.language_menu = self.addMenu("界面语言 / Language")
        self.language_menu.setObjectName("languageMenu")
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            action = QAction(name, self, checkable=True)
            action.setChecked(code == self._language)
            action.triggered.connect(lambda _=False, c=code: self.choose_language(c))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action

        self.addSeparator()
        self.about_action = QAction(self.tr("&About Grid Station"), self)
        self.about_action.triggered.connect(self.show_about)
        self.addAction(self.about_action)

    def show_guide(self) -> HelpDialog:
        """Open the guide beside the window (or bring it to the front)."""
        if self._guide is None:
            self._guide = HelpDialog(parent=self.parentWidget())
        self._guide.show()
        self._guide.raise_()
        self._guide.activateWindow()
        return self._guide

    def about_dialog(self) -> AboutDialog:
        return AboutDialog(
            data_dir=self.context.database.path.parent,
            backup_dir=self.context.settings.backup_dir,
            parent=self.parentWidget(),
        )

    def show_about(self) -> None:
        self.about_dialog().exec()

    def choose_language(self, code: str) -> None:
        if code == self._language:
            return
        self.context.runner.mutate(
            lambda session: set_language(session, language=code),
            parent=self,
            success=self._language_saved,
            label="set language",
        )

    def _language_saved(self, settings: StationSettings) -> None:
        self._language = settings.language
        QMessageBox.information(
            self.parentWidget(),
            self.tr("Interface language"),
            self.tr("The interface language changes the next time Grid Station starts."),
        )
