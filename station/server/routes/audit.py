"""``POST /api/v1/audit``: a station's audit entries, stored once each, never changed.

An entry is the same entry again when its station, its id and its content all match (the
key holds a hash of the content): pushing a batch twice stores it once, and a station
restored from a backup, whose new entries reuse ids, loses none of them. Entries claiming
another station than the credential's are refused, the whole batch (403).
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from fastapi import APIRouter
from sqlalchemy import select, tuple_
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from station.server.crud import AuthStation
from station.server.deps import CurrentStation, WriteSessionDep
from station.server.errors import ApiError
from station.server.models import AuditEntry
from station.services.events import canonical_json
from station.sync.audit_protocol import AuditBatchCreate, AuditBatchResult, AuditEntryCreate
from station.sync.protocol import ErrorPublic

router = APIRouter(tags=["audit"])


def entry_hash(entry: AuditEntryCreate) -> str:
    return hashlib.sha256(canonical_json(entry.model_dump(mode="json")).encode()).hexdigest()


def store_audit(
    session: Session, *, station: AuthStation, entries: list[AuditEntryCreate], now: datetime
) -> AuditBatchResult:
    """Insert the entries not stored yet. Call inside a write transaction."""
    others = sorted({e.station_code for e in entries} - {station.code})
    if others:
        raise ApiError(
            403,
            "station_mismatch",
            f"审计记录只能由写下它的站点上传（本站 {station.code}，"
            f"记录写的是 {'、'.join(others)}）",
            field="station_code",
        )
    rows = {
        (e.id, entry_hash(e)): {
            "station_code": station.code,
            "entry_id": e.id,
            "at": e.at.replace(tzinfo=None),
            "username": e.username,
            "action": e.action,
            "target_type": e.target_type,
            "target_id": e.target_id,
            "detail": e.detail,
            "received_at": now,
        }
        for e in entries
    }
    stored: set[tuple[int, str]] = set()
    keys = list(rows)
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        found = session.execute(
            select(AuditEntry.entry_id, AuditEntry.content_hash).where(
                AuditEntry.station_code == station.code,
                tuple_(AuditEntry.entry_id, AuditEntry.content_hash).in_(chunk),
            )
        )
        stored.update((int(i), h) for i, h in found)
    new = [{**row, "content_hash": key[1]} for key, row in rows.items() if key not in stored]
    if new:
        dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
        # A concurrent push of the same batch: the second one's rows are simply skipped.
        session.execute(dialect.insert(AuditEntry).on_conflict_do_nothing(), new)
    return AuditBatchResult(accepted=len(new), duplicates=len(entries) - len(new))


@router.post(
    "/audit",
    response_model=AuditBatchResult,
    responses={401: {"model": ErrorPublic}, 403: {"model": ErrorPublic}},
)
def push_audit(
    body: AuditBatchCreate, station: CurrentStation, session: WriteSessionDep
) -> AuditBatchResult:
    """Store a station's audit entries (append-only, idempotent); never sent back down."""
    with session.begin():
        return store_audit(session, station=station, entries=body.entries, now=datetime.now())
