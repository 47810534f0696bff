"""Push and pull between real stations through a real server: round trip, idempotency,
cursor and resume."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update
from sync_support import NOW, push_raw

from station.db.models import Event
from station.server.models import Event as ServerEvent
from station.services import cases, persons
from station.services.events import EventRecord
from station.services.overview import check_database
from station.services.projection import verify_projections
from station.sync import page_worker
from station.sync.client import SyncAborted
from station.sync.page_worker import PageFeed
from station.sync.protocol import EventCreate
from station.sync.state import load_sync_state, read_cursor


def _intake(station, summary: str = "公共通道堆放杂物", grid: str = "C1-01"):  # type: ignore[no-untyped-def]
    with station.db.transaction() as s:
        p = persons.create_person(
            s, actor=station.actor, name="林玲玲", phone="13800138000", grid_id=grid
        )
        return cases.create_case(
            s,
            actor=station.actor,
            summary=summary,
            received_at=NOW,
            requester_id=p.id,
            grid_id=grid,
            category_id="K11",
        )


def test_push_then_pull_round_trip(make_station) -> None:  # type: ignore[no-untyped-def]
    ts, center = make_station("TS01"), make_station("CT01")
    c = _intake(ts)
    report = ts.sync()
    assert report.pushed == 2 and report.rejected == []
    with ts.db.read() as s:
        state = load_sync_state(s)
        assert state.pending == 0 and state.last_success is not None and state.last_error == ""
        assert None not in s.scalars(select(Event.server_seq)).all()
    report = center.sync()
    assert report.pulled == 2 and report.reference > 0
    with center.db.read() as s:
        got = cases.get_case(s, case_id=c.id)
        assert got.summary == "公共通道堆放杂物" and got.requester == "林玲玲"
        assert got.number == c.number and got.station_code == "TS01"
        assert check_database(s).ok, check_database(s).problems
    # Nothing to do: a single request.
    again = center.sync()
    assert again.requests == 1 and again.pulled == 0 and again.pushed == 0
    # The center works on the case; the station sees it after its next sync.
    with center.db.transaction() as s:
        cases.add_note(s, actor=center.actor, case_id=c.id, text="已联系城管")
    center.sync()
    assert ts.sync().pulled == 1
    with ts.db.read() as s:
        assert [n.text for n in cases.get_case(s, case_id=c.id).notes] == ["已联系城管"]
        assert check_database(s).ok


def test_repush_is_harmless_and_changed_content_is_rejected(make_station) -> None:  # type: ignore[no-untyped-def]
    ts = make_station("TS01")
    _intake(ts)
    with ts.db.read() as s:
        records = [EventRecord.from_row(e) for e in s.scalars(select(Event).order_by(Event.hlc))]
    first = push_raw(ts, [EventCreate.from_record(r).model_dump() for r in records])
    assert [r["status"] for r in first] == ["accepted", "accepted"]
    again = push_raw(ts, [EventCreate.from_record(r).model_dump() for r in records])
    assert [r["status"] for r in again] == ["duplicate", "duplicate"]
    assert [r["server_seq"] for r in again] == [r["server_seq"] for r in first]
    changed = {**records[1].payload, "summary": "改过"}
    tampered = EventRecord(**{**records[1].__dict__, "payload": changed})
    result = push_raw(ts, [EventCreate.from_record(tampered).model_dump()])
    assert result[0]["status"] == "rejected" and result[0]["code"] == "id_conflict"
    # The same event twice in one batch: stored once.
    _intake(ts, summary="路灯不亮")
    old = {r.event_id for r in records}
    with ts.db.read() as s:
        rows = s.scalars(select(Event).order_by(Event.hlc)).all()
        person, case = (EventRecord.from_row(e) for e in rows if e.event_id not in old)
    bodies = [EventCreate.from_record(r).model_dump() for r in (person, case, case)]
    assert [r["status"] for r in push_raw(ts, bodies)] == ["accepted", "accepted", "duplicate"]


def test_lost_push_answer_is_settled_by_the_next_sync(make_station) -> None:  # type: ignore[no-untyped-def]
    """The server stored the batch but the answer never arrived: nothing is lost or doubled."""
    ts, center = make_station("TS01"), make_station("CT01")
    _intake(ts)
    ts.sync()
    with ts.db.transaction() as s:  # as if the acknowledgement had been lost
        s.execute(update(Event).values(server_seq=None))
    report = ts.sync()
    assert report.pushed == 0 and report.duplicates == 2
    with ts.db.read() as s:
        assert load_sync_state(s).pending == 0
    center.sync()
    with center.db.read() as s:
        assert len(s.scalars(select(Event)).all()) == 2


def test_cursor_pages_and_resume(make_station) -> None:  # type: ignore[no-untyped-def]
    ts, center = make_station("TS01"), make_station("CT01")
    center.sync()  # reference data first: it pages with the same limit
    for i in range(7):
        _intake(ts, summary=f"第{i}件事")
    ts.sync(push_batch=3)
    calls = {"n": 0}

    def stop_after_two_pages() -> bool:
        calls["n"] += 1
        return calls["n"] > 2  # (nothing to push: no push check) 2 pulls, then "cancel"

    with pytest.raises(SyncAborted):
        center.sync(pull_limit=4, abort=stop_after_two_pages)
    with center.db.read() as s:
        cursor = read_cursor(s)
        have = len(s.scalars(select(Event)).all())
    assert cursor > 0 and have == 8  # two pages of 4 landed, with their cursor
    report = center.sync(pull_limit=4)
    assert report.pulled == 6 and report.known == 0
    with center.db.read() as s:
        assert len(s.scalars(select(Event)).all()) == 14
        assert check_database(s).ok


def test_pushed_batches_keep_their_order_and_a_cancel_keeps_what_was_answered(
    make_station, server
) -> None:  # type: ignore[no-untyped-def]
    # The next batch is read and the previous answer settled while a batch is in flight.
    ts = make_station("TS01")
    for i in range(5):
        _intake(ts, summary=f"第{i}件事")  # 10 events: person + case each
    checks = {"n": 0}

    def cancel_after_two_batches() -> bool:
        checks["n"] += 1
        return checks["n"] > 3  # at the start, before batch 1, before batch 2, then "cancel"

    with pytest.raises(SyncAborted) as aborted:
        ts.sync(push_batch=3, abort=cancel_after_two_batches)
    assert aborted.value.report is not None and aborted.value.report.pushed == 6  # told
    with ts.db.read() as s:
        rows = s.execute(select(Event.hlc, Event.event_id, Event.server_seq)).all()
    acked = sorted((r for r in rows if r.server_seq is not None), key=lambda r: r.server_seq)
    pending = [r for r in rows if r.server_seq is None]
    # Both batches that went out were answered and settled, the cancel notwithstanding.
    assert len(acked) == 6 and len(pending) == 4
    # The oldest went first, and the server numbered them in the order they were written.
    assert [(r.hlc, r.event_id) for r in acked] == sorted((r.hlc, r.event_id) for r in rows)[:6]
    report = ts.sync(push_batch=3)
    assert report.pushed == 4 and report.duplicates == 0
    with server.db.sessions() as s:
        stored = s.execute(
            select(ServerEvent.hlc, ServerEvent.event_id).order_by(ServerEvent.server_seq)
        ).all()
    assert [tuple(r) for r in stored] == sorted((r.hlc, r.event_id) for r in rows)


def test_a_paged_pull_with_the_page_helper(make_station, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Pages prepared in the helper process (a first sync's way) land as pages prepared
    here do: every event, rows equal to a rebuild from the events, search intact."""
    seen: list[PageFeed] = []
    real_init = PageFeed.__init__

    def recording(self: PageFeed, *args: object, **kwargs: object) -> None:
        real_init(self, *args, **kwargs)  # type: ignore[arg-type]
        seen.append(self)

    monkeypatch.setattr(page_worker, "HELPER_FROM", 4)  # pages of 5 count as large here
    monkeypatch.setattr(PageFeed, "__init__", recording)
    ts, center = make_station("TS01"), make_station("CT01")
    center.sync()
    made = [_intake(ts, summary=f"第{i}件事：路灯不亮") for i in range(12)]
    ts.sync()
    report = center.sync(pull_limit=5)
    assert report.pulled == 24 and report.known == 0  # 12 residents, 12 cases
    assert [feed.worker.helped for feed in seen] == [4]  # pages 2–5 came from the helper
    with center.db.read() as s:
        assert verify_projections(s) == []
        assert check_database(s).ok, check_database(s).problems
        assert cases.get_case(s, case_id=made[11].id).summary == "第11件事：路灯不亮"
