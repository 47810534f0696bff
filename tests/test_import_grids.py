"""Importing the grid list at the town center: every rejection reason, updates by grid
number, dry runs, only an admin at the center, and the command line."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from station.cli import main
from station.db.models import Grid
from station.domain.enums import Role
from station.errors import PermissionDenied
from station.reports import grids_import as gi
from station.reports import residents_import as ri
from station.services.events import Actor
from station.settings import load_settings, save_settings


def grid_sheet(rows: list[list[object]]) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.append(["测试镇网格一览表"])
    ws.merge_cells("A1:D1")
    ws.append(["社区", "网格编号", "网格名称", "户数"])
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


ROWS = [
    ["东街社区", "C1-03", "东街社区第03网格", 90],  # new
    ["C1", "C1-01", "东街社区第01网格", "８５"],  # households 80 → 85 (full-width)
    ["东街社区", "C1-02", "东街社区第02网格", 70],  # unchanged
    ["西街社区", "X1-01", "西街社区第01网格", 50],  # unknown community
    ["溪口村", "V1-02", "溪口村第02网格", "八十"],  # households not a number
    ["东街社区", "C1-03", "东街社区第03网格", 90],  # duplicate number
    ["东街社区", "C1-09", "东街社区第01网格", 10],  # name of another grid
    ["溪口村", "V1-03", "", 10],  # no name
]


@pytest.fixture
def center(db):  # type: ignore[no-untyped-def]
    with db.transaction() as s:
        save_settings(s, dataclasses.replace(load_settings(s), station_kind="center"))
    return db


def _run(db, actor, data: bytes, *, dry_run: bool):  # type: ignore[no-untyped-def]
    table = ri.read_table(data, filename="grids.xlsx", fields=gi.FIELDS)
    mapping = ri.guess_mapping(table.headers, fields=gi.FIELDS)
    with db.transaction() as s:
        return gi.import_grids(s, actor=actor, table=table, mapping=mapping, dry_run=dry_run)


def _grids(db) -> dict[str, tuple[str, str, int]]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return {g.id: (g.community_id, g.name, g.households) for g in s.scalars(select(Grid))}


def test_grid_rows_are_checked_then_written(center, admin) -> None:  # type: ignore[no-untyped-def]
    before = _grids(center)
    preview = _run(center, admin, grid_sheet(ROWS), dry_run=True)
    assert _grids(center) == before
    by_line = {r.line: r for r in preview.rows}
    assert by_line[3].action is ri.RowAction.IMPORT
    assert by_line[4].action is ri.RowAction.UPDATE and by_line[4].reason == "更新户数"
    assert by_line[5].action is ri.RowAction.UNCHANGED
    assert "没有这个村（社区）" in by_line[6].reason
    assert "户数" in by_line[7].reason
    assert by_line[8].reason == "与第3行重复"
    assert "同名网格（编号C1-01）" in by_line[9].reason
    assert by_line[10].reason == "缺少网格名称"
    assert "个网格" in preview.summary()
    report = _run(center, admin, grid_sheet(ROWS), dry_run=False)
    assert report.written and (report.imported, report.updated, report.rejected) == (1, 1, 5)
    after = _grids(center)
    assert after["C1-03"] == ("C1", "东街社区第03网格", 90)
    assert after["C1-01"][2] == 85
    assert set(after) == set(before) | {"C1-03"}


def test_only_an_admin_at_the_center_imports_grids(db, center, admin, clerk) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):
        _run(center, clerk, grid_sheet(ROWS[:1]), dry_run=True)
    with center.transaction() as s:
        save_settings(s, dataclasses.replace(load_settings(s), station_kind="community"))
    with pytest.raises(PermissionDenied, match="镇网格服务管理中心"):
        _run(db, admin, grid_sheet(ROWS[:1]), dry_run=True)
    viewer = Actor(username="chakan", role=Role.VIEWER, station_code="TS01")
    with pytest.raises(PermissionDenied):
        _run(db, viewer, grid_sheet(ROWS[:1]), dry_run=True)


def test_cli_import_grids(center, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    data_dir = str(Path(center.path).parent)
    sheet = tmp_path / "网格.xlsx"
    sheet.write_bytes(grid_sheet(ROWS[:3]))
    assert main(["import", "grids", str(sheet), "--dry-run", "--data-dir", data_dir]) == 0
    assert "C1-03" not in _grids(center)
    assert main(["import", "grids", str(sheet), "--data-dir", data_dir]) == 0
    assert "已导入1个网格" in capsys.readouterr().out
    assert "C1-03" in _grids(center)
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(grid_sheet(ROWS[3:4]))
    assert main(["import", "grids", str(bad), "--data-dir", data_dir]) == 1


ROSTER = (
    "姓名,手机,职务,网格\r\n"
    "林一,13700000001,网格员,C1-01\r\n"  # new person
    "林一,13700000001,调解员,\r\n"  # the same new person, a second role
    "黄志坚,13800000002,网格员,C1-01\r\n"  # already holds it: unchanged
    "黄志坚,13800000002,网格长,东街社区第02网格\r\n"  # a new role for a known person
    "王二,13700000003,书记,C1-01\r\n"  # unknown role
    "王三,13700000004,网格员,C9-99\r\n"  # unknown grid
    ",13700000005,网格员,C1-01\r\n"  # no name
    "林一,13700000001,网格员,C1-01\r\n"  # duplicate of row 2
)


def test_roster_rows_add_people_and_roles(center, admin) -> None:  # type: ignore[no-untyped-def]
    from station.db.models import RosterAssignment, RosterPerson
    from station.reports import roster_import as rr

    table = ri.read_table(ROSTER.encode("gbk"), filename="名册.csv", fields=rr.FIELDS)
    mapping = ri.guess_mapping(table.headers, fields=rr.FIELDS)
    with center.transaction() as s:
        report = rr.import_roster(s, actor=admin, table=table, mapping=mapping, dry_run=False)
    by_line = {r.line: r for r in report.rows}
    assert [by_line[n].action for n in (2, 3, 4, 5)] == [
        ri.RowAction.IMPORT,
        ri.RowAction.IMPORT,
        ri.RowAction.UNCHANGED,
        ri.RowAction.UPDATE,
    ]
    assert "职务" in by_line[6].reason and "没有这个网格" in by_line[7].reason
    assert by_line[8].reason == "缺少姓名" and by_line[9].reason == "与第2行重复"
    with center.read() as s:
        lin = s.scalars(select(RosterPerson).where(RosterPerson.name == "林一")).all()
        assert len(lin) == 1 and lin[0].community_id == "C1"
        roles = {
            (a.role, a.grid_id)
            for a in s.scalars(
                select(RosterAssignment).where(RosterAssignment.person_id == lin[0].id)
            )
        }
        assert roles == {("grid_worker", "C1-01"), ("mediator", None)}
        huang = {
            (a.role, a.grid_id)
            for a in s.scalars(select(RosterAssignment).where(RosterAssignment.person_id == "R2"))
        }
        assert ("grid_leader", "C1-02") in huang
