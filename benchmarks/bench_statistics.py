"""Statistics on a town-wide year (design target: the whole dashboard in under 1 s on
200,000 cases) and the monthly reports built from the same queries.

Run: .venv/bin/python benchmarks/bench_statistics.py [--cases 200000] [--data-dir DIR]
Builds the demo town once into DIR (kept between runs; the demo year ends yesterday) and
prints a table of median times: every query family of the dashboard, the dashboard as the
page asks for it, the click-through of the largest figure, and the report files.
A data folder built before migration 0006 is upgraded on opening (the history facts of
each work order are filled from its history lines, a few seconds for 200,000 cases).

Measured on the 200,000-case demo town (2 shared cores), whole-town year, CPU ms:
the dashboard 1,257 before 0006 (history lines read from ``case_note``), 523 after.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import func, select

from station.db.database import database_path, open_database
from station.db.models import Case
from station.reports import exports
from station.services import statistics as st

TARGET_MS = 1000.0


def median_ms(fn: Callable[[], object], *, repeat: int) -> tuple[float, float]:
    """Median wall time and median CPU time of this process, in ms. On a PC shared with
    other work the CPU time is the steadier figure: it leaves out time spent waiting."""
    wall, cpu = [], []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=200_000)
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    data_dir = args.data_dir or Path(tempfile.gettempdir()) / f"gs-bench-{args.cases}"
    if not database_path(data_dir).exists():
        from station.demo.town import build_demo_town

        started = time.perf_counter()
        build_demo_town(data_dir, cases=args.cases, mediations=max(300, args.cases // 30))
        print(f"built demo town with {args.cases} cases in {time.perf_counter() - started:.1f} s")
    db = open_database(data_dir)
    with db.read() as s:
        last = s.scalar(select(func.max(Case.received_at)))
        today = (last.date() if last else date.today()) + timedelta(days=1)
        year = st.Period(today - timedelta(days=365), today - timedelta(days=1))
        month = st.Period.month(year.end.year, year.end.month)
        total = s.scalar(select(func.count()).select_from(Case)) or 0
        in_year = st.case_figures(s, period=year, today=today).received
        checks: list[tuple[str, Callable[[], object]]] = [
            (
                "work-order figures (row + history)",
                lambda: st.case_figures(s, period=year, today=today),
            ),
            ("overdue now", lambda: st.overdue_now(s, today=today)),
            ("by channel", lambda: st.case_counts(s, period=year, by="channel")),
            ("by category (rolled up)", lambda: st.case_counts(s, period=year, by="category")),
            ("by community (from grids)", lambda: st.case_counts(s, period=year, by="community")),
            ("by grid", lambda: st.case_counts(s, period=year, by="grid")),
            ("mediation figures", lambda: st.mediation_figures(s, period=year)),
            (
                "mediation by dispute type",
                lambda: st.mediation_groups(s, period=year, by="dispute_type"),
            ),
            ("mediation by mediator", lambda: st.mediation_groups(s, period=year, by="mediator")),
            ("mediation by grid", lambda: st.mediation_groups(s, period=year, by="grid")),
            ("12-month trend", lambda: st.monthly_trend(s, last=year.end)),
            ("DASHBOARD (the page's one call)", lambda: st.dashboard(s, period=year, today=today)),
            ("dashboard, one month", lambda: st.dashboard(s, period=month, today=today)),
            (
                "dashboard, one community, year",
                lambda: st.dashboard(
                    s, period=year, scope=st.Scope(st.ScopeKind.COMMUNITY, "C01"), today=today
                ),
            ),
            (
                "click-through: all received ids",
                lambda: st.drill_case_ids(s, period=year, drill=st.Drill(), today=today),
            ),
            (
                "click-through: signed on time ids",
                lambda: st.drill_case_ids(
                    s, period=year, drill=st.Drill("signed_on_time"), today=today
                ),
            ),
            (
                "monthly report .xlsx (one month)",
                lambda: exports.monthly_report(s, period=month, fmt="xlsx", today=today),
            ),
            (
                "monthly report .pdf (one month)",
                lambda: exports.monthly_report(s, period=month, fmt="pdf", today=today),
            ),
            (
                "year report by category .xlsx",
                lambda: exports.monthly_report(s, period=year, fmt="xlsx", today=today),
            ),
        ]
        rows = [(label, median_ms(fn, repeat=args.repeat)) for label, fn in checks]
    db.close()
    print(
        f"\nstatistics on {total:,} cases, {in_year:,} in the year {year.label} "
        f"(median of {args.repeat}; target for the dashboard: {TARGET_MS:.0f} ms)"
    )
    print(f"{'figure family':<40} {'wall ms':>9} {'cpu ms':>9}")
    print("-" * 60)
    for label, (wall, cpu) in rows:
        flag = "  over target" if label.startswith("DASHBOARD") and wall > TARGET_MS else ""
        print(f"{label:<40} {wall:>9.1f} {cpu:>9.1f}{flag}")


if __name__ == "__main__":
    main()
