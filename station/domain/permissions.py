"""Who may do what: every protected action, and the roles allowed to take it, as one table.

The services call :func:`require` before they read or write anything protected, so a role
is refused in the core whatever the screen shows (the UI only hides what a role cannot use,
by asking :func:`allowed`). Work-order status changes have their own table per action in
:mod:`station.domain.case_workflow`; this table covers everything else.

Adding a protected action is a row here, a ``require`` call in the service, and nothing
else: ``tests/test_permissions.py`` walks every role × every row.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from station.domain.enums import LabelledEnum, Role
from station.errors import PermissionDenied


class Permission(LabelledEnum):
    """A protected action; the label completes “没有……的权限”."""

    VIEW_CASES = ("view_cases", "查看工单")
    EDIT_CASES = ("edit_cases", "登记和修改工单")
    EDIT_PERSONS = ("edit_persons", "登记和修改居民信息")
    OPEN_MEDIATION = ("open_mediation", "查看和办理调解案件")
    REVEAL_ID_NUMBER = ("reveal_id_number", "查看完整身份证号码")
    PRINT_DOCUMENTS = ("print_documents", "打印含个人信息的文书")
    EXPORT_DATA = ("export_data", "导出数据")
    MANAGE_USERS = ("manage_users", "管理用户账号")
    MANAGE_SETTINGS = ("manage_settings", "修改驿站设置")
    VIEW_AUDIT = ("view_audit", "查看审计日志")
    MANAGE_BACKUPS = ("manage_backups", "备份和恢复数据")
    ANONYMISE = ("anonymise", "按保存期限匿名化旧工单")


@dataclass(frozen=True)
class Rule:
    roles: frozenset[Role]
    message: str = ""  # a specific message ("{role}": the role's label); empty: generic
    code: str = "permission_denied"


_ALL = frozenset(Role)
_STAFF = _ALL - {Role.VIEWER}  # everyone who works cases (the viewer only looks)
_ADMIN = frozenset({Role.STATION_ADMIN})

#: The table. Viewers see masked lists only; mediation files are confidential (人民调解法
#: art. 15); accounts, settings and the audit log are the station admin's.
RULES: dict[Permission, Rule] = {
    Permission.VIEW_CASES: Rule(_ALL),
    Permission.EDIT_CASES: Rule(_STAFF),
    Permission.EDIT_PERSONS: Rule(_STAFF),
    Permission.OPEN_MEDIATION: Rule(
        frozenset({Role.MEDIATOR, Role.STATION_ADMIN}),
        message="只有调解员和驿站管理员可以查看和修改调解案件",
        code="mediation_forbidden",
    ),
    Permission.REVEAL_ID_NUMBER: Rule(_STAFF),
    Permission.PRINT_DOCUMENTS: Rule(_STAFF),
    Permission.EXPORT_DATA: Rule(
        _STAFF - {Role.DEPARTMENT_HANDLER},
        message="“{role}”不能导出含个人信息的台账和名册，如需导出请联系驿站管理员",
        code="export_forbidden",
    ),
    Permission.MANAGE_USERS: Rule(_ADMIN),
    Permission.MANAGE_SETTINGS: Rule(_ADMIN),
    Permission.VIEW_AUDIT: Rule(_ADMIN),
    Permission.MANAGE_BACKUPS: Rule(_ADMIN),
    Permission.ANONYMISE: Rule(_ADMIN),
}


class HasRole(Protocol):
    @property
    def role(self) -> Role | str: ...


def allowed(role: Role | str, permission: Permission | str) -> bool:
    """True when ``role`` may take ``permission`` (an unknown role may take nothing)."""
    try:
        return Role(role) in RULES[Permission(permission)].roles
    except ValueError:
        return False


def roles_for(permission: Permission | str) -> frozenset[Role]:
    return RULES[Permission(permission)].roles


def require(actor: HasRole, permission: Permission | str) -> None:
    """Raise :class:`PermissionDenied` (a Chinese message) unless ``actor`` may do it."""
    permission = Permission(permission)
    if allowed(actor.role, permission):
        return
    rule = RULES[permission]
    try:
        label = Role(actor.role).label
    except ValueError:
        label = "当前账号"
    if rule.message:
        message = rule.message.replace("{role}", label)
    else:
        message = f"“{label}”没有{permission.label}的权限，如需办理请联系驿站管理员"
    raise PermissionDenied(message, code=rule.code)
