"""Sync fixtures: a real town server (uvicorn on a loopback port, in a thread) over SQLite —
and over PostgreSQL when ``GRID_STATION_TEST_PG`` names one — and station databases
copied from the session's template, enrolled with that server.

Test modules import helpers from here by name (``from sync_support import LiveServer``);
``conftest.py`` beside it only hands the fixtures to pytest. Every test folder has a
``conftest`` module, so importing from ``conftest`` would depend on which one pytest
loaded last."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import httpx
import psycopg
import pytest
import uvicorn
from sqlalchemy.engine import make_url
from support import NOW  # noqa: F401  (the sync tests import it from here)

from station.db.database import Database, database_path, open_database
from station.domain.enums import Role
from station.server import crud
from station.server.app import ServerSettings, create_app
from station.server.db import ServerDatabase, open_server_database
from station.server.reference import put_reference
from station.services.events import Actor
from station.sync.client import SyncReport, sync_once
from station.sync.protocol import StationCreate
from station.sync.reference import export_reference
from station.sync.transport import enroll, open_client

PG_URL = os.environ.get("GRID_STATION_TEST_PG", "")
needs_pg = pytest.mark.skipif(
    not PG_URL, reason="PostgreSQL not available: set GRID_STATION_TEST_PG"
)
BACKENDS = ["sqlite", pytest.param("postgresql", marks=[needs_pg, pytest.mark.postgres])]


def free_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


@dataclass
class LiveServer:
    """A running server: its URL, its database (for admin actions and inspection)."""

    url: str
    db: ServerDatabase
    database_url: str
    _uvicorn: uvicorn.Server
    _thread: threading.Thread

    def add_station(
        self,
        code: str,
        *,
        kind: str,
        grids: tuple[str, ...] = (),
        department: str | None = None,
        name: str | None = None,
    ) -> str:
        with self.db.transaction() as s:
            _station, enroll_code = crud.add_station(
                s,
                data=StationCreate(
                    code=code,
                    name=name or f"{code}站",
                    kind=kind,  # type: ignore[arg-type]
                    grids=list(grids),
                    department_id=department,
                ),
                now=datetime.now(),
            )
        return enroll_code

    def revoke(self, code: str) -> None:
        with self.db.transaction() as s:
            crud.revoke(s, code=code, now=datetime.now())

    def stop(self) -> None:
        self._uvicorn.should_exit = True
        self._thread.join(timeout=10)


def serve_in_thread(
    app, sock: socket.socket | None = None
) -> tuple[str, uvicorn.Server, threading.Thread]:  # type: ignore[no-untyped-def]
    """Run ``app`` under a real uvicorn on a loopback port, in a daemon thread."""
    sock = sock or free_socket()
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.01)
    return f"http://127.0.0.1:{port}", server, thread


def start_server(
    database_url: str, *, settings: ServerSettings | None = None, sock: socket.socket | None = None
) -> LiveServer:
    db = open_server_database(database_url)
    app = create_app(
        database_url, settings=settings or ServerSettings(rate_per_second=0), database=db
    )
    url, server, thread = serve_in_thread(app, sock)
    return LiveServer(url, db, database_url, server, thread)


@pytest.fixture(params=BACKENDS)
def server_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty server database: a SQLite file, or a new PostgreSQL schema. Every
    test that uses the server runs once per backend."""
    backend = request.param
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'town-server.sqlite3'}"
        return
    schema = f"gs_test_{uuid.uuid4().hex[:10]}"
    url = make_url(PG_URL)
    conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield url.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
            hide_password=False
        )
    finally:
        with psycopg.connect(conninfo, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture
def town_reference(template_db: Path):  # type: ignore[no-untyped-def]
    """The reference data of the test town (tests/conftest.py's seed), as it travels."""
    db = open_database(template_db.parent)
    with db.read() as s:
        records = export_reference(s)
    db.close()
    return records


@contextmanager
def running_server(database_url: str, reference: list) -> Iterator[LiveServer]:  # type: ignore[type-arg]
    """A live server holding ``reference`` (a town's reference data), stopped afterwards."""
    live = start_server(database_url)
    with live.db.transaction() as s:
        put_reference(s, records=reference, replace_all=True)
    try:
        yield live
    finally:
        live.stop()
        live.db.close()


@pytest.fixture
def server(server_database_url: str, town_reference) -> Iterator[LiveServer]:  # type: ignore[no-untyped-def]
    with running_server(server_database_url, town_reference) as live:
        yield live


@dataclass
class Station:
    """One enrolled station database and the people working at it."""

    code: str
    db: Database
    actor: Actor
    reports: list[SyncReport] = field(default_factory=list)

    def http(self) -> httpx.Client:
        return open_client(self.db)

    def sync(self, **kwargs: object) -> SyncReport:
        with self.http() as http:
            report = sync_once(db=self.db, http=http, **kwargs)  # type: ignore[arg-type]
        self.reports.append(report)
        return report


ROLE_OF_KIND = {
    "community": Role.RECEPTIONIST,
    "village": Role.RECEPTIONIST,
    "center": Role.DISPATCHER,
    "department": Role.DEPARTMENT_HANDLER,
}

STATIONS = {
    "TS01": {"kind": "community", "grids": ("C1-01", "C1-02")},
    "VS01": {"kind": "village", "grids": ("V1-01",)},
    "CT01": {"kind": "center"},
    "DP01": {"kind": "department", "department": "D-CG"},
}


@pytest.fixture
def make_station(
    server: LiveServer, template_db: Path, tmp_path: Path
) -> Iterator[Callable[..., Station]]:
    opened: list[Database] = []

    def make(code: str, *, enroll_now: bool = True) -> Station:
        spec = STATIONS[code]
        folder = tmp_path / f"station-{code}"
        folder.mkdir()
        shutil.copy(template_db, database_path(folder))
        db = open_database(folder, migrate=False)  # the template is migrated already
        opened.append(db)
        if enroll_now:
            enroll_code = server.add_station(code, **spec)  # type: ignore[arg-type]
            enroll(db, server_url=server.url, code=enroll_code)
        actor = Actor(
            username=f"user-{code.lower()}", role=ROLE_OF_KIND[spec["kind"]], station_code=code
        )  # type: ignore[index]
        return Station(code=code, db=db, actor=actor)

    yield make
    for db in opened:
        db.close()


def raw_event(
    *,
    station_code: str,
    entity_type: str,
    entity_id: str,
    event_type: str,
    payload: dict,  # type: ignore[type-arg]
    hlc: str | None = None,
    event_id: str | None = None,
) -> dict:  # type: ignore[type-arg]
    """A wire event built by hand (with a correct hash), for pushing what no form would."""
    from station.domain.clock import new_id
    from station.services.events import EventRecord, to_payload
    from station.sync.protocol import EventCreate

    record = EventRecord(
        event_id=event_id or new_id(),
        entity_type=entity_type,
        entity_id=entity_id,
        event_type=event_type,
        station_code=station_code,
        author="tester",
        hlc=hlc or f"{int(time.time() * 1000):015d}-00000",
        payload=to_payload(payload),
    )
    return EventCreate.from_record(record).model_dump()


def push_raw(station: Station, events: list[dict]) -> list[dict]:  # type: ignore[type-arg]
    with station.http() as http:
        response = http.post("/api/v1/events", json={"events": events})
    response.raise_for_status()
    return response.json()["results"]


class SwitchableApp:
    """An ASGI app that forwards to whichever app is current: one real uvicorn serves a
    fresh server (fresh database) per hypothesis example without restarting."""

    def __init__(self) -> None:
        self.app = None

    async def __call__(self, scope, receive, send):  # type: ignore[no-untyped-def]
        assert self.app is not None
        await self.app(scope, receive, send)
