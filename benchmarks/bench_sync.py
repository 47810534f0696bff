"""Sync speed against the peers named in issue 6 (Anki sync, PouchDB/CouchDB replication).

Run: .venv/bin/python benchmarks/bench_sync.py [--events 100000] [--pg URL] [--stations 50]
[--workers N]

A real ``grid-station serve`` process on a loopback port (SQLite, and PostgreSQL when
``--pg`` or ``GRID_STATION_TEST_PG`` names one — a fresh schema, dropped afterwards), real
station databases, the real client. Work-order-shaped events of about 670 bytes (a case
``created`` event as it travels). Prints one table; the peers' figures are theirs, measured
on the same kind of machine (2 cores, loopback), as quoted in the issue.

Beside each of our figures, the CPU the step took (station, page helper, server, PostgreSQL,
read from /proc) as a *floor*: the least wall time that CPU fits in on this machine. Where
the floor is above a target, no scheduling reaches it — only less work per event does.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import gzip
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import astuple, dataclass
from datetime import datetime, timedelta
from pathlib import Path

import httpx
from sqlalchemy.engine import make_url

from station.db.database import Database, open_database
from station.domain.clock import HybridLogicalClock, new_id
from station.domain.enums import Role
from station.server import crud
from station.server.db import open_server_database
from station.server.demo import init_demo
from station.services.events import Actor, EventRecord, record_event, to_payload
from station.sync.client import SyncReport, Transfer, pull_changes, push_pending, sync_once
from station.sync.protocol import EventCreate, StationCreate
from station.sync.transport import enroll, open_client

EXE = Path(sys.executable).with_name("grid-station")
GRIDS = [f"C01-{g:02d}" for g in range(1, 63)]
CATEGORIES = ["K0101", "K0102", "K0201", "K0301"]


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """``grid-station serve`` in its own process."""

    def __init__(self, url: str, folder: Path, workers: int = 1) -> None:
        self.database_url, self.workers = url, workers
        self.db = open_server_database(url)
        with self.db.transaction() as s:
            init_demo(s)
        port = _port()
        self.url = f"http://127.0.0.1:{port}"
        log = open(folder / f"serve-{port}.log", "w")  # noqa: SIM115 - closed with the process
        self.proc = subprocess.Popen(
            [
                *(str(EXE), "serve", "--db", url, "--port", str(port)),
                *("--data-dir", str(folder), "--workers", str(workers)),
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{self.url}/health").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise RuntimeError("server did not start")
            time.sleep(0.1)

    def register(self, code: str, **spec: object) -> str:
        with self.db.transaction() as s:
            _row, enroll_code = crud.add_station(
                s,
                data=StationCreate(code=code, name=code, **spec),  # type: ignore[arg-type]
                now=datetime.now(),
            )
        return enroll_code

    def token(self, code: str, **spec: object) -> str:
        enroll_code = self.register(code, **spec)
        return httpx.post(f"{self.url}/api/v1/enroll", json={"code": enroll_code}).json()["token"]

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=20)
        self.db.close()


def work_order(i: int, *, station: str, clock: HybridLogicalClock) -> EventRecord:
    """A case-created event of about 670 bytes on the wire."""
    received = datetime(2026, 1, 1, 8) + timedelta(minutes=i)  # all in the past
    payload = to_payload(
        {
            "number": f"{station}-{received:%Y%m%d}-{i:06d}",
            "channel": "walk_in",
            "received_at": received,
            "summary": f"东街{i % 90 + 1}号门前公共通道堆放杂物影响通行",
            "description": (
                f"居民反映东街{i % 90 + 1}号楼下公共通道长期堆放纸箱和旧家具，"
                "老人和小孩出入不便，存在消防隐患，希望社区协调清理。"
            ),
            "location": f"东街{i % 90 + 1}号楼下",
            "grid_id": GRIDS[i % len(GRIDS)],
            "category_id": CATEGORIES[i % len(CATEGORIES)],
            "urgency": "normal",
            "route": "station",
            "deadline": (received + timedelta(days=7)).date(),
            "filed_by_staff": "",
        }
    )
    return EventRecord(
        event_id=new_id(),
        entity_type="case",
        entity_id=new_id(),
        event_type="created",
        station_code=station,
        author="jiedai",
        hlc=clock.now(),
        payload=payload,
    )


def push_bodies(records: list[EventRecord], batch: int = 1000) -> list[bytes]:
    bodies = []
    for start in range(0, len(records), batch):
        events = [EventCreate.from_record(r).model_dump() for r in records[start : start + batch]]
        raw = json.dumps({"events": events}, ensure_ascii=False).encode()
        bodies.append(gzip.compress(raw, 5))
    return bodies


def ingest(server: Server, token: str, bodies: list[bytes], events: int) -> tuple[float, Cpu]:
    """Events per second, pushed batch after batch by one client; and the CPU it took."""
    headers = {
        "Authorization": f"Bearer {token}",
        "Content-Encoding": "gzip",
        "Content-Type": "application/json",
    }
    with httpx.Client(base_url=server.url, headers=headers, timeout=120) as http:
        before = Cpu.read(server)
        started = time.perf_counter()
        for body in bodies:
            response = http.post("/api/v1/events", content=body)
            response.raise_for_status()
        return events / (time.perf_counter() - started), Cpu.read(server) - before


def new_station(server: Server, folder: Path, code: str, **spec: object) -> Database:
    db = open_database(folder / code)
    enroll(db, server_url=server.url, code=server.register(code, **spec))
    return db


def settle_heap() -> None:
    """Before a measured step: what this process holds so far goes out of the garbage
    collector's full passes, as the desktop app does once it has started (ui/app.py) — a
    station process never carries a benchmark's setup around with it."""
    gc.collect()
    gc.freeze()


