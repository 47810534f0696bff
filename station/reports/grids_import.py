"""Importing the grid list (网格) from the sheet a town keeps in Excel or CSV.

Grids are reference data owned by the town grid center: the center imports them into its
own database and publishes them with ``grid-station server import-reference``; every
station then receives them by sync (a station's own edits would be overwritten by the
next pull, so only an admin at the center may import). Reading, column mapping, the
row-by-row report and dry runs work as for residents
(:mod:`station.reports.residents_import`); rows are added or updated by their grid number
(网格编号) and rejected with the reason: missing number or name, unknown community, a
households figure that is not a whole number, a duplicate number in the file, or a name
that another grid of the same community already has.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.db.models import Community, Grid
from station.domain.enums import Role, StationKind
from station.errors import PermissionDenied
from station.reports.residents_import import (
    Fields,
    ImportReport,
    RawTable,
    RowAction,
    RowResult,
    check_mapping,
    remember_mapping,
)
from station.services.events import Actor
from station.settings import load_settings

FIELDS: Fields = {
    "community": (
        "村（社区）",
        ("村（社区）", "社区（村）", "社区", "村", "所属社区", "社区名称", "村居", "村（居）"),
    ),
    "grid_id": ("网格编号", ("网格编号", "网格编码", "网格代码", "编号")),
    "name": ("网格名称", ("网格名称", "网格名", "网格")),
    "households": ("户数", ("户数", "住户数", "户籍户数", "常住户数")),
}
REQUIRED = ("community", "grid_id", "name")
MAPPING_KEY = "import_mapping:grids"
MAX_HOUSEHOLDS = 10_000


def check_grid_import_access(session: Session, actor: Actor) -> None:
    """Only a station admin at the town center maintains the grid list."""
    if Role(actor.role) is not Role.STATION_ADMIN:
        raise PermissionDenied("只有驿站管理员可以导入网格", code="import_forbidden")
    if load_settings(session).station_kind != StationKind.CENTER.value:
        raise PermissionDenied(
            "网格等基础数据由镇网格服务管理中心维护：请在中心的电脑上导入，"
            "再用 grid-station server import-reference 发布给各站点",
            code="reference_owned_by_center",
        )


def _text(value: str) -> str:
    return unicodedata.normalize("NFKC", value).strip()


def check_grid_rows(session: Session, *, table: RawTable, mapping: dict[str, int]) -> ImportReport:
    """What importing ``table`` would do to the grid list, row by row; writes nothing."""
    check_mapping(mapping, table.headers, fields=FIELDS, required=REQUIRED)
    communities: dict[str, str] = {}
    for cid, name in session.execute(select(Community.id, Community.name)):
        communities[_text(cid)] = cid
        communities[_text(name)] = cid
    grids = {g.id: g for g in session.scalars(select(Grid))}
    names = {(g.community_id, _text(g.name)): g.id for g in grids.values()}
    seen: dict[str, int] = {}
    out: list[RowResult] = []
    for line, cells in table.rows:
        raw = {name: _text(cells[col]) for name, col in mapping.items()}
        grid_id, name = raw.get("grid_id", ""), raw.get("name", "")
        problem = ""
        community_id = communities.get(raw.get("community", ""))
        households: int | None = None
        if not grid_id:
            problem = "缺少网格编号"
        elif len(grid_id) > 24:
            problem = "网格编号太长（最多24个字符）"
        elif not name:
            problem = "缺少网格名称"
        elif len(name) > 60:
            problem = "网格名称太长（最多60个字）"
        elif community_id is None:
            problem = f"没有这个村（社区）：{raw.get('community', '')}"
        elif raw.get("households"):
            try:
                households = int(raw["households"].removesuffix("户"))
            except ValueError:
                households = -1
            if not 0 <= households <= MAX_HOUSEHOLDS:
                problem = f"户数“{raw['households']}”应为0到{MAX_HOUSEHOLDS}之间的整数"
        if not problem and grid_id in seen:
            problem = f"与第{seen[grid_id]}行重复"
        if not problem:
            other = names.get((community_id, name))
            if other is not None and other != grid_id:
                problem = f"本村（社区）已有同名网格（编号{other}）"
        if problem:
            out.append(RowResult(line, RowAction.REJECT, name, problem))
            continue
        seen[grid_id] = line
        values: dict[str, Any] = {"id": grid_id, "name": name, "community_id": community_id}
        if households is not None:
            values["households"] = households
        current = grids.get(grid_id)
        if current is None:
            values.setdefault("households", 0)
            out.append(RowResult(line, RowAction.IMPORT, name, values=values))
            continue
        changed = {k: v for k, v in values.items() if getattr(current, k) != v}
        if changed:
            labels = {"name": "网格名称", "community_id": "村（社区）", "households": "户数"}
            reason = "更新" + "、".join(labels[k] for k in changed)
            out.append(RowResult(line, RowAction.UPDATE, name, reason, values=values))
        else:
            out.append(RowResult(line, RowAction.UNCHANGED, name))
    return ImportReport(tuple(out), written=False, unit="个网格")


def import_grids(
    session: Session,
    *,
    actor: Actor,
    table: RawTable,
    mapping: dict[str, int],
    dry_run: bool = True,
) -> ImportReport:
    """Check every row; unless ``dry_run``, add and update the grids in the caller's one
    transaction (reference data: rows, not events — the server versions them)."""
    check_grid_import_access(session, actor)
    report = check_grid_rows(session, table=table, mapping=mapping)
    if dry_run:
        return report
    for row in report.rows:
        if row.action is RowAction.IMPORT:
            session.add(Grid(**row.values))
        elif row.action is RowAction.UPDATE:
            grid = session.get(Grid, row.values["id"])
            for key, value in row.values.items():
                setattr(grid, key, value)
    session.flush()
    remember_mapping(
        session, headers=table.headers, mapping=mapping, key=MAPPING_KEY, fields=FIELDS
    )
    return ImportReport(report.rows, written=True, unit="个网格")
