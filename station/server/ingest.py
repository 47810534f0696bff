"""Push: taking a batch of events from a station (DESIGN.md §4).

One write transaction per batch — or per group of batches that queued up behind one
another (:mod:`station.server.push_queue`): lock the sequence counter (see
:mod:`station.server.sequence`), then for each event in order —

* already stored with the same content hash → ``duplicate`` (its stored ``server_seq``);
  same id with different content → rejected (``id_conflict``);
* otherwise validated (:mod:`station.server.validation`); a bad event is rejected with a
  reason and the rest of the batch still lands;
* accepted events get the next ``server_seq``, and the entity's *audience* grows: the
  stations that may now see it, each from this event's sequence number on.

Audience rules (scope): the author station; village/community stations owning any grid the
entity was ever placed in; department stations of any department a case was ever
dispatched to as lead or co-handling unit (牵头/协办), and the stations of a community a
case was dispatched to; the town center sees everything without rows. Persons a case or
mediation names (requester, parties) get every station of that entity's audience, so a case never
arrives without its requester. Audiences only grow, which keeps the rules independent of
arrival order.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache, partial
from itertools import islice
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Dialect,
    String,
    Table,
    and_,
    any_,
    bindparam,
    func,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

from station.domain.dispatch import split_ids
from station.domain.enums import StationKind
from station.errors import GridStationError
from station.server.crud import AuthStation, stations_by_code
from station.server.models import Audience, Entity, EntityLink, Event, Station
from station.server.reference import ReferenceIndex
from station.server.sequence import lock_counter, store_counter
from station.server.validation import ServerLookup, check_domain, check_envelope
from station.services.events import EventRecord
from station.sync.protocol import EventCreate, EventResult

Key = tuple[str, str]  # (entity_type, entity_id)
_CHUNK = 5000  # values in one parameter


def _chunks(items: list, size: int = _CHUNK) -> Iterable[list]:  # type: ignore[type-arg]
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _one_of(column: ColumnElement[str], values: list[str], pg: bool) -> ColumnElement[bool]:
    """``column`` is one of ``values``, passed as one parameter: the same statement for any
    number of values, so neither SQLAlchemy nor the driver build, bind and parse a
    statement of hundreds of placeholders. On PostgreSQL ``column = ANY(%s)`` with an array
    parameter; on SQLite ``column IN (SELECT value FROM json_each(?))`` with a JSON array.
    Both answer from the column's index. (Not an array *literal* cast to an array on
    PostgreSQL: that cast is not folded into a constant, and the planner, not knowing the
    list, scanned whole tables comparing each row with it — 93 events a second.)"""
    if pg:
        return column == any_(bindparam(None, values, type_=ARRAY(String())))
    listed = func.json_each(bindparam(None, json.dumps(values), type_=String())).table_valued(
        "value"
    )
    return column.in_(select(listed.c.value).scalar_subquery())


def _pairs_in(
    first: ColumnElement[str],
    second: ColumnElement[str],
    pairs: Iterable[tuple[str, str]],
    pg: bool = False,
) -> Iterable[ColumnElement[bool]]:
    """``(first, second) IN pairs`` as ``first = x AND second IN (…)`` per ``x`` and chunk
    (the form both databases answer from the two-column index)."""
    grouped: dict[str, set[str]] = defaultdict(set)
    for a, b in pairs:
        grouped[a].add(b)
    for a in sorted(grouped):
        for chunk in _chunks(sorted(grouped[a])):
            yield and_(first == a, _one_of(second, chunk, pg))


@dataclass
class _Scopes:
    """Who owns what, for the audience rules (stations are few: load them all)."""

    by_code: dict[str, AuthStation]
    by_grid: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    by_department: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    by_community: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))

    @classmethod
    def load(cls, session: Session, reference: ReferenceIndex | None = None) -> _Scopes:
        scopes = cls(by_code=stations_by_code(session))
        for st in scopes.by_code.values():
            if st.kind == StationKind.DEPARTMENT.value and st.department_id:
                scopes.by_department[st.department_id].add(st.id)
            elif st.kind != StationKind.CENTER.value:
                for grid in st.grids:
                    scopes.by_grid[grid].add(st.id)
                    # A case dispatched to a community reaches the stations of its grids.
                    info = reference.get("grid", grid) if reference is not None else None
                    if info and info.get("community_id"):
                        scopes.by_community[info["community_id"]].add(st.id)
        return scopes

    def targets(self, record: EventRecord) -> set[int]:
        out: set[int] = set()
        author = self.by_code.get(record.station_code)
        if author is not None and not author.sees_everything:
            out.add(author.id)
        p = record.payload
        fields = p.get("fields") if isinstance(p.get("fields"), dict) else {}
        for grid in (p.get("grid_id"), fields.get("grid_id")):
            if isinstance(grid, str):
                out |= self.by_grid.get(grid, set())
        for dept in (p.get("department_id"), fields.get("department_id")):
            if isinstance(dept, str):
                out |= self.by_department.get(dept, set())
        # Dispatch (station.services.dispatch): co-handling departments and a lead community.
        co = fields.get("co_department_ids")
        if isinstance(co, str):
            for dept in split_ids(co):
                out |= self.by_department.get(dept, set())
        community = fields.get("handling_community_id")
        if isinstance(community, str):
            out |= self.by_community.get(community, set())
        return out


_SCOPE_VERSIONS = select(func.coalesce(func.sum(Station.__table__.c.scope_version), 0))


class ScopesCache:
    """The stations' scopes, kept between pushes (loading every station and its grids was a
    tenth of a small push) and loaded again when a station was added or re-registered, or
    the reference data changed. Only :func:`station.server.crud.add_station` sets a
    station's kind, grids and department, and it raises the station's ``scope_version``
    each time, so the sum of all versions grows with every registration, in whatever order
    they commit (stations are never deleted)."""

    def __init__(self) -> None:
        self._cached: tuple[object, _Scopes] | None = None

    def get(self, session: Session, reference: ReferenceIndex) -> _Scopes:
        versions = session.connection().execute(_SCOPE_VERSIONS).scalar()
        key = (versions, reference.version)
        cached = self._cached
        if cached is None or cached[0] != key:
            cached = self._cached = (key, _Scopes.load(session, reference))
        return cached[1]


def _usable_id(value: object, max_length: int = 36) -> bool:
    return isinstance(value, str) and 0 < len(value) <= max_length and "\x00" not in value


def _linked_persons(record: EventRecord) -> set[str]:
    """Persons this event makes its entity refer to (ids that could be real only: anything
    else is rejected by validation before it matters)."""
    p = record.payload
    found: set[str] = set()
    if record.entity_type == "case" and _usable_id(p.get("requester_id")):
        found.add(p["requester_id"])
    elif record.entity_type == "mediation":
        for party in p.get("parties") or ():
            if isinstance(party, dict) and _usable_id(party.get("person_id")):
                found.add(party["person_id"])
        if _usable_id(p.get("person_id")):
            found.add(p["person_id"])
    return found


class _Audiences:
    """The audience rows of the entities a batch touches, and the rows it adds."""

    def __init__(self, session: Session, keys: set[Key], persons: set[str]) -> None:
        self.links: dict[Key, set[str]] = defaultdict(set)
        parents = [k for k in keys if k[0] != "person"]
        pg = session.get_bind().dialect.name == "postgresql"
        for cond in _pairs_in(EntityLink.parent_type, EntityLink.parent_id, parents, pg):
            stmt = select(EntityLink).where(cond)
            for link in session.scalars(stmt):
                self.links[(link.parent_type, link.parent_id)].add(link.person_id)
        wanted = set(keys) | {("person", p) for p in persons}
        for linked in self.links.values():
            wanted |= {("person", p) for p in linked}
        self.members: dict[Key, set[int]] = defaultdict(set)
        for cond in _pairs_in(Audience.entity_type, Audience.entity_id, wanted, pg):
            stmt = select(Audience.entity_type, Audience.entity_id, Audience.station_id).where(cond)
            for etype, eid, sid in session.execute(stmt):
                self.members[(etype, eid)].add(sid)
        self.new_rows: list[dict[str, object]] = []
        self.new_links: list[dict[str, str]] = []

    def add(self, key: Key, stations: Iterable[int], seq: int) -> None:
        fresh = set(stations) - self.members[key]
        if not fresh:
            return
        self.members[key] |= fresh
        self.new_rows += [
            {"station_id": s, "entity_type": key[0], "entity_id": key[1], "since_seq": seq}
            for s in sorted(fresh)
        ]
        if key[0] != "person":
            for person in self.links[key]:
                self.add(("person", person), fresh, seq)

    def link(self, key: Key, person: str, seq: int) -> None:
        if person in self.links[key]:
            return
        self.links[key].add(person)
        self.new_links.append({"parent_type": key[0], "parent_id": key[1], "person_id": person})
        self.add(("person", person), set(self.members[key]), seq)


@dataclass(frozen=True)
class Push:
    """One station's batch, as it came in one request."""

    station: AuthStation
    events: list[EventCreate]


