"""Preparing pulled pages in a helper process while this one writes (large pulls only).

A new station's first sync pulls a hundred thousand events in pages of thousands. Each page
is prepared (parsed, made into event rows, its entities folded: station.sync.apply's
:func:`prepare_page`, which needs no database) and then written into SQLite. Both are
mostly Python, and one process runs Python on one core at a time; with the next page
prepared in a helper process while this one writes, the station's two cores both work.

The helper is started only when a pull's first page is large (:data:`HELPER_FROM`) and
says more follow, and stops when the pull ends (or when this process dies: its end of the
pipe closes). It has no database and no network: page bodies in, prepared pages out, in
order. If it cannot start, fails on a page or dies, the page is prepared here instead:
slower, never different. Started by *spawn*, never *fork*: the app's process has threads
(Qt, the database worker), and a forked copy of a threaded process can deadlock; the frozen
bundle supports spawn through ``multiprocessing.freeze_support()`` in ``station/__main__.py``.
"""

from __future__ import annotations

import logging
import multiprocessing
import queue
import threading
from collections.abc import Callable
from contextlib import suppress
from multiprocessing.connection import Connection

from station.sync.apply import PreparedPage, prepare_page

log = logging.getLogger(__name__)


def _serve(conn: Connection) -> None:
    """The helper's loop: prepare every page body it is sent, until the pipe closes."""
    while True:
        try:
            body = conn.recv_bytes()
        except (EOFError, OSError):
            return
        try:
            prepared: PreparedPage | None = prepare_page(body)
        except Exception:  # the station prepares it again, and reports the error
            prepared = None
        try:
            conn.send(prepared)
        except OSError:  # the station stopped listening (a cancelled pull)
            return


#: A pull whose first page holds fewer events than this prepares every page here: starting
#: a helper costs about half a second of the other core, worth it for pulls of thousands.
HELPER_FROM = 1000


class PageWorker:
    """A helper process that prepares pages (or, with ``helper=False`` or when the helper is
    gone, this process); :meth:`send` and :meth:`receive` are called from one thread."""

    def __init__(self, *, helper: bool = True) -> None:
        self.helped = 0  # pages the helper prepared (not this process)
        self._sent: bytes | None = None  # the page sent and not yet received
        self._conn: Connection | None = None
        if not helper:
            return
        context = multiprocessing.get_context("spawn")
        try:
            self._conn, child = context.Pipe()
            self._process = context.Process(
                target=_serve, args=(child,), name="grid-station-pages", daemon=True
            )
            self._process.start()
            child.close()
        except (OSError, RuntimeError) as exc:  # no helper: every page is prepared here
            log.warning("page helper did not start: %s", exc)
            self._conn = None

    def send(self, body: bytes) -> None:
        """Start preparing ``body``; :meth:`receive` returns it. One page at a time: with two
        large pages under way, each process could block writing into a full pipe while the
        other does the same."""
        if self._sent is not None:
            raise RuntimeError("receive the page under way before sending another")
        self._sent = body
        if self._conn is not None:
            try:
                self._conn.send_bytes(body)
            except OSError as exc:
                self._lost(exc)

    def receive(self) -> PreparedPage:
        body, self._sent = self._sent, None
        if body is None:
            raise RuntimeError("no page was sent")
        if self._conn is not None:
            try:
                prepared = self._conn.recv()
            except (EOFError, OSError) as exc:
                self._lost(exc)
            else:
                if prepared is not None:
                    self.helped += 1
                    return prepared
        # Here, as a small pull does: also the way an error in the page gets reported.
        return prepare_page(body)

    def prepare(self, body: bytes) -> PreparedPage:
        self.send(body)
        return self.receive()

    def _lost(self, exc: BaseException) -> None:
        # What the helper still had is prepared here: the page sent is in self._sent.
        log.warning("page helper stopped: %s", exc)
        self._conn = None

    def close(self) -> None:
        """Stop the helper (it ends when its pipe closes; a page it is still on is lost)."""
        conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()
        process = getattr(self, "_process", None)
        if process is not None and process.pid is not None:
            process.join(timeout=2)
            if process.is_alive():
                process.terminate()
                process.join(timeout=2)

    def __enter__(self) -> PageWorker:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


#: What a fetch returns as the following page's cursor when the server did not say (cursors
#: are never negative).
UNKNOWN = -1


class PageFeed:
    """The pages of a pull after its first, fetched and prepared ahead, in order.

    On a helper thread: page k is sent to the :class:`PageWorker`; while it is prepared
    there, page k+1 is already fetched (the server builds it on its own core), when the
    server named its cursor (``NEXT_PAGE_HEADER``; an older server does not: then k+1 is
    fetched once k is prepared). At most one prepared page waits for the caller, so a slow
    disk holds the whole pipeline back rather than filling memory.

    ``fetch(cursor)`` returns (body, the following page's cursor or None after the last
    page, or :data:`UNKNOWN`). Errors reach the caller from :meth:`next`.
    """

    def __init__(
        self, fetch: Callable[[int], tuple[bytes, int | None]], since: int, *, helper: bool
    ) -> None:
        self.worker = PageWorker(helper=helper)
        self._ready: queue.Queue[PreparedPage | BaseException] = queue.Queue(maxsize=1)
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._run, args=(fetch, since), name="grid-station-fetch", daemon=True
        )
        self._thread.start()

    def next(self) -> PreparedPage:
        item = self._ready.get()
        if isinstance(item, BaseException):
            raise item
        return item

    def close(self) -> None:
        """Stop fetching (a request under way is left to finish; its page is dropped)."""
        self._stop.set()
        with suppress(queue.Empty):
            self._ready.get_nowait()  # a feed waiting to hand over a page sees the stop
        self.worker.close()

    def _run(self, fetch: Callable[[int], tuple[bytes, int | None]], since: int) -> None:
        try:
            body, following = fetch(since)
            while not self._stop.is_set():
                self.worker.send(body)
                ahead: tuple[bytes, int | None] | None = None
                failed: BaseException | None = None
                try:
                    if following not in (None, UNKNOWN):
                        ahead = fetch(following)
                except BaseException as exc:  # the page in hand still goes first
                    failed = exc
                page = self.worker.receive()
                if not self._hand_over(page):
                    return
                if failed is not None:
                    raise failed
                if following == UNKNOWN and page.has_more:
                    ahead = fetch(page.next_cursor)
                if ahead is None:
                    return
                body, following = ahead
        except BaseException as exc:  # handed to the caller, raised there
            self._hand_over(exc)

    def _hand_over(self, item: PreparedPage | BaseException) -> bool:
        while not self._stop.is_set():
            with suppress(queue.Full):
                self._ready.put(item, timeout=0.2)
                return True
        return False

    def __enter__(self) -> PageFeed:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
