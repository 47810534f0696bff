"""The lazy case model: Qt's model contract, the fetch-more arithmetic, loading and search."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QModelIndex, Qt

from station.db.database import Database
from station.domain.enums import CaseStatus
from station.services.cases import CaseFilter, CaseRow
from ui.models.case_table_model import CaseTableModel, db_row_fetcher
from ui.task_runner import TaskRunner


def fake_row(case_id: str) -> CaseRow:
    n = int(case_id.removeprefix("id"))
    return CaseRow(
        id=case_id,
        number=f"TS01-20261120-{n:03d}",
        received_at=datetime(2026, 11, 20, 9, 30),
        status=CaseStatus.RECEIVED.value,
        status_label=CaseStatus.RECEIVED.label,
        category="邻里纠纷",
        grid="东街社区第01网格",
        requester="林玲玲",
        summary=f"第{n}件诉求",
        urgency="normal",
    )


class FakeSource:
    """``fetch_rows`` over made-up rows; records each batch it was asked for."""

    def __init__(self, *, missing: set[str] = frozenset()) -> None:  # type: ignore[assignment]
        self.batches: list[list[str]] = []
        self.missing = missing

    def __call__(self, ids: list[str]) -> list[CaseRow]:
        self.batches.append(list(ids))
        return [fake_row(i) for i in ids if i not in self.missing]


IDS = [f"id{n}" for n in range(450)]


@pytest.fixture
def model() -> CaseTableModel:
    m = CaseTableModel(fetch_rows=FakeSource(), batch_size=200)
    m.set_ids(IDS)
    return m


def test_model_passes_qt_modeltest(qtmodeltester, model: CaseTableModel) -> None:
    qtmodeltester.check(model)


def test_empty_model_passes_qt_modeltest(qtmodeltester) -> None:
    empty = CaseTableModel(fetch_rows=FakeSource())
    empty.set_ids([])
    qtmodeltester.check(empty)
    assert not empty.canFetchMore(QModelIndex())


def test_fetch_more_follows_the_cpp_example_arithmetic() -> None:
    source = FakeSource()
    model = CaseTableModel(fetch_rows=source, batch_size=200)
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))

    model.set_ids(IDS)
    assert model.rowCount() == 200
    assert model.total == 450
    assert model.canFetchMore(QModelIndex())

    model.fetchMore(QModelIndex())
    assert model.rowCount() == 400
    assert model.canFetchMore(QModelIndex())

    model.fetchMore(QModelIndex())
    assert model.rowCount() == 450
    assert not model.canFetchMore(QModelIndex())

    model.fetchMore(QModelIndex())  # nothing left: no-op, no empty insert
    assert model.rowCount() == 450
    assert inserted == [(200, 399), (400, 449)]
    assert [len(b) for b in source.batches] == [200, 200, 50]
    assert source.batches[2] == IDS[400:]


def test_rows_are_built_only_for_fetched_batches(model: CaseTableModel) -> None:
    assert model.data(model.index(199, CaseTableModel.NUMBER)) == "TS01-20261120-199"
    assert not model.index(200, 0).isValid()
    model.fetchMore(QModelIndex())
    assert model.data(model.index(200, CaseTableModel.SUMMARY)) == "第200件诉求"
    assert model.data(model.index(200, 0), CaseTableModel.ID_ROLE) == "id200"


def test_children_are_not_fetched_or_counted(model: CaseTableModel) -> None:
    child = model.index(0, 0)
    assert model.rowCount(child) == 0
    assert model.columnCount(child) == 0
    assert not model.canFetchMore(child)


def test_headers_and_cells_are_chinese(model: CaseTableModel) -> None:
    titles = [
        model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        for c in range(model.columnCount())
    ]
    assert titles == ["编号", "受理时间", "状态", "期限", "类别", "网格", "诉求人", "摘要"]
    assert model.data(model.index(0, CaseTableModel.RECEIVED)) == "2026-11-20 09:30"
    assert model.data(model.index(0, CaseTableModel.STATUS)) == "已受理"


def test_a_case_gone_since_the_id_list_shows_a_placeholder() -> None:
    model = CaseTableModel(fetch_rows=FakeSource(missing={"id3"}), batch_size=10)
    model.set_ids(IDS[:20])
    assert model.rowCount() == 10
    assert model.data(model.index(3, CaseTableModel.NUMBER)) is None
    assert model.data(model.index(3, CaseTableModel.SUMMARY)) == "（该工单已不存在）"
    assert model.data(model.index(4, CaseTableModel.SUMMARY)) == "第4件诉求"


def test_batch_size_must_be_positive() -> None:
    with pytest.raises(ValueError):
        CaseTableModel(fetch_rows=FakeSource(), batch_size=0)


# --------------------------------------------------------------------------- on a database


def make_db_model(small_db: Database, runner: TaskRunner, batch: int = 3) -> CaseTableModel:
    return CaseTableModel(fetch_rows=db_row_fetcher(small_db), runner=runner, batch_size=batch)


def load(qtbot, model: CaseTableModel, flt: CaseFilter) -> int:
    with qtbot.waitSignal(model.sig_loaded, timeout=10_000) as blocker:
        model.load(flt)
    return blocker.args[0]


def test_load_runs_on_the_worker_and_passes_modeltest(
    qtbot, qtmodeltester, small_db: Database, runner: TaskRunner
) -> None:
    model = make_db_model(small_db, runner)
    assert load(qtbot, model, CaseFilter()) == 7
    assert model.rowCount() == 3  # first batch only
    qtmodeltester.check(model)
    # Newest first, as case_ids orders them.
    assert model.data(model.index(0, CaseTableModel.SUMMARY)) == "邻居装修噪音扰民到深夜"


def test_search_narrows_the_rows(qtbot, small_db: Database, runner: TaskRunner) -> None:
    model = make_db_model(small_db, runner, batch=200)
    assert load(qtbot, model, CaseFilter()) == 7
    assert load(qtbot, model, CaseFilter(query="河道养殖")) == 2  # FTS (3+ characters)
    summaries = {model.data(model.index(r, CaseTableModel.SUMMARY)) for r in range(2)}
    assert all("河道养殖" in s for s in summaries)
    assert load(qtbot, model, CaseFilter(query="邻居")) == 2  # 2 characters: LIKE path
    assert load(qtbot, model, CaseFilter(query="林玲玲")) == 2  # requester name
    assert load(qtbot, model, CaseFilter(query="没有这种事情")) == 0
    assert model.rowCount() == 0
    assert not model.canFetchMore(QModelIndex())


def test_an_older_load_arriving_late_is_ignored(
    qtbot, small_db: Database, runner: TaskRunner
) -> None:
    model = make_db_model(small_db, runner, batch=200)
    totals: list[int] = []
    model.sig_loaded.connect(totals.append)
    model.load(CaseFilter())
    with qtbot.waitSignal(model.sig_loaded, timeout=10_000):
        model.load(CaseFilter(query="河道养殖"))
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    assert totals == [2]
    assert model.total == 2


def test_a_failed_load_is_reported(qtbot, small_db: Database, runner: TaskRunner) -> None:
    model = make_db_model(small_db, runner)
    runner.database = None  # a session op without a database raises on the worker
    with qtbot.waitSignal(model.sig_failed, timeout=10_000) as blocker:
        model.load(CaseFilter())
    assert isinstance(blocker.args[0], RuntimeError)
    assert not model.loading
