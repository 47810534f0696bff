"""The work-order list and detail driven offscreen on a large station database.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_ui_cases.py [--data-dir DIR]
(default DIR: /tmp/big, a 200,000-case demo town; build one with
``grid-station demo --data-dir /tmp/big --cases 200000 --force``).

Only reads: no login is recorded, nothing is saved. For every step it prints the median
time until the list (or detail) is shown, and how long the GUI thread was kept from its
event loop meanwhile — as CPU time of the GUI thread (our code blocking it) and as wall
time (which also counts other programs using the CPU). Design target: no block over 100 ms.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer

from station.db.database import open_database
from station.domain.enums import Role
from station.services.cases import DeadlineFilter
from station.services.events import Actor
from station.services.users import list_users
from station.settings import load_settings
from ui.app import create_application, setup_application
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.task_runner import TaskRunner


class StallMeter:
    """Worst gap between ticks of a 5 ms GUI timer: (GUI-thread CPU ms, wall ms)."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.reset()

    def reset(self) -> None:
        self.cpu = self.wall = 0.0
        self._wall, self._cpu = time.perf_counter(), time.thread_time()

    def _tick(self) -> None:
        wall, cpu = time.perf_counter(), time.thread_time()
        self.wall = max(self.wall, (wall - self._wall) * 1000)
        self.cpu = max(self.cpu, (cpu - self._cpu) * 1000)
        self._wall, self._cpu = wall, cpu


def wait_for(signal, start: Callable[[], object], timeout_s: float = 120) -> float:  # type: ignore[no-untyped-def]
    """Seconds from ``start()`` until ``signal`` fires (the event loop keeps running)."""
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    started = time.perf_counter()
    start()
    loop.exec()
    elapsed = time.perf_counter() - started
    signal.disconnect(loop.quit)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, default=Path("/tmp/big"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    app = create_application()
    setup_application(app)
    database = open_database(args.data_dir)
    runner = TaskRunner(database=database)
    with database.read() as session:
        settings = load_settings(session)
        clerk = next(u for u in list_users(session) if u.role == Role.RECEPTIONIST.value)
    actor = Actor(
        username=clerk.username,
        role=Role(clerk.role),
        station_code=settings.station_code,
        display_name=clerk.display_name,
    )
    context = AppContext(database=database, runner=runner, actor=actor, settings=settings)
    gc.freeze()  # as run_app does
    meter = StallMeter()
    meter.timer.start()
    results: list[tuple[str, float, float, float, int]] = []

    window = MainWindow(context=context)
    window.resize(1366, 768)
    window.show()
    page = window.cases_page
    model = page.model

    def measure(label: str, start: Callable[[], object], signal=None) -> None:  # type: ignore[no-untyped-def]
        times, cpus, walls = [], [], []
        for _ in range(args.repeat):
            meter.reset()
            times.append(wait_for(signal or model.sig_loaded, start))
            cpus.append(meter.cpu)
            walls.append(meter.wall)
        results.append((label, statistics.median(times), max(cpus), max(walls), model.total))

    def set_combo(combo, data) -> Callable[[], None]:  # type: ignore[no-untyped-def]
        def apply() -> None:
            page._last_filter = None  # the same filter again: load anyway
            index = combo.findData(data)
            if combo.currentIndex() == index:
                page.search_now()
            else:
                combo.setCurrentIndex(index)

        return apply

    def reset() -> None:
        page._last_filter = None
        page.reset_filters()

    def set_check(on: bool) -> Callable[[], None]:
        def apply() -> None:
            page._last_filter = None
            if page.mine_check.isChecked() == on:
                page.search_now()
            else:
                page.mine_check.setChecked(on)

        return apply

    def search(text: str) -> Callable[[], None]:
        def apply() -> None:
            page._last_filter = None
            page.search_edit.setText(text)
            page.search_now()

        return apply

    measure("open the list (all cases)", window.start)
    loop = QEventLoop()
    QTimer.singleShot(3000, loop.quit)  # let the reference lists and counts arrive
    loop.exec()
    measure("filter: status 办理中", set_combo(page.status_combo, "in_progress"))
    measure("filter: + category 环境卫生 (and below)", set_combo(page.category_combo, "K02"))
    measure("filter: + community 东街社区", set_combo(page.area_combo, "community:C01"))
    wait_for(model.sig_loaded, reset)
    measure("filter: channel 来电", set_combo(page.channel_combo, "phone"))
    measure("filter: + last 30 days", set_combo(page.date_combo, "30"))
    wait_for(model.sig_loaded, reset)
    measure("filter: overdue", set_combo(page.deadline_combo, DeadlineFilter.OVERDUE))
    measure("filter: due within 2 working days", set_combo(page.deadline_combo, "due_soon"))
    wait_for(model.sig_loaded, lambda: page.deadline_combo.setCurrentIndex(0))
    measure("filter: assigned to me", set_check(True))
    wait_for(model.sig_loaded, lambda: page.mine_check.setChecked(False))
    measure("search: 2 characters 邻居", search("邻居"))
    measure("search: 1 character 李", search("李"))
    measure("search: 4 characters 无人清运 (FTS)", search("无人清运"))
    number = model.row_at(0).number if model.row_at(0) else ""
    measure(f"search: case number {number}", search(number))
    measure("clear: back to all cases", reset)

    # Scrolling: each fetchMore builds one batch of rows on the GUI thread.
    fetch_times = []
    for _ in range(10):
        started = time.perf_counter()
        model.fetchMore()
        fetch_times.append((time.perf_counter() - started) * 1000)
    case_id = model.case_id(0)
    detail = page.detail
    measure_detail = []
    meter.reset()
    for _ in range(args.repeat):
        measure_detail.append(_detail_time(detail, page, case_id))
    results.append(
        ("open a case detail", statistics.median(measure_detail), meter.cpu, meter.wall, 1)
    )

    print(
        f"\nWork-order list on {args.data_dir} ({model.total:,} cases), offscreen, median of "
        f"{args.repeat}"
    )
    print(f"{'step':44} {'time':>9} {'GUI block CPU':>14} {'(wall)':>8} {'matches':>9}")
    for label, seconds, cpu, wall, total in results:
        print(f"{label:44} {seconds * 1000:7.0f}ms {cpu:12.0f}ms {wall:6.0f}ms {total:9,}")
    print(
        f"{'scroll: one batch of 200 rows (fetchMore)':44} "
        f"{statistics.median(fetch_times):7.0f}ms {max(fetch_times):12.0f}ms"
    )
    meter.timer.stop()
    window.close()
    runner.shutdown()
    database.close()


def _detail_time(detail, page, case_id: str) -> float:  # type: ignore[no-untyped-def]
    """Seconds until the detail page shows ``case_id`` (polled on the event loop)."""
    detail.view = None
    started = time.perf_counter()
    page.open_case(case_id)
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(2)
    timer.timeout.connect(lambda: loop.quit() if detail.view is not None else None)
    timer.start()
    loop.exec()
    timer.stop()
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
