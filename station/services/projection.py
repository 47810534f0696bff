"""Projections: an entity's rows are a deterministic fold of its events.

The fold is pure (events in, row dicts out), so the same code serves three callers:

* the live path — :func:`refresh_entity` refolds one entity after each new event (events
  arriving late from sync simply land in the right place, because the fold always sorts);
* bulk loading — the demo town folds a million events in memory and inserts the rows;
* verification — :func:`verify_projections` folds everything again and compares it with the
  tables, which is what ``grid-station check`` reports.

Rules of the fold (DESIGN.md §4): events sorted by ``(hlc, event_id)``; fields are
last-writer-wins; notes, records and visits are append-only collections; a case's status
only moves along the state machine — a transition that is illegal at its place in the
order (possible when two stations act concurrently) is skipped and listed as a conflict.

Concurrent writes to the same field (DESIGN.md §4): an ``updated`` event (and an action's
``fields``) carries ``_base`` — for each field it writes, the id of the event that last
wrote that field *as its author saw it* (``""`` if none). When the fold meets a write whose
base is not the field's current writer, the author did not see that earlier write: both
stations changed the field without knowing of each other. The later write wins (per-field
last-writer-wins, so every copy converges) and a ``conflict`` row keeps the overwritten
value for a person to review. A later event listing the conflict's id in ``_resolves``
closes it. Events without ``_base`` (written before it existed) never conflict.
Events the town server rejected (``server_seq = REJECTED_SEQ``) are left out of every fold.

Archive lock of a mediation case: between an ``archived`` event and the next ``reopened``
(in fold order) the case does not change. A station working offline may still have written
to the case before it heard of the archive; its event is kept (the server accepts it, so it
syncs and shows in the timeline) but not applied, and a ``conflict`` row with reason
``archived`` asks a person to reopen the case and enter it again if it still matters.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from operator import itemgetter
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Integer, Table, delete, or_, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite
from sqlalchemy.orm import Session

from station.db import models as m
from station.db.sealed import insert_placeholder
from station.domain.case_workflow import next_status
from station.domain.dispatch import check_step
from station.domain.enums import CaseStatus, MediationStatus
from station.domain.pinyin import name_keys
from station.errors import GridStationError
from station.services.events import (
    BASE_KEY,
    REJECTED_SEQ,
    RESOLVES_KEY,
    EventRecord,
    canonical_json,
)

Rows = dict[str, list[dict[str, Any]]]  # table name -> rows


@dataclass
class Folded:
    rows: Rows = field(default_factory=lambda: defaultdict(list))
    # field -> (event that last wrote it, value written): what a new write's ``_base`` names
    writers: dict[str, tuple[EventRecord, Any]] = field(default_factory=dict)
    conflicts: dict[str, dict[str, Any]] = field(default_factory=dict)

    def add(self, table: str, row: dict[str, Any]) -> None:
        self.rows[table].append(row)

    def write(self, row: dict[str, Any], ev: EventRecord, values: dict[str, Any]) -> None:
        """Set ``values`` on ``row`` (last writer wins), noting concurrent overwrites."""
        base = ev.payload.get(BASE_KEY)
        if not isinstance(base, dict):  # the author named no base: nothing to compare
            self.writers.update({key: (ev, value) for key, value in values.items()})
            row.update(values)
            return
        for key, value in values.items():
            previous = self.writers.get(key)
            if (
                isinstance(base, dict)
                and key in base
                and previous is not None
                and base[key] != previous[0].event_id
                and previous[1] != value
            ):
                lost = _conflict(previous[0], field_name=key, kept=ev.event_id, reason="concurrent")
                self.conflicts[lost["id"]] = lost
            self.writers[key] = (ev, value)
            row[key] = value

    def resolve(self, ev: EventRecord) -> None:
        """Close the conflicts a person reviewed (``_resolves`` of ``ev``)."""
        for conflict_id in ev.payload.get(RESOLVES_KEY) or ():
            self.conflicts.pop(conflict_id, None)

    def finish(self) -> Folded:
        if self.conflicts:
            self.rows["conflict"] = [*self.rows.get("conflict", []), *self.conflicts.values()]
        return self


# --------------------------------------------------------------------------- row helpers


def _table(name: str) -> Table:
    return m.Base.metadata.tables[name]


def _parse_datetime(value: Any) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)


def _parse_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


@cache
def _column_plan(table: str) -> tuple[tuple[str, Any, Callable[[Any], Any] | None], ...]:
    """Per column: (key, default, converter), worked out once per table.

    The fold runs for every entity on every write and for millions of events in a bulk
    load; inspecting column types per row was half of its time.
    """
    plan = []
    for column in _table(table).columns:
        default = (
            column.default.arg if column.default is not None and column.default.is_scalar else None
        )
        converter: Callable[[Any], Any] | None = None
        if isinstance(column.type, DateTime):
            converter = _parse_datetime
        elif isinstance(column.type, Date):
            converter = _parse_date
        elif isinstance(column.type, Boolean):
            converter = bool
        elif isinstance(column.type, Integer):
            converter = int
        plan.append((column.key, default, converter))
    return tuple(plan)


@cache
def _columns(table: str, exclude: tuple[str, ...]) -> frozenset[str]:
    return frozenset(_table(table).columns.keys()) - set(exclude)


@cache
def _coerce_plan(
    table: str,
) -> tuple[tuple[tuple[str, Any], ...], tuple[tuple[str, Callable[[Any], Any]], ...]]:
    """(key, default) of every column, and (key, converter) of those that need one."""
    plan = _column_plan(table)
    return (
        tuple((key, default) for key, default, _ in plan),
        tuple((key, converter) for key, _, converter in plan if converter is not None),
    )


@cache
def _defaults(table: str) -> tuple[dict[str, Any], frozenset[str]]:
    """Every column's default, and the column keys."""
    columns, _converters = _coerce_plan(table)
    return dict(columns), frozenset(key for key, _ in columns)


