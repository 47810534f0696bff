"""One sync with the town server: push pending events, then pull and apply changes.

:func:`sync_once` is what the app's scheduler, ``grid-station sync`` and the tests call. It
takes an ``httpx.Client`` already pointed at the server with the station's credential
(:func:`station.sync.transport.open_client`), an ``abort`` callable checked between
batches, and a ``progress`` callback; it never touches Qt.

Guarantees (each shown by a test in ``tests/sync``):

* Idempotent and resumable. Pushing is safe to repeat (the server answers ``duplicate``);
  a pull page and the cursor after it are written in one local transaction, so a crash
  repeats at most one page, and the repeat changes nothing.
* Every local event ends up with the ``server_seq`` the server gave it, or — if the server
  rejected it — with :data:`~station.services.events.REJECTED_SEQ`: it then stops counting
  in the projections (this copy converges with everyone else's) and the reason is kept for
  a person to read (:func:`station.sync.state.recent_rejections`).
* The local HLC merges the server's and every pulled event's, so later local edits order
  after everything this station has seen.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from typing import Any, Literal, TypeVar

import httpx
from sqlalchemy import and_, bindparam, func, or_, select, update

from station.db.database import Database
from station.db.models import AuditEntry, Event
from station.errors import GridStationError
from station.services.events import REJECTED_SEQ, clock_for
from station.services.projection import refresh_entities
from station.sync import page_worker
from station.sync.apply import AppliedPage, PreparedPage, apply_changes, prepare_page
from station.sync.audit_push import AUDIT_SETTING_KEYS, audit_upto_of, push_audit
from station.sync.page_worker import UNKNOWN, PageFeed
from station.sync.protocol import (
    API_PREFIX,
    DEFAULT_PULL_LIMIT,
    NEXT_PAGE_HEADER,
    PUSH_BATCH,
    EventBatchResult,
)
from station.sync.state import (
    CURSOR_KEY,
    OWN_UPTO_KEY,
    PENDING_COUNT,
    Rejection,
    add_rejections,
    pending_count,
    raise_own_upto,
    read_cursor,
    read_own_upto,
    read_settings,
    record_error,
    record_success,
)
from station.sync.transport import SyncError, explain, gzip_json, make_station_client

Phase = Literal["push", "pull", "done"]
T = TypeVar("T")
# Runs one step that uses the database and returns its result. The default calls it right
# here; the desktop app hands each step to its one database worker (ui/sync_controller.py),
# so network waits never hold that worker and SQLite keeps a single writer.
RunDb = Callable[[Callable[[], T]], T]


def run_here(step: Callable[[], T]) -> T:
    return step()


_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


class SyncAborted(GridStationError):
    """The sync stopped at a person's request. ``report`` (set by :func:`sync_once`) says
    what got done before it stopped — rejected records refolded, pages applied — so the
    views can still be told."""

    code = "sync_aborted"
    report: SyncReport | None = None


@dataclass(frozen=True)
class SyncProgress:
    phase: Phase
    done: int  # events pushed or pulled so far in this phase
    total: int | None  # known for push; for pull, None until the last page
    message: str


@dataclass
class SyncReport:
    pushed: int = 0  # accepted now
    duplicates: int = 0  # the server already had them
    rejected: list[Rejection] = field(default_factory=list)
    pulled: int = 0  # new events stored here
    known: int = 0  # pulled events this station already had
    entities: int = 0  # entities refolded
    reference: int = 0  # reference records applied
    cursor: int = 0
    # (entity_type, entity_id) of every entity whose projection this sync changed
    touched: set[tuple[str, str]] = field(default_factory=set, repr=False)
    requests: int = 0
    bytes_sent: int = 0
    bytes_received: int = 0
    seconds: float = 0.0
    server_hlc: str = ""  # the server's clock from the last answer, merged at the end


_PUSH_COLUMNS = (
    Event.event_id,
    Event.entity_type,
    Event.entity_id,
    Event.event_type,
    Event.station_code,
    Event.author,
    Event.hlc,
    Event.schema_version,
    Event.payload,
    Event.content_hash,
)


def _event_json(row: Any) -> str:
    # Stored payload is already canonical JSON and the stored hash already covers it.
    return (
        f'{{"event_id":"{row.event_id}","entity_type":{_encode(row.entity_type)},'
        f'"entity_id":{_encode(row.entity_id)},"event_type":{_encode(row.event_type)},'
        f'"station_code":{_encode(row.station_code)},"author":{_encode(row.author)},'
        f'"hlc":{_encode(row.hlc)},"schema_version":{row.schema_version},'
        f'"payload":{row.payload},"content_hash":{_encode(row.content_hash)}}}'
    )


class Transfer:
    """Counts requests and bytes; turns failures into :class:`SyncError`."""

    def __init__(self, http: httpx.Client, report: SyncReport) -> None:
        self.http, self.report = http, report

    def request(self, method: str, url: str, **kwargs: object) -> bytes:
        return self.response(method, url, **kwargs).content

    def response(self, method: str, url: str, **kwargs: object) -> httpx.Response:
        try:
            response = self.http.request(method, url, **kwargs)  # type: ignore[arg-type]
            response.raise_for_status()
        except httpx.HTTPError as exc:
            raise explain(exc) from None
        self.report.requests += 1
        content = kwargs.get("content")
        self.report.bytes_sent += len(content) if isinstance(content, bytes) else 0
        self.report.bytes_received += int(
            response.headers.get("content-length") or len(response.content)
        )
        return response


@dataclass(frozen=True)
class _Start:
    """What a sync needs to know before its first request, read in one step."""

    pending: int  # events not yet acknowledged by the server
    audit_pending: bool  # audit entries not yet on the server
    cursor: int
    own_upto: int


_COUNTS = select(
    PENDING_COUNT.scalar_subquery(),
    select(func.max(AuditEntry.__table__.c.id)).scalar_subquery(),
)


def _look(db: Database) -> _Start:
    # Two statements, not one per value: every sync starts here, most with nothing to do.
    with db.read() as session:
        stored = read_settings(session, [CURSOR_KEY, OWN_UPTO_KEY, *AUDIT_SETTING_KEYS])
        pending, audit_last = session.execute(_COUNTS).one()
    return _Start(
        pending=pending,
        audit_pending=(audit_last or 0) > audit_upto_of(stored),
        cursor=int(stored.get(CURSOR_KEY) or 0),
        own_upto=int(stored.get(OWN_UPTO_KEY) or 0),
    )


def _settle(
    db: Database,
    settled: list[dict[str, object]],
    rejections: list[Rejection],
    highest: int,
    server_hlc: str,
) -> None:
    """Give pushed events the server's answer, in one transaction (not waiting for the disk:
    after a power cut the next push asks again and the server answers ``duplicate``)."""
    with db.transaction(durable=False) as session:
        session.connection().execute(
            update(Event.__table__)
            .where(Event.__table__.c.event_id == bindparam("b_id"))
            .values(server_seq=bindparam("b_seq")),
            settled,
        )
        if rejections:
            # A rejected event no longer counts: refold what it touched.
            refresh_entities(session, [(r.entity_type, r.entity_id) for r in rejections])
            add_rejections(session, rejections)
        raise_own_upto(session, highest)
        clock_for(session).observe(server_hlc)


def _apply(db: Database, page: PreparedPage) -> AppliedPage:
    # Not waiting for the disk: a page lost to a power cut goes with its cursor, and the
    # next sync fetches it again.
    with db.transaction(durable=False) as session:
        return apply_changes(session, page)


@dataclass(frozen=True)
class _Batch:
    keys: dict[str, tuple[str, str]]  # event_id -> (entity_type, entity_id)
    body: bytes
    last: tuple[str, str] | None  # (hlc, event_id) of its last event: the next batch starts after


def _interpret(
    answer: EventBatchResult, keys: dict[str, tuple[str, str]], report: SyncReport
) -> tuple[list[dict[str, object]], list[Rejection], int]:
    """The server's answer as rows to settle, rejections, and the highest ``server_seq``."""
    settled: list[dict[str, object]] = []
    rejections: list[Rejection] = []
    highest = 0
    for result in answer.results:
        if result.event_id not in keys:
            continue
        if result.status == "rejected":
            entity_type, entity_id = keys[result.event_id]
            rejections.append(
                Rejection(
                    event_id=result.event_id,
                    entity_type=entity_type,
                    entity_id=entity_id,
                    code=result.code or "rejected",
                    message=result.message or "",
                    field=result.field,
                )
            )
            settled.append({"b_id": result.event_id, "b_seq": REJECTED_SEQ})
        else:
            settled.append({"b_id": result.event_id, "b_seq": result.server_seq})
            highest = max(highest, result.server_seq or 0)
            if result.status == "accepted":
                report.pushed += 1
            else:
                report.duplicates += 1
    if not settled:
        raise SyncError("镇服务器没有确认上传的记录，稍后会自动重试", code="no_progress")
    return settled, rejections, highest


