"""What sealing ID numbers at rest costs: per value, and per row read through the SQL layer.

Builds a demo town in a temporary folder and prints a table: sealing and opening one ID
number, and reading every person's ID number and every event payload as stored (no
functions) versus through the sealed column types (``gs_open`` / ``gs_open_json`` per row),
plus a search by a full ID number.

    .venv/bin/python benchmarks/bench_sealing.py [--cases 20000]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from sqlalchemy import select, text

from station.db import sealed
from station.db.database import open_database
from station.db.models import Event, Person
from station.demo.town import build_demo_town
from station.services.persons import search_persons

ID_NUMBER = "11010519491231002X"


def _timed(func, repeat: int = 1):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    for _ in range(repeat):
        result = func()
    return result, (time.perf_counter() - started) / repeat


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=20000)
    args = parser.parse_args()
    cipher = sealed.cipher()
    value = cipher.seal(ID_NUMBER)
    _, seal_s = _timed(lambda: cipher.seal(ID_NUMBER), 20000)
    _, open_s = _timed(lambda: cipher.open(value), 20000)
    header = (
        f"{'operation':<40} {'rows':>8} {'as stored s':>12} {'sealed path s':>14} {'µs/row':>8}"
    )
    print(header)
    print("-" * len(header))
    print(f"{'seal one ID number':<40} {1:>8} {'':>12} {seal_s:>14.6f} {seal_s * 1e6:>8.1f}")
    print(f"{'open one ID number':<40} {1:>8} {'':>12} {open_s:>14.6f} {open_s * 1e6:>8.1f}")
    with tempfile.TemporaryDirectory() as folder:
        build_demo_town(Path(folder), cases=args.cases, mediations=args.cases // 20)
        db = open_database(Path(folder))
        try:
            with db.read() as s:
                for label, raw_sql, typed in (
                    (
                        "read every person's ID number",
                        "SELECT id_number FROM person",
                        select(Person.id_number),
                    ),
                    (
                        "read every event payload",
                        "SELECT payload FROM event",
                        select(Event.payload),
                    ),
                ):
                    s.execute(typed).all()  # warm up: statement cache, key file
                    rows, raw_s = _timed(lambda q=raw_sql: s.execute(text(q)).all(), 3)
                    _, typed_s = _timed(lambda q=typed: s.execute(q).all(), 3)
                    per_row = (typed_s - raw_s) / max(1, len(rows)) * 1e6
                    times = f"{raw_s:>12.3f} {typed_s:>14.3f} {per_row:>8.2f}"
                    print(f"{label:<40} {len(rows):>8} {times}")
                some = s.execute(
                    select(Person.id_number).where(Person.id_number != "").limit(1)
                ).scalar()
                if some:
                    found, search_s = _timed(lambda: search_persons(s, query=some), 20)
                    print(
                        f"{'search by a full ID number':<40} {len(found):>8} {'':>12} "
                        f"{search_s:>14.4f} {'':>8}"
                    )
        finally:
            db.close()


if __name__ == "__main__":
    main()
