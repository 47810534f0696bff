"""The UI's one background helper: run a function off the GUI thread, get the outcome by signal.

Modelled on Anki's ``QueryOp`` / ``CollectionOp``::

    runner.query(lambda session: case_ids(session, flt),
                 parent=self, success=self._show_ids)

* :meth:`TaskRunner.query` runs ``op(session)`` in a read session,
  :meth:`TaskRunner.mutate` in a transaction (commit on success, rollback on error),
  :meth:`TaskRunner.run` runs ``op()`` with no session (e.g. building the demo town).
* Every op runs on **one** worker thread, in the order submitted: SQLite has one writer, and
  a queue means a write is never starved by a burst of reads. Each op gets its own Session,
  opened and closed on the worker.
* ``success(result)`` or ``failure(exc)`` is called later **on the GUI thread**. Without a
  ``failure``, the error is shown with :func:`ui.errors.show_exception`.
* If ``parent`` has been deleted by then (window closed), neither is called.

Don't touch widgets inside ``op``: it runs on the worker thread. Nothing else in the UI
starts threads. Two rules keep Qt objects from being freed on the worker (a crash): the
GUI thread holds every task until the worker has let go of it, and Python's cyclic garbage
collector runs on the GUI thread only while a runner exists (``_GuiThreadGarbageCollector``).
"""

from __future__ import annotations

import gc
import itertools
import logging
import queue
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from station.db.database import Database

log = logging.getLogger(__name__)

T = TypeVar("T")
# A station database session, handed to services; opaque to the UI (no SQLAlchemy here).
DbSession = Any


@dataclass
class Task(Generic[T]):
    """One submitted op; ``done`` turns True on the GUI thread once its callback has run."""

    id: int
    op: Callable[..., T]
    session: str  # "read", "write" or "none"
    parent: QObject | None
    success: Callable[[T], None] | None
    failure: Callable[[BaseException], None] | None
    label: str = ""
    done: bool = False
    result: Any = field(default=None, repr=False)
    error: BaseException | None = None


_STOP = object()


class _WorkerThread(QThread):
    """Takes tasks off a queue and runs them one after another."""

    def __init__(self, runner: TaskRunner) -> None:
        super().__init__()
        self.setObjectName("grid-station-db")
        self._runner = runner
        self.tasks: queue.SimpleQueue[Any] = queue.SimpleQueue()

    def run(self) -> None:
        while True:
            task = self.tasks.get()
            if task is _STOP:
                return
            result: Any = None
            error: BaseException | None = None
            try:
                result = self._execute(task)
            except BaseException as exc:  # delivered to the GUI thread, never lost
                error = exc
            # Emitted from this thread to an object living on the GUI thread: queued.
            self._runner.sig_finished_internal.emit(task, result, error)
            # The GUI thread keeps the task (and so its op, result and error) alive until this
            # thread has dropped its own references: nothing that may wrap a Qt object is
            # ever freed here.
            del task, result, error

    def _execute(self, task: Task[Any]) -> Any:
        if task.session == "none":
            return task.op()
        database = self._runner.database
        if database is None:
            raise RuntimeError("TaskRunner has no database for a session op")
        if task.session == "write":
            with database.transaction() as session:
                return task.op(session)
        with database.read() as session:
            return task.op(session)


