"""What every window needs after login: the database, the task runner, who is working, where,
and the app-wide change signal."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from station.db.database import Database
from station.services.changes import Changed
from station.services.events import Actor
from station.settings import StationSettings
from ui.change_bus import ChangeBus
from ui.task_runner import DbSession, Task, TaskRunner

T = TypeVar("T")


@dataclass(frozen=True)
class AppContext:
    database: Database
    runner: TaskRunner
    actor: Actor
    settings: StationSettings
    bus: ChangeBus = field(default_factory=ChangeBus)

    @property
    def data_dir(self) -> Path:
        """The station's data folder (the database's folder): drafts, attachments."""
        return Path(self.database.path).parent

    def mutate(
        self,
        op: Callable[[DbSession], Changed[T]],
        *,
        parent: QObject | None,
        success: Callable[[T], None] | None = None,
        failure: Callable[[BaseException], None] | None = None,
        label: str = "",
    ) -> Task[Any]:
        """Run a mutating service in one transaction on the worker; then tell every view.

        ``op`` returns a :class:`Changed`; once committed its changes go out on
        :attr:`bus` (views refresh) even if ``parent`` was closed meanwhile, and
        ``success`` receives the value while ``parent`` still exists. Errors go to
        ``failure`` (or the standard error box) likewise.
        """

        def alive() -> bool:
            return parent is None or shiboken6.isValid(parent)

        def done(result: Changed[T]) -> None:
            self.bus.publish(result.changes)
            if success is not None and alive():
                success(result.value)

        def failed(exc: BaseException) -> None:
            if failure is not None and alive():
                failure(exc)
            else:
                from ui.errors import show_exception

                show_exception(parent if isinstance(parent, QWidget) and alive() else None, exc)

        return self.runner.mutate(op, parent=None, success=done, failure=failed, label=label)
