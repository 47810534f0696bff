"""诉求点将 across stations, through a real town server on loopback (uvicorn).

A village station, the town center and the departments each have their own database and
are driven only through services; they meet only through sync. The river duck-farming
complaint goes village → center → 城管 (lead) with 生态环境 (co-handling) → back to the
village for the return visit → 重办 → closed, and every copy ends up agreeing.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sync_support import NOW, LiveServer, Station, push_raw, raw_event

from station.db.database import Database, database_path, open_database
from station.db.models import Case
from station.domain.enums import Role
from station.errors import GridStationError
from station.server.reference import put_reference
from station.services import case_handling, cases, dispatch, persons
from station.services.events import Actor
from station.services.overview import check_database
from station.settings import load_settings
from station.sync.reference import ReferenceRecord
from station.sync.transport import enroll

SPECS = {
    "TS01": {"kind": "community", "grids": ("C1-01", "C1-02"), "role": Role.RECEPTIONIST},
    "VS01": {"kind": "village", "grids": ("V1-01",), "role": Role.RECEPTIONIST},
    "CT01": {"kind": "center", "role": Role.DISPATCHER},
    "DP01": {"kind": "department", "department": "D-CG", "role": Role.DEPARTMENT_HANDLER},
    "DP02": {"kind": "department", "department": "D-HB", "role": Role.DEPARTMENT_HANDLER},
}
ECOLOGY = ReferenceRecord(
    kind="department",
    id="D-HB",
    data={"id": "D-HB", "name": "生态环境所", "short_name": "生态环境", "phone": ""},
)


@pytest.fixture
def stations(
    server: LiveServer, template_db: Path, tmp_path: Path
) -> Iterator[Callable[[str], Station]]:
    """Enrolled stations with their own databases (a 生态环境 department added in town)."""
    with server.db.transaction() as s:
        put_reference(s, records=[ECOLOGY])
    opened: list[Database] = []

    def make(code: str) -> Station:
        spec = dict(SPECS[code])
        role = spec.pop("role")
        folder = tmp_path / f"station-{code}"
        folder.mkdir()
        shutil.copy(template_db, database_path(folder))
        db = open_database(folder, migrate=False)
        opened.append(db)
        enroll(db, server_url=server.url, code=server.add_station(code, **spec))  # type: ignore[arg-type]
        actor = Actor(username=f"user-{code.lower()}", role=role, station_code=code)
        return Station(code=code, db=db, actor=actor)

    yield make
    for db in opened:
        db.close()


def _sync(*stations: Station) -> None:
    for st in stations:
        report = st.sync()
        assert report.rejected == [], (st.code, report.rejected)


def _case(st: Station, case_id: str) -> cases.CaseDetail:
    with st.db.read() as s:
        return cases.get_case(s, case_id=case_id)


def _snapshot(st: Station, case_id: str) -> tuple:  # type: ignore[type-arg]
    """The case row (every column) and its timeline, as this copy has them."""
    with st.db.read() as s:
        row = s.get(Case, case_id)
        columns = {c.key: getattr(row, c.key) for c in Case.__table__.columns}
        timeline = [
            (e.event_id, e.kind, e.title, e.station_code, e.author, e.details)
            for e in cases.case_timeline(s, case_id=case_id)
        ]
        assert check_database(s).problems == [], st.code
    return columns, timeline


def test_duck_farming_complaint_round_trip(stations) -> None:  # type: ignore[no-untyped-def]
    village, center, cg, hb = (stations(c) for c in ("VS01", "CT01", "DP01", "DP02"))

    # 点单 at the village station, escalated to the town center.
    with village.db.transaction() as s:
        resident = persons.create_person(
            s, actor=village.actor, name="王秀英", phone="13800138011", grid_id="V1-01"
        )
        case = cases.create_case(
            s,
            actor=village.actor,
            summary="溪口村下游有人在河道养鸭，水质发臭",
            received_at=NOW,
            requester_id=resident.id,
            grid_id="V1-01",
            category_id="K21",
            urgency="urgent",
        )
        case_handling.take_case_action(
            s,
            actor=village.actor,
            case_id=case.id,
            action="escalate",
            reason="涉及河道执法和环境监测，村里无权处理",
        )
    _sync(village, center)

    # 点将: the center sees it first in its queue and dispatches it with co-handling.
    with center.db.read() as s:
        queue = dispatch.dispatch_list(s, which=dispatch.Lists.QUEUE)
    assert [(r.id, r.grid, r.station_code) for r in queue] == [(case.id, "溪口村第01网格", "VS01")]
    with center.db.transaction() as s:
        dispatch.dispatch_case(
            s,
            actor=center.actor,
            case_id=case.id,
            department_id="D-CG",
            co_department_ids=["D-HB"],
            instructions="城管牵头清理养殖，生态环境所监测水质",
        )
    _sync(center, cg, hb)

    # Both departments have the case with its whole history.
    for dept in (cg, hb):
        detail = _case(dept, case.id)
        assert detail.status == "dispatched" and detail.requester == "王秀英"
        assert [n.kind for n in detail.notes] == ["escalate", "dispatch"]

    # 城管 signs for it and asks for more time; 生态环境 records its monitoring.
    with cg.db.transaction() as s:
        dispatch.sign_for_case(s, actor=cg.actor, case_id=case.id)
        until = dispatch.extension_default(cases.get_case(s, case_id=case.id))
        dispatch.request_extension(
            s, actor=cg.actor, case_id=case.id, until=until, reason="养殖户需时间转移鸭群"
        )
    with hb.db.transaction() as s:
        dispatch.record_progress(
            s, actor=hb.actor, case_id=case.id, text="采样监测：氨氮超标，已告知城管"
        )
    _sync(cg, hb, center)
    with center.db.read() as s:
        assert [r.id for r in dispatch.dispatch_list(s, which=dispatch.Lists.EXTENSIONS)] == [
            case.id
        ]
    with center.db.transaction() as s:
        dispatch.decide_extension(s, actor=center.actor, case_id=case.id, approve=True)
        dispatch.remind_case(s, actor=center.actor, case_id=case.id, note="延期后请按期答复")
    _sync(center, cg)
    assert _case(cg, case.id).deadline == until

    with cg.db.transaction() as s:
        dispatch.reply_case(s, actor=cg.actor, case_id=case.id, result="鸭群已转移，河道已清理")
    _sync(cg, village)

    # 点评 at the village: not satisfied → back to the center for 重办.
    assert _case(village, case.id).status == "replied"
    with village.db.transaction() as s:
        case_handling.record_return_visit(
            s,
            actor=village.actor,
            case_id=case.id,
            rating="dissatisfied",
            solved=False,
            notes="岸边仍有鸭粪，气味未消",
        )
    _sync(village, center)
    with center.db.read() as s:
        queue = dispatch.dispatch_list(s, which=dispatch.Lists.QUEUE)
    assert [(r.id, r.returned, r.rework_count) for r in queue] == [(case.id, True, 1)]
    with center.db.transaction() as s:
        dispatch.dispatch_case(
            s,
            actor=center.actor,
            case_id=case.id,
            department_id="D-CG",
            co_department_ids=["D-HB"],
            instructions="重办：彻底清理岸边并消杀",
        )
    _sync(center, cg)
    with cg.db.transaction() as s:
        dispatch.sign_for_case(s, actor=cg.actor, case_id=case.id)
        dispatch.reply_case(s, actor=cg.actor, case_id=case.id, result="岸边已清理消杀")
    _sync(cg, village)
    with village.db.transaction() as s:
        case_handling.record_return_visit(
            s, actor=village.actor, case_id=case.id, rating="satisfied", solved=True
        )

    everyone = (village, center, cg, hb)
    _sync(*everyone)
    _sync(*everyone)
    copies = {st.code: _snapshot(st, case.id) for st in everyone}
    final, timeline = copies["CT01"]
    assert final["status"] == "closed" and final["rating"] == "satisfied" and final["solved"]
    assert final["rework_count"] == 1 and final["reminder_count"] == 1
    assert final["co_department_ids"] == "D-HB" and final["department_id"] == "D-CG"
    assert [t[1] for t in timeline] == [
        "created", "escalate", "dispatch", "sign_for", "request_extension", "progress",
        "approve_extension", "remind", "reply", "request_visit", "rework", "dispatch",
        "sign_for", "reply", "request_visit", "close",
    ]  # fmt: skip
    for code, copy in copies.items():
        assert copy == (final, timeline), code
    # Each step was written where it happened.
    stations_of = {t[1]: t[3] for t in timeline}
    assert stations_of["dispatch"] == "CT01" and stations_of["progress"] == "DP02"
    assert stations_of["reply"] == "DP01" and stations_of["close"] == "VS01"


def test_server_refuses_steps_from_the_wrong_station(stations) -> None:  # type: ignore[no-untyped-def]
    """The station-kind table on push: a village cannot dispatch, a co-handling department
    cannot reply, a department cannot close a case never dispatched to it."""
    village, center, cg, hb = (stations(c) for c in ("VS01", "CT01", "DP01", "DP02"))
    with village.db.transaction() as s:
        case = cases.create_case(
            s, actor=village.actor, summary="河道养鸭", received_at=NOW, grid_id="V1-01"
        )
        case_handling.take_case_action(
            s, actor=village.actor, case_id=case.id, action="escalate", reason="需部门处理"
        )
    _sync(village, center)

    def event(code: str, action: str, **fields: object) -> dict:  # type: ignore[type-arg]
        return raw_event(
            station_code=code,
            entity_type="case",
            entity_id=case.id,
            event_type="action",
            payload={"action": action, "reason": "x", "at": NOW, "fields": fields},
        )

    [result] = push_raw(village, [event("VS01", "dispatch", department_id="D-CG")])
    assert result["status"] == "rejected" and result["message"]
    assert "村网格驿站不能执行“派单”" in result["message"]

    with center.db.transaction() as s:
        dispatch.dispatch_case(
            s, actor=center.actor, case_id=case.id, department_id="D-CG", co_department_ids=["D-HB"]
        )
    _sync(center, cg, hb)
    [result] = push_raw(hb, [event("DP02", "sign_for")])
    assert (result["status"], result["code"]) == ("rejected", "not_dispatched_here")
    assert "协办单位" in result["message"]
    step = raw_event(
        station_code="DP02",
        entity_type="case",
        entity_id=case.id,
        event_type="step",
        payload={"step": "approve_extension", "reason": "", "at": NOW, "fields": {}},
    )
    [result] = push_raw(hb, [step])
    assert result["status"] == "rejected"  # no request pending, and not a center anyway

    # A case 城管 never had: it cannot even sign for it.
    with village.db.transaction() as s:
        other = cases.create_case(
            s, actor=village.actor, summary="另一件事", received_at=NOW, grid_id="V1-01"
        )
        case_handling.take_case_action(
            s, actor=village.actor, case_id=other.id, action="escalate", reason="上报"
        )
    _sync(village, center)
    with center.db.transaction() as s:
        dispatch.dispatch_case(s, actor=center.actor, case_id=other.id, department_id="D-HB")
    _sync(center)
    foreign = raw_event(
        station_code="DP01",
        entity_type="case",
        entity_id=other.id,
        event_type="action",
        payload={"action": "sign_for", "reason": "", "at": NOW, "fields": {}},
    )
    [result] = push_raw(cg, [foreign])
    assert (result["status"], result["code"]) == ("rejected", "not_dispatched_here")
    # …and 城管's copy never received the other case at all.
    with cg.db.read() as s:
        assert other.id not in set(s.scalars(select(Case.id)))
    [result] = push_raw(cg, [event("DP01", "close")])
    assert result["status"] == "rejected"


def test_dispatch_to_a_community_reaches_its_station(stations) -> None:  # type: ignore[no-untyped-def]
    """A lead unit can be a community: the station owning its grids receives the case,
    signs for and replies to it; a department that was never involved sees nothing."""
    village, center, community, cg = (stations(c) for c in ("VS01", "CT01", "TS01", "DP01"))
    with village.db.transaction() as s:
        case = cases.create_case(
            s, actor=village.actor, summary="东街社区商户占道经营", received_at=NOW, grid_id="V1-01"
        )
        case_handling.take_case_action(
            s, actor=village.actor, case_id=case.id, action="escalate", reason="不在本村"
        )
    _sync(village, community, center)
    with community.db.read() as s:
        assert s.get(Case, case.id) is None  # not its grid, not dispatched to it yet
    with center.db.transaction() as s:
        dispatch.dispatch_case(s, actor=center.actor, case_id=case.id, community_id="C1")
    _sync(center, community, cg)
    with community.db.read() as s:
        inbox = dispatch.dispatch_list(s, which=dispatch.Lists.INBOX, community_id="C1")
    assert [(r.id, r.lead_unit) for r in inbox] == [(case.id, "东街社区")]
    with community.db.transaction() as s:
        dispatch.sign_for_case(s, actor=community.actor, case_id=case.id)
        dispatch.reply_case(s, actor=community.actor, case_id=case.id, result="已劝导商户退店经营")
    _sync(community, village)
    assert _case(village, case.id).status == "replied"
    with cg.db.read() as s:
        assert s.get(Case, case.id) is None


def test_only_the_center_routes_a_case_by_editing_it(stations) -> None:  # type: ignore[no-untyped-def]
    """An "updated" event naming a department would pull the case into that department's
    scope: from a village it is refused, so is a 督办 flag set by anyone but the center."""
    village, center = stations("VS01"), stations("CT01")
    with village.db.transaction() as s:
        case = cases.create_case(
            s, actor=village.actor, summary="村道积水", received_at=NOW, grid_id="V1-01"
        )
    _sync(village, center)

    def update(code: str, **payload: object) -> dict:  # type: ignore[type-arg]
        return raw_event(
            station_code=code,
            entity_type="case",
            entity_id=case.id,
            event_type="updated",
            payload=payload,
        )

    results = push_raw(
        village, [update("VS01", department_id="D-CG"), update("VS01", location="村口")]
    )
    assert [(r["status"], r["code"]) for r in results] == [
        ("rejected", "station_kind_not_allowed"),
        ("accepted", None),
    ]
    [result] = push_raw(center, [update("CT01", supervised=True)])
    assert result["status"] == "accepted"


def test_a_department_desk_knows_its_department_and_refuses_lead_steps_locally(
    stations,  # type: ignore[no-untyped-def]
) -> None:
    """Enrollment stores the department, so a co-handling desk is told at once, not only
    by the server at the next sync."""
    village, center, cg, hb = (stations(c) for c in ("VS01", "CT01", "DP01", "DP02"))
    with hb.db.read() as s:
        assert load_settings(s).department_id == "D-HB"
    with village.db.transaction() as s:
        case = cases.create_case(
            s, actor=village.actor, summary="河道养鸭", received_at=NOW, grid_id="V1-01"
        )
        case_handling.take_case_action(
            s, actor=village.actor, case_id=case.id, action="escalate", reason="需部门处理"
        )
    _sync(village, center)
    with center.db.transaction() as s:
        dispatch.dispatch_case(
            s, actor=center.actor, case_id=case.id, department_id="D-CG", co_department_ids=["D-HB"]
        )
    _sync(center, cg, hb)
    with pytest.raises(GridStationError) as refused, hb.db.transaction() as s:
        dispatch.sign_for_case(s, actor=hb.actor, case_id=case.id)
    assert refused.value.code == "not_dispatched_here"
    with cg.db.transaction() as s:
        dispatch.sign_for_case(s, actor=cg.actor, case_id=case.id)
        assert cases.get_case(s, case_id=case.id).status == "in_progress"
