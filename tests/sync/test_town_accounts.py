"""Town accounts: created on the server by the town center's admin, they reach every station
with the reference data, and a mediator logs in at any station — offline, checked locally."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from sqlalchemy import select
from sync_support import LiveServer

from station.cli import main
from station.db.models import UserAccount
from station.domain.enums import Role
from station.errors import ValidationError
from station.server.models import ReferenceItem
from station.server.reference import put_reference
from station.services import users

PASSWORD = "town-pass-2026"


def admin(
    server: LiveServer, tmp_path: Path, monkeypatch, capsys, *argv: str, stdin: str = ""
) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    """Run a ``grid-station server …`` admin command against the live server's database."""
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    capsys.readouterr()
    code = main(
        ["server", *argv, "--db", server.database_url, "--data-dir", str(tmp_path / "admin")]
    )
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def roster_id(town_reference) -> str:  # type: ignore[no-untyped-def]
    return next(r.id for r in town_reference if r.kind == "roster_person")


def login(station, username: str, password: str):  # type: ignore[no-untyped-def]
    with station.db.transaction() as s:
        return users.authenticate(s, username=username, password=password)


def test_mediator_added_at_the_center_logs_in_at_a_station_offline(
    server: LiveServer, make_station, town_reference, tmp_path, monkeypatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    person = roster_id(town_reference)
    code, out = admin(
        server, tmp_path, monkeypatch, capsys,
        "add-user", "huangmr", "--role", "mediator", "--name", "黄明仁",
        "--roster-id", person, "--password-stdin", stdin=f"{PASSWORD}\n",
    )  # fmt: skip
    assert code == 0, out
    assert "huangmr" in out
    with server.db.sessions() as s:  # only the hash is kept, never the password
        stored = s.scalars(select(ReferenceItem.data)).all()
    assert not any(PASSWORD in data for data in stored)
    assert any('"password_hash":"$argon2id$' in data for data in stored)

    station = make_station("TS01")
    station.sync()
    server.stop()  # the station is offline from here on

    actor = login(station, "huangmr", PASSWORD)
    assert actor.role is Role.MEDIATOR
    assert actor.display_name == "黄明仁"
    assert actor.station_code == "TS01"
    with station.db.read() as s:
        account = s.scalar(select(UserAccount).where(UserAccount.username == "huangmr"))
        assert account is not None
        assert (account.origin, account.roster_person_id) == ("town", person)
        assert users.get_user(s, username="huangmr").origin == "town"
    with pytest.raises(users.LoginFailed):
        login(station, "huangmr", "wrong-password-1")
    # Lockout state is local: the failure counted here.
    with station.db.read() as s:
        assert users.get_user(s, username="huangmr").failed_logins == 1
    # Its password is managed at the town center, not here.
    with pytest.raises(ValidationError) as refused, station.db.transaction() as s:
        users.change_password(s, actor=actor, old_password=PASSWORD, new_password="another-pass-99")
    assert refused.value.code == "town_account"
    assert "镇网格中心" in refused.value.message
    assert login(station, "huangmr", PASSWORD).username == "huangmr"


def test_disabled_on_the_server_the_login_is_refused_after_the_next_sync(
    server: LiveServer, make_station, tmp_path, monkeypatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    code, out = admin(
        server, tmp_path, monkeypatch, capsys,
        "add-user", "liwei", "--role", "mediator", "--name", "李伟", "--password-stdin",
        stdin=f"{PASSWORD}\n",
    )  # fmt: skip
    assert code == 0, out
    station = make_station("VS01")
    station.sync()
    assert login(station, "liwei", PASSWORD).role is Role.MEDIATOR

    code, out = admin(server, tmp_path, monkeypatch, capsys, "disable-user", "liwei")
    assert code == 0, out
    code, out = admin(server, tmp_path, monkeypatch, capsys, "list-users", "--json")
    assert json.loads(out)[0]["active"] is False
    assert login(station, "liwei", PASSWORD).username == "liwei"  # not synced yet
    assert station.sync().reference == 1
    with pytest.raises(users.LoginFailed) as refused:
        login(station, "liwei", PASSWORD)
    assert refused.value.code == "account_disabled"
    assert "镇网格中心" in refused.value.message

    code, out = admin(server, tmp_path, monkeypatch, capsys, "enable-user", "liwei")
    assert code == 0, out
    station.sync()
    assert login(station, "liwei", PASSWORD).username == "liwei"


def test_a_local_account_with_the_same_name_is_not_overwritten(
    server: LiveServer, make_station, tmp_path, monkeypatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    station = make_station("TS01")
    with station.db.transaction() as s:
        users.create_user(
            s, username="wangfang", display_name="王芳（本站）", role="receptionist",
            password="local-pass-77",
        )  # fmt: skip
    code, out = admin(
        server, tmp_path, monkeypatch, capsys,
        "add-user", "wangfang", "--role", "mediator", "--name", "王芳", "--password-stdin",
        stdin=f"{PASSWORD}\n",
    )  # fmt: skip
    assert code == 0, out
    station.sync()
    with station.db.read() as s:
        info = users.get_user(s, username="wangfang")
    assert (info.origin, info.role, info.display_name) == ("local", "receptionist", "王芳（本站）")
    assert login(station, "wangfang", "local-pass-77").role is Role.RECEPTIONIST
    with pytest.raises(users.LoginFailed):
        login(station, "wangfang", PASSWORD)


def test_admin_commands_check_what_they_are_given(
    server: LiveServer, town_reference, tmp_path, monkeypatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    def add(*argv: str, password: str = PASSWORD) -> tuple[int, str]:
        return admin(
            server, tmp_path, monkeypatch, capsys, "add-user", *argv, "--password-stdin",
            stdin=f"{password}\n",
        )  # fmt: skip

    assert add("zhao", "--role", "boss")[0] == 1
    code, out = add("zhao", "--role", "mediator", password="short")
    assert code == 1 and "密码至少" in out
    code, out = add("zhao", "--role", "mediator", "--roster-id", "NOBODY")
    assert code == 1 and "名册" in out
    assert add("zhao", "--role", "mediator")[0] == 0
    code, out = add("zhao", "--role", "mediator")
    assert code == 1 and "已存在" in out
    assert admin(server, tmp_path, monkeypatch, capsys, "disable-user", "nobody")[0] == 1

    # Importing reference data from a station with --replace leaves town accounts alone.
    with server.db.transaction() as s:
        put_reference(s, records=town_reference, replace_all=True)
    code, out = admin(server, tmp_path, monkeypatch, capsys, "list-users", "--json")
    assert [a["username"] for a in json.loads(out)] == ["zhao"]


def test_add_user_asks_for_the_password_twice(
    server: LiveServer, tmp_path, monkeypatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    answers = iter(["first-pass-123", "other-pass-456"])
    monkeypatch.setattr("getpass.getpass", lambda _prompt="": next(answers))
    code, out = admin(server, tmp_path, monkeypatch, capsys, "add-user", "sun", "--role", "viewer")
    assert code == 1 and "不一致" in out
    answers = iter(["same-pass-789", "same-pass-789"])
    code, out = admin(server, tmp_path, monkeypatch, capsys, "add-user", "sun", "--role", "viewer")
    assert code == 0, out
    code, out = admin(server, tmp_path, monkeypatch, capsys, "list-users", "--json")
    assert [(a["username"], a["role"]) for a in json.loads(out)] == [("sun", "viewer")]
