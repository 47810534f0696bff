"""Writing events: the only way synced data changes (DESIGN.md §4).

:func:`record_event` appends an immutable :class:`~station.db.models.Event` and refreshes
the projection of the entity it changes, in the caller's transaction (outbox pattern): both
land together or neither does.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station.db.models import Event
from station.domain.clock import HybridLogicalClock, new_id
from station.domain.enums import Role

SCHEMA_VERSION = 1
# Reserved payload keys (never columns): the field writers the author saw, for conflict
# detection, and the conflict ids a person resolved (see station.services.projection).
BASE_KEY = "_base"
RESOLVES_KEY = "_resolves"
# ``Event.server_seq`` of an event the town server rejected: kept for the record, never folded.
REJECTED_SEQ = -1


@dataclass(frozen=True)
class Actor:
    """Who is acting, from where: every event is stamped with it."""

    username: str
    role: Role
    station_code: str
    display_name: str = ""


@dataclass(frozen=True)
class EventRecord:
    """An event as plain data: what is hashed, synced and folded."""

    event_id: str
    entity_type: str
    entity_id: str
    event_type: str
    station_code: str
    author: str
    hlc: str
    payload: dict[str, Any] = field(default_factory=dict)
    schema_version: int = SCHEMA_VERSION

    @property
    def order_key(self) -> str:
        """Sort key ``"{hlc} {event_id}"``: HLC strings are fixed width, so text order works."""
        return f"{self.hlc} {self.event_id}"

    def canonical_json(self) -> str:
        return canonical_json(self.payload)

    def content_hash(self) -> str:
        body = canonical_json(
            {
                "event_id": self.event_id,
                "entity_type": self.entity_type,
                "entity_id": self.entity_id,
                "event_type": self.event_type,
                "station_code": self.station_code,
                "author": self.author,
                "hlc": self.hlc,
                "schema_version": self.schema_version,
                "payload": self.payload,
            }
        )
        return hashlib.sha256(body.encode("utf-8")).hexdigest()

    def to_row(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "entity_type": self.entity_type,
            "entity_id": self.entity_id,
            "event_type": self.event_type,
            "station_code": self.station_code,
            "author": self.author,
            "hlc": self.hlc,
            "schema_version": self.schema_version,
            "payload": self.canonical_json(),
            "content_hash": self.content_hash(),
            "server_seq": None,
        }

    @classmethod
    def from_row(cls, row: Event) -> EventRecord:
        return cls(
            event_id=row.event_id,
            entity_type=row.entity_type,
            entity_id=row.entity_id,
            event_type=row.event_type,
            station_code=row.station_code,
            author=row.author,
            hlc=row.hlc,
            payload=json.loads(row.payload),
            schema_version=row.schema_version,
        )


def _json_default(value: object) -> str:
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"cannot put {type(value).__name__} into an event")


def canonical_json(value: object) -> str:
    """Stable JSON (sorted keys, no spaces, UTF-8 kept) so equal content hashes equally."""
    return json.dumps(
        value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_json_default
    )


def to_payload(values: dict[str, Any]) -> dict[str, Any]:
    """Dates, datetimes and Decimals as the text they travel as."""
    return json.loads(canonical_json(values))


_clocks: dict[str, HybridLogicalClock] = {}


def clock_for(session: Session) -> HybridLogicalClock:
    """The HLC of this database, resumed from the newest event so it never goes back."""
    key = str(session.get_bind().engine.url)
    if key not in _clocks:
        last = session.scalar(select(func.max(Event.hlc)))
        _clocks[key] = HybridLogicalClock(last=last)
    return _clocks[key]


def forget_clocks() -> None:
    """For tests that recreate a database at the same path."""
    _clocks.clear()


def record_event(
    session: Session,
    *,
    actor: Actor,
    entity_type: str,
    entity_id: str,
    event_type: str,
    payload: dict[str, Any],
) -> EventRecord:
    """Append one event and bring the entity's projection up to date (same transaction).

    Field writes (``updated``, an action's ``fields``) are stamped with ``_base``: which event
    last wrote each field as this station sees it, so concurrent edits are detected.
    """
    from station.services.projection import field_writers, refresh_entity  # (import cycle)

    written = payload.get("fields", {}) if event_type == "action" else payload
    if event_type in ("updated", "action") and written and BASE_KEY not in payload:
        writers = field_writers(session, entity_type=entity_type, entity_id=entity_id)
        payload = {
            **payload,
            BASE_KEY: {k: writers.get(k, "") for k in written if not k.startswith("_")},
        }
    record = EventRecord(
        event_id=new_id(),
        entity_type=entity_type,
        entity_id=entity_id,
        event_type=event_type,
        station_code=actor.station_code,
        author=actor.username,
        hlc=clock_for(session).now(),
        payload=to_payload(payload),
    )
    session.add(Event(**record.to_row()))
    session.flush()
    refresh_entity(session, entity_type=entity_type, entity_id=entity_id)
    return record
