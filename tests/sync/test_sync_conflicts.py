"""Concurrent edits to the same field converge everywhere and leave a conflict to review;
the review is itself an event that closes the conflict on every copy."""

from __future__ import annotations

from sqlalchemy import select
from sync_support import NOW

from station.db.models import Conflict
from station.services import cases
from station.services.overview import check_database
from station.services.projection import fold_all, verify_projections
from station.sync.conflicts import list_conflicts, resolve_conflict


def _rows(station, table: str) -> list[dict]:  # type: ignore[no-untyped-def,type-arg]
    with station.db.read() as s:
        from station.services.projection import _table

        return sorted(
            (dict(r) for r in s.connection().execute(select(_table(table))).mappings()),
            key=lambda r: str(sorted(r.items())),
        )


def test_concurrent_field_writes_converge_with_a_conflict(make_station) -> None:  # type: ignore[no-untyped-def]
    ts, center = make_station("TS01"), make_station("CT01")
    with ts.db.transaction() as s:
        c = cases.create_case(
            s, actor=ts.actor, summary="楼道堆物", received_at=NOW, grid_id="C1-01"
        )
    ts.sync()
    center.sync()
    # Both edit the location while neither has seen the other's change.
    with center.db.transaction() as s:
        cases.update_case(s, actor=center.actor, case_id=c.id, location="东街5号楼道")
    with ts.db.transaction() as s:
        cases.update_case(s, actor=ts.actor, case_id=c.id, location="东街7号楼道")
        cases.update_case(s, actor=ts.actor, case_id=c.id, summary="楼道堆放杂物")  # no clash
    center.sync()
    ts.sync()
    center.sync()
    for table in ("work_case", "conflict"):
        assert _rows(ts, table) == _rows(center, table)
    with ts.db.read() as s:
        detail = cases.get_case(s, case_id=c.id)
        assert detail.location == "东街7号楼道"  # the later write (ts wrote last) wins
        assert detail.summary == "楼道堆放杂物"
        (conflict,) = list_conflicts(s)
        assert conflict.field == "location" and conflict.reason == "concurrent"
        assert conflict.kept.value == "东街7号楼道" and conflict.kept.station_code == "TS01"
        assert conflict.lost.value == "东街5号楼道" and conflict.lost.station_code == "CT01"
        assert conflict.can_restore
        assert check_database(s).ok, check_database(s).problems
    # A person at the center restores the other value; the conflict closes everywhere.
    with center.db.transaction() as s:
        resolve_conflict(s, actor=center.actor, conflict_id=conflict.id, keep="lost")
    center.sync()
    ts.sync()
    for station in (ts, center):
        with station.db.read() as s:
            assert cases.get_case(s, case_id=c.id).location == "东街5号楼道"
            assert s.scalars(select(Conflict)).all() == []
            assert verify_projections(s) == []


def test_sequential_edits_never_conflict(make_station) -> None:  # type: ignore[no-untyped-def]
    ts, center = make_station("TS01"), make_station("CT01")
    with ts.db.transaction() as s:
        c = cases.create_case(
            s, actor=ts.actor, summary="路灯不亮", received_at=NOW, grid_id="C1-01"
        )
    ts.sync()
    center.sync()
    with center.db.transaction() as s:
        cases.update_case(s, actor=center.actor, case_id=c.id, location="东街路口")
    center.sync()
    ts.sync()
    with ts.db.transaction() as s:  # ts has seen the center's edit: an informed overwrite
        cases.update_case(s, actor=ts.actor, case_id=c.id, location="东街路口北侧")
    ts.sync()
    center.sync()
    with center.db.read() as s:
        assert list_conflicts(s) == []
        assert cases.get_case(s, case_id=c.id).location == "东街路口北侧"


def test_fold_without_bases_is_unchanged(db, clerk) -> None:  # type: ignore[no-untyped-def]
    """Events without ``_base`` (older apps, the demo loader) fold as before: no conflicts."""
    from station.db.models import Event
    from station.services.events import EventRecord

    with db.transaction() as s:
        c = cases.create_case(s, actor=clerk, summary="占道", received_at=NOW)
        cases.update_case(s, actor=clerk, case_id=c.id, location="甲")
    with db.read() as s:
        events = [EventRecord.from_row(e) for e in s.scalars(select(Event))]
    stripped = [
        EventRecord(
            **{**e.__dict__, "payload": {k: v for k, v in e.payload.items() if k != "_base"}}
        )
        for e in events
    ]
    assert fold_all(stripped)["work_case"] == fold_all(events)["work_case"]
    assert "conflict" not in fold_all(stripped)