def coerce(table: str, values: dict[str, Any]) -> dict[str, Any]:
    """A complete row for ``table``: defaults filled in, JSON text turned into Python types."""
    columns, converters = _coerce_plan(table)
    defaults, keys = _defaults(table)
    if keys.issuperset(values):  # the usual case: two dict copies in C, not a loop here
        row = {**defaults, **values}
    else:
        row = {key: values.get(key, default) for key, default in columns}
    for key, converter in converters:
        value = row[key]
        if value is not None:
            row[key] = converter(value)
    return row


def _pick(payload: dict[str, Any], table: str, *, exclude: Iterable[str] = ()) -> dict[str, Any]:
    """Only the payload keys that are real columns (an event never writes anything else)."""
    columns = _columns(table, tuple(exclude))
    return {k: v for k, v in payload.items() if k in columns}


def _conflict(ev: EventRecord, *, field_name: str, kept: str, reason: str) -> dict[str, Any]:
    """A conflict row: ``ev`` (the lost event) did not take effect for ``field_name``."""
    return {
        "id": f"{ev.event_id}:{field_name}",
        "entity_type": ev.entity_type,
        "entity_id": ev.entity_id,
        "field": field_name,
        "kept_event_id": kept,
        "lost_event_id": ev.event_id,
        "lost_value": canonical_json({"payload": ev.payload, "reason": reason}),
    }


# --------------------------------------------------------------------------- folds

_PROTECTED = ("id", "version", "status")  # never set from a payload directly


def fold_person(events: list[EventRecord]) -> Folded:
    out = Folded()
    row: dict[str, Any] | None = None
    for ev in sorted(events, key=lambda e: e.order_key):
        if ev.event_type == "created":
            row = {"id": ev.entity_id}
            out.write(row, ev, _pick(ev.payload, "person", exclude=_PROTECTED))
        elif row is None:
            continue  # an update whose creation has not arrived yet: applied once it does
        elif ev.event_type == "updated":
            out.write(row, ev, _pick(ev.payload, "person", exclude=(*_PROTECTED, "created_at")))
        out.resolve(ev)
        row["version"] = ev.order_key
    if row is None:
        return Folded()
    row["name_initials"], row["name_pinyin"] = name_keys(row.get("name", ""))
    out.add("person", coerce("person", row))
    return out.finish()


