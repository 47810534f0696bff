"""关于, the user guide (F1), the interface language, and dates as people in China write them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from station import __version__
from station.settings import load_settings
from ui.about_dialog import COMPONENTS, AboutDialog
from ui.context import AppContext
from ui.formatting import (
    format_date,
    format_datetime,
    format_table_datetime,
    now_shanghai,
    to_shanghai,
)
from ui.help_dialog import HelpDialog, guide_path
from ui.i18n import install_translator
from ui.main_window import MainWindow


@pytest.fixture
def english(qapp: QApplication):  # type: ignore[no-untyped-def]
    """The English interface for one test, then Chinese again for the others."""
    install_translator(qapp, "en")
    try:
        yield
    finally:
        install_translator(qapp, "zh_CN")


@pytest.fixture
def window(qtbot, demo_context: AppContext) -> MainWindow:
    main = MainWindow(context=demo_context)
    qtbot.addWidget(main)
    return main


# ------------------------------------------------------------------------------ about


def test_about_shows_version_folders_and_the_fonts_licences(qtbot, tmp_path: Path) -> None:
    dialog = AboutDialog(data_dir=tmp_path / "数据", backup_dir="D:\\备份")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "关于网格驿站"
    assert dialog.version_label.text() == f"版本 {__version__}"
    assert dialog.data_dir_label.text() == str(tmp_path / "数据")
    texts = []
    for row, component in enumerate(COMPONENTS):
        dialog.component_list.setCurrentRow(row)
        texts.append((component.name, dialog.licence_view.toPlainText()))
    by_name = dict(texts)
    assert "WenQuanYi" in by_name["文泉驿微米黑 WenQuanYi Micro Hei"]
    assert "Font exception" in by_name["文泉驿微米黑 WenQuanYi Micro Hei"]
    assert "ARPHIC PUBLIC LICENSE" in by_name["文鼎PL明体 AR PL UMing CN"].upper()
    assert "LGPL" in by_name["Qt 6 / PySide6"] or "Lesser" in by_name["Qt 6 / PySide6"]


# ------------------------------------------------------------------------------ help


def test_the_guide_is_chinese_and_complete(qtbot) -> None:
    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    assert dialog.windowTitle() == "网格驿站使用指南"
    for heading in ("群众点单", "诉求点将", "结果点评", "人民调解", "个人信息保护", "常用快捷键"):
        assert heading in text
    assert "grid-station --self-test" in text


def test_an_english_interface_falls_back_to_the_chinese_guide() -> None:
    assert guide_path(QLocale("en_US")).name == "guide_zh_CN.html"
    assert guide_path(QLocale("zh_CN")).exists()


def test_main_window_has_help_menu_with_f1(qtbot, window: MainWindow) -> None:
    menu = window.help_menu
    assert window.menuBar().actions()[-1].text() == "帮助(&H)"
    assert menu.guide_action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    assert menu.guide_action in window.actions()  # F1 works with the menu closed
    menu.guide_action.trigger()
    guide = menu.show_guide()
    assert isinstance(guide, HelpDialog) and guide.isVisible()
    guide.close()
    assert [a.text() for a in menu.language_menu.actions()] == ["简体中文", "English"]
    assert menu.language_actions["zh_CN"].isChecked()


def test_today_is_in_the_status_bar(window: MainWindow) -> None:
    assert window.today_label.text() == format_date(now_shanghai().date(), weekday=True)


def test_choosing_english_is_stored_for_the_next_start(
    qtbot, window: MainWindow, demo_context: AppContext
) -> None:
    runner = demo_context.runner
    window.help_menu.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    with demo_context.database.read() as session:
        assert load_settings(session).language == "en"


def test_the_english_interface_replaces_the_chinese_one(english) -> None:  # type: ignore[no-untyped-def]
    assert QCoreApplication.translate("MainWindow", "Work orders") == "Work orders"
    assert format_date(date(2026, 11, 27), weekday=True) == "Fri 27 Nov 2026"


# ------------------------------------------------------------------------------ dates


def test_dates_in_chinese_conventions() -> None:
    assert format_date(date(2026, 11, 27)) == "2026年11月27日"
    assert format_date(date(2026, 3, 5), weekday=True) == "2026年3月5日 星期四"
    assert format_datetime(datetime(2026, 11, 27, 9, 5)) == "2026年11月27日 09:05"
    assert format_table_datetime(datetime(2026, 11, 27, 9, 5)) == "2026-11-27 09:05"
    assert format_date(None) == "" and format_datetime(None) == ""


def test_times_are_beijing_time() -> None:
    utc = datetime(2026, 11, 27, 17, 30, tzinfo=UTC)
    assert to_shanghai(utc) == datetime(2026, 11, 28, 1, 30)  # past midnight in China
    assert format_date(utc, weekday=True) == "2026年11月28日 星期六"
    local = datetime(2026, 11, 27, 9, 0)
    assert to_shanghai(local) is local  # stored station times are already local
    assert abs(
        now_shanghai() - datetime.now(timezone(timedelta(hours=8))).replace(tzinfo=None)
    ) < timedelta(seconds=5)


def test_the_raster_icons_match_the_svg_sizes() -> None:
    from PySide6.QtGui import QImageReader

    from station.resources import resource_path

    reader = QImageReader(str(resource_path("icons", "app.ico")))
    sizes = set()
    for _ in range(reader.imageCount()):
        sizes.add(reader.read().width())
        reader.jumpToNextImage()
    assert {16, 32, 48, 256} <= sizes
    assert QImageReader(str(resource_path("icons", "app.png"))).size().width() == 256
