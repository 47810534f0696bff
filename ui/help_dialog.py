"""使用指南: the short user guide for receptionists and mediators (F1), in a browser window.

The guide is ``resources/help/guide_<language>.html`` (shipped in the bundle); when the
interface language has none, the Chinese guide is shown. It opens beside the main window
(not modal), so people can read and work at the same time.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from station.resources import resource_path

DEFAULT_GUIDE = "guide_zh_CN.html"


def guide_path(locale: QLocale | None = None) -> Path:
    """The guide in the interface language if there is one, else the Chinese guide."""
    name = (locale or QLocale()).name()  # e.g. zh_CN, en_US
    for candidate in (f"guide_{name}.html", f"guide_{name.split('_')[0]}.html"):
        path = resource_path("help", candidate)
        if path.exists():
            return path
    return resource_path("help", DEFAULT_GUIDE)


class HelpDialog(QDialog):
    """The user guide; links inside it move within it, web links open the browser."""

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(self.tr("Grid Station user guide"))
        self.browser = QTextBrowser()
        self.browser.setObjectName("guide")
        self.browser.setOpenExternalLinks(True)
        path = guide_path()
        self.browser.setSearchPaths([str(path.parent)])
        if path.exists():
            self.browser.setSource(QUrl.fromLocalFile(str(path)))
        else:
            self.browser.setPlainText(
                self.tr("The user guide is missing: %1").replace("%1", str(path))
            )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(820, 640)
