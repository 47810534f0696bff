"""The main window on a database with demo cases: table, search, empty state, navigation."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt

from ui.context import AppContext
from ui.main_window import CASES, MEDIATION, RECEPTION, SETTINGS, MainWindow
from ui.models.case_table_model import CaseTableModel

HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def window(qtbot, demo_context: AppContext) -> MainWindow:
    main = MainWindow(context=demo_context)
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.cases_page.model.sig_loaded, timeout=20_000):
        main.show()
        main.start()
    qtbot.waitExposed(main)
    qtbot.waitUntil(lambda: not demo_context.runner.busy, timeout=20_000)
    return main


def test_window_shows_demo_cases_in_chinese(window: MainWindow, demo_town_file) -> None:
    model = window.cases_page.model
    assert model.total == demo_town_file.cases
    assert model.rowCount() == min(model.batch_size, demo_town_file.cases)
    assert window.pages.currentWidget() is window.cases_page
    assert window.cases_page.stack.currentWidget() is window.cases_page.table
    first = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert HAN.search(first[CaseTableModel.STATUS])
    assert HAN.search(first[CaseTableModel.SUMMARY])
    header = window.cases_page.table.model().headerData(0, Qt.Orientation.Horizontal)
    assert header == "编号"
    # The view really lays out rows (fixed height, no per-row measuring).
    assert window.cases_page.table.rowAt(0) == 0


def test_status_bar_names_station_user_database_and_count(
    window: MainWindow, demo_context: AppContext, demo_town_file
) -> None:
    assert window.station_label.text() == demo_context.settings.station_name
    assert demo_context.settings.station_name in window.windowTitle()
    actor = demo_context.actor
    assert actor.display_name in window.user_label.text()
    assert "当前用户" in window.user_label.text()
    assert str(demo_context.database.path) in window.path_label.full_text()  # (may be elided)
    assert window.count_label.text() == f"工单总数 {demo_town_file.cases:,} 张"


def test_search_box_narrows_the_list(qtbot, window: MainWindow) -> None:
    page = window.cases_page
    model = page.model
    everything = model.total
    target = model.data(model.index(0, CaseTableModel.NUMBER))
    with qtbot.waitSignal(model.sig_loaded, timeout=10_000) as blocker:
        qtbot.keyClicks(page.search_edit, target)  # debounced: one search after typing
    assert blocker.args[0] == 1 < everything
    assert model.data(model.index(0, CaseTableModel.NUMBER)) == target
    assert page.count_label.text() == "共 1 张"


def test_no_match_shows_an_empty_state(qtbot, window: MainWindow) -> None:
    page = window.cases_page
    with qtbot.waitSignal(page.model.sig_loaded, timeout=10_000):
        page.search_edit.setText("完全不存在的诉求内容")
        page.search_edit.returnPressed.emit()
    assert page.stack.currentWidget() is page.empty_label
    assert "没有符合条件的工单" in page.empty_label.text()
    with qtbot.waitSignal(page.model.sig_loaded, timeout=10_000):
        page.search_edit.clear()
        page.search_edit.returnPressed.emit()
    assert page.stack.currentWidget() is page.table


def test_status_filter(qtbot, window: MainWindow) -> None:
    page = window.cases_page
    model = page.model
    status = model.row_at(0).status
    index = page.status_combo.findData(status)
    with qtbot.waitSignal(model.sig_loaded, timeout=10_000):
        page.status_combo.setCurrentIndex(index)
    assert model.total >= 1
    assert {model.row_at(r).status for r in range(model.rowCount())} == {status}


def test_keyboard_shortcuts_switch_areas(qtbot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentIndex() == MEDIATION
    assert window.nav.currentRow() == MEDIATION
    assert window.pages.currentWidget() is window.mediation_page
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    page = window.pages.currentWidget()
    texts = " ".join(label.text() for label in page.findChildren(type(window.station_label)))
    assert page is window.statistics_page and "统计" in texts
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentIndex() == RECEPTION
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentIndex() == SETTINGS
    window.nav.setCurrentRow(CASES)
    assert window.pages.currentWidget() is window.cases_page
    assert [window.nav.item(i).text() for i in range(5)] == ["接待", "工单", "调解", "统计", "设置"]


def test_scrolling_fetches_more_rows(qtbot, window: MainWindow) -> None:
    model = window.cases_page.model
    batch = max(2, model.total // 4)  # several batches, whatever the demo's size
    model.batch_size = batch
    with qtbot.waitSignal(model.sig_loaded, timeout=10_000):
        window.cases_page.start()
    assert model.rowCount() == batch
    window.cases_page.table.scrollToBottom()  # the view asks for more (fetchMore)
    qtbot.waitUntil(lambda: model.rowCount() > batch, timeout=5_000)
