"""Safe mode: a damaged, read-only or too-new database starts the safe-mode window, which
says what is wrong, lists the backups, restores one on request and never writes to the
damaged file."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from tmpfs_support import mounted_tmpfs, remount_read_only
from ui_support import shot

import ui.safe_mode
import ui.widgets.backup_list
from station.db.database import database_path
from station.logs import stop_logging
from station.services.backup import create_backup, list_backups, local_backup_dir
from station.services.health import CORRUPT, READ_ONLY, TOO_NEW
from ui.app import run_app
from ui.safe_mode import SafeModeWindow


def _station_with_backup(small_town_file, folder: Path) -> Path:  # type: ignore[no-untyped-def]
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(small_town_file.path, database_path(folder))
    create_backup(data_dir=folder, label="start")
    return database_path(folder)


def _damage(path: Path) -> None:
    """Overwrite bytes in the middle of the file, as a bad sector or a torn write would."""
    size = path.stat().st_size
    with open(path, "r+b") as f:
        f.seek(size // 2)
        f.write(b"\xde\xad\xbe\xef" * 1024)


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[SafeModeWindow]:
    """Safe-mode windows that run_app showed (then closed as if the person chose Quit)."""
    windows: list[SafeModeWindow] = []

    def fake_exec(window: SafeModeWindow) -> int:
        window.show()
        windows.append(window)
        shot(window, f"safe-mode-{window.problem.kind}")
        window.hide()
        return int(QDialog.DialogCode.Rejected.value)

    monkeypatch.setattr(SafeModeWindow, "exec", fake_exec)
    return windows


def test_a_damaged_database_starts_safe_mode_and_stays_byte_identical(
    shown, small_town_file, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    db_file = _station_with_backup(small_town_file, tmp_path)
    _damage(db_file)
    before = db_file.read_bytes()
    files_before = sorted(p.name for p in tmp_path.iterdir())

    assert run_app(data_dir=tmp_path) == 1

    (window,) = shown
    assert window.problem.kind == CORRUPT
    assert window.title_label.text() == "数据库文件已损坏"
    assert "恢复" in window.advice_label.text()
    assert window.windowTitle() == "网格驿站 — 安全模式"
    assert len(window.backup_list.backups) == 1 and window.restore_button.isEnabled()
    assert db_file.read_bytes() == before  # never repaired, never overwritten
    # Nothing new beside it (no -wal, no -shm); only the log, which says what happened.
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*files_before, "logs"])
    stop_logging()
    assert "safe mode: corrupt" in (tmp_path / "logs" / "grid-station.log").read_text("utf-8")


def test_restoring_from_safe_mode_keeps_the_damaged_file_aside(
    qtbot, monkeypatch: pytest.MonkeyPatch, small_town_file, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from station.services.health import diagnose_data_folder
    from ui.task_runner import TaskRunner

    db_file = _station_with_backup(small_town_file, tmp_path)
    _damage(db_file)
    damaged = db_file.read_bytes()
    problem = diagnose_data_folder(tmp_path)
    assert problem is not None
    runner = TaskRunner()
    try:
        window = SafeModeWindow(problem=problem, data_dir=tmp_path, backup_dir="", runner=runner)
        qtbot.addWidget(window)
        monkeypatch.setattr(ui.widgets.backup_list, "confirm", lambda *_a, **_k: True)
        with qtbot.waitSignal(window.sig_restored, timeout=20000) as restored:
            window.restore_button.click()
        outcome = restored.args[0]
        assert window.outcome == ui.safe_mode.RESTORED
        (aside,) = [p for p in outcome.set_aside if p.suffix == ".sqlite3"]
        assert aside.read_bytes() == damaged
        assert diagnose_data_folder(tmp_path) is None
    finally:
        assert runner.shutdown()


def test_a_database_from_a_newer_version_starts_safe_mode(
    shown, small_town_file, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    db_file = _station_with_backup(small_town_file, tmp_path)
    conn = sqlite3.connect(db_file)
    conn.execute("UPDATE alembic_version SET version_num = '0042_from_the_future'")
    conn.commit()
    conn.close()
    before = db_file.read_bytes()
    assert run_app(data_dir=tmp_path) == 1
    (window,) = shown
    assert window.problem.kind == TOO_NEW
    assert "升级" in window.advice_label.text()
    assert db_file.read_bytes() == before


@pytest.fixture
def read_only_folder(small_town_file, tmp_path: Path) -> Iterator[Path]:  # type: ignore[no-untyped-def]
    """A data folder with a station database that this process really cannot write to:
    permissions for a normal user; for root (who ignores them) a read-only tmpfs mount."""
    folder = tmp_path / "只读"
    folder.mkdir()
    if os.geteuid() != 0:
        _station_with_backup(small_town_file, folder)
        database_path(folder).chmod(0o444)
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
        return
    with mounted_tmpfs(folder, size="64m"):
        _station_with_backup(small_town_file, folder)
        remount_read_only(folder)
        yield folder


def test_a_read_only_data_folder_starts_safe_mode(shown, read_only_folder: Path) -> None:
    db_file = database_path(read_only_folder)
    before = db_file.read_bytes()
    assert run_app(data_dir=read_only_folder) == 1
    (window,) = shown
    assert window.problem.kind == READ_ONLY
    assert window.title_label.text() == "数据文件夹不能写入"
    assert not window.restore_button.isEnabled()  # restoring would have to write
    assert len(list_backups(local_backup_dir(read_only_folder))) == 1
    assert db_file.read_bytes() == before


def test_a_failed_upgrade_offers_the_backup_made_before_it(
    shown, small_town_file, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from station.services.health import OPEN_FAILED

    shutil.copy(small_town_file.path, database_path(tmp_path))
    conn = sqlite3.connect(database_path(tmp_path))
    # Claims an old schema version: the upgrade runs again and fails half-way.
    conn.execute("UPDATE alembic_version SET version_num = '0001'")
    conn.commit()
    conn.close()
    assert run_app(data_dir=tmp_path) == 1
    (window,) = shown
    assert window.problem.kind == OPEN_FAILED
    assert window.title_label.text() == "数据库无法打开"
    kinds = [window.backup_list.kind_text(b.label) for b in window.backup_list.backups]
    assert kinds == ["升级或恢复前"] and window.restore_button.isEnabled()
