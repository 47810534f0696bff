"""The server's API as outsiders see it: its own OpenAPI description, fuzzed with
schemathesis (no 5xx, JSON errors), and the schema its migrations build."""

from __future__ import annotations

from pathlib import Path

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.openapi import from_dict
from sync_support import LiveServer

from station.server.models import Base


def test_fuzzed_api_never_fails_on_the_server(server: LiveServer) -> None:
    code = server.add_station("CT01", kind="center")
    token = httpx.post(f"{server.url}/api/v1/enroll", json={"code": code}).json()["token"]
    spec = httpx.get(f"{server.url}/openapi.json").json()
    schema = from_dict(spec)
    cases = st.one_of(
        schema.as_strategy(GenerationMode.POSITIVE), schema.as_strategy(GenerationMode.NEGATIVE)
    )
    seen: set[int] = set()

    @settings(
        max_examples=80,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=cases, authorised=st.booleans())
    def probe(case, authorised: bool) -> None:  # type: ignore[no-untyped-def]
        headers = {"Authorization": f"Bearer {token}"} if authorised else {}
        if case.path == "/api/v1/enroll":
            headers = {}
        response = case.call(base_url=server.url, headers=headers)
        seen.add(response.status_code)
        assert response.status_code < 500, (case.method, case.path, response.text[:300])
        if response.status_code >= 400:
            assert set(response.json()) == {"error"}

    probe()
    assert {200, 401, 422} <= seen


def test_migrations_build_exactly_the_models(server: LiveServer) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with server.db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert [d for d in diff if "alembic_version" not in str(d)] == []


def test_openapi_names_every_route(server: LiveServer, tmp_path: Path) -> None:
    paths = set(httpx.get(f"{server.url}/openapi.json").json()["paths"])
    assert paths == {
        "/health",
        "/api/v1/enroll",
        "/api/v1/station",
        "/api/v1/events",
        "/api/v1/changes",
        "/api/v1/audit",
    }
