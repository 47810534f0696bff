"""Applying a pulled page to the station's database, in the caller's one transaction.

Reference records first (events refer to grids, categories …), then the events not yet
here, then one bulk refold of every entity they touch (the fold sorts by HLC, so events
arriving late land where they belong), the HLC merge and the new cursor. Own events that
come back are recognised by id and only get their ``server_seq`` — which also settles a
push whose answer was lost.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from station.db.models import Event
from station.services.events import canonical_json, clock_for
from station.services.projection import refresh_entities
from station.sync.protocol import ChangesPublic
from station.sync.reference import ReferenceRecord, apply_reference
from station.sync.state import save_cursor

_CHUNK = 500


@dataclass(frozen=True)
class AppliedPage:
    new_events: int
    known_events: int
    entities: int
    reference: int
    cursor: int


def apply_changes(session: Session, page: ChangesPublic) -> AppliedPage:
    reference = apply_reference(
        session,
        (
            ReferenceRecord(kind=r.kind, id=r.id, data=r.data, deleted=r.deleted)
            for r in page.reference
        ),
    )
    ids = [e.event_id for e in page.events]
    stored: dict[str, int | None] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        stmt = select(Event.event_id, Event.server_seq).where(Event.event_id.in_(chunk))
        stored.update(dict(session.execute(stmt).all()))
    new_rows = []
    acked: list[dict[str, object]] = []
    touched: dict[tuple[str, str], None] = {}
    for ev in page.events:
        if ev.event_id in stored:
            if stored[ev.event_id] is None:
                acked.append({"b_id": ev.event_id, "b_seq": ev.server_seq})
            continue
        stored[ev.event_id] = ev.server_seq
        new_rows.append(
            {
                "event_id": ev.event_id,
                "entity_type": ev.entity_type,
                "entity_id": ev.entity_id,
                "event_type": ev.event_type,
                "station_code": ev.station_code,
                "author": ev.author,
                "hlc": ev.hlc,
                "schema_version": ev.schema_version,
                "payload": canonical_json(ev.payload),
                "content_hash": ev.content_hash,
                "server_seq": ev.server_seq,
            }
        )
        touched[(ev.entity_type, ev.entity_id)] = None
    if new_rows:
        session.connection().execute(Event.__table__.insert(), new_rows)
    if acked:
        session.connection().execute(
            update(Event.__table__)
            .where(Event.__table__.c.event_id == bindparam("b_id"))
            .values(server_seq=bindparam("b_seq")),
            acked,
        )
    entities = refresh_entities(session, touched) if touched else 0
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
    )
