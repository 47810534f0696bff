"""How fast documents render and how big they are, against the targets of issue 3.

    .venv/bin/python benchmarks/bench_documents.py [--runs N]

Times are medians over N runs in one process, after a first document has loaded the fonts
(the first one is reported separately). Sizes are of the PDF bytes: fonts are embedded as
subsets, so a file grows with the number of distinct characters it prints, not with the
20 MB font file.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from collections.abc import Callable

from pypdf import PdfReader

from station.documents import render
from station.documents import samples as s
from station.documents.data import ReceiptPaper


def _pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def _measure(job: Callable[[], bytes], runs: int) -> tuple[float, bytes]:
    times = []
    pdf = b""
    for _ in range(runs):
        start = time.perf_counter()
        pdf = job()
        times.append(time.perf_counter() - start)
    return statistics.median(times), pdf


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    receipt = s.sample_receipt()
    start = time.perf_counter()
    first = render("receipt", receipt)
    first_time = time.perf_counter() - start

    jobs: list[tuple[str, Callable[[], bytes], float | None, int | None]] = [
        # (what, job, time target in s, size target in bytes)
        ("receipt, A5", lambda: render("receipt", receipt), 0.150, 300_000),
        ("receipt, half A4 (2 copies)",
         lambda: render("receipt", s.sample_receipt(ReceiptPaper.HALF_A4)), 0.150, 300_000),
        ("referral slip", lambda: render("referral", s.sample_referral()), None, None),
        ("agreement", lambda: render("agreement", s.sample_mediation()), None, None),
        ("case file", lambda: render("case-file", s.sample_case_file()), 1.5, None),
        ("case file, edge data (12 parties, 40 terms)",
         lambda: render("case-file", s.sample_case_file(s.edge_mediation())), None, None),
        ("ledger, 60 work orders", lambda: render("ledger", s.sample_case_ledger()), None, None),
    ]

    rows = [("first receipt (loads fonts)", first_time, first, None, None)]
    for name, job, time_target, size_target in jobs:
        median, pdf = _measure(job, args.runs)
        rows.append((name, median, pdf, time_target, size_target))

    print(f"documents benchmark — median of {args.runs} runs, Python {sys.version.split()[0]}")
    header = f"{'document':<46} {'pages':>5} {'time':>9} {'target':>8} {'size':>9} {'target':>8}"
    print(header)
    print("-" * len(header))
    failed = False
    for name, seconds, pdf, time_target, size_target in rows:
        size = len(pdf)
        time_ok = time_target is None or seconds < time_target
        size_ok = size_target is None or size < size_target
        failed |= not (time_ok and size_ok)
        print(
            f"{name:<46} {_pages(pdf):>5} {seconds * 1000:>7.0f}ms "
            f"{f'<{time_target * 1000:.0f}ms' if time_target else '':>8} "
            f"{size / 1024:>7.0f}KB {f'<{size_target // 1000}KB' if size_target else '':>8}"
            f"{'' if time_ok and size_ok else '  MISSED'}"
        )
    if failed:
        print("\nsome targets were missed")


if __name__ == "__main__":
    main()
