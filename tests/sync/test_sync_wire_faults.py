"""Faults on the wire: a real client and a real uvicorn with a fault-injecting TCP proxy
between them (delay past the client's timeout, dropped request, dropped answer, reset
mid-response, truncated body). Syncs fail and are retried; afterwards every copy holds
every event exactly once and the projections agree."""

from __future__ import annotations

import itertools

import pytest
from fault_proxy import FAULTS, FaultProxy
from sync_checks import assert_converged, local_seqs, server_seqs
from sync_support import NOW, LiveServer, Station

from station.db.models import Case
from station.services import cases
from station.sync.client import SyncReport, sync_once
from station.sync.state import read_token
from station.sync.transport import SyncError, make_http_client

CLIENT_TIMEOUT = 1.0  # the proxy's "delay" holds an answer longer than this


def sync_via(proxy: FaultProxy, station: Station) -> SyncReport | SyncError:
    with station.db.read() as s:
        token = read_token(s)
    with make_http_client(server_url=proxy.url, token=token, timeout=CLIENT_TIMEOUT) as http:
        try:
            return sync_once(db=station.db, http=http, push_batch=7, pull_limit=9)
        except SyncError as exc:
            return exc


def test_sync_converges_through_a_faulty_wire(make_station, server: LiveServer) -> None:  # type: ignore[no-untyped-def]
    ts, center = make_station("TS01"), make_station("CT01")
    rotation = itertools.cycle(FAULTS)
    # Every other request breaks, cycling through every kind of fault.
    proxy = FaultProxy(
        int(server.url.rsplit(":", 1)[1]),
        plan=lambda _m, _p, n: next(rotation) if n % 2 == 0 else None,
        delay=CLIENT_TIMEOUT + 0.5,
    )
    try:
        with ts.db.transaction() as s:
            ids = [
                cases.create_case(
                    s, actor=ts.actor, summary=f"东街{i}号灯坏", received_at=NOW, grid_id="C1-01"
                ).id
                for i in range(30)
            ]
        written = len(ids)
        outcomes: list[SyncReport | SyncError] = []
        for round_ in range(24):
            station = (ts, center)[round_ % 2]
            # Work goes on between syncs, on both sides.
            with station.db.transaction() as s:
                known = [c for c in ids if s.get(Case, c) is not None]
                if known:
                    target = known[round_ % len(known)]
                    cases.add_note(s, actor=station.actor, case_id=target, text=f"第{round_}次跟进")
                    written += 1
            outcomes.append(sync_via(proxy, station))
        failures = [o for o in outcomes if isinstance(o, SyncError)]
        assert failures
        assert server_seqs(server)  # batches between the faults got through meanwhile
        assert {f.code for f in failures} <= {"offline", "server_error"}
        assert set(proxy.faults()) == set(FAULTS)  # every kind really happened
        # The wire heals: everyone syncs until nothing is left.
        proxy.plan = lambda _m, _p, _n: None
        for station in (ts, center, ts, center):
            assert isinstance(sync_via(proxy, station), SyncReport)
        assert written > len(ids) + 5  # the center's notes are in it
        assert_converged(server, [ts, center], written)
    finally:
        proxy.close()


@pytest.mark.parametrize("fault", ["drop_response", "reset", "truncate", "delay"])
def test_lost_push_answer_is_settled_as_duplicate(
    make_station, server: LiveServer, fault: str
) -> None:  # type: ignore[no-untyped-def]
    """The server stored the batch but the station never heard: the next sync re-pushes,
    the server answers "duplicate", and nothing is stored twice."""
    ts = make_station("TS01")
    with ts.db.transaction() as s:
        for i in range(5):
            cases.create_case(
                s, actor=ts.actor, summary=f"西街{i}号积水", received_at=NOW, grid_id="C1-02"
            )
    proxy = FaultProxy(
        int(server.url.rsplit(":", 1)[1]),
        plan=lambda m, p, _n: fault if m == "POST" and p.endswith("/events") else None,
        delay=CLIENT_TIMEOUT + 0.5,
    )
    try:
        outcome = sync_via(proxy, ts)
        assert isinstance(outcome, SyncError) and outcome.code == "offline"
        assert len(server_seqs(server)) == 5  # the server did the work
        assert all(v is None for v in local_seqs(ts).values())  # the station never heard
        proxy.plan = lambda _m, _p, _n: None
        report = sync_via(proxy, ts)
        assert isinstance(report, SyncReport)
        assert report.duplicates == 5 and report.pushed == 0
        assert_converged(server, [ts], 5)
    finally:
        proxy.close()
