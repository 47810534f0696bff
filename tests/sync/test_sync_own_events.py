"""A station's own events do not travel back to it on pull — unless it no longer has them
(a database restored from an older backup gets back what it had pushed since)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select
from sync_support import NOW, Station

from station.db.database import open_database
from station.db.engine import backup_database
from station.db.models import Event
from station.services import cases
from station.services.overview import check_database
from station.sync.state import read_own_upto


def _new_cases(station: Station, n: int, start: int = 0) -> list[str]:
    with station.db.transaction() as s:
        return [
            cases.create_case(
                s,
                actor=station.actor,
                summary=f"路灯不亮 {start + i}",
                received_at=NOW,
                grid_id="C1-01",
            ).id
            for i in range(n)
        ]


def _event_ids(station: Station) -> list[str]:
    with station.db.read() as s:
        return sorted(s.scalars(select(Event.event_id)))


def test_own_events_are_not_pulled_back(make_station) -> None:  # type: ignore[no-untyped-def]
    ts, center = make_station("TS01"), make_station("CT01")
    _new_cases(ts, 5)
    first = ts.sync()
    assert first.pushed == 5
    assert first.known == 0  # none of the five came back down
    with ts.db.read() as s:
        assert read_own_upto(s) > 0
    # Work from elsewhere still arrives, and only that.
    _new_cases(center, 2, start=10)
    center.sync()
    _new_cases(ts, 3, start=20)
    second = ts.sync()
    assert second.pushed == 3 and second.pulled == 2 and second.known == 0
    center.sync()
    assert _event_ids(ts) == _event_ids(center)


def test_restored_database_gets_back_what_it_pushed_after_the_backup(
    make_station, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ts = make_station("TS01")
    _new_cases(ts, 3)
    ts.sync()
    backup = backup_database(Path(ts.db.path), tmp_path / "backups", label="test")
    later = _new_cases(ts, 4, start=10)
    ts.sync()
    everything = _event_ids(ts)

    restored_dir = tmp_path / "restored"
    restored_dir.mkdir()
    backup.rename(restored_dir / Path(ts.db.path).name)
    db = open_database(restored_dir)
    try:
        restored = Station(code="TS01", db=db, actor=ts.actor)
        assert len(_event_ids(restored)) == len(everything) - len(later)
        report = restored.sync()
        assert report.pulled == len(later)  # its own later work came back
        assert _event_ids(restored) == everything
        with db.read() as s:
            assert s.scalar(select(func.count()).where(Event.server_seq.is_(None))) == 0
            assert check_database(s).ok, check_database(s).problems
    finally:
        db.close()
