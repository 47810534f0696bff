"""Hybrid logical clock and time-ordered ids.

An HLC timestamp is wall-clock milliseconds plus a counter, so events from one station are
strictly ordered even when the PC clock stalls or jumps back, and an event received from
another node moves the local clock past it (causality survives skewed clocks). Timestamps
are encoded as fixed-width strings that sort correctly as text: ``"{ms:015d}-{counter:05d}"``.
Ties across stations are broken by ``event_id``.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import uuid6


def new_id() -> str:
    """A UUIDv7 as text: unique without coordination and roughly time-ordered."""
    return str(uuid6.uuid7())


@dataclass(frozen=True, order=True)
class HlcTimestamp:
    millis: int
    counter: int

    def encode(self) -> str:
        return f"{self.millis:015d}-{self.counter:05d}"

    @classmethod
    def decode(cls, text: str) -> HlcTimestamp:
        millis, counter = text.split("-")
        return cls(int(millis), int(counter))


def wall_time(hlc: str) -> datetime:
    """When an event was written, by its writer's clock, in local time (for people: a
    timeline line, a conflict side, a refused change)."""
    return datetime.fromtimestamp(HlcTimestamp.decode(hlc).millis / 1000)


class HybridLogicalClock:
    """Thread-safe HLC; ``now()`` for local events, ``observe()`` for received ones."""

    def __init__(self, wall: Callable[[], int] | None = None, last: str | None = None):
        self._wall = wall or (lambda: time.time_ns() // 1_000_000)
        self._last = HlcTimestamp.decode(last) if last else HlcTimestamp(0, 0)
        self._lock = threading.Lock()

    def now(self) -> str:
        with self._lock:
            wall = self._wall()
            if wall > self._last.millis:
                self._last = HlcTimestamp(wall, 0)
            else:
                self._last = HlcTimestamp(self._last.millis, self._last.counter + 1)
            return self._last.encode()

    def observe(self, remote: str) -> str:
        """Merge a timestamp seen from another node; returns the new local time."""
        other = HlcTimestamp.decode(remote)
        with self._lock:
            wall = self._wall()
            millis = max(wall, self._last.millis, other.millis)
            if millis == self._last.millis == other.millis:
                counter = max(self._last.counter, other.counter) + 1
            elif millis == self._last.millis:
                counter = self._last.counter + 1
            elif millis == other.millis:
                counter = other.counter + 1
            else:
                counter = 0
            self._last = HlcTimestamp(millis, counter)
            return self._last.encode()


def is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except (ValueError, AttributeError, TypeError):
        return False
    return True
