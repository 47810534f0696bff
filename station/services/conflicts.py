"""The conflicts list for people: concurrent edits from two stations, shown side by side.

:mod:`station.sync.conflicts` finds the conflicts and records decisions; this module is
what the desktop app calls — it names the record and the field in Chinese, masks what a
list must not show in full (ID numbers), leaves confidential mediation files out for those
who may not open them, and returns what a decision changed so open screens refresh.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station.db.models import Case, Conflict, MediationCase, Person
from station.domain.permissions import Permission, allowed, require
from station.domain.validation import mask_id
from station.services.changes import Changed, Changes
from station.services.events import Actor
from station.sync import conflicts as core

ENTITY_LABELS = {"case": "工单", "person": "居民", "mediation": "调解案件"}
FIELD_LABELS = {
    # work orders
    "channel": "受理渠道",
    "received_at": "受理时间",
    "requester_id": "诉求人",
    "category_id": "诉求类别",
    "grid_id": "所属网格",
    "location": "事发地点",
    "summary": "诉求摘要",
    "description": "详细情况",
    "urgency": "紧急程度",
    "route": "办理方式",
    "department_id": "承办部门",
    "assignee": "经办人",
    "deadline": "办理期限",
    "supervised": "督办",
    "status": "办理状态",
    # residents
    "name": "姓名",
    "gender": "性别",
    "phone": "电话",
    "id_number": "身份证号",
    "ethnicity": "民族",
    "occupation": "职业",
    "address": "住址",
    "community_id": "所属社区",
    # mediation
    "source": "案件来源",
    "dispute_type_id": "纠纷类型",
    "accepted_on": "受理日期",
    "facts": "纠纷事实",
    "closing_reason": "结案方式",
    "performance_status": "履行情况",
    "archived_on": "归档",
}
REASON_LABELS = {
    "concurrent": "两个站点同时修改了这一项",
    "illegal": "对方的办理操作到达时已不能执行",
    "archived": "案件已归档，这项修改到达时没有生效；如仍需要，请重新打开案件后再录入",
}


@dataclass(frozen=True)
class ConflictSide:
    value: str  # as shown to a person
    station_code: str
    author: str
    at: datetime


@dataclass(frozen=True)
class ConflictView:
    id: str
    entity_type: str
    entity_id: str
    entity_label: str  # 工单 2026-0012 楼道堆物
    field: str
    field_label: str
    reason: str  # in Chinese
    kept: ConflictSide  # the value the record shows now
    lost: ConflictSide  # the value that was overwritten
    can_restore: bool


def _allowed_types(actor: Actor) -> set[str]:
    types = set()
    if allowed(actor.role, Permission.EDIT_CASES):
        types |= {"case", "person"}
    if allowed(actor.role, Permission.OPEN_MEDIATION):
        types.add("mediation")
    return types


def _text(field: str, value: Any) -> str:
    if value is None or value == "":
        return "（空）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if field == "id_number" and isinstance(value, str):
        return mask_id(value)
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, date):
        return f"{value:%Y-%m-%d}"
    return str(value)


def _entity_label(session: Session, entity_type: str, entity_id: str) -> str:
    kind = ENTITY_LABELS.get(entity_type, entity_type)
    if entity_type == "case":
        row = session.get(Case, entity_id)
        if row is not None:
            return f"{kind} {row.number} {row.summary[:20]}"
    elif entity_type == "person":
        row = session.get(Person, entity_id)
        if row is not None:
            return f"{kind} {row.name}"
    elif entity_type == "mediation":
        row = session.get(MediationCase, entity_id)
        if row is not None:
            return f"{kind} {row.number}"
    return f"{kind} {entity_id[:8]}"


def _side(field: str, side: core.Side) -> ConflictSide:
    return ConflictSide(
        value=_text(field, side.value),
        station_code=side.station_code,
        author=side.author,
        at=side.at,
    )


def list_conflicts(session: Session, *, actor: Actor) -> list[ConflictView]:
    """Open conflicts this person may review, newest overwritten value first."""
    types = _allowed_types(actor)
    out = [
        ConflictView(
            id=c.id,
            entity_type=c.entity_type,
            entity_id=c.entity_id,
            entity_label=_entity_label(session, c.entity_type, c.entity_id),
            field=c.field,
            field_label=FIELD_LABELS.get(c.field, c.field),
            reason=REASON_LABELS.get(c.reason, c.reason),
            kept=_side(c.field, c.kept),
            lost=_side(c.field, c.lost),
            can_restore=c.can_restore,
        )
        for c in core.list_conflicts(session)
        if c.entity_type in types
    ]
    return sorted(out, key=lambda v: v.lost.at, reverse=True)


def count_conflicts(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Conflict)) or 0)


def resolve_conflict(
    session: Session, *, actor: Actor, conflict_id: str, keep: Literal["kept", "lost"]
) -> Changed[None]:
    """Keep the value shown now (``"kept"``) or restore the overwritten one (``"lost"``).

    The decision is an ordinary event: it syncs, and the conflict closes on every copy.
    """
    row = session.get(Conflict, conflict_id)
    entity_type, entity_id = (row.entity_type, row.entity_id) if row else ("", "")
    require(
        actor, Permission.OPEN_MEDIATION if entity_type == "mediation" else Permission.EDIT_CASES
    )
    core.resolve_conflict(session, actor=actor, conflict_id=conflict_id, keep=keep)
    return Changed(
        None,
        Changes.of(
            cases=[entity_id] if entity_type == "case" else [],
            persons=[entity_id] if entity_type == "person" else [],
            mediations=[entity_id] if entity_type == "mediation" else [],
        ),
    )
