"""``run_app``: no database, demo on first start, login cancelled, the window opening."""

from __future__ import annotations

import shutil
import sys
import types
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

import ui.app
from station.db.database import database_path
from station.domain.enums import Role
from station.services.events import Actor
from station.services.setup import chosen_data_dir
from ui.app import run_app
from ui.main_window import MainWindow
from ui.setup_wizard import SetupWizard


@pytest.fixture
def fake_demo(monkeypatch: pytest.MonkeyPatch, small_town_file) -> list[Path]:
    """``station.demo.town`` replaced by a copy of the small town; records each build."""
    built: list[Path] = []

    def build_demo_town(data_dir: Path, **_kwargs: object) -> object:
        built.append(Path(data_dir))
        Path(data_dir).mkdir(parents=True, exist_ok=True)
        shutil.copy(small_town_file.path, database_path(data_dir))
        return types.SimpleNamespace(cases=small_town_file.cases)

    module = types.ModuleType("station.demo.town")
    module.build_demo_town = build_demo_town  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "station.demo.town", module)
    return built


def test_no_database_shows_the_setup_wizard_and_cancel_exits(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    shown: list[SetupWizard] = []

    def cancel(wizard: SetupWizard) -> int:
        shown.append(wizard)
        return int(SetupWizard.DialogCode.Rejected.value)

    monkeypatch.setattr(SetupWizard, "exec", cancel)
    assert run_app(data_dir=tmp_path) == 0
    (wizard,) = shown
    assert wizard.data_dir_edit.text() == str(tmp_path)
    assert not database_path(tmp_path).exists()


def test_the_folder_set_up_by_the_wizard_is_opened_and_remembered(
    monkeypatch: pytest.MonkeyPatch, small_town_file, tmp_path: Path
) -> None:
    default, chosen = tmp_path / "默认", tmp_path / "D 盘" / "驿站数据"
    chosen.mkdir(parents=True)
    shutil.copy(small_town_file.path, database_path(chosen))

    def set_up(wizard: SetupWizard) -> int:
        wizard.data_dir, wizard.outcome = chosen, object()
        return int(SetupWizard.DialogCode.Accepted.value)

    opened: list[str] = []
    monkeypatch.setattr(SetupWizard, "exec", set_up)
    monkeypatch.setattr(ui.app, "default_data_dir", lambda: default)
    monkeypatch.setattr(
        ui.app, "log_in", lambda runner, settings: opened.append(settings.station_code)
    )
    assert run_app(data_dir=default) == 0  # login cancelled after setup
    assert opened == ["TS01"]
    assert chosen_data_dir(default) == chosen


def test_demo_is_built_when_empty_then_login_cancel_exits(
    monkeypatch: pytest.MonkeyPatch, fake_demo: list[Path], tmp_path: Path
) -> None:
    monkeypatch.setattr(ui.app, "log_in", lambda runner, settings: None)
    assert run_app(data_dir=tmp_path, demo_if_empty=True) == 0
    assert fake_demo == [tmp_path]
    assert database_path(tmp_path).exists()


def test_failed_demo_build_is_reported(
    monkeypatch: pytest.MonkeyPatch, message_boxes, tmp_path: Path
) -> None:
    def broken(data_dir: Path, **_kwargs: object) -> object:
        raise OSError("磁盘已满")

    module = types.ModuleType("station.demo.town")
    module.build_demo_town = broken  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "station.demo.town", module)
    assert run_app(data_dir=tmp_path, demo_if_empty=True) == 1
    assert "磁盘已满" in message_boxes[-1].details


def test_login_then_main_window(
    monkeypatch: pytest.MonkeyPatch, qapp: QApplication, small_town_file, tmp_path: Path
) -> None:
    shutil.copy(small_town_file.path, database_path(tmp_path))
    actor = Actor(
        username="jiedai", role=Role.RECEPTIONIST, station_code="TS01", display_name="林接待"
    )
    monkeypatch.setattr(ui.app, "log_in", lambda runner, settings: actor)
    windows: list[MainWindow] = []

    def fake_exec(_app: QApplication) -> int:
        windows.extend(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert run_app(data_dir=tmp_path) == 0
    (window,) = [w for w in windows if w.isVisible()]
    assert window.windowTitle() == "网格驿站 — 测试社区网格驿站"
    window.close()
    window.deleteLater()


def test_a_window_too_big_for_the_screen_is_maximized(qtbot) -> None:
    from PySide6.QtWidgets import QWidget

    from ui.app import show_fitted

    available = QApplication.primaryScreen().availableGeometry()
    big, small = QWidget(), QWidget()
    qtbot.addWidget(big)
    qtbot.addWidget(small)
    big.resize(available.width() + 100, available.height())
    small.resize(available.width() // 2, available.height() // 2)
    show_fitted(big)
    show_fitted(small)
    assert big.isMaximized()
    assert small.isVisible() and not small.isMaximized()
