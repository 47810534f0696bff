"""``grid-station print``: real runs of the command on a copy of the demo town."""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import Row, Select, select

from station.cli import main
from station.db.database import database_path, open_database
from station.db.models import AuditEntry, Case, CaseNote, MediationCase, Person
from station.services.documents import PRINT_ACTION, REVEAL_ACTION
from station.services.events import forget_clocks

TODAY = date(2026, 11, 20)
Numbers = dict[str, str]
Capsys = pytest.CaptureFixture[str]


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from station.demo.town import build_demo_town

    folder = tmp_path_factory.mktemp("cli_print_demo")
    build_demo_town(folder, cases=200, mediations=40, today=TODAY)
    return database_path(folder)


@pytest.fixture
def data_dir(demo_file: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(demo_file, database_path(folder))
    forget_clocks()
    return folder


@pytest.fixture
def out_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder that is also the current folder (where default names land)."""
    folder = tmp_path / "out"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def query(data_dir: Path, stmt: Select) -> list[Row]:
    db = open_database(data_dir)
    try:
        with db.read() as s:
            return s.execute(stmt).all()
    finally:
        db.close()


@pytest.fixture
def numbers(data_dir: Path) -> Iterator[dict[str, str]]:
    """Numbers of records that have what each kind of document needs."""
    db = open_database(data_dir)
    with db.read() as s:
        dispatched = select(CaseNote.case_id).where(CaseNote.kind == "dispatch")
        found = {
            "receipt": s.scalar(select(Case.number).join(Person, Person.id == Case.requester_id)
                                .where(Case.category_id.is_not(None)).order_by(Case.number)),
            "referral": s.scalar(select(Case.number).join(Person, Person.id == Case.requester_id)
                                 .where(Case.id.in_(dispatched), Person.id_number != "")
                                 .order_by(Case.number)),
            "agreement": s.scalar(select(MediationCase.number)
                                  .where(MediationCase.agreement_form == "written",
                                         MediationCase.source == "application")
                                  .order_by(MediationCase.number)),
            "initiative": s.scalar(select(MediationCase.number)
                                   .where(MediationCase.source != "application")
                                   .order_by(MediationCase.number)),
        }
    db.close()
    yield found


def audit(data_dir: Path) -> list[tuple[str, str, str, str]]:
    rows = query(data_dir, select(AuditEntry.username, AuditEntry.action, AuditEntry.target_id,
                                  AuditEntry.detail).order_by(AuditEntry.id))
    return [tuple(r) for r in rows if r[1] in (PRINT_ACTION, REVEAL_ACTION)]


def read_pdf(path: Path) -> PdfReader:
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(data))


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())  # hidden .part files included


# --------------------------------------------------------------------------- success


def test_receipt_to_the_default_file_name(
    data_dir: Path, out_dir: Path, numbers: Numbers, capsys: Capsys
) -> None:
    number = numbers["receipt"]
    code = main(["print", "receipt", number, "--data-dir", str(data_dir)])
    assert code == 0
    expected = f"receipt-{number}.pdf"
    assert listing(out_dir) == [expected]
    reader = read_pdf(out_dir / expected)
    assert len(reader.pages) == 1
    assert number in reader.pages[0].extract_text()
    out = capsys.readouterr().out
    assert "已生成《受理回执》" in out and expected in out
    ((user, action, target, detail),) = audit(data_dir)
    assert user.startswith("cli:") and action == PRINT_ACTION and target == number
    assert json.loads(detail)["kind"] == "receipt"


def test_out_file_and_data_dir_before_the_command(
    data_dir: Path, out_dir: Path, numbers: Numbers, capsys: Capsys
) -> None:
    target = out_dir / "sub" / "协议书.pdf"
    target.parent.mkdir()
    code = main(["--data-dir", str(data_dir), "print", "agreement", numbers["agreement"],
                 "--out", str(target), "--json"])
    assert code == 0
    result = json.loads(capsys.readouterr().out)
    assert result["file"] == str(target) and result["bytes"] == target.stat().st_size
    assert listing(target.parent) == ["协议书.pdf"]
    assert "人民调解协议书" in read_pdf(target).pages[0].extract_text()


def test_mediation_number_typed_with_ascii_brackets(
    data_dir: Path, out_dir: Path, numbers: Numbers
) -> None:
    typed = numbers["agreement"].replace("（", "(").replace("）", ")")
    assert main(["print", "case-file", typed, "--data-dir", str(data_dir), "--out", "f.pdf"]) == 0
    assert len(read_pdf(out_dir / "f.pdf").pages) >= 6


def test_referral_with_the_full_id_is_audited(
    data_dir: Path, out_dir: Path, numbers: Numbers
) -> None:
    number = numbers["referral"]
    code = main(["print", "referral", number, "--full-id", "--reason", "派出所协查",
                 "--data-dir", str(data_dir), "--out", "r.pdf"])
    assert code == 0
    (_, printed, _, _), (user, revealed, target, detail) = audit(data_dir)
    assert (printed, revealed, target) == (PRINT_ACTION, REVEAL_ACTION, number)
    assert user.startswith("cli:") and json.loads(detail)["reason"] == "派出所协查"


def test_ledger(data_dir: Path, out_dir: Path, capsys: Capsys) -> None:
    code = main(["print", "ledger", "--from", "2026-01-01", "--to", "2026-06-30",
                 "--kind", "mediations", "--out", "台账.pdf", "--data-dir", str(data_dir)])
    assert code == 0, capsys.readouterr().err
    reader = read_pdf(out_dir / "台账.pdf")
    assert "人民调解案件台账" in reader.pages[0].extract_text()
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height  # landscape
    ((_, _, target, _),) = audit(data_dir)
    assert target == "mediations:2026-01-01..2026-06-30"


def test_ledger_default_name(data_dir: Path, out_dir: Path) -> None:
    assert main(["print", "ledger", "--from", "2026-01-01", "--to", "2026-01-31",
                 "--data-dir", str(data_dir)]) == 0
    assert listing(out_dir) == ["ledger-cases-20260101-20260131.pdf"]


# --------------------------------------------------------------------------- refusals


def test_unknown_number_exits_1_and_writes_nothing(
    data_dir: Path, out_dir: Path, capsys: Capsys
) -> None:
    code = main(["print", "receipt", "XX01-20200101-001", "--data-dir", str(data_dir)])
    assert code == 1
    assert capsys.readouterr().err.strip() == "错误：没有编号为 XX01-20200101-001 的工单"
    assert listing(out_dir) == []
    assert audit(data_dir) == []


def test_missing_data_exits_1_names_it_and_keeps_an_existing_file(
    data_dir: Path, out_dir: Path, numbers: Numbers, capsys: Capsys
) -> None:
    target = out_dir / "application.pdf"
    target.write_bytes(b"an older file")
    code = main(["print", "application", numbers["initiative"], "--out", str(target),
                 "--data-dir", str(data_dir)])
    assert code == 1
    err = capsys.readouterr().err
    assert "无法生成《人民调解申请书》：缺少人民调解申请书" in err
    assert target.read_bytes() == b"an older file"
    assert listing(out_dir) == ["application.pdf"]  # no temporary file left behind
    assert audit(data_dir) == []


def test_full_id_on_a_form_without_an_id(
    data_dir: Path, out_dir: Path, numbers: Numbers, capsys: Capsys
) -> None:
    code = main(["print", "receipt", numbers["receipt"], "--full-id",
                 "--data-dir", str(data_dir)])
    assert code == 1
    assert "不打印身份证号码" in capsys.readouterr().err
    assert listing(out_dir) == []


def test_no_database_in_the_folder(tmp_path: Path, out_dir: Path, capsys: Capsys) -> None:
    empty = tmp_path / "empty"
    code = main(["print", "receipt", "XX01-20260101-001", "--data-dir", str(empty)])
    assert code == 1
    assert "还没有数据库" in capsys.readouterr().err
    assert listing(out_dir) == []


def test_missing_output_folder(
    data_dir: Path, out_dir: Path, numbers: Numbers, capsys: Capsys
) -> None:
    code = main(["print", "receipt", numbers["receipt"], "--out", "nowhere/r.pdf",
                 "--data-dir", str(data_dir)])
    assert code == 1
    assert "不存在" in capsys.readouterr().err
    assert audit(data_dir) == []  # the print is not recorded when no file came of it


@pytest.mark.parametrize(("argv", "words"), [
    (["print", "receipt"], "请给出要打印的编号"),
    (["print", "bill", "1"], "没有“bill”这种文书"),
    (["print", "ledger", "--from", "2026-01-01"], "需要 --from 和 --to"),
    (["print", "ledger", "X", "--from", "2026-01-01", "--to", "2026-02-01"], "不需要编号"),
    (["print", "receipt", "X", "--from", "2026-01-01"], "只用于台账"),
    (["print", "agreement", "X", "--paper", "a5"], "--paper 只用于受理回执"),
    (["print", "referral", "X", "--reason", "查"], "需与 --full-id 一起使用"),
])
def test_usage_errors_exit_2(
    argv: list[str], words: str, data_dir: Path, out_dir: Path, capsys: Capsys
) -> None:
    assert main([*argv, "--data-dir", str(data_dir)]) == 2
    err = capsys.readouterr().err
    assert words in err and "用法：grid-station print" in err
    assert listing(out_dir) == []


def test_bad_date_is_an_argparse_error(data_dir: Path, out_dir: Path, capsys: Capsys) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["print", "ledger", "--from", "2026-13-01", "--to", "2026-12-31",
              "--data-dir", str(data_dir)])
    assert stopped.value.code == 2
    assert "不是日期" in capsys.readouterr().err


def test_help_lists_every_kind(capsys: Capsys) -> None:
    with pytest.raises(SystemExit):
        main(["print", "--help"])
    out = capsys.readouterr().out
    for kind in ("receipt", "referral", "application", "registration", "notice",
                 "investigation", "record", "agreement", "oral-agreement", "visit", "case-file",
                 "ledger"):
        assert f"  {kind} " in out