def push_pending(
    db: Database,
    net: Transfer,
    report: SyncReport,
    *,
    batch_size: int,
    abort: Callable[[], bool],
    progress: Callable[[SyncProgress], None],
    run_db: RunDb = run_here,
    total: int | None = None,
) -> int:
    """Push every pending event in batches, oldest first (the first half of
    :func:`sync_once`). ``total``: how many are pending, if the caller has just counted.
    Returns the highest ``server_seq`` acknowledged (what ``own_upto`` was raised to, if it
    was lower), 0 if none.

    One request at a time, each sent only after the previous one was answered (so the
    server numbers this station's batches in order, which ``own_upto`` relies on). While
    the server works on a batch, the station settles the previous answer and reads the
    next batch — its own database work no longer waits for the network, nor the reverse.
    A crash anywhere leaves answered-but-unsettled events pending: they go again and the
    server answers ``duplicate``."""

    def count() -> int:
        with db.read() as session:
            return pending_count(session)

    def next_batch(after: tuple[str, str] | None) -> _Batch:
        with db.read() as session:
            # Columns, not ORM objects: a tenth of the cost per row (the payload column's
            # type still unseals it, see station.db.sealed).
            stmt = select(*_PUSH_COLUMNS).where(Event.server_seq.is_(None))
            if after is not None:  # past the batch in flight, which is not settled yet
                hlc, event_id = after
                stmt = stmt.where(
                    or_(Event.hlc > hlc, and_(Event.hlc == hlc, Event.event_id > event_id))
                )
            rows = session.execute(stmt.order_by(Event.hlc, Event.event_id).limit(batch_size)).all()
        keys = {r.event_id: (r.entity_type, r.entity_id) for r in rows}
        body = ('{"events":[' + ",".join(_event_json(r) for r in rows) + "]}").encode()
        return _Batch(keys, body, (rows[-1].hlc, rows[-1].event_id) if rows else None)

    def send(body: bytes) -> EventBatchResult:  # on the helper thread
        raw = net.request(
            "POST",
            f"{API_PREFIX}/events",
            content=gzip_json(body),
            headers={"Content-Type": "application/json", "Content-Encoding": "gzip"},
        )
        return EventBatchResult.model_validate_json(raw)

    done = 0
    acknowledged = 0

    def settle(keys: dict[str, tuple[str, str]], answer: EventBatchResult) -> None:
        nonlocal done, acknowledged
        settled, rejections, highest = _interpret(answer, keys, report)
        acknowledged = max(acknowledged, highest)
        run_db(partial(_settle, db, settled, rejections, highest, answer.server_hlc))
        report.rejected += rejections
        report.touched.update((r.entity_type, r.entity_id) for r in rejections)
        done += len(settled)
        progress(SyncProgress("push", done, total, f"已上传 {done}/{total} 条"))

    if total is None:
        total = run_db(count)
    if abort():
        raise SyncAborted("同步已取消")
    batch = run_db(partial(next_batch, None))
    if not batch.keys:
        return 0
    answered: tuple[dict[str, tuple[str, str]], EventBatchResult] | None = None
    pool = ThreadPoolExecutor(1, thread_name_prefix="grid-station-push")
    try:
        while batch.keys:
            if abort():
                if answered is not None:
                    settle(*answered)
                raise SyncAborted("同步已取消")
            in_flight = pool.submit(send, batch.body)
            sent = batch
            if answered is not None:
                settle(*answered)  # meanwhile
            if len(sent.keys) < batch_size:
                # That was all there was; what is saved from now on goes with the next sync.
                batch = _Batch({}, b"", None)
            else:
                batch = run_db(partial(next_batch, sent.last))  # meanwhile
            answered = (sent.keys, in_flight.result())
        if answered is not None:
            settle(*answered)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    return acknowledged


