"""Push this station's audit log up to the town server, in every sync (never pulled back).

The entries not acknowledged yet are those with an id above the cursor kept in the
``setting`` table (:data:`AUDIT_CURSOR_KEY`). The cursor names the server and the station
code it was acknowledged for: after enrolling with another server, or as another station,
the whole log is sent again. The server stores each entry once (a repeated push, or a crash
between the answer and the cursor's write, changes nothing there).

A server without ``/api/v1/audit`` (older than the stations) is skipped quietly: the
entries wait here for the next sync against one that has it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station.db.database import Database
from station.db.models import AuditEntry, Setting
from station.settings import StationSettings, load_settings
from station.sync.audit_protocol import AUDIT_BATCH, AuditBatchResult
from station.sync.protocol import API_PREFIX
from station.sync.transport import SyncError, gzip_json

AUDIT_CURSOR_KEY = "sync.audit_upto"
T = TypeVar("T")


def _scope(session: Session) -> tuple[str, str]:
    settings = load_settings(session)
    return settings.server_url.rstrip("/"), settings.station_code


def read_audit_cursor(session: Session) -> int:
    """Every entry with an id up to this has reached this station's current server."""
    row = session.get(Setting, AUDIT_CURSOR_KEY)
    if row is None:
        return 0
    server, station = _scope(session)
    return audit_upto(row.value, server_url=server, station_code=station)


def audit_upto(saved: str | None, *, server_url: str, station_code: str) -> int:
    """The id up to which the stored cursor ``saved`` says the log has reached
    ``server_url`` as ``station_code``: 0 if it was acknowledged by another server or for
    another station code (or there is none)."""
    if saved is None:
        return 0
    try:
        cursor = json.loads(saved)
        if [cursor["server"], cursor["station"]] == [server_url.rstrip("/"), station_code]:
            return int(cursor["upto"])
    except (ValueError, KeyError, TypeError):
        pass
    return 0


# The settings a stored cursor is checked against, with their values when never stored.
_CURSOR_SCOPE = {key: getattr(StationSettings(), key) for key in ("server_url", "station_code")}
#: The settings :func:`audit_upto_of` reads: a caller reading settings in one query asks
#: for these among its own.
AUDIT_SETTING_KEYS = (AUDIT_CURSOR_KEY, *_CURSOR_SCOPE)


def audit_upto_of(stored: dict[str, str]) -> int:
    """:func:`read_audit_cursor` from settings already read (``AUDIT_SETTING_KEYS`` among
    them; a key missing from ``stored`` was never set)."""
    scope = {key: stored.get(key, default) for key, default in _CURSOR_SCOPE.items()}
    return audit_upto(stored.get(AUDIT_CURSOR_KEY), **scope)


def save_audit_cursor(session: Session, upto: int) -> None:
    server, station = _scope(session)
    value = json.dumps({"server": server, "station": station, "upto": upto})
    session.merge(Setting(key=AUDIT_CURSOR_KEY, value=value))


def pending_audit_count(session: Session) -> int:
    cursor = read_audit_cursor(session)
    stmt = select(func.count()).select_from(AuditEntry).where(AuditEntry.id > cursor)
    return int(session.scalar(stmt) or 0)


def _wire(entry: AuditEntry, station_code: str) -> dict[str, Any]:
    def clean(text: str | None, limit: int | None = None) -> str:
        text = (text or "").replace("\x00", "")  # the server's database cannot hold NUL
        return text[:limit] if limit else text

    return {
        "id": entry.id,
        "station_code": station_code,
        "at": entry.at.isoformat(),
        "username": clean(entry.username, 40),
        "action": clean(entry.action, 40) or "unknown",
        "target_type": clean(entry.target_type, 24),
        "target_id": clean(entry.target_id, 64),
        "detail": clean(entry.detail, 16 * 1024),
    }


def push_audit(
    db: Database,
    net: Any,  # station.sync.client.Transfer (not imported: client imports this module)
    *,
    run_db: Callable[[Callable[[], T]], T],
    abort: Callable[[], bool] = lambda: False,
    batch_size: int = AUDIT_BATCH,
) -> int:
    """Send every entry above the cursor, oldest first; returns how many the server stored
    now (duplicates not counted). Moves the cursor after each acknowledged batch. Stops
    between batches when ``abort()`` says so (the caller's next step raises)."""
    pushed = 0
    while True:

        def next_batch() -> tuple[int, bytes]:
            with db.read() as session:
                cursor = read_audit_cursor(session)
                station_code = load_settings(session).station_code
                entries = session.scalars(
                    select(AuditEntry)
                    .where(AuditEntry.id > cursor)
                    .order_by(AuditEntry.id)
                    .limit(batch_size)
                ).all()
                body = {"entries": [_wire(e, station_code) for e in entries]}
                upto = entries[-1].id if entries else 0
                return upto, json.dumps(body, ensure_ascii=False).encode()

        upto, body = run_db(next_batch)
        if not upto:
            return pushed
        try:
            raw = net.request(
                "POST",
                f"{API_PREFIX}/audit",
                content=gzip_json(body),
                headers={"Content-Type": "application/json", "Content-Encoding": "gzip"},
            )
        except SyncError as exc:
            if exc.code == "not_found":  # an older server: keep the entries for later
                return pushed
            raise
        pushed += AuditBatchResult.model_validate_json(raw).accepted

        def acknowledge(upto: int = upto) -> None:
            with db.transaction() as session:
                save_audit_cursor(session, upto)

        run_db(acknowledge)
        if abort():
            return pushed