@dataclass(frozen=True)
class Cpu:
    """CPU seconds so far (Linux: /proc) of this process (the station, or the benchmark's
    bare HTTP clients), of its finished child processes (the page helper, once a pull has
    ended), of the server process, and of every PostgreSQL process on the machine (the
    server's backends; the others idle). The difference of two readings is what a measured
    step cost, and :meth:`floor` the least wall time that fits in."""

    station: float
    helper: float
    server: float  # all its processes (uvicorn's workers with --workers)
    postgres: float
    server_workers: int = 1

    @classmethod
    def read(cls, server: Server) -> Cpu:
        times = os.times()
        processes = _processes()
        tree, postgres = {server.proc.pid}, 0.0
        for pid, (parent, name, _cpu) in sorted(processes.items()):
            if parent in tree:  # uvicorn's workers (--workers) are the server's children
                tree.add(pid)
            if name == "postgres":
                postgres += _cpu
        return cls(
            station=times.user + times.system,
            helper=times.children_user + times.children_system,
            server=sum(processes[pid][2] for pid in tree if pid in processes),
            postgres=postgres,
            server_workers=server.workers,
        )

    def __sub__(self, earlier: Cpu) -> Cpu:
        # A PostgreSQL backend that ended in between takes its CPU out of the later sum: a
        # difference below zero is that, not negative work.
        spent = (max(0.0, a - b) for a, b in zip(astuple(self), astuple(earlier), strict=True))
        return Cpu(*list(spent)[:4], server_workers=self.server_workers)

    @property
    def total(self) -> float:
        return self.station + self.helper + self.server + self.postgres

    def floor(self) -> float:
        """The least wall time this CPU fits in: spread over this machine's cores, and no
        less than any one Python process's share (its threads take turns on one core)."""
        cores = os.cpu_count() or 1
        worker = self.server / self.server_workers  # if they shared the work evenly
        return max(self.total / cores, self.station, self.helper, worker)


def _processes() -> dict[int, tuple[int, str, float]]:
    """Every process's parent, name and CPU seconds so far (Linux: /proc/PID/stat)."""
    found = {}
    tick = os.sysconf("SC_CLK_TCK")
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            text = stat.read_text()
            name = text[text.index("(") + 1 : text.rindex(")")]
            fields = text.rsplit(")", 1)[1].split()
            found[int(stat.parent.name)] = (
                int(fields[1]),
                name,
                (int(fields[11]) + int(fields[12])) / tick,
            )
    return found


