"""Group commit: pushes that arrive while another is being written are written together.

Every push takes the one sequence-counter lock (:mod:`station.server.sequence`), so pushes
are written one at a time. When fifty stations sync at once, forty-nine wait — and each
then pays the same fixed price: a transaction, the counter lock, the stations' scopes, the
lookups, the commit (about 3.5 ms of a 20-event push's 6 ms). Here a push that finds the
writer busy waits in line; the next writer takes everything in line (up to
``max_events``) and writes it as one transaction, in arrival order, as if the pushes had
come one after another (:func:`station.server.ingest.ingest_events`). Each push still
gets its own answer.

A group that fails as a whole (an error that is nobody's fault in particular, or a bug) is
written again push by push, so a push only ever fails for its own sake.

Per process: several workers on PostgreSQL each group their own requests and still take
turns on the counter lock.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from station.server.db import ServerDatabase
from station.server.ingest import Push, ScopesCache, ingest_events
from station.server.reference import ReferenceCache
from station.sync.protocol import EventResult

Write = Callable[[Sequence[Push]], list[list[EventResult]]]


def write_pushes(
    db: ServerDatabase, reference: ReferenceCache, scopes: ScopesCache, pushes: Sequence[Push]
) -> list[list[EventResult]]:
    """The server's :data:`Write`: one transaction for the whole group."""
    with db.transaction() as session:
        index = reference.index(session)
        return ingest_events(
            session, pushes=pushes, reference=index, scopes=scopes, now=datetime.now()
        )


@dataclass(eq=False)
class _InLine:
    push: Push
    woken: threading.Event = field(default_factory=threading.Event)
    leads: bool = False  # this request's thread writes the next group
    results: list[EventResult] | None = None
    error: BaseException | None = None


class PushQueue:
    def __init__(self, write: Write, *, max_events: int = 5000) -> None:
        self._write = write
        self._max_events = max_events
        self._lock = threading.Lock()
        self._line: list[_InLine] = []
        self._writing = False  # a thread is writing a group (or about to)

    def waiting(self) -> int:
        """How many pushes wait in line (not counting those being written)."""
        with self._lock:
            return len(self._line)

    def busy(self) -> bool:
        """Whether a group is being written (or about to be)."""
        with self._lock:
            return self._writing

    def push(self, push: Push) -> list[EventResult]:
        """Write ``push`` (alone or with others); returns its results, one per event."""
        me = _InLine(push)
        with self._lock:
            self._line.append(me)
            if not self._writing:
                self._writing = me.leads = True
        if not me.leads:
            me.woken.wait()  # until written by another thread, or handed the next turn
        if me.results is None and me.error is None:
            self._write_next_group()
        if me.error is not None:
            raise me.error
        assert me.results is not None
        return me.results

    def _write_next_group(self) -> None:
        """Write the pushes at the front of the line (this thread's own among them: the
        writer is always the first in line), then hand the turn to the next in line."""
        with self._lock:
            group = [self._line.pop(0)]
            size = len(group[0].push.events)
            while self._line and size + len(self._line[0].push.events) <= self._max_events:
                size += len(self._line[0].push.events)
                group.append(self._line.pop(0))
        try:
            self._write_group(group)
        finally:
            for waiting in group:
                if waiting.results is None and waiting.error is None:
                    waiting.error = RuntimeError("push was not written")
                waiting.woken.set()
            with self._lock:
                if self._line:
                    self._line[0].leads = True
                    self._line[0].woken.set()
                else:
                    self._writing = False

    def _write_group(self, group: list[_InLine]) -> None:
        try:
            answers = self._write([waiting.push for waiting in group])
        except Exception as exc:
            if len(group) == 1:
                group[0].error = exc
                return
            for waiting in group:  # one by one: only the push at fault fails
                self._write_group([waiting])
            return
        for waiting, results in zip(group, answers, strict=True):
            waiting.results = results
