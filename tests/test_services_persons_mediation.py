"""Persons (search, duplicates, validation) and mediation records."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from station.domain.enums import MediationStatus
from station.errors import ValidationError
from station.services import mediation, persons
from station.services.overview import check_database


def test_person_validation_normalises_and_rejects(db, clerk) -> None:  # type: ignore[no-untyped-def]
    with db.transaction() as s:
        p = persons.create_person(
            s,
            actor=clerk,
            name=" 王小明 ",
            phone="+86 138 0013 8000",
            id_number="11010519491231002x",
            grid_id="C1-01",
        )
    assert (p.name, p.phone, p.id_number) == ("王小明", "13800138000", "11010519491231002X")
    assert p.community_id == "C1"
    assert p.masked_phone == "138****8000"
    for field, value in (("phone", "12800138000"), ("id_number", "110105194912310021")):
        with pytest.raises(ValidationError) as info, db.transaction() as s:
            persons.create_person(s, actor=clerk, name="某人", **{field: value})
        assert info.value.field == field


def test_person_search_by_name_pinyin_phone_and_id(db, clerk) -> None:  # type: ignore[no-untyped-def]
    with db.transaction() as s:
        lin = persons.create_person(
            s, actor=clerk, name="林玲玲", phone="13800138000", id_number="11010519491231002X"
        )
        persons.create_person(s, actor=clerk, name="林立", phone="13900139000")
        persons.create_person(s, actor=clerk, name="欧阳玲玲子", phone="13700137000")
    with db.read() as s:

        def names(q: str) -> list[str]:
            return [p.name for p in persons.search_persons(s, query=q)]

        assert names("lll") == ["林玲玲"]
        assert names("linlingling") == ["林玲玲"]
        assert names("LinLing") == ["林玲玲"]
        assert sorted(names("林")) == ["林玲玲", "林立"]
        assert sorted(names("玲玲")) == ["林玲玲", "欧阳玲玲子"]  # 2 characters: LIKE path
        assert names("阳玲玲") == ["欧阳玲玲子"]  # 3+ characters: FTS path
        assert names("0013 8000") == ["林玲玲"]
        # ID numbers are sealed at rest: the full number finds the person, a part does not.
        assert names("11010519491231002x") == ["林玲玲"]
        assert names("1231002X") == []
        assert names("") == []
        dupes = persons.duplicate_candidates(s, phone="138-0013-8000")
        assert [d.id for d in dupes] == [lin.id]
        assert persons.duplicate_candidates(s, phone="138-0013-8000", exclude=lin.id) == []


def test_update_person_keeps_search_keys(db, clerk) -> None:  # type: ignore[no-untyped-def]
    with db.transaction() as s:
        p = persons.create_person(s, actor=clerk, name="张三")
        persons.update_person(s, actor=clerk, person_id=p.id, name="李四")
    with db.read() as s:
        assert [x.name for x in persons.search_persons(s, query="ls")] == ["李四"]
        assert persons.search_persons(s, query="zs") == []
        assert check_database(s).ok


def _parties(db, clerk):  # type: ignore[no-untyped-def]
    with db.transaction() as s:
        a = persons.create_person(s, actor=clerk, name="陈甲", phone="13800000011")
        b = persons.create_person(s, actor=clerk, name="李乙", phone="13800000012")
    return [
        {"person_id": a.id, "role": "applicant"},
        {
            "person_id": b.id,
            "role": "respondent",
            "agent_name": "李丙",
            "agent_authorization": "一般授权",
        },
    ]


def test_mediation_lifecycle(db, clerk, mediator) -> None:  # type: ignore[no-untyped-def]
    parties = _parties(db, clerk)
    with db.transaction() as s:
        case = mediation.create_mediation(
            s,
            actor=mediator,
            parties=parties,
            mediators=[{"roster_person_id": "R1", "lead": True}, {"roster_person_id": "R2"}],
            dispute_type_id="T1",
            accepted_on=date(2026, 11, 2),
            facts="双方因公共通道堆放杂物发生争执",
        )
    assert case.number == "（2026）测人调字第1号"
    assert [p.name for p in case.parties] == ["陈甲", "李乙"]
    assert case.mediators[0] == ("R1", "陈和顺", True)
    with db.transaction() as s:
        mediation.add_record(
            s,
            actor=mediator,
            mediation_id=case.id,
            kind="investigation",
            at=datetime(2026, 11, 3, 10),
            body="问：杂物堆放多久了？答：大约两个月。",
            subject="李乙",
        )
        case = mediation.add_record(
            s,
            actor=mediator,
            mediation_id=case.id,
            kind="session",
            at=datetime(2026, 11, 5, 15),
            body="双方陈述意见。",
            result="达成一致",
        )
        assert case.status == MediationStatus.IN_PROGRESS.value
        case = mediation.set_agreement(
            s,
            actor=mediator,
            mediation_id=case.id,
            agreement_form="written",
            terms=["李乙于11月10日前清理杂物", "陈甲不再追究", " "],
            amount_fen=500_000,
            copies=3,
            signed_on=date(2026, 11, 5),
        )
        case = mediation.update_mediation(
            s, actor=mediator, mediation_id=case.id, status="succeeded", closed_on=date(2026, 11, 5)
        )
        case = mediation.add_visit(
            s,
            actor=mediator,
            mediation_id=case.id,
            visited_on=date(2026, 11, 20),
            visitor="陈和顺",
            performance_status="performed",
        )
    assert case.terms == ("李乙于11月10日前清理杂物", "陈甲不再追究")
    assert case.amount_fen == 500_000
    assert case.performance_status == "performed"
    assert [r.kind for r in case.records] == ["investigation", "session"]
    with db.read() as s:
        assert check_database(s).ok
        rows = mediation.list_mediations(s, query="李乙")
        assert [r.number for r in rows] == [case.number]
        assert rows[0].parties == "陈甲、李乙" and rows[0].lead_mediator == "陈和顺"


def test_mediation_rules(db, clerk, mediator) -> None:  # type: ignore[no-untyped-def]
    parties = _parties(db, clerk)
    cases = [
        ({"parties": parties[:1]}, "parties"),
        ({"mediators": []}, "mediators"),
        ({"source": "referral"}, "referring_body"),
        ({"status": "not_accepted"}, "closing_reason"),
    ]
    for change, field in cases:
        args = {
            "parties": parties,
            "mediators": [{"roster_person_id": "R1"}],
            **change,
        }
        with pytest.raises(ValidationError) as info, db.transaction() as s:
            mediation.create_mediation(s, actor=mediator, **args)
        assert info.value.field == field
    with db.transaction() as s:
        case = mediation.create_mediation(
            s, actor=mediator, parties=parties, mediators=[{"roster_person_id": "R1"}]
        )
        with pytest.raises(ValidationError) as info:
            mediation.set_agreement(
                s, actor=mediator, mediation_id=case.id, agreement_form="oral", terms=[]
            )
        assert "第二十八条" in info.value.message


def test_failed_login_is_audited_even_though_the_caller_rolls_back(db) -> None:  # type: ignore[no-untyped-def]
    from station.db.models import AuditEntry
    from station.services import users

    with db.transaction() as s:
        users.create_user(
            s, username="jiedai", display_name="接待", role="receptionist", password="correct-horse"
        )
    with pytest.raises(users.LoginFailed), db.transaction() as s:
        users.authenticate(s, username="jiedai", password="wrong")
    with db.transaction() as s:
        actor = users.authenticate(s, username="jiedai", password="correct-horse")
    assert actor.username == "jiedai" and actor.station_code == "TS01"
    with db.read() as s:
        actions = [a.action for a in s.query(AuditEntry).order_by(AuditEntry.id)]
    assert actions == ["login_failed", "login"]
