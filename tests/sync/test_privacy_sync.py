"""ID numbers sealed at rest still sync: the wire and the town server carry clear values
(the content hashes are of the clear payload), every station's file holds only sealed ones."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sync_support import NOW

from station.db.database import Database
from station.db.sealed import PREFIX
from station.server.models import Event as ServerEvent
from station.services import cases, persons
from station.services.overview import check_database

ID_NUMBER = "11010519491231002X"
NEW_ID = "350203198510122347"


def raw_bytes(db: Database) -> bytes:
    db.engine.dispose()  # the WAL is read as it is: no checkpoint needed
    path = Path(db.path)
    return b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists())


def test_person_with_id_number_round_trips_sealed_at_both_ends(make_station, server) -> None:  # type: ignore[no-untyped-def]
    ts, center = make_station("TS01"), make_station("CT01")
    with ts.db.transaction() as s:
        person = persons.create_person(
            s, actor=ts.actor, name="林玲玲", id_number=ID_NUMBER, grid_id="C1-01"
        )
        case = cases.create_case(
            s,
            actor=ts.actor,
            summary="公共通道堆放杂物",
            received_at=NOW,
            requester_id=person.id,
            grid_id="C1-01",
            category_id="K11",
        )
    report = ts.sync()
    assert report.pushed == 2 and report.rejected == []
    with server.db.transaction() as s:  # the server got (and hashed) the clear value
        payloads = s.scalars(select(ServerEvent.payload)).all()
    assert any(ID_NUMBER in p for p in payloads)
    assert not any(PREFIX in p for p in payloads)

    assert center.sync().pulled == 2
    with center.db.read() as s:
        assert persons.get_person(s, person_id=person.id).id_number == ID_NUMBER
        assert cases.get_case(s, case_id=case.id).requester == "林玲玲"
        assert [p.id for p in persons.search_persons(s, query=ID_NUMBER)] == [person.id]
        assert check_database(s).ok, check_database(s).problems

    # A correction made at the center travels back the same way.
    with center.db.transaction() as s:
        persons.update_person(s, actor=center.actor, person_id=person.id, id_number=NEW_ID)
    assert center.sync().rejected == []
    assert ts.sync().pulled == 1
    with ts.db.read() as s:
        assert persons.get_person(s, person_id=person.id).id_number == NEW_ID
        assert check_database(s).ok, check_database(s).problems
    for station in (ts, center):
        raw = raw_bytes(station.db)
        assert ID_NUMBER.encode() not in raw and NEW_ID.encode() not in raw, station.code
        assert "林玲玲".encode() in raw  # the check can fail: names are stored in clear
