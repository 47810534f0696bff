"""Search and list latency on a large station database (design target: 200,000 cases).

Run: .venv/bin/python benchmarks/bench_search.py [--cases 200000] [--data-dir DIR]
Builds the demo town once into DIR (kept between runs) and prints a table of median times.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from station.db.database import database_path, open_database
from station.services import cases, persons


def median_ms(fn: Callable[[], object], *, repeat: int = 7) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=200_000)
    parser.add_argument("--data-dir", type=Path)
    args = parser.parse_args()
    data_dir = args.data_dir or Path(tempfile.gettempdir()) / f"gs-bench-{args.cases}"
    if not database_path(data_dir).exists():
        from station.demo.town import build_demo_town

        started = time.perf_counter()
        build_demo_town(data_dir, cases=args.cases, mediations=max(300, args.cases // 20))
        print(f"built demo town with {args.cases} cases in {time.perf_counter() - started:.1f} s")
    db = open_database(data_dir)
    rows: list[tuple[str, float, str]] = []
    with db.read() as s:
        def case_query(q: str) -> Callable[[], object]:
            return lambda: cases.case_ids(s, cases.CaseFilter(query=q))

        checks = [
            ("all case ids, newest first (list open)", lambda: cases.case_ids(s)),
            ("first batch of 200 rows", lambda: cases.case_rows(s, cases.case_ids(s)[:200])),
            ("cases: 4-char text (FTS trigram)", case_query("公共通道")),
            ("cases: 2-char text (LIKE path)", case_query("杂物")),
            ("cases: requester name", case_query("林玲玲")),
            ("cases: by status", lambda: cases.case_ids(s, cases.CaseFilter(status="dispatched"))),
            ("persons: pinyin initials 'lll'", lambda: persons.search_persons(s, query="lll")),
            ("persons: 2-char name", lambda: persons.search_persons(s, query="玲玲")),
            ("persons: phone digits", lambda: persons.search_persons(s, query="13800")),
        ]
        for label, fn in checks:
            ms, result = median_ms(fn)
            count = len(result) if hasattr(result, "__len__") else "-"
            rows.append((label, ms, str(count)))
    db.close()
    print(f"\nsearch latency on {args.cases:,} cases (median of 7)")
    print(f"{'query':<42} {'ms':>9} {'results':>9}")
    print("-" * 62)
    for label, ms, count in rows:
        print(f"{label:<42} {ms:>9.1f} {count:>9}")


if __name__ == "__main__":
    main()