#: History line kind → the work_case flag saying the case has such a line (statistics).
HISTORY_FLAGS = {
    "settle_at_desk": "was_desk_settled",
    "handle_at_station": "was_station_handled",
    "escalate": "was_escalated",
    "to_mediation": "was_sent_to_mediation",
}


def history_facts(notes: list[dict[str, Any]]) -> dict[str, Any]:
    """What a case's (coerced) history lines say, as work_case columns: the statistics read
    these instead of the history table. Derived from the lines alone, so an event can never
    set them (migration 0006 fills old databases with the same from ``case_note``)."""
    if not notes:  # a case just received (most of a first sync): nothing to look at
        return dict(_NO_HISTORY)
    kinds = {note["kind"] for note in notes}

    def first(*wanted: str) -> datetime | None:
        return min((note["at"] for note in notes if note["kind"] in wanted), default=None)

    return {
        **{column: kind in kinds for kind, column in HISTORY_FLAGS.items()},
        "first_dispatched_at": first("dispatch"),
        "first_signed_at": first("sign_for"),
        "first_replied_at": first("reply", "settle_at_desk"),
        "repeat_count": sum(note["kind"] == "repeat" for note in notes),
    }


_NO_HISTORY: dict[str, Any] = {
    **{column: False for column in HISTORY_FLAGS.values()},
    "first_dispatched_at": None,
    "first_signed_at": None,
    "first_replied_at": None,
    "repeat_count": 0,
}


def fold_case(events: list[EventRecord]) -> Folded:
    out = Folded()
    row: dict[str, Any] | None = None
    last_status_event = ""
    for ev in sorted(events, key=lambda e: e.order_key):
        payload = ev.payload
        if ev.event_type == "created":
            row = {}
            out.write(row, ev, _pick(payload, "work_case", exclude=_PROTECTED))
            row.update(
                id=ev.entity_id, station_code=ev.station_code, status=CaseStatus.RECEIVED.value
            )
            last_status_event = ev.event_id
        elif row is None:
            continue
        elif ev.event_type == "updated":
            out.write(row, ev, _pick(payload, "work_case", exclude=(*_PROTECTED, "number")))
        elif ev.event_type == "action":
            try:
                row["status"] = next_status(row["status"], payload["action"]).value
            except GridStationError:
                lost = _conflict(ev, field_name="status", kept=last_status_event, reason="illegal")
                out.conflicts[lost["id"]] = lost
                continue
            last_status_event = ev.event_id
            out.write(row, ev, _pick(payload.get("fields", {}), "work_case", exclude=_PROTECTED))
            if payload["action"] == "rework":
                row["rework_count"] = row.get("rework_count", 0) + 1
            out.add(
                "case_note",
                {
                    "id": ev.event_id,
                    "case_id": ev.entity_id,
                    "at": payload["at"],
                    "author": ev.author,
                    "kind": payload["action"],
                    "text": payload.get("reason", ""),
                },
            )
        elif ev.event_type == "step":
            # Dispatch steps keep the status; one that does not fit the case where it lands
            # in the order (e.g. two answers to one extension request) is a conflict.
            try:
                check_step(
                    payload["step"],
                    status=row["status"],
                    extension=row.get("extension_state") or "",
                )
            except (GridStationError, ValueError, KeyError):  # (an unknown step: skipped too)
                lost = _conflict(ev, field_name="status", kept=last_status_event, reason="illegal")
                out.conflicts[lost["id"]] = lost
                continue
            out.write(row, ev, _pick(payload.get("fields", {}), "work_case", exclude=_PROTECTED))
            if payload["step"] == "remind":
                row["reminder_count"] = row.get("reminder_count", 0) + 1
            out.add(
                "case_note",
                {
                    "id": ev.event_id,
                    "case_id": ev.entity_id,
                    "at": payload["at"],
                    "author": ev.author,
                    "kind": payload["step"],
                    "text": payload.get("reason", ""),
                },
            )
        elif ev.event_type == "note_added":
            out.add(
                "case_note",
                {
                    "id": ev.event_id,
                    "case_id": ev.entity_id,
                    "at": payload["at"],
                    "author": ev.author,
                    "kind": payload.get("kind", "note"),
                    "text": payload["text"],
                },
            )
        out.resolve(ev)
        row["version"] = ev.order_key
    if row is None:
        return Folded()
    out.rows["case_note"] = [coerce("case_note", n) for n in out.rows.get("case_note", [])]
    row.update(history_facts(out.rows["case_note"]))
    out.add("work_case", coerce("work_case", row))
    return out.finish()


