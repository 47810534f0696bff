"""``grid-station``: the desktop app (no arguments) and the maintenance commands.

Every subcommand takes ``--data-dir`` (default: the per-user data folder). ``--json``
output uses English snake_case keys so county IT can script against it. Errors print in
Chinese and exit non-zero.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path
from typing import Any

from station import __version__
from station.db.database import Database, database_path, default_data_dir, open_database
from station.db.migrate import current_revision
from station.errors import GridStationError

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
COMMAND_MODULES: tuple[str, ...] = (
    "station.server.commands",
    "station.sync.commands",
    "station.documents.cli",
    "station.reports.commands",
    "station.backup_commands",
    "station.users_commands",
)


def _json_default(value: object) -> str:
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def _print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=_json_default))


def _open_existing(data_dir: Path) -> Database:
    if not database_path(data_dir).exists():
        raise GridStationError(
            f"数据文件夹 {data_dir} 中还没有数据库。"
            "请先运行 grid-station 完成首次设置，或运行 grid-station demo 生成演示数据。",
            code="no_database",
        )
    return open_database(data_dir)


# --------------------------------------------------------------------------- commands


def cmd_demo(args: argparse.Namespace) -> int:
    path = database_path(args.data_dir)
    if path.exists() and not args.force:
        print(
            f"{path} 已存在。演示数据会覆盖它；确实要覆盖请加 --force（原文件会先备份）。",
            file=sys.stderr,
        )
        return EXIT_FAILED
    from station.demo.town import build_demo_town  # heavy: only when asked

    started = time.perf_counter()
    summary = build_demo_town(
        args.data_dir, seed=args.seed, cases=args.cases, mediations=args.mediations
    )
    seconds = time.perf_counter() - started
    if args.json:
        _print_json({**asdict(summary), "seconds": round(seconds, 2)})
    else:
        print(
            f"演示镇已生成：{summary.residents} 位居民，{summary.cases} 张工单，"
            f"{summary.mediations} 件调解案件，用时 {seconds:.1f} 秒。\n"
            f"数据库：{path}\n演示账号（密码均为 {summary.password}）：{'、'.join(summary.users)}"
        )
    return EXIT_OK


def cmd_info(args: argparse.Namespace) -> int:
    from station.services.overview import station_info
    from station.settings import load_settings

    db = _open_existing(args.data_dir)
    with db.read() as session:
        info = station_info(session)
        settings = load_settings(session)
    result = {
        "version": __version__,
        "schema_version": current_revision(db.engine),
        "data_dir": str(args.data_dir),
        "database": str(db.path),
        "station_code": settings.station_code,
        "station_name": settings.station_name,
        **asdict(info),
    }
    if args.json:
        _print_json(result)
        return EXIT_OK
    labels = {
        "station_name": "驿站",
        "station_code": "驿站编码",
        "schema_version": "数据库版本",
        "database": "数据库文件",
        "communities": "社区",
        "villages": "村",
        "grids": "网格",
        "grid_workers": "网格员",
        "grid_leaders": "网格长",
        "deputy_grid_leaders": "副网格长（民警）",
        "mediators": "调解员",
        "residents": "居民",
        "cases": "工单",
        "mediations": "调解案件",
    }
    for key, label in labels.items():
        print(f"{label}：{result[key]}")
    from station.domain.enums import CaseStatus, MediationStatus

    for status, n in sorted(info.cases_by_status.items()):
        print(f"  工单 {CaseStatus(status).label}：{n}")
    for status, n in sorted(info.mediations_by_status.items()):
        print(f"  调解 {MediationStatus(status).label}：{n}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from station.services.overview import check_database

    db = _open_existing(args.data_dir)
    with db.read() as session:
        report = check_database(session)
    if args.json:
        _print_json({"ok": report.ok, "checked": report.checked, "problems": report.problems})
    elif report.ok:
        print(f"数据库检查通过（{'、'.join(report.checked)}）。")
    else:
        print(f"发现 {len(report.problems)} 个问题：", file=sys.stderr)
        for problem in report.problems[:200]:
            print(f"- {problem}", file=sys.stderr)
    return EXIT_OK if report.ok else EXIT_FAILED


def cmd_cases(args: argparse.Namespace) -> int:
    from station.services.cases import CaseFilter, list_cases

    db = _open_existing(args.data_dir)
    with db.read() as session:
        rows = list_cases(
            session, flt=CaseFilter(status=args.status, query=args.query or ""), limit=args.limit
        )
    if args.json:
        _print_json(
            [
                {
                    "number": r.number,
                    "received_at": r.received_at,
                    "status": r.status,
                    "status_label": r.status_label,
                    "category": r.category,
                    "grid": r.grid,
                    "requester": r.requester,
                    "summary": r.summary,
                }
                for r in rows
            ]
        )
        return EXIT_OK
    for r in rows:
        print(
            f"{r.number}  {r.received_at:%Y-%m-%d %H:%M}  {r.status_label:<8} "
            f"{r.category:<8} {r.grid:<14} {r.requester}"
        )
    if not rows:
        print("没有符合条件的工单。")
    return EXIT_OK


def cmd_mediations(args: argparse.Namespace) -> int:
    from station.services.mediation import list_mediations

    db = _open_existing(args.data_dir)
    with db.read() as session:
        rows = list_mediations(
            session, status=args.status, query=args.query or "", limit=args.limit
        )
    if args.json:
        _print_json(
            [
                {
                    "number": r.number,
                    "accepted_on": r.accepted_on,
                    "status": r.status,
                    "status_label": r.status_label,
                    "dispute_type": r.dispute_type,
                    "parties": r.parties,
                    "lead_mediator": r.lead_mediator,
                }
                for r in rows
            ]
        )
        return EXIT_OK
    for r in rows:
        print(
            f"{r.number}  {r.accepted_on:%Y-%m-%d}  {r.status_label:<6} {r.dispute_type:<8} "
            f"{r.parties}  调解员：{r.lead_mediator}"
        )
    if not rows:
        print("没有符合条件的调解案件。")
    return EXIT_OK


def cmd_self_test(args: argparse.Namespace) -> int:
    from station.selftest import run_self_test  # loads Qt, but only inside its steps

    return run_self_test()


def cmd_app(args: argparse.Namespace) -> int:
    from ui.app import run_app  # Qt is loaded only for the desktop app

    return run_app(data_dir=args.data_dir, demo_if_empty=args.demo_if_empty)


# --------------------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    # --data-dir is accepted before or after the subcommand; SUPPRESS keeps a value given
    # before it from being overwritten by the subcommand's default.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        type=Path,
        default=argparse.SUPPRESS,
        help="数据文件夹（默认：用户数据目录）",
    )
    parser = argparse.ArgumentParser(
        prog="grid-station",
        description="网格驿站：接待、工单与人民调解。不带参数运行即打开桌面程序。",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"grid-station {__version__}")
    parser.add_argument(
        "--demo-if-empty",
        action="store_true",
        help="数据文件夹为空时先生成演示镇（快速上手用）",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="自检：在临时文件夹中生成演示镇、打开主窗口（不显示）、生成每种文书；"
        "全部成功时退出码为 0",
    )
    parser.set_defaults(func=cmd_app)
    sub = parser.add_subparsers(title="子命令", metavar="COMMAND")

    def command(name: str, func: Callable[[argparse.Namespace], int], help_text: str):  # type: ignore[no-untyped-def]
        p = sub.add_parser(name, parents=[common], help=help_text, description=help_text)
        p.set_defaults(func=func)
        return p

    p = command("demo", cmd_demo, "生成演示镇（社区、网格、名册、居民、工单、调解案件）")
    p.add_argument("--seed", type=int, default=2026, help="随机种子，相同种子生成相同数据")
    p.add_argument("--cases", type=int, default=1000, help="工单数量（默认 1000）")
    p.add_argument("--mediations", type=int, default=300, help="调解案件数量（默认 300）")
    p.add_argument("--force", action="store_true", help="覆盖已有数据库（先备份）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出结果")

    p = command("info", cmd_info, "显示数据库版本、数据文件夹和各类数量")
    p.add_argument("--json", action="store_true")

    p = command("check", cmd_check, "检查数据库完整性、外键、投影与事件一致、编号唯一")
    p.add_argument("--json", action="store_true")

    for name, func, help_text in (
        ("cases", cmd_cases, "列出工单"),
        ("mediations", cmd_mediations, "列出调解案件"),
    ):
        p = command(name, func, help_text)
        p.add_argument("--status", help="按状态筛选（英文代码，如 received、closed）")
        p.add_argument("--query", help="按编号、姓名或内容搜索")
        p.add_argument("--limit", type=int, default=50)
        p.add_argument("--json", action="store_true")

    # Command groups that live beside their feature: each module has
    # ``register(sub, common)`` and keeps heavy imports inside its command functions.
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "data_dir"):
        from station.services.setup import chosen_data_dir  # the folder picked at setup

        args.data_dir = chosen_data_dir(default_data_dir())
    args.data_dir = Path(args.data_dir).expanduser().resolve()
    from station.logs import setup_logging  # the rotating log in the data folder

    setup_logging(args.data_dir)
    if getattr(args, "self_test", False):
        args.func = cmd_self_test
    try:
        return int(args.func(args))
    except GridStationError as exc:
        if getattr(args, "json", False):
            _print_json({"error": exc.to_dict()})
        print(f"错误：{exc.message}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into `head` or similar that stopped reading: not an error for us.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception:  # a bug: into the log (scrubbed) as well as onto the terminal
        import logging

        logging.getLogger("grid_station.crash").critical("unexpected error", exc_info=True)
        raise


if __name__ == "__main__":
    sys.exit(main())
