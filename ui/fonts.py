"""The fonts shipped in ``resources/fonts``: Chinese must render on a PC with no CJK fonts.

WenQuanYi Micro Hei is the UI font; AR PL UMing CN covers rare characters (uncommon names,
place names) that the UI font lacks. Both are registered with Qt at start-up and set as the
application font's family list, so Qt falls back from one to the other per character.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from station.resources import resource_path

log = logging.getLogger(__name__)

UI_FONT_FILE = "WenQuanYiMicroHei.ttf"
FALLBACK_FONT_FILE = "ARPLUMingCN.ttf"
UI_POINT_SIZE = 10


def register_fonts() -> list[str]:
    """Register the shipped fonts; returns their family names, UI font first.

    A missing or broken font file is logged and skipped (system fonts then apply).
    """
    families: list[str] = []
    for name in (UI_FONT_FILE, FALLBACK_FONT_FILE):
        path = resource_path("fonts", name)
        font_id = QFontDatabase.addApplicationFont(str(path)) if path.exists() else -1
        if font_id < 0:
            log.warning("font %s could not be registered", path)
            continue
        families += QFontDatabase.applicationFontFamilies(font_id)
    return families


def apply_app_font(app: QApplication, families: list[str]) -> QFont:
    """Make ``families`` (then the platform's sans-serif) the font of every widget."""
    font = QFont(app.font())
    if families:
        font.setFamilies([*families, *font.families()])
    font.setPointSize(UI_POINT_SIZE)
    app.setFont(font)
    return font
