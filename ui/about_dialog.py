"""关于网格驿站: version, where the data is, and the licences of what ships with the app.

The fonts' licences are read from ``resources/fonts/LICENSE-*.txt`` (shipped in the
bundle beside the fonts), so what the dialog shows is what is distributed.
"""

from __future__ import annotations

import platform
from dataclasses import dataclass
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from station import __version__
from station.resources import resource_path


@dataclass(frozen=True)
class Component:
    name: str
    licence: str
    text_file: str = ""  # under resources/fonts: the full licence, shown as is
    note: str = ""


COMPONENTS = (
    Component(
        "网格驿站 Grid Station",
        "Apache-2.0",
        note="Licensed under the Apache License, Version 2.0: "
        "https://www.apache.org/licenses/LICENSE-2.0",
    ),
    Component(
        "文泉驿微米黑 WenQuanYi Micro Hei",
        "Apache-2.0 or GPL-3.0+ with font exception",
        text_file="LICENSE-WenQuanYiMicroHei.txt",
    ),
    Component(
        "文鼎PL明体 AR PL UMing CN",
        "Arphic Public License",
        text_file="LICENSE-ARPLUMing.txt",
    ),
    Component(
        "Qt 6 / PySide6",
        "LGPL-3.0",
        note="Qt and Qt for Python (PySide6) are used under the GNU Lesser General Public "
        "License v3 (https://www.gnu.org/licenses/lgpl-3.0.html). They are shipped as "
        "separate libraries in the program folder and may be replaced by compatible "
        "builds. Source code: https://code.qt.io",
    ),
    Component("Python", "PSF-2.0", note="https://docs.python.org/3/license.html"),
    Component("SQLAlchemy, Alembic", "MIT"),
    Component("ReportLab", "BSD-3-Clause"),
    Component("Pillow", "MIT-CMU"),
    Component("python-stdnum", "LGPL-2.1+"),
    Component("pypinyin, chinesecalendar, cn2an, proces", "MIT"),
    Component("argon2-cffi, pydantic, platformdirs, uuid6", "MIT"),
    Component("FastAPI, Starlette", "MIT"),
    Component("httpx, uvicorn", "BSD-3-Clause"),
)


def licence_text(component: Component) -> str:
    """The full licence text for fonts, otherwise the name of the licence and a note."""
    if component.text_file:
        path = resource_path("fonts", component.text_file)
        try:
            return path.read_text(encoding="utf-8")
        except OSError:
            return f"{component.licence}\n\n({path} is missing)"
    return f"{component.name}\n{component.licence}\n\n{component.note}".rstrip()


class AboutDialog(QDialog):
    """Two tabs: 关于 (version, folders, versions of Qt and Python) and 许可证."""

    def __init__(
        self, *, data_dir: Path, backup_dir: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Grid Station"))
        self.data_dir = Path(data_dir)

        tabs = QTabWidget()
        tabs.addTab(self._about_tab(backup_dir), self.tr("About"))
        tabs.addTab(self._licences_tab(), self.tr("Licences"))
        self.tabs = tabs

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        self.resize(760, 540)

    def _about_tab(self, backup_dir: str) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        header = QHBoxLayout()
        icon = QLabel()
        icon.setPixmap(QIcon(str(resource_path("icons", "grid-station.svg"))).pixmap(64, 64))
        header.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        title = QLabel(self.tr("Grid Station"))
        title.setObjectName("aboutTitle")
        self.version_label = QLabel(self.tr("Version %1").replace("%1", __version__))
        blurb = QLabel(
            self.tr(
                "Reception, work orders and people's mediation for the grid stations of a "
                "town: offline first, synchronised with the town server."
            )
        )
        blurb.setWordWrap(True)
        text = QVBoxLayout()
        for widget in (title, self.version_label, blurb):
            text.addWidget(widget)
        header.addLayout(text, 1)
        layout.addLayout(header)

        form = QFormLayout()
        self.data_dir_label = self._path_label(str(self.data_dir))
        open_button = QPushButton(self.tr("Open folder"))
        open_button.setObjectName("openDataFolder")
        open_button.clicked.connect(self.open_data_folder)
        row = QHBoxLayout()
        row.addWidget(self.data_dir_label, 1)
        row.addWidget(open_button)
        form.addRow(self.tr("Data folder"), row)
        backups = backup_dir or str(self.data_dir / "backups")
        form.addRow(self.tr("Backup folder"), self._path_label(backups))
        form.addRow(self.tr("Qt"), QLabel(f"Qt {qVersion()} · PySide6 {PySide6.__version__}"))
        form.addRow(self.tr("Python"), QLabel(f"{platform.python_version()} ({platform.system()})"))
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addStretch(1)
        return tab

    def _path_label(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _licences_tab(self) -> QWidget:
        tab = QWidget()
        layout = QHBoxLayout(tab)
        self.component_list = QListWidget()
        self.component_list.setObjectName("licenceList")
        for component in COMPONENTS:
            self.component_list.addItem(f"{component.name}\n{component.licence}")
        self.component_list.setFixedWidth(300)
        self.component_list.setWordWrap(True)
        self.component_list.setSpacing(3)
        self.component_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.licence_view = QPlainTextEdit()
        self.licence_view.setObjectName("licenceText")
        self.licence_view.setReadOnly(True)
        self.component_list.currentRowChanged.connect(self._show_licence)
        layout.addWidget(self.component_list)
        layout.addWidget(self.licence_view, 1)
        self.component_list.setCurrentRow(0)
        return tab

    def _show_licence(self, row: int) -> None:
        if 0 <= row < len(COMPONENTS):
            self.licence_view.setPlainText(licence_text(COMPONENTS[row]))

    def open_data_folder(self) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_dir)))
