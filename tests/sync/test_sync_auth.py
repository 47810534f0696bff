"""Credentials, enrollment, limits and error bodies."""

from __future__ import annotations

import gzip

import httpx
import pytest
from sync_support import NOW, LiveServer, push_raw, raw_event, start_server

from station.domain.clock import new_id
from station.server.app import ServerSettings
from station.services import cases
from station.sync.transport import SyncError, enroll, make_http_client


def _get(url: str, token: str | None = None) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
    return httpx.get(f"{url}/api/v1/changes", headers=headers)


def test_wrong_missing_and_revoked_credentials_get_401(server: LiveServer, make_station) -> None:  # type: ignore[no-untyped-def]
    assert _get(server.url).status_code == 401
    response = _get(server.url, "not-a-token")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"
    ts = make_station("TS01")
    with ts.http() as http:
        assert http.get("/api/v1/station").json()["code"] == "TS01"
    with ts.db.transaction() as s:
        cases.create_case(s, actor=ts.actor, summary="井盖缺失", received_at=NOW)
    server.revoke("TS01")
    with pytest.raises(SyncError) as err:
        ts.sync()
    assert err.value.code == "unauthorized"
    with ts.http() as http:
        assert http.get("/api/v1/changes").status_code == 401


def test_enrollment_code_works_once(server: LiveServer, make_station) -> None:  # type: ignore[no-untyped-def]
    station = make_station("TS01", enroll_now=False)
    code = server.add_station("TS01", kind="community", grids=("C1-01",))
    enroll(station.db, server_url=server.url, code=code)
    with pytest.raises(SyncError) as err:
        enroll(station.db, server_url=server.url, code=code)
    assert err.value.code == "bad_enroll_code"
    # Codes are compared case-insensitively and with spaces trimmed (read out on the phone).
    again = server.add_station("TS01", kind="community", grids=("C1-01",))
    answer = enroll(station.db, server_url=server.url, code=f" {again.lower()} ")
    assert answer.station.code == "TS01" and answer.token == ""


def test_a_station_cannot_push_as_another(make_station) -> None:  # type: ignore[no-untyped-def]
    ts = make_station("TS01")
    make_station("VS01")
    event = raw_event(
        station_code="VS01",
        entity_type="person",
        entity_id=new_id(),
        event_type="created",
        payload={"name": "冒名"},
    )
    result = push_raw(ts, [event])[0]
    assert result["status"] == "rejected" and result["code"] == "wrong_station"


def test_limits_and_json_errors(tmp_path) -> None:  # type: ignore[no-untyped-def]
    live = start_server(
        f"sqlite:///{tmp_path / 's.sqlite3'}",
        settings=ServerSettings(rate_per_second=1, rate_burst=3, max_body_bytes=4096),
    )
    try:
        code = live.add_station("CT01", kind="center")
        with make_http_client(server_url=live.url) as http:
            token = http.post("/api/v1/enroll", json={"code": code}).json()["token"]
        auth = {"Authorization": f"Bearer {token}"}
        with httpx.Client(base_url=live.url, headers=auth) as http:
            big = b'{"events":[]' + b" " * 5000 + b"}"
            response = http.post("/api/v1/events", content=big)
            assert response.status_code == 413
            assert response.json()["error"]["code"] == "too_large"
            bomb = gzip.compress(b'{"events":[' + b" " * 100_000 + b"]}")
            assert len(bomb) < 4096
            response = http.post(
                "/api/v1/events", content=bomb, headers={"Content-Encoding": "gzip"}
            )
            assert response.status_code == 413
            response = http.post(
                "/api/v1/events", content=b"not gzip", headers={"Content-Encoding": "gzip"}
            )
            assert response.status_code == 400
            response = http.post("/api/v1/events", json={"events": "nope"})
            assert response.status_code == 422
            assert response.json()["error"]["code"] == "invalid_request"
            statuses = [http.get("/api/v1/changes").status_code for _ in range(6)]
            assert 429 in statuses
            limited = http.get("/api/v1/changes")
            assert limited.status_code == 429 and "Retry-After" in limited.headers
            assert httpx.get(f"{live.url}/nope").json()["error"]["code"] == "not_found"
            health = httpx.get(f"{live.url}/health").json()
            assert health["status"] == "ok" and health["database"] == "sqlite"
    finally:
        live.stop()
        live.db.close()
