"""Applying a pulled page to the station's database, in the caller's one transaction.

A page is applied in two steps. :func:`prepare_page` needs no database: it parses the page,
makes its events into rows of the ``event`` table and folds each entity from the page's
events alone (a large pull runs it in a helper process, station.sync.page_worker, while
this one writes the page before). :func:`apply_changes` then writes, in one transaction:
reference records first (events refer to grids, categories …), then the events not yet
here, then one bulk refold of every entity they touch (the fold sorts by HLC, so events
arriving late land where they belong), the HLC merge and the new cursor. Own events that
come back are recognised by id and only get their ``server_seq`` — which also settles a
push whose answer was lost. An entity with no event here before the page (most of them in
a first sync) has its whole history in the page: its prefolded rows are its rows, and they
are inserted rather than upserted — same rows, a fraction of the cost. The others are
refolded from the stored events.

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
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from typing import Any

from sqlalchemy import bindparam, text, update
from sqlalchemy.orm import Session

from station.db.models import Event
from station.db.sealed import insert_placeholder
from station.db.search_schema import FTS_TABLES, drop_trigger_statements, trigger_statements
from station.services.events import EventRecord, canonical_json, clock_for
from station.services.projection import (
    ENTITY_KINDS,
    Prefolded,
    prefold,
    refresh_entities,
    write_prefolded,
)
from station.sync.protocol import ChangesPublic
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


@dataclass(frozen=True)
class PreparedPage:
    """A pulled page with all the work done that needs no database: parsed, its events as
    rows of the ``event`` table, its entities folded from the page alone. Plain data, so a
    helper process can make it while this one writes the page before (station.sync.page_worker).
    """

    events: list[tuple[Any, ...]]  # _EVENT_COLUMNS order
    prefolded: list[Prefolded]  # one per entity kind in the page
    reference: list[ReferenceRecord]
    next_cursor: int
    has_more: bool
    server_hlc: str


# Positions in a row of PreparedPage.events.
_ID, _TYPE, _ENTITY, _HLC, _SEQ = (
    _EVENT_COLUMNS.index(c) for c in ("event_id", "entity_type", "entity_id", "hlc", "server_seq")
)


def prepare_page(page: ChangesPublic | bytes) -> PreparedPage:
    """Parse (if given the body of ``GET /changes``) and prepare a page (see PreparedPage)."""
    if isinstance(page, bytes):
        page = ChangesPublic.model_validate_json(page)
    rows: list[tuple[Any, ...]] = []
    grouped: dict[str, dict[str, list[EventRecord]]] = {}
    seen: set[str] = set()
    for ev in page.events:
        rows.append(
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
        if ev.event_id in seen:  # (a page never repeats an event; if one did, it counts once)
            continue
        seen.add(ev.event_id)
        grouped.setdefault(ev.entity_type, {}).setdefault(ev.entity_id, []).append(ev.record())
    return PreparedPage(
        events=rows,
        prefolded=[prefold(kind, grouped[kind]) for kind in ENTITY_KINDS if kind in grouped],
        reference=[
            ReferenceRecord(kind=r.kind, id=r.id, data=r.data, deleted=r.deleted)
            for r in page.reference
        ],
        next_cursor=page.next_cursor,
        has_more=page.has_more,
        server_hlc=page.server_hlc,
    )


def apply_changes(session: Session, page: ChangesPublic | PreparedPage) -> AppliedPage:
    prepared = page if isinstance(page, PreparedPage) else prepare_page(page)
    if len(prepared.events) <= BULK_EVENTS:
        return _apply_page(session, prepared)
    with _collector_paused():
        return _apply_page(session, prepared)


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


def _apply_page(session: Session, page: PreparedPage) -> AppliedPage:
    reference = apply_reference(session, page.reference)
    stored: dict[str, int | None] = dict(
        session.connection()
        .exec_driver_sql(
            "SELECT event_id, server_seq FROM event WHERE event_id IN "
            "(SELECT value FROM json_each(?))",
            (json.dumps([row[_ID] for row in page.events]),),
        )
        .all()
    )
    new_rows: list[tuple[Any, ...]] = []
    acked: list[dict[str, object]] = []
    touched: dict[tuple[str, str], None] = {}  # entities with new events, in page order
    for row in page.events:
        event_id = row[_ID]
        if event_id in stored:
            if stored[event_id] is None:
                acked.append({"b_id": event_id, "b_seq": row[_SEQ]})
            continue
        stored[event_id] = row[_SEQ]
        new_rows.append(row)
        touched[(row[_TYPE], row[_ENTITY])] = None
    # Asked before the new events are stored: these entities have their whole history in
    # this page, so their prefolded rows are their rows.
    fresh = _without_stored_events(session, touched)
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
    write = partial(_write_entities, session, page.prefolded, touched, fresh)
    if not touched:
        entities = 0
    elif len(new_rows) > BULK_EVENTS and session.get_bind().dialect.name == "sqlite":
        entities = _refresh_in_bulk(session, touched, fresh, write)
    else:
        entities = write()
    if page.events:
        clock_for(session).observe(max(row[_HLC] for row in page.events))
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


def _write_entities(
    session: Session,
    prefolded: list[Prefolded],
    touched: Iterable[tuple[str, str]],
    fresh: set[tuple[str, str]],
) -> int:
    """Rows for every touched entity: new ones (``fresh``) from their prefolded rows (on
    SQLite), the others refolded from the stored events. Kind by kind, persons first, so a
    case's requester exists when the case row lands."""
    by_kind: dict[str, list[tuple[str, str]]] = {}
    for key in touched:
        by_kind.setdefault(key[0], []).append(key)
    ready = {p.entity_type: p for p in prefolded}
    if session.get_bind().dialect.name != "sqlite":
        ready = {}  # prefolded rows are made for the station's SQLite driver
    order = [
        *(t for t in ENTITY_KINDS if t in by_kind),
        *(t for t in by_kind if t not in ENTITY_KINDS),
    ]
    for entity_type in order:
        keys = by_kind[entity_type]
        new_ids = {i for t, i in keys if (t, i) in fresh}
        if entity_type in ready and new_ids:
            write_prefolded(session, ready[entity_type], new_ids)
        else:
            new_ids = set()
        refolded = [(t, i) for t, i in keys if i not in new_ids]
        if refolded:
            refresh_entities(session, refolded)
    return sum(len(keys) for keys in by_kind.values())


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


