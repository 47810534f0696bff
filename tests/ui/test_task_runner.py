"""The one background helper: results and errors come back by signal on the GUI thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from station.db.database import Database
from station.errors import ValidationError
from station.services.cases import case_ids
from station.services.users import list_users
from ui.task_runner import TaskRunner


def test_query_result_arrives_on_the_gui_thread(qtbot, runner: TaskRunner) -> None:
    seen: dict[str, object] = {}

    def op(session: object) -> list[str]:
        seen["op_thread"] = threading.current_thread()
        return case_ids(session)

    def success(ids: list[str]) -> None:
        seen["ids"] = ids
        seen["callback_thread"] = threading.current_thread()

    with qtbot.waitSignal(runner.sig_task_done, timeout=10_000):
        task = runner.query(op, parent=None, success=success)
    assert task.done
    assert len(seen["ids"]) == 7  # type: ignore[arg-type]
    assert seen["callback_thread"] is threading.main_thread()
    assert seen["op_thread"] is not threading.main_thread()


def test_tasks_run_one_at_a_time_in_order(qtbot, runner: TaskRunner) -> None:
    order: list[int] = []
    threads: set[int] = set()

    def op(n: int):  # type: ignore[no-untyped-def]
        def run(_session: object) -> int:
            threads.add(threading.get_ident())
            return n

        return run

    for n in range(5):
        runner.query(op(n), parent=None, success=order.append)
    qtbot.waitUntil(lambda: len(order) == 5, timeout=10_000)
    assert order == [0, 1, 2, 3, 4]
    assert len(threads) == 1  # the single database worker


def test_error_goes_to_failure_callback(qtbot, runner: TaskRunner) -> None:
    errors: list[BaseException] = []

    def op(_session: object) -> None:
        raise ValidationError("请填写姓名", field="name")

    with qtbot.waitSignal(runner.sig_task_done, timeout=10_000):
        runner.query(
            op, parent=None, success=lambda _: pytest.fail("no success"), failure=errors.append
        )
    assert isinstance(errors[0], ValidationError)
    assert errors[0].message == "请填写姓名"


def test_error_without_failure_callback_is_shown(qtbot, runner: TaskRunner, message_boxes) -> None:
    with qtbot.waitSignal(runner.sig_task_done, timeout=10_000):
        runner.run(lambda: 1 / 0, parent=None)
    assert len(message_boxes) == 1
    assert message_boxes[0].icon == QMessageBox.Icon.Critical
    assert "ZeroDivisionError" in message_boxes[0].details


def test_mutation_rolls_back_on_error(qtbot, runner: TaskRunner, small_db: Database) -> None:
    from station.services.users import create_user

    def op(session: object) -> None:
        create_user(
            session, username="temp", display_name="临时", role="viewer", password="temporary-pw"
        )
        raise ValidationError("停止")

    with qtbot.waitSignal(runner.sig_task_done, timeout=10_000):
        runner.mutate(op, parent=None, failure=lambda _exc: None)
    with small_db.read() as session:
        assert "temp" not in {u.username for u in list_users(session)}


def test_callbacks_are_skipped_when_the_parent_is_gone(qtbot, runner: TaskRunner) -> None:
    parent = QObject()
    called: list[object] = []
    gate = threading.Event()

    def op() -> int:
        gate.wait(5)
        return 1

    task = runner.run(op, parent=parent, success=called.append)
    parent.deleteLater()
    qtbot.waitUntil(lambda: not _is_valid(parent), timeout=5_000)
    with qtbot.waitSignal(runner.sig_task_done, timeout=10_000):
        gate.set()
    assert called == []
    assert task.done and task.result == 1


def _is_valid(obj: QObject) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)


def test_busy_signal_brackets_work(qtbot, runner: TaskRunner) -> None:
    states: list[bool] = []
    runner.sig_busy.connect(states.append)
    with qtbot.waitSignal(runner.sig_task_done, timeout=10_000):
        runner.run(lambda: None, parent=None)
    assert states == [True, False]
    assert not runner.busy


def test_no_new_tasks_after_shutdown(small_db: Database) -> None:
    own = TaskRunner(database=small_db)
    assert own.shutdown()
    with pytest.raises(RuntimeError):
        own.run(lambda: None, parent=None)


def test_garbage_is_collected_on_the_gui_thread_only(qtbot, small_db: Database) -> None:
    """Automatic GC could free a Qt wrapper on the worker thread (a crash): it is off while
    a runner lives, and a GUI-thread timer collects instead."""
    import gc

    from ui.task_runner import _GuiThreadGarbageCollector

    enabled_before = gc.isenabled()
    own = TaskRunner(database=small_db)
    try:
        assert not gc.isenabled()
        collected: list[int] = []
        gc.callbacks.append(lambda phase, info: collected.append(threading.get_ident()))
        try:
            for _ in range(gc.get_threshold()[0] + 10):
                cycle: list[object] = []
                cycle.append(cycle)
            _GuiThreadGarbageCollector._instance.collect()  # what the timer does
        finally:
            gc.callbacks.pop()
        assert collected and set(collected) == {threading.get_ident()}
    finally:
        assert own.shutdown()
    assert gc.isenabled() == enabled_before