def _split(cpu: Cpu) -> str:
    return (
        f"CPU: station {cpu.station:.2f} s, page helper {cpu.helper:.2f} s, "
        f"server process {cpu.server:.2f} s, PostgreSQL {cpu.postgres:.2f} s"
    )


def timed_sync(db: Database, **kwargs: object) -> SyncReport:
    with open_client(db) as http:
        return sync_once(db=db, http=http, **kwargs)  # type: ignore[arg-type]


def local_cases(db: Database, code: str, n: int, *, start: int = 0) -> None:
    actor = Actor(username="jiedai", role=Role.RECEPTIONIST, station_code=code)
    clock = HybridLogicalClock()
    with db.transaction() as s:
        for i in range(start, start + n):
            ev = work_order(i, station=code, clock=clock)
            record_event(
                s,
                actor=actor,
                entity_type="case",
                entity_id=ev.entity_id,
                event_type="created",
                payload=ev.payload,
            )


def run_backend(name: str, url: str, folder: Path, args: argparse.Namespace) -> dict[str, str]:
    out: dict[str, str] = {}
    server = Server(url, folder, args.workers)
    folder = folder / name  # this backend's stations (the same codes on every backend)
    folder.mkdir()
    try:
        clock = HybridLogicalClock()
        records = [work_order(i, station="XX01", clock=clock) for i in range(args.events)]
        bodies = push_bodies(records)
        token = server.token("XX01", kind="community", grids=GRIDS)
        events = len(records)
        rate, cpu = ingest(server, token, bodies, events)
        # The pushing side is done with them: a station process never holds 100k events in
        # memory, and keeping them here made every later garbage collection of the measured
        # client scan them (tens of milliseconds per collection, charged to push and pull).
        del records, bodies
        gc.collect()
        # The server's Python runs one push at a time, PostgreSQL's work beside it: the
        # rate can reach neither one over the server's CPU per event nor the cores over
        # all the CPU per event.
        per_event = [cpu.server / events, cpu.total / events / (os.cpu_count() or 1)]
        out["ingest"] = f"{rate:,.0f} events/s (CPU ceiling {1 / max(per_event):,.0f}/s)"
        print(
            f"[{name}] ingest {out['ingest']}; CPU per event: server process "
            f"{cpu.server / events * 1e6:.0f} µs, PostgreSQL {cpu.postgres / events * 1e6:.0f} µs,"
            f" client {cpu.station / events * 1e6:.0f} µs",
            flush=True,
        )

        center = new_station(server, folder, f"C{name[:3].upper()}", kind="center")
        settle_heap()
        before = Cpu.read(server)
        report = timed_sync(center)
        cpu = Cpu.read(server) - before
        mb = (report.bytes_sent + report.bytes_received) / 1e6
        out["first"] = (
            f"{report.seconds:.1f} s, {mb:.1f} MB ({report.pulled:,} events; "
            f"CPU floor {cpu.floor():.1f} s)"
        )
        print(f"[{name}] first sync {out['first']}; {_split(cpu)}", flush=True)

        writer = new_station(server, folder, "XX02", kind="community", grids=GRIDS[:5])
        timed_sync(writer)  # reference data first
        local_cases(writer, "XX02", 1000)
        settle_heap()
        report = SyncReport()
        with open_client(writer) as http:
            before = Cpu.read(server)
            started = time.perf_counter()
            push_pending(
                writer, Transfer(http, report), report,
                batch_size=500, abort=lambda: False, progress=lambda _p: None,
            )  # fmt: skip
            push = time.perf_counter() - started
            cpu = Cpu.read(server) - before
        floor = cpu.floor() * 1000
        out["push"] = f"{push * 1000:.0f} ms ({report.pushed} accepted; CPU floor {floor:.0f} ms)"
        print(f"[{name}] 1k push {out['push']}; {_split(cpu)}", flush=True)
        report = SyncReport()
        settle_heap()
        with open_client(center) as http:
            before = Cpu.read(server)
            started = time.perf_counter()
            pull_changes(
                center, Transfer(http, report), report,
                limit=5000, abort=lambda: False, progress=lambda _p: None,
            )  # fmt: skip
            pull = time.perf_counter() - started
            cpu = Cpu.read(server) - before
        floor = cpu.floor() * 1000
        out["pull"] = f"{pull * 1000:.0f} ms ({report.pulled} applied; CPU floor {floor:.0f} ms)"
        print(f"[{name}] 1k pull {out['pull']}; {_split(cpu)}", flush=True)

        times, requests = [], set()
        with open_client(center) as http:
            sync_once(db=center, http=http)
            for _ in range(30):
                started = time.perf_counter()
                report = sync_once(db=center, http=http)
                times.append((time.perf_counter() - started) * 1000)
                requests.add(report.requests)
        out["empty"] = f"{statistics.median(times):.1f} ms, {max(requests)} request"
        print(f"[{name}] empty sync {out['empty']}", flush=True)

        if args.stations:
            out["fifty"] = concurrent(server, folder, name, args.stations)
            print(f"[{name}] {args.stations} stations at once: {out['fifty']}", flush=True)
            out["fifty_server"] = concurrent_requests(server, name, args.stations)
            print(f"[{name}] server side of it: {out['fifty_server']}", flush=True)
        for db in (center, writer):
            db.close()
    finally:
        server.stop()
    return out


