"""Crash safety: the client (``crash_client.py`` in its own process, the same
``sync_once`` the app and ``grid-station sync`` run) is killed with SIGKILL at real
moments — after the server stored a pushed batch but before the answer arrived, while it
applies a pulled page, and at random points of long syncs; and the server (``grid-station
serve``) is killed inside its write transaction. A restart then completes with no lost and
no duplicated events, every own event carries the server's number, and the projections
equal a rebuild."""

from __future__ import annotations

import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import datetime
from pathlib import Path

import httpx
import pytest
from fault_proxy import FaultProxy
from sqlalchemy import func, select
from sync_checks import assert_converged, local_seqs, server_seqs
from sync_support import NOW, STATIONS, LiveServer, Station, free_socket

from station.db.database import database_path, open_database
from station.db.models import Event
from station.domain.enums import Role
from station.server import crud
from station.server.db import open_server_database
from station.server.models import Event as ServerEvent
from station.server.reference import put_reference
from station.services import cases
from station.services.events import Actor
from station.sync.client import sync_once
from station.sync.protocol import StationCreate
from station.sync.state import read_cursor
from station.sync.transport import SyncError, enroll, open_client

CLIENT = Path(__file__).with_name("crash_client.py")


class Client:
    """``crash_client.py`` running for one station; its output lines collected."""

    def __init__(self, station: Station, *, push_batch: int = 10, pull_limit: int = 20) -> None:
        folder = Path(station.db.path).parent
        self.proc = subprocess.Popen(
            [sys.executable, str(CLIENT), str(folder), str(push_batch), str(pull_limit)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.strip())

    def wait_line(self, *prefixes: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while not any(line.startswith(prefixes) for line in self.lines):
            assert self.proc.poll() is None or self._reader.is_alive(), self.lines
            assert time.monotonic() < deadline, f"no {prefixes!r} in {self.lines}"
            time.sleep(0.01)

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)
        self._reader.join(timeout=5)

    def finish(self, timeout: float = 60) -> list[str]:
        code = self.proc.wait(timeout=timeout)
        self._reader.join(timeout=5)
        assert code == 0, self.lines
        assert self.lines[-1] == "done", self.lines
        return self.lines


def enroll_via(proxy: FaultProxy, server: LiveServer, station: Station) -> None:
    spec = STATIONS[station.code]
    enroll(station.db, server_url=proxy.url, code=server.add_station(station.code, **spec))  # type: ignore[arg-type]


def new_cases(station: Station, n: int) -> None:
    with station.db.transaction() as s:
        for i in range(n):
            cases.create_case(
                s, actor=station.actor, summary=f"北街{i}号井盖", received_at=NOW, grid_id="C1-01"
            )


@pytest.fixture
def proxy(server: LiveServer):  # type: ignore[no-untyped-def]
    running = FaultProxy(int(server.url.rsplit(":", 1)[1]))
    yield running
    running.close()


def test_kill_after_the_server_stored_a_batch_before_the_answer(
    make_station, server: LiveServer, proxy: FaultProxy
) -> None:  # type: ignore[no-untyped-def]
    ts = make_station("TS01", enroll_now=False)
    enroll_via(proxy, server, ts)
    new_cases(ts, 60)
    posts = iter(range(1, 100))
    proxy.plan = lambda m, p, _n: "hold" if m == "POST" and next(posts) == 3 else None
    client = Client(ts, push_batch=10)
    assert proxy.holding.wait(30), client.lines
    # The server has the third batch; the station has not heard back. Kill it now.
    assert len(server_seqs(server)) == 30
    client.kill()
    assert "done" not in client.lines
    proxy.plan = lambda _m, _p, _n: None
    proxy.release()
    seqs = local_seqs(ts)
    assert sum(v is not None for v in seqs.values()) == 20 and len(seqs) == 60

    Client(ts, push_batch=10).finish()
    assert_converged(server, [ts], 60)


def test_kill_while_applying_a_pulled_page(
    make_station, server: LiveServer, proxy: FaultProxy
) -> None:  # type: ignore[no-untyped-def]
    ts = make_station("TS01")
    new_cases(ts, 60)
    ts.sync()
    center = make_station("CT01", enroll_now=False)
    enroll_via(proxy, server, center)
    # Hold the station database's write lock: the client gets its first page and stops
    # inside the apply transaction, waiting for the lock — and is killed there.
    blocker = sqlite3.connect(center.db.path, timeout=0)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        client = Client(center, pull_limit=20)
        deadline = time.monotonic() + 30
        while not any(entry[1] == "GET" and entry[0] in proxy.sent for entry in proxy.log):
            assert time.monotonic() < deadline, client.lines
            time.sleep(0.01)
        time.sleep(0.5)  # parsed and waiting for the lock (busy timeout: 5 s)
        assert client.proc.poll() is None and not any(x.startswith("pull") for x in client.lines)
        client.kill()
    finally:
        blocker.rollback()
        blocker.close()
    with center.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Event)) == 0
        assert read_cursor(s) == 0  # nothing of the page, not even the cursor

    Client(center, pull_limit=20).finish()
    assert_converged(server, [ts, center], 60)


