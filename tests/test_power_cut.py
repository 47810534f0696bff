"""Power-cut safety: a process writing work orders is killed with SIGKILL at random moments,
again and again; afterwards the database passes ``grid-station check`` and every work order
the process reported as saved is there.

SIGKILL gives the process no chance to clean up (like pulling the plug on the program; the
operating system still writes what was handed to it, so this shows the application and
SQLite side: WAL + ``synchronous=FULL`` + one transaction per save).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from station.db.database import database_path

ROOT = Path(__file__).resolve().parents[1]
ROUNDS = 4

WRITER = """
import sys
from pathlib import Path

from station.db.database import open_database
from station.services import cases, persons
from station.services.users import system_actor

db = open_database(Path(sys.argv[1]))
with db.read() as session:
    actor = system_actor(session)
round_ = sys.argv[2]
n = 0
while True:
    with db.transaction() as session:
        person = persons.create_person(session, actor=actor, name="测试居民", grid_id="C1-01")
        case = cases.create_case(
            session, actor=actor, summary=f"断电测试 第{round_}轮 第{n}件",
            requester_id=person.id, category_id="K11", grid_id="C1-01",
        )
    # Printed only after the commit returned: the save was acknowledged to the person.
    print(case.number, flush=True)
    n += 1
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX-only")
def test_kill_9_while_writing_loses_no_acknowledged_save(template_db: Path, tmp_path: Path) -> None:
    shutil.copy(template_db, database_path(tmp_path))
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    acknowledged: list[str] = []
    for round_ in range(ROUNDS):
        process = subprocess.Popen(
            [sys.executable, str(script), str(tmp_path), str(round_)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert process.stdout is not None
        wanted = rng.randint(3, 40)
        seen = 0
        while seen < wanted:
            line = process.stdout.readline()
            if not line:  # the writer died on its own: show why
                pytest.fail(f"writer stopped (seed {seed}): {process.stderr.read()}")
            acknowledged.append(line.strip())
            seen += 1
        time.sleep(rng.uniform(0, 0.03))  # somewhere inside the next transactions
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        assert process.returncode == -signal.SIGKILL
        # Whatever was printed before the kill was acknowledged too.
        acknowledged += [line.strip() for line in process.stdout.read().splitlines() if line]
        process.stdout.close()
        process.stderr.close()  # type: ignore[union-attr]

    check = subprocess.run(
        [sys.executable, "-m", "station.cli", "check", "--data-dir", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert check.returncode == 0, f"seed {seed}: {check.stdout}{check.stderr}"
    assert "数据库检查通过" in check.stdout

    conn = sqlite3.connect(database_path(tmp_path))
    try:
        stored = {row[0] for row in conn.execute("SELECT number FROM work_case")}
    finally:
        conn.close()
    assert len(acknowledged) >= ROUNDS * 3
    assert len(set(acknowledged)) == len(acknowledged)  # no number handed out twice
    missing = [n for n in acknowledged if n not in stored]
    assert missing == [], f"seed {seed}: acknowledged but lost: {missing}"
