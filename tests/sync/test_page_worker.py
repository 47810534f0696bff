"""The page helper process and the page feed (station.sync.page_worker): a page prepared in
the helper is exactly the page prepared here; pages come out in order whether or not the
server names the next cursor; a helper that dies or cannot read a page changes nothing but
speed; errors reach the caller; and a helper never outlives the station's process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest
from pydantic import ValidationError
from test_sync_bulk_apply import Feed, _case, _person

from station.domain.clock import new_id
from station.sync.apply import prepare_page
from station.sync.page_worker import UNKNOWN, PageFeed, PageWorker


def _bodies(feed: Feed, pages: int, per_page: int = 30) -> list[bytes]:
    bodies = []
    for p in range(pages):
        events = [_case(feed, p * per_page + i, new_id()) for i in range(per_page - 5)]
        events += [_person(feed, p * per_page + i, new_id()) for i in range(5)]
        page = feed.page(events)
        page.has_more = p < pages - 1
        page.next_cursor = p + 1  # cursors are page numbers here
        bodies.append(page.model_dump_json().encode())
    return bodies


def test_the_helper_prepares_exactly_what_this_process_would() -> None:
    bodies = _bodies(Feed(), 3)
    with PageWorker() as worker:
        prepared = [worker.prepare(body) for body in bodies]
        assert worker.helped == 3
        worker.send(bodies[0])
        with pytest.raises(RuntimeError):  # one at a time (see PageWorker.send)
            worker.send(bodies[1])
        assert worker.receive() == prepared[0]
    assert prepared == [prepare_page(body) for body in bodies]
    assert all(p.prefolded and len(p.events) == 30 for p in prepared)


def test_a_dead_helper_leaves_the_pages_to_this_process() -> None:
    bodies = _bodies(Feed(), 3)
    with PageWorker() as worker:
        first = worker.prepare(bodies[0])
        os.kill(worker._process.pid, signal.SIGKILL)
        worker._process.join(timeout=10)
        rest = [worker.prepare(body) for body in bodies[1:]]
        assert worker.helped == 1  # the two after the kill were prepared here
    assert [first, *rest] == [prepare_page(body) for body in bodies]


def test_a_malformed_page_raises_here_as_without_a_helper() -> None:
    with PageWorker() as worker:
        with pytest.raises(ValidationError):
            worker.prepare(b'{"events": "not a list"}')
        good = _bodies(Feed(), 1)[0]
        assert worker.prepare(good) == prepare_page(good)  # the helper is still there
        assert worker.helped == 1


@pytest.mark.parametrize("server_names_next", [True, False], ids=["header", "no-header"])
@pytest.mark.parametrize("helper", [True, False], ids=["helper", "here"])
def test_the_feed_hands_over_every_page_in_order(server_names_next: bool, helper: bool) -> None:
    bodies = _bodies(Feed(), 5)
    asked: list[int] = []

    def fetch(cursor: int) -> tuple[bytes, int | None]:
        asked.append(cursor)
        following: int | None = cursor + 1 if cursor + 1 < len(bodies) else None
        return bodies[cursor], following if server_names_next else UNKNOWN

    with PageFeed(fetch, 1, helper=helper) as feed:
        pages = [feed.next() for _ in range(len(bodies) - 1)]
        assert (feed.worker.helped > 0) == helper
    assert pages == [prepare_page(b) for b in bodies[1:]]
    assert asked == [1, 2, 3, 4]


def test_a_failed_fetch_reaches_the_caller() -> None:
    bodies = _bodies(Feed(), 2)

    def fetch(cursor: int) -> tuple[bytes, int | None]:
        if cursor == 2:
            raise ConnectionError("网线被拔了")
        return bodies[cursor - 1], cursor + 1

    with PageFeed(fetch, 1, helper=False) as feed:
        assert feed.next() == prepare_page(bodies[0])
        with pytest.raises(ConnectionError, match="网线"):
            feed.next()


def test_closing_the_feed_stops_fetching() -> None:
    bodies = _bodies(Feed(), 1)
    asked: list[int] = []

    def fetch(cursor: int) -> tuple[bytes, int | None]:  # a server with endless pages
        asked.append(cursor)
        return bodies[0], cursor + 1

    feed = PageFeed(fetch, 1, helper=False)
    feed.next()
    feed.close()
    feed._thread.join(timeout=10)
    assert not feed._thread.is_alive()
    # One page handed over, one waiting for the caller, one fetched ahead at most.
    assert len(asked) <= 4


def test_the_helper_ends_when_the_station_process_is_killed() -> None:
    script = textwrap.dedent(
        """
        import time
        from station.sync.page_worker import PageWorker

        if __name__ == "__main__":
            worker = PageWorker()
            worker.prepare(b'{"events": [], "reference": [], "next_cursor": 0, '
                           b'"has_more": false, "server_hlc": "000000000000000-00000"}')
            print(worker._process.pid, flush=True)
            time.sleep(600)
        """
    )
    station = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        helper_pid = int(station.stdout.readline())  # type: ignore[union-attr]
        assert _alive(helper_pid)
        station.send_signal(signal.SIGKILL)
        station.wait(timeout=10)
        deadline = time.monotonic() + 20
        while _alive(helper_pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _alive(helper_pid), "the helper outlived the killed station process"
    finally:
        station.kill()
        station.wait()


def _alive(pid: int) -> bool:
    """True while ``pid`` runs (a zombie, finished but not yet reaped, counts as ended)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(") ")[-1][0] != "Z"
    except FileNotFoundError:
        return False
