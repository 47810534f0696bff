"""``grid-station users`` and ``grid-station reset-password``: the way back in when the
only station admin forgot the password or is locked out.

Whoever can run commands on this computer can already copy the database, so the command
asks for nothing but the new password; it is audited as ``cli:<computer user>``, lifts the
lock, and the person chooses their own password at the next login.

    grid-station users [--json]
    grid-station reset-password USERNAME [--password-stdin] [--json]
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import TYPE_CHECKING

from station.cli import EXIT_FAILED, EXIT_OK, _open_existing, _print_json

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from station.services.events import Actor


def _cli_actor(session: Session) -> Actor:
    """Whoever runs the command, as the audit log names them (a station admin's rights)."""
    from station.domain.enums import Role
    from station.services.events import Actor
    from station.services.users import os_login_name
    from station.settings import load_settings

    return Actor(
        username=f"cli:{os_login_name()}"[:40],
        role=Role.STATION_ADMIN,
        station_code=load_settings(session).station_code or "LOCAL",
        display_name="命令行",
    )


def cmd_users(args: argparse.Namespace) -> int:
    from station.services.users import list_users

    db = _open_existing(args.data_dir)
    try:
        with db.read() as session:
            found = list_users(session)
    finally:
        db.close()
    if args.json:
        _print_json(
            [
                {
                    "username": u.username,
                    "display_name": u.display_name,
                    "role": u.role,
                    "active": u.active,
                    "locked_until": u.locked_until,
                    "must_change_password": u.must_change_password,
                }
                for u in found
            ]
        )
        return EXIT_OK
    for u in found:
        state = (
            "已停用" if not u.active else f"锁定至 {u.locked_until:%H:%M}" if u.locked_until else ""
        )
        print(f"{u.username:<16} {u.display_name:<10} {u.role_label:<8} {state}".rstrip())
    return EXIT_OK


def _new_password(args: argparse.Namespace) -> str | None:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("新密码：")
    if getpass.getpass("再次输入新密码：") != first:
        print("错误：两次输入的密码不一致。", file=sys.stderr)
        return None
    return first


def cmd_reset_password(args: argparse.Namespace) -> int:
    from station.services.users import reset_password

    password = _new_password(args)
    if password is None:
        return EXIT_FAILED
    db = _open_existing(args.data_dir)
    try:
        with db.transaction() as session:
            info = reset_password(
                session, actor=_cli_actor(session), username=args.username, new_password=password
            )
    finally:
        db.close()
    if args.json:
        _print_json({"username": info.username, "must_change_password": True})
    else:
        print(f"已重置 {info.username} 的密码并解除锁定；下次登录时需改为自己的密码。")
    return EXIT_OK


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "users",
        parents=[common],
        help="列出本驿站的登录账号（角色、是否停用或锁定）",
        description="列出本驿站的登录账号。账号的新建、停用和改角色"
        "请在桌面程序的 设置 → 账号管理 中办理。",
    )
    p.set_defaults(func=cmd_users)
    p.add_argument("--json", action="store_true", help="以 JSON 输出结果")

    p = sub.add_parser(
        "reset-password",
        parents=[common],
        help="重置一个账号的密码并解除锁定（例如唯一的管理员忘记了密码）",
        description="为账号设置新密码并解除因输错密码造成的锁定；此人下次登录时需改为自己的密码。"
        "操作记入审计日志（操作人为 cli:<本机用户名>）。",
    )
    p.set_defaults(func=cmd_reset_password)
    p.add_argument("username", metavar="USERNAME", help="登录名")
    p.add_argument(
        "--password-stdin", action="store_true", help="从标准输入读取新密码（一行），不提示"
    )
    p.add_argument("--json", action="store_true", help="以 JSON 输出结果")
