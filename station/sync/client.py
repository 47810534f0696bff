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
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

import httpx
from sqlalchemy import bindparam, select, update

from station.db.database import Database
from station.db.models import Event
from station.errors import GridStationError
from station.services.events import REJECTED_SEQ, clock_for
from station.services.projection import refresh_entities
from station.sync.apply import apply_changes
from station.sync.protocol import (
    API_PREFIX,
    DEFAULT_PULL_LIMIT,
    PUSH_BATCH,
    ChangesPublic,
    EventBatchResult,
)
from station.sync.state import (
    Rejection,
    add_rejections,
    pending_count,
    read_cursor,
    record_error,
    record_success,
)
from station.sync.transport import SyncError, explain, gzip_json

Phase = Literal["push", "pull", "done"]
_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


class SyncAborted(GridStationError):
    code = "sync_aborted"


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
    requests: int = 0
    bytes_sent: int = 0
    bytes_received: int = 0
    seconds: float = 0.0


def _event_json(row: Event) -> str:
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
        return response.content


def push_pending(
    db: Database,
    net: Transfer,
    report: SyncReport,
    *,
    batch_size: int,
    abort: Callable[[], bool],
    progress: Callable[[SyncProgress], None],
) -> None:
    """Push every pending event in batches (the first half of :func:`sync_once`)."""
    with db.read() as session:
        total = pending_count(session)
    done = 0
    while True:
        if abort():
            raise SyncAborted("同步已取消")
        with db.read() as session:
            rows = list(
                session.scalars(
                    select(Event)
                    .where(Event.server_seq.is_(None))
                    .order_by(Event.hlc, Event.event_id)
                    .limit(batch_size)
                )
            )
            keys = {r.event_id: (r.entity_type, r.entity_id) for r in rows}
            body = ('{"events":[' + ",".join(_event_json(r) for r in rows) + "]}").encode()
        if not rows:
            return
        content = gzip_json(body)
        raw = net.request(
            "POST",
            f"{API_PREFIX}/events",
            content=content,
            headers={"Content-Type": "application/json", "Content-Encoding": "gzip"},
        )
        answer = EventBatchResult.model_validate_json(raw)
        settled, rejections = [], []
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
                if result.status == "accepted":
                    report.pushed += 1
                else:
                    report.duplicates += 1
        if not settled:
            raise SyncError("镇服务器没有确认上传的记录，稍后会自动重试", code="no_progress")
        with db.transaction() as session:
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
            clock_for(session).observe(answer.server_hlc)
        report.rejected += rejections
        done += len(settled)
        progress(SyncProgress("push", done, total, f"已上传 {done}/{total} 条"))


def pull_changes(
    db: Database,
    net: Transfer,
    report: SyncReport,
    *,
    limit: int,
    abort: Callable[[], bool],
    progress: Callable[[SyncProgress], None],
) -> None:
    """Pull and apply pages until caught up (the second half of :func:`sync_once`)."""
    with db.read() as session:
        cursor = read_cursor(session)
    while True:
        if abort():
            raise SyncAborted("同步已取消")
        raw = net.request("GET", f"{API_PREFIX}/changes", params={"since": cursor, "limit": limit})
        page = ChangesPublic.model_validate_json(raw)
        with db.transaction() as session:
            applied = apply_changes(session, page)
        cursor = applied.cursor
        report.pulled += applied.new_events
        report.known += applied.known_events
        report.entities += applied.entities
        report.reference += applied.reference
        report.cursor = cursor
        done = report.pulled + report.known
        progress(
            SyncProgress(
                "pull", done, None if page.has_more else done, f"已下载 {done} 条（游标 {cursor}）"
            )
        )
        if not page.has_more:
            return


def sync_once(
    *,
    db: Database,
    http: httpx.Client,
    abort: Callable[[], bool] = lambda: False,
    progress: Callable[[SyncProgress], None] = lambda _p: None,
    push_batch: int = PUSH_BATCH,
    pull_limit: int = DEFAULT_PULL_LIMIT,
) -> SyncReport:
    """Push everything pending, then pull until caught up. Raises :class:`SyncError` (plain
    Chinese message, also kept as the last error) or :class:`SyncAborted`."""
    started = time.perf_counter()
    report = SyncReport()
    net = Transfer(http, report)
    try:
        push_pending(db, net, report, batch_size=push_batch, abort=abort, progress=progress)
        pull_changes(db, net, report, limit=pull_limit, abort=abort, progress=progress)
    except SyncAborted:
        raise
    except Exception as exc:
        error = explain(exc)
        with db.transaction() as session:
            record_error(session, error.message)
        raise error from exc
    with db.transaction() as session:
        record_success(session, at=datetime.now().replace(microsecond=0))
    report.seconds = time.perf_counter() - started
    progress(SyncProgress("done", report.pushed + report.pulled, None, "同步完成"))
    return report
