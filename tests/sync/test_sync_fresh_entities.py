"""Applying a page folds the entities that are new to this database from the page itself
(not read back) and writes their main rows with a plain INSERT; entities seen before are
refolded from the stored events and upserted. Both must give exactly the rows a rebuild
from the events gives, whichever path a page takes (large pages: bulk index upkeep), and
applying a page again must change nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from test_sync_bulk_apply import Feed, _case, _person

import station.sync.apply as apply_module
from station.db import models as m
from station.db.database import Database, open_database
from station.domain.clock import new_id
from station.services.overview import check_database
from station.services.projection import verify_projections
from station.sync.apply import apply_changes


@pytest.fixture()
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "station")
    yield database
    database.close()


def _rows(db: Database) -> dict[str, list[tuple]]:
    with db.read() as s:
        return {
            t: sorted(tuple(r) for r in s.execute(select(m.Base.metadata.tables[t])).all())
            for t in ("work_case", "case_note", "person", "conflict")
        }


def _clean(db: Database) -> None:
    with db.read() as s:
        assert verify_projections(s) == []
        assert check_database(s).problems == []


@pytest.mark.parametrize("threshold", [apply_module.BULK_EVENTS, 10_000])
def test_new_and_known_entities_in_one_page_fold_like_a_rebuild(
    db: Database, monkeypatch: pytest.MonkeyPatch, threshold: int
) -> None:
    # threshold 10,000: every page takes the row-by-row path; the default: large pages bulk.
    monkeypatch.setattr(apply_module, "BULK_EVENTS", threshold)
    feed = Feed()
    cases = [new_id() for _ in range(90)]
    persons = [new_id() for _ in range(30)]
    late = new_id()  # updated in the first page, created only in the second
    first = (
        [_case(feed, i, c) for i, c in enumerate(cases)]
        + [_person(feed, i, p) for i, p in enumerate(persons)]
        # new entities with more than one event in the page
        + [
            feed.event("case", c, "updated", {"summary": f"北门{i}号路灯不亮"})
            for i, c in enumerate(cases[:20])
        ]
        + [feed.event("case", late, "updated", {"summary": "先到的修改"})]
    )
    page = feed.page(first)
    with db.transaction() as s:
        applied = apply_changes(s, page)
    assert applied.new_events == len(first)
    _clean(db)
    with db.read() as s:
        summary = s.scalar(select(m.Case.summary).where(m.Case.id == cases[3]))
        assert summary == "北门3号路灯不亮"
        assert s.get(m.Case, late) is None  # not created yet

    # Again: every event is known, nothing changes.
    before = _rows(db)
    with db.transaction() as s:
        again = apply_changes(s, page)
    assert (again.new_events, again.known_events) == (0, len(first))
    assert _rows(db) == before

    # Known entities change, the late one is created, more arrive: large and small pages.
    second = (
        [_case(feed, 500, late)]
        + [
            feed.event("case", c, "updated", {"location": f"南街{i}号"})
            for i, c in enumerate(cases[10:60])
        ]
        + [_case(feed, 600 + i, new_id()) for i in range(70)]
    )
    with db.transaction() as s:
        apply_changes(s, feed.page(second))
    small = [feed.event("case", cases[70], "updated", {"summary": "小页修改"})]
    with db.transaction() as s:
        apply_changes(s, feed.page([*small, _case(feed, 900, new_id())]))
    _clean(db)
    with db.read() as s:
        # The update is older (HLC) than the creation: a rebuild skips it too.
        assert s.scalar(select(m.Case.summary).where(m.Case.id == late)) == (
            "东街500号门前公共通道堆放杂物"
        )
        assert s.scalar(select(m.Case.location).where(m.Case.id == cases[12])) == ("南街2号")
        assert s.scalar(select(m.Case.summary).where(m.Case.id == cases[70])) == "小页修改"
        assert len(s.scalars(select(m.Case.id)).all()) == 90 + 1 + 70 + 1
