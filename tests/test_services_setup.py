"""First-run setup: a new station, joining a town, the remembered data folder, the language."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from station.db.database import database_path, open_database
from station.db.models import AuditEntry
from station.domain.enums import Role, StationKind
from station.errors import FormInvalid, GridStationError, ValidationError
from station.services.setup import (
    POINTER_FILE,
    check_admin,
    check_folder,
    check_settings,
    chosen_data_dir,
    create_station,
    join_town,
    practise_with_demo,
    remember_data_dir,
    set_language,
)
from station.services.users import authenticate
from station.settings import StationSettings, load_settings

GOOD = StationSettings(
    station_code=" xx02 ",
    station_name="溪口村网格驿站",
    station_kind=StationKind.VILLAGE.value,
    town_name="霞溪镇",
    committee_name="霞溪镇溪口村人民调解委员会",
    committee_short="溪口",
    phone="+86 138 0013 8000",
)
ADMIN = {
    "admin_username": "admin",
    "admin_display_name": "林站长",
    "admin_password": "xikou2026",
}


def fields_of(exc: FormInvalid) -> set[str]:
    return {e.field for e in exc.errors if e.field}


# ------------------------------------------------------------------------------ checks


def test_settings_are_normalised() -> None:
    checked = check_settings(GOOD)
    assert checked.station_code == "XX02"
    assert checked.phone == "13800138000"
    assert checked.station_name == "溪口村网格驿站"


def test_every_settings_problem_is_reported_with_its_field() -> None:
    bad = StationSettings(station_code="x", station_kind="castle", phone="12345", language="fr")
    with pytest.raises(FormInvalid) as caught:
        check_settings(bad)
    assert fields_of(caught.value) == {
        "station_code",
        "station_name",
        "station_kind",
        "town_name",
        "committee_name",
        "committee_short",
        "phone",
        "language",
    }
    messages = caught.value.by_field()
    assert "大写字母或数字" in messages["station_code"]
    assert messages["station_name"] == "请填写驿站名称"


def test_departments_need_no_mediation_committee() -> None:
    department = replace(
        GOOD, station_kind=StationKind.DEPARTMENT.value, committee_name="", committee_short=""
    )
    assert check_settings(department).committee_short == ""


@pytest.mark.parametrize("short", ["霞溪 镇", "（霞）", "第一", "一二三四五六七"])
def test_committee_short_must_fit_the_case_number(short: str) -> None:
    with pytest.raises(FormInvalid) as caught:
        check_settings(replace(GOOD, committee_short=short))
    assert fields_of(caught.value) == {"committee_short"}


def test_admin_checks() -> None:
    check_admin(username="admin", display_name="", password="12345678", password_again="12345678")
    with pytest.raises(FormInvalid) as caught:
        check_admin(username="ad min", display_name="", password="short", password_again="x")
    assert fields_of(caught.value) == {"username", "password", "password_again"}
    with pytest.raises(FormInvalid) as caught:
        check_admin(username="", display_name="", password=" padded1 ")
    assert caught.value.by_field()["password"] == "密码的开头和结尾不能是空格"


def test_folder_checks(tmp_path: Path) -> None:
    assert check_folder(tmp_path / "新 文件夹") == tmp_path / "新 文件夹"
    assert (tmp_path / "新 文件夹").is_dir()
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    with pytest.raises(ValidationError, match="是一个文件"):
        check_folder(a_file)
    with pytest.raises(ValidationError, match="完整路径"):
        check_folder("relative/folder")


# ------------------------------------------------------------------------------ a new station


def test_create_station_writes_settings_admin_and_audit(tmp_path: Path) -> None:
    folder = tmp_path / "网格 驿站" / "数据"
    setup = create_station(folder, settings=GOOD, **ADMIN)
    assert setup.database == database_path(folder)
    assert setup.admin.role == Role.STATION_ADMIN.value
    assert setup.admin.display_name == "林站长"
    db = open_database(folder)
    try:
        with db.transaction() as session:
            settings = load_settings(session)
            actor = authenticate(session, username="admin", password="xikou2026")
            audit = session.scalar(select(AuditEntry).where(AuditEntry.action == "setup_station"))
        assert settings == setup.settings
        assert settings.station_code == "XX02" and settings.configured
        assert settings.language == "zh_CN"
        assert actor.station_code == "XX02"
        assert audit is not None and audit.username == "admin"
        assert json.loads(audit.detail)["how"] == "new"
    finally:
        db.close()


def test_invalid_answers_write_nothing(tmp_path: Path) -> None:
    with pytest.raises(FormInvalid) as caught:
        create_station(
            tmp_path,
            settings=replace(GOOD, station_code=""),
            admin_username="admin",
            admin_display_name="",
            admin_password="short",
        )
    assert fields_of(caught.value) == {"station_code"}  # settings are checked first
    assert not database_path(tmp_path).exists()


def test_an_existing_database_is_never_touched(tmp_path: Path) -> None:
    create_station(tmp_path, settings=GOOD, **ADMIN)
    before = database_path(tmp_path).read_bytes()
    with pytest.raises(ValidationError) as caught:
        create_station(tmp_path, settings=replace(GOOD, station_code="YY01"), **ADMIN)
    assert caught.value.code == "station_exists"
    assert database_path(tmp_path).read_bytes() == before


def test_a_failure_after_creating_the_file_removes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import station.services.setup as setup_module

    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError("磁盘已满")

    monkeypatch.setattr(setup_module, "_create_admin", broken)
    with pytest.raises(OSError):
        create_station(tmp_path, settings=GOOD, **ADMIN)
    assert sorted(p.name for p in tmp_path.iterdir()) == []
    monkeypatch.undo()
    assert create_station(tmp_path, settings=GOOD, **ADMIN).admin.username == "admin"


# ------------------------------------------------------------------------------ joining a town


@pytest.fixture
def town_server(tmp_path: Path) -> Iterator[tuple[str, str]]:
    """The real town server on a loopback port with one station registered: (url, code)."""
    import uvicorn

    from station.server.app import ServerSettings, create_app
    from station.server.crud import add_station
    from station.server.db import open_server_database
    from station.sync.protocol import StationCreate

    url = f"sqlite:///{tmp_path / 'town-server.sqlite3'}"
    server_db = open_server_database(url)
    with server_db.transaction() as session:
        _station, code = add_station(
            session,
            data=StationCreate(code="XK01", name="溪口镇网格中心", kind="center"),
            now=datetime.now(),
        )
    app = create_app(url, settings=ServerSettings(rate_per_second=0), database=server_db)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        assert thread.is_alive()
        time.sleep(0.01)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}", code
    server.should_exit = True
    thread.join(timeout=10)
    server_db.close()


def test_join_town_enrolls_and_adds_the_admin(tmp_path: Path, town_server: tuple[str, str]) -> None:
    url, code = town_server
    folder = tmp_path / "数据"
    setup = join_town(folder, server_url=url + "/", code=code, language="en", **ADMIN)
    assert setup.settings.station_code == "XK01"
    assert setup.settings.station_kind == "center"
    assert setup.settings.server_url == url
    assert setup.settings.language == "en"
    db = open_database(folder)
    try:
        with db.transaction() as session:
            assert authenticate(session, username="admin", password="xikou2026").station_code == (
                "XK01"
            )
    finally:
        db.close()


def test_a_refused_code_leaves_no_database(tmp_path: Path, town_server: tuple[str, str]) -> None:
    url, _code = town_server
    with pytest.raises(GridStationError) as caught:
        join_town(tmp_path / "站点", server_url=url, code="WRONG", **ADMIN)
    assert caught.value.message  # in words, from the sync client
    assert list((tmp_path / "站点").iterdir()) == []


def test_join_checks_its_answers_first(tmp_path: Path) -> None:
    with pytest.raises(FormInvalid) as caught:
        join_town(
            tmp_path,
            server_url="town.example",
            code=" ",
            admin_username="",
            admin_display_name="",
            admin_password="1",
        )
    assert fields_of(caught.value) == {"server_url", "code", "username", "password"}


# ------------------------------------------------------------------------------ preferences


def test_the_chosen_data_folder_is_remembered(tmp_path: Path) -> None:
    default, chosen = tmp_path / "默认", tmp_path / "D盘" / "网格驿站 数据"
    assert chosen_data_dir(default) == default
    remember_data_dir(default, chosen)
    assert chosen_data_dir(default) == chosen
    remember_data_dir(default, default)
    assert not (default / POINTER_FILE).exists()
    assert chosen_data_dir(default) == default


def test_set_language(tmp_path: Path) -> None:
    create_station(tmp_path, settings=GOOD, **ADMIN)
    db = open_database(tmp_path)
    try:
        with db.transaction() as session:
            assert set_language(session, language="en").language == "en"
        with db.read() as session:
            assert load_settings(session).language == "en"
        with pytest.raises(ValidationError), db.transaction() as session:
            set_language(session, language="fr")
    finally:
        db.close()


def test_practise_with_the_demo_town(tmp_path: Path) -> None:
    summary = practise_with_demo(
        tmp_path, backup_dir=str(tmp_path / "备份"), cases=20, mediations=5
    )
    assert summary.cases == 20 and "admin" in summary.users
    db = open_database(tmp_path)
    try:
        with db.transaction() as session:
            assert load_settings(session).backup_dir == str(tmp_path / "备份")
            authenticate(session, username="admin", password=summary.password)
    finally:
        db.close()
    with pytest.raises(ValidationError, match="已经有驿站数据库"):
        practise_with_demo(tmp_path)
