"""Shared fixtures: every core test gets a fresh SQLite database copied from a template
that was migrated once per session (migrating per test would dominate the run time)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# The ID-number key (station/db/sealed.py) lives outside the data folder, by default in the
# user's home. Tests use one key per run in a temporary folder, so they never write into
# the home of whoever runs them; subprocesses (CLI, power-cut tests) inherit it.
os.environ.setdefault(
    "GRID_STATION_KEY_FILE", str(Path(tempfile.mkdtemp(prefix="gs-test-key-")) / "id-number.key")
)

from station.db.database import Database, database_path, open_database
from station.db.models import (
    Category,
    Community,
    Department,
    DisputeType,
    Grid,
    RosterAssignment,
    RosterPerson,
)
from station.domain.enums import Role
from station.services.events import Actor, forget_clocks
from station.settings import StationSettings, save_settings


def seed_reference(db: Database) -> None:
    """The smallest town that exercises every service."""
    with db.transaction() as s:
        save_settings(
            s,
            StationSettings(
                station_code="TS01",
                station_name="测试社区网格驿站",
                station_kind="community",
                town_name="测试镇",
                committee_name="测试镇人民调解委员会",
                committee_short="测",
                phone="0591-87654321",
            ),
        )
        s.add_all(
            [
                Community(id="C1", name="东街社区", kind="community", sort_order=1),
                Community(id="V1", name="溪口村", kind="village", sort_order=2),
                Department(id="D-CG", name="城管中队", short_name="城管", phone="0591-80000001"),
            ]
        )
        s.flush()
        s.add_all(
            [
                Grid(id="C1-01", community_id="C1", name="东街社区第01网格", households=80),
                Grid(id="C1-02", community_id="C1", name="东街社区第02网格", households=70),
                Grid(id="V1-01", community_id="V1", name="溪口村第01网格", households=60),
                Category(id="K1", name="矛盾纠纷", default_route="station", time_limit_days=5),
                Category(id="K2", name="环境卫生", default_route="center", time_limit_days=5),
                DisputeType(id="T1", name="邻里", sort_order=1),
                DisputeType(id="T2", name="婚姻家庭", sort_order=2),
                RosterPerson(id="R1", name="陈和顺", phone="13800000001", community_id="C1"),
                RosterPerson(id="R2", name="黄志坚", phone="13800000002", community_id="C1"),
            ]
        )
        s.flush()
        s.add_all(
            [
                Category(
                    id="K11",
                    parent_id="K1",
                    name="邻里纠纷",
                    default_route="station",
                    time_limit_days=3,
                ),
                Category(
                    id="K21",
                    parent_id="K2",
                    name="河道养殖",
                    default_route="center",
                    time_limit_days=10,
                    department_id="D-CG",
                ),
                RosterAssignment(person_id="R1", role="mediator"),
                RosterAssignment(person_id="R2", role="mediator"),
                RosterAssignment(person_id="R2", role="grid_worker", grid_id="C1-01"),
            ]
        )


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("template")
    db = open_database(folder)
    seed_reference(db)
    db.close()
    return database_path(folder)


@pytest.fixture
def db(template_db: Path, tmp_path: Path) -> Iterator[Database]:
    shutil.copy(template_db, database_path(tmp_path))
    forget_clocks()
    database = open_database(tmp_path)
    yield database
    database.close()


@pytest.fixture
def clerk() -> Actor:
    return Actor(username="jiedai", role=Role.RECEPTIONIST, station_code="TS01")


@pytest.fixture
def admin() -> Actor:
    return Actor(username="admin", role=Role.STATION_ADMIN, station_code="TS01")


@pytest.fixture
def dispatcher() -> Actor:
    return Actor(username="zhongxin", role=Role.DISPATCHER, station_code="CT01")


@pytest.fixture
def handler() -> Actor:
    return Actor(username="bumen", role=Role.DEPARTMENT_HANDLER, station_code="DP01")


@pytest.fixture
def mediator() -> Actor:
    return Actor(username="tiaojie", role=Role.MEDIATOR, station_code="TS01")

