"""Work-order services on a real SQLite database: intake, actions, notes, numbering."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from support import NOW

from station.db.models import Event
from station.domain.case_workflow import CaseAction
from station.domain.enums import CaseStatus
from station.errors import NotFoundError, PermissionDenied, TransitionError, ValidationError
from station.services import cases, persons
from station.services.overview import check_database


def _new(db, actor, **extra):  # type: ignore[no-untyped-def]
    with db.transaction() as s:
        return cases.create_case(
            s,
            actor=actor,
            summary="邻居在公共通道堆放杂物",
            received_at=NOW,
            category_id="K11",
            grid_id="C1-01",
            **extra,
        )


def test_create_case_numbers_per_station_and_day(db, clerk) -> None:  # type: ignore[no-untyped-def]
    first, second = _new(db, clerk), _new(db, clerk)
    assert first.number == "TS01-20261120-001"
    assert second.number == "TS01-20261120-002"
    assert first.status == CaseStatus.RECEIVED.value
    assert first.route == "station"  # the category's default route
    assert first.deadline == date(2026, 11, 25)  # 3 working days after a Friday


def test_create_writes_event_and_projection_together(db, clerk) -> None:  # type: ignore[no-untyped-def]
    case = _new(db, clerk)
    with db.read() as s:
        events = s.query(Event).filter_by(entity_id=case.id).all()
        assert [e.event_type for e in events] == ["created"]
        assert events[0].author == "jiedai" and events[0].station_code == "TS01"
        assert check_database(s).ok


def test_bad_input_is_rejected_and_nothing_is_written(db, clerk) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as info, db.transaction() as s:
        cases.create_case(s, actor=clerk, summary="  ", received_at=NOW)
    assert info.value.field == "summary"
    with pytest.raises(ValidationError) as info, db.transaction() as s:
        cases.create_case(s, actor=clerk, summary="x", grid_id="NOPE", received_at=NOW)
    assert info.value.field == "grid_id"
    with pytest.raises(ValidationError) as info, db.transaction() as s:
        cases.create_case(
            s, actor=clerk, summary="x", received_at=datetime.now() + timedelta(days=1)
        )
    assert info.value.field == "received_at"
    with db.read() as s:
        assert s.query(Event).count() == 0


def test_full_three_points_path(db, clerk, dispatcher, handler) -> None:  # type: ignore[no-untyped-def]
    case = _new(db, clerk)
    steps = [
        (clerk, CaseAction.ESCALATE, {}),
        (dispatcher, CaseAction.DISPATCH, {"department_id": "D-CG", "deadline": date(2026, 12, 1)}),
        (handler, CaseAction.SIGN_FOR, {}),
        (handler, CaseAction.REPLY, {"result": "已责令清理杂物"}),
        (clerk, CaseAction.REQUEST_VISIT, {}),
        (clerk, CaseAction.CLOSE, {"rating": "satisfied", "solved": True}),
    ]
    for actor, action, fields in steps:
        with db.transaction() as s:
            case = cases.act_on_case(s, actor=actor, case_id=case.id, action=action, **fields)
    assert case.status == CaseStatus.CLOSED.value
    assert case.department_id == "D-CG"
    assert case.result == "已责令清理杂物"
    assert (case.rating, case.solved) == ("satisfied", True)
    assert [n.kind for n in case.notes] == [a.value for _, a, _ in steps]
    with db.read() as s:
        assert check_database(s).ok


def test_illegal_action_and_wrong_role(db, clerk, handler) -> None:  # type: ignore[no-untyped-def]
    case = _new(db, clerk)
    with pytest.raises(TransitionError) as info, db.transaction() as s:
        cases.act_on_case(s, actor=clerk, case_id=case.id, action=CaseAction.CLOSE)
    assert "已受理" in info.value.message
    with pytest.raises(PermissionDenied), db.transaction() as s:
        cases.act_on_case(s, actor=handler, case_id=case.id, action=CaseAction.ESCALATE)


def test_return_needs_a_reason(db, clerk, dispatcher, handler) -> None:  # type: ignore[no-untyped-def]
    case = _new(db, clerk)
    with db.transaction() as s:
        cases.act_on_case(s, actor=clerk, case_id=case.id, action="escalate")
        cases.act_on_case(s, actor=dispatcher, case_id=case.id, action="dispatch")
    with pytest.raises(ValidationError) as info, db.transaction() as s:
        cases.act_on_case(s, actor=handler, case_id=case.id, action="return")
    assert info.value.field == "reason"
    with db.transaction() as s:
        case = cases.act_on_case(
            s, actor=handler, case_id=case.id, action="return", reason="不属于本部门职责"
        )
    assert case.status == CaseStatus.AWAITING_DISPATCH.value
    assert case.notes[-1].text == "不属于本部门职责"


def test_update_records_only_changed_fields(db, clerk) -> None:  # type: ignore[no-untyped-def]
    case = _new(db, clerk)
    with db.transaction() as s:
        cases.update_case(
            s, actor=clerk, case_id=case.id, summary=case.summary, location="东街12号"
        )
    with db.read() as s:
        updates = s.query(Event).filter_by(entity_id=case.id, event_type="updated").all()
        assert len(updates) == 1
        assert '"location":"东街12号"' in updates[0].payload
        assert "summary" not in updates[0].payload


def test_notes_and_lookup_by_number(db, clerk) -> None:  # type: ignore[no-untyped-def]
    case = _new(db, clerk)
    with db.transaction() as s:
        cases.add_note(s, actor=clerk, case_id=case.id, text="已电话联系当事人")
        assert cases.find_case_id(s, number=case.number) == case.id
        with pytest.raises(NotFoundError):
            cases.find_case_id(s, number="TS01-20990101-001")
        assert cases.get_case(s, case_id=case.id).notes[-1].text == "已电话联系当事人"


def test_search_cases_long_short_and_by_requester(db, clerk) -> None:  # type: ignore[no-untyped-def]
    with db.transaction() as s:
        resident = persons.create_person(s, actor=clerk, name="林玲玲", phone="13800138000")
    target = _new(db, clerk, requester_id=resident.id, description="楼道里堆满了旧家具和纸箱")
    with db.transaction() as s:
        cases.create_case(s, actor=clerk, summary="路灯不亮", received_at=NOW)
    with db.read() as s:
        for query in ("公共通道", "旧家具", "杂物", "堆", "林玲玲", target.number):
            found = cases.list_cases(s, flt=cases.CaseFilter(query=query))
            assert [c.number for c in found] == [target.number], query
        assert cases.list_cases(s, flt=cases.CaseFilter(query="下水道")) == []
        assert len(cases.list_cases(s, flt=cases.CaseFilter(status="received"))) == 2


def test_fts_index_follows_updates(db, clerk) -> None:  # type: ignore[no-untyped-def]
    case = _new(db, clerk)
    with db.transaction() as s:
        cases.update_case(s, actor=clerk, case_id=case.id, summary="河道里有人养鸭")
    with db.read() as s:
        assert cases.list_cases(s, flt=cases.CaseFilter(query="公共通道")) == []
        assert len(cases.list_cases(s, flt=cases.CaseFilter(query="河道里有人"))) == 1


def test_case_numbers_never_collide_after_counter_loss(db, clerk) -> None:  # type: ignore[no-untyped-def]
    first = _new(db, clerk)
    with db.transaction() as s:
        s.execute(__import__("sqlalchemy").text("DELETE FROM number_counter"))
    second = _new(db, clerk)
    assert second.number != first.number