@pytest.mark.slow
def test_kills_at_random_moments_of_push_and_pull(
    make_station, server: LiveServer, proxy: FaultProxy
) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(2026)
    ts = make_station("TS01", enroll_now=False)
    center = make_station("CT01", enroll_now=False)
    for station in (ts, center):
        enroll_via(proxy, server, station)
    new_cases(ts, 150)
    # A slow village line: every answer takes 50 ms more, so a sync lasts longer than the
    # kill window below however fast this machine pushes and applies.
    proxy.delay = 0.05
    proxy.plan = lambda _method, _path, _n: "delay"
    killed_midway = 0
    for station in (ts, center):
        for _round in range(5):
            client = Client(station, push_batch=10, pull_limit=15)
            # The first step committed (or, late in the rounds, nothing was left to do).
            client.wait_line("push" if station is ts else "pull", "done")
            time.sleep(rng.uniform(0, 0.3))
            client.kill()
            killed_midway += "done" not in client.lines
        Client(station, push_batch=10, pull_limit=15).finish()
    assert killed_midway >= 5  # most kills landed inside a sync
    Client(ts).finish()
    assert_converged(server, [ts, center], 150)


class ServeProcess:
    """``grid-station serve`` on a SQLite file, in its own process (so it can be killed)."""

    def __init__(self, database_url: str, port: int, folder: Path) -> None:
        self.args = [
            str(Path(sys.executable).with_name("grid-station")),
            "serve",
            "--db",
            database_url,
            "--port",
            str(port),
            "--data-dir",
            str(folder),
        ]
        self.url = f"http://127.0.0.1:{port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(
            self.args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{self.url}/health").status_code == 200:
                    return
            except httpx.TransportError:
                pass
            assert self.proc.poll() is None and time.monotonic() < deadline, "serve did not start"
            time.sleep(0.05)

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)


def _write_locked(path: Path) -> bool:
    """True while another connection holds the SQLite file's write lock."""
    probe = sqlite3.connect(path, timeout=0)
    try:
        probe.execute("BEGIN IMMEDIATE")
        probe.rollback()
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        probe.close()


def test_server_killed_inside_its_write_transaction(
    template_db: Path, tmp_path: Path, town_reference
) -> None:  # type: ignore[no-untyped-def]
    """The server dies with SIGKILL while it stores a pushed batch; restarted, it has the
    batch entirely or not at all, and the station's next sync completes it exactly once."""
    server_file = tmp_path / "town.sqlite3"
    url = f"sqlite:///{server_file}"
    admin_db = open_server_database(url)
    with admin_db.transaction() as s:
        put_reference(s, records=town_reference, replace_all=True)
        _row, code = crud.add_station(
            s,
            data=StationCreate(code="TS01", name="东街", kind="community", grids=["C1-01"]),
            now=datetime.now(),
        )
    admin_db.close()
    sock = free_socket()
    port = sock.getsockname()[1]
    sock.close()
    serve = ServeProcess(url, port, tmp_path)
    serve.start()
    folder = tmp_path / "station"
    folder.mkdir()
    shutil.copy(template_db, database_path(folder))
    db = open_database(folder, migrate=False)
    try:
        enroll(db, server_url=serve.url, code=code)
        station = Station(
            code="TS01",
            db=db,
            actor=Actor(username="jiedai", role=Role.RECEPTIONIST, station_code="TS01"),
        )
        new_cases(station, 1200)
        outcome: list[object] = []

        def push() -> None:
            with open_client(db) as http:
                try:
                    outcome.append(sync_once(db=db, http=http, push_batch=400))
                except SyncError as exc:
                    outcome.append(exc)

        pusher = threading.Thread(target=push)
        pusher.start()
        deadline = time.monotonic() + 60
        while not _write_locked(server_file):  # the server is inside a batch's transaction
            assert pusher.is_alive() and time.monotonic() < deadline, outcome
            time.sleep(0.002)
        serve.kill()
        pusher.join(timeout=60)
        assert isinstance(outcome[0], SyncError) and outcome[0].code == "offline"

        serve.start()
        try:
            with open_client(db) as http:
                sync_once(db=db, http=http, push_batch=400)
            check = open_server_database(url)
            try:
                with check.sessions() as s:
                    on_server = dict(
                        s.execute(select(ServerEvent.event_id, ServerEvent.server_seq)).all()
                    )
            finally:
                check.close()
            local = local_seqs(station)
            assert len(on_server) == len(local) == 1200
            assert all(local[e] == on_server[e] for e in local)
            seqs = sorted(on_server.values())
            assert seqs == list(range(seqs[0], seqs[0] + 1200))  # no gap, nothing doubled
        finally:
            serve.kill()
    finally:
        db.close()
