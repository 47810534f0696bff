"""Runs the sync schedule in the desktop app (DESIGN.md §4 Schedule).

:class:`SyncController` owns a :class:`~station.sync.schedule.SyncSchedule` (the
arithmetic) and one single-shot timer set to its next due time. It syncs at start, every
N minutes, shortly after local changes (the change bus) and on "sync now", and backs off
while the town server cannot be reached.

Threads. A sync runs on its own short-lived thread (network waits of up to a minute must
not hold anything else); every database step of it is handed to the app's one database
worker (:class:`ui.task_runner.TaskRunner`) and the sync thread waits for the answer. So
SQLite keeps one writer, the GUI thread never waits, and the worker is held only for the
length of one step (a page of at most :data:`PULL_LIMIT` events), never for a network
round trip — the person's own work interleaves with a long first sync. The sync thread
touches no Qt object: it talks back through signals, which Qt queues to the GUI thread.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal, Slot

from station.errors import GridStationError
from station.services.changes import Changes
from station.services.conflicts import count_conflicts
from station.sync.client import SyncAborted, SyncProgress, SyncReport, sync_station
from station.sync.schedule import ScheduleConfig, SyncSchedule
from station.sync.setup import enroll_station
from station.sync.state import load_sync_state
from ui.context import AppContext

PULL_LIMIT = 2000  # events per pulled page: one database step stays well under a second
STEP_POLL = 0.2  # seconds between looks at the abort flag while a step waits its turn


@dataclass(frozen=True)
class SyncStatus:
    """Everything the status bar shows about sync."""

    enrolled: bool = False
    running: bool = False
    pending: int = 0
    rejected: int = 0
    conflicts: int = 0
    last_success: datetime | None = None
    last_error: str = ""
    progress: str = ""  # while running, in Chinese (from station.sync)
    cancelled: bool = False  # running: a cancel was asked for; idle: the last sync was cancelled
    needs_restart: bool = False  # enrolled as another station during this session
    loaded: bool = False  # False until the first look at the database


def _look(session: Any) -> tuple[Any, int]:
    return load_sync_state(session), count_conflicts(session)


class SyncController(QObject):
    """See the module docstring. Create one per main window; call :meth:`start` once shown
    and :meth:`shutdown` when closing."""

    sig_status = Signal(object)  # SyncStatus, whenever anything in it changed
    sig_finished = Signal(object)  # SyncReport or the exception, after each sync
    sig_step_internal = Signal(object, object)  # (step, Future) from the sync thread
    sig_progress_internal = Signal(object)  # SyncProgress from the sync thread
    sig_done_internal = Signal(object, object)  # (report, error) from the sync thread
    sig_call_internal = Signal(object, object, object)  # (callback, result, error)

    def __init__(
        self,
        *,
        context: AppContext,
        clock: Callable[[], float] = time.monotonic,
        config: ScheduleConfig | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.clock = clock
        minutes = max(1, context.settings.sync_interval_minutes)
        self.schedule = SyncSchedule(config or ScheduleConfig(interval=minutes * 60.0))
        self.status = SyncStatus()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._tick)
        self._abort = threading.Event()
        self._closing = False
        self._thread: threading.Thread | None = None
        self._publishing = False  # publishing pulled changes: not a local change
        self.sig_step_internal.connect(self._run_step)
        self.sig_progress_internal.connect(self._progress)
        self.sig_done_internal.connect(self._done)
        self.sig_call_internal.connect(self._called_back)
        context.bus.sig_changed.connect(self._local_change)

    # ----------------------------------------------------------------- public

    def start(self) -> None:
        """Look at the sync state; if enrolled, sync at once and then on schedule."""
        self.refresh(start_schedule=True)

    def sync_now(self) -> bool:
        """The person asked: sync at once (False if not enrolled or already running)."""
        if not self.status.enrolled or self.status.needs_restart:
            self._emit(self.status)
            return False
        if self.status.running:
            return False
        self.schedule.sync_now(self.clock())
        self._arm()
        return True

    def cancel(self) -> bool:
        """The person asked to stop the running sync (False if none runs).

        It stops at its next step: what was pushed or pulled so far stays, the rest goes
        with the next sync, which keeps its regular time (a cancel is not a failure)."""
        if not self.status.running or self._thread is None:
            return False
        self._abort.set()
        self._emit(replace(self.status, cancelled=True))
        return True

    def enroll(
        self,
        *,
        server_url: str,
        code: str,
        ca_file: str,
        done: Callable[[Any, BaseException | None], None],
    ) -> None:
        """Enroll on a network thread; ``done(answer, error)`` on the GUI thread. On success
        syncing starts (see :meth:`enrolled`)."""
        actor, db = self.context.actor, self.context.database

        def work() -> Any:
            return enroll_station(
                db,
                actor=actor,
                server_url=server_url,
                code=code,
                ca_file=ca_file,
                run_db=self._on_db_worker,
            )

        def finished(answer: Any, error: BaseException | None) -> None:
            if error is None:
                self.enrolled(station_code=answer.station.code)
            done(answer, error)

        threading.Thread(
            target=self._call, args=(work, finished), name="grid-station-enroll", daemon=True
        ).start()

    def _call(self, work: Callable[[], Any], callback: Callable[..., None]) -> None:
        """On a network thread: ``work()``, then ``callback(result, error)`` on the GUI."""
        result: Any = None
        error: BaseException | None = None
        try:
            result = work()
        except BaseException as exc:
            error = exc
        if not self._closing:
            self.sig_call_internal.emit(callback, result, error)

    @Slot(object, object, object)
    def _called_back(
        self, callback: Callable[..., None], result: Any, error: BaseException | None
    ) -> None:
        callback(result, error)

    def set_interval(self, minutes: int) -> None:
        self.schedule.set_interval(minutes * 60.0, self.clock())
        self._arm()

    def enrolled(self, *, station_code: str) -> None:
        """The station was just enrolled: start syncing — unless it became another station,
        whose records this session would write under the wrong code (restart first)."""
        if station_code != self.context.actor.station_code:
            self._emit(replace(self.status, enrolled=True, needs_restart=True))
            return
        self.schedule.start(self.clock())
        self.refresh(start_schedule=False)
        self._arm()

    def refresh(self, *, start_schedule: bool = False) -> None:
        """Read pending/last success/last error/conflicts again (on the database worker)."""

        def shown(found: tuple[Any, int]) -> None:
            state, conflicts = found
            self._emit(
                replace(
                    self.status,
                    loaded=True,
                    enrolled=state.enrolled,
                    pending=state.pending,
                    rejected=state.rejected,
                    conflicts=conflicts,
                    last_success=state.last_success,
                    last_error=state.last_error,
                )
            )
            if start_schedule and state.enrolled and not self.status.needs_restart:
                self.schedule.start(self.clock())
                self._arm()

        self.context.runner.query(_look, parent=self, success=shown, label="sync status")

    def shutdown(self, *, timeout: float = 5.0) -> None:
        """Stop the timer and ask a running sync to stop (it ends at its next step)."""
        self._closing = True
        self._timer.stop()
        self._abort.set()
        if self._thread is not None:
            self._thread.join(timeout)

    @property
    def running(self) -> bool:
        return self.status.running

    # ----------------------------------------------------------------- schedule

    def _local_change(self, _changes: Changes) -> None:
        if self._publishing or not self.status.enrolled:
            return
        self.schedule.local_change(self.clock())
        self.refresh()  # one more pending
        self._arm()

    def _arm(self) -> None:
        if self._closing:
            return
        due = self.schedule.due_at()
        if due is None:
            self._timer.stop()
            return
        delay_ms = max(0, int((due - self.clock()) * 1000)) if due != float("-inf") else 0
        self._timer.start(min(delay_ms, 2**31 - 1))

    @Slot()
    def _tick(self) -> None:
        if self._closing or self.status.running:
            return
        now = self.clock()
        if not self.schedule.is_due(now):
            self._arm()
            return
        self.schedule.started(now)
        self._abort.clear()
        self._emit(replace(self.status, running=True, progress="", cancelled=False))
        self._thread = threading.Thread(target=self._work, name="grid-station-sync", daemon=True)
        self._thread.start()

    # ----------------------------------------------------------------- sync thread

    def _work(self) -> None:
        """On the sync thread: no Qt objects here, only signal emits."""
        report: SyncReport | None = None
        error: BaseException | None = None
        try:
            report = sync_station(
                db=self.context.database,
                abort=self._abort.is_set,
                progress=self.sig_progress_internal.emit,
                run_db=self._on_db_worker,
                pull_limit=PULL_LIMIT,
            )
        except BaseException as exc:  # handed to the GUI thread, never lost
            error = exc
        if not self._closing:
            self.sig_done_internal.emit(report, error)

    def _on_db_worker(self, step: Callable[[], Any]) -> Any:
        """On the sync thread: run ``step`` on the database worker and wait for it."""
        future: Future[Any] = Future()
        self.sig_step_internal.emit(step, future)
        while True:
            if self._closing:
                raise SyncAborted("同步已取消")
            try:
                return future.result(timeout=STEP_POLL)
            except FutureTimeout:
                continue

    @Slot(object, object)
    def _run_step(self, step: Callable[[], Any], future: Future[Any]) -> None:
        """On the GUI thread: queue the step on the worker; the worker fills the future."""

        def op() -> None:
            try:
                future.set_result(step())
            except BaseException as exc:
                future.set_exception(exc)

        try:
            self.context.runner.run(op, parent=None, label="sync step")
        except RuntimeError as exc:  # the runner was shut down
            future.set_exception(SyncAborted(f"同步已取消：{exc}"))

    # ----------------------------------------------------------------- back on the GUI

    @Slot(object)
    def _progress(self, progress: SyncProgress) -> None:
        self._emit(replace(self.status, progress=progress.message))

    @Slot(object, object)
    def _done(self, report: SyncReport | None, error: BaseException | None) -> None:
        self._thread = None
        ok = error is None
        cancelled = isinstance(error, SyncAborted)
        if isinstance(error, GridStationError) and error.code == "not_enrolled":
            self._emit(
                replace(self.status, running=False, enrolled=False, progress="", cancelled=False)
            )
            self.schedule.finished(self.clock(), ok=False)
            self.sig_finished.emit(error)
            return
        self.schedule.finished(self.clock(), ok=ok, cancelled=cancelled)
        shown = replace(self.status, running=False, progress="", cancelled=cancelled)
        if isinstance(error, GridStationError) and not isinstance(error, SyncAborted):
            shown = replace(shown, last_error=error.message)  # the refresh below confirms
        self._emit(shown)
        done_before = error.report if isinstance(error, SyncAborted) else None
        for finished in (report, done_before):  # a cancelled sync: what it did before
            if finished is not None and finished.touched:
                self._publish(finished.touched)
        self.refresh()
        self._arm()
        self.sig_finished.emit(report if ok else error)

    def _publish(self, touched: set[tuple[str, str]]) -> None:
        """Tell every view what the sync changed (pulled work, rejected own work)."""
        ids: dict[str, list[str]] = {"case": [], "person": [], "mediation": []}
        for entity_type, entity_id in touched:
            if entity_type in ids:
                ids[entity_type].append(entity_id)
        self._publishing = True
        try:
            self.context.bus.publish(
                Changes.of(cases=ids["case"], persons=ids["person"], mediations=ids["mediation"])
            )
        finally:
            self._publishing = False

    def _emit(self, status: SyncStatus) -> None:
        self.status = status
        if shiboken6.isValid(self):
            self.sig_status.emit(status)
