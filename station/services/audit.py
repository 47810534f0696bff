"""The audit log: one way to append to it, one way (for admins) to read it.

``audit_entry`` is append-only: this module has no update or delete, and SQLite triggers
(migration 0005) refuse both to any other code or tool. Entries never hold an ID number,
a phone number or a password: a person is named by their record id, a document by its
number.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station.db.models import AuditEntry, Person
from station.domain.permissions import Permission, require
from station.errors import ValidationError
from station.services.events import Actor

#: Known actions and how the viewer names them (unknown ones show their code).
ACTION_LABELS: dict[str, str] = {
    "login": "登录",
    "login_failed": "登录失败",
    "login_locked": "锁定期间尝试登录",
    "unlock": "解除锁屏",
    "unlock_failed": "解除锁屏失败",
    "password_changed": "修改密码",
    "password_reset": "重置密码",
    "user_created": "新建账号",
    "role_changed": "更改角色",
    "user_disabled": "停用账号",
    "user_enabled": "启用账号",
    "station_info_changed": "修改驿站信息",
    "reveal_id_number": "查看完整身份证号",
    "reveal_full_id": "打印完整身份证号",
    "print_document": "打印文书",
    "export": "导出数据",
    "setup_station": "初次设置驿站",
    "retention_applied": "按保存期限匿名化",
}

TARGET_LABELS: dict[str, str] = {
    "user": "账号",
    "person": "居民",
    "case": "工单",
    "mediation": "调解案件",
    "ledger": "台账",
    "station": "驿站",
}

#: Keys of JSON details, as the viewer shows them.
DETAIL_LABELS: dict[str, str] = {
    "kind": "类型",
    "title": "文书",
    "reason": "原因",
    "full_id": "完整身份证号",
    "id_on_file": "已登记身份证号",
    "person_id": "居民",
    "role": "角色",
    "from": "原角色",
    "to": "新角色",
    "how": "方式",
    "station_name": "驿站",
    "ledger": "台账",
    "rows": "行数",
    "status": "状态",
    "fields": "修改项",
    "years": "保存期限（年）",
    "cutoff": "截止日期",
    "cases": "工单数",
    "persons": "居民数",
}

MAX_ROWS = 1000


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    username: str
    action: str
    action_label: str
    target_type: str
    target_id: str
    detail: str  # readable text (JSON details flattened to “key: value” pairs)
    target_name: str = ""  # a resident's name, looked up when the log is read

    @property
    def target(self) -> str:
        """What the entry concerns, readable: “工单 TS01-20261120-001”, “居民 林玲玲”."""
        kind = TARGET_LABELS.get(self.target_type, self.target_type)
        return f"{kind} {self.target_name or self.target_id}".strip()


@dataclass(frozen=True)
class AuditFilter:
    action: str = ""
    username: str = ""
    date_from: date | None = None
    date_to: date | None = None


@dataclass(frozen=True)
class AuditPage:
    rows: list[AuditRow]
    total: int  # matching entries; ``rows`` holds the newest MAX_ROWS of them
    actions: list[tuple[str, str]]  # (code, label) of every action in the log
    usernames: list[str]


def write(
    session: Session,
    *,
    username: str,
    action: str,
    target_type: str = "",
    target_id: str = "",
    detail: str | dict[str, object] = "",
    at: datetime | None = None,
) -> None:
    """Append one entry in the caller's transaction."""
    if isinstance(detail, dict):
        detail = json.dumps(detail, ensure_ascii=False, sort_keys=True)
    session.add(
        AuditEntry(
            at=(at or datetime.now()).replace(microsecond=0),
            username=username[:40],
            action=action[:40],
            target_type=target_type[:24],
            target_id=target_id[:64],
            detail=detail,
        )
    )
    session.flush()


def action_label(action: str) -> str:
    return ACTION_LABELS.get(action, action)


def _readable(detail: str) -> str:
    try:
        value = json.loads(detail)
    except ValueError:
        return detail
    if not isinstance(value, dict):
        return detail

    def text(v: object) -> str:
        if isinstance(v, bool):
            return "是" if v else "否"
        if isinstance(v, list):
            return "、".join(str(x) for x in v)
        return str(v)

    return "；".join(f"{DETAIL_LABELS.get(k, k)}：{text(v)}" for k, v in value.items() if v != "")


def list_audit(session: Session, *, actor: Actor, flt: AuditFilter | None = None) -> AuditPage:
    """Entries matching ``flt``, newest first (at most :data:`MAX_ROWS`); admins only."""
    require(actor, Permission.VIEW_AUDIT)
    flt = flt or AuditFilter()
    if flt.date_from and flt.date_to and flt.date_from > flt.date_to:
        raise ValidationError("开始日期不能晚于结束日期", code="bad_period", field="date_from")
    conditions = []
    if flt.action:
        conditions.append(AuditEntry.action == flt.action)
    if flt.username:
        conditions.append(AuditEntry.username == flt.username)
    if flt.date_from:
        conditions.append(AuditEntry.at >= datetime.combine(flt.date_from, time()))
    if flt.date_to:
        conditions.append(AuditEntry.at < datetime.combine(flt.date_to + timedelta(days=1), time()))
    stmt = (
        select(AuditEntry)
        .where(*conditions)
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .limit(MAX_ROWS)
    )
    entries = list(session.scalars(stmt))
    person_ids = {e.target_id for e in entries if e.target_type == "person"}
    names = (
        dict(session.execute(select(Person.id, Person.name).where(Person.id.in_(person_ids))).all())
        if person_ids
        else {}
    )
    rows = [
        AuditRow(
            id=e.id,
            at=e.at,
            username=e.username,
            action=e.action,
            action_label=action_label(e.action),
            target_type=e.target_type,
            target_id=e.target_id,
            detail=_readable(e.detail),
            target_name=names.get(e.target_id, "") if e.target_type == "person" else "",
        )
        for e in entries
    ]
    total = session.scalar(select(func.count()).select_from(AuditEntry).where(*conditions)) or 0
    actions = sorted(session.scalars(select(AuditEntry.action).distinct()))
    usernames = sorted(session.scalars(select(AuditEntry.username).distinct()))
    return AuditPage(
        rows=rows,
        total=total,
        actions=[(a, action_label(a)) for a in actions],
        usernames=list(usernames),
    )
