"""``grid-station reset-password``: the way back in for a locked-out or forgetful admin."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from station.cli import main
from station.db.database import Database, open_database
from station.db.models import AuditEntry
from station.services import users


@pytest.fixture
def folder(db: Database) -> Path:
    with db.transaction() as s:
        users.create_user(
            s, username="boss", display_name="站长", role="station_admin", password="boss-pass-1"
        )
    for _ in range(users.FREE_ATTEMPTS):  # locked out
        with pytest.raises(users.LoginFailed), db.transaction() as s:
            users.authenticate(s, username="boss", password="forgotten")
    db.close()
    return db.path.parent


def test_reset_password_from_the_command_line(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["users", "--data-dir", str(folder), "--json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed["username"] == "boss" and listed["locked_until"] is not None

    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["reset-password", "boss", "--password-stdin", "--data-dir", str(folder)]) == 1
    assert "密码至少8位" in capsys.readouterr().err

    monkeypatch.setattr("sys.stdin", io.StringIO("back-in-2026\n"))
    code = main(["reset-password", "boss", "--password-stdin", "--data-dir", str(folder)])
    assert code == 0 and "已重置 boss 的密码" in capsys.readouterr().out
    db = open_database(folder)
    try:
        with db.transaction() as s:
            assert users.authenticate(s, username="boss", password="back-in-2026")
        with db.read() as s:
            assert users.get_user(s, username="boss").must_change_password
            (entry,) = s.query(AuditEntry).filter_by(action="password_reset").all()
        assert entry.username.startswith("cli:") and entry.target_id == "boss"
    finally:
        db.close()
