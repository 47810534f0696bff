"""How long `grid-station demo --cases 200000` takes, step by step.

Builds the demo town into a temporary folder and prints a table: counts, events, seconds
per step and in total, and the size of the database. The issue's target is "well under two
minutes" for 200,000 cases on a 2-core PC.

    .venv/bin/python benchmarks/bench_demo.py [--cases 200000] [--mediations N] [--seed 2026]

Steps overlap when a second core is there: the second shard's events, fold and rows are
made in a forked process while the first shard's are made and inserted; "merge" is the
wait for it plus copying its rows in.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import tempfile
import time
from pathlib import Path

from station.db.database import database_path
from station.demo.town import build_demo_town

STEP_LABELS = {
    "plan": "plan town, residents, case timetables",
    "schema": "create schema (migrations)",
    "reference": "settings, reference data, counters",
    "events": "events + fold + rows (shard 0; + users)",
    "insert": "insert shard 0",
    "merge": "wait for shard 1, copy it in",
    "search_index": "rebuild full-text indexes",
    "commit": "commit",
}
TARGET_SECONDS = 120


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=200_000)
    parser.add_argument("--mediations", type=int, help="default: 30 %% of --cases")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    mediations = args.mediations if args.mediations is not None else args.cases * 3 // 10

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    marks: list[tuple[str, float]] = []
    cpu_before = _cpu_seconds()
    with tempfile.TemporaryDirectory(prefix="bench-demo-") as folder:
        started = time.perf_counter()
        summary = build_demo_town(
            Path(folder),
            seed=args.seed,
            cases=args.cases,
            mediations=mediations,
            progress=lambda step: marks.append((step, time.perf_counter())),
        )
        total = time.perf_counter() - started
        cpu = _cpu_seconds() - cpu_before
        peak = _peak_memory_mb()
        path = database_path(Path(folder))
        size = sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
        with sqlite3.connect(path) as conn:
            (events,) = conn.execute("SELECT count(*) FROM event").fetchone()

    print(f"demo town build — {os.cpu_count()} CPUs, load average {load:.2f} at start")
    print()
    columns = (
        ("cases", f"{summary.cases:,}"),
        ("mediations", f"{summary.mediations:,}"),
        ("residents", f"{summary.residents:,}"),
        ("events", f"{events:,}"),
        ("seconds", f"{total:.1f}"),
        ("cpu s", f"{cpu:.1f}"),
        ("events/s", f"{events / total:,.0f}"),
        ("db MB", f"{size / 1e6:,.0f}"),
        ("peak RSS MB", peak),
    )
    widths = [max(len(name), len(value)) for name, value in columns]
    print("  ".join(name.rjust(w) for (name, _), w in zip(columns, widths, strict=True)))
    print("  ".join(value.rjust(w) for (_, value), w in zip(columns, widths, strict=True)))
    print()
    print(f"{'step':<40} {'seconds':>8}")
    ends = [t for _, t in marks[1:]] + [started + total]
    for (step, begun), end in zip(marks, ends, strict=True):
        print(f"{STEP_LABELS.get(step, step):<40} {end - begun:>8.1f}")
    print(f"{'total':<40} {total:>8.1f}   (target: well under {TARGET_SECONDS})")


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children (the shard process): the work
    done, whatever else the machine was busy with meanwhile."""
    try:
        import resource  # not on Windows
    except ImportError:
        return time.process_time()
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _peak_memory_mb() -> str:
    """Largest resident set of this process and of the shard process (Linux: KiB)."""
    try:
        import resource
    except ImportError:
        return "-"
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    return f"{own}+{child}"


if __name__ == "__main__":
    main()
