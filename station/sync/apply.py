"""Applying a pulled page to the station's database, in the caller's one transaction.

Reference records first (events refer to grids, categories …), then the events not yet
here, then one bulk refold of every entity they touch (the fold sorts by HLC, so events
arriving late land where they belong), the HLC merge and the new cursor. Own events that
come back are recognised by id and only get their ``server_seq`` — which also settles a
push whose answer was lost. An entity with no event here before the page (most of them in
a first sync) is folded from the page's events, not read back, and its rows are inserted
rather than upserted: same rows, a fraction of the cost.

A large page (more than :data:`BULK_EVENTS` new events, e.g. a new station's first
sync) writes its projection rows with the full-text triggers dropped: the touched rows leave the
search index before the refold and enter it again, in one statement per few hundred rows,
after it; then the triggers are created again. All of it is DDL and DML in the caller's one
transaction (SQLite DDL is transactional), so an error or a crash leaves the old state,
triggers included. Same index as the triggers would have built, without their per-row cost.
While it runs, FTS5 merges its index segments less eagerly (``automerge``); the setting is
put back before the transaction ends, and later writes finish the merging bit by bit.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import bindparam, text, update
from sqlalchemy.orm import Session

from station.db.models import Event
from station.db.sealed import insert_placeholder
from station.db.search_schema import FTS_TABLES, drop_trigger_statements, trigger_statements
from station.services.events import EventRecord, canonical_json, clock_for
from station.services.projection import ENTITY_KINDS, refresh_entities
from station.sync.protocol import ChangesPublic, EventPublic
from station.sync.reference import ReferenceRecord, apply_reference
from station.sync.state import save_cursor

_CHUNK = 500
_EVENT_COLUMNS = (
    "event_id",
    "entity_type",
    "entity_id",
    "event_type",
    "station_code",
    "author",
    "hlc",
    "schema_version",
    "payload",
    "content_hash",
    "server_seq",
)
_INSERT_EVENT = (
    f"INSERT INTO event ({', '.join(_EVENT_COLUMNS)}) VALUES "
    f"({', '.join(insert_placeholder('event', c) for c in _EVENT_COLUMNS)})"
)
# A page with more new events than this takes the bulk path (see the module docstring):
# the triggers index row by row at about six times the cost of one INSERT … SELECT, which
# outweighs dropping and creating them again (a few milliseconds) from about here on.
BULK_EVENTS = 100
# FTS5 merges index segments once this many share a level (its default is 4): fewer,
# larger merges while a page of thousands of rows goes in — a third of the indexing time.
_BULK_AUTOMERGE = 16
_DEFAULT_AUTOMERGE = 4


@dataclass(frozen=True)
class AppliedPage:
    new_events: int
    known_events: int
    entities: int
    reference: int
    cursor: int
    touched: tuple[tuple[str, str], ...] = ()  # entities refolded


def apply_changes(session: Session, page: ChangesPublic) -> AppliedPage:
    if len(page.events) <= BULK_EVENTS:
        return _apply_page(session, page)
    with _collector_paused():
        return _apply_page(session, page)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while a large page is applied: the page makes
    hundreds of thousands of short-lived objects (none in cycles that matter), and the
    collections they trigger scan the whole heap again and again — a sixth of a first sync.
    Reference counting still frees everything; the collector runs again afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _apply_page(session: Session, page: ChangesPublic) -> AppliedPage:
    reference = apply_reference(
        session,
        (
            ReferenceRecord(kind=r.kind, id=r.id, data=r.data, deleted=r.deleted)
            for r in page.reference
        ),
    )
    stored: dict[str, int | None] = dict(
        session.connection()
        .exec_driver_sql(
            "SELECT event_id, server_seq FROM event WHERE event_id IN "
            "(SELECT value FROM json_each(?))",
            (json.dumps([e.event_id for e in page.events]),),
        )
        .all()
    )
    new_rows: list[tuple[object, ...]] = []
    acked: list[dict[str, object]] = []
    # entity -> all its events if it had none here before this page (see _mark_fresh)
    touched: dict[tuple[str, str], list[EventRecord] | None] = {}
    new_events: list[EventPublic] = []
    for ev in page.events:
        if ev.event_id in stored:
            if stored[ev.event_id] is None:
                acked.append({"b_id": ev.event_id, "b_seq": ev.server_seq})
            continue
        stored[ev.event_id] = ev.server_seq
        new_rows.append(
            (
                ev.event_id,
                ev.entity_type,
                ev.entity_id,
                ev.event_type,
                ev.station_code,
                ev.author,
                ev.hlc,
                ev.schema_version,
                canonical_json(ev.payload),
                ev.content_hash,
                ev.server_seq,
            )
        )
        touched[(ev.entity_type, ev.entity_id)] = None
        new_events.append(ev)
    # Entities with no event here before this page are folded from the page itself (all
    # their events are in it), not read back; asked before the new events are stored.
    _mark_fresh(session, touched, new_events)
    if new_rows:
        # Straight to the driver: a first sync stores a hundred thousand rows, and the ORM's
        # per-row parameter handling would cost more than SQLite's insert itself.
        session.connection().exec_driver_sql(_INSERT_EVENT, new_rows)
    if acked:
        session.connection().execute(
            update(Event.__table__)
            .where(Event.__table__.c.event_id == bindparam("b_id"))
            .values(server_seq=bindparam("b_seq")),
            acked,
        )
    if not touched:
        entities = 0
    elif len(new_rows) > BULK_EVENTS and session.get_bind().dialect.name == "sqlite":
        entities = _refresh_in_bulk(session, touched)
    else:
        entities = refresh_entities(session, touched)
    if page.events:
        clock_for(session).observe(max(e.hlc for e in page.events))
    clock_for(session).observe(page.server_hlc)
    save_cursor(session, page.next_cursor)
    return AppliedPage(
        new_events=len(new_rows),
        known_events=len(page.events) - len(new_rows),
        entities=entities,
        reference=reference,
        cursor=page.next_cursor,
        touched=tuple(touched),
    )


def _fts_targets(touched: Iterable[tuple[str, str]]) -> list[tuple[str, str, str, list[str]]]:
    """(fts table, content table, column list, touched ids) for each indexed entity kind."""
    ids: dict[str, list[str]] = {}
    for entity_type, entity_id in touched:
        ids.setdefault(ENTITY_KINDS[entity_type].main_table, []).append(entity_id)
    return [
        (fts, table, ", ".join(columns), ids[table])
        for fts, (table, columns) in FTS_TABLES.items()
        if ids.get(table)
    ]


def _mark_fresh(
    session: Session,
    touched: dict[tuple[str, str], list[EventRecord] | None],
    new_events: list[EventPublic],
) -> None:
    """Give each touched entity without any stored event yet its events from the page."""
    by_type: dict[str, list[str]] = {}
    for entity_type, entity_id in touched:
        by_type.setdefault(entity_type, []).append(entity_id)
    seen: set[tuple[str, str]] = set()
    conn = session.connection()
    for entity_type, ids in by_type.items():
        # One statement with the ids as one JSON parameter, whatever their number.
        found = conn.exec_driver_sql(
            "SELECT DISTINCT entity_id FROM event WHERE entity_type = ? AND entity_id IN "
            "(SELECT value FROM json_each(?))",
            (entity_type, json.dumps(ids)),
        )
        seen.update((entity_type, i) for (i,) in found)
    for ev in new_events:
        key = (ev.entity_type, ev.entity_id)
        if key not in seen:
            events = touched[key]
            if events is None:
                events = touched[key] = []
            events.append(
                EventRecord(
                    event_id=ev.event_id,
                    entity_type=ev.entity_type,
                    entity_id=ev.entity_id,
                    event_type=ev.event_type,
                    station_code=ev.station_code,
                    author=ev.author,
                    hlc=ev.hlc,
                    payload=ev.payload,
                    schema_version=ev.schema_version,
                )
            )


def _refresh_in_bulk(
    session: Session, touched: dict[tuple[str, str], list[EventRecord] | None]
) -> int:
    """:func:`refresh_entities` with the full-text triggers off and the index kept by hand."""
    session.flush()  # nothing pending may reach the tables while the triggers are gone
    conn = session.connection()
    targets = _fts_targets(touched)
    for statement in drop_trigger_statements():
        conn.exec_driver_sql(statement)
    for fts, *_rest in targets:
        conn.exec_driver_sql(
            f"INSERT INTO {fts}({fts}, rank) VALUES ('automerge', ?)", (_BULK_AUTOMERGE,)
        )
    # What the delete/update triggers would do: take the rows as they are indexed now out
    # (entities new to this database have no rows yet)…
    for fts, table, cols, ids in _fts_targets(k for k, evs in touched.items() if evs is None):
        stmt = text(
            f"INSERT INTO {fts}({fts}, rowid, {cols}) "
            f"SELECT 'delete', rowid, {cols} FROM {table} WHERE id IN :ids"
        ).bindparams(bindparam("ids", expanding=True))
        for start in range(0, len(ids), _CHUNK):
            conn.execute(stmt, {"ids": ids[start : start + _CHUNK]})
    entities = refresh_entities(session, touched)
    # … and what the insert/update triggers would do: put the refolded rows in.
    for fts, table, cols, ids in targets:
        stmt = text(
            f"INSERT INTO {fts}(rowid, {cols}) SELECT rowid, {cols} FROM {table} WHERE id IN :ids"
        ).bindparams(bindparam("ids", expanding=True))
        for start in range(0, len(ids), _CHUNK):
            conn.execute(stmt, {"ids": ids[start : start + _CHUNK]})
    for fts, *_rest in targets:
        conn.exec_driver_sql(
            f"INSERT INTO {fts}({fts}, rank) VALUES ('automerge', ?)", (_DEFAULT_AUTOMERGE,)
        )
    for statement in trigger_statements():
        conn.exec_driver_sql(statement)
    return entities
