"""How long the town center's dispatch screens take to load on demo towns.

Builds demo towns of the given sizes in a temporary folder (every demo town is seen from
the center: all cases) and prints a table: the dispatch queue, the cases being handled,
the overdue lists and the oversight board (:mod:`station.services.dispatch`). Each runs on
the app's worker thread; the numbers say whether the screens appear without a wait.

    .venv/bin/python benchmarks/bench_dispatch.py [--cases 20000 200000]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from station.db.database import open_database
from station.demo.town import build_demo_town
from station.services import dispatch


def _best_of(func, runs: int = 3):  # type: ignore[no-untyped-def]
    best, result = float("inf"), None
    for _ in range(runs):
        started = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - started)
    return result, best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, nargs="+", default=[20000])
    args = parser.parse_args()
    lists = [dispatch.Lists.QUEUE, dispatch.Lists.INBOX, dispatch.Lists.HANDLING_OVERDUE]
    header = f"{'cases':>8} " + " ".join(f"{name + ' ms':>20}" for name in [*lists, "board"])
    print(header)
    print("-" * len(header))
    for cases in args.cases:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            build_demo_town(folder, cases=cases, mediations=10)
            db = open_database(folder)
            cells = []
            with db.read() as s:
                for which in lists:
                    rows, seconds = _best_of(
                        lambda which=which, s=s: dispatch.dispatch_list(s, which=which)
                    )
                    cells.append(f"{seconds * 1000:>12.1f} ({len(rows):>5})")
                _, seconds = _best_of(lambda s=s: dispatch.oversight(s))
                cells.append(f"{seconds * 1000:>20.1f}")
            db.close()
            print(f"{cases:>8} " + " ".join(cells))


if __name__ == "__main__":
    main()
