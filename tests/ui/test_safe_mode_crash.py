"""An unexpected error in the running app: logged (scrubbed) and shown with a copyable
report that holds the version and traceback but no personal data."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from tmpfs_support import fill, mounted_tmpfs

from station import __version__
from station.logs import setup_logging, stop_logging
from ui.dialogs.crash_dialog import CrashDialog, install_excepthook

ID_NUMBER = "35010219800101123X"


def test_an_error_in_a_slot_is_logged_and_shown_with_a_copyable_report(
    monkeypatch: pytest.MonkeyPatch, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    shown: list[CrashDialog] = []

    def fake_exec(dialog: CrashDialog) -> int:
        dialog.show()
        shown.append(dialog)
        from test_safe_mode import shot

        shot(dialog, "crash-dialog")
        dialog.copy_button.click()
        dialog.hide()
        return 0

    monkeypatch.setattr(CrashDialog, "exec", fake_exec)
    log_file = setup_logging(tmp_path)
    before = sys.excepthook
    hook = install_excepthook(tmp_path)
    try:

        def broken() -> None:
            raise KeyError(f"居民 {ID_NUMBER} 不在列表中")

        QTimer.singleShot(0, broken)  # raised inside Qt's event loop, as in a slot
        qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    finally:
        hook.uninstall()
        for handler in logging.getLogger().handlers:
            handler.flush()
        stop_logging()
    assert sys.excepthook is before

    (dialog,) = shown
    report = dialog.report_edit.toPlainText()
    assert f"网格驿站 {__version__}" in report and "KeyError" in report and "broken" in report
    assert ID_NUMBER not in report and "350***********123X" in report
    assert QGuiApplication.clipboard().text() == report
    assert dialog.windowTitle() == "网格驿站 — 意外错误"
    assert log_file is not None
    logged = log_file.read_text(encoding="utf-8")
    assert "unexpected error" in logged and "KeyError" in logged and ID_NUMBER not in logged
    QApplication.processEvents()


@pytest.fixture
def small_disk(small_town_file, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A data folder on a small file system (root only: a tmpfs mount)."""
    import shutil

    from station.db.database import database_path

    folder = tmp_path / "small-disk"
    folder.mkdir()
    size = small_town_file.path.stat().st_size + 4 * 1024 * 1024
    with mounted_tmpfs(folder, size=size):
        shutil.copy(small_town_file.path, database_path(folder))
        yield folder


def test_a_save_on_a_full_disk_says_so_plainly(small_disk: Path, message_boxes) -> None:  # type: ignore[no-untyped-def]
    from station.db.database import open_database
    from station.services import cases
    from station.services.users import system_actor
    from ui.errors import show_exception

    db = open_database(small_disk)
    try:
        with db.read() as session:
            actor = system_actor(session)
        fill(small_disk)
        with pytest.raises(Exception) as full:
            for n in range(500):
                with db.transaction() as session:
                    cases.create_case(
                        session, actor=actor, summary=f"第{n}件", description="长" * 2000
                    )
        show_exception(None, full.value)
    finally:
        db.close()
    box = message_boxes[-1]
    assert box.text.startswith("磁盘空间不足") and "已填写的内容还在" in box.text
