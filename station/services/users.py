"""Local user accounts: every event names its author, so someone must be logged in.

Passwords are argon2id hashes. Repeated wrong passwords lock the account for a delay that
grows with every further failure (stored on the account, so a restart does not reset it).
Managing accounts (add, disable, change role, reset a password) is for station admins and
is audited; a reset password must be changed at the next login.

Town accounts (``origin == "town"``, :mod:`station.sync.town_accounts`) come from the town
server and log in here like local ones, offline; their password and role are managed at the
town center, so changing or resetting them here is refused with a message that says so.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station.db.models import UserAccount
from station.domain.enums import Role
from station.domain.permissions import Permission, require
from station.errors import GridStationError, NotFoundError, ValidationError
from station.services import audit
from station.services.events import Actor
from station.settings import load_settings

_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters
MIN_PASSWORD = 8
#: Wrong passwords in a row before the first wait; each further one doubles the wait.
FREE_ATTEMPTS = 5
FIRST_DELAY = timedelta(seconds=30)
MAX_DELAY = timedelta(minutes=30)


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    display_name: str
    role: str
    active: bool
    failed_logins: int = 0
    locked_until: datetime | None = None
    last_login_at: datetime | None = None
    must_change_password: bool = False
    origin: str = "local"  # "town": comes from the town server, managed there

    @property
    def role_label(self) -> str:
        try:
            return Role(self.role).label
        except ValueError:
            return self.role

    def locked_at(self, now: datetime) -> bool:
        return self.locked_until is not None and self.locked_until > now


class LoginFailed(GridStationError):
    code = "login_failed"


class AccountLocked(LoginFailed):
    """Too many wrong passwords: no password is checked until ``until``."""

    code = "account_locked"

    def __init__(self, message: str, *, until: datetime, field: str | None = "password"):
        super().__init__(message, field=field)
        self.until = until


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


def _info(user: UserAccount) -> UserInfo:
    return UserInfo(
        user.id,
        user.username,
        user.display_name,
        user.role,
        user.active,
        failed_logins=user.failed_logins or 0,
        locked_until=user.locked_until,
        last_login_at=user.last_login_at,
        must_change_password=bool(user.must_change_password),
        origin=user.origin or "local",
    )


def _refuse_town(user: UserAccount, what: str, *, field: str) -> None:
    if user.origin == "town":
        raise ValidationError(
            f"这是镇里统一管理的账号，{what}请到镇网格中心办理", code="town_account", field=field
        )


def lockout_delay(failures: int) -> timedelta:
    """How long logins wait after ``failures`` wrong passwords in a row (0: no wait)."""
    if failures < FREE_ATTEMPTS:
        return timedelta(0)
    return min(FIRST_DELAY * 2 ** (failures - FREE_ATTEMPTS), MAX_DELAY)


def _wait_text(delta: timedelta) -> str:
    seconds = max(1, int(delta.total_seconds() + 0.999))
    if seconds < 60:
        return f"{seconds}秒"
    minutes, rest = divmod(seconds, 60)
    return f"{minutes}分{rest}秒" if rest else f"{minutes}分钟"


def check_new_password(password: str, *, username: str = "", field: str = "password") -> None:
    if len(password) < MIN_PASSWORD:
        raise ValidationError(f"密码至少{MIN_PASSWORD}位", code="password_too_short", field=field)
    if username and password.strip().lower() == username.strip().lower():
        raise ValidationError("密码不能与登录名相同", code="password_is_username", field=field)


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
    """Create an account without a permission check (first-run setup, demo, tests);
    the app's user management calls :func:`add_user`."""
    username = username.strip()
    if not username:
        raise ValidationError("请填写登录名", code="required", field="username")
    if len(username) > 40:
        raise ValidationError("登录名最多40个字符", code="too_long", field="username")
    if session.scalar(select(UserAccount).where(UserAccount.username == username)):
        raise ValidationError("这个登录名已被使用，请换一个", code="duplicate", field="username")
    try:
        role = Role(role).value
    except ValueError:
        raise ValidationError("请选择角色", code="bad_choice", field="role") from None
    if not allow_short_password:
        check_new_password(password, username=username)
    now = _now()
    user = UserAccount(
        username=username,
        display_name=display_name.strip()[:40] or username,
        role=role,
        password_hash=_hasher.hash(password),
        roster_person_id=roster_person_id,
        active=True,
        created_at=now,
        failed_logins=0,
        password_changed_at=now,
        must_change_password=False,
    )
    session.add(user)
    session.flush()
    return _info(user)


