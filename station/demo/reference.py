"""Reference data of 霞溪镇: communities, grids, roster, departments, categories, dispute types.

Modelled on a real Fujian town (6 communities + 1 village, 342 third-level grids, 342 grid
workers, 63 grid leaders, community police as deputy grid leaders, 20+ volunteer
mediators), but every name and number is invented.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from station.demo.names import NameMaker, roster_phones
from station.domain.enums import CommunityKind, RosterRole, Route

TOWN = "霞溪镇"
COUNTY = "霞浦县"

# (id, name, kind, grids, streets or village groups, housing estates)
COMMUNITIES: tuple[tuple[str, str, str, int, tuple[str, ...], tuple[str, ...]], ...] = (
    ("C01", "东街社区", "community", 62, ("东街", "鼓楼路", "文昌巷", "溪东路"), ("鼓楼小区",)),
    ("C02", "西门社区", "community", 55, ("西门路", "城隍巷", "松山路", "西溪路"), ("松山苑",)),
    ("C03", "南湖社区", "community", 58, ("南湖路", "湖滨路", "龙首巷", "南门街"), ("南湖花园",)),
    ("C04", "北山社区", "community", 48, ("北山路", "福宁路", "太康巷", "北门街"), ("福宁新村",)),
    ("C05", "溪滨社区", "community", 52, ("溪滨路", "滨江路", "渔港路", "海堤路"), ("滨江公寓",)),
    ("C06", "新城社区", "community", 45, ("新城大道", "霞光路", "兴业路", "学府路"), ("霞光花园",)),
    ("V01", "后垅村", "village", 22, (), ()),
)
# Grid leaders per community: 63 in all, each over five or six neighbouring grids.
LEADERS = {"C01": 11, "C02": 10, "C03": 11, "C04": 9, "C05": 10, "C06": 8, "V01": 4}
# Community police (deputy grid leaders): one or two per community.
POLICE = {"C01": 2, "C02": 2, "C03": 2, "C04": 1, "C05": 2, "C06": 1, "V01": 1}
MEDIATORS = 24

RIVERS = ("霞溪", "东吾溪", "杨家溪", "后垅溪")

# (id, name, short name, phone)
DEPARTMENTS: tuple[tuple[str, str, str, str], ...] = (
    ("D-CG", "霞溪镇综合执法队（城管）", "城管", "0593-8601101"),
    ("D-SF", "霞溪司法所", "司法所", "0593-8601102"),
    ("D-PCS", "霞溪派出所", "派出所", "0593-8601110"),
    ("D-ZR", "霞溪自然资源所", "自然资源所", "0593-8601103"),
    ("D-ST", "霞溪生态环境保护站", "生态环境", "0593-8601104"),
    ("D-ZJ", "霞溪镇村镇建设办（住建）", "住建", "0593-8601105"),
    ("D-NY", "霞溪镇农业农村办", "农业农村", "0593-8601106"),
    ("D-MZ", "霞溪镇民政办", "民政", "0593-8601107"),
    ("D-RS", "霞溪镇人力资源和社会保障所", "人社", "0593-8601108"),
    ("D-SL", "霞溪水利工作站", "水利", "0593-8601109"),
)

_D, _S, _C = Route.DESK.value, Route.STATION.value, Route.CENTER.value

# (id, parent, name, default route, time limit in working days, department, case weight)
# Weights say how often each leaf is the category of a demo case (parents get none).
CATEGORIES: tuple[tuple[str, str | None, str, str, int, str | None, int], ...] = (
    ("K01", None, "矛盾纠纷", _S, 10, "D-SF", 0),
    ("K0101", "K01", "邻里纠纷", _S, 5, "D-SF", 60),
    ("K0102", "K01", "家庭婚姻", _S, 10, "D-SF", 30),
    ("K0103", "K01", "土地权属", _C, 15, "D-ZR", 10),
    ("K0104", "K01", "劳资纠纷", _C, 10, "D-RS", 12),
    ("K0105", "K01", "物业纠纷", _S, 7, None, 10),
    ("K02", None, "环境卫生", _C, 5, "D-ST", 0),
    ("K0201", "K02", "河道养殖", _C, 10, "D-ST", 14),
    ("K0202", "K02", "焚烧秸秆", _C, 3, "D-NY", 10),
    ("K0203", "K02", "垃圾堆放", _S, 3, "D-CG", 45),
    ("K0204", "K02", "污水排放", _C, 7, "D-ST", 12),
    ("K0205", "K02", "噪声扰民", _C, 5, "D-ST", 20),
    ("K03", None, "市容秩序", _C, 5, "D-CG", 0),
    ("K0301", "K03", "占道经营", _C, 3, "D-CG", 22),
    ("K0302", "K03", "违章搭建", _C, 10, "D-ZJ", 12),
    ("K0303", "K03", "乱停乱放", _S, 3, "D-CG", 18),
    ("K0304", "K03", "小广告张贴", _S, 3, "D-CG", 8),
    ("K04", None, "安全隐患", _C, 3, "D-ZJ", 0),
    ("K0401", "K04", "房屋安全", _C, 5, "D-ZJ", 8),
    ("K0402", "K04", "消防安全", _C, 3, "D-PCS", 8),
    ("K0403", "K04", "用电燃气", _C, 3, "D-ZJ", 8),
    ("K0404", "K04", "地质灾害", _C, 3, "D-ZR", 4),
    ("K0405", "K04", "防汛排涝", _C, 3, "D-SL", 6),
    ("K05", None, "民生服务", _S, 10, "D-MZ", 0),
    ("K0501", "K05", "低保救助", _S, 10, "D-MZ", 14),
    ("K0502", "K05", "养老服务", _S, 10, "D-MZ", 12),
    ("K0503", "K05", "残疾人服务", _S, 10, "D-MZ", 6),
    ("K0504", "K05", "供水供电", _C, 3, "D-ZJ", 12),
    ("K0505", "K05", "道路设施", _C, 10, "D-ZJ", 10),
    ("K06", None, "政策咨询", _D, 1, None, 0),
    ("K0601", "K06", "社保医保", _D, 1, "D-RS", 30),
    ("K0602", "K06", "户籍证件", _D, 1, "D-PCS", 16),
    ("K0603", "K06", "惠农补贴", _D, 1, "D-NY", 12),
    ("K0604", "K06", "法律咨询", _D, 1, "D-SF", 16),
    ("K07", None, "投诉", _C, 5, None, 0),
    ("K0701", "K07", "服务态度", _C, 5, None, 5),
    ("K0702", "K07", "办事效率", _C, 5, None, 5),
    ("K08", None, "建议", _S, 10, None, 0),
    ("K0801", "K08", "公共设施", _S, 10, "D-ZJ", 6),
    ("K0802", "K08", "社区治理", _S, 10, None, 5),
)

# (id, name); the order is the order of the list people pick from.
DISPUTE_TYPES: tuple[tuple[str, str], ...] = (
    ("T01", "婚姻家庭"),
    ("T02", "邻里"),
    ("T03", "房屋宅基地"),
    ("T04", "合同"),
    ("T05", "生产经营"),
    ("T06", "损害赔偿"),
    ("T07", "山林土地"),
    ("T08", "征地拆迁"),
    ("T09", "劳动争议"),
    ("T10", "物业"),
    ("T11", "其他"),
)

MEDIATOR_NOTES = (
    "退休教师",
    "老党员",
    "村民小组长",
    "乡贤",
    "退休村干部",
    "退休法官",
    "老年协会会长",
    "妇女代表",
    "律师志愿者",
    "退役军人",
)


@dataclass
class GridInfo:
    id: str
    name: str
    community_id: str
    community: str
    worker_id: str = ""
    worker: str = ""


@dataclass
class CommunityInfo:
    id: str
    name: str
    kind: str
    streets: tuple[str, ...]
    estates: tuple[str, ...]
    grids: list[GridInfo] = field(default_factory=list)


@dataclass(frozen=True)
class CategoryInfo:
    id: str
    parent_id: str | None
    name: str
    route: str
    limit: int
    department_id: str | None
    weight: int


@dataclass
class Town:
    """The reference data as rows to insert, plus lookups for generating cases."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # table -> rows
    communities: list[CommunityInfo] = field(default_factory=list)
    grids: list[GridInfo] = field(default_factory=list)
    grid_leaders: int = 0
    police: list[tuple[str, str]] = field(default_factory=list)  # (roster id, name)
    mediators: list[tuple[str, str]] = field(default_factory=list)
    receptionists: list[tuple[str, str]] = field(default_factory=list)
    dispatchers: list[tuple[str, str]] = field(default_factory=list)
    # department id -> (roster id, name) of the contact who signs for its work orders
    department_staff: dict[str, tuple[str, str]] = field(default_factory=dict)
    departments: dict[str, str] = field(default_factory=dict)  # id -> name
    categories: dict[str, CategoryInfo] = field(default_factory=dict)
    dispute_types: dict[str, str] = field(default_factory=dict)  # name -> id


