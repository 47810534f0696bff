"""Local user accounts: every event names its author, so someone must be logged in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from station.db.models import AuditEntry, UserAccount
from station.domain.enums import Role
from station.errors import GridStationError, ValidationError
from station.services.events import Actor
from station.settings import load_settings

_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters
MIN_PASSWORD = 8


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    display_name: str
    role: str
    active: bool


class LoginFailed(GridStationError):
    code = "login_failed"


def _info(user: UserAccount) -> UserInfo:
    return UserInfo(user.id, user.username, user.display_name, user.role, user.active)


def create_user(
    session: Session,
    *,
    username: str,
    display_name: str,
    role: str,
    password: str,
    roster_person_id: str | None = None,
    allow_short_password: bool = False,
) -> UserInfo:
    username = username.strip()
    if not username:
        raise ValidationError("请填写登录名", code="required", field="username")
    if session.scalar(select(UserAccount).where(UserAccount.username == username)):
        raise ValidationError("这个登录名已被使用，请换一个", code="duplicate", field="username")
    try:
        role = Role(role).value
    except ValueError:
        raise ValidationError("请选择角色", code="bad_choice", field="role") from None
    if len(password) < MIN_PASSWORD and not allow_short_password:
        raise ValidationError(
            f"密码至少{MIN_PASSWORD}位", code="password_too_short", field="password"
        )
    user = UserAccount(
        username=username,
        display_name=display_name.strip() or username,
        role=role,
        password_hash=_hasher.hash(password),
        roster_person_id=roster_person_id,
        active=True,
        created_at=datetime.now().replace(microsecond=0),
    )
    session.add(user)
    session.flush()
    return _info(user)


def authenticate(session: Session, *, username: str, password: str) -> Actor:
    """Check a password; returns the :class:`Actor` that the session will act as.

    Every attempt is audited. A failed attempt is written in its own short transaction,
    because the caller's transaction is rolled back by the :class:`LoginFailed` we raise,
    and a failed login must leave a trace (lockout and the audit viewer rely on it).
    So call it in a transaction of its own that has written nothing yet (a login is one
    user action); otherwise the audit write waits for the caller's write lock.
    """
    username = username.strip()
    user = session.scalar(select(UserAccount).where(UserAccount.username == username))
    ok = False
    if user is not None and user.active:
        try:
            ok = _hasher.verify(user.password_hash, password)
        except (VerificationError, InvalidHashError):
            ok = False
    if not ok or user is None:
        with Session(bind=session.get_bind()) as audit, audit.begin():
            audit.add(_login_entry(username, "login_failed"))
        raise LoginFailed("登录名或密码不正确，请重新输入", field="password")
    session.add(_login_entry(username, "login"))
    return actor_for(session, user)


def _login_entry(username: str, action: str) -> AuditEntry:
    return AuditEntry(
        at=datetime.now().replace(microsecond=0),
        username=username[:40],
        action=action,
        target_type="user",
        target_id=username[:64],
    )


def actor_for(session: Session, user: UserAccount) -> Actor:
    settings = load_settings(session)
    return Actor(
        username=user.username,
        role=Role(user.role),
        station_code=settings.station_code,
        display_name=user.display_name,
    )


def system_actor(session: Session, *, role: Role = Role.STATION_ADMIN) -> Actor:
    """The actor for command-line maintenance (imports, demo data)."""
    return Actor(
        username="system",
        role=role,
        station_code=load_settings(session).station_code or "LOCAL",
        display_name="系统",
    )


def list_users(session: Session) -> list[UserInfo]:
    return [_info(u) for u in session.scalars(select(UserAccount).order_by(UserAccount.username))]
