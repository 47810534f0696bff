"""The sync schedule's arithmetic, driven by a fake clock (plain numbers)."""

from __future__ import annotations

import random

import pytest

from station.sync.schedule import ScheduleConfig, SyncSchedule

CONFIG = ScheduleConfig(
    interval=300, debounce=20, debounce_max=120, backoff_base=30, backoff_max=1800
)


def schedule(seed: int = 1) -> SyncSchedule:
    return SyncSchedule(CONFIG, rng=random.Random(seed))


def run(s: SyncSchedule, now: float, *, ok: bool) -> float:
    assert s.is_due(now)
    s.started(now)
    assert s.due_at() is None  # nothing starts while one runs
    return s.finished(now + 1, ok=ok)


def test_nothing_is_due_before_start() -> None:
    s = schedule()
    assert s.due_at() is None
    assert not s.is_due(10**9)


def test_start_syncs_at_once_then_every_interval() -> None:
    s = schedule()
    s.start(1000)
    assert s.is_due(1000)
    run(s, 1000, ok=True)
    assert s.due_at() == 1001 + 300
    assert not s.is_due(1300)
    run(s, 1301, ok=True)
    assert s.due_at() == 1302 + 300


def test_local_change_syncs_shortly_after_and_bursts_are_capped() -> None:
    s = schedule()
    s.start(0)
    run(s, 0, ok=True)  # next regular attempt at 301
    s.local_change(100)
    assert s.due_at() == 120
    # Typing on: each change pushes it back, but never past first change + debounce_max.
    for t in range(105, 300, 5):
        s.local_change(t)
    assert s.due_at() == 220
    run(s, 220, ok=True)
    assert s.due_at() == 221 + 300


def test_change_during_a_sync_is_picked_up_after_it() -> None:
    s = schedule()
    s.start(0)
    s.started(0)
    s.local_change(0.5)
    s.finished(1, ok=True)
    assert s.due_at() == 21


def test_backoff_grows_exponentially_with_jitter_and_is_capped() -> None:
    delays = []
    s = schedule(seed=7)
    s.start(0)
    now = 0.0
    for _ in range(10):
        now = s.due_at()  # type: ignore[assignment]
        delays.append(run(s, now, ok=False))
        now += 1
    for n, delay in enumerate(delays, start=1):
        ceiling = min(1800, 30 * 2 ** (n - 1))
        assert ceiling / 2 <= delay <= ceiling
    assert delays[-1] <= 1800
    assert delays[4] > delays[0] * 4  # 240–480 s after five failures vs 15–30 s after one


def test_jitter_spreads_stations_apart() -> None:
    delays = {round(schedule(seed=n).backoff_delay(5), 3) for n in range(50)}
    assert len(delays) > 40


def test_success_resets_the_backoff() -> None:
    s = schedule()
    s.start(0)
    for _ in range(5):
        run(s, s.due_at(), ok=False)  # type: ignore[arg-type]
    assert s.failures == 5
    at = s.due_at()
    assert at is not None
    assert run(s, at, ok=True) == 300
    assert s.failures == 0
    assert 15 <= run(s, at + 301, ok=False) <= 30  # the next failure starts over


def test_local_change_does_not_cut_a_backoff_short_but_sync_now_does() -> None:
    s = schedule()
    s.start(0)
    run(s, 0, ok=False)
    run(s, s.due_at(), ok=False)  # type: ignore[arg-type]
    retry = s.due_at()
    assert retry is not None and retry > 40
    s.local_change(40)
    assert s.due_at() == retry
    s.sync_now(41)
    assert s.is_due(41)
    s.started(41)
    assert not s.is_due(41)  # the request was used up


def test_interval_change_moves_the_pending_attempt() -> None:
    s = schedule()
    s.start(0)
    run(s, 0, ok=True)
    assert s.due_at() == 301
    s.set_interval(600, now=100)
    assert s.due_at() == 601
    s.set_interval(60, now=100)
    assert s.due_at() == 100  # already overdue under the shorter interval: now


@pytest.mark.parametrize("seconds", [0, 10, 59])
def test_interval_has_a_floor(seconds: float) -> None:
    s = schedule()
    s.set_interval(seconds, now=0)
    assert s.config.interval == 60


def test_a_cancelled_sync_is_neither_a_failure_nor_a_success() -> None:
    s = SyncSchedule(ScheduleConfig(interval=300, backoff_base=10, backoff_max=600))
    s.start(0)
    s.started(0)
    s.finished(1, ok=False)  # one failure: backing off
    assert s.failures == 1
    s.started(20)
    assert s.finished(21, ok=False, cancelled=True) == 300  # the regular interval, no backoff
    assert s.failures == 1  # … and the backoff under way keeps its count
    s.started(400)
    s.finished(401, ok=True)
    assert s.failures == 0
