"""The sync settings a station admin edits: checked at the boundary, refused to others; and
the conflicts service's permissions."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from station.db.database import Database, database_path, open_database
from station.domain.enums import Role
from station.errors import PermissionDenied, ValidationError
from station.services import conflicts
from station.services.events import Actor
from station.settings import load_settings
from station.sync import setup


@pytest.fixture
def db(template_db: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    shutil.copy(template_db, database_path(tmp_path))
    opened = open_database(tmp_path, migrate=False)
    yield opened
    opened.close()


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("", "请填写"),
        ("town.example:8700", "https://"),
        ("ftp://town.example", "https://"),
        ("https://", "不完整"),
        ("https://town.example:99999", "不完整"),
        ("https://town example", "空格"),
        ("https://town.example/?x=1", "?"),
    ],
)
def test_bad_server_addresses_say_what_is_wrong(url: str, words: str) -> None:
    with pytest.raises(ValidationError) as caught:
        setup.check_server_url(url)
    assert caught.value.field == "server_url"
    assert words in caught.value.message


def test_good_server_address_is_normalised() -> None:
    assert setup.check_server_url(" https://town.example:8700/ ") == "https://town.example:8700"
    assert setup.check_server_url("http://127.0.0.1:8700") == "http://127.0.0.1:8700"


def test_ca_file_must_be_a_certificate(tmp_path: Path) -> None:
    assert setup.check_ca_file("") == ""
    with pytest.raises(ValidationError, match="找不到"):
        setup.check_ca_file(str(tmp_path / "missing.pem"))
    junk = tmp_path / "junk.pem"
    junk.write_text("not a certificate")
    with pytest.raises(ValidationError, match="不是有效的证书") as caught:
        setup.check_ca_file(str(junk))
    assert caught.value.field == "ca_file"


def test_admin_saves_interval_others_may_not(db: Database) -> None:
    admin = Actor(username="admin", role=Role.STATION_ADMIN, station_code="TS01")
    clerk = Actor(username="jiedai", role=Role.RECEPTIONIST, station_code="TS01")
    with db.transaction() as s:
        saved = setup.save_sync_settings(
            s, actor=admin, server_url="", interval_minutes=30, ca_file=""
        )
    assert saved.interval_minutes == 30 and not saved.enrolled
    with db.read() as s:
        assert load_settings(s).sync_interval_minutes == 30
    with db.transaction() as s, pytest.raises(ValidationError) as caught:
        setup.save_sync_settings(s, actor=admin, server_url="", interval_minutes=0, ca_file="")
    assert caught.value.field == "interval_minutes"
    with db.transaction() as s, pytest.raises(PermissionDenied):
        setup.save_sync_settings(s, actor=clerk, server_url="", interval_minutes=10, ca_file="")


def test_enrolling_checks_the_form_before_any_network(db: Database) -> None:
    admin = Actor(username="admin", role=Role.STATION_ADMIN, station_code="TS01")
    viewer = Actor(username="kan", role=Role.VIEWER, station_code="TS01")
    with pytest.raises(ValidationError) as caught:
        setup.enroll_station(db, actor=admin, server_url="https://127.0.0.1:9", code="")
    assert caught.value.field == "code"
    with pytest.raises(PermissionDenied):
        setup.enroll_station(db, actor=viewer, server_url="https://127.0.0.1:9", code="ABCD-1234")


def test_viewer_may_not_resolve_conflicts(db: Database) -> None:
    viewer = Actor(username="kan", role=Role.VIEWER, station_code="TS01")
    with db.transaction() as s, pytest.raises(PermissionDenied):
        conflicts.resolve_conflict(s, actor=viewer, conflict_id="x:location", keep="kept")
    with db.read() as s:
        assert conflicts.list_conflicts(s, actor=viewer) == []
        assert conflicts.count_conflicts(s) == 0
