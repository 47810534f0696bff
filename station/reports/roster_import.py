"""Importing roster people (网格员, 网格长, 调解员 …) from a sheet, at the town center.

Like grids (:mod:`station.reports.grids_import`), the roster is reference data the town
center maintains and publishes to the stations. One row is one person in one role,
optionally for one grid (a grid leader over three grids takes three rows). A person is
the same roster person when the phone matches (else a new one is added); the role is
added unless the person already has it for that grid. Rejected with the reason: missing
name, bad phone, unknown role, unknown grid or community, duplicate row in the file.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.db.models import Community, Grid, RosterAssignment, RosterPerson
from station.domain.clock import new_id
from station.domain.enums import RosterRole
from station.domain.validation import check_phone
from station.errors import ValidationError
from station.reports.grids_import import check_grid_import_access
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

FIELDS: Fields = {
    "name": ("姓名", ("姓名", "名字")),
    "phone": ("联系电话", ("联系电话", "电话", "手机", "手机号", "手机号码")),
    "role": ("职务", ("职务", "角色", "岗位", "身份")),
    "grid": ("网格", ("网格", "网格编号", "所属网格", "负责网格", "网格名称")),
    "community": ("村（社区）", ("村（社区）", "社区", "村", "所属社区")),
    "gender": ("性别", ("性别",)),
}
REQUIRED = ("name", "role")
MAPPING_KEY = "import_mapping:roster"
#: What offices write in the role column, beside the labels of RosterRole.
ROLE_WORDS = {
    **{role.label: role.value for role in RosterRole},
    "网格员": RosterRole.GRID_WORKER.value,
    "专职网格员": RosterRole.GRID_WORKER.value,
    "兼职网格员": RosterRole.GRID_WORKER.value,
    "网格长": RosterRole.GRID_LEADER.value,
    "副网格长": RosterRole.DEPUTY_GRID_LEADER.value,
    "调解员": RosterRole.MEDIATOR.value,
    "和事佬": RosterRole.MEDIATOR.value,
    "人民调解员": RosterRole.MEDIATOR.value,
    "接待员": RosterRole.RECEPTIONIST.value,
    "派单员": RosterRole.DISPATCHER.value,
}


def _text(value: str) -> str:
    return unicodedata.normalize("NFKC", value).strip()


def check_roster_rows(
    session: Session, *, table: RawTable, mapping: dict[str, int]
) -> ImportReport:
    """What importing ``table`` would do to the roster, row by row; writes nothing."""
    check_mapping(mapping, table.headers, fields=FIELDS, required=REQUIRED)
    grids: dict[str, str] = {}
    for gid, name in session.execute(select(Grid.id, Grid.name)):
        grids[_text(gid)] = gid
        grids.setdefault(_text(name), gid)
    communities: dict[str, str] = {}
    for cid, name in session.execute(select(Community.id, Community.name)):
        communities[_text(cid)] = cid
        communities[_text(name)] = cid
    by_phone = {p.phone: p for p in session.scalars(select(RosterPerson)) if p.phone}
    held = {(a.person_id, a.role, a.grid_id) for a in session.scalars(select(RosterAssignment))}
    seen: dict[tuple[str, str, str | None], int] = {}
    out: list[RowResult] = []
    for line, cells in table.rows:
        raw = {name: _text(cells[col]) for name, col in mapping.items()}
        name, problem = raw.get("name", ""), ""
        values: dict[str, Any] = {"name": name}
        role = ROLE_WORDS.get(raw.get("role", "").replace(" ", ""))
        grid_id = grids.get(raw["grid"]) if raw.get("grid") else None
        community_id = communities.get(raw["community"]) if raw.get("community") else None
        if not name:
            problem = "缺少姓名"
        elif role is None:
            problem = f"职务“{raw.get('role', '')}”无法识别（如网格员、网格长、调解员）"
        elif raw.get("grid") and grid_id is None:
            problem = f"没有这个网格：{raw['grid']}"
        elif raw.get("community") and community_id is None:
            problem = f"没有这个村（社区）：{raw['community']}"
        elif raw.get("phone"):
            try:
                values["phone"] = check_phone(raw["phone"]).value
            except ValidationError as exc:
                problem = f"联系电话无效：{exc.message}"
        key = (values.get("phone") or name, role or "", grid_id)
        if not problem and key in seen:
            problem = f"与第{seen[key]}行重复"
        if problem:
            out.append(RowResult(line, RowAction.REJECT, name, problem))
            continue
        seen[key] = line
        if grid_id and not community_id:
            community_id = session.get(Grid, grid_id).community_id  # type: ignore[union-attr]
        gender = {"男": "male", "女": "female"}.get(raw.get("gender", ""), "")
        values.update(role=role, grid_id=grid_id, community_id=community_id, gender=gender)
        person = by_phone.get(values.get("phone", ""))
        if person is None:
            out.append(RowResult(line, RowAction.IMPORT, name, values=values))
        elif (person.id, role, grid_id) in held:
            out.append(RowResult(line, RowAction.UNCHANGED, name, "", person.id))
        else:
            out.append(
                RowResult(
                    line,
                    RowAction.UPDATE,
                    name,
                    f"增加职务：{RosterRole(role).label}",
                    person.id,
                    values=values,
                )
            )
    return ImportReport(tuple(out), written=False, unit="人次")


def import_roster(
    session: Session,
    *,
    actor: Actor,
    table: RawTable,
    mapping: dict[str, int],
    dry_run: bool = True,
) -> ImportReport:
    """Check every row; unless ``dry_run``, add the people and roles in one transaction.
    Two rows of one new person (same phone) make one roster person with two roles."""
    check_grid_import_access(session, actor)
    report = check_roster_rows(session, table=table, mapping=mapping)
    if dry_run:
        return report
    created: dict[str, str] = {}  # phone (or row) → new roster person id
    for row in report.rows:
        if row.action not in (RowAction.IMPORT, RowAction.UPDATE):
            continue
        values = row.values
        person_id = row.person_id or created.get(values.get("phone") or f"#{row.line}", "")
        if not person_id:
            person_id = new_id()
            created[values.get("phone") or f"#{row.line}"] = person_id
            session.add(
                RosterPerson(
                    id=person_id,
                    name=values["name"],
                    gender=values["gender"],
                    phone=values.get("phone", ""),
                    community_id=values["community_id"],
                    note="",
                    active=True,
                )
            )
            session.flush()
        session.add(
            RosterAssignment(person_id=person_id, role=values["role"], grid_id=values["grid_id"])
        )
    session.flush()
    remember_mapping(
        session, headers=table.headers, mapping=mapping, key=MAPPING_KEY, fields=FIELDS
    )
    return ImportReport(report.rows, written=True, unit="人次")
