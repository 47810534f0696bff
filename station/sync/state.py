"""The station's sync state, kept in its own database (the ``setting`` table).

The credential lives here and nowhere else: it is read only to build the HTTP client and is
never printed or shown. The cursor is written in the same transaction as the events it
covers (see :mod:`station.sync.apply`), so a crash can only ever make a pull repeat.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from station.db.models import Event, Setting
from station.services.events import REJECTED_SEQ

TOKEN_KEY = "sync.token"
CURSOR_KEY = "sync.cursor"
LAST_SUCCESS_KEY = "sync.last_success"
LAST_ERROR_KEY = "sync.last_error"
OWN_UPTO_KEY = "sync.own_upto"  # every own event with server_seq <= this is stored here
REJECTED_KEY = "sync.rejected"  # JSON list of the most recent rejections
MAX_KEPT_REJECTIONS = 200


@dataclass(frozen=True)
class Rejection:
    event_id: str
    entity_type: str
    entity_id: str
    code: str
    message: str
    field: str | None = None


@dataclass(frozen=True)
class SyncState:
    """What the status bar and ``grid-station sync`` show."""

    enrolled: bool
    cursor: int
    pending: int
    rejected: int
    last_success: datetime | None
    last_error: str


# Plain statements, not ORM objects: a sync with nothing to do reads and writes a handful
# of these, and loading and merging ORM rows cost more than the rest of it.
_SETTING = Setting.__table__


def _get(session: Session, key: str) -> str | None:
    return session.execute(select(_SETTING.c.value).where(_SETTING.c.key == key)).scalar()


def read_settings(session: Session, keys: list[str]) -> dict[str, str]:
    """The stored values of several settings in one query (keys never stored are absent)."""
    rows = session.execute(select(_SETTING.c.key, _SETTING.c.value).where(_SETTING.c.key.in_(keys)))
    return {key: value for key, value in rows}


def _put(session: Session, key: str, value: str) -> None:
    _put_many(session, {key: value})


def _put_many(session: Session, values: dict[str, str]) -> None:
    session.flush()  # ORM changes to settings made earlier in this session go first
    stmt = sqlite_insert(_SETTING)
    stmt = stmt.on_conflict_do_update(index_elements=["key"], set_={"value": stmt.excluded.value})
    session.execute(stmt, [{"key": k, "value": v} for k, v in values.items()])
    for obj in list(session.identity_map.values()):  # ORM copies loaded earlier are stale now
        if isinstance(obj, Setting) and obj.key in values:
            session.expire(obj)


def read_token(session: Session) -> str | None:
    return _get(session, TOKEN_KEY) or None


def save_token(session: Session, token: str) -> None:
    _put(session, TOKEN_KEY, token)


def read_cursor(session: Session) -> int:
    return int(_get(session, CURSOR_KEY) or 0)


def save_cursor(session: Session, cursor: int) -> None:
    _put(session, CURSOR_KEY, str(cursor))


def read_own_upto(session: Session) -> int:
    return int(_get(session, OWN_UPTO_KEY) or 0)


def raise_own_upto(session: Session, seq: int) -> None:
    """After a push was acknowledged: this station holds all its events up to ``seq``.

    Pushes go one batch at a time, oldest first, and a batch is only settled once answered,
    so every own event the server numbered up to the highest acknowledged ``server_seq`` is
    in this database (a database restored from a backup carries its own, older value). The
    server leaves those out of pulls. Reset to 0 on enrollment."""
    if seq > read_own_upto(session):
        _put(session, OWN_UPTO_KEY, str(seq))


def reset_own_upto(session: Session) -> None:
    _put(session, OWN_UPTO_KEY, "0")


#: Events not yet acknowledged by the server (a statement others can embed).
PENDING_COUNT = select(func.count()).where(Event.__table__.c.server_seq.is_(None))


def pending_count(session: Session) -> int:
    return int(session.scalar(PENDING_COUNT) or 0)


def record_success(session: Session, *, at: datetime) -> None:
    _put_many(session, {LAST_SUCCESS_KEY: at.isoformat(timespec="seconds"), LAST_ERROR_KEY: ""})


def record_error(session: Session, message: str) -> None:
    _put(session, LAST_ERROR_KEY, message)


def add_rejections(session: Session, rejections: list[Rejection]) -> None:
    if not rejections:
        return
    kept: list[dict[str, Any]] = json.loads(_get(session, REJECTED_KEY) or "[]")
    kept += [r.__dict__ for r in rejections]
    _put(session, REJECTED_KEY, json.dumps(kept[-MAX_KEPT_REJECTIONS:], ensure_ascii=False))


def recent_rejections(session: Session) -> list[Rejection]:
    return [Rejection(**r) for r in json.loads(_get(session, REJECTED_KEY) or "[]")]


def load_sync_state(session: Session) -> SyncState:
    success = _get(session, LAST_SUCCESS_KEY)
    rejected = session.scalar(select(func.count()).where(Event.server_seq == REJECTED_SEQ))
    return SyncState(
        enrolled=read_token(session) is not None,
        cursor=read_cursor(session),
        pending=pending_count(session),
        rejected=int(rejected or 0),
        last_success=datetime.fromisoformat(success) if success else None,
        last_error=_get(session, LAST_ERROR_KEY) or "",
    )
