"""The start-up checks behind safe mode: each problem found, and nothing ever written."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from tmpfs_support import fill, mounted_tmpfs

from station.db.database import database_path
from station.services.health import (
    CORRUPT,
    DISK_FULL,
    TOO_NEW,
    diagnose_data_folder,
)


@pytest.fixture
def station(template_db: Path, tmp_path: Path) -> Path:
    shutil.copy(template_db, database_path(tmp_path))
    return tmp_path


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def test_a_healthy_folder_and_an_empty_one_have_no_problem(station: Path, tmp_path: Path) -> None:
    before = _snapshot(station)
    assert diagnose_data_folder(station) is None
    assert diagnose_data_folder(tmp_path / "new") is None  # first run: the setup wizard
    assert _snapshot(station) == before


@pytest.mark.parametrize("where", ["header", "middle"])
def test_overwritten_bytes_are_found_and_left_as_they_are(station: Path, where: str) -> None:
    path = database_path(station)
    size = path.stat().st_size
    with open(path, "r+b") as f:
        f.seek(0 if where == "header" else size // 2)
        f.write(b"\xff" * 8192)
    before = _snapshot(station)
    problem = diagnose_data_folder(station)
    assert problem is not None and problem.kind == CORRUPT and problem.can_restore
    assert "恢复" in problem.advice
    assert _snapshot(station) == before  # byte-identical, and nothing new beside it


def test_a_database_from_a_newer_version_is_found(station: Path) -> None:
    conn = sqlite3.connect(database_path(station))
    conn.execute("UPDATE alembic_version SET version_num = '0099_future'")
    conn.commit()
    conn.close()
    problem = diagnose_data_folder(station)
    assert problem is not None and problem.kind == TOO_NEW
    assert "0099_future" in problem.detail and "升级" in problem.advice


def test_too_little_free_space_is_found(station: Path) -> None:
    free = shutil.disk_usage(station).free
    problem = diagnose_data_folder(station, min_free=free + 1024**3)
    assert problem is not None and problem.kind == DISK_FULL and not problem.can_restore
    assert "MB" in problem.detail
    assert diagnose_data_folder(station, min_free=1) is None


@pytest.fixture
def full_disk(template_db: Path, tmp_path: Path) -> Iterator[Path]:
    """A data folder on a small file system that is then filled to the last byte."""
    folder = tmp_path / "small-disk"
    folder.mkdir()
    size = template_db.stat().st_size + 512 * 1024
    with mounted_tmpfs(folder, size=size):
        shutil.copy(template_db, database_path(folder))
        fill(folder)
        yield folder


def test_a_really_full_disk_is_found(full_disk: Path) -> None:
    before = database_path(full_disk).read_bytes()
    problem = diagnose_data_folder(full_disk, min_free=0)  # found by the failing write
    assert problem is not None and problem.kind == DISK_FULL
    assert database_path(full_disk).read_bytes() == before
    assert not (full_disk / ".grid-station-write-test").exists()