#: Keys of an event payload that are bookkeeping, not a change to the record.
_META_KEYS = frozenset({BASE_KEY, RESOLVES_KEY})
#: Mediation events that may land on an archived case.
_ARCHIVE_EVENTS = frozenset({"created", "archived", "reopened"})
ARCHIVED_REASON = "archived"  # conflict reason: the change reached an archived case


def changes_mediation(event_type: str, payload: dict[str, Any]) -> bool:
    """Whether a mediation event would change the case, i.e. is held back by the archive
    lock (a conflict decision may carry only ``_resolves``; archive and reopen never are)."""
    if event_type in _ARCHIVE_EVENTS:
        return False
    return event_type != "updated" or any(k not in _META_KEYS for k in payload)


def fold_mediation(events: list[EventRecord]) -> Folded:
    out = Folded()
    archive: EventRecord | None = None  # the archive in force (the lock), if any
    row: dict[str, Any] | None = None
    parties: dict[str, dict[str, Any]] = {}
    mediators: list[dict[str, Any]] = []
    records: dict[str, dict[str, Any]] = {}
    terms: list[str] = []
    visits: list[dict[str, Any]] = []
    notes: list[dict[str, Any]] = []
    mid = ""
    for ev in sorted(events, key=lambda e: e.order_key):
        p, mid = ev.payload, ev.entity_id
        kind = ev.event_type
        if kind == "created":
            row = {
                **_pick(p, "mediation_case", exclude=("id", "version")),
                "id": mid,
                "status": p.get("status", MediationStatus.ACCEPTED.value),
            }
            mediators = list(p.get("mediators", []))
            for party in p.get("parties", []):
                parties[party["id"]] = party
        elif row is None:
            continue
        elif archive is not None and changes_mediation(kind, p):
            # Written without knowing of the archive (or by a client that ignored it): kept
            # as an event, not applied, listed for a person (DESIGN.md §4: never silently).
            lost = _conflict(
                ev, field_name="archived_on", kept=archive.event_id, reason=ARCHIVED_REASON
            )
            out.conflicts[lost["id"]] = lost
            continue
        elif kind == "updated":
            out.write(row, ev, _pick(p, "mediation_case", exclude=("id", "version", "number")))
        elif kind == "party_added" or kind == "party_updated":
            parties[p["id"]] = {**parties.get(p["id"], {}), **p}
        elif kind == "party_removed":
            parties.pop(p["id"], None)
        elif kind == "mediators_set":
            mediators = list(p["mediators"])
        elif kind == "record_added" or kind == "record_updated":
            records[p["id"]] = {**records.get(p["id"], {}), **p}
        elif kind == "agreement_set":
            row.update(_pick(p, "mediation_case", exclude=("id", "version", "number")))
            if "effective_on" not in p:  # written before 0003: effective once signed (art. 29)
                row["effective_on"] = p.get("signed_on")
            terms = list(p.get("terms", []))
        elif kind == "visit_added":
            visits.append({**p, "id": ev.event_id})
            row["performance_status"] = p["performance_status"]
        elif kind == "performance_noted":
            notes.append({**p, "id": ev.event_id, "author": ev.author})
            row["performance_status"] = p["performance_status"]
        elif kind == "archived":
            row.update(archived_on=p["archived_on"], archived_by=ev.author)
            archive = ev
        elif kind == "reopened":
            row.update(archived_on=None, archived_by="", reopen_reason=p.get("reason", ""))
            archive = None
        out.resolve(ev)
        row["version"] = ev.order_key
    if row is None:
        return Folded()
    out.add("mediation_case", coerce("mediation_case", row))
    for party in parties.values():
        out.add("mediation_party", coerce("mediation_party", {**party, "mediation_id": mid}))
    for mediator in mediators:
        out.add(
            "mediation_mediator", coerce("mediation_mediator", {**mediator, "mediation_id": mid})
        )
    for record in records.values():
        out.add("mediation_record", coerce("mediation_record", {**record, "mediation_id": mid}))
    for seq, text in enumerate(terms, start=1):
        out.add(
            "agreement_term",
            coerce("agreement_term", {"mediation_id": mid, "seq": seq, "text": text}),
        )
    for visit in visits:
        out.add("return_visit", coerce("return_visit", {**visit, "mediation_id": mid}))
    for note in notes:
        out.add(
            "mediation_performance_note",
            coerce("mediation_performance_note", {**note, "mediation_id": mid}),
        )
    return out.finish()


