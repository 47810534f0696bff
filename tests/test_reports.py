"""Monthly reports, ledgers and exports: the files opened with openpyxl and pypdf and their
headline cells compared with the statistics service; permissions and the audit log."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select
from stats_dataset import ADMIN, CLERK, MEDIATIONS, MEDIATOR, OCTOBER, TODAY, build_dataset

from station.cli import main
from station.db.models import AuditEntry
from station.domain.enums import Role
from station.errors import PermissionDenied, ValidationError
from station.reports import exports
from station.services import statistics as st
from station.services.cases import CaseFilter, case_ids
from station.services.events import Actor

PERIOD = st.Period(*OCTOBER)
VIEWER = Actor(username="chakan", role=Role.VIEWER, station_code="TS01")


@pytest.fixture
def dataset(db):  # type: ignore[no-untyped-def]
    return build_dataset(db)


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def _row_of(ws, label: str) -> int:  # type: ignore[no-untyped-def]
    for row in ws.iter_rows(min_col=1, max_col=1):
        if row[0].value == label:
            return row[0].row
    raise AssertionError(f"no row {label}")


def _audits(db) -> list[AuditEntry]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == "export")))


def test_monthly_report_xlsx_has_merged_headers_totals_and_the_service_figures(db, dataset) -> None:  # type: ignore[no-untyped-def]
    with db.read() as s:
        found = exports.monthly_report(s, period=PERIOD, fmt="xlsx", today=TODAY)
        med = st.mediation_figures(s, period=PERIOD)
        cases = st.case_figures(s, period=PERIOD, today=TODAY)
        by_type = {
            g.label: g.figures for g in st.mediation_groups(s, period=PERIOD, by="dispute_type")
        }
    wb = load_workbook(io.BytesIO(found.data))
    assert wb.sheetnames == ["调解月报", "按类别", "按村（社区）", "按渠道"]
    ws = wb["调解月报"]
    assert ws["A1"].value == "人民调解工作统计月报"
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert "E3:F3" in merged and ws["E3"].value == "协议形式"  # over 书面 / 口头
    assert "A3:A4" in merged and ws["A3"].value == "纠纷类型"
    assert (ws["E4"].value, ws["F4"].value) == ("书面", "口头")
    assert ws.freeze_panes == "B5"
    assert ws.column_dimensions["A"].width > ws.column_dimensions["B"].width > 6
    assert ws.print_title_rows == "$3:$4"
    total = _row_of(ws, "合计")
    assert ws.cell(total, 2).value == med.taken == len(MEDIATIONS)
    assert ws.cell(total, 3).value == med.succeeded
    assert ws.cell(total, 4).value == pytest.approx(med.success_rate)
    assert ws.cell(total, 4).number_format == "0.0%"
    assert ws.cell(total, 7).value == pytest.approx(med.amount_fen / 100)
    assert ws.cell(total, 10).value == med.court_confirmed
    assert ws.cell(total, 12).value == med.prevented_criminal_persons
    neighbours = _row_of(ws, "邻里")
    assert ws.cell(neighbours, 2).value == by_type["邻里"].taken
    assert ws.cell(_row_of(ws, "婚姻家庭"), 5).value == by_type["婚姻家庭"].written

    ws = wb["按类别"]
    total = _row_of(ws, "合计")
    assert ws.cell(total, 2).value == cases.received
    assert ws.cell(total, 3).value == cases.desk_settled
    assert ws.cell(total, 14).value == pytest.approx(cases.satisfaction_rate)
    assert sum(ws.cell(r, 2).value for r in range(5, total)) == cases.received
    channel = wb["按渠道"]
    assert channel.cell(_row_of(channel, "合计"), 2).value == cases.received


def test_monthly_report_pdf_reads_the_same_figures(db, dataset) -> None:  # type: ignore[no-untyped-def]
    with db.read() as s:
        found = exports.monthly_report(s, period=PERIOD, fmt="pdf", today=TODAY)
        med = st.mediation_figures(s, period=PERIOD)
    text = _pdf_text(found.data)
    assert "人民调解工作统计月报" in text and "群众诉求办理情况月报" in text
    assert "统计期间：2026年10月" in text
    assert f"{med.amount_fen / 100:,.2f}" in text  # the total amount agreed
    assert st.format_rate(med.success_rate) in text
    assert "第 1 页" in text


def test_scoped_report_names_its_scope(db, dataset) -> None:  # type: ignore[no-untyped-def]
    scope = st.Scope(st.ScopeKind.COMMUNITY, "C1")
    with db.read() as s:
        found = exports.monthly_report(s, period=PERIOD, scope=scope, parts=("cases",), today=TODAY)
        received = st.case_figures(s, period=PERIOD, scope=scope, today=TODAY).received
    wb = load_workbook(io.BytesIO(found.data))
    assert wb.sheetnames == ["按类别", "按渠道"]
    ws = wb["按类别"]
    assert "东街社区" in ws["A2"].value
    assert ws.cell(_row_of(ws, "合计"), 2).value == received


def test_case_ledger_lists_the_filtered_cases_masks_phones_and_is_audited(db, dataset) -> None:  # type: ignore[no-untyped-def]
    flt = CaseFilter(received_from=PERIOD.start, received_to=PERIOD.end, community_id="C1")
    with db.transaction() as s:
        found = exports.case_ledger(s, actor=CLERK, flt=flt, fmt="xlsx", filters="东街社区")
        expected = len(case_ids(s, flt))
    ws = load_workbook(io.BytesIO(found.data)).active
    assert ws["A1"].value == "工单台账"
    assert ws.freeze_panes == "A4"
    numbers = [ws.cell(r, 2).value for r in range(4, 4 + expected)]
    assert found.rows == expected and all(n and n.startswith("TS0") for n in numbers)
    assert numbers == sorted(numbers, key=lambda n: n.split("-")[1])  # oldest first
    assert ws.cell(4 + expected, 1).value == "合计"
    assert f"共{expected}件" in ws.cell(4 + expected, 2).value
    [entry] = _audits(db)
    detail = json.loads(entry.detail)
    assert (entry.username, entry.target_type, detail["rows"], detail["format"]) == (
        "jiedai",
        "ledger",
        expected,
        "xlsx",
    )
    pdf = exports.case_ledger
    with db.transaction() as s:
        text = _pdf_text(pdf(s, actor=CLERK, flt=flt, fmt="pdf").data)
    assert "工单台账" in text and f"共{expected}件" in text


def test_exports_of_personal_data_are_refused_to_viewers_and_not_audited(db, dataset) -> None:  # type: ignore[no-untyped-def]
    flt = CaseFilter(received_from=PERIOD.start, received_to=PERIOD.end)
    with db.transaction() as s:
        with pytest.raises(PermissionDenied):
            exports.case_ledger(s, actor=VIEWER, flt=flt)
        with pytest.raises(PermissionDenied):
            exports.residents(s, actor=VIEWER)
        with pytest.raises(PermissionDenied):  # mediation files: mediators and admins only
            exports.mediation_ledger(s, actor=CLERK, period=PERIOD)
    assert _audits(db) == []
    with db.read() as s:  # counts are not personal: a viewer may have the monthly report
        assert exports.monthly_report(s, period=PERIOD).data


def test_mediation_ledger_and_residents(db, dataset) -> None:  # type: ignore[no-untyped-def]
    with db.transaction() as s:
        ledger = exports.mediation_ledger(s, actor=MEDIATOR, period=PERIOD, fmt="xlsx")
        masked = exports.residents(s, actor=ADMIN)
        with pytest.raises(ValidationError, match="原因"):
            exports.residents(s, actor=ADMIN, full_id=True)
    ws = load_workbook(io.BytesIO(ledger.data)).active
    assert ledger.rows == len(MEDIATIONS)
    assert ws.cell(4, 4).value == "申请人0、被申请人0、第三人"
    ws = load_workbook(io.BytesIO(masked.data)).active
    names = [ws.cell(r, 2).value for r in range(4, 4 + masked.rows)]
    assert "申请人0" in names
    assert [e.target_id.split(":")[0] for e in _audits(db)] == ["mediations", "residents"]


def test_cli_report_and_export(db, dataset, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    data_dir = Path(db.path).parent
    out = tmp_path / "月报.xlsx"
    code = main(
        ["report", "monthly", "--month", "2026-10", "--data-dir", str(data_dir), "--out", str(out)]
    )
    assert code == 0 and "2026年10月" in capsys.readouterr().out
    assert load_workbook(out)["调解月报"]["A1"].value == "人民调解工作统计月报"
    pdf_out = tmp_path / "月报.pdf"
    assert (
        main(
            [
                "report",
                "monthly",
                "--month",
                "2026-10",
                "--scope",
                "community:V1",
                "--data-dir",
                str(data_dir),
                "--out",
                str(pdf_out),
            ]
        )
        == 0
    )
    assert "溪口村" in _pdf_text(pdf_out.read_bytes())
    capsys.readouterr()
    ledger = tmp_path / "台账.xlsx"
    code = main(
        [
            "export",
            "cases",
            "--from",
            "2026-10-01",
            "--to",
            "2026-10-31",
            "--data-dir",
            str(data_dir),
            "--out",
            str(ledger),
            "--json",
        ]
    )
    result = json.loads(capsys.readouterr().out)
    assert code == 0 and result["rows"] == len([p for p in dataset.case_ids]) - 1
    assert any(e.username.startswith("cli:") for e in _audits(db))
    assert main(["export", "cases", "--data-dir", str(data_dir)]) == 2  # no dates
    assert main(["report", "monthly", "--month", "十月", "--data-dir", str(data_dir)]) == 1