def pull_changes(
    db: Database,
    net: Transfer,
    report: SyncReport,
    *,
    limit: int,
    abort: Callable[[], bool],
    progress: Callable[[SyncProgress], None],
    run_db: RunDb = run_here,
    start: tuple[int, int] | None = None,
) -> None:
    """Pull and apply pages until caught up (the second half of :func:`sync_once`).

    ``own_upto`` tells the server which of this station's own events it already holds (all
    with ``server_seq`` up to it, see :func:`station.sync.state.raise_own_upto`), so they
    do not travel back. ``start``: (cursor, own_upto) if the caller has just read them.
    When there is nothing new, the server's clock is left in ``report.server_hlc`` for the
    caller to merge with its last step (no database step here at all)."""

    def positions() -> tuple[int, int]:
        with db.read() as session:
            return read_cursor(session), read_own_upto(session)

    cursor, own_upto = start if start is not None else run_db(positions)

    def fetch(since: int) -> tuple[bytes, int | None]:
        """A page's body, and the cursor of the page after it (None: this is the last)."""
        params = {"since": since, "limit": limit}
        if own_upto:
            params["own_upto"] = own_upto
        response = net.response("GET", f"{API_PREFIX}/changes", params=params)
        following = response.headers.get(NEXT_PAGE_HEADER)
        if following is None or not (following == "end" or following.isdigit()):
            return response.content, UNKNOWN
        return response.content, None if following == "end" else int(following)

    # Later pages are fetched and prepared ahead while this one is applied (see PageFeed:
    # the server and a helper process use the second core). Pages are still applied one
    # by one, in order, each with its cursor in one transaction: a crash repeats at most
    # one page, as before.
    feed: PageFeed | None = None
    try:
        if abort():
            raise SyncAborted("同步已取消")
        page = prepare_page(fetch(cursor)[0])
        while True:
            if not (page.events or page.reference or page.has_more or page.next_cursor != cursor):
                # Nothing new (the usual case): nothing to write here.
                report.server_hlc = page.server_hlc
                report.cursor = cursor
                return
            if page.has_more and feed is None:
                feed = PageFeed(
                    fetch, page.next_cursor, helper=len(page.events) >= page_worker.HELPER_FROM
                )
            applied = run_db(partial(_apply, db, page))
            cursor = applied.cursor
            report.pulled += applied.new_events
            report.known += applied.known_events
            report.entities += applied.entities
            report.reference += applied.reference
            report.touched.update(applied.touched)
            report.cursor = cursor
            done = report.pulled + report.known
            progress(
                SyncProgress(
                    "pull",
                    done,
                    None if page.has_more else done,
                    f"已下载 {done} 条（游标 {cursor}）",
                )
            )
            if not page.has_more:
                return
            if abort():
                raise SyncAborted("同步已取消")
            assert feed is not None
            page = feed.next()
    finally:
        if feed is not None:  # an error or an abort leaves at most one request running
            feed.close()