def authenticate(
    session: Session,
    *,
    username: str,
    password: str,
    now: datetime | None = None,
    purpose: str = "login",
) -> Actor:
    """Check a password; returns the :class:`Actor` that the session will act as.

    Every attempt is audited (``purpose`` is ``"login"`` or ``"unlock"``, the idle lock).
    A failed attempt is written in its own short transaction, with the account's failure
    count and lock time, because the caller's transaction is rolled back by the
    :class:`LoginFailed` we raise, and a failed login must leave a trace. So call it in a
    transaction of its own that has written nothing yet (a login is one user action);
    otherwise the audit write waits for the caller's write lock.

    While an account is locked (:class:`AccountLocked`) no password is checked at all.
    """
    now = (now or datetime.now()).replace(microsecond=0)
    username = username.strip()
    user = session.scalar(select(UserAccount).where(UserAccount.username == username))
    if user is not None and user.locked_until is not None and user.locked_until > now:
        _record_failure(session, username=username, user_id=None, action="login_locked", now=now)
        raise AccountLocked(
            f"密码连续输错{user.failed_logins}次，账号已暂时锁定，"
            f"请在{_wait_text(user.locked_until - now)}后再试，或请驿站管理员重置密码",
            until=user.locked_until,
        )
    ok = False
    if user is not None:
        try:
            ok = _hasher.verify(user.password_hash, password)
        except (VerificationError, InvalidHashError):
            ok = False
    if not ok or user is None:
        locked_until = _record_failure(
            session,
            username=username,
            user_id=user.id if user is not None else None,
            action=f"{purpose}_failed",
            now=now,
        )
        if locked_until is not None:
            raise AccountLocked(
                f"登录名或密码不正确。已连续输错多次，请在{_wait_text(locked_until - now)}后再试",
                until=locked_until,
            )
        raise LoginFailed("登录名或密码不正确，请重新输入", field="password")
    if not user.active:  # the right password of a disabled account: a trace, no count
        _record_failure(
            session, username=username, user_id=None, action=f"{purpose}_failed", now=now
        )
        who = "镇网格中心" if user.origin == "town" else "驿站管理员"
        raise LoginFailed(f"这个账号已停用，请联系{who}", code="account_disabled", field="username")
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    user.failed_logins = 0
    user.locked_until = None
    if purpose == "login":
        user.last_login_at = now
    audit.write(
        session, username=username, action=purpose, target_type="user", target_id=username, at=now
    )
    return actor_for(session, user)


def _record_failure(
    session: Session, *, username: str, user_id: int | None, action: str, now: datetime
) -> datetime | None:
    """Count a failure and audit it, committed on its own; the new lock time, if any."""
    locked_until = None
    with Session(bind=session.get_bind()) as own, own.begin():
        if user_id is not None:
            user = own.get(UserAccount, user_id)
            assert user is not None
            user.failed_logins = (user.failed_logins or 0) + 1
            delay = lockout_delay(user.failed_logins)
            if delay:
                locked_until = user.locked_until = now + delay
        audit.write(
            own, username=username, action=action, target_type="user", target_id=username, at=now
        )
    return locked_until


def actor_for(session: Session, user: UserAccount) -> Actor:
    settings = load_settings(session)
    return Actor(
        username=user.username,
        role=Role(user.role),
        station_code=settings.station_code,
        display_name=user.display_name,
    )


def os_login_name() -> str:
    """Who is logged in to the computer, for audit entries of command-line and safe-mode
    actions (there is no app login there)."""
    try:
        return getpass.getuser()
    except Exception:  # no login name (some containers and services)
        return "unknown"


def system_actor(session: Session, *, role: Role = Role.STATION_ADMIN) -> Actor:
    """The actor for command-line maintenance (imports, demo data)."""
    return Actor(
        username="system",
        role=role,
        station_code=load_settings(session).station_code or "LOCAL",
        display_name="系统",
    )


def list_users(session: Session, *, actor: Actor | None = None) -> list[UserInfo]:
    """Every account by username; with ``actor``, only for those who manage users."""
    if actor is not None:
        require(actor, Permission.MANAGE_USERS)
    return [_info(u) for u in session.scalars(select(UserAccount).order_by(UserAccount.username))]


def get_user(session: Session, *, username: str) -> UserInfo:
    return _info(_user(session, username))


def _user(session: Session, username: str) -> UserAccount:
    user = session.scalar(select(UserAccount).where(UserAccount.username == username))
    if user is None:
        raise NotFoundError("没有这个账号，请刷新列表后再试", field="username")
    return user


