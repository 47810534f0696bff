"""UI tests: offscreen Qt, one shared QApplication (pytest-qt's ``qapp``) set up like the app,
modal boxes recorded instead of shown, and station databases with cases in them.
"""

from __future__ import annotations

import os

# Before anything creates the QApplication: no display needed.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from station.db.database import Database, database_path, open_database
from station.domain.enums import Role
from station.services import cases, persons
from station.services.events import forget_clocks
from station.services.users import authenticate, create_user, system_actor
from station.settings import load_settings
from station.sync.reference import export_reference
from ui.app import setup_application
from ui.context import AppContext
from ui.i18n import compile_translations
from ui.task_runner import TaskRunner

sys.path.insert(0, str(Path(__file__).parents[1] / "sync"))
from sync_desk_support import Desk
from sync_support import LiveServer, running_server

PASSWORD = "jiedai2026"


@dataclass(frozen=True)
class TownFile:
    """A database file built once per session; tests work on copies of it."""

    path: Path
    username: str
    password: str
    cases: int


@pytest.fixture(scope="session", autouse=True)
def ui_app(qapp: QApplication) -> QApplication:
    """The shared QApplication with our fonts, zh_CN translation and style sheet."""
    compile_translations()
    setup_application(qapp)
    return qapp


@dataclass
class ShownBox:
    icon: QMessageBox.Icon
    text: str
    informative: str
    details: str


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[ShownBox]:
    """Every QMessageBox that would have been shown modally, recorded instead."""
    shown: list[ShownBox] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(ShownBox(box.icon(), box.text(), box.informativeText(), box.detailedText()))
        return int(QMessageBox.StandardButton.Ok.value)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    for name in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(
            QMessageBox,
            name,
            staticmethod(lambda *args, **kwargs: QMessageBox.StandardButton.Ok),
        )
    return shown


# --------------------------------------------------------------------------- data

SMALL_TOWN_CASES = [
    # (summary, requester, category, grid, status)
    ("邻居在楼道堆放杂物，影响通行", "林玲玲", "K11", "C1-01"),
    ("溪口村河道养殖鸭子，水质发臭", "陈大明", "K21", "V1-01"),
    ("楼上漏水渗到我家卫生间", "黄秀英", "K11", "C1-02"),
    ("东街路口夜间路灯不亮", "林玲玲", "K2", "C1-01"),
    ("河道养殖的网箱挡住排水口", "王建国", "K21", "V1-01"),
    ("咨询城乡居民医保缴费时间", "张桂芳", None, "C1-02"),
    ("邻居装修噪音扰民到深夜", "陈大明", "K11", "C1-01"),
]


def build_small_town(folder: Path, template_db: Path) -> TownFile:
    """A few cases created through the services, on the shared reference template."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(template_db, database_path(folder))
    forget_clocks()
    db = open_database(folder)
    try:
        with db.transaction() as s:
            create_user(
                s,
                username="jiedai",
                display_name="林接待",
                role=Role.RECEPTIONIST.value,
                password=PASSWORD,
            )
            actor = system_actor(s)
            people: dict[str, str] = {}
            start = datetime(2026, 11, 1, 9, 0)
            for n, (summary, name, category, grid) in enumerate(SMALL_TOWN_CASES):
                if name not in people:
                    people[name] = persons.create_person(s, actor=actor, name=name, grid_id=grid).id
                cases.create_case(
                    s,
                    actor=actor,
                    summary=summary,
                    received_at=start + timedelta(hours=n),
                    requester_id=people[name],
                    category_id=category,
                    grid_id=grid,
                )
    finally:
        db.close()
    return TownFile(database_path(folder), "jiedai", PASSWORD, len(SMALL_TOWN_CASES))


def build_demo_file(folder: Path) -> TownFile | None:
    """The real demo town (200 cases), or None while ``station.demo.town`` does not exist."""
    try:
        from station.demo.town import build_demo_town
    except ImportError:
        return None
    summary = build_demo_town(folder, cases=200, mediations=20)
    return TownFile(database_path(folder), summary.users[0], summary.password, summary.cases)


@pytest.fixture(scope="session")
def small_town_file(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> TownFile:
    return build_small_town(tmp_path_factory.mktemp("small_town"), template_db)


@pytest.fixture(scope="session")
def demo_town_file(tmp_path_factory: pytest.TempPathFactory, small_town_file: TownFile) -> TownFile:
    return build_demo_file(tmp_path_factory.mktemp("demo_town")) or small_town_file


def _open_copy(town: TownFile, folder: Path) -> Database:
    shutil.copy(town.path, database_path(folder))
    forget_clocks()
    return open_database(folder)


@pytest.fixture
def small_db(small_town_file: TownFile, tmp_path: Path) -> Iterator[Database]:
    db = _open_copy(small_town_file, tmp_path)
    yield db
    db.close()


@pytest.fixture
def demo_db(demo_town_file: TownFile, tmp_path: Path) -> Iterator[Database]:
    db = _open_copy(demo_town_file, tmp_path)
    yield db
    db.close()


@pytest.fixture
def runner(small_db: Database) -> Iterator[TaskRunner]:
    task_runner = TaskRunner(database=small_db)
    yield task_runner
    assert task_runner.shutdown()


@pytest.fixture
def demo_context(demo_db: Database, demo_town_file: TownFile) -> Iterator[AppContext]:
    """What the main window gets after a successful login on the demo town."""
    task_runner = TaskRunner(database=demo_db)
    with demo_db.transaction() as session:
        actor = authenticate(
            session, username=demo_town_file.username, password=demo_town_file.password
        )
        settings = load_settings(session)
    yield AppContext(database=demo_db, runner=task_runner, actor=actor, settings=settings)
    assert task_runner.shutdown()


# --------------------------------------------------------------------------- sync desks
# (helpers in sync_desk_support.py)


@pytest.fixture
def town_server(tmp_path: Path, small_db: Database) -> Iterator[LiveServer]:
    """A live town server holding the reference data of ``small_db``'s town."""
    with small_db.read() as s:
        records = export_reference(s)
    with running_server(f"sqlite:///{tmp_path / 'town.sqlite3'}", records) as live:
        yield live


@pytest.fixture
def desks(qtbot) -> Iterator[list[Desk]]:  # type: ignore[no-untyped-def]
    """Desks a test opens (append them): closed and shut down after it."""
    opened: list[Desk] = []
    yield opened
    for desk in opened:
        desk.window.close()
        desk.controller.shutdown(timeout=5)
        assert desk.context.runner.shutdown()
