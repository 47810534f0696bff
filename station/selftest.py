"""``grid-station --self-test``: prove that this installation works, end to end, in seconds.

Run on a fresh PC after unpacking the bundle (and by ``tests/test_bundle.py`` on every
build). In a temporary data folder it builds a small demo town, opens the real main window
offscreen (no login: a demo administrator is signed in directly), renders one of every
printable document, checks each is a real PDF, prints one line per step with its time and
exits 0 only if every step passed. Nothing outside the temporary folder is touched.

The report's last lines carry the figures the bundle is judged by:
``time to main window`` is from the moment the process started (the bundle's loader
included) to the window shown with its first data loaded, *minus* the demo-town build,
which a real start does not do.

Qt is imported inside the steps that need it: ``station`` never imports Qt at import time.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TextIO

from station import __version__

SELF_TEST_CASES = 60
SELF_TEST_MEDIATIONS = 20
SELF_TEST_RESIDENTS = 300
#: A PDF smaller than this has no embedded font or no content: something went wrong.
MIN_PDF_BYTES = 5_000


@dataclass
class Step:
    name: str
    ok: bool = True
    ms: float = 0.0
    detail: str = ""


@dataclass
class SelfTestReport:
    """The steps run so far; printed as they finish so a hang shows where it hangs."""

    out: TextIO
    steps: list[Step] = field(default_factory=list)

    @contextmanager
    def step(self, name: str) -> Iterator[Step]:
        """Time the block as one step; an exception marks it failed (and is not raised)."""
        current = Step(name)
        started = time.perf_counter()
        try:
            yield current
        except Exception as exc:  # reported as a failed step; the test goes on where it can
            current.ok = False
            current.detail = f"{type(exc).__name__}: {exc}"
            traceback.print_exc(file=sys.stderr)
        current.ms = (time.perf_counter() - started) * 1000
        self.add(current)

    def add(self, step: Step) -> None:
        self.steps.append(step)
        mark = "ok  " if step.ok else "FAIL"
        print(f"  {mark} {step.name:<34} {step.ms:7.0f} ms  {step.detail}", file=self.out)
        self.out.flush()

    @property
    def ok(self) -> bool:
        return bool(self.steps) and all(s.ok for s in self.steps)

    def ms(self, name: str) -> float:
        return sum(s.ms for s in self.steps if s.name == name)


def process_age_ms() -> float | None:
    """Milliseconds since this process was created, or None where the OS will not say.

    Counts what ``time.perf_counter()`` at import cannot: the interpreter's start-up and,
    frozen, the bundle's loader.
    """
    try:
        if sys.platform.startswith("linux"):
            ticks = os.sysconf("SC_CLK_TCK")
            # Field 22 (starttime, in ticks since boot) after the ")" that ends the name.
            fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
            started = int(fields[19]) / ticks
            uptime = float(Path("/proc/uptime").read_text().split()[0])
            return max(0.0, (uptime - started) * 1000)
        if sys.platform == "win32":
            import ctypes
            from ctypes import wintypes

            created, exited, kernel, user, now = (wintypes.FILETIME() for _ in range(5))
            kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
            if not kernel32.GetProcessTimes(
                kernel32.GetCurrentProcess(),
                ctypes.byref(created),
                ctypes.byref(exited),
                ctypes.byref(kernel),
                ctypes.byref(user),
            ):
                return None
            kernel32.GetSystemTimeAsFileTime(ctypes.byref(now))

            def as_int(t: Any) -> int:
                return (t.dwHighDateTime << 32) | t.dwLowDateTime

            return (as_int(now) - as_int(created)) / 10_000  # 100 ns units
    except (OSError, ValueError, IndexError, AttributeError):
        return None
    return None


# ------------------------------------------------------------------------------ steps


def _build_demo(data_dir: Path) -> Any:
    from station.demo.town import build_demo_town

    return build_demo_town(
        data_dir,
        cases=SELF_TEST_CASES,
        mediations=SELF_TEST_MEDIATIONS,
        residents=SELF_TEST_RESIDENTS,
    )


def _sample_data() -> dict[str, Any]:
    """The documents' built-in samples, for kinds the small demo town has no record for."""
    from station.documents import samples

    mediation = samples.sample_mediation()
    data: dict[str, Any] = {
        "receipt": samples.sample_receipt(),
        "referral": samples.sample_referral(),
        "oral-agreement": samples.sample_oral_mediation(),
        "case-file": samples.sample_case_file(),
        "ledger": samples.sample_case_ledger(),
    }
    return {kind: data.get(kind, mediation) for kind in _document_kinds()}


def _document_kinds() -> list[str]:
    from station.documents import KINDS

    return list(KINDS)


def _check_pdf(pdf: bytes) -> None:
    if not pdf.startswith(b"%PDF-"):
        raise ValueError("the output is not a PDF")
    if b"%%EOF" not in pdf[-1024:]:
        raise ValueError("the PDF is cut short (no %%EOF)")
    if len(pdf) < MIN_PDF_BYTES:
        raise ValueError(f"the PDF is only {len(pdf)} bytes")


