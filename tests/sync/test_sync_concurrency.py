"""``server_seq`` under concurrent pushes: numbers are gap-free, and a reader paging with
its cursor while writers commit never skips one (the PostgreSQL late-commit hazard)."""

from __future__ import annotations

import threading

import httpx
from sqlalchemy import func, select
from sync_support import LiveServer, raw_event

from station.domain.clock import new_id
from station.server.models import Event
from station.sync.protocol import NEXT_PAGE_HEADER


def _token(server: LiveServer, code: str, **spec: object) -> str:
    enroll_code = server.add_station(code, **spec)  # type: ignore[arg-type]
    return httpx.post(f"{server.url}/api/v1/enroll", json={"code": enroll_code}).json()["token"]


def test_concurrent_pushes_and_a_paging_reader(server: LiveServer) -> None:
    writers = {
        "TS01": _token(server, "TS01", kind="community", grids=("C1-01",)),
        "VS01": _token(server, "VS01", kind="village", grids=("V1-01",)),
        "DP01": _token(server, "DP01", kind="department", department="D-CG"),
    }
    reader = _token(server, "CT01", kind="center")
    batches, per_batch = 12, 20
    done = threading.Event()
    errors: list[BaseException] = []

    def write(code: str, token: str) -> None:
        try:
            with httpx.Client(
                base_url=server.url, headers={"Authorization": f"Bearer {token}"}
            ) as http:
                for _ in range(batches):
                    events = [
                        raw_event(
                            station_code=code,
                            entity_type="person",
                            entity_id=new_id(),
                            event_type="created",
                            payload={"name": "并发"},
                        )
                        for _ in range(per_batch)
                    ]
                    results = http.post("/api/v1/events", json={"events": events}).json()
                    assert all(r["status"] == "accepted" for r in results["results"])
        except BaseException as exc:
            errors.append(exc)

    seen: list[int] = []

    def read() -> None:
        cursor = 0
        with httpx.Client(
            base_url=server.url, headers={"Authorization": f"Bearer {reader}"}
        ) as http:
            while True:
                finished = done.is_set()  # read before the pull: one more pull after writers end
                response = http.get("/api/v1/changes", params={"since": cursor, "limit": 37})
                page = response.json()
                # The header a client fetches ahead by says what the body says.
                assert response.headers[NEXT_PAGE_HEADER] == (
                    str(page["next_cursor"]) if page["has_more"] else "end"
                )
                seen.extend(e["server_seq"] for e in page["events"])
                cursor = page["next_cursor"]
                if finished and not page["has_more"]:
                    return

    threads = [threading.Thread(target=write, args=item) for item in writers.items()]
    reader_thread = threading.Thread(target=read)
    reader_thread.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    done.set()
    reader_thread.join(timeout=60)
    assert errors == []
    total = len(writers) * batches * per_batch
    with server.db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Event)) == total
        assert (
            s.scalar(select(func.max(Event.server_seq)))
            - s.scalar(select(func.min(Event.server_seq)))
            == total - 1
        )  # gap-free
    events_seen = sorted(seen)
    assert len(events_seen) == len(set(events_seen))  # nothing twice
    assert len(events_seen) == total  # nothing skipped
