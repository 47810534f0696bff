"""Conflicts a person reviews: concurrent writes to the same field, and actions that were
no longer possible when the other station's work arrived (DESIGN.md §4).

The projection already shows the winner (later HLC); :func:`list_conflicts` shows both
values with who wrote them and when, and :func:`resolve_conflict` records the decision as an
ordinary event (``_resolves`` names the conflict), so the decision syncs like any edit and
every station's list empties.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.db.models import Conflict, Event
from station.domain.clock import wall_time
from station.errors import NotFoundError, ValidationError
from station.services import cases, mediation, persons
from station.services.events import RESOLVES_KEY, Actor, record_event

# Fields a plain "updated" event may write, per entity type.
_EDITABLE = {
    "person": set(persons.EDITABLE),
    "case": set(cases.EDITABLE),
    "mediation": set(mediation.EDITABLE),
}


@dataclass(frozen=True)
class Side:
    value: Any
    station_code: str
    author: str
    at: datetime  # from the writer's HLC


@dataclass(frozen=True)
class ConflictInfo:
    id: str
    entity_type: str
    entity_id: str
    field: str
    # "concurrent" (both edited the field), "illegal" (action came too late) or "archived"
    # (the change reached a mediation case already archived: not applied)
    reason: str
    kept: Side
    lost: Side
    can_restore: bool  # whether "keep the other value" is possible


def _value(payload: dict[str, Any], field: str) -> Any:
    if field in payload:
        return payload[field]
    if field == "status" and "action" in payload:
        return payload["action"]
    return (payload.get("fields") or {}).get(field)


def _side(event: Event | None, payload: dict[str, Any], field: str) -> Side:
    at = wall_time(event.hlc) if event else None
    return Side(
        value=_value(payload, field),
        station_code=event.station_code if event else "",
        author=event.author if event else "",
        at=at or datetime.min,
    )


def list_conflicts(session: Session, *, entity_id: str | None = None) -> list[ConflictInfo]:
    stmt = select(Conflict).order_by(Conflict.entity_id, Conflict.field)
    if entity_id:
        stmt = stmt.where(Conflict.entity_id == entity_id)
    out = []
    for c in session.scalars(stmt):
        kept = session.get(Event, c.kept_event_id)
        lost = session.get(Event, c.lost_event_id)
        lost_value = json.loads(c.lost_value)
        out.append(
            ConflictInfo(
                id=c.id,
                entity_type=c.entity_type,
                entity_id=c.entity_id,
                field=c.field,
                reason=lost_value.get("reason", ""),
                kept=_side(kept, json.loads(kept.payload) if kept else {}, c.field),
                lost=_side(lost, lost_value.get("payload", {}), c.field),
                can_restore=c.field in _EDITABLE.get(c.entity_type, set()),
            )
        )
    return out


def resolve_conflict(
    session: Session, *, actor: Actor, conflict_id: str, keep: Literal["kept", "lost"]
) -> None:
    """Close a conflict, keeping the value shown now (``"kept"``) or restoring the
    overwritten one (``"lost"``); either way it is one event, synced like any other."""
    found = [c for c in list_conflicts(session) if c.id == conflict_id]
    if not found:
        raise NotFoundError("找不到这条冲突记录，可能已被处理", field="conflict_id")
    conflict = found[0]
    payload: dict[str, Any] = {RESOLVES_KEY: [conflict_id]}
    if keep == "lost":
        if not conflict.can_restore:
            raise ValidationError(
                "这一项只能通过办理操作修改，不能直接恢复另一方的值", code="not_restorable"
            )
        payload[conflict.field] = conflict.lost.value
    record_event(
        session,
        actor=actor,
        entity_type=conflict.entity_type,
        entity_id=conflict.entity_id,
        event_type="updated",
        payload=payload,
    )
