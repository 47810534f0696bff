"""The Qt half of ``grid-station --self-test`` (station/selftest.py): the real main window,
offscreen, on a demo database, until its first data is shown."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from station.db.database import open_database
from station.domain.enums import Role
from station.services.events import Actor
from station.settings import load_settings
from ui.app import create_application, setup_application
from ui.context import AppContext
from ui.help_dialog import guide_path
from ui.main_window import MainWindow
from ui.task_runner import TaskRunner

#: How long the main window may take to show its first data.
WINDOW_TIMEOUT_S = 30.0


def open_main_window(data_dir: Path, *, username: str) -> str:
    """Show the real main window offscreen on the demo database until its data is in.

    Returns a short description; raises if anything the bundle ships (translation, fonts)
    is missing, the window does not load, or an error box appears.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the QApplication exists
    app = create_application([sys.argv[0] if sys.argv else "grid-station"])
    setup_application(app)
    # What the bundle must carry: the translation, the fonts, the icon (and its SVG plugin).
    if QCoreApplication.translate("run_app", "Grid Station") != "网格驿站":
        raise RuntimeError("the Chinese translation (grid_station_zh_CN.qm) was not loaded")
    qt_text = QCoreApplication.translate  # Qt's own catalog: not a string for our lupdate
    if qt_text("QPlatformTheme", "Cancel") != "取消":
        raise RuntimeError("Qt's own Chinese translation (qtbase_zh_CN.qm) was not loaded")
    if "WenQuanYi Micro Hei" not in app.font().families():
        raise RuntimeError("the shipped UI font (WenQuanYiMicroHei.ttf) was not registered")
    if app.windowIcon().pixmap(32, 32).isNull():
        raise RuntimeError("the application icon could not be drawn")
    if not guide_path().is_file():
        raise RuntimeError(f"the user guide is missing: {guide_path()}")

    # A modal box would wait for a click that never comes: note its text and close it.
    boxes: list[str] = []

    def close_modal() -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None:
            boxes.append(getattr(modal, "text", modal.windowTitle)())
            modal.close()

    watchdog = QTimer()
    watchdog.setInterval(100)
    watchdog.timeout.connect(close_modal)
    watchdog.start()

    database = open_database(data_dir)
    runner = TaskRunner(database=database)
    try:
        with database.read() as session:
            settings = load_settings(session)
        actor = Actor(
            username=username,
            role=Role.STATION_ADMIN,
            station_code=settings.station_code,
            display_name=username,
        )
        window = MainWindow(
            context=AppContext(database=database, runner=runner, actor=actor, settings=settings)
        )
        window.show()
        window.start()
        deadline = time.monotonic() + WINDOW_TIMEOUT_S
        app.processEvents()
        while runner.busy and time.monotonic() < deadline and not boxes:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        app.processEvents()
        if boxes:
            raise RuntimeError(f"the main window showed an error: {boxes[0]}")
        if runner.busy:
            raise TimeoutError(f"the main window did not load within {WINDOW_TIMEOUT_S:.0f} s")
        if not window.isVisible():
            raise RuntimeError("the main window is not visible")
        title = window.windowTitle()
        window.close()
        window.deleteLater()
        app.processEvents()
        return f"{QApplication.platformName()}, 「{title}」"
    finally:
        watchdog.stop()
        runner.shutdown()
        database.close()
