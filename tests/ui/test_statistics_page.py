"""The statistics page (统计) driven offscreen on the fixed month of tests/stats_dataset.py:
figure cards equal the service's figures, cards and chart bars open exactly the cases
behind them, reports are written off the GUI thread, viewers get no personal-data exports,
and residents are imported through the mapping, check and confirm steps.
Screenshots: /tmp/gs-shots/statistics-*.png."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate
from sqlalchemy import func, select
from stats_dataset import ADMIN, MEDIATIONS, OCTOBER, build_dataset
from ui_support import app_context, shot

from station.db.models import Person
from station.domain.enums import Role
from station.services import statistics as st
from station.services.events import Actor
from station.settings import load_settings
from ui.context import AppContext
from ui.dialogs.import_residents_dialog import ImportResidentsDialog
from ui.pages.statistics_page import CUSTOM, StatisticsPage

PERIOD = st.Period(*OCTOBER)


@pytest.fixture
def dataset(db):  # type: ignore[no-untyped-def]
    return build_dataset(db)


@pytest.fixture
def admin_context(db, dataset) -> Iterator[AppContext]:  # type: ignore[no-untyped-def]
    yield from app_context(db, ADMIN)


def _october(qtbot, page: StatisticsPage) -> st.Dashboard:  # type: ignore[no-untyped-def]
    page.resize(1366, 900)
    page.show()
    for edit in (page.from_edit, page.to_edit):
        edit.blockSignals(True)
    page.from_edit.setDate(QDate(2026, 10, 1))
    page.to_edit.setDate(QDate(2026, 10, 31))
    for edit in (page.from_edit, page.to_edit):
        edit.blockSignals(False)
    with qtbot.waitSignal(page.sig_loaded, timeout=20_000) as loaded:
        page.period_combo.setCurrentIndex(page.period_combo.findData(CUSTOM))
    board = loaded.args[0]
    assert board.period == PERIOD
    return board


def test_cards_show_the_service_figures_and_open_their_cases(qtbot, db, admin_context) -> None:  # type: ignore[no-untyped-def]
    page = StatisticsPage(context=admin_context)
    qtbot.addWidget(page)
    board = _october(qtbot, page)
    with db.read() as s:
        figures = st.case_figures(s, period=PERIOD, today=board.today)
    assert page.cards["received"].value_label.text() == str(figures.received)
    assert page.cards["satisfaction"].value_label.text() == st.format_rate(
        figures.satisfaction_rate
    )
    assert page.cards["m_taken"].value_label.text() == str(len(MEDIATIONS))
    assert page.category_chart.categories and page.trend_chart.categories[-1] == "26/10"
    assert "2026年10月" in page.status_label.text()  # a whole month is named as one
    shot(page, "statistics-dashboard")

    with qtbot.waitSignal(page.sig_drilled, timeout=20_000) as drilled:
        page.cards["received"].sig_clicked.emit()
    assert drilled.args[0] == figures.received == page.case_model.total
    assert page.showing_list
    shot(page, "statistics-drill-cases")
    with qtbot.waitSignal(page.sig_open_case) as opened:
        page.case_table.doubleClicked.emit(page.case_model.index(0, 0))
    assert opened.args[0] == page.case_model.case_id(0)
    page.show_figures()
    assert not page.showing_list

    with qtbot.waitSignal(page.sig_drilled, timeout=20_000) as drilled:
        page.cards["sign_rate"].sig_clicked.emit()
    assert drilled.args[0] == figures.signed_on_time


def test_chart_bars_open_the_cases_of_their_month_and_category(qtbot, admin_context) -> None:  # type: ignore[no-untyped-def]
    page = StatisticsPage(context=admin_context)
    qtbot.addWidget(page)
    board = _october(qtbot, page)
    with qtbot.waitSignal(page.sig_drilled, timeout=20_000) as drilled:
        page.trend_chart.sig_bar_clicked.emit(len(board.trend) - 2, 0)  # September
    assert drilled.args[0] == board.trend[-2].received == 1
    shown = list(reversed(board.by_category))
    with qtbot.waitSignal(page.sig_drilled, timeout=20_000) as drilled:
        page.category_chart.sig_bar_clicked.emit(0, 0)
    assert drilled.args[0] == shown[0].count
    assert shown[0].label in page.drill_title.text()
    with qtbot.waitSignal(page.sig_drilled, timeout=20_000) as drilled:
        page.cards["m_written"].sig_clicked.emit()
    assert drilled.args[0] == board.mediations.written == page.mediation_table.rowCount()
    shot(page, "statistics-drill-mediations")
    with qtbot.waitSignal(page.sig_drilled, timeout=20_000) as drilled:
        page._mediator_clicked(0, 0)
    assert drilled.args[0] == board.by_mediator[0].figures.taken


def test_reports_are_written_off_the_gui_thread(qtbot, admin_context, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = StatisticsPage(context=admin_context)
    qtbot.addWidget(page)
    board = _october(qtbot, page)
    target = tmp_path / "月报.xlsx"
    with qtbot.waitSignal(page.sig_exported, timeout=30_000):
        page.export_report("xlsx", target=target)
    ws = load_workbook(target)["按类别"]
    totals = [r for r in ws.iter_rows(values_only=True) if r[0] == "合计"]
    assert totals[0][1] == board.cases.received
    ledger = tmp_path / "台账.xlsx"
    with qtbot.waitSignal(page.sig_exported, timeout=30_000):
        page.export_case_ledger(target=ledger)
    assert load_workbook(ledger).active["A1"].value == "工单台账"


def test_viewers_get_no_personal_data_exports(qtbot, db, dataset) -> None:  # type: ignore[no-untyped-def]
    viewer = Actor(username="chakan", role=Role.VIEWER, station_code="TS01")
    for context in app_context(db, viewer):
        page = StatisticsPage(context=context)
        qtbot.addWidget(page)
        assert not page.case_ledger_action.isVisible()
        assert not page.residents_action.isVisible()
        assert not page.mediation_ledger_action.isVisible()
        assert page.import_button.isHidden()
        assert page.report_xlsx_action.isVisible()  # counts only


def test_import_dialog_maps_checks_and_imports(qtbot, db, admin_context, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    roster = tmp_path / "名册.csv"
    roster.write_bytes(
        "户主姓名,手机,所属网格,备注\r\n"
        "郑一,13900000101,东街社区第01网格,\r\n"
        "郑二,13900000102,不存在的网格,\r\n"
        ",13900000103,C1-01,没有姓名\r\n".encode("gbk")
    )
    dialog = ImportResidentsDialog(context=admin_context)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.sig_read, timeout=20_000):
        dialog.load_file(roster)
    assert dialog.combos["name"].currentText() == "户主姓名"
    assert dialog.combos["phone"].currentText() == "手机"
    assert dialog.combos["id_number"].currentData() == -1
    shot(dialog, "statistics-import-mapping")
    with db.read() as s:
        before = s.scalar(select(func.count()).select_from(Person))
    with qtbot.waitSignal(dialog.sig_checked, timeout=20_000) as checked:
        dialog.check_button.click()
    report = checked.args[0]
    assert (report.imported, report.rejected) == (1, 2)
    assert dialog.rows_table.item(0, 1).text() == "未导入"  # rejected rows first
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == before  # not yet
    shot(dialog, "statistics-import-check")
    with qtbot.waitSignal(dialog.sig_imported, timeout=20_000):
        dialog.import_button.click()
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == before + 1
        assert s.scalar(select(Person.grid_id).where(Person.name == "郑一")) == "C1-01"
    assert "已导入1人" in dialog.summary_label.text()


def test_dashboard_of_the_demo_town(qtbot, demo_context: AppContext) -> None:  # type: ignore[no-untyped-def]
    page = StatisticsPage(context=demo_context)
    qtbot.addWidget(page)
    page.resize(1366, 1500)
    with qtbot.waitSignal(page.sig_loaded, timeout=30_000) as loaded:
        page.show()  # the page counts when first shown
        page.period_combo.setCurrentIndex(page.period_combo.findData("year"))
    board = loaded.args[0]
    if board.period != st.Period.year(board.today.year):  # the first load was this month's
        with qtbot.waitSignal(page.sig_loaded, timeout=30_000) as loaded:
            page.refresh()
        board = loaded.args[0]
    assert page.cards["received"].value_label.text() == f"{board.cases.received:,}"
    assert page.mediator_table.rowCount() == len(board.by_mediator)
    assert page.scope_combo.count() > 2  # the communities arrived
    shot(page, "statistics-demo-town")


def test_the_center_imports_grids_through_the_same_dialog(qtbot, db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import dataclasses

    from station.db.models import Grid
    from station.settings import save_settings

    with db.transaction() as s:
        save_settings(s, dataclasses.replace(load_settings(s), station_kind="center"))
    for context in app_context(db, ADMIN):
        page = StatisticsPage(context=context)
        qtbot.addWidget(page)
        assert page.import_menu is not None
        assert [a.data() for a in page.import_menu.actions()] == ["residents", "grids", "roster"]
        sheet = tmp_path / "网格.csv"
        sheet.write_bytes(
            "社区,网格编号,网格名称,户数\r\n溪口村,V1-02,溪口村第02网格,66\r\n".encode()
        )
        page.open_import("grids")
        dialog = page.import_dialog
        assert isinstance(dialog, ImportResidentsDialog)
        assert dialog.windowTitle() == "导入网格"
        with qtbot.waitSignal(dialog.sig_read, timeout=20_000):
            dialog.load_file(sheet)
        assert dialog.combos["grid_id"].currentText() == "网格编号"
        with qtbot.waitSignal(dialog.sig_checked, timeout=20_000):
            dialog.check_button.click()
        with qtbot.waitSignal(dialog.sig_imported, timeout=20_000) as imported:
            dialog.import_button.click()
        assert imported.args[0].imported == 1
        with db.read() as s:
            assert s.get(Grid, "V1-02").households == 66
        dialog.close()
