"""The work-order list keeps the column widths it was designed with (and the user's own).

The widths used to be set on the header before the model was attached, when it had no
sections yet, so every column came up at Qt's default width and the case number and the
grid name were cut off. Screenshot: /tmp/gs-shots/cases-page-columns.png.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from station.db.database import Database
from station.services.users import authenticate
from station.settings import load_settings
from ui.context import AppContext
from ui.models.case_table_model import CaseTableModel
from ui.pages.cases_page import COLUMN_WIDTHS, CasesPage
from ui.task_runner import TaskRunner

SHOTS = Path("/tmp/gs-shots")


@pytest.fixture
def page(qtbot, small_db: Database, small_town_file, runner: TaskRunner) -> Iterator[CasesPage]:  # type: ignore[no-untyped-def]
    with small_db.transaction() as s:
        actor = authenticate(
            s, username=small_town_file.username, password=small_town_file.password
        )
        settings = load_settings(s)
    context = AppContext(database=small_db, runner=runner, actor=actor, settings=settings)
    cases_page = CasesPage(context=context)
    qtbot.addWidget(cases_page)
    cases_page.resize(1366, 640)
    cases_page.show()
    yield cases_page
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)


def widths(page: CasesPage) -> dict[int, int]:
    header = page.table.horizontalHeader()
    return {column: header.sectionSize(column) for column in COLUMN_WIDTHS}


def test_columns_have_their_intended_widths(qtbot, page: CasesPage, small_town_file) -> None:  # type: ignore[no-untyped-def]
    assert page.table.horizontalHeader().count() == CaseTableModel.COLUMNS
    assert widths(page) == COLUMN_WIDTHS  # before anything is loaded
    assert page.table.columnWidth(CaseTableModel.NUMBER) == 160
    with qtbot.waitSignal(page.model.sig_loaded, timeout=10_000):
        page.start()
    assert page.model.rowCount() == small_town_file.cases
    assert widths(page) == COLUMN_WIDTHS  # the rows arriving keep them
    # The summary, last, takes the rest of the width.
    header = page.table.horizontalHeader()
    assert header.sectionSize(CaseTableModel.SUMMARY) > 200
    SHOTS.mkdir(parents=True, exist_ok=True)
    for _ in range(3):
        QApplication.processEvents()
    assert page.grab().save(str(SHOTS / "cases-page-columns.png"))


def test_a_new_search_keeps_the_widths_the_user_chose(qtbot, page: CasesPage) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.model.sig_loaded, timeout=10_000):
        page.start()
    total = page.model.rowCount()
    page.table.horizontalHeader().resizeSection(CaseTableModel.GRID, 220)
    with qtbot.waitSignal(page.model.sig_loaded, timeout=10_000):
        page.search_edit.setText("河道")
        page.search_now()
    assert 0 < page.model.rowCount() < total
    assert page.table.columnWidth(CaseTableModel.GRID) == 220
    assert page.table.columnWidth(CaseTableModel.NUMBER) == COLUMN_WIDTHS[CaseTableModel.NUMBER]
