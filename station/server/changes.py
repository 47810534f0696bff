"""Pull: the changes a station may see since its cursor (DESIGN.md §4).

A page is bounded by ``upto``: at most ``limit`` events and ``limit`` reference items with
``since < server_seq <= upto``, where ``upto`` never passes the counter value this
transaction read (see :mod:`station.server.sequence`: everything up to it has committed).
Events are those of entities in the station's audience — as the audience stood at ``upto``
— plus *backfill*: when an entity entered the audience in ``(since, upto]`` its older
events (``server_seq <= since``) come too, so a newly dispatched case arrives with its whole
history. The cursor the station stores is ``upto``; asking again from it is always safe
(the client ignores events it already has).

The body is written straight from the stored canonical JSON (no model round-trip): a new
station's first sync moves a hundred thousand events.
"""

from __future__ import annotations

import json
from typing import NamedTuple

from sqlalchemy import Row, and_, or_, select
from sqlalchemy.orm import Session

from station.server.crud import AuthStation
from station.server.models import Audience, Event, ReferenceItem
from station.server.sequence import committed_last

_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode

_EVENT_COLUMNS = (
    Event.server_seq,
    Event.event_id,
    Event.entity_type,
    Event.entity_id,
    Event.event_type,
    Event.station_code,
    Event.author,
    Event.hlc,
    Event.schema_version,
    Event.payload,
    Event.content_hash,
)


def _event_json(row: tuple) -> str:  # type: ignore[type-arg]
    seq, event_id, etype, eid, kind, station, author, hlc, version, payload, digest = row
    # event_id, hlc and content_hash were validated as plain ASCII on the way in.
    return (
        f'{{"event_id":"{event_id}","entity_type":{_encode(etype)},'
        f'"entity_id":{_encode(eid)},"event_type":{_encode(kind)},'
        f'"station_code":{_encode(station)},"author":{_encode(author)},"hlc":"{hlc}",'
        f'"schema_version":{version},"payload":{payload},"content_hash":"{digest}",'
        f'"server_seq":{seq}}}'
    )


# Plain rows, not ORM objects: a new station's first page carries the whole town's
# reference data, and loading each item as an ORM object cost more than writing its JSON.
_REFERENCE_COLUMNS = (
    ReferenceItem.kind,
    ReferenceItem.item_id,
    ReferenceItem.seq,
    ReferenceItem.deleted,
    ReferenceItem.data,
)


def _reference_json(row: Row) -> str:  # type: ignore[type-arg]
    return (
        f'{{"kind":"{row.kind}","id":{_encode(row.item_id)},"seq":{row.seq},'
        f'"deleted":{"true" if row.deleted else "false"},"data":{row.data}}}'
    )


class Page(NamedTuple):
    body: bytes  # JSON of a ChangesPublic
    next_cursor: int
    has_more: bool


def changes_since(
    session: Session,
    *,
    station: AuthStation,
    since: int,
    limit: int,
    server_hlc: str,
    own_upto: int = 0,
) -> Page:
    """A :class:`~station.sync.protocol.ChangesPublic` page, as JSON.

    ``own_upto``: the station holds every event it wrote up to that ``server_seq`` (it
    says so from its acknowledged pushes), so those stay out of the page — a station's own
    work does not travel back to it. Later own events still come (a station restored from
    an older backup gets back what it had pushed since)."""
    high = committed_last(session)
    if high <= since:  # nothing committed past the cursor: the usual "nothing to sync"
        return _page([], [], upto=since, has_more=False, server_hlc=server_hlc)
    not_own = (
        or_(Event.station_code != station.code, Event.server_seq > own_upto) if own_upto else None
    )
    if station.sees_everything:
        in_scope = select(*_EVENT_COLUMNS)
    else:
        in_scope = select(*_EVENT_COLUMNS).join(
            Audience,
            and_(
                Audience.entity_type == Event.entity_type,
                Audience.entity_id == Event.entity_id,
                Audience.station_id == station.id,
                Audience.since_seq <= high,
            ),
        )
    if not_own is not None:
        in_scope = in_scope.where(not_own)
    events = session.execute(
        in_scope.where(Event.server_seq > since, Event.server_seq <= high)
        .order_by(Event.server_seq)
        .limit(limit)
    ).all()
    reference = session.execute(
        select(*_REFERENCE_COLUMNS)
        .where(ReferenceItem.seq > since, ReferenceItem.seq <= high)
        .order_by(ReferenceItem.seq)
        .limit(limit)
    ).all()
    upto = high
    if len(events) == limit:
        upto = min(upto, events[-1][0])
    if len(reference) == limit:
        upto = min(upto, reference[-1].seq)
    upto = max(upto, since)
    events = [e for e in events if e[0] <= upto]
    reference = [r for r in reference if r.seq <= upto]
    if not station.sees_everything and upto > since:
        backfill_query = select(*_EVENT_COLUMNS)
        if not_own is not None:
            backfill_query = backfill_query.where(not_own)
        backfill = session.execute(
            backfill_query.join(
                Audience,
                and_(
                    Audience.entity_type == Event.entity_type,
                    Audience.entity_id == Event.entity_id,
                    Audience.station_id == station.id,
                ),
            )
            .where(
                Audience.since_seq > since,
                Audience.since_seq <= upto,
                Event.server_seq <= since,
            )
            .order_by(Event.server_seq)
        ).all()
        if backfill:
            seen = {e[0] for e in events}
            events = [b for b in backfill if b[0] not in seen] + events
    return _page(events, reference, upto=upto, has_more=upto < high, server_hlc=server_hlc)


def _page(
    events: list,  # type: ignore[type-arg]
    reference: list[Row],  # type: ignore[type-arg]
    *,
    upto: int,
    has_more: bool,
    server_hlc: str,
) -> Page:
    parts = [
        '{"events":[',
        ",".join(_event_json(e) for e in events),
        '],"reference":[',
        ",".join(_reference_json(r) for r in reference),
        f'],"next_cursor":{upto},"has_more":{"true" if has_more else "false"},'
        f'"server_hlc":"{server_hlc}"}}',
    ]
    return Page("".join(parts).encode("utf-8"), upto, has_more)
