"""``grid-station backup`` and ``grid-station restore``: the station's backups from the
command line (station.services.backup does the work).

    grid-station backup [--to DIR] [--list] [--verify FILE] [--json]
    grid-station restore FILE [--force] [--json]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from station.cli import EXIT_FAILED, EXIT_OK, _print_json


def _second_folder_setting(data_dir: Path) -> str:
    """The configured second backup folder; "" when the database cannot tell us."""
    from station.services.backup import read_setting

    return read_setting(data_dir, "backup_dir")


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{max(n, 1) / 1024:.0f} KB"


def cmd_backup(args: argparse.Namespace) -> int:
    from station.db.database import database_path
    from station.services.backup import all_backups, create_backup

    if args.verify:
        return _verify(args)
    backup_dir = _second_folder_setting(args.data_dir)
    if args.list:
        found = all_backups(args.data_dir, backup_dir)
        if args.json:
            _print_json(
                [
                    {
                        "file": str(b.path),
                        "created_at": b.created_at,
                        "label": b.label,
                        "bytes": b.size,
                        "location": b.location,
                    }
                    for b in found
                ]
            )
        else:
            for b in found:
                where = "数据文件夹" if b.location == "local" else "第二备份位置"
                print(f"{b.created_at:%Y-%m-%d %H:%M:%S}  {_size(b.size):>9}  {where}  {b.path}")
            if not found:
                print("还没有备份。运行 grid-station backup 立即备份。")
        return EXIT_OK
    if not database_path(args.data_dir).exists():
        print(f"错误：数据文件夹 {args.data_dir} 中没有数据库。", file=sys.stderr)
        return EXIT_FAILED
    to = Path(args.to).expanduser().resolve() if args.to else None
    outcome = create_backup(data_dir=args.data_dir, backup_dir=backup_dir, label="manual", to=to)
    if args.json:
        _print_json(
            {
                "file": str(outcome.backup.path),
                "bytes": outcome.backup.size,
                "second_copy": str(outcome.second_copy) if outcome.second_copy else None,
                "second_status": outcome.second_status,
                "removed": [str(p) for p in outcome.removed],
            }
        )
    else:
        print(f"已备份并检查通过：{outcome.backup.path}（{_size(outcome.backup.size)}）")
        if to is None:
            print(outcome.second_status)
        if outcome.removed:
            print(f"按保留规则删除了 {len(outcome.removed)} 个较旧的备份。")
    return EXIT_OK


def _verify(args: argparse.Namespace) -> int:
    from station.services.backup import verify_backup

    check = verify_backup(Path(args.verify).expanduser())
    if args.json:
        _print_json(
            {
                "file": str(check.path),
                "ok": check.ok,
                "problems": list(check.problems),
                "station_code": check.station_code,
                "station_name": check.station_name,
                "schema_version": check.schema_revision,
            }
        )
    elif check.ok:
        print(
            f"{check.path} 完好：驿站 {check.station_code} {check.station_name}，"
            f"数据库版本 {check.schema_revision}。"
        )
    else:
        print(f"{check.path} 未通过检查：", file=sys.stderr)
        for problem in check.problems:
            print(f"- {problem}", file=sys.stderr)
    return EXIT_OK if check.ok else EXIT_FAILED


def cmd_restore(args: argparse.Namespace) -> int:
    from station.services.backup import restore_backup
    from station.services.users import os_login_name

    outcome = restore_backup(
        data_dir=args.data_dir,
        source=Path(args.file),
        by=f"cli:{os_login_name()}",
        force=args.force,
    )
    if args.json:
        _print_json(
            {
                "restored_from": str(outcome.restored_from),
                "set_aside": [str(p) for p in outcome.set_aside],
                "station_code": outcome.station_code,
                "migrated": outcome.migrated,
            }
        )
    else:
        print(f"已从 {outcome.restored_from} 恢复驿站 {outcome.station_code} 的数据。")
        for path in outcome.set_aside:
            print(f"原来的数据库已保留为：{path}")
        if outcome.migrated:
            print("备份来自较早的版本，已升级到当前数据库版本。")
    return EXIT_OK


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "backup",
        parents=[common],
        help="立即备份数据库（检查备份完好，复制到第二备份位置，按规则保留旧备份）",
        description="用 SQLite 在线备份生成一致的数据库副本，检查通过后保存到数据文件夹的 "
        "backups，并复制到设置中的第二备份位置（如 U 盘）。保留最近 7 天、4 周、12 个月"
        "的自动和手动备份；升级前的备份不会自动删除。",
    )
    p.set_defaults(func=cmd_backup)
    p.add_argument("--to", metavar="DIR", help="只把这次备份保存到这个文件夹（如 U 盘），不轮换")
    p.add_argument("--list", action="store_true", help="列出已有的备份")
    p.add_argument(
        "--verify", metavar="FILE", help="只检查一个备份文件（完整性、数据库版本、所属驿站）"
    )
    p.add_argument("--json", action="store_true", help="以 JSON 输出结果")

    p = sub.add_parser(
        "restore",
        parents=[common],
        help="从备份文件恢复数据库（先检查备份；原数据库改名保留，不会删除）",
        description="检查备份文件（完整性、数据库版本、所属驿站）后用它替换当前数据库。"
        "当前数据库改名为 grid-station-before-restore-<时间>.sqlite3 保留在数据文件夹中。"
        "恢复前请先关闭网格驿站程序。恢复记入审计日志。",
    )
    p.set_defaults(func=cmd_restore)
    p.add_argument("file", metavar="FILE", help="备份文件（.sqlite3）")
    p.add_argument("--force", action="store_true", help="备份属于另一个驿站时也恢复")
    p.add_argument("--json", action="store_true", help="以 JSON 输出结果")


__all__ = ["cmd_backup", "cmd_restore", "register"]