def ingest_events(
    session: Session,
    *,
    pushes: Sequence[Push],
    reference: ReferenceIndex,
    scopes: ScopesCache,
    now: datetime,
) -> list[list[EventResult]]:
    """Store what is acceptable of each push's events (in one write transaction, in the
    order given, as if they had come one after another); one result per event, per push.
    Several pushes share the lookups and the commit (see :mod:`station.server.push_queue`)."""
    events = [ev for push in pushes for ev in push.events]
    authors = [push.station for push in pushes for _ev in push.events]
    pg = session.get_bind().dialect.name == "postgresql"
    if pg:
        # psycopg prepares a statement once it has run five times; PostgreSQL may then
        # plan the lookups below generically, with row estimates that lag behind a bulk
        # ingest: a scan comparing every row with each of hundreds of listed ids (150 ms a
        # query at 20,000 entities; ingest fell to a few hundred events a second). Plans
        # made for the actual values use the index and hash the list.
        session.execute(text("SET LOCAL plan_cache_mode = force_custom_plan"))
    # Before the lock: everything that needs no stored data (the envelope checks with the
    # content hash and canonical JSON, linked persons, the stations' scopes), so that pushes
    # wait on one another only for lookups, the domain checks and the inserts. Station
    # rows are not numbered by the counter; loading them first changes no guarantee.
    checked: dict[int, tuple[EventRecord, str] | GridStationError] = {}
    referenced: set[str] = set()
    for i, ev in enumerate(events):
        try:
            checked[i] = check_envelope(ev, station=authors[i])
        except GridStationError as err:
            checked[i] = err
        else:
            referenced |= _linked_persons(checked[i][0])  # type: ignore[index]
    audience_rules = scopes.get(session, reference)

    last = lock_counter(session)
    ids = list(dict.fromkeys(e.event_id for e in events))
    stored: dict[str, tuple[str, int]] = {}
    for chunk in _chunks(ids):
        stmt = select(Event.event_id, Event.content_hash, Event.server_seq).where(
            _one_of(Event.event_id, chunk, pg)
        )
        stored.update({eid: (h, seq) for eid, h, seq in session.execute(stmt)})

    keys = {(e.entity_type, e.entity_id) for e in events}
    candidates = sorted(keys | {("person", p) for p in referenced})
    known: set[Key] = set()
    for cond in _pairs_in(Entity.entity_type, Entity.entity_id, candidates, pg):
        stmt = select(Entity.entity_type, Entity.entity_id).where(cond)
        known |= {(t, i) for t, i in session.execute(stmt)}
    numbers = {
        (e.entity_type, e.payload["number"])
        for e in events
        if e.event_type == "created" and _usable_id(e.payload.get("number"), 40)
    }
    used_numbers: set[tuple[str, str]] = set()
    for cond in _pairs_in(Entity.entity_type, Entity.number, numbers, pg):
        stmt = select(Entity.entity_type, Entity.number).where(cond)
        used_numbers |= {(t, n) for t, n in session.execute(stmt)}

    audiences = _Audiences(session, keys, referenced)
    lookup = ServerLookup(reference=reference, entity_exists=lambda t, i: (t, i) in known)
    batch: dict[Key, list[EventRecord]] = defaultdict(list)

    def history(key: Key) -> list[EventRecord]:
        rows = session.scalars(
            select(Event).where(Event.entity_type == key[0], Event.entity_id == key[1])
        )
        return [EventRecord.from_row(r) for r in rows] + batch[key]  # type: ignore[arg-type]

    results: list[EventResult] = []
    payload_json: dict[str, str] = {}
    event_rows: list[dict[str, object]] = []
    entity_rows: list[dict[str, object]] = []
    for i, ev in enumerate(events):
        seen = stored.get(ev.event_id)
        if seen is not None:
            if seen[0] == ev.content_hash:
                results.append(
                    EventResult(event_id=ev.event_id, status="duplicate", server_seq=seen[1])
                )
            else:
                results.append(
                    EventResult(
                        event_id=ev.event_id,
                        status="rejected",
                        code="id_conflict",
                        message="已有同一编号、内容不同的事件：这条记录被改动过，不能接收",
                        field="event_id",
                    )
                )
            continue
        key = (ev.entity_type, ev.entity_id)
        try:
            envelope = checked[i]
            if isinstance(envelope, GridStationError):
                raise envelope
            record, payload_json[ev.event_id] = envelope
            if ev.event_type == "created":
                if key in known:
                    raise GridStationError("这条记录已经建立过", code="duplicate_entity")
                number = ev.payload.get("number")
                if isinstance(number, str) and (ev.entity_type, number) in used_numbers:
                    raise GridStationError(
                        f"编号“{number}”已被另一条记录使用", code="duplicate_number", field="number"
                    )
            elif key not in known:
                raise GridStationError(
                    "镇服务器上没有这条记录（它的建立可能被拒收了）", code="unknown_entity"
                )
            check_domain(record, station=authors[i], lookup=lookup, history=partial(history, key))
        except GridStationError as err:
            results.append(
                EventResult(
                    event_id=ev.event_id,
                    status="rejected",
                    code=err.code,
                    message=err.message,
                    field=err.field,
                )
            )
            continue
        last += 1
        seq = last
        stored[ev.event_id] = (ev.content_hash, seq)
        batch[key].append(record)
        event_rows.append(
            {
                "server_seq": seq,
                "event_id": ev.event_id,
                "entity_type": ev.entity_type,
                "entity_id": ev.entity_id,
                "event_type": ev.event_type,
                "station_code": ev.station_code,
                "author": ev.author,
                "hlc": ev.hlc,
                "schema_version": ev.schema_version,
                "payload": payload_json[ev.event_id],
                "content_hash": ev.content_hash,
                "received_at": now,
            }
        )
        if ev.event_type == "created":
            known.add(key)
            number = ev.payload.get("number")
            number = number if isinstance(number, str) else None
            if number:
                used_numbers.add((ev.entity_type, number))
            entity_rows.append(
                {
                    "entity_type": ev.entity_type,
                    "entity_id": ev.entity_id,
                    "station_code": ev.station_code,
                    "number": number,
                    "created_seq": seq,
                }
            )
        audiences.add(key, audience_rules.targets(record), seq)
        for person in _linked_persons(record):
            audiences.link(key, person, seq)
        results.append(EventResult(event_id=ev.event_id, status="accepted", server_seq=seq))

    _insert(session, Event.__table__, event_rows)
    _insert(session, Entity.__table__, entity_rows)
    _insert(session, EntityLink.__table__, audiences.new_links)
    _insert(session, Audience.__table__, audiences.new_rows)
    store_counter(session, last)
    answers = iter(results)
    return [list(islice(answers, len(push.events))) for push in pushes]