@dataclass(frozen=True)
class EntityKind:
    fold: Any
    main_table: str
    # child table -> column holding the entity id
    children: dict[str, str]


ENTITY_KINDS: dict[str, EntityKind] = {
    "person": EntityKind(fold_person, "person", {}),
    "case": EntityKind(fold_case, "work_case", {"case_note": "case_id"}),
    "mediation": EntityKind(
        fold_mediation,
        "mediation_case",
        {
            "mediation_party": "mediation_id",
            "mediation_mediator": "mediation_id",
            "mediation_record": "mediation_id",
            "agreement_term": "mediation_id",
            "return_visit": "mediation_id",
            "mediation_performance_note": "mediation_id",
        },
    ),
}


# --------------------------------------------------------------------------- writing


_COUNTED = or_(m.Event.server_seq.is_(None), m.Event.server_seq != REJECTED_SEQ)
_EVENT_COLUMNS = (
    m.Event.event_id,
    m.Event.entity_type,
    m.Event.entity_id,
    m.Event.event_type,
    m.Event.station_code,
    m.Event.author,
    m.Event.hlc,
    m.Event.payload,
    m.Event.schema_version,
)


def _entity_events(session: Session, entity_type: str, entity_id: str) -> list[EventRecord]:
    rows = session.scalars(
        select(m.Event).where(
            m.Event.entity_type == entity_type, m.Event.entity_id == entity_id, _COUNTED
        )
    )
    return [EventRecord.from_row(r) for r in rows]


def field_writers(session: Session, *, entity_type: str, entity_id: str) -> dict[str, str]:
    """Field -> id of the event that last wrote it, as this database folds the entity now."""
    kind = ENTITY_KINDS[entity_type]
    folded = kind.fold(_entity_events(session, entity_type, entity_id))
    return {key: ev.event_id for key, (ev, _value) in folded.writers.items()}


def refresh_entity(session: Session, *, entity_type: str, entity_id: str) -> None:
    """Refold one entity from all its events and write its rows (upsert main, replace children)."""
    kind = ENTITY_KINDS[entity_type]
    folded = kind.fold(_entity_events(session, entity_type, entity_id))
    session.flush()
    conn = session.connection()
    for child, fk in kind.children.items():
        conn.execute(delete(_table(child)).where(_table(child).c[fk] == entity_id))
    conn.execute(delete(_table("conflict")).where(_table("conflict").c.entity_id == entity_id))
    # The prepared statements of refresh_entities: a statement built here per call was
    # compiled again every time (three quarters of saving one record in a 10,000-row import).
    _write_rows(conn, kind.main_table, folded.rows.get(kind.main_table, []), upsert=True)
    for table_name, rows in folded.rows.items():
        if table_name != kind.main_table:
            _write_rows(conn, table_name, rows, upsert=False)
    session.expire_all()  # ORM objects loaded earlier must not shadow the new rows


