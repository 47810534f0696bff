"""What every window needs after login: the database, the task runner, who is working, where."""

from __future__ import annotations

from dataclasses import dataclass

from station.db.database import Database
from station.services.events import Actor
from station.settings import StationSettings
from ui.task_runner import TaskRunner


@dataclass(frozen=True)
class AppContext:
    database: Database
    runner: TaskRunner
    actor: Actor
    settings: StationSettings
