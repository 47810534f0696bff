"""Stations, enrollment and credentials (keyword-only functions over a server session).

Only hashes are stored: SHA-256 of a random 32-byte token (tokens are not passwords — they
have 256 bits of entropy, so a slow hash adds nothing) and of the one-time enrollment code.
An enrollment code works once and expires; enrolling again needs a new code from
``grid-station server add-station``; revoking clears the token hash so every later request
with it is refused.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session, selectinload

from station.domain.enums import StationKind
from station.errors import GridStationError, NotFoundError, ValidationError
from station.server.models import Station, StationGrid, TownSetting
from station.sync.protocol import StationCreate, StationPublic, TownPublic

ENROLL_CODE_TTL = timedelta(days=30)
_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read aloud on the phone


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.strip().upper().encode("utf-8")).hexdigest()


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_enroll_code() -> str:
    raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(12))
    return "-".join(raw[i : i + 4] for i in range(0, 12, 4))


@dataclass(frozen=True)
class AuthStation:
    """The authenticated station of a request, detached from any session."""

    id: int
    code: str
    name: str
    kind: str
    department_id: str | None
    grids: tuple[str, ...]

    @property
    def sees_everything(self) -> bool:
        return self.kind == StationKind.CENTER.value


def _auth(station: Station) -> AuthStation:
    return AuthStation(
        id=station.id,
        code=station.code,
        name=station.name,
        kind=station.kind,
        department_id=station.department_id,
        grids=tuple(g.grid_id for g in station.grids),
    )


def public(station: Station) -> StationPublic:
    return StationPublic(
        code=station.code,
        name=station.name,
        kind=station.kind,  # type: ignore[arg-type]
        department_id=station.department_id,
        grids=[g.grid_id for g in station.grids],
        enrolled=station.token_hash is not None,
        revoked=station.revoked_at is not None,
    )


def _check(data: StationCreate) -> None:
    if data.kind == StationKind.DEPARTMENT.value and not data.department_id:
        raise ValidationError("职能部门站点须指定部门（--department）", code="required")
    if data.kind in (StationKind.VILLAGE.value, StationKind.COMMUNITY.value) and not data.grids:
        raise ValidationError("村、社区站点须指定所辖网格（--grids）", code="required")


def add_station(session: Session, *, data: StationCreate, now: datetime) -> tuple[Station, str]:
    """Register a station (or re-register an existing one) and issue a one-time code.

    Re-registering updates name, kind and scope and issues a fresh code; the station's
    current credential keeps working until it enrolls again or is revoked.
    """
    _check(data)
    station = session.scalar(select(Station).where(Station.code == data.code))
    if station is None:
        station = Station(code=data.code, created_at=now)
        session.add(station)
    station.name = data.name
    station.kind = data.kind
    station.department_id = data.department_id
    station.grids = [StationGrid(grid_id=g) for g in dict.fromkeys(data.grids)]
    station.scope_version = (station.scope_version or 0) + 1
    code = new_enroll_code()
    station.enroll_code_hash = hash_secret(code)
    station.enroll_expires_at = now + ENROLL_CODE_TTL
    session.flush()
    return station, code


def enroll(session: Session, *, code: str, now: datetime) -> tuple[Station, str]:
    """Trade a one-time code for a credential; the code is used up."""
    station = session.scalar(select(Station).where(Station.enroll_code_hash == hash_secret(code)))
    if station is None or (station.enroll_expires_at and station.enroll_expires_at < now):
        raise GridStationError(
            "注册码无效或已过期，请向镇网格中心索取新的注册码", code="bad_enroll_code"
        )
    token = secrets.token_urlsafe(32)
    station.token_hash = hash_token(token)
    station.enroll_code_hash = None
    station.enroll_expires_at = None
    station.enrolled_at = now
    station.revoked_at = None
    session.flush()
    return station, token


def revoke(session: Session, *, code: str, now: datetime) -> Station:
    station = session.scalar(select(Station).where(Station.code == code))
    if station is None:
        raise NotFoundError(f"没有编码为 {code} 的站点", field="code")
    station.token_hash = None
    station.enroll_code_hash = None
    station.revoked_at = now
    session.flush()
    return station


_STATION, _STATION_GRID = Station.__table__, StationGrid.__table__
# Built once: every request of every station runs it, and building the statement and its
# cache key each time, then passing it through the ORM layer, cost more than running it.
_BY_TOKEN = (
    select(
        _STATION.c.id,
        _STATION.c.code,
        _STATION.c.name,
        _STATION.c.kind,
        _STATION.c.department_id,
        _STATION.c.revoked_at,
        _STATION_GRID.c.grid_id,
    )
    .select_from(_STATION.outerjoin(_STATION_GRID, _STATION_GRID.c.station_id == _STATION.c.id))
    .where(_STATION.c.token_hash == bindparam("token_hash"))
    .order_by(_STATION_GRID.c.grid_id)
)


def station_for_token(session: Session, *, token: str) -> AuthStation | None:
    """The station holding ``token``, unless revoked. One plain query with its grids (every
    request of every station starts here: an ORM load and a lazy load of the grids were two
    round trips to PostgreSQL each time)."""
    rows = session.connection().execute(_BY_TOKEN, {"token_hash": hash_token(token)}).all()
    if not rows or rows[0].revoked_at is not None:
        return None
    first = rows[0]
    return AuthStation(
        id=first.id,
        code=first.code,
        name=first.name,
        kind=first.kind,
        department_id=first.department_id,
        grids=tuple(r.grid_id for r in rows if r.grid_id is not None),
    )


def stations_by_code(session: Session) -> dict[str, AuthStation]:
    """Every station as :class:`AuthStation`, in two plain queries: every push loads them
    all (audience rules), and ORM objects with a lazy load of the grids per station made
    that dozens of queries a request in a town of 50 stations."""
    grids: dict[int, list[str]] = {}
    for station_id, grid_id in session.execute(
        select(StationGrid.station_id, StationGrid.grid_id).order_by(StationGrid.grid_id)
    ):
        grids.setdefault(station_id, []).append(grid_id)
    rows = session.execute(
        select(Station.id, Station.code, Station.name, Station.kind, Station.department_id)
    )
    return {
        code: AuthStation(
            id=station_id,
            code=code,
            name=name,
            kind=kind,
            department_id=department_id,
            grids=tuple(grids.get(station_id, ())),
        )
        for station_id, code, name, kind, department_id in rows
    }


def list_stations(session: Session) -> list[StationPublic]:
    return [
        public(s)
        for s in session.scalars(
            select(Station).options(selectinload(Station.grids)).order_by(Station.code)
        )
    ]


def get_town(session: Session) -> TownPublic:
    values = {t.key: t.value for t in session.scalars(select(TownSetting))}
    return TownPublic(**{k: v for k, v in values.items() if k in TownPublic.model_fields})


def set_town(session: Session, *, town: TownPublic) -> None:
    for key, value in town.model_dump().items():
        session.merge(TownSetting(key=key, value=value))
