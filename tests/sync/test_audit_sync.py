"""The audit log syncs up to the town server: every entry exactly once, never pulled back
down, append-only there too, and only from the station that wrote it."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, func, select, text
from sqlalchemy.exc import DBAPIError
from sync_support import LiveServer

from station.db.models import AuditEntry, Setting
from station.server.models import AuditEntry as ServerAudit
from station.services import audit
from station.sync.audit_push import AUDIT_CURSOR_KEY, pending_audit_count, push_audit
from station.sync.client import SyncReport, Transfer, run_here


def write_entries(station, count: int, *, start: int = 0) -> None:  # type: ignore[no-untyped-def]
    with station.db.transaction() as s:
        for n in range(start, start + count):
            audit.write(
                s,
                username=station.actor.username,
                action="print_document",
                target_type="case",
                target_id=f"C-{n}",
                detail={"title": f"受理回执 {n}"},
            )


def local_entries(station) -> list[tuple]:  # type: ignore[no-untyped-def]
    with station.db.read() as s:
        rows = s.execute(
            select(AuditEntry.id, AuditEntry.username, AuditEntry.action, AuditEntry.target_id)
            .order_by(AuditEntry.id)
        ).all()  # fmt: skip
    return [tuple(r) for r in rows]


def server_entries(server: LiveServer, code: str) -> list[tuple]:
    with server.db.sessions() as s:
        rows = s.execute(
            select(ServerAudit.entry_id, ServerAudit.username, ServerAudit.action,
                   ServerAudit.target_id)
            .where(ServerAudit.station_code == code)
            .order_by(ServerAudit.entry_id)
        ).all()  # fmt: skip
    return [tuple(r) for r in rows]


def test_audit_entries_reach_the_server_exactly_once(server: LiveServer, make_station) -> None:  # type: ignore[no-untyped-def]
    ts = make_station("TS01")
    write_entries(ts, 7)
    before = local_entries(ts)
    assert len(before) >= 7
    with ts.http() as http:  # in batches of 3: the cursor moves after each answer
        pushed = push_audit(ts.db, Transfer(http, SyncReport()), run_db=run_here, batch_size=3)
    assert pushed == len(before)
    assert server_entries(server, "TS01") == before
    ts.sync()
    assert server_entries(server, "TS01") == before
    with ts.db.read() as s:
        assert pending_audit_count(s) == 0

    write_entries(ts, 4, start=7)
    ts.sync()
    assert server_entries(server, "TS01") == local_entries(ts)
    assert len(local_entries(ts)) == len(before) + 4  # nothing came back down

    # The acknowledgement lost (a crash, a database restored from a backup): the whole log
    # goes again, and the server keeps one copy of each entry.
    with ts.db.transaction() as s:
        s.execute(delete(Setting).where(Setting.key == AUDIT_CURSOR_KEY))
    with ts.db.read() as s:
        assert pending_audit_count(s) == len(local_entries(ts))
    ts.sync()
    assert server_entries(server, "TS01") == local_entries(ts)

    # Another station's sync does not bring TS01's log down.
    vs = make_station("VS01")
    vs_before = local_entries(vs)
    vs.sync()
    assert local_entries(vs) == vs_before
    assert server_entries(server, "VS01") == vs_before


def test_the_server_refuses_entries_claiming_another_station(
    server: LiveServer, make_station
) -> None:  # type: ignore[no-untyped-def]
    ts = make_station("TS01")
    make_station("VS01")
    entry = {
        "id": 1,
        "station_code": "VS01",
        "at": "2026-05-01T09:00:00",
        "username": "someone",
        "action": "login",
    }
    with ts.http() as http:
        response = http.post("/api/v1/audit", json={"entries": [entry]})
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "station_mismatch"
        ok = http.post("/api/v1/audit", json={"entries": [{**entry, "station_code": "TS01"}]})
        assert ok.status_code == 200 and ok.json() == {"accepted": 1, "duplicates": 0}
        again = http.post("/api/v1/audit", json={"entries": [{**entry, "station_code": "TS01"}]})
        assert again.json() == {"accepted": 0, "duplicates": 1}
        # A station restored from a backup reuses ids: a new entry under an old id is kept.
        reused = {**entry, "station_code": "TS01", "action": "export", "at": "2026-06-01T08:00:00"}
        assert http.post("/api/v1/audit", json={"entries": [reused]}).json()["accepted"] == 1
    assert server_entries(server, "VS01") == []
    assert server_entries(server, "TS01") == [
        (1, "someone", "export", ""),
        (1, "someone", "login", ""),
    ]


def test_the_servers_audit_log_is_append_only(server: LiveServer, make_station) -> None:  # type: ignore[no-untyped-def]
    ts = make_station("TS01")
    write_entries(ts, 2)
    ts.sync()
    with server.db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(ServerAudit)) >= 2
    for statement in ("UPDATE audit_entry SET username = 'x'", "DELETE FROM audit_entry"):
        with pytest.raises(DBAPIError, match="append-only"), server.db.transaction() as s:
            s.execute(text(statement))
    assert server_entries(server, "TS01") == local_entries(ts)
