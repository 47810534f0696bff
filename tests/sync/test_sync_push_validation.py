"""The server applies the desktop's own rules to every pushed event: a bad event is
rejected with a reason, the rest of its batch lands, and the station stops counting it."""

from __future__ import annotations

from sqlalchemy import select
from sync_support import NOW, push_raw, raw_event

from station.db.models import Case, Event, Person
from station.domain.clock import new_id
from station.services import cases, persons
from station.services.events import REJECTED_SEQ, record_event
from station.services.overview import check_database
from station.sync.state import load_sync_state, recent_rejections

GOOD_ID = "11010519491231002X"  # GB 11643 example: valid check digit


def _person(code: str, **payload: object) -> dict:  # type: ignore[type-arg]
    return raw_event(
        station_code=code,
        entity_type="person",
        entity_id=new_id(),
        event_type="created",
        payload={"name": "王五", "created_at": "2026-11-20T09:00:00", **payload},
    )


def test_bad_events_are_rejected_one_by_one(make_station) -> None:  # type: ignore[no-untyped-def]
    ts = make_station("TS01")
    case_id = new_id()
    batch = [
        _person("TS01", id_number=GOOD_ID),
        _person("TS01", id_number="110105194912310021"),  # wrong check digit
        _person("TS01", name="王" * 41),  # oversize field
        _person("TS01", grid_id="NO-SUCH-GRID"),
        _person("TS01", shoe_size=42),  # not a field of a person
        _person("TS01", gender=True),  # wrong type
        raw_event(
            station_code="TS01",
            entity_type="case",
            entity_id=case_id,
            event_type="created",
            payload={
                "summary": "路灯不亮",
                "number": "TS01-20261120-901",
                "channel": "walk_in",
                "received_at": NOW,
                "urgency": "normal",
                "route": "station",
                "description": "很长" * 10_001,  # longer than the form allows
            },
        ),
        raw_event(  # an update of a case the server never accepted
            station_code="TS01",
            entity_type="case",
            entity_id=case_id,
            event_type="updated",
            payload={"location": "东街"},
        ),
        raw_event(
            station_code="TS01",
            entity_type="parcel",
            entity_id=new_id(),
            event_type="created",
            payload={},
        ),
    ]
    results = push_raw(ts, batch)
    codes = [(r["status"], r["code"]) for r in results]
    assert codes == [
        ("accepted", None),
        ("rejected", "id_bad_checksum"),
        ("rejected", "too_long"),
        ("rejected", "unknown_grid"),
        ("rejected", "bad_field"),
        ("rejected", "bad_value"),
        ("rejected", "too_long"),
        ("rejected", "unknown_entity"),
        ("rejected", "unknown_entity_type"),
    ]
    assert all(r["message"] for r in results[1:])  # every rejection says why, in Chinese


def test_illegal_transition_and_role_are_rejected(make_station) -> None:  # type: ignore[no-untyped-def]
    ts, center = make_station("TS01"), make_station("CT01")
    with ts.db.transaction() as s:
        c = cases.create_case(
            s, actor=ts.actor, summary="噪音扰民", received_at=NOW, grid_id="C1-01"
        )
    ts.sync()

    def action(code: str, action: str, **fields: object) -> dict:  # type: ignore[type-arg]
        return raw_event(
            station_code=code,
            entity_type="case",
            entity_id=c.id,
            event_type="action",
            payload={"action": action, "reason": "", "at": NOW, "fields": fields},
        )

    results = push_raw(
        ts,
        [
            action("TS01", "sign_for"),  # received → sign_for: not from this status
            action("TS01", "dispatch", department_id="D-CG"),  # a village cannot dispatch
            action("TS01", "escalate"),  # fine
            action("TS01", "void"),  # needs a reason
        ],
    )
    assert [(r["status"], r["code"]) for r in results] == [
        ("rejected", "illegal_transition"),
        ("rejected", "role_not_allowed"),
        ("accepted", None),
        ("rejected", "required"),
    ]
    result = push_raw(center, [action("CT01", "dispatch", department_id="D-NONE")])
    assert result[0]["code"] == "unknown"
    result = push_raw(center, [action("CT01", "dispatch", department_id="D-CG")])
    assert result[0]["status"] == "accepted"


