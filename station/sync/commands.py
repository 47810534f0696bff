"""``grid-station enroll`` and ``grid-station sync``: a station's side from the command line."""

from __future__ import annotations

import argparse
import sys

from station.cli import EXIT_FAILED, EXIT_OK, _open_existing, _print_json


def cmd_enroll(args: argparse.Namespace) -> int:
    from station.db.database import open_database
    from station.sync.transport import enroll

    db = open_database(args.data_dir)  # a new station may start from an empty folder
    try:
        answer = enroll(db, server_url=args.server, code=args.code, ca_file=args.ca_file or "")
    finally:
        db.close()
    station = answer.station
    if args.json:
        _print_json({"station": station.model_dump(), "town": answer.town.model_dump()})
    else:
        print(
            f"已注册为 {station.code}（{station.name}）。凭据已保存在本站数据库中。\n"
            "接下来运行 grid-station sync 下载基础数据和本站范围内的记录。"
        )
    return EXIT_OK


class _Bar:
    """A one-line progress bar on stderr (a line per step when not a terminal)."""

    def __init__(self, *, quiet: bool) -> None:
        self.quiet = quiet
        self.tty = sys.stderr.isatty()

    def __call__(self, progress) -> None:  # type: ignore[no-untyped-def]
        if self.quiet:
            return
        if progress.total:
            filled = int(20 * min(progress.done, progress.total) / progress.total)
            bar = "#" * filled + "-" * (20 - filled)
        else:
            bar = "." * 20
        phase = {"push": "上传", "pull": "下载", "done": "完成"}[progress.phase]
        line = f"[{bar}] {phase} {progress.message}"
        if self.tty:
            print(f"\r{line:<70}", end="" if progress.phase != "done" else "\n", file=sys.stderr)
        else:
            print(line, file=sys.stderr)


def cmd_sync(args: argparse.Namespace) -> int:
    from station.sync.client import sync_once
    from station.sync.state import load_sync_state
    from station.sync.transport import open_client

    db = _open_existing(args.data_dir)
    try:
        if args.status:
            with db.read() as s:
                state = load_sync_state(s)
            if args.json:
                _print_json(state.__dict__)
            else:
                last = f"{state.last_success:%Y-%m-%d %H:%M}" if state.last_success else "从未"
                print(
                    f"上次成功同步：{last}；待上传 {state.pending} 条；被拒收 {state.rejected} 条"
                )
                if state.last_error:
                    print(f"上次错误：{state.last_error}")
            return EXIT_OK
        with open_client(db) as http:
            report = sync_once(db=db, http=http, progress=_Bar(quiet=args.json))
    finally:
        db.close()
    if args.json:
        _print_json(
            {
                "pushed": report.pushed,
                "duplicates": report.duplicates,
                "pulled": report.pulled,
                "reference": report.reference,
                "cursor": report.cursor,
                "requests": report.requests,
                "seconds": round(report.seconds, 3),
                "rejected": [r.__dict__ for r in report.rejected],
            }
        )
    else:
        print(
            f"同步完成：上传 {report.pushed} 条，下载 {report.pulled} 条，"
            f"基础数据 {report.reference} 条，用时 {report.seconds:.1f} 秒。"
        )
        for r in report.rejected:
            print(
                f"镇服务器拒收了一条记录（{r.entity_type} {r.entity_id}）：{r.message}",
                file=sys.stderr,
            )
    return EXIT_FAILED if report.rejected else EXIT_OK


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "enroll",
        parents=[common],
        help="用一次性注册码把本站注册到镇服务器",
        description="用镇网格中心给的一次性注册码把本站注册到镇服务器（凭据保存在本站数据库）",
    )
    p.set_defaults(func=cmd_enroll)
    p.add_argument("--server", required=True, help="镇服务器地址，如 https://town.example:8700")
    p.add_argument("--code", required=True, help="一次性注册码")
    p.add_argument("--ca-file", help="镇里自建 CA 的证书文件（PEM），用于校验服务器证书")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser(
        "sync",
        parents=[common],
        help="与镇服务器同步一次（成功时退出码为 0）",
        description="上传本站待同步的记录，再下载本站范围内的变化；成功时退出码为 0",
    )
    p.set_defaults(func=cmd_sync)
    p.add_argument("--status", action="store_true", help="只显示同步状态，不联网")
    p.add_argument("--json", action="store_true")