def _without_stored_events(
    session: Session, touched: Iterable[tuple[str, str]]
) -> set[tuple[str, str]]:
    """The touched entities that have no event stored in this database (yet)."""
    by_type: dict[str, list[str]] = {}
    for entity_type, entity_id in touched:
        by_type.setdefault(entity_type, []).append(entity_id)
    conn = session.connection()
    fresh: set[tuple[str, str]] = set()
    for entity_type, ids in by_type.items():
        # One statement with the ids as one JSON parameter, whatever their number.
        found = {
            entity_id
            for (entity_id,) in conn.exec_driver_sql(
                "SELECT DISTINCT entity_id FROM event WHERE entity_type = ? AND entity_id IN "
                "(SELECT value FROM json_each(?))",
                (entity_type, json.dumps(ids)),
            )
        }
        fresh.update((entity_type, i) for i in ids if i not in found)
    return fresh


def _refresh_in_bulk(
    session: Session,
    touched: Iterable[tuple[str, str]],
    fresh: set[tuple[str, str]],
    write: Callable[[], int],
) -> int:
    """``write`` (the rows of the ``touched`` entities) with the full-text triggers off and
    the index kept by hand."""
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
    for fts, table, cols, ids in _fts_targets(k for k in touched if k not in fresh):
        stmt = text(
            f"INSERT INTO {fts}({fts}, rowid, {cols}) "
            f"SELECT 'delete', rowid, {cols} FROM {table} WHERE id IN :ids"
        ).bindparams(bindparam("ids", expanding=True))
        for start in range(0, len(ids), _CHUNK):
            conn.execute(stmt, {"ids": ids[start : start + _CHUNK]})
    entities = write()
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
