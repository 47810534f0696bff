"""The command line end to end: ``serve`` as a real process, ``server add-station`` /
``revoke`` on its database, a station's ``enroll`` and ``sync`` (exit codes, no token
printed)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from sync_support import NOW, free_socket

from station.cli import main
from station.db.database import database_path
from station.services import cases


@pytest.fixture
def served(tmp_path: Path):  # type: ignore[no-untyped-def]
    """``grid-station serve`` in its own process on a free loopback port."""
    sock = free_socket()
    port = sock.getsockname()[1]
    sock.close()
    server_dir = tmp_path / "server"
    exe = Path(sys.executable).with_name("grid-station")
    proc = subprocess.Popen(
        [str(exe), "serve", "--data-dir", str(server_dir), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            if httpx.get(f"{url}/health").status_code == 200:
                break
        except httpx.TransportError:
            pass
        assert proc.poll() is None and time.monotonic() < deadline, "serve did not start"
        time.sleep(0.1)
    yield url, server_dir
    proc.terminate()
    proc.wait(timeout=10)


def test_enroll_sync_and_revoke_from_the_command_line(
    served, template_db: Path, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    url, server_dir = served
    station_dir = tmp_path / "station"
    station_dir.mkdir()
    import shutil

    shutil.copy(template_db, database_path(station_dir))
    args = ["--data-dir", str(server_dir)]
    assert main(["server", "import-reference", str(station_dir), *args]) == 0
    assert main(["server", "add-station", "TS01", "--name", "东街", "--kind", "community",
                 "--grids", "C1-01", "C1-02", *args]) == 0  # fmt: skip
    code = re.search(r"\b[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}\b", capsys.readouterr().out)[0]
    assert main(["server", "add-station", "X", "--name", "坏", "--kind", "village", *args]) == 1

    assert main(["enroll", "--server", url, "--code", code, "--data-dir", str(station_dir)]) == 0
    out = capsys.readouterr().out
    assert "TS01" in out
    from station.db.database import open_database
    from station.sync.state import read_token

    db = open_database(station_dir)
    with db.read() as s:
        token = read_token(s)
    assert token and token not in out
    with db.transaction() as s:
        from station.domain.enums import Role
        from station.services.events import Actor

        clerk = Actor(username="jiedai", role=Role.RECEPTIONIST, station_code="TS01")
        cases.create_case(s, actor=clerk, summary="路灯不亮", received_at=NOW, grid_id="C1-01")
    db.close()
    assert main(["sync", "--data-dir", str(station_dir), "--json"]) == 0
    report = capsys.readouterr().out
    assert '"pushed": 1' in report and token not in report
    assert main(["sync", "--status", "--data-dir", str(station_dir)]) == 0
    assert "待上传 0 条" in capsys.readouterr().out

    assert main(["server", "revoke", "TS01", *args]) == 0
    assert main(["sync", "--data-dir", str(station_dir)]) == 1
    assert "吊销" in capsys.readouterr().err
    assert main(["server", "list", "--json", *args]) == 0
    assert '"revoked": true' in capsys.readouterr().out
