"""The 被拒收 list: every own event the town server refused, named in Chinese, newest first,
with the server's reason — even after that reason was trimmed from the kept list."""

from __future__ import annotations

from datetime import datetime, timedelta

from sync_support import NOW

from station.domain.clock import new_id
from station.domain.enums import Role
from station.services import cases
from station.services.events import Actor, record_event
from station.sync.rejections import REASON_NOT_KEPT, list_rejections
from station.sync.state import MAX_KEPT_REJECTIONS, load_sync_state

BAD_ID = "110105194912310021"  # wrong check digit: the server refuses it


def _bad_person(session, actor: Actor, name: str) -> str:  # type: ignore[no-untyped-def]
    """A resident written behind the form's back (as an old or broken app might)."""
    person_id = new_id()
    record_event(
        session,
        actor=actor,
        entity_type="person",
        entity_id=person_id,
        event_type="created",
        payload={"name": name, "id_number": BAD_ID, "created_at": NOW},
    )
    return person_id


def test_nothing_rejected_lists_nothing(make_station) -> None:  # type: ignore[no-untyped-def]
    ts = make_station("TS01")
    ts.sync()
    with ts.db.read() as s:
        assert list_rejections(s) == []


def test_each_rejection_names_its_record_and_reason(make_station) -> None:  # type: ignore[no-untyped-def]
    ts = make_station("TS01")
    with ts.db.transaction() as s:
        case = cases.create_case(s, actor=ts.actor, summary="东街路灯不亮", received_at=NOW)
    ts.sync()
    before = datetime.now().replace(microsecond=0)
    with ts.db.transaction() as s:
        gone_id = _bad_person(s, ts.actor, "李四")
        record_event(  # longer than the form allows
            s,
            actor=ts.actor,
            entity_type="case",
            entity_id=case.id,
            event_type="updated",
            payload={"description": "很长" * 10_001},
        )
        record_event(  # a received work order cannot be signed for
            s,
            actor=ts.actor,
            entity_type="case",
            entity_id=case.id,
            event_type="action",
            payload={"action": "sign_for", "reason": "", "at": NOW, "fields": {}},
        )
    report = ts.sync()
    assert len(report.rejected) == 3

    with ts.db.read() as s:
        items = list_rejections(s)
        assert load_sync_state(s).rejected == len(items) == 3
    signed, updated, person = items  # newest first
    assert signed.entity_label == f"工单 {case.number} 东街路灯不亮"
    assert signed.event_label == "办理操作“签收”"
    assert signed.code == "illegal_transition" and signed.message
    assert signed.exists and signed.can_open

    assert updated.entity_id == case.id and updated.event_label == "修改"
    assert updated.code == "too_long"
    assert updated.field == "description" and updated.field_label == "详细情况"
    assert updated.message.startswith("“详细情况”太长")  # not the field's key

    # The resident was never accepted: gone from this station, named from what was written.
    assert person.entity_id == gone_id
    assert person.entity_label == "居民 李四"
    assert person.event_label == "新建"
    assert person.message.startswith("身份证号")
    assert not person.exists and not person.can_open
    assert before - timedelta(seconds=1) <= person.written_at <= datetime.now()
    assert person.author == ts.actor.username


def test_people_see_only_the_names_they_may_see(make_station) -> None:  # type: ignore[no-untyped-def]
    ts = make_station("TS01")
    with ts.db.transaction() as s:
        case = cases.create_case(s, actor=ts.actor, summary="噪音扰民", received_at=NOW)
        record_event(
            s,
            actor=ts.actor,
            entity_type="case",
            entity_id=case.id,
            event_type="updated",
            payload={"location": "东" * 500},
        )
    assert len(ts.sync().rejected) == 1
    viewer = Actor(username="kan", role=Role.VIEWER, station_code="TS01")
    clerk = Actor(username="jie", role=Role.RECEPTIONIST, station_code="TS01")
    with ts.db.read() as s:
        (seen,) = list_rejections(s, actor=viewer)
        (opened,) = list_rejections(s, actor=clerk)
    assert seen.entity_label == "工单" and not seen.can_open and seen.exists
    assert opened.entity_label.startswith(f"工单 {case.number}") and opened.can_open


def test_a_reason_trimmed_from_the_kept_list_still_shows(make_station) -> None:  # type: ignore[no-untyped-def]
    ts = make_station("TS01")
    with ts.db.transaction() as s:
        ids = [_bad_person(s, ts.actor, f"测试{n}") for n in range(MAX_KEPT_REJECTIONS + 1)]
    assert len(ts.sync().rejected) == MAX_KEPT_REJECTIONS + 1

    with ts.db.read() as s:
        items = list_rejections(s)
        newest = list_rejections(s, limit=5)
    assert [i.entity_id for i in items] == ids[::-1]  # newest first
    assert [i.entity_id for i in newest] == ids[::-1][:5]
    oldest = items[-1]
    assert oldest.entity_label == "居民 测试0"
    assert oldest.message == REASON_NOT_KEPT and oldest.code == "" and oldest.field is None
    assert all(i.message.startswith("身份证号") for i in items[:-1])