def refresh_entities(
    session: Session,
    keys: Iterable[tuple[str, str]] | Mapping[tuple[str, str], list[EventRecord] | None],
) -> int:
    """:func:`refresh_entity` for many entities at once (what sync uses to apply a page).

    Same rows as refreshing each entity alone, but with one query per few hundred entities
    instead of several per entity. Persons are written before cases and mediations, so a
    case's requester exists when the case row lands. Returns the number of entities.

    ``keys`` may map an entity to *all* its counted events (a sync page knows them for the
    entities that had no event here before it; ``None`` otherwise): those are folded from
    memory instead of being read back. The rows are the same either way.
    """
    complete: Mapping[tuple[str, str], list[EventRecord] | None] = (
        keys if isinstance(keys, Mapping) else {}
    )
    by_type: dict[str, list[str]] = defaultdict(list)
    for entity_type, entity_id in dict.fromkeys(keys):
        by_type[entity_type].append(entity_id)
    session.flush()
    conn = session.connection()
    order = [t for t in ENTITY_KINDS if t in by_type]
    gone: dict[str, list[str]] = {ENTITY_KINDS[t].main_table: [] for t in order}
    for entity_type in order:
        kind = ENTITY_KINDS[entity_type]
        ids = by_type[entity_type]
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            grouped: dict[str, list[EventRecord]] = {}
            unread: list[str] = []
            for i in chunk:
                known = complete.get((entity_type, i))
                if not isinstance(known, list):
                    grouped[i] = []
                    unread.append(i)
                else:
                    grouped[i] = known
            unread_set = set(unread)
            if unread:
                # Core rows, not ORM objects: same columns, without the identity map's cost.
                stmt = select(*_EVENT_COLUMNS).where(
                    m.Event.entity_type == entity_type, m.Event.entity_id.in_(unread), _COUNTED
                )
                for row in conn.execute(stmt):
                    grouped[row.entity_id].append(EventRecord.from_row(row))  # type: ignore[arg-type]
            rows: Rows = defaultdict(list)
            for evs in grouped.values():
                for table_name, table_rows in kind.fold(evs).rows.items():
                    rows[table_name].extend(table_rows)
            # An entity with no event here before has no rows yet: nothing to delete, and
            # its main row is a plain INSERT (an upsert costs twice as much with foreign keys).
            if unread:
                for child, fk in kind.children.items():
                    conn.execute(delete(_table(child)).where(_table(child).c[fk].in_(unread)))
                conn.execute(
                    delete(_table("conflict")).where(_table("conflict").c.entity_id.in_(unread))
                )
            main_rows = rows.get(kind.main_table, [])
            main_ids = {r["id"] for r in main_rows}
            gone[kind.main_table] += [i for i in unread if i not in main_ids]
            first_rows = (
                [r for r in main_rows if r["id"] not in unread_set] if unread else main_rows
            )
            _write_rows(conn, kind.main_table, first_rows, upsert=False)
            if unread:
                again = [r for r in main_rows if r["id"] in unread_set]
                _write_rows(conn, kind.main_table, again, upsert=True)
            for table_name in INSERT_ORDER:
                if table_name != kind.main_table and rows.get(table_name):
                    _write_rows(conn, table_name, rows[table_name], upsert=False)
    # Entities left with no event (all rejected by the server) lose their row; dependants
    # (cases, mediations) go before the persons they may name.
    for table_name, ids in reversed(gone.items()):
        for start in range(0, len(ids), 500):
            table = _table(table_name)
            conn.execute(delete(table).where(table.c.id.in_(ids[start : start + 500])))
    session.expire_all()
    return sum(len(v) for v in by_type.values())


