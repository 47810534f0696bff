"""Helpers the UI tests share (import with ``from ui_support import ...`` inside tests/ui).

A plain module, not a conftest: tests/ui is on ``sys.path`` because pytest's default
"prepend" import mode inserts the folder of its conftest.py (there is no ``__init__.py``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from station.db.database import Database
from station.services.events import Actor
from station.settings import load_settings
from ui.context import AppContext
from ui.task_runner import TaskRunner

SHOTS = Path("/tmp/gs-shots")


def shot(widget: QWidget, name: str) -> Path:
    """Save ``widget`` as /tmp/gs-shots/<name>.png once pending layout work has run."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for _ in range(3):
        QApplication.processEvents()
    path = SHOTS / f"{name}.png"
    assert widget.grab().save(str(path))
    return path


def app_context(db: Database, actor: Actor) -> Iterator[AppContext]:
    """For a fixture to ``yield from``: ``actor``'s AppContext on ``db`` with its own task
    runner. Afterwards every window's timers stop (none may fire once the runner is gone)
    and the runner must shut down cleanly."""
    runner = TaskRunner(database=db)
    with db.read() as s:
        settings = load_settings(s)
    yield AppContext(database=db, runner=runner, actor=actor, settings=settings)
    for top in QApplication.topLevelWidgets():
        for timer in top.findChildren(QTimer):
            timer.stop()
    assert runner.shutdown()
