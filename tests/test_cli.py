"""The ``grid-station`` command line on a real database folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from support import NOW

from station.cli import main
from station.db.migrate import head_revision
from station.services import cases, persons


@pytest.fixture
def folder(db, clerk) -> Path:  # type: ignore[no-untyped-def]
    with db.transaction() as s:
        p = persons.create_person(s, actor=clerk, name="林玲玲", phone="13800138000")
        for summary in ("公共通道堆放杂物", "路灯不亮"):
            cases.create_case(s, actor=clerk, summary=summary, received_at=NOW, requester_id=p.id)
    db.close()
    return db.path.parent


def run_json(capsys, *argv: str):  # type: ignore[no-untyped-def]
    code = main([*argv, "--json"])
    out = capsys.readouterr().out
    return code, json.loads(out)


def test_info_json_has_snake_case_counts(folder: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, info = run_json(capsys, "info", "--data-dir", str(folder))
    assert code == 0
    assert info["grids"] == 3 and info["villages"] == 1 and info["communities"] == 1
    assert info["cases"] == 2 and info["cases_by_status"] == {"received": 2}
    assert info["schema_version"] == head_revision()
    assert info["mediators"] == 2 and info["grid_workers"] == 1
    assert all(k.isascii() and k == k.lower() for k in info)


def test_data_dir_before_the_subcommand(folder: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, info = run_json(capsys, "--data-dir", str(folder), "info")
    assert code == 0 and info["cases"] == 2


def test_cases_json_and_query(folder: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, rows = run_json(capsys, "cases", "--data-dir", str(folder), "--query", "杂物")
    assert code == 0
    assert [r["summary"] for r in rows] == ["公共通道堆放杂物"]
    assert rows[0]["number"] == "TS01-20261120-001"
    assert rows[0]["requester"] == "林玲玲"
    code, rows = run_json(capsys, "cases", "--data-dir", str(folder), "--status", "closed")
    assert rows == []


def test_check_exit_codes(folder: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, report = run_json(capsys, "check", "--data-dir", str(folder))
    assert code == 0 and report["ok"] is True
    import sqlite3

    with sqlite3.connect(folder / "grid-station.sqlite3") as conn:
        conn.execute("UPDATE work_case SET summary = '被改过'")
    code, report = run_json(capsys, "check", "--data-dir", str(folder))
    assert code == 1 and report["ok"] is False
    assert any("summary" in p for p in report["problems"])


def test_missing_database_is_explained(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["info", "--data-dir", str(tmp_path / "none")]) == 1
    err = capsys.readouterr().err
    assert "grid-station demo" in err


def test_demo_refuses_to_overwrite(folder: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["demo", "--data-dir", str(folder)]) == 1
    assert "--force" in capsys.readouterr().err


def test_entry_point_runs_as_a_program(folder: Path) -> None:
    exe = Path(sys.executable).with_name("grid-station")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    out = subprocess.run(
        [str(exe), "mediations", "--data-dir", str(folder), "--json"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    assert json.loads(out.stdout) == []
