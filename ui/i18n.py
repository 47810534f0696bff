"""Translations of the Qt text: English source strings, Simplified Chinese by default.

The ``.ts`` file in ``resources/i18n/`` is the source (kept in the repository, updated with
``pyside6-lupdate``); the ``.qm`` Qt loads is a build product made from it here by
``pyside6-lrelease`` whenever it is missing or older than the ``.ts``.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from station.resources import resource_path

log = logging.getLogger(__name__)

DEFAULT_LOCALE = "zh_CN"
SOURCE_LOCALE = "en"  # the language of the source strings in tr()
CATALOG = "grid_station"


def ts_path(locale: str = DEFAULT_LOCALE) -> Path:
    return resource_path("i18n", f"{CATALOG}_{locale}.ts")


def qm_path(locale: str = DEFAULT_LOCALE) -> Path:
    return resource_path("i18n", f"{CATALOG}_{locale}.qm")


def _lrelease() -> str | None:
    """The ``lrelease`` that ships with PySide6: the venv's wrapper, else the package's binary."""
    candidates = [Path(sys.executable).with_name("pyside6-lrelease")]
    try:
        import PySide6

        package_dir = Path(PySide6.__file__).parent
        candidates += [package_dir / "lrelease", package_dir / "lrelease.exe"]
    except ImportError:  # pragma: no cover - PySide6 is a hard dependency
        pass
    for candidate in candidates:
        if candidate.is_file():
            return str(candidate)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def compile_translations(*, locales: tuple[str, ...] = (DEFAULT_LOCALE,)) -> list[Path]:
    """Make each ``.qm`` from its ``.ts`` when missing or stale; returns the files written.

    A fresh ``.qm`` costs two ``stat`` calls. In a frozen bundle the ``.qm`` ships ready-made
    and nothing is compiled. Failure to compile is logged, not raised: the app still runs,
    in English, which beats not starting at a village counter.
    """
    written: list[Path] = []
    if getattr(sys, "frozen", False):
        return written
    for locale in locales:
        source, target = ts_path(locale), qm_path(locale)
        if not source.exists():
            continue
        if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
            continue
        tool = _lrelease()
        if tool is None:
            log.warning("pyside6-lrelease not found; %s not compiled", source.name)
            continue
        result = subprocess.run(
            [tool, "-silent", str(source), "-qm", str(target)],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0 or not target.exists():
            log.warning("lrelease failed for %s: %s", source.name, result.stderr.strip())
            continue
        written.append(target)
    return written


def install_translator(app: QCoreApplication, locale: str = DEFAULT_LOCALE) -> bool:
    """Install our catalog and Qt's own (button texts like "Cancel") for ``locale``.

    Returns False when our catalog could not be loaded (the UI then shows English).
    The translators are parented to ``app`` so they live as long as it does; those of an
    earlier call are removed first, so the language can be changed (widgets created
    before keep their text). English is the source language: it needs no catalog.
    """
    for earlier in app.findChildren(QTranslator):
        app.removeTranslator(earlier)
        earlier.deleteLater()
    QLocale.setDefault(QLocale(locale))
    if locale == SOURCE_LOCALE:
        return True
    qt_translator = QTranslator(app)
    if qt_translator.load(
        QLocale(locale), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt_translator)
    ours = QTranslator(app)
    if not ours.load(str(qm_path(locale))):
        log.warning("translation %s not loaded", qm_path(locale))
        return False
    app.installTranslator(ours)
    return True