class TaskRunner(QObject):
    """Owns the single database worker thread; see the module docstring."""

    sig_busy = Signal(bool)  # True while any task is queued or running
    sig_task_done = Signal(object)  # the Task, after its callback ran (tests wait on this)
    sig_finished_internal = Signal(object, object, object)  # task, result, error

    def __init__(self, *, database: Database | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.database = database
        self._ids = itertools.count(1)
        self._pending = 0
        self._last_delivered: Task[Any] | None = None
        self._closed = False  # shut down: results still queued to us are dropped
        self._thread = _WorkerThread(self)
        self.sig_finished_internal.connect(self._deliver)
        _GuiThreadGarbageCollector.acquire()
        self._thread.start()

    # ----------------------------------------------------------------- submitting

    def query(
        self,
        op: Callable[[DbSession], T],
        *,
        parent: QObject | None,
        success: Callable[[T], None] | None = None,
        failure: Callable[[BaseException], None] | None = None,
        label: str = "",
    ) -> Task[T]:
        """Run ``op(session)`` in a read-only unit of work."""
        return self._submit(op, "read", parent, success, failure, label)

    def mutate(
        self,
        op: Callable[[DbSession], T],
        *,
        parent: QObject | None,
        success: Callable[[T], None] | None = None,
        failure: Callable[[BaseException], None] | None = None,
        label: str = "",
    ) -> Task[T]:
        """Run ``op(session)`` in one transaction: committed if it returns, rolled back if not."""
        return self._submit(op, "write", parent, success, failure, label)

    def run(
        self,
        op: Callable[[], T],
        *,
        parent: QObject | None,
        success: Callable[[T], None] | None = None,
        failure: Callable[[BaseException], None] | None = None,
        label: str = "",
    ) -> Task[T]:
        """Run ``op()`` with no session (it manages its own resources)."""
        return self._submit(op, "none", parent, success, failure, label)

    def _submit(
        self,
        op: Callable[..., T],
        session: str,
        parent: QObject | None,
        success: Callable[[T], None] | None,
        failure: Callable[[BaseException], None] | None,
        label: str,
    ) -> Task[T]:
        if not self._thread.isRunning():
            raise RuntimeError("TaskRunner has been shut down")
        task: Task[T] = Task(next(self._ids), op, session, parent, success, failure, label)
        self._pending += 1
        if self._pending == 1:
            self.sig_busy.emit(True)
        self._thread.tasks.put(task)
        return task

    # ----------------------------------------------------------------- delivering

    @Slot(object, object, object)
    def _deliver(self, task: Task[Any], result: Any, error: BaseException | None) -> None:
        # The worker is past the previous task (it is delivering this one), so the previous
        # task can be freed here, on the GUI thread; this one is kept until the next.
        self._last_delivered = task
        task.result, task.error = result, error
        try:
            alive = task.parent is None or shiboken6.isValid(task.parent)
            if self._closed:
                log.debug("task %s finished after shutdown", task.label or task.id)
            elif not alive:
                log.debug("task %s finished after its parent was deleted", task.label or task.id)
            elif error is None:
                if task.success is not None:
                    task.success(result)
            elif task.failure is not None:
                task.failure(error)
            else:
                from ui.errors import show_exception

                widget = task.parent if isinstance(task.parent, QWidget) else None
                show_exception(widget, error)
        finally:
            task.done = True
            self._pending -= 1
            if self._pending == 0:
                self.sig_busy.emit(False)
            self.sig_task_done.emit(task)

    # ----------------------------------------------------------------- lifetime

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def shutdown(self, *, timeout_ms: int = 10_000) -> bool:
        """Finish the queued tasks, then stop the thread; callbacks still pending are dropped.

        Returns False if the worker did not stop within ``timeout_ms``.
        """
        if not self._thread.isRunning():
            return True
        self._closed = True
        self._thread.tasks.put(_STOP)
        stopped = self._thread.wait(timeout_ms)
        if stopped:
            self._last_delivered = None
            _GuiThreadGarbageCollector.release()
        return stopped


class _GuiThreadGarbageCollector(QObject):
    """Python's cyclic garbage collector runs on the GUI thread only, while workers exist.

    Left automatic, a collection runs in whichever thread happens to allocate, and may free
    a Qt object's wrapper there: the C++ object is then destroyed on the worker thread and
    the process crashes (seen here as a segfault inside a worker's query). So automatic
    collection is switched off while a TaskRunner lives, and a timer on the GUI thread
    collects with the interpreter's own thresholds (the approach of calibre and Anki).
    """

    INTERVAL_MS = 1000
    _instance: _GuiThreadGarbageCollector | None = None
    _users = 0
    _was_enabled = True

    def __init__(self) -> None:
        super().__init__()
        self._timer = QTimer(self)
        self._timer.setInterval(self.INTERVAL_MS)
        self._timer.timeout.connect(self.collect)

    @classmethod
    def acquire(cls) -> None:
        if cls._users == 0:
            cls._was_enabled = gc.isenabled()
            gc.disable()
            if cls._instance is None:
                cls._instance = cls()
            cls._instance._timer.start()
        cls._users += 1

    @classmethod
    def release(cls) -> None:
        cls._users = max(0, cls._users - 1)
        if cls._users == 0 and cls._instance is not None:
            cls._instance._timer.stop()
            cls._instance.collect()
            if cls._was_enabled:
                gc.enable()

    @Slot()
    def collect(self) -> None:
        """Collect the generations whose allocation counts passed their thresholds."""
        thresholds, counts = gc.get_threshold(), gc.get_count()
        generation = -1
        for n in range(3):
            if counts[n] <= thresholds[n]:
                break
            generation = n
        if generation >= 0:
            gc.collect(generation)
