"""How long backups, their check, a restore and the start-up check take on demo towns.

Builds demo towns of the given sizes in a temporary folder and prints a table: database
size, the online backup copy, the backup's integrity check, the start-up check of safe mode
(``diagnose_data_folder``) and a restore. The backup and its check run on the worker thread
in the app; the start-up check runs before the first window.

    .venv/bin/python benchmarks/bench_backup.py [--cases 1000 20000]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from station.db.database import database_path
from station.db.engine import backup_database
from station.demo.town import build_demo_town
from station.services.backup import restore_backup, verify_backup
from station.services.health import diagnose_data_folder


def _timed(func):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = func()
    return result, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, nargs="+", default=[1000, 20000])
    args = parser.parse_args()
    header = (
        f"{'cases':>8} {'MB':>7} {'backup s':>9} {'check s':>8} {'start check s':>14} "
        f"{'restore s':>10}"
    )
    print(header)
    print("-" * len(header))
    for cases in args.cases:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            build_demo_town(folder, cases=cases, mediations=max(cases // 10, 10))
            size = database_path(folder).stat().st_size / 1024 / 1024
            backup, copy_s = _timed(
                lambda folder=folder: backup_database(
                    database_path(folder), folder / "backups", label="manual"
                )
            )
            check, check_s = _timed(lambda backup=backup: verify_backup(backup))
            assert check.ok, check.problems
            problem, start_s = _timed(lambda folder=folder: diagnose_data_folder(folder))
            assert problem is None, problem
            _, restore_s = _timed(
                lambda folder=folder, backup=backup: restore_backup(
                    data_dir=folder, source=backup, by="bench"
                )
            )
            print(
                f"{cases:>8} {size:>7.1f} {copy_s:>9.2f} {check_s:>8.2f} {start_s:>14.2f} "
                f"{restore_s:>10.2f}"
            )


if __name__ == "__main__":
    main()
