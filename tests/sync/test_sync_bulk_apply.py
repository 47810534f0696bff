"""Large pulled pages: the projection rows are written with the full-text triggers dropped
and the touched rows re-indexed by hand, in the page's one transaction. Search must find
exactly what it would have found with the triggers firing row by row, the triggers must be
back afterwards, and a failure must leave the old state (triggers included)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

import station.sync.apply as apply_module
from station.db.database import Database, open_database
from station.domain.clock import HybridLogicalClock, new_id
from station.services.cases import CaseFilter, case_ids
from station.services.events import EventRecord, to_payload
from station.services.overview import check_database
from station.services.persons import search_persons
from station.sync.apply import apply_changes
from station.sync.protocol import ChangesPublic, EventPublic

TRIGGERS = sorted(f"{fts}_{s}" for fts in ("case_fts", "person_fts") for s in ("ai", "ad", "au"))


class Feed:
    """Events as the server would hand them out, numbered in order."""

    def __init__(self) -> None:
        self.clock = HybridLogicalClock()
        self.seq = 0

    def event(
        self, entity_type: str, entity_id: str, event_type: str, payload: dict
    ) -> EventPublic:
        record = EventRecord(
            event_id=new_id(),
            entity_type=entity_type,
            entity_id=entity_id,
            event_type=event_type,
            station_code="XX01",
            author="jiedai",
            hlc=self.clock.now(),
            payload=to_payload(payload),
        )
        self.seq += 1
        return EventPublic(
            **record.__dict__,
            content_hash=record.content_hash(),
            server_seq=self.seq,
        )

    def page(self, events: list[EventPublic]) -> ChangesPublic:
        return ChangesPublic(
            events=events,
            reference=[],
            next_cursor=self.seq,
            has_more=False,
            server_hlc=self.clock.now(),
        )


def _case(feed: Feed, i: int, case_id: str) -> EventPublic:
    received = datetime(2026, 1, 1, 8) + timedelta(minutes=i)
    return feed.event(
        "case",
        case_id,
        "created",
        {
            "number": f"XX01-20260101-{i:06d}",
            "channel": "walk_in",
            "received_at": received,
            "summary": f"东街{i}号门前公共通道堆放杂物",
            "description": f"居民反映楼下编号{i:04d}的通道堆放纸箱",
            "location": f"东街{i}号楼下",
            "urgency": "normal",
            "route": "station",
            "filed_by_staff": "",
        },
    )


def _person(feed: Feed, i: int, person_id: str) -> EventPublic:
    return feed.event(
        "person",
        person_id,
        "created",
        {
            "name": f"居民{i:04d}号",
            "address": f"西巷{i:04d}号院",
            "created_at": "2026-01-01T08:00:00",
        },
    )


def _triggers(db: Database) -> list[str]:
    """The full-text triggers (other triggers, e.g. the audit log's, are not ours to check)."""
    with db.read() as s:
        rows = s.execute(text("SELECT name FROM sqlite_master WHERE type='trigger'")).scalars()
        return sorted(r for r in rows if "_fts_" in r)


def _found(db: Database, query: str) -> list[str]:
    with db.read() as s:
        return sorted(case_ids(s, CaseFilter(query=query)))


def _index_intact(db: Database) -> None:
    with db.read() as s:
        for fts in ("case_fts", "person_fts"):
            # Compares the external-content index with its table; raises if they differ.
            s.execute(text(f"INSERT INTO {fts}({fts}, rank) VALUES('integrity-check', 1)"))
        assert check_database(s).problems == []


@pytest.fixture()
def databases(tmp_path: Path) -> Iterator[tuple[Database, Database]]:
    bulk, rowwise = open_database(tmp_path / "bulk"), open_database(tmp_path / "rowwise")
    yield bulk, rowwise
    bulk.close()
    rowwise.close()


def test_large_pages_index_like_the_triggers(
    databases: tuple[Database, Database], monkeypatch: pytest.MonkeyPatch
) -> None:
    bulk, rowwise = databases
    monkeypatch.setattr(apply_module, "BULK_EVENTS", 20)  # small pages count as large here
    used: list[int] = []
    real = apply_module._refresh_in_bulk
    monkeypatch.setattr(
        apply_module,
        "_refresh_in_bulk",
        lambda s, t, *rest: used.append(len(t)) or real(s, t, *rest),
    )
    feed = Feed()
    case_ids_ = [new_id() for _ in range(40)]
    person_ids = [new_id() for _ in range(30)]
    first = feed.page(
        [_case(feed, i, c) for i, c in enumerate(case_ids_)]
        + [_person(feed, i, p) for i, p in enumerate(person_ids)]
    )
    # Second page: earlier cases change their text (the old words must leave the index),
    # and new cases arrive.
    edits = [
        feed.event("case", c, "updated", {"summary": f"北门{i}号路灯不亮"})
        for i, c in enumerate(case_ids_[:25])
    ]
    more = [_case(feed, 100 + i, new_id()) for i in range(5)]
    second = feed.page(edits + more)

    for page in (first, second):
        with bulk.transaction() as s:
            apply_changes(s, page)
        assert _triggers(bulk) == TRIGGERS
        # The row-by-row reference: the same events, a few at a time (triggers firing).
        for start in range(0, len(page.events), 7):
            part = page.model_copy(update={"events": page.events[start : start + 7]})
            with rowwise.transaction() as s:
                apply_changes(s, part)
    assert used == [70, 30]

    for query in (
        "东街3号",
        "东街30号",
        "北门7号",
        "门前公共",
        "东街7号门前",
        "编号0031",
        "路灯不亮",
    ):
        assert _found(bulk, query) == _found(rowwise, query), query
    assert _found(bulk, "东街30号") == [case_ids_[30]]
    assert _found(bulk, "北门7号") == [case_ids_[7]]
    assert case_ids_[7] not in _found(bulk, "东街7号门前")  # its old summary left the index
    assert len(_found(bulk, "路灯不亮")) == 25
    assert len(_found(bulk, "门前公共")) == 40 - 25 + 5
    with bulk.read() as s:
        assert [p.id for p in search_persons(s, query="西巷0012号")] == [person_ids[12]]
    _index_intact(bulk)
    _index_intact(rowwise)
    # Later small writes are indexed by the triggers again.
    third = feed.page([feed.event("case", case_ids_[0], "updated", {"summary": "南桥积水"})])
    with bulk.transaction() as s:
        apply_changes(s, third)
    assert _found(bulk, "南桥积水") == [case_ids_[0]]
    assert used == [70, 30]
    _index_intact(bulk)


def test_failed_large_page_leaves_the_old_state(
    databases: tuple[Database, Database], monkeypatch: pytest.MonkeyPatch
) -> None:
    db, _ = databases
    monkeypatch.setattr(apply_module, "BULK_EVENTS", 5)
    feed = Feed()
    kept = new_id()
    with db.transaction() as s:
        apply_changes(s, feed.page([_case(feed, 1, kept)]))

    real = apply_module.write_prefolded

    def broken(*args: object) -> None:
        real(*args)  # the new rows are written, then the page fails
        raise RuntimeError("power cut")

    monkeypatch.setattr(apply_module, "write_prefolded", broken)
    page = feed.page([_case(feed, 10 + i, new_id()) for i in range(10)])
    with pytest.raises(RuntimeError), db.transaction() as s:
        apply_changes(s, page)
    assert _triggers(db) == TRIGGERS
    assert _found(db, "东街1号") == [kept]
    assert _found(db, "东街12号") == []
    _index_intact(db)


def test_a_real_size_page_is_searchable(databases: tuple[Database, Database]) -> None:
    db, _ = databases
    feed = Feed()
    ids = [new_id() for _ in range(2000)]  # a page of a first sync, far past BULK_EVENTS
    with db.transaction() as s:
        applied = apply_changes(s, feed.page([_case(feed, i, c) for i, c in enumerate(ids)]))
    assert applied.new_events == len(ids)
    assert _triggers(db) == TRIGGERS
    assert _found(db, "东街1999号") == [ids[1999]]
    assert _found(db, "东街0号") == [ids[0]]
    with db.read() as s:  # the bulk path's lazier segment merging was put back
        automerge = s.connection().exec_driver_sql(
            "SELECT v FROM case_fts_config WHERE k = 'automerge'"
        )
        assert automerge.scalar() == 4
    _index_intact(db)
