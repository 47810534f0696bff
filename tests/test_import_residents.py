"""Importing residents from offices' files: .xlsx with title rows, merged cells and blank
rows; CSV in GBK and UTF-8 with BOM; full-width digits; every rejection reason; dry runs
and failures that leave the database as it was; 10,000 rows; the command line."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select
from stdnum.cn import ric

from station.cli import main
from station.db.models import Event, Person
from station.domain.enums import Role
from station.errors import PermissionDenied, ValidationError
from station.reports import residents_import as ri
from station.services import persons
from station.services.events import Actor


def rid(seq: int, birth: str = "19800101") -> str:
    body = f"350102{birth}{seq:03d}"
    return body + ric.calc_check_digit(body + "X")


def bad_check_digit(seq: int) -> str:
    good = rid(seq)
    return good[:-1] + ("0" if good[-1] != "0" else "1")


def full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in text)


HEADER = ["序号", "姓名", "性别", "公民身份号码", "联系电话", "住址", "所属网格"]


def roster_xlsx(rows: list[list[object]], *, merge_address: tuple[int, int] | None = None) -> bytes:
    """A roster as an office makes it: a merged title, a blank row, the header, the rows."""
    wb = Workbook()
    ws = wb.active
    ws.append(["东街社区居民花名册"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    ws.append([])
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    if merge_address:  # one household's address over its members' rows
        first, last = merge_address
        ws.merge_cells(start_row=first, start_column=6, end_row=last, end_column=6)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _count(db, model) -> int:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)))


def _run(db, actor, data: bytes, filename: str, *, dry_run: bool):  # type: ignore[no-untyped-def]
    table = ri.read_table(data, filename=filename)
    with db.transaction() as s:
        mapping = ri.guess_mapping(table.headers, ri.remembered_mapping(s))
        return ri.import_residents(
            s, actor=actor, table=table, mapping=mapping, dry_run=dry_run
        ).value


@pytest.fixture
def known(db, admin):  # type: ignore[no-untyped-def]
    """Two residents already registered: one by ID number, one by phone only."""
    with db.transaction() as s:
        by_id = persons.create_person(
            s, actor=admin, name="王建国", id_number=rid(1), grid_id="C1-01"
        )
        by_phone = persons.create_person(s, actor=admin, name="李秀英", phone="13900000002")
    return by_id, by_phone


def _rows() -> list[list[object]]:
    return [
        [1, "王建国", "男", rid(1), "13900000001", "东街1号", "东街社区第01网格"],  # update
        [2, "李秀英", "女", "", "13900000002", "东街1号", "东街社区第01网格"],  # update (phone)
        [3, "张三", "男", full_width(rid(3)), full_width("13900000003"), "东街2号", "C1-02"],
        [4, "赵四", "男", bad_check_digit(4), "13900000004", "东街3号", "C1-02"],
        [5, "钱五", "女", rid(5), "13900000005", "东街4号", "西街社区第09网格"],
        [6, "", "男", rid(6), "13900000006", "东街5号", "C1-01"],
        [7, "张三", "男", rid(3), "13900000003", "东街2号", "C1-02"],  # same as row 3
        [8, "孙七", "女", 13900000008.0, 13900000008.0, "", "溪口村第01网格"],  # Excel floats
    ]


def test_xlsx_preview_decides_every_row_and_writes_nothing(db, admin, known) -> None:  # type: ignore[no-untyped-def]
    rows = _rows()
    rows[7][3] = ""  # an ID number stored as a float has lost its last digits: leave it out
    data = roster_xlsx(rows, merge_address=(4, 5))  # 王建国 and 李秀英 share 东街1号
    events = _count(db, Event)
    report = _run(db, admin, data, "花名册.xlsx", dry_run=True)
    by_line = {r.line: r for r in report.rows}
    assert not report.written
    assert _count(db, Event) == events  # a preview writes nothing
    assert by_line[4].action is ri.RowAction.UPDATE and by_line[4].person_id == known[0].id
    assert "联系电话" in by_line[4].reason
    assert by_line[5].action is ri.RowAction.UPDATE and by_line[5].person_id == known[1].id
    assert by_line[6].action is ri.RowAction.IMPORT
    assert by_line[6].values["phone"] == "13900000003"  # full-width digits normalised
    assert by_line[6].values["id_number"] == rid(3)
    assert by_line[7].action is ri.RowAction.REJECT and "校验位" in by_line[7].reason
    assert by_line[8].action is ri.RowAction.REJECT and "没有这个网格" in by_line[8].reason
    assert by_line[9].action is ri.RowAction.REJECT and by_line[9].reason == "缺少姓名"
    assert by_line[10].action is ri.RowAction.REJECT and by_line[10].reason == "与第6行重复"
    assert by_line[11].action is ri.RowAction.IMPORT
    assert by_line[11].values["phone"] == "13900000008" and by_line[11].values["grid_id"] == "V1-01"
    assert (report.imported, report.updated, report.rejected) == (2, 2, 4)


def test_confirmed_import_writes_events_updates_and_remembers_the_mapping(db, admin, known) -> None:  # type: ignore[no-untyped-def]
    rows = [r for r in _rows() if r[0] in (1, 2, 3)]
    report = _run(db, admin, roster_xlsx(rows, merge_address=(4, 5)), "a.xlsx", dry_run=False)
    assert report.written and (report.imported, report.updated) == (1, 2)
    with db.read() as s:
        zhang = s.scalar(select(Person).where(Person.name == "张三"))
        assert zhang.grid_id == "C1-02" and zhang.community_id == "C1"
        li = s.get(Person, known[1].id)
        assert (li.address, li.grid_id) == ("东街1号", "C1-01")  # from the merged cell
        created = s.scalar(
            select(func.count())
            .select_from(Event)
            .where(Event.entity_type == "person", Event.entity_id == zhang.id)
        )
        assert created == 1  # a resident made through the persons service is an event
        assert ri.remembered_mapping(s)["公民身份号码"] == "id_number"
    again = _run(db, admin, roster_xlsx(rows, merge_address=(4, 5)), "a.xlsx", dry_run=True)
    assert again.unchanged == 3  # importing the same file twice changes nothing


def test_a_failed_import_leaves_the_database_unchanged(db, admin, known, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    real = persons.create_person
    calls = []

    def failing(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 2:
            raise OSError("disk full")  # a failure in the middle of writing
        return real(*args, **kwargs)

    monkeypatch.setattr(persons, "create_person", failing)
    rows = [[i, f"居民{i}", "", rid(100 + i), "", "", "C1-01"] for i in range(5)]
    before = (_count(db, Person), _count(db, Event))
    with pytest.raises(OSError):
        _run(db, admin, roster_xlsx(rows), "b.xlsx", dry_run=False)
    assert (_count(db, Person), _count(db, Event)) == before


def test_csv_in_gbk_and_utf8_with_bom(db, admin) -> None:  # type: ignore[no-untyped-def]
    text = (
        "居民花名册,,,\r\n"
        "姓名,性别,身份证号,手机号码,网格\r\n"
        f"陈大明,男,{rid(11)},139 0000 0011,东街社区第02网格\r\n"
        ",,,,\r\n"
        f"林小红,女,{full_width(rid(12))},１３９００００００１２,溪口村第01网格\r\n"
    )
    gbk = _run(db, admin, text.encode("gbk"), "名册.csv", dry_run=True)
    bom = _run(db, admin, b"\xef\xbb\xbf" + text.encode("utf-8"), "名册.csv", dry_run=True)
    for report in (gbk, bom):
        assert [(r.line, r.name, r.action) for r in report.rows] == [
            (3, "陈大明", ri.RowAction.IMPORT),
            (5, "林小红", ri.RowAction.IMPORT),  # the blank line 4 is skipped
        ]
        assert report.rows[1].values["id_number"] == rid(12)
        assert report.rows[0].values["grid_id"] == "C1-02"


def test_unreadable_files_and_mappings_are_explained(db, admin) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError, match=r"\.xls"):
        ri.read_table(b"x", filename="old.xls")
    with pytest.raises(ValidationError, match="Excel"):
        ri.read_table(b"not a zip", filename="broken.xlsx")
    with pytest.raises(ValidationError, match="没有数据"):
        ri.read_table(b"\r\n,,\r\n", filename="empty.csv")
    table = ri.read_table("户主,电话\r\n王五,13900000021\r\n".encode(), filename="x.csv")
    assert ri.guess_mapping(table.headers) == {"phone": 1}  # "户主" is not a known name
    with pytest.raises(ValidationError, match="姓名"):
        ri.check_mapping({"phone": 1}, table.headers)
    with db.transaction() as s:  # the user maps it once; the station remembers
        ri.remember_mapping(s, headers=table.headers, mapping={"name": 0, "phone": 1})
    with db.read() as s:
        assert ri.guess_mapping(table.headers, ri.remembered_mapping(s)) == {"name": 0, "phone": 1}
    viewer = Actor(username="chakan", role=Role.VIEWER, station_code="TS01")
    with pytest.raises(PermissionDenied):
        _run(db, viewer, "姓名\r\n王五\r\n".encode(), "x.csv", dry_run=True)


def _big_roster(count: int) -> bytes:
    lines = ["姓名,身份证号码,联系电话,网格"]
    grids = ["C1-01", "C1-02", "V1-01"]
    for i in range(count):
        lines.append(
            f"居民{i:05d},{rid(i % 1000, f'19{50 + i // 1000:02d}0101')},139{i:08d},{grids[i % 3]}"
        )
    lines.append(f"重复,{rid(5, '19500101')},,C1-01")  # duplicate of row 7's ID
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def test_ten_thousand_rows_preview(db, admin) -> None:  # type: ignore[no-untyped-def]
    report = _run(db, admin, _big_roster(10_000), "big.csv", dry_run=True)
    assert len(report.rows) == 10_001
    assert report.imported == 10_000 and report.rejected == 1
    assert report.rows[-1].reason == "与第7行重复"


@pytest.mark.slow
def test_ten_thousand_rows_import(db, admin) -> None:  # type: ignore[no-untyped-def]
    before = _count(db, Person)
    report = _run(db, admin, _big_roster(10_000), "big.csv", dry_run=False)
    assert report.imported == 10_000
    assert _count(db, Person) == before + 10_000


def test_cli_import_dry_run_and_exit_codes(db, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    data_dir = str(Path(db.path).parent)
    good = tmp_path / "good.csv"
    good.write_bytes(f"姓名,身份证号码,网格\r\n周八,{rid(31)},C1-01\r\n".encode("gbk"))
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(roster_xlsx([[1, "吴九", "男", bad_check_digit(32), "", "", "C1-01"]]))
    assert main(["import", "residents", str(bad), "--dry-run", "--data-dir", data_dir]) == 1
    out = capsys.readouterr().out
    assert "第4行　未导入　吴九　身份证号码无效" in out and "试运行" in out
    assert main(["import", "residents", str(good), "--dry-run", "--data-dir", data_dir]) == 0
    assert _count(db, Person) == 0
    assert main(["import", "residents", str(good), "--data-dir", data_dir]) == 0
    assert "已导入1人" in capsys.readouterr().out
    assert _count(db, Person) == 1


def test_the_exported_register_imports_back_unchanged(db, admin, known) -> None:  # type: ignore[no-untyped-def]
    from station.reports import exports

    with db.transaction() as s:
        data = exports.residents(s, actor=admin, full_id=True, reason="核对名册").data
    report = _run(db, admin, data, "居民名册.xlsx", dry_run=True)
    assert sorted((r.name, r.action) for r in report.rows) == [
        ("李秀英", ri.RowAction.UNCHANGED),
        ("王建国", ri.RowAction.UNCHANGED),
    ]  # the title, the info line and the 合计 line are not residents