def build_town(rng: random.Random, names: NameMaker) -> Town:
    """The whole town: places, roster with roles, departments, categories, dispute types."""
    town = Town()
    rows = town.rows
    for table in (
        "department",
        "community",
        "grid",
        "category",
        "dispute_type",
        "roster_person",
        "roster_assignment",
    ):
        rows[table] = []
    phones = roster_phones(rng)  # apart from the residents' numbers
    seq = iter(range(1, 10_000))

    def person(
        *, gender: str, community_id: str | None, department_id: str | None = None, note: str = ""
    ) -> dict[str, Any]:
        row = {
            "id": f"R{next(seq):04d}",
            "name": names.name(gender),
            "gender": gender,
            "phone": phones.take(),
            "community_id": community_id,
            "department_id": department_id,
            "note": note,
            "active": True,
        }
        rows["roster_person"].append(row)
        return row

    def assign(person_id: str, role: RosterRole, grid_id: str | None = None) -> None:
        rows["roster_assignment"].append(
            {"person_id": person_id, "role": role.value, "grid_id": grid_id}
        )

    for dep_id, name, short, phone in DEPARTMENTS:
        rows["department"].append({"id": dep_id, "name": name, "short_name": short, "phone": phone})
        town.departments[dep_id] = name
    for order, (cid, name, kind, count, streets, estates) in enumerate(COMMUNITIES, start=1):
        rows["community"].append({"id": cid, "name": name, "kind": kind, "sort_order": order})
        info = CommunityInfo(cid, name, kind, streets, estates)
        for g in range(1, count + 1):
            grid = GridInfo(f"{cid}-{g:02d}", f"{name}第{g:02d}网格", cid, name)
            info.grids.append(grid)
            town.grids.append(grid)
            rows["grid"].append(
                {
                    "id": grid.id,
                    "community_id": cid,
                    "name": grid.name,
                    "households": rng.randint(50, 100),
                }
            )
        town.communities.append(info)
    assert len(town.grids) == 342 and sum(LEADERS.values()) == 63

    for grid in town.grids:  # one grid worker per grid, mostly women, as in most towns
        worker = person(
            gender="female" if rng.random() < 0.7 else "male",
            community_id=grid.community_id,
            note="专职网格员",
        )
        grid.worker_id, grid.worker = worker["id"], worker["name"]
        assign(worker["id"], RosterRole.GRID_WORKER, grid.id)
    for info in town.communities:
        for chunk in _split(info.grids, LEADERS[info.id]):
            leader = person(
                gender="male" if rng.random() < 0.6 else "female",
                community_id=info.id,
                note="村两委成员" if info.kind == CommunityKind.VILLAGE.value else "社区两委成员",
            )
            town.grid_leaders += 1
            for g in chunk:
                assign(leader["id"], RosterRole.GRID_LEADER, g.id)
        for chunk in _split(info.grids, POLICE[info.id]):
            officer = person(
                gender="male", community_id=info.id, department_id="D-PCS", note="社区民警"
            )
            town.police.append((officer["id"], officer["name"]))
            for g in chunk:
                assign(officer["id"], RosterRole.DEPUTY_GRID_LEADER, g.id)
    for i in range(MEDIATORS):
        info = town.communities[i % len(town.communities)]
        mediator = person(
            gender="male" if rng.random() < 0.65 else "female",
            community_id=info.id,
            note=f"和事佬（{rng.choice(MEDIATOR_NOTES)}）",
        )
        town.mediators.append((mediator["id"], mediator["name"]))
        assign(mediator["id"], RosterRole.MEDIATOR)
    for info in town.communities:  # one receptionist per station
        clerk = person(gender="female", community_id=info.id, note=f"{info.name}网格驿站接待员")
        town.receptionists.append((clerk["id"], clerk["name"]))
        assign(clerk["id"], RosterRole.RECEPTIONIST)
    for _ in range(2):
        dispatcher = person(
            gender="male" if rng.random() < 0.5 else "female",
            community_id=None,
            note="镇网格服务管理中心",
        )
        town.dispatchers.append((dispatcher["id"], dispatcher["name"]))
        assign(dispatcher["id"], RosterRole.DISPATCHER)
    for dep_id, _name, short, _phone in DEPARTMENTS:  # the contact who signs for work orders
        staff = person(
            gender="male" if rng.random() < 0.6 else "female",
            community_id=None,
            department_id=dep_id,
            note=f"{short}经办人",
        )
        town.department_staff[dep_id] = (staff["id"], staff["name"])

    for order, (kid, parent, name, route, limit, dept, weight) in enumerate(CATEGORIES):
        town.categories[kid] = CategoryInfo(kid, parent, name, route, limit, dept, weight)
        rows["category"].append(  # parents come first in CATEGORIES
            {
                "id": kid,
                "parent_id": parent,
                "name": name,
                "default_route": route,
                "time_limit_days": limit,
                "department_id": dept,
                "sort_order": order,
            }
        )
    for order, (tid, name) in enumerate(DISPUTE_TYPES, start=1):
        rows["dispute_type"].append({"id": tid, "name": name, "sort_order": order})
        town.dispute_types[name] = tid
    return town


def _split(items: list[GridInfo], parts: int) -> list[list[GridInfo]]:
    """``items`` in ``parts`` consecutive chunks of nearly equal size."""
    size, extra = divmod(len(items), parts)
    chunks, start = [], 0
    for i in range(parts):
        end = start + size + (1 if i < extra else 0)
        chunks.append(items[start:end])
        start = end
    return chunks