def test_station_drops_what_the_server_rejected(make_station) -> None:  # type: ignore[no-untyped-def]
    """A rejected event stops counting locally, so this copy equals everyone else's."""
    ts, center = make_station("TS01"), make_station("CT01")
    with ts.db.transaction() as s:
        good = persons.create_person(s, actor=ts.actor, name="张三", phone="13800138001")
        bad_id = new_id()
        # Written behind the form's back (as an old or broken app might): a bad ID number.
        record_event(
            s,
            actor=ts.actor,
            entity_type="person",
            entity_id=bad_id,
            event_type="created",
            payload={"name": "李四", "id_number": "110105194912310021", "created_at": NOW},
        )
        persons.update_person(s, actor=ts.actor, person_id=good.id, address="东街3号")
    report = ts.sync()
    assert report.pushed == 2
    assert [(r.entity_id, r.code) for r in report.rejected] == [(bad_id, "id_bad_checksum")]
    with ts.db.read() as s:
        assert s.get(Person, bad_id) is None  # the projection no longer shows it
        assert s.get(Person, good.id).address == "东街3号"
        event = s.scalars(select(Event).where(Event.entity_id == bad_id)).one()
        assert event.server_seq == REJECTED_SEQ  # kept for the record
        state = load_sync_state(s)
        assert state.pending == 0 and state.rejected == 1
        assert recent_rejections(s)[0].message.startswith("身份证号")
        assert check_database(s).ok, check_database(s).problems
    center.sync()
    with center.db.read() as s:
        assert s.get(Person, bad_id) is None and s.get(Person, good.id) is not None
    assert ts.sync().pushed == 0  # never sent again


def test_duplicate_case_number_is_rejected(make_station) -> None:  # type: ignore[no-untyped-def]
    ts = make_station("TS01")
    with ts.db.transaction() as s:
        c = cases.create_case(s, actor=ts.actor, summary="占道经营", received_at=NOW)
    ts.sync()
    dup = raw_event(
        station_code="TS01",
        entity_type="case",
        entity_id=new_id(),
        event_type="created",
        payload={"summary": "另一件", "number": c.number, "channel": "walk_in"},
    )
    assert push_raw(ts, [dup])[0]["code"] == "duplicate_number"
    with ts.db.read() as s:
        assert len(s.scalars(select(Case)).all()) == 1


def test_ids_and_numbers_with_quotes_and_backslashes_are_looked_up_exactly(  # type: ignore[no-untyped-def]
    make_station,
) -> None:
    """The server looks ids and numbers up passing them all as one parameter (a JSON array
    on SQLite, an array literal on PostgreSQL): characters those formats treat specially
    must come back as themselves."""
    ts = make_station("TS01")
    odd = 'E"1\\,{x} y'  # quote, backslash, comma, braces, space
    number = 'N"1\\,{x}'

    def case(entity_id: str, event_type: str, payload: dict) -> dict:  # type: ignore[type-arg]
        return raw_event(
            station_code="TS01",
            entity_type="case",
            entity_id=entity_id,
            event_type=event_type,
            payload=payload,
        )

    created = case(odd, "created", {"summary": "占道经营", "number": number, "channel": "walk_in"})
    first = push_raw(ts, [created, {**created, "event_id": 'V"\\,{}'}])
    assert first[0]["status"] == "accepted"
    assert first[1]["code"] == "bad_event_id"
    answers = push_raw(
        ts,
        [
            created,  # the same event again
            case(odd, "updated", {"location": "东街"}),  # finds the entity
            case(new_id(), "created", {"summary": "另一件", "number": number}),
            case(odd, "created", {"summary": "又一件", "number": "N2"}),
        ],
    )
    assert [a["status"] for a in answers] == ["duplicate", "accepted", "rejected", "rejected"]
    assert answers[0]["server_seq"] == first[0]["server_seq"]
    assert [a["code"] for a in answers[2:]] == ["duplicate_number", "duplicate_entity"]