def _document_renderers(data_dir: Path) -> tuple[Callable[[str], tuple[bytes, str]], Any]:
    """``render(kind) -> (pdf, source)`` from the demo database, with sample data where
    no record in the small town has what the document needs; and the database to close."""
    from station.db.database import open_database
    from station.documents import DocumentDataMissing, render

    samples = _sample_data()
    database = open_database(data_dir)
    try:
        from station.services import documents as printing
        from station.services.cases import list_cases
        from station.services.mediation import list_mediations
        from station.services.users import system_actor
    except ImportError:  # the printing service is not in this build: samples only
        return (lambda kind: (render(kind, samples[kind]), "示例数据")), database

    with database.read() as session:
        case_numbers = [r.number for r in list_cases(session, limit=SELF_TEST_CASES)]
        mediation_numbers = [r.number for r in list_mediations(session, limit=SELF_TEST_MEDIATIONS)]

    def from_database(kind: str) -> tuple[bytes, str]:
        with database.transaction() as session:
            actor = system_actor(session)
            if kind == "ledger":
                today = date.today()
                pdf = printing.render_ledger_document(
                    session, actor=actor, date_from=today - timedelta(days=400), date_to=today
                )
                return pdf, "演示镇"
            numbers = case_numbers if kind in printing.CASE_KINDS else mediation_numbers
            for number in numbers:
                try:
                    return printing.render_document(
                        session, actor=actor, kind=kind, number=number
                    ), f"演示镇 {number}"
                except DocumentDataMissing:
                    continue  # this record lacks what the document needs: try the next
        return render(kind, samples[kind]), "示例数据（演示镇中无合适记录）"

    return from_database, database


# ------------------------------------------------------------------------------ the test


def run_self_test(*, out: TextIO | None = None) -> int:
    """Run every step and print the report; 0 if all passed, 1 if not."""
    out = out or sys.stdout
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    startup_ms = process_age_ms()
    report = SelfTestReport(out)
    frozen = "（打包版）" if getattr(sys, "frozen", False) else ""
    print(f"网格驿站 grid-station {__version__} 自检{frozen}", file=out)
    if startup_ms is not None:
        report.add(Step("start-up (process → self-test)", ms=startup_ms))

    with tempfile.TemporaryDirectory(
        prefix="grid-station-selftest-", ignore_cleanup_errors=True
    ) as temp:
        data_dir = Path(temp) / "数据"
        summary = None
        window_shown: float | None = None
        with report.step("demo town") as step:
            summary = _build_demo(data_dir)
            step.detail = (
                f"{summary.residents} 位居民，{summary.cases} 张工单，"
                f"{summary.mediations} 件调解案件"
            )
        if summary is not None:
            with report.step("main window (offscreen)") as step:
                from ui.selftest_window import open_main_window  # Qt: only here

                step.detail = open_main_window(data_dir, username=summary.users[0])
                window_shown = time.perf_counter()
            _render_documents(report, data_dir)
        with report.step("first-run setup (new station)") as step:
            step.detail = _set_up_station(Path(temp) / "新驿站")
        with report.step("sync page helper (process)") as step:
            step.detail = _page_helper()

    total_s = time.perf_counter() - started
    if startup_ms is not None and window_shown is not None:
        # What a real start does: start-up, then the window; not the demo-town build.
        window_ms = startup_ms + (window_shown - started) * 1000 - report.ms("demo town")
        print(
            f"time to main window: {window_ms:.0f} ms "
            "(process start → window shown with its data, without the demo-town build)",
            file=out,
        )
    failed = [s.name for s in report.steps if not s.ok]
    if failed:
        print(f"自检未通过：{len(failed)} 项失败（{'、'.join(failed)}）", file=out)
        return 1
    print(f"自检通过：{len(report.steps)} 项，用时 {total_s:.1f} 秒", file=out)
    return 0


def _page_helper() -> str:
    """A large pull prepares pages in a helper process (station.sync.page_worker): it must
    start from this installation (in the bundle: this executable, through freeze_support)."""
    from station.sync.apply import prepare_page
    from station.sync.page_worker import PageWorker

    body = (
        b'{"events":[],"reference":[],"next_cursor":7,"has_more":false,'
        b'"server_hlc":"000000000000000-00000"}'
    )
    with PageWorker() as worker:
        prepared = worker.prepare(body)
        if worker.helped != 1:
            raise RuntimeError("同步页面助手进程没有启动（大批量下载会慢一些，但不影响结果）")
    if prepared != prepare_page(body):
        raise RuntimeError("同步页面助手进程的结果与本进程不同")
    return "助手进程已启动并准备了一页"


def _set_up_station(folder: Path) -> str:
    """What the setup wizard does for a new station, then a login with its account."""
    from station.db.database import open_database
    from station.services.setup import create_station
    from station.services.users import authenticate
    from station.settings import StationSettings

    created = create_station(
        folder,
        settings=StationSettings(
            station_code="ZJ01",
            station_name="自检村网格驿站",
            station_kind="village",
            town_name="自检镇",
            committee_name="自检镇自检村人民调解委员会",
            committee_short="自检",
            phone="0591-87654321",
        ),
        admin_username="admin",
        admin_display_name="自检",
        admin_password="selftest-2026",
    )
    database = open_database(folder)
    try:
        with database.transaction() as session:
            actor = authenticate(session, username="admin", password="selftest-2026")
    finally:
        database.close()
    return f"{created.settings.station_name}（{actor.station_code}），管理员登录成功"


def _render_documents(report: SelfTestReport, data_dir: Path) -> None:
    database = None
    with report.step("documents: prepare") as step:
        render_kind, database = _document_renderers(data_dir)
        step.detail = f"{len(_document_kinds())} 种文书"
    if database is None:
        return
    try:
        for kind in _document_kinds():
            with report.step(f"document {kind}") as step:
                pdf, source = render_kind(kind)
                _check_pdf(pdf)
                step.detail = f"{len(pdf) / 1024:.0f} KB，{source}"
    finally:
        database.close()


__all__ = ["SelfTestReport", "Step", "process_age_ms", "run_self_test"]
