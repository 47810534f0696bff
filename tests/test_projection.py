"""Projections are a deterministic fold of events: rebuilds equal the live tables, the
order of arrival does not matter, and tampering is detected by the check."""

from __future__ import annotations

import random

from sqlalchemy import select, text
from support import NOW

from station.db.models import Event
from station.services import cases, persons
from station.services.events import EventRecord
from station.services.overview import check_database
from station.services.projection import fold_all, fold_case


def _history(db, clerk, dispatcher, handler):  # type: ignore[no-untyped-def]
    with db.transaction() as s:
        p = persons.create_person(s, actor=clerk, name="郑堃", phone="13800138001")
        c = cases.create_case(
            s,
            actor=clerk,
            summary="焚烧秸秆",
            received_at=NOW,
            requester_id=p.id,
            category_id="K21",
        )
        cases.act_on_case(s, actor=clerk, case_id=c.id, action="escalate")
        cases.act_on_case(
            s, actor=dispatcher, case_id=c.id, action="dispatch", department_id="D-CG"
        )
        cases.act_on_case(s, actor=handler, case_id=c.id, action="return", reason="非本部门")
        cases.act_on_case(
            s, actor=dispatcher, case_id=c.id, action="dispatch", department_id="D-CG"
        )
        cases.add_note(s, actor=dispatcher, case_id=c.id, text="请尽快处理")
        cases.update_case(s, actor=clerk, case_id=c.id, location="溪口村田间")
    return c.id


def _events(db) -> list[EventRecord]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return [EventRecord.from_row(e) for e in s.scalars(select(Event))]


def test_fold_is_independent_of_arrival_order(db, clerk, dispatcher, handler) -> None:  # type: ignore[no-untyped-def]
    case_id = _history(db, clerk, dispatcher, handler)
    events = [e for e in _events(db) if e.entity_id == case_id]
    reference = fold_case(events).rows
    rng = random.Random(7)
    for _ in range(20):
        shuffled = events[:]
        rng.shuffle(shuffled)
        assert fold_case(shuffled).rows == reference
    row = reference["work_case"][0]
    assert row["status"] == "dispatched"
    assert row["location"] == "溪口村田间"
    assert [n["kind"] for n in reference["case_note"]] == [
        "escalate",
        "dispatch",
        "return",
        "dispatch",
        "note",
    ]


def test_check_passes_then_detects_tampering(db, clerk, dispatcher, handler) -> None:  # type: ignore[no-untyped-def]
    case_id = _history(db, clerk, dispatcher, handler)
    with db.read() as s:
        report = check_database(s)
        assert report.ok, report.problems
    with db.transaction() as s:  # someone edits the projection behind the events' back
        s.execute(text("UPDATE work_case SET status = 'closed' WHERE id = :id"), {"id": case_id})
    with db.read() as s:
        report = check_database(s)
    assert not report.ok
    assert any("work_case" in p and "status" in p for p in report.problems)


def test_check_detects_rows_without_events(db, clerk) -> None:  # type: ignore[no-untyped-def]
    with db.transaction() as s:
        s.execute(
            text(
                "INSERT INTO person (id, name, gender, phone, id_number, ethnicity, occupation,"
                " address, name_initials, name_pinyin, created_at, version) VALUES ('ghost',"
                " '无名', '', '', '', '', '', '', 'wm', 'wuming', '2026-01-01', 'x')"
            )
        )
    with db.read() as s:
        problems = check_database(s).problems
    assert any("ghost" in p for p in problems)


def test_illegal_concurrent_transition_becomes_a_conflict(db, clerk, dispatcher, handler) -> None:  # type: ignore[no-untyped-def]
    """Two stations act on the same case offline; the later action is no longer legal."""
    case_id = _history(db, clerk, dispatcher, handler)
    events = [e for e in _events(db) if e.entity_id == case_id]
    last = max(events, key=lambda e: e.order_key)
    stale = EventRecord(
        event_id="ffffffff-0000-7000-8000-000000000000",
        entity_type="case",
        entity_id=case_id,
        event_type="action",
        station_code="TS02",
        author="other",
        hlc=last.hlc,
        payload={"action": "escalate", "reason": "", "at": "2026-11-20T10:00:00", "fields": {}},
    )
    folded = fold_case([*events, stale]).rows
    assert folded["work_case"][0]["status"] == "dispatched"
    assert [c["lost_event_id"] for c in folded["conflict"]] == [stale.event_id]


def test_fold_all_matches_per_entity_folds(db, clerk, dispatcher, handler) -> None:  # type: ignore[no-untyped-def]
    _history(db, clerk, dispatcher, handler)
    rows = fold_all(_events(db))
    assert len(rows["person"]) == 1 and len(rows["work_case"]) == 1
    assert rows["person"][0]["name_initials"] == "zk"
