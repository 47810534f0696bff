"""``grid-station server init-demo``: the demo town 霞溪镇 on a town server.

The reference data comes from the desktop demo's own planner
(:func:`station.demo.town.plan_demo`, same seed), so a station that enrolls gets the
very town the desktop demo shows. One station is registered per community and village, plus
the town center and one per department.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from station.server import crud
from station.server.reference import put_reference
from station.services.events import to_payload
from station.sync.protocol import StationCreate, TownPublic
from station.sync.reference import REFERENCE_KINDS, ReferenceRecord

CENTER_CODE = "ZX01"


def demo_reference(*, seed: int = 2026) -> tuple[list[ReferenceRecord], TownPublic, Any]:
    from station.demo.town import plan_demo  # the demo generator: only when asked

    content = plan_demo(seed=seed, cases=0, mediations=0, residents=0, today=date.today())
    rows = content.town.rows
    roles: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for a in rows.get("roster_assignment", []):
        roles[a["person_id"]].append({"role": a["role"], "grid_id": a.get("grid_id")})
    records = []
    for kind in REFERENCE_KINDS:
        for row in rows.get(kind, []):
            data = to_payload(row)
            if kind == "roster_person":
                data["roles"] = sorted(
                    roles.get(row["id"], []), key=lambda r: (r["role"], r["grid_id"] or "")
                )
            records.append(ReferenceRecord(kind=kind, id=str(row["id"]), data=data))
    settings = content.settings
    town = TownPublic(
        town_name=settings.town_name,
        committee_name=settings.committee_name,
        committee_short=settings.committee_short,
    )
    return records, town, content


def demo_stations(content: Any) -> list[StationCreate]:
    """Stations of the demo town: the desktop demo's own station is the first one."""
    from station.demo.town import STATION_CODE

    out = []
    prefix = STATION_CODE[:2]
    for n, community in enumerate(content.town.communities, start=1):
        out.append(
            StationCreate(
                code=f"{prefix}{n:02d}",
                name=f"{community.name}网格驿站",
                kind=community.kind,
                grids=[g.id for g in community.grids],
            )
        )
    out.append(
        StationCreate(
            code=CENTER_CODE, name=f"{content.settings.town_name}网格服务管理中心", kind="center"
        )
    )
    for dep_id, name in content.town.departments.items():
        out.append(
            StationCreate(
                code=f"BM{dep_id.removeprefix('D-')}"[:12],
                name=name,
                kind="department",
                department_id=dep_id,
            )
        )
    return out


def init_demo(session: Session, *, seed: int = 2026) -> tuple[int, list[tuple[str, str, str]]]:
    """Load the demo reference data and register the demo stations (in one write
    transaction). Returns (reference records changed, [(code, name, enrollment code)])."""
    records, town, content = demo_reference(seed=seed)
    changed = put_reference(session, records=records, replace_all=True)
    crud.set_town(session, town=town)
    codes = []
    for station in demo_stations(content):
        _row, code = crud.add_station(session, data=station, now=datetime.now())
        codes.append((station.code, station.name, code))
    return changed, codes