def sync_once(
    *,
    db: Database,
    http: httpx.Client,
    abort: Callable[[], bool] = lambda: False,
    progress: Callable[[SyncProgress], None] = lambda _p: None,
    push_batch: int = PUSH_BATCH,
    pull_limit: int = DEFAULT_PULL_LIMIT,
    run_db: RunDb = run_here,
) -> SyncReport:
    """Push everything pending, then pull until caught up. Raises :class:`SyncError` (plain
    Chinese message, also kept as the last error) or :class:`SyncAborted`.

    ``run_db`` runs each database step (see :data:`RunDb`); network waits happen outside it.
    """
    started = time.perf_counter()
    report = SyncReport()
    net = Transfer(http, report)
    try:
        start = run_db(partial(_look, db))
        acknowledged = 0
        if start.pending:
            acknowledged = push_pending(
                db, net, report, batch_size=push_batch, abort=abort, progress=progress,
                run_db=run_db, total=start.pending,
            )  # fmt: skip
        if start.audit_pending:  # the audit log goes up, never down
            push_audit(db, net, run_db=run_db, abort=abort)
        pull_changes(
            db, net, report, limit=pull_limit, abort=abort, progress=progress, run_db=run_db,
            # Only the sync moves these; the push raised own_upto as raise_own_upto does.
            start=(start.cursor, max(start.own_upto, acknowledged)),
        )  # fmt: skip
    except SyncAborted as aborted:
        aborted.report = report
        raise
    except Exception as exc:
        error = explain(exc)

        def keep_error() -> None:
            with db.transaction() as session:
                record_error(session, error.message)

        with suppress(Exception):  # the database failing too: the original error matters more
            run_db(keep_error)
        raise error from exc

    def keep_success() -> None:
        # Not waiting for the disk: after a power cut the status shows an older success.
        with db.transaction(durable=False) as session:
            if report.server_hlc:
                clock_for(session).observe(report.server_hlc)
            record_success(session, at=datetime.now().replace(microsecond=0))

    run_db(keep_success)
    report.seconds = time.perf_counter() - started
    progress(SyncProgress("done", report.pushed + report.pulled, None, "同步完成"))
    return report


def sync_station(
    *,
    db: Database,
    abort: Callable[[], bool] = lambda: False,
    progress: Callable[[SyncProgress], None] = lambda _p: None,
    run_db: RunDb = run_here,
    pull_limit: int = DEFAULT_PULL_LIMIT,
) -> SyncReport:
    """:func:`sync_once` with this station's own server and credential (what the app's
    scheduler calls from its sync thread). Raises :class:`SyncError` ``not_enrolled`` if the
    station has no credential yet."""
    with make_station_client(db, run_db=run_db) as http:
        return sync_once(
            db=db, http=http, abort=abort, progress=progress, run_db=run_db, pull_limit=pull_limit
        )
