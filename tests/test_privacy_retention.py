"""Retention: closed work orders past the period lose names and contacts, statistics stay;
a resident with a newer work order keeps theirs; the preview matches what is applied."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from station.db.database import Database
from station.db.models import AuditEntry
from station.errors import PermissionDenied, ValidationError
from station.services import cases, persons, retention
from station.services.events import Actor
from station.services.projection import verify_projections
from station.settings import load_settings

OLD = datetime(2019, 3, 4, 9, 0)
TODAY = date(2026, 11, 20)


def _closed_case(db: Database, clerk: Actor, person_id: str, summary: str) -> str:
    with db.transaction() as s:
        case = cases.create_case(
            s,
            actor=clerk,
            summary=summary,
            received_at=OLD,
            requester_id=person_id,
            category_id="K11",
            grid_id="C1-01",
            location="东街3号楼道",
            description="王阿姨说邻居（电话13900139000）在楼道堆放杂物",
        )
        cases.act_on_case(s, actor=clerk, case_id=case.id, action="settle_at_desk", at=OLD)
        cases.act_on_case(s, actor=clerk, case_id=case.id, action="close", at=OLD)
    return case.id


@pytest.fixture
def town(db: Database, clerk: Actor) -> dict[str, str]:
    with db.transaction() as s:
        wang = persons.create_person(
            s,
            actor=clerk,
            name="王秀英",
            phone="13800138000",
            id_number="11010519491231002X",
            address="东街3号",
            grid_id="C1-01",
        ).id
        chen = persons.create_person(s, actor=clerk, name="陈大明", phone="13700137000").id
    ids = {"wang": wang, "chen": chen}
    ids["old_wang"] = _closed_case(db, clerk, wang, "楼道堆放杂物")
    ids["old_chen"] = _closed_case(db, clerk, chen, "路灯不亮")
    with db.transaction() as s:  # 陈大明 came back recently: his details stay
        ids["new_chen"] = cases.create_case(
            s,
            actor=clerk,
            summary="路灯又不亮了",
            received_at=datetime(2026, 11, 1, 9, 0),
            requester_id=chen,
        ).id
    return ids


def test_preview_then_apply(db: Database, admin: Actor, clerk: Actor, town: dict[str, str]) -> None:
    with pytest.raises(PermissionDenied), db.read() as s:
        retention.preview_retention(s, actor=clerk, years=5, today=TODAY)
    with pytest.raises(ValidationError), db.read() as s:
        retention.preview_retention(s, actor=admin, years=0, today=TODAY)
    with db.read() as s:
        preview = retention.preview_retention(s, actor=admin, years=5, today=TODAY)
        stats_before = cases.case_ids(s, cases.CaseFilter(category_id="K11"))
    assert preview.cutoff == date(2021, 11, 20)
    assert {c.id for c in preview.cases} == {town["old_wang"], town["old_chen"]}
    assert preview.person_ids == [town["wang"]] and preview.kept_persons == 1
    assert any(c.requester == "王秀英 138****8000" for c in preview.cases)
    with db.read() as s:  # the preview wrote nothing
        assert persons.get_person(s, person_id=town["wang"]).name == "王秀英"

    with db.transaction() as s:
        done = retention.apply_retention(s, actor=admin, years=5, today=TODAY)
    assert (done.value.cases, done.value.persons) == (2, 1)
    assert done.changes.case_ids == {town["old_wang"], town["old_chen"]}
    with db.read() as s:
        wang = persons.get_person(s, person_id=town["wang"])
        assert (wang.name, wang.phone, wang.id_number, wang.address) == ("（已匿名）", "", "", "")
        assert wang.grid_id == "C1-01"  # where, not who: kept for statistics
        assert persons.get_person(s, person_id=town["chen"]).phone == "13700137000"
        old = cases.get_case(s, case_id=town["old_wang"])
        assert (old.location, old.description) == ("", "")
        assert old.summary == "楼道堆放杂物" and old.status == "closed"
        assert cases.case_ids(s, cases.CaseFilter(category_id="K11")) == stats_before
        assert load_settings(s).retention_years == 5
        (entry,) = s.query(AuditEntry).filter_by(action="retention_applied").all()
        assert verify_projections(s) == []
        again = retention.preview_retention(s, actor=admin, years=5, today=TODAY)
    assert entry.username == "admin" and '"persons": 1' in entry.detail
    assert again.cases == [] and again.person_ids == []  # nothing left to do
