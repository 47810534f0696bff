"""``grid-station serve`` and ``grid-station server …`` (the town center's admin commands).

Admin commands work on the server's database directly (``--db URL``, default a SQLite file
in the data folder), never over the network: enrollment codes are printed here, once.
"""

from __future__ import annotations

import argparse
import logging
import os
from pathlib import Path

from station.cli import EXIT_FAILED, EXIT_OK, _open_existing, _print_json
from station.errors import GridStationError


def _url(args: argparse.Namespace) -> str:
    from station.server.db import default_database_url

    return args.db or default_database_url(args.data_dir)


def _shown(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from station.server.app import DATABASE_ENV, create_app, keep_startup_objects_out_of_gc
    from station.server.db import open_server_database

    if bool(args.tls_cert) != bool(args.tls_key):
        raise GridStationError("--tls-cert 和 --tls-key 须同时给出", code="usage")
    url = _url(args)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    open_server_database(url).close()  # migrate once, before any worker starts
    scheme = "https" if args.tls_cert else "http"
    print(f"镇服务器：{scheme}://{args.host}:{args.port}  数据库：{_shown(url)}", flush=True)
    tls = {"ssl_certfile": args.tls_cert, "ssl_keyfile": args.tls_key} if args.tls_cert else {}
    if args.workers > 1:
        os.environ[DATABASE_ENV] = url
        uvicorn.run(
            "station.server.app:app_from_env",
            factory=True,
            host=args.host,
            port=args.port,
            workers=args.workers,
            access_log=False,  # the app logs requests itself, without personal data
            proxy_headers=True,
            **tls,
        )
    else:
        app = create_app(url)
        keep_startup_objects_out_of_gc()
        uvicorn.run(
            app,
            host=args.host,
            port=args.port,
            access_log=False,
            proxy_headers=True,
            **tls,
        )
    return EXIT_OK


def cmd_add_station(args: argparse.Namespace) -> int:
    from datetime import datetime

    from pydantic import ValidationError as PydanticError

    from station.domain.numbers import check_station_code
    from station.server import crud
    from station.server.db import open_server_database
    from station.sync.protocol import StationCreate

    try:
        data = StationCreate(
            code=check_station_code(args.code),
            name=args.name,
            kind=args.kind,
            grids=[g for part in args.grids or () for g in part.split(",") if g],
            department_id=args.department,
        )
    except PydanticError as exc:
        raise GridStationError(f"站点信息不完整：{exc.errors()[0]['msg']}", code="usage") from None
    db = open_server_database(_url(args))
    try:
        with db.transaction() as s:
            _station, code = crud.add_station(s, data=data, now=datetime.now())
    finally:
        db.close()
    if args.json:
        _print_json({"station": data.model_dump(), "enroll_code": code})
    else:
        print(f"已登记站点 {data.code}（{data.name}）。一次性注册码（30天内有效，只显示这一次）：")
        print(code)
        print(f"在该站点运行：grid-station enroll --server 镇服务器地址 --code {code}")
    return EXIT_OK


def cmd_revoke(args: argparse.Namespace) -> int:
    from datetime import datetime

    from station.server import crud
    from station.server.db import open_server_database

    db = open_server_database(_url(args))
    try:
        with db.transaction() as s:
            crud.revoke(s, code=args.code.strip().upper(), now=datetime.now())
    finally:
        db.close()
    print(f"站点 {args.code} 的凭据已吊销；它的任何请求都会被拒绝。重新启用请再次 add-station。")
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from station.server import crud
    from station.server.db import open_server_database

    db = open_server_database(_url(args))
    try:
        with db.sessions() as s:
            stations = crud.list_stations(s)
    finally:
        db.close()
    if args.json:
        _print_json([st.model_dump() for st in stations])
        return EXIT_OK
    for st in stations:
        state = "已吊销" if st.revoked else ("已注册" if st.enrolled else "待注册")
        scope = st.department_id or (f"{len(st.grids)} 个网格" if st.grids else "全镇")
        print(f"{st.code:<8} {st.kind:<10} {state:<4} {scope:<10} {st.name}")
    return EXIT_OK


def cmd_init_demo(args: argparse.Namespace) -> int:
    from station.server.db import open_server_database
    from station.server.demo import init_demo

    db = open_server_database(_url(args))
    try:
        with db.transaction() as s:
            changed, codes = init_demo(s, seed=args.seed)
    finally:
        db.close()
    if args.json:
        _print_json(
            {
                "reference_changed": changed,
                "stations": [{"code": c, "name": n, "enroll_code": e} for c, n, e in codes],
            }
        )
        return EXIT_OK
    print(f"已载入演示镇的基础数据（{changed} 条有变化）并登记演示站点。一次性注册码：")
    for code, name, enroll_code in codes:
        print(f"  {code:<8} {enroll_code}  {name}")
    return EXIT_OK


def cmd_import_reference(args: argparse.Namespace) -> int:
    from station.server.db import open_server_database
    from station.server.reference import put_reference
    from station.sync.reference import export_reference

    source = _open_existing(args.source)
    with source.read() as s:
        records = export_reference(s)
    source.close()
    db = open_server_database(_url(args))
    try:
        with db.transaction() as s:
            changed = put_reference(s, records=records, replace_all=args.replace)
    finally:
        db.close()
    print(f"已从 {args.source} 导入基础数据：{len(records)} 条，其中 {changed} 条有变化。")
    return EXIT_OK


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    db_help = "服务器数据库 URL（默认：数据文件夹中的 town-server.sqlite3；PostgreSQL 如 postgresql+psycopg://user@host/db）"
    p = sub.add_parser("serve", parents=[common], help="运行镇服务器", description="运行镇服务器")
    p.set_defaults(func=cmd_serve)
    p.add_argument("--db", help=db_help)
    p.add_argument("--host", default="127.0.0.1", help="监听地址（默认 127.0.0.1）")
    p.add_argument("--port", type=int, default=8700, help="端口（默认 8700）")
    p.add_argument("--tls-cert", help="TLS 证书文件（PEM）")
    p.add_argument("--tls-key", help="TLS 私钥文件（PEM）")
    p.add_argument("--workers", type=int, default=1, help="工作进程数（PostgreSQL 时可多于 1）")

    group = sub.add_parser(
        "server",
        parents=[common],
        help="镇服务器管理：登记站点、吊销、演示数据",
        description="镇服务器管理命令（直接操作服务器数据库）",
    )

    def show_help(_args: argparse.Namespace) -> int:
        group.print_help()
        return EXIT_FAILED

    group.set_defaults(func=show_help)
    ssub = group.add_subparsers(title="管理命令", metavar="ACTION")

    def action(name: str, func, help_text: str) -> argparse.ArgumentParser:  # type: ignore[no-untyped-def]
        q = ssub.add_parser(name, parents=[common], help=help_text, description=help_text)
        q.set_defaults(func=func)
        q.add_argument("--db", help=db_help)
        q.add_argument("--json", action="store_true", help="以 JSON 输出")
        return q

    q = action("add-station", cmd_add_station, "登记站点并打印一次性注册码")
    q.add_argument("code", help="站点编码，如 XX01")
    q.add_argument("--name", required=True, help="站点名称")
    q.add_argument(
        "--kind", required=True, choices=["village", "community", "center", "department"]
    )
    q.add_argument("--grids", nargs="*", help="所辖网格编号（村、社区站点），空格或逗号分隔")
    q.add_argument("--department", help="部门编号（职能部门站点），如 D-CG")
    q = action("revoke", cmd_revoke, "吊销站点凭据")
    q.add_argument("code", help="站点编码")
    action("list", cmd_list, "列出登记的站点")
    q = action("import-reference", cmd_import_reference, "从一个驿站数据文件夹导入基础数据")
    q.add_argument("source", type=Path, help="驿站数据文件夹（其中的社区、网格、名册、部门、类别）")
    q.add_argument("--replace", action="store_true", help="服务器上多出的基础数据标记为已删除")
    q = action("init-demo", cmd_init_demo, "载入演示镇基础数据并登记演示站点")
    q.add_argument("--seed", type=int, default=2026, help="与 grid-station demo 相同的随机种子")

    from station.server import account_commands

    account_commands.register(action)