_write_plans: dict[tuple[str, str, bool], tuple[str, tuple[tuple[str, Any, Any], ...]]] = {}


def _write_plan(dialect: Any, table_name: str, upsert: bool) -> tuple[str, tuple[Any, ...]]:
    """The driver-level INSERT (or upsert on ``id``) of ``table_name`` and, per column,
    (key, default, the column type's own bind processor): what SQLAlchemy's insert would send,
    without compiling and processing parameters statement by statement."""
    key = (dialect.name, table_name, upsert)
    if key not in _write_plans:
        table = _table(table_name)
        plan = tuple(
            (c.key, default, c.type.bind_processor(dialect))
            for c, (_k, default, _conv) in zip(table.columns, _column_plan(table_name), strict=True)
        )
        names = [c.name for c in table.columns]
        quoted = ", ".join(f'"{n}"' for n in names)
        sql = (
            f'INSERT INTO "{table_name}" ({quoted}) VALUES '
            f"({', '.join(insert_placeholder(table_name, n) for n in names)})"
        )
        if upsert:
            sql += " ON CONFLICT (id) DO UPDATE SET " + ", ".join(
                f'"{n}" = excluded."{n}"' for n in names if n != "id"
            )
        _write_plans[key] = (sql, plan)
    return _write_plans[key]


def _write_rows(conn: Any, table_name: str, rows: list[dict[str, Any]], *, upsert: bool) -> None:
    """Insert (or upsert) row dicts in one executemany of plain tuples (sealed columns still
    go through their SQL function, see :func:`station.db.sealed.insert_placeholder`)."""
    if not rows:
        return
    if conn.dialect.name != "sqlite":  # stations are SQLite; anything else: the general way
        if upsert:
            _upsert(conn, table_name, rows)
        else:
            conn.execute(_table(table_name).insert(), rows)
        return
    sql, _plan = _write_plan(conn.dialect, table_name, upsert)
    conn.exec_driver_sql(sql, _driver_params(conn.dialect, table_name, rows))


def _driver_params(dialect: Any, table_name: str, rows: list[dict[str, Any]]) -> list[tuple]:
    """Row dicts as the plain tuples :func:`_write_plan`'s statement takes."""
    _sql, plan = _write_plan(dialect, table_name, False)
    keys = [key for key, _, _ in plan]
    pick = itemgetter(*keys) if len(keys) > 1 else lambda row: (row[keys[0]],)
    processed = [(i, process) for i, (_, _, process) in enumerate(plan) if process is not None]
    params = []
    for row in rows:
        try:
            values = list(pick(row))  # a coerced row has every column
        except KeyError:
            values = [row.get(key, default) for key, default, _ in plan]
        for i, process in processed:
            if values[i] is not None:
                values[i] = process(values[i])
        params.append(tuple(values))
    return params


# A station's database is SQLite: rows can be made ready for its driver without a connection
# (in a helper process, say); the bind processors do not depend on one.
_STATION_DIALECT = SQLiteDialect_pysqlite()


@dataclass(frozen=True)
class Prefolded:
    """Entities of one kind folded from given events alone, as rows ready for the station's
    SQLite driver, each row with the entity it belongs to.

    A sync page folds its entities this way before it knows which of them are new to the
    database (:func:`station.sync.apply.prepare_page`, which may run in another process).
    For an entity with no event stored before the page, the page holds its whole history,
    so these are exactly its rows: :func:`write_prefolded` inserts them. The others are
    refolded from the database as usual and their prefolded rows are dropped.
    """

    entity_type: str
    tables: dict[str, tuple[list[str], list[tuple[Any, ...]]]]  # table -> (entity ids, rows)