def _insert(session: Session, table: Table, rows: list[dict[str, object]]) -> None:
    """Insert ``rows`` (dicts with the same keys) in this transaction, straight to the
    driver: a thousand-event batch spent a third of its time in SQLAlchemy's per-row
    parameter processing. On PostgreSQL one ``COPY … FROM STDIN`` streams them (one round
    trip, no per-row statement parameters); on SQLite one ``executemany`` of plain tuples,
    values the column types convert (datetimes) converted as SQLAlchemy would."""
    if not rows:
        return
    connection = session.connection()
    columns = list(rows[0])
    names = ", ".join(table.c[c].name for c in columns)
    if connection.dialect.name != "postgresql":
        convert = _converters(table, tuple(columns), connection.dialect)
        values = [tuple(f(row[c]) if f else row[c] for c, f in convert) for row in rows]
        marks = ", ".join("?" * len(columns))
        connection.exec_driver_sql(f"INSERT INTO {table.name} ({names}) VALUES ({marks})", values)
        return
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        with cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([row[c] for c in columns])
    finally:
        cursor.close()


@cache
def _converters(
    table: Table, columns: tuple[str, ...], dialect: Dialect
) -> list[tuple[str, Callable[[Any], Any] | None]]:
    """Each column with the function its type applies to a value bound to it (or None)."""
    return [(c, table.c[c].type.bind_processor(dialect)) for c in columns]
