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
from ui.app import ask_for_demo, run_app
from ui.main_window import MainWindow


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


def test_no_database_explains_and_suggests_the_demo(message_boxes, tmp_path: Path) -> None:
    assert ask_for_demo(tmp_path) is False  # the patched box was closed without choosing
    (box,) = message_boxes
    assert "还没有驿站数据库" in box.text
    assert "首次设置" in box.informative
    assert f"grid-station demo --data-dir {tmp_path}" in box.informative


def test_no_database_and_no_demo_exits_without_creating_one(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(ui.app, "ask_for_demo", lambda data_dir: False)
    assert run_app(data_dir=tmp_path) == 0
    assert not database_path(tmp_path).exists()


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
