"""被镇服务器拒收的记录: the station's own events the town server refused, for people.

The event rows are the truth (``server_seq = REJECTED_SEQ``, kept for the record, never
folded); the reasons live in a short list in the sync state
(:func:`station.sync.state.recent_rejections`, the newest
:data:`~station.sync.state.MAX_KEPT_REJECTIONS`). :func:`list_rejections` joins the two, so
a rejection whose reason was trimmed from that list is still shown (``原因未保留``), names
the record the way the lists do when it still exists, and says in Chinese what was written.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.db.models import Case, Event, MediationCase, Person
from station.domain.case_workflow import CaseAction
from station.domain.clock import wall_time
from station.domain.dispatch import EDIT_DISPATCH, DispatchStep
from station.domain.permissions import Permission, allowed
from station.services.conflicts import ENTITY_LABELS, FIELD_LABELS
from station.services.events import REJECTED_SEQ, Actor
from station.sync.state import recent_rejections

REASON_NOT_KEPT = "原因未保留"
LIST_LIMIT = 2000  # newest first; more than this many refusals means something else is wrong
_CHUNK = 500  # ids per IN (...) lookup

EVENT_LABELS = {
    "created": "新建",
    "updated": "修改",
    "action": "办理操作",
    "step": "督办操作",
    "note_added": "添加办理记录",
    "party_added": "添加当事人",
    "party_updated": "修改当事人",
    "party_removed": "删除当事人",
    "mediators_set": "指定调解员",
    "record_added": "添加调解记录",
    "record_updated": "修改调解记录",
    "agreement_set": "录入调解协议",
    "visit_added": "添加回访记录",
    "performance_noted": "记录履行情况",
    "archived": "归档",
    "reopened": "重新打开",
}
_STEP_LABELS = {"progress": "记录办理进展", EDIT_DISPATCH: "指定承办部门或督办"}


@dataclass(frozen=True)
class RejectedItem:
    """One refused event, as the 被拒收 list shows it."""

    event_id: str
    written_at: datetime  # when it was written here (the event's clock), local time
    author: str
    entity_type: str
    entity_id: str
    entity_label: str  # 工单 TS01-20261120-001 路灯不亮 / 居民 王五 / 调解案件 …
    event_label: str  # 修改 / 办理操作“派单” …
    code: str  # the server's stable error code ("" when the reason was not kept)
    message: str  # the server's reason in Chinese (fields by their label), or REASON_NOT_KEPT
    field: str | None  # the field the server named, if any
    field_label: str | None  # that field in Chinese (the key itself when unknown)
    exists: bool  # the record is still on this station (it can be opened)
    can_open: bool  # exists, and this person may open that kind of record


def _visible_types(actor: Actor | None) -> set[str]:
    """The kinds of record whose names ``actor`` may see (everything without an actor)."""
    if actor is None:
        return {"case", "person", "mediation"}
    types: set[str] = set()
    if allowed(actor.role, Permission.EDIT_CASES):
        types |= {"case", "person"}
    if allowed(actor.role, Permission.OPEN_MEDIATION):
        types.add("mediation")
    return types


def _chunks(ids: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _names(session: Session, wanted: dict[str, set[str]]) -> dict[tuple[str, str], str]:
    """The display names of the records that still exist, a few queries in all."""
    found: dict[tuple[str, str], str] = {}
    for ids in _chunks(sorted(wanted.get("case", ()))):
        for cid, number, summary in session.execute(
            select(Case.id, Case.number, Case.summary).where(Case.id.in_(ids))
        ):
            found["case", cid] = f"{number} {summary[:20]}"
    for ids in _chunks(sorted(wanted.get("person", ()))):
        for pid, name in session.execute(select(Person.id, Person.name).where(Person.id.in_(ids))):
            found["person", pid] = name
    for ids in _chunks(sorted(wanted.get("mediation", ()))):
        for mid, number in session.execute(
            select(MediationCase.id, MediationCase.number).where(MediationCase.id.in_(ids))
        ):
            found["mediation", mid] = number
    return found


def _event_label(event_type: str, payload: dict[str, Any]) -> str:
    label = EVENT_LABELS.get(event_type, event_type)
    if event_type == "action":
        value = str(payload.get("action", ""))
        try:
            return f"{label}“{CaseAction(value).label}”"
        except ValueError:
            return f"{label}“{value}”" if value else label
    if event_type == "step":
        value = str(payload.get("step", ""))
        for enum in (CaseAction, DispatchStep):
            try:
                return f"{label}“{enum(value).label}”"  # type: ignore[attr-defined]
            except ValueError:
                pass
        return f"{label}“{_STEP_LABELS.get(value, value)}”" if value else label
    return label


def _created_name(entity_type: str, payload: dict[str, Any]) -> str:
    """What a refused "created" event called its record (the record itself is gone)."""
    key = "name" if entity_type == "person" else "number"
    value = payload.get(key)
    return value.strip()[:40] if isinstance(value, str) else ""


def list_rejections(
    session: Session, *, actor: Actor | None = None, limit: int = LIST_LIMIT
) -> list[RejectedItem]:
    """Every event of this station the town server rejected, newest first (at most
    ``limit``), with the server's reason when it was kept.

    With ``actor``, records of a kind that person may not open (mediation files for a
    receptionist, anything for a viewer) are named by their kind only and cannot be opened;
    they are still listed, so the list matches the count in the status bar.
    """
    rows = session.execute(
        select(
            Event.event_id,
            Event.entity_type,
            Event.entity_id,
            Event.event_type,
            Event.author,
            Event.hlc,
            Event.payload,
        )
        .where(Event.server_seq == REJECTED_SEQ)
        .order_by(Event.hlc.desc(), Event.event_id.desc())
        .limit(limit)
    ).all()
    if not rows:
        return []
    reasons = {r.event_id: r for r in recent_rejections(session)}
    visible = _visible_types(actor)
    wanted: dict[str, set[str]] = {}
    for row in rows:
        wanted.setdefault(row.entity_type, set()).add(row.entity_id)
    names = _names(session, wanted)

    items: list[RejectedItem] = []
    for row in rows:
        payload = _payload(row.payload)
        kind = ENTITY_LABELS.get(row.entity_type, row.entity_type)
        name = names.get((row.entity_type, row.entity_id))
        exists = name is not None
        shown = row.entity_type in visible
        if not shown:
            label = kind
        elif exists:
            label = f"{kind} {name}"
        else:
            created = _created_name(row.entity_type, payload) if row.event_type == "created" else ""
            label = f"{kind} {created or row.entity_id[:8]}"
        reason = reasons.get(row.event_id)
        field = reason.field if reason is not None else None
        field_label = FIELD_LABELS.get(field, field) if field else None
        message = (reason.message or reason.code) if reason is not None else REASON_NOT_KEPT
        if field and field_label:  # the server names fields by key: “description”太长
            message = message.replace(f"“{field}”", f"“{field_label}”")
        items.append(
            RejectedItem(
                event_id=row.event_id,
                written_at=wall_time(row.hlc).replace(microsecond=0),
                author=row.author,
                entity_type=row.entity_type,
                entity_id=row.entity_id,
                entity_label=label,
                event_label=_event_label(row.event_type, payload),
                code=reason.code if reason is not None else "",
                message=message,
                field=field,
                field_label=field_label,
                exists=exists,
                can_open=exists and shown and row.entity_type in ("case", "mediation"),
            )
        )
    return items


def _payload(text: str) -> dict[str, Any]:
    """The stored payload (canonical JSON text) as a dict; anything else as empty."""
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}