def _active_admins(session: Session) -> int:
    stmt = select(func.count()).where(
        UserAccount.role == Role.STATION_ADMIN.value, UserAccount.active.is_(True)
    )
    return session.scalar(stmt) or 0


# ------------------------------------------------------------------ managing accounts


def add_user(
    session: Session,
    *,
    actor: Actor,
    username: str,
    display_name: str,
    role: str,
    password: str,
    roster_person_id: str | None = None,
) -> UserInfo:
    """An admin creates an account; its first password must be changed at first login."""
    require(actor, Permission.MANAGE_USERS)
    info = create_user(
        session,
        username=username,
        display_name=display_name,
        role=role,
        password=password,
        roster_person_id=roster_person_id,
    )
    _user(session, info.username).must_change_password = True
    audit.write(
        session,
        username=actor.username,
        action="user_created",
        target_type="user",
        target_id=info.username,
        detail={"role": Role(info.role).label},
    )
    return get_user(session, username=info.username)


def reset_password(session: Session, *, actor: Actor, username: str, new_password: str) -> UserInfo:
    """An admin sets a new password (and lifts a lock); the user must change it at login."""
    require(actor, Permission.MANAGE_USERS)
    user = _user(session, username)
    _refuse_town(user, "重置密码", field="new_password")
    check_new_password(new_password, username=user.username, field="new_password")
    user.password_hash = _hasher.hash(new_password)
    user.password_changed_at = _now()
    user.must_change_password = user.username != actor.username
    user.failed_logins = 0
    user.locked_until = None
    audit.write(
        session,
        username=actor.username,
        action="password_reset",
        target_type="user",
        target_id=user.username,
    )
    return _info(user)


def change_password(
    session: Session, *, actor: Actor, old_password: str, new_password: str
) -> UserInfo:
    """The logged-in user replaces their own password (knowing the current one)."""
    user = _user(session, actor.username)
    _refuse_town(user, "修改密码", field="new_password")
    try:
        ok = _hasher.verify(user.password_hash, old_password)
    except (VerificationError, InvalidHashError):
        ok = False
    if not ok:
        raise ValidationError("当前密码不正确", code="wrong_password", field="old_password")
    check_new_password(new_password, username=user.username, field="new_password")
    if new_password == old_password:
        raise ValidationError(
            "新密码不能与当前密码相同", code="same_password", field="new_password"
        )
    user.password_hash = _hasher.hash(new_password)
    user.password_changed_at = _now()
    user.must_change_password = False
    audit.write(
        session,
        username=actor.username,
        action="password_changed",
        target_type="user",
        target_id=user.username,
    )
    return _info(user)


def set_role(session: Session, *, actor: Actor, username: str, role: str) -> UserInfo:
    """Change an account's role (from the next login); the last admin stays an admin."""
    require(actor, Permission.MANAGE_USERS)
    user = _user(session, username)
    try:
        new_role = Role(role)
    except ValueError:
        raise ValidationError("请选择角色", code="bad_choice", field="role") from None
    old_role = Role(user.role)
    if new_role is old_role:
        return _info(user)
    _refuse_town(user, "更改角色", field="role")
    if old_role is Role.STATION_ADMIN and user.active and _active_admins(session) <= 1:
        raise ValidationError(
            "这是最后一个驿站管理员账号，请先让另一个账号成为管理员",
            code="last_admin",
            field="role",
        )
    user.role = new_role.value
    audit.write(
        session,
        username=actor.username,
        action="role_changed",
        target_type="user",
        target_id=user.username,
        detail={"from": old_role.label, "to": new_role.label},
    )
    return _info(user)


def set_active(session: Session, *, actor: Actor, username: str, active: bool) -> UserInfo:
    """Disable an account (it can no longer log in; its history stays) or enable it again."""
    require(actor, Permission.MANAGE_USERS)
    user = _user(session, username)
    if user.active == active:
        return _info(user)
    if not active:
        if user.username == actor.username:
            raise ValidationError(
                "不能停用自己正在使用的账号", code="self_disable", field="username"
            )
        if user.role == Role.STATION_ADMIN.value and _active_admins(session) <= 1:
            raise ValidationError(
                "这是最后一个可用的驿站管理员账号，不能停用", code="last_admin", field="username"
            )
    user.active = active
    if active:
        user.failed_logins = 0
        user.locked_until = None
    audit.write(
        session,
        username=actor.username,
        action="user_enabled" if active else "user_disabled",
        target_type="user",
        target_id=user.username,
    )
    return _info(user)
