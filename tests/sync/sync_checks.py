"""Checks shared by the wire-fault and crash tests: every event exactly once everywhere,
every own event settled with the server's number, projections equal and rebuildable."""

from __future__ import annotations

from sqlalchemy import func, select
from sync_support import LiveServer, Station

from station.db.models import Event
from station.server.models import Event as ServerEvent
from station.services.overview import check_database
from station.services.projection import _table


def server_seqs(server: LiveServer) -> dict[str, int]:
    with server.db.sessions() as s:
        return dict(s.execute(select(ServerEvent.event_id, ServerEvent.server_seq)).all())


def local_seqs(station: Station) -> dict[str, int | None]:
    with station.db.read() as s:
        return dict(s.execute(select(Event.event_id, Event.server_seq)).all())


def table_rows(station: Station, table: str) -> list[dict]:  # type: ignore[type-arg]
    with station.db.read() as s:
        rows = s.connection().execute(select(_table(table))).mappings()
        return sorted((dict(r) for r in rows), key=lambda r: str(sorted(r.items())))


def assert_converged(server: LiveServer, stations: list[Station], written: int) -> None:
    on_server = server_seqs(server)
    assert len(on_server) == written  # nothing lost, nothing doubled
    for station in stations:
        local = local_seqs(station)
        assert None not in local.values(), f"{station.code}: events still pending"
        assert set(local) == set(on_server), f"{station.code}: event sets differ"
        assert all(local[e] == on_server[e] for e in local), f"{station.code}: wrong server_seq"
        with station.db.read() as s:
            assert s.scalar(select(func.count()).select_from(Event)) == written
            report = check_database(s)
            assert report.ok, report.problems
    for table in ("work_case", "case_note", "person"):
        first = table_rows(stations[0], table)
        for other in stations[1:]:
            assert table_rows(other, table) == first, table
