"""``grid-station report | export | import``: statistics reports, ledgers and rosters as files.

    grid-station report monthly --month 2026-10 [--scope town|station|community:ID|grid:ID]
                                [--format xlsx|pdf] [--out FILE]
    grid-station export cases|mediations|residents [--from DATE] [--to DATE]
                        [--format xlsx|pdf] [--out FILE] [--status S] [--full-id --reason R]
    grid-station import residents|grids|roster FILE [--sheet NAME] [--dry-run] [--json]

Files appear only when complete (written beside the target and renamed). Exports of
personal data are recorded in the audit log in the same transaction as the file is
written. ``import`` prints the row-by-row report and exits 1 when any row was rejected.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from station.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, _open_existing, _print_json
from station.errors import GridStationError


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是日期，请写成 2026-03-31 的格式") from None


def _target(args: argparse.Namespace, default: str) -> Path:
    target = (Path(args.out).expanduser() if args.out else Path(default)).resolve()
    if target.is_dir():
        raise GridStationError(f"{target} 是一个文件夹，请在 --out 中写上文件名", code="out_is_dir")
    return target


def _cli_actor(session):  # type: ignore[no-untyped-def]
    from station.services.users import os_login_name, system_actor

    user = os_login_name()
    return replace(system_actor(session), username=f"cli:{user}"[:40], display_name=user)


def _write(target: Path, data: bytes) -> None:
    from station.documents.cli import _write_atomically

    _write_atomically(target, data)


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    return "pdf" if args.out and str(args.out).lower().endswith(".pdf") else "xlsx"


def cmd_report(args: argparse.Namespace) -> int:
    from station.reports import exports
    from station.services import statistics as st

    period = st.Period.parse_month(args.month)
    scope = st.Scope.parse(args.scope)
    fmt = _format(args)
    db = _open_existing(args.data_dir)
    try:
        with db.read() as session:
            found = exports.monthly_report(session, period=period, scope=scope, fmt=fmt)
            target = _target(args, found.suggested_name)
            _write(target, found.data)
    finally:
        db.close()
    if args.json:
        _print_json(
            {"file": str(target), "month": args.month, "format": fmt, "bytes": len(found.data)}
        )
    else:
        print(f"已生成{period.label}统计月报：{target}（{len(found.data) / 1024:.0f} KB）")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from station.reports import exports
    from station.services import statistics as st
    from station.services.cases import CaseFilter

    fmt = _format(args)
    if args.what != "residents" and (args.date_from is None or args.date_to is None):
        print(
            "错误：导出台账需要 --from 和 --to（如 --from 2026-10-01 --to 2026-10-31）",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if args.full_id and args.what != "residents":
        print("错误：--full-id 只用于居民名册", file=sys.stderr)
        return EXIT_USAGE
    db = _open_existing(args.data_dir)
    try:
        with db.transaction() as session:
            actor = _cli_actor(session)
            if args.what == "cases":
                scope = st.Scope.parse(args.scope)
                flt = CaseFilter(
                    received_from=args.date_from,
                    received_to=args.date_to,
                    status=args.status,
                    community_id=scope.id if scope.kind is st.ScopeKind.COMMUNITY else None,
                    grid_id=scope.id if scope.kind is st.ScopeKind.GRID else None,
                )
                found = exports.case_ledger(
                    session,
                    actor=actor,
                    flt=flt,
                    fmt=fmt,
                    filters=f"状态：{args.status}" if args.status else "",
                )
            elif args.what == "mediations":
                found = exports.mediation_ledger(
                    session,
                    actor=actor,
                    period=st.Period(args.date_from, args.date_to),
                    status=args.status,
                    fmt=fmt,
                )
            else:
                found = exports.residents(
                    session,
                    actor=actor,
                    date_from=args.date_from,
                    date_to=args.date_to,
                    full_id=args.full_id,
                    reason=args.reason or "",
                    fmt=fmt,
                )
            target = _target(args, found.suggested_name)
            # Inside the transaction: if the file cannot be written, the audit rolls back.
            _write(target, found.data)
    finally:
        db.close()
    if args.json:
        _print_json(
            {
                "file": str(target),
                "kind": args.what,
                "rows": found.rows,
                "format": fmt,
                "bytes": len(found.data),
            }
        )
    else:
        print(f"已导出{found.rows}条：{target}（已记入审计日志）")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from station.reports import grids_import as gi
    from station.reports import residents_import as ri
    from station.reports import roster_import as rr

    path = Path(args.file).expanduser()
    if not path.is_file():
        raise GridStationError(f"找不到文件 {path}", code="no_file")
    fields = {"grids": gi.FIELDS, "roster": rr.FIELDS}.get(args.what, ri.FIELDS)
    table = ri.read_table(path.read_bytes(), filename=path.name, sheet=args.sheet, fields=fields)
    db = _open_existing(args.data_dir)
    try:
        with db.transaction() as session:
            actor = _cli_actor(session)
            if args.what in ("grids", "roster"):
                module: Any = gi if args.what == "grids" else rr
                remembered = ri.remembered_mapping(session, key=module.MAPPING_KEY, fields=fields)
                mapping = ri.guess_mapping(table.headers, remembered, fields)
                run = gi.import_grids if args.what == "grids" else rr.import_roster
                report = run(
                    session, actor=actor, table=table, mapping=mapping, dry_run=args.dry_run
                )
            else:
                mapping = ri.guess_mapping(table.headers, ri.remembered_mapping(session))
                ri.check_mapping(mapping, table.headers)
                report = ri.import_residents(
                    session, actor=actor, table=table, mapping=mapping, dry_run=args.dry_run
                ).value
    finally:
        db.close()
    if args.json:
        _print_json(
            {
                "written": report.written,
                "imported": report.imported,
                "updated": report.updated,
                "unchanged": report.unchanged,
                "rejected": report.rejected,
                "mapping": {name: table.headers[col] for name, col in mapping.items()},
                "rows": [
                    {"line": r.line, "action": r.action.value, "name": r.name, "reason": r.reason}
                    for r in report.rows
                ],
            }
        )
    else:
        columns = "、".join(f"{fields[n][0]}←“{table.headers[c]}”" for n, c in mapping.items())
        print(f"列对应：{columns}")
        for line in ri.report_lines(report, limit=None if args.verbose else 200):
            print(line)
        print(report.summary() + ("" if report.written else "（试运行，未写入数据库）"))
    return EXIT_FAILED if report.rejected else EXIT_OK


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "report",
        parents=[common],
        help="生成统计月报（Excel 或 PDF）",
        description="生成人民调解工作统计月报和群众诉求办理情况月报。",
    )
    p.set_defaults(func=cmd_report)
    p.add_argument("kind", choices=("monthly",), help="报表种类：monthly 月报")
    p.add_argument("--month", required=True, help="月份，如 2026-10")
    p.add_argument(
        "--scope",
        default="town",
        help="范围：town 全镇（默认）、station 本站、community:社区编号、grid:网格编号",
    )
    p.add_argument("--format", choices=("xlsx", "pdf"), help="文件格式（默认按 --out 的后缀）")
    p.add_argument("--out", metavar="FILE", help="输出文件（默认：统计月报-YYYYMM.xlsx）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出结果")

    p = sub.add_parser(
        "export",
        parents=[common],
        help="导出工单台账、调解台账或居民名册（记入审计日志）",
        description="导出含个人信息的台账或名册。每次导出都记入审计日志。",
    )
    p.set_defaults(func=cmd_export)
    p.add_argument(
        "what",
        choices=("cases", "mediations", "residents"),
        help="cases 工单台账、mediations 调解台账、residents 居民名册",
    )
    p.add_argument(
        "--from", dest="date_from", type=_date, metavar="DATE", help="起始日期（含），如 2026-10-01"
    )
    p.add_argument(
        "--to", dest="date_to", type=_date, metavar="DATE", help="截止日期（含），如 2026-10-31"
    )
    p.add_argument("--scope", default="town", help="工单台账的范围：town、community:ID、grid:ID")
    p.add_argument("--status", help="只导出此状态（英文代码，如 closed、succeeded）")
    p.add_argument("--format", choices=("xlsx", "pdf"), help="文件格式（默认 xlsx）")
    p.add_argument("--out", metavar="FILE", help="输出文件")
    p.add_argument("--full-id", action="store_true", help="居民名册显示完整身份证号码")
    p.add_argument("--reason", help="导出完整身份证号码的原因（记入审计日志）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出结果")

    p = sub.add_parser(
        "import",
        parents=[common],
        help="从 Excel/CSV 导入居民名册或网格",
        description="从 .xlsx 或 .csv（UTF-8 或 GBK）导入居民或网格。居民按身份证号（或同名同电话）"
        "更新；网格按网格编号更新（仅镇中心的驿站管理员）。有行未导入时退出码为 1。",
    )
    p.set_defaults(func=cmd_import)
    p.add_argument(
        "what",
        choices=("residents", "grids", "roster"),
        help="residents 居民；grids 网格、roster 网格员等名册（仅镇中心）",
    )
    p.add_argument("file", metavar="FILE", help=".xlsx 或 .csv 文件")
    p.add_argument("--sheet", help="工作表名称（默认第一个）")
    p.add_argument("--dry-run", action="store_true", help="只检查并打印报告，不写入数据库")
    p.add_argument("--verbose", action="store_true", help="列出每一行（默认最多200行）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出结果")


__all__ = ["cmd_export", "cmd_import", "cmd_report", "register"]