def prefold(entity_type: str, events: Mapping[str, list[EventRecord]]) -> Prefolded:
    kind = ENTITY_KINDS[entity_type]
    owners: dict[str, list[str]] = defaultdict(list)
    rows: Rows = defaultdict(list)
    for entity_id, evs in events.items():
        for table_name, table_rows in kind.fold(evs).rows.items():
            rows[table_name].extend(table_rows)
            owners[table_name].extend([entity_id] * len(table_rows))
    return Prefolded(
        entity_type,
        {
            table: (owners[table], _driver_params(_STATION_DIALECT, table, table_rows))
            for table, table_rows in rows.items()
        },
    )


def write_prefolded(session: Session, prefolded: Prefolded, entity_ids: set[str]) -> None:
    """Insert the prefolded rows of ``entity_ids``: entities with no rows yet (see
    :class:`Prefolded`). Main rows first, then their children, as foreign keys need."""
    conn = session.connection()
    main_table = ENTITY_KINDS[prefolded.entity_type].main_table
    for table_name in (main_table, *(t for t in INSERT_ORDER if t != main_table)):
        if table_name not in prefolded.tables:
            continue
        owners, params = prefolded.tables[table_name]
        if not entity_ids.issuperset(owners):
            params = [row for owner, row in zip(owners, params, strict=True) if owner in entity_ids]
        if params:
            sql, _plan = _write_plan(conn.dialect, table_name, False)
            conn.exec_driver_sql(sql, params)


def _upsert(conn: Any, table_name: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    table = _table(table_name)
    stmt = sqlite_insert(table)
    stmt = stmt.on_conflict_do_update(
        index_elements=["id"],
        set_={c.key: stmt.excluded[c.key] for c in table.columns if c.key != "id"},
    )
    conn.execute(stmt, rows)


def fold_all(events: Iterable[EventRecord]) -> Rows:
    """Fold every entity of ``events`` (any order); rows grouped by table."""
    grouped: dict[tuple[str, str], list[EventRecord]] = defaultdict(list)
    for ev in events:
        grouped[(ev.entity_type, ev.entity_id)].append(ev)
    rows: Rows = defaultdict(list)
    for (entity_type, _), evs in grouped.items():
        for table, table_rows in ENTITY_KINDS[entity_type].fold(evs).rows.items():
            rows[table].extend(table_rows)
    return rows


# Parents before children, so foreign keys hold during bulk inserts.
INSERT_ORDER = (
    "person",
    "work_case",
    "case_note",
    "mediation_case",
    "mediation_party",
    "mediation_mediator",
    "mediation_record",
    "agreement_term",
    "return_visit",
    "mediation_performance_note",
    "conflict",
)


def _all_events(session: Session) -> Iterable[EventRecord]:
    for row in session.execute(select(m.Event).where(_COUNTED)).scalars().yield_per(5000):
        yield EventRecord.from_row(row)


def verify_projections(session: Session) -> list[str]:
    """Fold all events again and compare with the tables; returns the differences found."""
    expected = fold_all(_all_events(session))
    problems: list[str] = []
    for table_name in INSERT_ORDER:
        table = _table(table_name)
        keys = [c.key for c in table.primary_key.columns]
        want = {tuple(r[k] for k in keys): r for r in expected.get(table_name, [])}
        have = {
            tuple(r[k] for k in keys): dict(r)
            for r in session.connection().execute(select(table)).mappings()
        }
        for key in sorted(set(want) - set(have)):
            problems.append(f"{table_name} {key}: 事件中有，但表中缺少")
        for key in sorted(set(have) - set(want)):
            problems.append(f"{table_name} {key}: 表中有，但没有事件支持")
        for key in sorted(set(want) & set(have)):
            if want[key] != have[key]:
                diff = {
                    k: (have[key][k], want[key][k])
                    for k in want[key]
                    if want[key][k] != have[key][k]
                }
                shown = json.dumps(diff, default=str, ensure_ascii=False)
                problems.append(f"{table_name} {key}: 与重建结果不同（表中值, 重建值）{shown}")
    return problems
