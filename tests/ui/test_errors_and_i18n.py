"""Errors reach people through one box; every Qt text has its Chinese translation."""

from __future__ import annotations

import os
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from station.errors import GridStationError, ValidationError
from ui.errors import show_exception
from ui.i18n import compile_translations, qm_path, ts_path


def test_our_errors_are_shown_plainly(message_boxes) -> None:
    show_exception(None, ValidationError("请填写姓名", field="name"))
    (box,) = message_boxes
    assert box.text == "请填写姓名"
    assert box.icon == QMessageBox.Icon.Warning
    assert box.details == ""


def test_unexpected_errors_get_copyable_details(message_boxes) -> None:
    try:
        {}["missing"]
    except KeyError as exc:
        show_exception(None, exc)
    (box,) = message_boxes
    assert box.icon == QMessageBox.Icon.Critical
    assert box.text == "程序遇到了意外错误。"
    assert "KeyError: 'missing'" in box.details
    assert "Traceback" in box.details


def test_base_error_without_field() -> None:
    exc = GridStationError("数据库已损坏")
    assert exc.field is None


def test_translation_catalog_is_complete() -> None:
    tree = ET.parse(ts_path())
    assert tree.getroot().get("language") == "zh_CN"
    unfinished = [
        m.findtext("source")
        for m in tree.iter("message")
        if m.find("translation").get("type") in ("unfinished", "obsolete", "vanished")
        or not "".join(m.find("translation").itertext()).strip()
    ]
    assert unfinished == []


def test_qm_is_rebuilt_only_when_stale(tmp_path: Path) -> None:
    compile_translations()
    assert qm_path().exists()
    assert compile_translations() == []  # fresh: nothing to do
    old = time.time() - 3600
    os.utime(qm_path(), (old, old))
    assert compile_translations() == [qm_path()]


def test_translator_is_installed_for_the_app() -> None:
    assert QCoreApplication.translate("MainWindow", "Work orders") == "工单"
    assert QCoreApplication.translate("PlaceholderPage", "Coming soon") == "即将推出"


def test_shipped_fonts_are_the_app_font(qapp: QApplication) -> None:
    families = qapp.font().families()
    assert families[:2] == ["WenQuanYi Micro Hei", "AR PL UMing CN"]
    han = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    assert "WenQuanYi Micro Hei" in han


def test_python_emits_cannot_exhaust_true() -> None:
    """PySide6 6.12.0 drops a reference to True per emit() and aborts Python 3.11.

    pyproject.toml excludes that release; this fails if such a build is installed anyway.
    """

    class Probe(QObject):
        sig_ping = Signal()

    probe = Probe()
    before = sys.getrefcount(True)
    for _ in range(1000):
        probe.sig_ping.emit()
    leaked = before - sys.getrefcount(True)
    assert leaked <= 0
