"""How long the mediation workspace's reads take on demo towns with many mediation cases.

Builds demo towns with the given numbers of mediation cases (the reference town settles 292
a year; a busy town over several years reaches a few thousand) and prints a table: the list
as it first opens (newest 2000), the list filtered by each "needs attention" flag (worked
out per case for today), and loading one case's detail view (case, case-file checklist with
every form checked, timeline). All of it runs on the worker thread in the app.

    .venv/bin/python benchmarks/bench_mediation.py [--mediations 300 3000]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from station.db.database import open_database
from station.demo.town import build_demo_town
from station.domain.enums import Role
from station.services import mediation
from station.services.events import Actor


def _ms(func, repeat: int = 5) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        func()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mediations", type=int, nargs="+", default=[300, 3000])
    args = parser.parse_args()
    actor = Actor(username="tiaojie", role=Role.MEDIATOR, station_code="XX01")
    flags = list(mediation.FILTER_FLAGS)
    header = f"{'cases':>7} {'list ms':>8} " + " ".join(f"{f[:12]:>13}" for f in flags)
    header += f" {'detail ms':>10}"
    print("median of 5 runs, milliseconds")
    print(header)
    print("-" * len(header))
    for count in args.mediations:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            build_demo_town(folder, cases=0, mediations=count)
            db = open_database(folder)
            with db.read() as s:
                rows = mediation.list_mediations(s, limit=2000, actor=actor)
                listed = _ms(lambda s=s: mediation.list_mediations(s, limit=2000, actor=actor))
                by_flag = [
                    _ms(
                        lambda s=s, f=f: mediation.list_mediations(
                            s, limit=2000, actor=actor, flag=f
                        )
                    )
                    for f in flags
                ]
                some = rows[len(rows) // 2].id

                def detail(s=s, some=some) -> None:  # type: ignore[no-untyped-def]
                    mediation.get_mediation(s, mediation_id=some, actor=actor)
                    mediation.case_file_checklist(s, mediation_id=some)
                    mediation.mediation_timeline(s, mediation_id=some, actor=actor)

                shown = _ms(detail)
            db.close()
        cells = " ".join(f"{t:>13.1f}" for t in by_flag)
        print(f"{count:>7} {listed:>8.1f} {cells} {shown:>10.1f}")


if __name__ == "__main__":
    main()
