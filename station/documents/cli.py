"""``grid-station print``: a document or a ledger as a PDF file.

    grid-station print KIND NUMBER [--out FILE] [--full-id [--reason TEXT]] [--paper a5|half-a4]
    grid-station print ledger --from DATE --to DATE [--kind cases|mediations] [--status S]
                              [--out FILE]

The file appears only when the whole document was produced: it is written to a temporary
file beside the target and renamed at the end, so a missing case or missing data leaves no
file (and no audit entry: both happen in one transaction).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path

from station.cli import EXIT_OK, EXIT_USAGE, _open_existing, _print_json
from station.errors import GridStationError
from station.services.users import os_login_name

#: What ``KIND`` may be, in the order ``--help`` lists them (kept here, not imported from
#: station.documents, so building the parser does not load reportlab).
DOCUMENT_KINDS: dict[str, str] = {
    "receipt": "受理回执（工单编号）",
    "referral": "交办单（工单编号）",
    "application": "人民调解申请书（调解案件编号，下同）",
    "registration": "人民调解受理登记表",
    "notice": "人民调解当事人权利义务告知书",
    "investigation": "人民调解调查记录",
    "record": "人民调解记录",
    "agreement": "人民调解协议书",
    "oral-agreement": "人民调解口头协议登记表",
    "visit": "人民调解回访记录",
    "case-file": "人民调解卷宗（全部文书合订）",
}
LEDGER = "ledger"


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是日期，请写成 2026-03-31 的格式") from None


def _usage_error(message: str) -> int:
    print(f"错误：{message}", file=sys.stderr)
    print("用法：grid-station print KIND NUMBER [--out FILE] [--full-id]\n"
          "      grid-station print ledger --from DATE --to DATE "
          "[--kind cases|mediations] [--out FILE]", file=sys.stderr)
    return EXIT_USAGE


def _check_usage(args: argparse.Namespace) -> str | None:
    """What is wrong with the combination of arguments, in words; None if nothing."""
    if args.document not in DOCUMENT_KINDS and args.document != LEDGER:
        return (f"没有“{args.document}”这种文书。可用的文书："
                f"{'、'.join([*DOCUMENT_KINDS, LEDGER])}")
    if args.document == LEDGER:
        if args.number is not None:
            return "台账按日期范围打印，不需要编号；请用 --from 和 --to 指定日期范围"
        if args.date_from is None or args.date_to is None:
            return "打印台账需要 --from 和 --to（如 --from 2026-01-01 --to 2026-03-31）"
        if args.full_id or args.paper:
            return "--full-id 和 --paper 不适用于台账"
        return None
    if args.number is None:
        return f"请给出要打印的编号，如 grid-station print {args.document} XX01-20260305-007"
    ledger_only = [name for name, value in (("--from", args.date_from), ("--to", args.date_to),
                                             ("--kind", args.ledger_kind),
                                             ("--status", args.status)) if value is not None]
    if ledger_only:
        return f"{'、'.join(ledger_only)} 只用于台账（grid-station print ledger）"
    if args.paper and args.document != "receipt":
        return "--paper 只用于受理回执"
    if args.reason and not args.full_id:
        return "--reason 说明显示完整身份证号码的原因，需与 --full-id 一起使用"
    return None


def _default_out(args: argparse.Namespace) -> Path:
    from station.services.documents import safe_filename

    if args.document == LEDGER:
        kind = args.ledger_kind or "cases"
        return Path(safe_filename(LEDGER, f"{kind}-{args.date_from:%Y%m%d}-{args.date_to:%Y%m%d}"))
    return Path(safe_filename(args.document, args.number))


def _write_atomically(target: Path, data: bytes) -> None:
    """``data`` at ``target``, or nothing there at all (no half-written PDF)."""
    folder = target.parent
    if not folder.is_dir():
        raise GridStationError(f"文件夹 {folder} 不存在，请先创建或换一个位置", code="no_folder")
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, 0o666 & ~_umask())  # as any other new file, not mkstemp's 0600
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def cmd_print(args: argparse.Namespace) -> int:
    problem = _check_usage(args)
    if problem:
        return _usage_error(problem)
    # Heavy: reportlab and the services load only when a document is actually printed.
    from station.documents import KINDS
    from station.services.documents import render_document, render_ledger_document
    from station.services.users import system_actor

    target = Path(args.out).expanduser() if args.out else _default_out(args)
    target = target.resolve()
    if target.is_dir():
        raise GridStationError(f"{target} 是一个文件夹，请在 --out 中写上文件名", code="out_is_dir")
    db = _open_existing(args.data_dir)
    try:
        with db.transaction() as session:
            # Whoever runs the command is recorded in the audit as cli:<system user>.
            user = os_login_name()
            actor = replace(system_actor(session), username=f"cli:{user}"[:40], display_name=user)
            if args.document == LEDGER:
                pdf = render_ledger_document(
                    session, actor=actor, kind=args.ledger_kind or "cases",
                    date_from=args.date_from, date_to=args.date_to, status=args.status,
                )
                title = KINDS[LEDGER].title
            else:
                pdf = render_document(
                    session, actor=actor, kind=args.document, number=args.number,
                    show_full_id=args.full_id, reason=args.reason or "", paper=args.paper,
                )
                title = "交办单" if args.document == "referral" else KINDS[args.document].title
            # Inside the transaction: if the file cannot be written, the audit is rolled back.
            _write_atomically(target, pdf)
    finally:
        db.close()
    if args.json:
        _print_json({"file": str(target), "kind": args.document, "number": args.number,
                     "bytes": len(pdf)})
    else:
        print(f"已生成《{title}》：{target}（{len(pdf) / 1024:.0f} KB）")
    return EXIT_OK


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    kinds = "\n".join(f"  {name:<15}{label}" for name, label in
                      [*DOCUMENT_KINDS.items(), (LEDGER, "台账（按日期范围，不需要编号）")])
    p = sub.add_parser(
        "print",
        parents=[common],
        help="把回执、交办单、人民调解文书、卷宗或台账生成为 PDF 文件",
        description="把一份文书生成为 PDF 文件。缺少工单或必要信息时报错，不生成文件。",
        epilog=f"KIND 可以是：\n{kinds}\n\n例：\n"
               "  grid-station print receipt XX01-20260305-007\n"
               "  grid-station print agreement （2026）霞溪人调字第12号 --out 协议书.pdf\n"
               "  grid-station print ledger --from 2026-01-01 --to 2026-03-31 "
               "--kind mediations --out 台账.pdf",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.set_defaults(func=cmd_print)
    p.add_argument("document", metavar="KIND", help="文书种类（见下）")
    p.add_argument("number", metavar="NUMBER", nargs="?",
                   help="工单编号（receipt、referral）或调解案件编号（其余文书）；台账不需要")
    p.add_argument("--out", metavar="FILE",
                   help="输出文件（默认：当前文件夹下的 <KIND>-<NUMBER>.pdf）")
    p.add_argument("--full-id", action="store_true",
                   help="交办单上显示完整身份证号码（会记入审计日志）")
    p.add_argument("--reason", metavar="TEXT", help="显示完整身份证号码的原因（记入审计日志）")
    p.add_argument("--paper", choices=("a5", "half-a4"),
                   help="受理回执的纸张：a5（默认）或 half-a4（A4 纸上下两联）")
    p.add_argument("--from", dest="date_from", type=_date, metavar="DATE",
                   help="台账起始日期（含），如 2026-01-01")
    p.add_argument("--to", dest="date_to", type=_date, metavar="DATE",
                   help="台账截止日期（含），如 2026-03-31")
    p.add_argument("--kind", dest="ledger_kind", choices=("cases", "mediations"),
                   help="台账类型：cases 工单（默认）或 mediations 调解案件")
    p.add_argument("--status", metavar="S", help="台账只列此状态（英文代码，如 closed）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出结果")


__all__ = ["DOCUMENT_KINDS", "cmd_print", "register"]
