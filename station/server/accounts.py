"""Town accounts on the server: created and disabled by the town center's admin commands.

A town account is a reference record of kind ``town_account`` (id: the username) holding
the display name, role, roster person, active flag and the argon2id hash of the password —
the password itself is never stored or sent. It travels to every station with the other
reference data (:mod:`station.sync.town_accounts` says what a station does with it); each
change gets a new ``seq``, so stations pull just the accounts that changed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from argon2 import PasswordHasher
from sqlalchemy import select
from sqlalchemy.orm import Session

from station.domain.enums import Role
from station.errors import NotFoundError, ValidationError
from station.server.models import ReferenceItem
from station.server.reference import put_reference
from station.services.users import check_new_password
from station.sync.reference import ReferenceRecord
from station.sync.town_accounts import TOWN_ACCOUNT_KIND

_hasher = PasswordHasher()  # the same argon2id parameters as station.services.users


@dataclass(frozen=True)
class TownAccount:
    username: str
    display_name: str
    role: str
    roster_person_id: str | None
    active: bool

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> TownAccount:
        return cls(
            username=data["username"],
            display_name=data["display_name"],
            role=data["role"],
            roster_person_id=data.get("roster_person_id"),
            active=bool(data.get("active", True)),
        )


def _row(session: Session, kind: str, item_id: str) -> ReferenceItem | None:
    return session.scalar(
        select(ReferenceItem).where(ReferenceItem.kind == kind, ReferenceItem.item_id == item_id)
    )


def _store(session: Session, data: dict[str, Any]) -> TownAccount:
    put_reference(
        session, records=[ReferenceRecord(kind=TOWN_ACCOUNT_KIND, id=data["username"], data=data)]
    )
    return TownAccount.from_data(data)


def add_town_account(
    session: Session,
    *,
    username: str,
    display_name: str,
    role: str,
    password: str,
    roster_person_id: str | None = None,
) -> TownAccount:
    """Create a town account. Call inside a write transaction."""
    username = username.strip()
    if not username:
        raise ValidationError("请填写登录名", code="required", field="username")
    if len(username) > 40:
        raise ValidationError("登录名最多40个字符", code="too_long", field="username")
    existing = _row(session, TOWN_ACCOUNT_KIND, username)
    if existing is not None and not existing.deleted:
        raise ValidationError(
            f"镇账号 {username} 已存在；停用请用 disable-user", code="duplicate", field="username"
        )
    try:
        role = Role(role).value
    except ValueError:
        choices = "、".join(r.value for r in Role)
        raise ValidationError(f"角色应为：{choices}", code="bad_choice", field="role") from None
    check_new_password(password, username=username)
    if roster_person_id:
        person = _row(session, "roster_person", roster_person_id)
        if person is None or person.deleted:
            raise ValidationError(
                f"名册中没有 {roster_person_id}，请先导入名册（import-reference）",
                code="unknown_roster_person",
                field="roster_id",
            )
    data = {
        "username": username,
        "display_name": display_name.strip()[:40] or username,
        "role": role,
        "roster_person_id": roster_person_id or None,
        "password_hash": _hasher.hash(password),
        "active": True,
    }
    return _store(session, data)


def set_town_account_active(session: Session, *, username: str, active: bool) -> TownAccount:
    """Disable (or enable again) a town account; stations follow at their next sync."""
    row = _row(session, TOWN_ACCOUNT_KIND, username.strip())
    if row is None or row.deleted:
        raise NotFoundError(f"没有镇账号 {username}", field="username")
    data = json.loads(row.data)
    if bool(data.get("active", True)) == active:
        return TownAccount.from_data(data)
    return _store(session, {**data, "active": active})


def list_town_accounts(session: Session) -> list[TownAccount]:
    rows = session.scalars(
        select(ReferenceItem)
        .where(ReferenceItem.kind == TOWN_ACCOUNT_KIND, ReferenceItem.deleted.is_(False))
        .order_by(ReferenceItem.item_id)
    )
    return [TownAccount.from_data(json.loads(r.data)) for r in rows]
