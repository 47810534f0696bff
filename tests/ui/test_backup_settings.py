"""设置 → 备份: back up now with progress, the second folder, restore at the next start;
the tab only for those who manage backups."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_safe_mode import shot

import ui.app
import ui.widgets.backup_list
from station.db.database import Database, database_path
from station.domain.enums import Role
from station.services.backup import list_backups, local_backup_dir, pending_restore
from station.services.events import Actor
from station.settings import load_settings
from ui.app import run_app
from ui.context import AppContext
from ui.pages.backup_settings import BackupScheduler, BackupSettings
from ui.task_runner import TaskRunner


def _context(db: Database, runner: TaskRunner, role: Role) -> AppContext:
    with db.read() as session:
        settings = load_settings(session)
    actor = Actor(username="admin", role=role, station_code="TS01", display_name="管理员")
    return AppContext(database=db, runner=runner, actor=actor, settings=settings)


@pytest.fixture
def section(qtbot, small_db: Database, runner: TaskRunner) -> Iterator[BackupSettings]:  # type: ignore[no-untyped-def]
    context = _context(small_db, runner, Role.STATION_ADMIN)
    scheduler = BackupScheduler(runner=runner, data_dir=context.data_dir)
    widget = BackupSettings(context=context, scheduler=scheduler)
    qtbot.addWidget(widget)
    widget.resize(820, 560)
    widget.show()
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    yield widget
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)


def _numbers(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {row[0] for row in conn.execute("SELECT number FROM work_case")}
    finally:
        conn.close()


def test_back_up_now_shows_progress_and_lists_the_checked_backup(
    qtbot, section: BackupSettings
) -> None:  # type: ignore[no-untyped-def]
    assert section.empty_label.isVisible() and not section.backup_list.isVisible()
    progress: list[tuple[int, int]] = []
    section.scheduler.sig_progress.connect(lambda done, total: progress.append((done, total)))
    with qtbot.waitSignal(section.scheduler.sig_finished, timeout=20_000) as finished:
        section.backup_button.click()
        assert not section.backup_button.isEnabled()  # one backup at a time
        assert section.progress.isVisible()
    outcome = finished.args[0]
    assert outcome.backup.label == "manual"
    qtbot.waitUntil(lambda: len(section.backup_list.backups) == 1, timeout=10_000)
    assert progress and progress[-1][0] == progress[-1][1] > 0
    assert section.backup_button.isEnabled() and not section.progress.isVisible()
    item = section.backup_list.topLevelItem(0)
    assert item.text(1) == "手动" and item.text(3) == "数据文件夹"
    assert "已检查完好" in section.status_label.text()
    assert "未设置第二备份位置" in section.status_label.text()
    shot(section, "backup-settings")


def test_second_folder_is_saved_and_receives_copies(
    qtbot, section: BackupSettings, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    usb = tmp_path / "U盘"
    section.save_second_folder(str(usb))
    qtbot.waitUntil(lambda: section.second_edit.text() == str(usb), timeout=10_000)
    assert usb.is_dir()
    with qtbot.waitSignal(section.scheduler.sig_finished, timeout=20_000) as finished:
        section.back_up_now()
    assert finished.args[0].second_copy == usb / "TS01" / finished.args[0].backup.path.name
    qtbot.waitUntil(lambda: len(section.backup_list.backups) == 2, timeout=10_000)
    assert {b.location for b in section.backup_list.backups} == {"local", "second"}

    not_a_folder = tmp_path / "文件.txt"
    not_a_folder.write_text("x", encoding="utf-8")
    section.save_second_folder(str(not_a_folder))
    qtbot.waitUntil(lambda: section.second_error.isVisible(), timeout=10_000)
    assert "不是文件夹" in section.second_error.text()
    assert section.second_edit.text() == str(usb)  # unchanged


def test_restore_is_asked_for_in_settings_and_done_at_the_next_start(
    qtbot, monkeypatch: pytest.MonkeyPatch, section: BackupSettings, small_db: Database
) -> None:  # type: ignore[no-untyped-def]
    data_dir = section.data_dir
    before = _numbers(database_path(data_dir))
    with qtbot.waitSignal(section.scheduler.sig_finished, timeout=20_000):
        section.back_up_now()
    qtbot.waitUntil(lambda: len(section.backup_list.backups) == 1, timeout=10_000)
    with small_db.transaction() as session:  # work done after the backup
        from sqlalchemy import text

        session.execute(text("DELETE FROM work_case"))
    asked: list[str] = []

    def answer(_parent, *, text: str, **_kwargs) -> bool:  # type: ignore[no-untyped-def]
        asked.append(text)
        return True

    monkeypatch.setattr(ui.widgets.backup_list, "confirm", answer)
    with qtbot.waitSignal(section.sig_restore_requested, timeout=10_000):
        section.restore_button.click()
    assert asked and "恢复" in asked[0]
    assert pending_restore(data_dir) is not None
    qtbot.waitUntil(lambda: section.cancel_restore_button.isVisible(), timeout=10_000)
    assert "下次启动" in section.status_label.text()
    qtbot.waitUntil(lambda: not section.context.runner.busy, timeout=10_000)
    small_db.close()

    # The next start: the restore happens before the database is opened.
    monkeypatch.setattr(ui.app, "log_in", lambda runner, settings: None)
    assert run_app(data_dir=data_dir) == 0
    assert pending_restore(data_dir) is None
    assert _numbers(database_path(data_dir)) == before
    aside = list(data_dir.glob("grid-station-before-restore-*.sqlite3"))
    assert len(aside) == 1 and _numbers(aside[0]) == set()


@pytest.mark.parametrize(
    ("role", "has_tab"), [(Role.STATION_ADMIN, True), (Role.RECEPTIONIST, False)]
)
def test_the_backups_tab_is_there_for_admins_and_backups_run_for_everyone(
    qtbot, small_db: Database, runner: TaskRunner, role: Role, has_tab: bool
) -> None:  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow

    window = MainWindow(context=_context(small_db, runner, role))
    qtbot.addWidget(window)
    assert (window.settings_page.section("备份") is not None) == has_tab
    with qtbot.waitSignal(window.backups.sig_finished, timeout=20_000):
        window.backups.back_up("start")
    assert [b.label for b in list_backups(local_backup_dir(small_db.path.parent))] == ["start"]
    assert "已于" in window.statusBar().currentMessage()
    if has_tab:
        from ui.main_window import SETTINGS

        window.show()
        window.show_area(SETTINGS)
        section = window.settings_page.section("备份")
        window.settings_page.tabs.setCurrentWidget(section)
        qtbot.waitUntil(lambda: len(section.backup_list.backups) == 1, timeout=10_000)
        shot(window, "backup-settings-in-window")
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)


def test_a_damaged_database_found_by_the_backup_is_shown_to_the_person(
    qtbot, small_db: Database, runner: TaskRunner, message_boxes
) -> None:  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow

    window = MainWindow(context=_context(small_db, runner, Role.RECEPTIONIST))
    qtbot.addWidget(window)
    path = small_db.path
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    size = path.stat().st_size
    with open(path, "r+b") as f:  # a bad sector in the middle of the file
        f.seek(size // 2)
        f.write(b"\xde\xad\xbe\xef" * 4096)
    with qtbot.waitSignal(window.backups.sig_failed, timeout=20_000):
        window.backups.back_up("daily")
    assert message_boxes and message_boxes[-1].text.startswith("数据库文件已损坏")
    assert "备份失败" in window.statusBar().currentMessage()
    assert list_backups(local_backup_dir(path.parent)) == []
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
