"""Every string the UI shows through Qt's translation system has its Chinese translation.

The strings are extracted afresh from ``ui/`` with ``lupdate`` (so a string added without
running lupdate is caught too) and looked up in the compiled catalog the app loads.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from ui.i18n import compile_translations, qm_path

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"%(?:L?n|\d)")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str
    plural: bool
    where: str


def _lupdate() -> str:
    candidates = [Path(sys.executable).with_name("pyside6-lupdate")]
    import PySide6

    candidates += [Path(PySide6.__file__).parent / name for name in ("lupdate", "lupdate.exe")]
    for candidate in candidates:
        if candidate.is_file():
            return str(candidate)
    found = shutil.which("pyside6-lupdate")
    if found is None:
        pytest.fail("pyside6-lupdate not found (it ships with PySide6)")
    return found


@pytest.fixture(scope="module")
def messages(tmp_path_factory: pytest.TempPathFactory) -> list[Message]:
    fresh = tmp_path_factory.mktemp("lupdate") / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run(
        [_lupdate(), "-silent", "-locations", "absolute", *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    found = []
    for context in ET.parse(fresh).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            location = message.find("location")
            where = (
                f"{Path(location.get('filename', '')).name}:{location.get('line')}"
                if location is not None
                else "?"
            )
            found.append(
                Message(
                    context=name,
                    source=message.findtext("source") or "",
                    comment=message.findtext("comment") or "",
                    plural=message.get("numerus") == "yes",
                    where=where,
                )
            )
    return found


@pytest.fixture(scope="module")
def translator() -> QTranslator:
    compile_translations()  # the .qm as the app would load it, rebuilt if the .ts is newer
    loaded = QTranslator()
    assert loaded.load(str(qm_path())), qm_path()
    return loaded


def test_strings_are_found(messages: list[Message]) -> None:
    contexts = {m.context for m in messages}
    assert {"MainWindow", "LoginDialog", "SetupWizard", "AboutDialog", "HelpMenu"} <= contexts
    assert len(messages) > 100


def test_every_ui_string_has_a_chinese_translation(
    messages: list[Message], translator: QTranslator
) -> None:
    missing = [
        f"{m.where}  [{m.context}] {m.source!r}"
        for m in messages
        if not translator.translate(m.context, m.source, m.comment or None, 1 if m.plural else -1)
    ]
    assert missing == [], (
        "Strings without a zh_CN translation: run pyside6-lupdate (see ui/i18n.py) and "
        "translate them in resources/i18n/grid_station_zh_CN.ts:\n" + "\n".join(missing)
    )


def test_translations_keep_their_placeholders(
    messages: list[Message], translator: QTranslator
) -> None:
    broken = []
    for m in messages:
        for n in (1, 2) if m.plural else (-1,):
            text = translator.translate(m.context, m.source, m.comment or None, n)
            if text and sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(m.source)):
                broken.append(f"{m.where} {m.source!r} -> {text!r}")
    assert broken == []


def test_the_catalog_has_no_unfinished_entries() -> None:
    ts = ET.parse(ROOT / "resources" / "i18n" / "grid_station_zh_CN.ts")
    unfinished = [
        m.findtext("source")
        for m in ts.iter("message")
        if m.find("translation").get("type") in ("unfinished", "obsolete", "vanished")
    ]
    assert unfinished == []