def p95_p50(latencies: list[float]) -> str:
    ordered = sorted(latencies)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    return f"p95 {p95:.0f} ms, p50 {statistics.median(ordered):.0f} ms"


def concurrent(server: Server, folder: Path, name: str, n: int) -> str:
    template = folder / f"tpl-{name}"
    base = open_database(template)
    base.close()
    dbs = []
    for i in range(n):
        code = f"Q{name[0].upper()}{i:02d}"
        shutil.copytree(template, folder / code)
        db = open_database(folder / code)
        grid = GRIDS[i % len(GRIDS)]
        enroll_code = server.register(code, kind="community", grids=[grid])
        enroll(db, server_url=server.url, code=enroll_code)
        timed_sync(db)  # reference data
        # A station that has been at work: it has pushed and pulled before (its first
        # push after starting compiles its statements once; that is not what 50 stations
        # syncing at once costs). Then 20 new cases each.
        local_cases(db, code, 20)
        timed_sync(db)
        local_cases(db, code, 20, start=20)
        dbs.append(db)
    latencies: list[float] = []
    barrier = threading.Barrier(n + 1)
    settle_heap()

    def one(db: Database) -> None:
        with open_client(db) as http:
            barrier.wait()  # ready
            barrier.wait()  # go
            started = time.perf_counter()
            sync_once(db=db, http=http)
            latencies.append((time.perf_counter() - started) * 1000)

    threads = [threading.Thread(target=one, args=(db,)) for db in dbs]
    cpu = _run_together(threads, barrier, server)
    for db in dbs:
        db.close()
    print(f"[{name}] {n} stations: {_split(cpu)}", flush=True)
    return f"{p95_p50(latencies)} (20 events each; CPU floor {cpu.floor() * 1000:.0f} ms)"


def _run_together(
    threads: list[threading.Thread], barrier: threading.Barrier, server: Server
) -> Cpu:
    """Start the threads, release them at once, wait for them; the CPU they and the server
    spent meanwhile. Each thread waits at ``barrier`` twice, as does this one: once when it
    is ready (its HTTP client made), once to start."""
    for t in threads:
        t.start()
    barrier.wait()
    before = Cpu.read(server)
    barrier.wait()
    for t in threads:
        t.join()
    return Cpu.read(server) - before


