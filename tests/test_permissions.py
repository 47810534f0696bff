"""The permissions table: every role × every protected action, checked against the issue's
rules written out here independently, and against the real services for a representative
action of each kind (the service must refuse exactly when the table says no)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy.orm import Session
from support import NOW

from station.db.database import Database
from station.domain.enums import Role
from station.domain.permissions import RULES, Permission, allowed, require
from station.errors import PermissionDenied
from station.services import (
    audit,
    cases,
    documents,
    mediation,
    persons,
    station_profile,
    users,
)
from station.services.events import Actor

R = Role
EVERYONE = set(Role)
STAFF = EVERYONE - {R.VIEWER}

# What the issue asks for, per action (not derived from the table under test).
EXPECTED: dict[Permission, set[Role]] = {
    Permission.VIEW_CASES: EVERYONE,
    Permission.EDIT_CASES: STAFF,
    Permission.EDIT_PERSONS: STAFF,
    Permission.OPEN_MEDIATION: {R.MEDIATOR, R.STATION_ADMIN},
    Permission.REVEAL_ID_NUMBER: STAFF,
    Permission.PRINT_DOCUMENTS: STAFF,
    Permission.EXPORT_DATA: STAFF - {R.DEPARTMENT_HANDLER},
    Permission.MANAGE_USERS: {R.STATION_ADMIN},
    Permission.MANAGE_SETTINGS: {R.STATION_ADMIN},
    Permission.VIEW_AUDIT: {R.STATION_ADMIN},
    Permission.MANAGE_BACKUPS: {R.STATION_ADMIN},
    Permission.ANONYMISE: {R.STATION_ADMIN},
}

MATRIX = [(role, permission) for permission in Permission for role in Role]


def actor_of(role: Role) -> Actor:
    return Actor(username=f"u-{role.value}", role=role, station_code="TS01")


def test_every_permission_has_a_rule_and_an_expectation() -> None:
    assert set(RULES) == set(Permission) == set(EXPECTED)


@pytest.mark.parametrize(("role", "permission"), MATRIX, ids=lambda v: str(v))
def test_matrix_cell(role: Role, permission: Permission) -> None:
    expected = role in EXPECTED[permission]
    assert allowed(role, permission) is expected
    assert allowed(role.value, permission.value) is expected  # codes from the database
    if expected:
        require(actor_of(role), permission)
    else:
        with pytest.raises(PermissionDenied) as info:
            require(actor_of(role), permission)
        assert info.value.message.isascii() is False  # a Chinese message for the person
        assert info.value.code in {"permission_denied", "mediation_forbidden", "export_forbidden"}


def test_unknown_role_may_do_nothing() -> None:
    assert not any(allowed("janitor", p) for p in Permission)
    with pytest.raises(PermissionDenied) as info:
        require(Actor(username="x", role="janitor", station_code="TS01"), Permission.VIEW_CASES)  # type: ignore[arg-type]
    assert "当前账号" in info.value.message


def test_exports_refuse_the_roles_the_table_refuses() -> None:
    """station.reports.exports keeps its own set (written before this table): in step."""
    from station.reports import exports

    assert set(exports.EXPORT_REFUSED) == set(Role) - EXPECTED[Permission.EXPORT_DATA]


def test_messages_name_the_role_and_the_action() -> None:
    with pytest.raises(PermissionDenied) as info:
        require(actor_of(R.VIEWER), Permission.REVEAL_ID_NUMBER)
    assert "查看者" in info.value.message and "查看完整身份证号码" in info.value.message


# --------------------------------------------------------------------------- real services


@pytest.fixture
def resident(db: Database, admin: Actor) -> persons.PersonInfo:
    with db.transaction() as s:
        person = persons.create_person(
            s, actor=admin, name="林玲玲", id_number="11010519491231002X", grid_id="C1-01"
        )
        cases.create_case(
            s, actor=admin, summary="楼道堆放杂物", received_at=NOW, requester_id=person.id
        )
        users.create_user(
            s, username="target", display_name="目标", role="receptionist", password="target-pass1"
        )
    return person


SERVICE_CALLS: dict[Permission, Callable[[Session, Actor, str], object]] = {
    Permission.EDIT_CASES: lambda s, a, _p: cases.create_case(
        s, actor=a, summary="路灯不亮", received_at=NOW
    ),
    Permission.EDIT_PERSONS: lambda s, a, p: persons.update_person(
        s, actor=a, person_id=p, address="东街2号"
    ),
    Permission.REVEAL_ID_NUMBER: lambda s, a, p: persons.reveal_id_number(
        s, actor=a, person_id=p, reason="核实身份"
    ),
    Permission.OPEN_MEDIATION: lambda s, a, _p: mediation.list_mediations(s, actor=a),
    Permission.PRINT_DOCUMENTS: lambda s, a, _p: documents.render_ledger_document(
        s, actor=a, date_from=date(2026, 11, 1), date_to=date(2026, 11, 30)
    ),
    Permission.MANAGE_USERS: lambda s, a, _p: users.reset_password(
        s, actor=a, username="target", new_password="new-password-1"
    ),
    Permission.VIEW_AUDIT: lambda s, a, _p: audit.list_audit(s, actor=a),
    Permission.MANAGE_SETTINGS: lambda s, a, _p: station_profile.update_station_profile(
        s,
        actor=a,
        station_name="测试社区网格驿站",
        committee_name="测试镇人民调解委员会",
        committee_short="测",
        phone="0591-87654321",
        idle_lock_minutes=5,
    ),
}


@pytest.mark.parametrize("permission", list(SERVICE_CALLS), ids=str)
def test_services_refuse_exactly_what_the_table_refuses(
    db: Database, resident: persons.PersonInfo, permission: Permission
) -> None:
    call = SERVICE_CALLS[permission]
    for role in Role:
        actor = actor_of(role)
        if allowed(role, permission):
            with db.transaction() as s:
                call(s, actor, resident.id)
        else:
            with pytest.raises(PermissionDenied), db.transaction() as s:
                call(s, actor, resident.id)
