"""A desk (the main window on a station database) against a live town server, for the
sync UI tests: open one, register its station, count what is pending and what the server
holds. The fixtures ``town_server`` and ``desks`` are in ``tests/ui/conftest.py``."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).parents[1] / "sync"))
from sync_support import LiveServer

from station.db.database import Database
from station.domain.enums import Role
from station.server.models import Event as ServerEvent
from station.services.events import Actor
from station.settings import load_settings
from station.sync.schedule import ScheduleConfig
from station.sync.state import load_sync_state
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.task_runner import TaskRunner

QUICK = ScheduleConfig(interval=300, debounce=0.2, debounce_max=1, backoff_base=30)


def register(server: LiveServer, code: str = "TS01") -> str:
    kinds = {"TS01": "community", "CT01": "center"}
    grids = ("C1-01", "C1-02", "V1-01") if code == "TS01" else ()
    return server.add_station(code, kind=kinds[code], grids=grids)


@dataclass
class Desk:
    context: AppContext
    window: MainWindow

    @property
    def controller(self):  # type: ignore[no-untyped-def]
        return self.window.sync_ui.controller

    @property
    def status_text(self) -> str:
        return self.window.sync_ui.status.label.text()


def open_desk(qtbot, db: Database, *, start: bool = True) -> Desk:  # type: ignore[no-untyped-def]
    with db.read() as s:
        settings = load_settings(s)
    actor = Actor(
        username="admin", role=Role.STATION_ADMIN, station_code="TS01", display_name="王管理"
    )
    context = AppContext(
        database=db, runner=TaskRunner(database=db), actor=actor, settings=settings
    )
    window = MainWindow(context=context)
    qtbot.addWidget(window)
    window.sync_ui.controller.schedule.config = QUICK
    if start:
        window.show()
        window.start()
    return Desk(context, window)


def server_events(server: LiveServer) -> int:
    with server.db.sessions() as s:
        return int(s.scalar(select(func.count()).select_from(ServerEvent)) or 0)


def local_pending(db: Database) -> int:
    with db.read() as s:
        return load_sync_state(s).pending
