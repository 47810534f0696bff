"""``grid-station --self-test`` from the source tree (tests/test_bundle.py runs it frozen)."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

from station.documents import KINDS
from station.selftest import SelfTestReport, process_age_ms

ROOT = Path(__file__).resolve().parents[1]


def test_self_test_runs_every_step_and_exits_0(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}  # sets its own
    result = subprocess.run(
        [sys.executable, "-m", "station", "--self-test"],
        cwd=tmp_path,  # resources are found from the package, not the current folder
        env={**env, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    out = result.stdout
    assert result.returncode == 0, out + result.stderr
    assert re.search(r"ok\s+demo town\s+\d+ ms\s+\d+ 位居民，60 张工单，20 件调解案件", out)
    assert re.search(r"ok\s+main window \(offscreen\)\s+\d+ ms\s+offscreen, 「网格驿站 — ", out)
    for kind in KINDS:
        assert re.search(rf"ok\s+document {kind}\s+\d+ ms\s+\d+ KB，", out), kind
    assert re.search(r"ok\s+first-run setup \(new station\)\s+\d+ ms\s+自检村网格驿站（ZJ01）", out)
    assert re.search(r"ok\s+sync page helper \(process\)\s+\d+ ms\s+助手进程已启动", out)
    assert re.search(r"time to main window: \d+ ms", out)
    assert "自检通过" in out
    assert not list(tmp_path.iterdir())  # the temporary data folder is gone


def test_a_failed_step_is_reported_and_fails_the_test() -> None:
    out = io.StringIO()
    report = SelfTestReport(out)
    with report.step("fine"):
        pass
    with report.step("broken") as step:
        step.detail = "never shown"
        raise ValueError("the output is not a PDF")
    assert not report.ok
    assert [s.ok for s in report.steps] == [True, False]
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("  ok   fine")
    assert re.match(r"  FAIL broken\s+\d+ ms  ValueError: the output is not a PDF", lines[1])


def test_an_empty_report_is_not_a_pass() -> None:
    assert not SelfTestReport(io.StringIO()).ok


def test_process_age_is_known_here() -> None:
    age = process_age_ms()
    if sys.platform.startswith("linux") or sys.platform == "win32":
        assert age is not None and 0 <= age < 24 * 3600 * 1000