def concurrent_requests(server: Server, name: str, n: int) -> str:
    """The server's side of the same: each station's push of 20 events and its pull, sent
    at once by bare HTTP clients. Stations are separate machines; in :func:`concurrent`
    their own database work shares this machine's two cores with the server, and this
    measure leaves it out to show what the server alone takes."""
    clock = HybridLogicalClock()
    stations = []
    for i in range(n):
        code = f"R{name[0].upper()}{i:02d}"
        token = server.token(code, kind="community", grids=[GRIDS[i % len(GRIDS)]])
        records = [work_order(j, station=code, clock=clock) for j in range(20)]
        headers = {"Authorization": f"Bearer {token}"}
        cursor = httpx.get(
            f"{server.url}/api/v1/changes", params={"since": 0, "limit": 5000}, headers=headers
        ).json()["next_cursor"]  # reference data, before the measured sync
        stations.append((headers, push_bodies(records)[0], cursor))
    latencies: list[float] = []
    barrier = threading.Barrier(n + 1)
    settle_heap()

    def one(headers: dict[str, str], body: bytes, cursor: int) -> None:
        with httpx.Client(base_url=server.url, headers=headers, timeout=60) as http:
            barrier.wait()  # ready
            barrier.wait()  # go
            started = time.perf_counter()
            http.post(
                "/api/v1/events",
                content=body,
                headers={"Content-Encoding": "gzip", "Content-Type": "application/json"},
            ).raise_for_status()
            http.get("/api/v1/changes", params={"since": cursor, "limit": 5000}).raise_for_status()
            latencies.append((time.perf_counter() - started) * 1000)

    threads = [threading.Thread(target=one, args=station) for station in stations]
    cpu = _run_together(threads, barrier, server)
    print(f"[{name}] {n} bare clients: {_split(cpu)}", flush=True)
    return f"{p95_p50(latencies)} (CPU floor {cpu.floor() * 1000:.0f} ms)"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--stations", type=int, default=50)
    parser.add_argument("--pg", default=os.environ.get("GRID_STATION_TEST_PG", ""))
    parser.add_argument("--backends", default="sqlite,postgresql", help="comma-separated")
    parser.add_argument("--workers", type=int, default=1, help="grid-station serve --workers")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="gs-bench-sync-"))
    results: dict[str, dict[str, str]] = {}
    if "sqlite" in args.backends:
        url = f"sqlite:///{folder / 's.sqlite3'}"
        results["SQLite"] = run_backend("sqlite", url, folder, args)
    if args.pg and "postgresql" in args.backends:
        import psycopg

        schema = f"gs_bench_{uuid.uuid4().hex[:8]}"
        pg = make_url(args.pg)
        conninfo = pg.set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(conninfo, autocommit=True) as conn:
            conn.execute(f'CREATE SCHEMA "{schema}"')
        try:
            url = pg.update_query_dict({"options": f"-csearch_path={schema}"})
            results["PostgreSQL"] = run_backend(
                "postgresql", url.render_as_string(hide_password=False), folder, args
            )
        finally:
            with psycopg.connect(conninfo, autocommit=True) as conn:
                conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
    shutil.rmtree(folder, ignore_errors=True)

    sq, pg_ = results.get("SQLite", {}), results.get("PostgreSQL", {})
    rows = [
        ("first sync, 100k records", "12–14 s, ~19 MB", "35–47 s, 27–88 MB", "≤ 6 s, ≤ 15 MB",
         sq.get("first", "-"), pg_.get("first", "-")),
        ("1,000 pushed + acked", "~0.2 s", "0.4–0.5 s", "≤ 0.15 s", sq.get("push", "-"),
         pg_.get("push", "-")),
        ("1,000 pulled + applied", "~0.2 s", "0.4–0.5 s", "≤ 0.15 s", sq.get("pull", "-"),
         pg_.get("pull", "-")),
        ("nothing to sync", "7–12 ms", "7–12 ms", "1 request, ≤ 5 ms", sq.get("empty", "-"),
         pg_.get("empty", "-")),
        ("server ingest", "-", "-", "≥ 5,000/s SQLite, ≥ 10,000/s PG", sq.get("ingest", "-"),
         pg_.get("ingest", "-")),
        (f"{args.stations} stations at once", "-", "-", "p95 ≤ 500 ms", sq.get("fifty", "-"),
         pg_.get("fifty", "-")),
        ("… the server's side of it", "-", "-", "-", sq.get("fifty_server", "-"),
         pg_.get("fifty_server", "-")),
    ]  # fmt: skip
    print(
        f"\nGrid Station sync, {args.events:,} events, loopback, {os.cpu_count()} cores, "
        f"{args.workers} server worker(s)\n"
    )
    header = ("measure", "Anki", "PouchDB/CouchDB", "target", "ours (SQLite)", "ours (PostgreSQL)")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
