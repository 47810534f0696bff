"""Group commit (station.server.push_queue): pushes that queue up behind a write are
written together in one transaction, each still answered for itself, and a group that
fails is written again push by push so that only the push at fault fails."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from functools import partial

import pytest
from sqlalchemy import select
from sync_support import LiveServer, raw_event

from station.domain.clock import new_id
from station.server.crud import stations_by_code
from station.server.ingest import Push, ScopesCache
from station.server.models import Event
from station.server.push_queue import PushQueue, write_pushes
from station.server.reference import ReferenceCache
from station.sync.protocol import EventCreate, EventResult

CODES = ("GA01", "GA02", "GA03", "GA04")
Write = Callable[[Sequence[Push]], list[list[EventResult]]]


@pytest.fixture
def write_for_real(server: LiveServer) -> Write:
    """What the app's queue writes with: one transaction on the server's database."""
    return partial(write_pushes, server.db, ReferenceCache(), ScopesCache())


def _pushes(server: LiveServer) -> list[Push]:
    """One push per station: three new persons, and one event each push must lose alone."""
    for code in CODES:
        server.add_station(code, kind="community", grids=("C1-01",))
    with server.db.sessions() as s:
        stations = stations_by_code(s)
    pushes = []
    for n, code in enumerate(CODES):
        events = [
            raw_event(
                station_code=code,
                entity_type="person",
                entity_id=new_id(),
                event_type="created",
                payload={"name": f"排队{n}{i}"},
            )
            for i in range(3)
        ]
        # Authored by the next station: refused for this push only.
        events.insert(
            1,
            raw_event(
                station_code=CODES[(n + 1) % len(CODES)],
                entity_type="person",
                entity_id=new_id(),
                event_type="created",
                payload={"name": "冒名"},
            ),
        )
        pushes.append(
            Push(
                station=stations[code],
                events=[EventCreate.model_validate(e) for e in events],
            )
        )
    return pushes


def _wait_for(condition, seconds: float = 20.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the pushes never queued up"
        time.sleep(0.005)


def _push_all(queue: PushQueue, pushes: list[Push]) -> dict[int, list[EventResult] | Exception]:
    """Each push from its own thread, the first alone ahead of the others."""
    answers: dict[int, list[EventResult] | Exception] = {}

    def one(i: int) -> None:
        try:
            answers[i] = queue.push(pushes[i])
        except Exception as exc:
            answers[i] = exc

    threads = [threading.Thread(target=one, args=(i,)) for i in range(len(pushes))]
    threads[0].start()
    _wait_for(lambda: queue.busy())
    for t in threads[1:]:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return answers


def test_queued_pushes_are_written_together_each_with_its_own_answer(
    server: LiveServer, write_for_real: Write
) -> None:
    pushes = _pushes(server)
    groups: list[list[str]] = []
    others_in_line = threading.Event()
    queue: PushQueue

    def write(group: Sequence[Push]) -> list[list[EventResult]]:
        groups.append([p.station.code for p in group])
        if len(groups) == 1:  # hold the first write until everyone else has queued
            _wait_for(lambda: queue.waiting() == len(pushes) - 1)
            others_in_line.set()
        return write_for_real(group)

    queue = PushQueue(write)
    answers = _push_all(queue, pushes)

    assert others_in_line.is_set()
    assert groups[0] == [CODES[0]]
    assert sorted(groups[1]) == sorted(CODES[1:])  # the rest: one transaction
    assert len(groups) == 2
    accepted = []
    for i, push in enumerate(pushes):
        results = answers[i]
        assert isinstance(results, list)
        assert [r.event_id for r in results] == [e.event_id for e in push.events]
        assert [r.status for r in results] == ["accepted", "rejected", "accepted", "accepted"]
        assert results[1].code == "wrong_station"
        accepted += [r.server_seq for r in results if r.status == "accepted"]
    assert sorted(accepted) == list(range(min(accepted), min(accepted) + len(accepted)))
    with server.db.sessions() as s:
        stored = s.scalars(select(Event.server_seq).order_by(Event.server_seq)).all()
    assert sorted(accepted) == [seq for seq in stored if seq >= min(accepted)]
    assert queue.waiting() == 0 and not queue.busy()


def test_a_failed_group_is_written_again_push_by_push(
    server: LiveServer, write_for_real: Write
) -> None:
    pushes = _pushes(server)
    poisoned = {CODES[2]}
    calls: list[list[str]] = []
    queue: PushQueue

    def write(group: Sequence[Push]) -> list[list[EventResult]]:
        codes = [p.station.code for p in group]
        calls.append(codes)
        if len(calls) == 1:
            _wait_for(lambda: queue.waiting() == len(pushes) - 1)
        if poisoned & set(codes):
            raise RuntimeError("the database went away")
        return write_for_real(group)

    queue = PushQueue(write)
    answers = _push_all(queue, pushes)

    assert isinstance(answers[2], RuntimeError)
    for i in (0, 1, 3):
        results = answers[i]
        assert isinstance(results, list)
        assert [r.status for r in results].count("accepted") == 3
    assert len(calls[1]) == 3  # the group that failed, then each of its pushes alone
    assert sorted(map(tuple, calls[2:])) == sorted((code,) for code in calls[1])
    # Nothing of the failed push was stored; the queue is free for the next one.
    with server.db.sessions() as s:
        ids = set(s.scalars(select(Event.event_id)))
    assert not {e.event_id for e in pushes[2].events} & ids
    assert queue.waiting() == 0 and not queue.busy()
    poisoned.clear()  # the database is back
    again = queue.push(Push(station=pushes[2].station, events=pushes[2].events[:1]))
    assert again[0].status == "accepted"


@pytest.mark.parametrize("max_events", [4, 8])
def test_a_group_stops_at_max_events(
    server: LiveServer, write_for_real: Write, max_events: int
) -> None:
    pushes = _pushes(server)  # four events each
    groups: list[int] = []
    queue: PushQueue

    def write(group: Sequence[Push]) -> list[list[EventResult]]:
        groups.append(sum(len(p.events) for p in group))
        if len(groups) == 1:
            _wait_for(lambda: queue.waiting() == len(pushes) - 1)
        return write_for_real(group)

    queue = PushQueue(write, max_events=max_events)
    answers = _push_all(queue, pushes)
    assert all(isinstance(a, list) for a in answers.values())
    rest = [max_events] * (12 // max_events) + ([12 % max_events] if 12 % max_events else [])
    assert groups == [4, *rest]  # the first alone, then the other twelve events in groups
