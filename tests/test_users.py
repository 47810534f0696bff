"""Accounts: lockout with a growing delay that survives a restart, password change, admin
reset, role and active changes with their guards, and the append-only, filterable audit."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from support import NOW

from station.db.database import Database, open_database
from station.db.models import AuditEntry
from station.errors import PermissionDenied, ValidationError
from station.services import audit, users
from station.services.events import Actor

PASSWORD = "correct-horse"


@pytest.fixture
def accounts(db: Database) -> Database:
    with db.transaction() as s:
        users.create_user(
            s, username="boss", display_name="站长", role="station_admin", password="boss-pass-1"
        )
        users.create_user(
            s, username="jiedai", display_name="林接待", role="receptionist", password=PASSWORD
        )
    return db


def login(db: Database, password: str, *, now=NOW, username: str = "jiedai", purpose="login"):  # type: ignore[no-untyped-def]
    with db.transaction() as s:
        return users.authenticate(s, username=username, password=password, now=now, purpose=purpose)


def actions(db: Database) -> list[str]:
    with db.read() as s:
        return [a.action for a in s.query(AuditEntry).order_by(AuditEntry.id)]


def test_delay_grows_with_each_failure_and_is_capped() -> None:
    delays = [users.lockout_delay(n) for n in range(12)]
    assert delays[: users.FREE_ATTEMPTS] == [timedelta(0)] * users.FREE_ATTEMPTS
    waits = delays[users.FREE_ATTEMPTS :]
    assert waits[0] == users.FIRST_DELAY
    assert all(b == min(a * 2, users.MAX_DELAY) for a, b in pairwise(waits))
    assert max(waits) == users.MAX_DELAY


def test_lockout_survives_a_restart_and_refuses_even_the_right_password(
    accounts: Database, tmp_path: Path
) -> None:
    for n in range(users.FREE_ATTEMPTS - 1):
        with pytest.raises(users.LoginFailed) as info:
            login(accounts, "wrong", now=NOW + timedelta(seconds=n))
        assert not isinstance(info.value, users.AccountLocked)
    with pytest.raises(users.AccountLocked) as locked:
        login(accounts, "wrong", now=NOW)
    assert locked.value.until == NOW + users.FIRST_DELAY
    assert "30秒" in locked.value.message

    accounts.close()  # the app closes and starts again
    reopened = open_database(tmp_path)
    try:
        with pytest.raises(users.AccountLocked):
            login(reopened, PASSWORD, now=NOW + timedelta(seconds=10))
        # After the wait the right password works and the count starts again.
        actor = login(reopened, PASSWORD, now=NOW + users.FIRST_DELAY)
        assert actor.username == "jiedai"
        with reopened.read() as s:
            info = users.get_user(s, username="jiedai")
        assert (info.failed_logins, info.locked_until) == (0, None)
        assert info.last_login_at == NOW + users.FIRST_DELAY
        assert actions(reopened)[-3:] == ["login_failed", "login_locked", "login"]
    finally:
        reopened.close()


def test_next_failure_after_a_wait_doubles_it(accounts: Database) -> None:
    for _ in range(users.FREE_ATTEMPTS):
        with pytest.raises(users.LoginFailed):
            login(accounts, "wrong")
    later = NOW + users.FIRST_DELAY
    with pytest.raises(users.AccountLocked) as info:
        login(accounts, "wrong", now=later)
    assert info.value.until == later + 2 * users.FIRST_DELAY


def test_unknown_user_fails_like_a_wrong_password(accounts: Database) -> None:
    with pytest.raises(users.LoginFailed) as info:
        login(accounts, PASSWORD, username="nobody")
    assert info.value.message == "登录名或密码不正确，请重新输入"
    assert actions(accounts) == ["login_failed"]


def test_unlock_after_idle_is_audited_apart_from_logins(accounts: Database) -> None:
    with pytest.raises(users.LoginFailed):
        login(accounts, "wrong", purpose="unlock")
    login(accounts, PASSWORD, purpose="unlock")
    assert actions(accounts) == ["unlock_failed", "unlock"]


def test_change_password(accounts: Database) -> None:
    me = login(accounts, PASSWORD)
    with pytest.raises(ValidationError) as info, accounts.transaction() as s:
        users.change_password(s, actor=me, old_password="nope", new_password="new-secret-1")
    assert info.value.field == "old_password"
    with pytest.raises(ValidationError) as info, accounts.transaction() as s:
        users.change_password(s, actor=me, old_password=PASSWORD, new_password="short")
    assert info.value.field == "new_password"
    with accounts.transaction() as s:
        users.change_password(s, actor=me, old_password=PASSWORD, new_password="new-secret-1")
    with pytest.raises(users.LoginFailed):
        login(accounts, PASSWORD)
    assert login(accounts, "new-secret-1").username == "jiedai"
    assert "password_changed" in actions(accounts)


def test_admin_reset_lifts_the_lock_and_forces_a_change(accounts: Database) -> None:
    boss = login(accounts, "boss-pass-1", username="boss")
    clerk = Actor(username="jiedai", role=users.Role.RECEPTIONIST, station_code="TS01")
    for _ in range(users.FREE_ATTEMPTS):
        with pytest.raises(users.LoginFailed):
            login(accounts, "wrong")
    with pytest.raises(PermissionDenied), accounts.transaction() as s:
        users.reset_password(s, actor=clerk, username="boss", new_password="taken-over-1")
    with accounts.transaction() as s:
        info = users.reset_password(s, actor=boss, username="jiedai", new_password="temporary-1")
    assert info.must_change_password and info.locked_until is None
    login(accounts, "temporary-1")
    with accounts.transaction() as s:
        users.change_password(s, actor=clerk, old_password="temporary-1", new_password="mine-now-1")
    with accounts.read() as s:
        assert not users.get_user(s, username="jiedai").must_change_password
    with accounts.read() as s:
        (entry,) = s.query(AuditEntry).filter_by(action="password_reset").all()
    assert (entry.username, entry.target_id) == ("boss", "jiedai")


def test_roles_and_disabling_keep_one_admin(accounts: Database) -> None:
    boss = login(accounts, "boss-pass-1", username="boss")
    with pytest.raises(ValidationError) as info, accounts.transaction() as s:
        users.set_role(s, actor=boss, username="boss", role="viewer")
    assert info.value.code == "last_admin"
    with pytest.raises(ValidationError) as info, accounts.transaction() as s:
        users.set_active(s, actor=boss, username="boss", active=False)
    assert info.value.code == "self_disable"
    with accounts.transaction() as s:
        users.set_role(s, actor=boss, username="jiedai", role="mediator")
        users.set_active(s, actor=boss, username="jiedai", active=False)
    with pytest.raises(users.LoginFailed) as disabled:
        login(accounts, PASSWORD)
    assert disabled.value.code == "account_disabled"
    with accounts.transaction() as s:
        users.set_active(s, actor=boss, username="jiedai", active=True)
    assert login(accounts, PASSWORD).role == users.Role.MEDIATOR
    with accounts.read() as s:
        (changed,) = s.query(AuditEntry).filter_by(action="role_changed").all()
    assert "接待员" in changed.detail and "调解员" in changed.detail


def test_admin_adds_a_user_who_must_change_the_first_password(accounts: Database) -> None:
    boss = login(accounts, "boss-pass-1", username="boss")
    with pytest.raises(ValidationError) as info, accounts.transaction() as s:
        users.add_user(
            s,
            actor=boss,
            username="wangwu",
            display_name="王五",
            role="grid_worker",
            password="wangwu",
        )
    assert info.value.field == "password"
    with accounts.transaction() as s:
        made = users.add_user(
            s,
            actor=boss,
            username="wangwu",
            display_name="王五",
            role="grid_worker",
            password="first-pass-1",
        )
    assert made.must_change_password and made.role_label == "网格员"
    with accounts.read() as s:
        assert [u.username for u in users.list_users(s, actor=boss)] == ["boss", "jiedai", "wangwu"]


# --------------------------------------------------------------------------- audit log


def test_audit_log_refuses_update_and_delete(accounts: Database) -> None:
    login(accounts, PASSWORD)
    for statement in ("UPDATE audit_entry SET username = 'x'", "DELETE FROM audit_entry"):
        with pytest.raises(IntegrityError, match="append-only"), accounts.transaction() as s:
            s.execute(text(statement))
    assert actions(accounts) == ["login"]


def test_audit_viewer_filters(accounts: Database) -> None:
    boss = login(accounts, "boss-pass-1", username="boss", now=NOW)
    with pytest.raises(users.LoginFailed):
        login(accounts, "wrong", now=NOW + timedelta(days=1))
    login(accounts, PASSWORD, now=NOW + timedelta(days=2))
    with accounts.read() as s:
        everything = audit.list_audit(s, actor=boss)
        failures = audit.list_audit(s, actor=boss, flt=audit.AuditFilter(action="login_failed"))
        clerk = audit.list_audit(s, actor=boss, flt=audit.AuditFilter(username="jiedai"))
        one_day = audit.list_audit(
            s,
            actor=boss,
            flt=audit.AuditFilter(date_from=date(2026, 11, 21), date_to=date(2026, 11, 21)),
        )
        with pytest.raises(ValidationError):
            audit.list_audit(
                s,
                actor=boss,
                flt=audit.AuditFilter(date_from=date(2026, 12, 1), date_to=NOW.date()),
            )
    assert [r.action for r in everything.rows] == ["login", "login_failed", "login"]
    assert everything.total == 3
    assert ("login_failed", "登录失败") in everything.actions
    assert everything.usernames == ["boss", "jiedai"]
    assert [r.action_label for r in failures.rows] == ["登录失败"]
    assert {r.username for r in clerk.rows} == {"jiedai"} and clerk.total == 2
    assert [r.at.date() for r in one_day.rows] == [date(2026, 11, 21)]


def test_audit_viewer_names_the_resident_whose_number_was_shown(
    accounts: Database, admin: Actor, clerk: Actor
) -> None:
    from station.services import persons

    with accounts.transaction() as s:
        lin = persons.create_person(s, actor=clerk, name="林玲玲", id_number="11010519491231002X")
        persons.reveal_id_number(s, actor=clerk, person_id=lin.id, reason="核实身份")
    with accounts.read() as s:
        page = audit.list_audit(s, actor=admin, flt=audit.AuditFilter(action="reveal_id_number"))
    (row,) = page.rows
    assert (row.username, row.target, row.action_label) == (
        "jiedai",
        "居民 林玲玲",
        "查看完整身份证号",
    )
    assert "11010519491231002X" not in row.detail and row.detail == "核实身份"
