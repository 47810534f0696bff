"""What the app and the CLI call to get a report, a ledger or the resident register as a
file: the permission check, the bytes, and (for personal data) the audit entry.

Monthly reports hold counts only: anyone who can see the statistics may export them.
Ledgers and the resident register hold names and phones: viewers (查看者) and department
handlers may not export them, the mediation ledger is for mediators and admins only
(人民调解法 art. 15), and every export is written to the audit log in the caller's
transaction (action ``export``) — so call these inside a write transaction and write the
file before it commits; a failure leaves neither file nor entry.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy.orm import Session

from station.db.models import AuditEntry
from station.domain.enums import CaseStatus, MediationStatus, Role
from station.errors import PermissionDenied, ValidationError
from station.reports import excel, pdf, tables
from station.services import mediation as mediation_service
from station.services import statistics as st
from station.services.cases import CaseFilter
from station.services.events import Actor

EXPORT_ACTION = "export"
#: Roles that may take personal data out of the station (issue 9's permission table will
#: take this over; keep the two in step).
EXPORT_REFUSED = frozenset({Role.VIEWER, Role.DEPARTMENT_HANDLER})


class FileFormat(StrEnum):
    XLSX = "xlsx"
    PDF = "pdf"


class ExportKind(StrEnum):
    CASES = "cases"
    MEDIATIONS = "mediations"
    RESIDENTS = "residents"


@dataclass(frozen=True)
class ExportFile:
    data: bytes
    rows: int  # data rows in the file (0 for reports)
    suggested_name: str


def check_export(actor: Actor) -> None:
    """Raise :class:`PermissionDenied` unless ``actor`` may export personal data."""
    if Role(actor.role) in EXPORT_REFUSED:
        raise PermissionDenied(
            f"“{Role(actor.role).label}”不能导出含个人信息的台账和名册，如需导出请联系驿站管理员",
            code="export_forbidden",
        )


def _format(value: str) -> FileFormat:
    try:
        return FileFormat(value)
    except ValueError:
        raise ValidationError(
            "文件格式只能是 xlsx（Excel）或 pdf", code="bad_format", field="format"
        ) from None


def _render(found: list[tables.ReportTable], fmt: FileFormat, *, now: datetime) -> bytes:
    if fmt is FileFormat.XLSX:
        return excel.workbook_bytes(found)
    return pdf.tables_pdf(found, created=now)


def _audit(session: Session, *, actor: Actor, target: str, detail: dict[str, object]) -> None:
    session.add(
        AuditEntry(
            at=datetime.now().replace(microsecond=0),
            username=actor.username[:40],
            action=EXPORT_ACTION,
            target_type="ledger",
            target_id=target[:64],
            detail=json.dumps(detail, ensure_ascii=False, sort_keys=True),
        )
    )
    session.flush()


# --------------------------------------------------------------------------- reports

REPORT_PARTS = ("mediation", "cases")


def monthly_report(
    session: Session,
    *,
    period: st.Period,
    scope: st.Scope = st.TOWN,
    fmt: FileFormat | str = FileFormat.XLSX,
    parts: tuple[str, ...] = REPORT_PARTS,
    now: datetime | None = None,
    today: date | None = None,
) -> ExportFile:
    """人民调解工作统计月报 and 群众诉求办理情况月报 (by category, community and channel)."""
    fmt = _format(str(fmt))
    now = now or datetime.now().replace(second=0, microsecond=0)
    found: list[tables.ReportTable] = []
    if "mediation" in parts:
        found.append(tables.mediation_monthly(session, period=period, scope=scope, now=now))
    if "cases" in parts:
        for by in ("category", "community", "channel"):
            if by == "community" and scope.kind in (st.ScopeKind.COMMUNITY, st.ScopeKind.GRID):
                continue  # one community: a breakdown by community says nothing
            found.append(
                tables.case_monthly(
                    session, period=period, scope=scope, by=by, now=now, today=today
                )
            )
    if not found:
        raise ValidationError("请选择要导出的报表", code="required", field="parts")
    name = f"统计月报-{period.start:%Y%m}" if period.label.endswith("月") else "统计报表"
    return ExportFile(_render(found, fmt, now=now), 0, f"{name}.{fmt.value}")


# --------------------------------------------------------------------------- ledgers


def _period_text(date_from: date | None, date_to: date | None) -> str:
    return f"{date_from or '…'}..{date_to or '…'}"


def case_ledger(
    session: Session,
    *,
    actor: Actor,
    flt: CaseFilter,
    fmt: FileFormat | str = FileFormat.XLSX,
    filters: str = "",
    reason: str = "",
    now: datetime | None = None,
) -> ExportFile:
    """工单台账 of the cases a case-list filter shows; audited."""
    check_export(actor)
    fmt = _format(str(fmt))
    now = now or datetime.now().replace(second=0, microsecond=0)
    if flt.status and flt.status not in {s.value for s in CaseStatus}:
        raise ValidationError(f"没有“{flt.status}”这种工单状态", code="bad_choice", field="status")
    table = tables.case_ledger(session, flt=flt, filters=filters, now=now)
    data = _render([table], fmt, now=now)
    _audit(
        session,
        actor=actor,
        target=f"cases:{_period_text(flt.received_from, flt.received_to)}",
        detail={
            "kind": "cases",
            "format": fmt.value,
            "rows": len(table.rows),
            "filters": filters,
            "reason": reason.strip() or "导出工单台账",
        },
    )
    return ExportFile(data, len(table.rows), f"工单台账.{fmt.value}")


def mediation_ledger(
    session: Session,
    *,
    actor: Actor,
    period: st.Period,
    status: str | None = None,
    fmt: FileFormat | str = FileFormat.XLSX,
    reason: str = "",
    now: datetime | None = None,
) -> ExportFile:
    """人民调解案件台账 of the cases accepted in ``period``; mediators and admins; audited."""
    check_export(actor)
    mediation_service.check_access(actor)
    fmt = _format(str(fmt))
    now = now or datetime.now().replace(second=0, microsecond=0)
    if status and status not in {s.value for s in MediationStatus}:
        raise ValidationError(f"没有“{status}”这种调解结果", code="bad_choice", field="status")
    table = tables.mediation_ledger(session, period=period, status=status, now=now)
    data = _render([table], fmt, now=now)
    _audit(
        session,
        actor=actor,
        target=f"mediations:{_period_text(period.start, period.end)}",
        detail={
            "kind": "mediations",
            "format": fmt.value,
            "rows": len(table.rows),
            "status": status or "",
            "reason": reason.strip() or "导出调解案件台账",
        },
    )
    return ExportFile(data, len(table.rows), f"调解台账.{fmt.value}")


def residents(
    session: Session,
    *,
    actor: Actor,
    date_from: date | None = None,
    date_to: date | None = None,
    full_id: bool = False,
    fmt: FileFormat | str = FileFormat.XLSX,
    reason: str = "",
    now: datetime | None = None,
) -> ExportFile:
    """居民名册; ID numbers masked unless ``full_id`` (which needs a reason); audited."""
    check_export(actor)
    fmt = _format(str(fmt))
    if full_id and not reason.strip():
        raise ValidationError(
            "导出完整身份证号码须写明原因（记入审计日志）", code="required", field="reason"
        )
    now = now or datetime.now().replace(second=0, microsecond=0)
    table = tables.residents_table(
        session, date_from=date_from, date_to=date_to, full_id=full_id, now=now
    )
    data = _render([table], fmt, now=now)
    _audit(
        session,
        actor=actor,
        target=f"residents:{_period_text(date_from, date_to)}",
        detail={
            "kind": "residents",
            "format": fmt.value,
            "rows": len(table.rows),
            "full_id": full_id,
            "reason": reason.strip() or "导出居民名册",
        },
    )
    return ExportFile(data, len(table.rows), f"居民名册.{fmt.value}")
