"""When the app syncs next (DESIGN.md §4 Schedule), as plain arithmetic on a clock reading.

:class:`SyncSchedule` knows no clock and no timer: every method takes ``now`` (seconds on a
monotonic clock) and :meth:`SyncSchedule.due_at` answers when the next sync should start.
The Qt driver (``ui/sync_controller.py``) reads the clock, sets one single-shot timer to
``due_at`` and reports what happened; the tests drive it with plain numbers.

Rules:

* At start, sync at once; after a success, again ``interval`` later.
* A local change asks for a sync ``debounce`` seconds later; further changes within that
  window do not push it back further than ``debounce_max`` after the first (a clerk typing
  a long form must not postpone sync forever).
* While the server cannot be reached (or answers with an error), retry with exponential
  backoff — ``backoff_base`` · 2^(n-1), at most ``backoff_max`` — with jitter (each delay
  is drawn between half and all of it), so fifty stations coming back online together do
  not knock at once. Local changes do not cut a backoff short; "sync now" does.
* A success resets the backoff. At most one sync runs at a time: anything asked for while
  one runs happens after it (changes made meanwhile are not in what it pushed).
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class ScheduleConfig:
    interval: float = 300.0  # seconds between syncs while all is well
    debounce: float = 20.0  # after a local change
    debounce_max: float = 120.0  # a burst of changes waits at most this long
    backoff_base: float = 30.0  # first retry after a failure
    backoff_max: float = 1800.0  # retries never further apart than this


class SyncSchedule:
    """The scheduler's state; see the module docstring for the rules."""

    def __init__(self, config: ScheduleConfig | None = None, *, rng: random.Random | None = None):
        self.config = config or ScheduleConfig()
        self._rng = rng or random.Random()
        self.failures = 0  # consecutive failed syncs
        self.running = False
        self._next: float | None = None  # regular (interval or backoff) attempt
        self._change_first: float | None = None  # first unsynced local change in a burst
        self._change_due: float | None = None
        self._now_requested = False
        self._changed_while_running = False

    # ----------------------------------------------------------------- events

    def start(self, now: float) -> None:
        """The app started (or the station was just enrolled): sync at once."""
        self._next = now

    def set_interval(self, seconds: float, now: float) -> None:
        """The interval setting changed; a pending regular attempt moves accordingly."""
        old = self.config.interval
        self.config = ScheduleConfig(
            interval=max(60.0, seconds),
            debounce=self.config.debounce,
            debounce_max=self.config.debounce_max,
            backoff_base=self.config.backoff_base,
            backoff_max=self.config.backoff_max,
        )
        if self.failures == 0 and self._next is not None:
            self._next = max(now, self._next - old + self.config.interval)

    def local_change(self, now: float) -> None:
        """Something was saved locally and should reach the server soon."""
        if self.running:
            self._changed_while_running = True
            return
        if self._change_first is None:
            self._change_first = now
        latest = self._change_first + self.config.debounce_max
        self._change_due = min(now + self.config.debounce, latest)

    def sync_now(self, now: float) -> None:
        """The person asked for a sync: at once, backoff or not."""
        self._now_requested = True

    def started(self, now: float) -> None:
        self.running = True
        self._now_requested = False
        self._change_first = self._change_due = None
        self._next = None

    def finished(self, now: float, *, ok: bool, cancelled: bool = False) -> float:
        """A sync ended; returns the delay until the next regular attempt.

        ``cancelled``: a person stopped it. Not a failure (no backoff), not a success either:
        the next sync comes at the regular interval and a backoff under way keeps its count."""
        self.running = False
        if cancelled:
            delay = self.config.interval
        elif ok:
            self.failures = 0
            delay = self.config.interval
        else:
            self.failures += 1
            delay = self.backoff_delay(self.failures)
        self._next = now + delay
        if self._changed_while_running:
            self._changed_while_running = False
            self.local_change(now)
        return delay

    def backoff_delay(self, failures: int) -> float:
        """Delay after ``failures`` consecutive failures: exponential, capped, jittered."""
        c = self.config
        ceiling = min(c.backoff_max, c.backoff_base * 2 ** min(failures - 1, 30))
        return ceiling / 2 + self._rng.uniform(0, ceiling / 2)

    # ----------------------------------------------------------------- answer

    def due_at(self) -> float | None:
        """When the next sync should start (may be in the past: now), or None while one
        runs or nothing is scheduled."""
        if self.running:
            return None
        if self._now_requested:
            return float("-inf")
        candidates = [t for t in (self._next,) if t is not None]
        if self._change_due is not None:
            # While backing off, a change waits for the retry like everything else.
            if self.failures and self._next is not None:
                candidates.append(max(self._change_due, self._next))
            else:
                candidates.append(self._change_due)
        return min(candidates) if candidates else None

    def is_due(self, now: float) -> bool:
        due = self.due_at()
        return due is not None and due <= now
