"""``grid-station server add-user / disable-user / enable-user / list-users``: town accounts.

They work on the server's database directly, like the other admin commands. The password
is asked twice without echo (or read from one line of standard input with
``--password-stdin``); only its argon2id hash is stored and sent to stations.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from station.cli import EXIT_FAILED, EXIT_OK, _print_json

Action = Callable[..., argparse.ArgumentParser]


def _shown(account: object) -> dict[str, object]:
    return dict(account.__dict__)


def cmd_add_user(args: argparse.Namespace) -> int:
    from station.server.accounts import add_town_account
    from station.server.commands import _url
    from station.server.db import open_server_database
    from station.users_commands import _new_password

    password = _new_password(args)
    if password is None:
        return EXIT_FAILED
    db = open_server_database(_url(args))
    try:
        with db.transaction() as s:
            account = add_town_account(
                s,
                username=args.username,
                display_name=args.name or args.username,
                role=args.role,
                password=password,
                roster_person_id=args.roster_id,
            )
    finally:
        db.close()
    if args.json:
        _print_json(_shown(account))
    else:
        print(
            f"已建立镇账号 {account.username}（{account.display_name}，{account.role}）；"
            "各站点下次同步后即可用它登录。"
        )
    return EXIT_OK


def _set_active(args: argparse.Namespace, active: bool) -> int:
    from station.server.accounts import set_town_account_active
    from station.server.commands import _url
    from station.server.db import open_server_database

    db = open_server_database(_url(args))
    try:
        with db.transaction() as s:
            account = set_town_account_active(s, username=args.username, active=active)
    finally:
        db.close()
    if args.json:
        _print_json(_shown(account))
    else:
        state = "已启用" if active else "已停用"
        print(f"镇账号 {account.username} {state}；各站点下次同步后生效。")
    return EXIT_OK


def cmd_disable_user(args: argparse.Namespace) -> int:
    return _set_active(args, False)


def cmd_enable_user(args: argparse.Namespace) -> int:
    return _set_active(args, True)


def cmd_list_users(args: argparse.Namespace) -> int:
    from station.server.accounts import list_town_accounts
    from station.server.commands import _url
    from station.server.db import open_server_database

    db = open_server_database(_url(args))
    try:
        with db.sessions() as s:
            accounts = list_town_accounts(s)
    finally:
        db.close()
    if args.json:
        _print_json([_shown(a) for a in accounts])
        return EXIT_OK
    for a in accounts:
        state = "" if a.active else "已停用"
        print(f"{a.username:<16} {a.display_name:<10} {a.role:<20} {state}".rstrip())
    return EXIT_OK


def register(action: Action) -> None:
    """Add the account commands with ``action`` (see :func:`station.server.commands.register`)."""
    q = action("add-user", cmd_add_user, "建立镇账号（各站点同步后可用它离线登录）")
    q.add_argument("username", help="登录名")
    q.add_argument("--role", required=True, help="角色，如 mediator")
    q.add_argument("--name", help="显示姓名，如 黄明仁")
    q.add_argument("--roster-id", help="名册人员编号（可选）")
    q.add_argument(
        "--password-stdin", action="store_true", help="从标准输入读取密码（一行），不提示"
    )
    q = action("disable-user", cmd_disable_user, "停用镇账号（各站点同步后不能再登录）")
    q.add_argument("username", help="登录名")
    q = action("enable-user", cmd_enable_user, "重新启用镇账号")
    q.add_argument("username", help="登录名")
    action("list-users", cmd_list_users, "列出镇账号")
