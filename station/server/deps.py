"""Dependencies shared by the route modules, as named ``Annotated`` types.

FastAPI runs every *sync* dependency and every sync endpoint in its thread pool, one hop
each (and a generator dependency hops again on the way out). For the two requests every
station makes on every sync — ``GET /changes`` and ``POST /events`` — those hops cost more
than the work itself when there is nothing to do, so those routes take only the bearer
token (parsed on the event loop) and call :func:`authenticate` inside their one sync
endpoint, in the session they already hold. Other routes keep the plain dependencies.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from station.server.crud import AuthStation, station_for_token
from station.server.errors import ApiError


def get_db(request: Request) -> Generator[Session]:
    with request.app.state.db.sessions() as session:
        yield session


def get_write_db(request: Request) -> Generator[Session]:
    """A session whose transaction takes the write lock up front (SQLite) — for pushes."""
    with request.app.state.db.write_session() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_db)]
WriteSessionDep = Annotated[Session, Depends(get_write_db)]

_bearer = HTTPBearer(auto_error=False, description="the station's credential from enrollment")

# The credential as sent (``None`` if missing): an async dependency, no thread hop.
BearerToken = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def authenticate(
    request: Request,
    session: Session,
    credentials: HTTPAuthorizationCredentials | None,
    *,
    keep_snapshot: bool = False,
) -> AuthStation:
    """The enrolled, not revoked station behind the bearer token; 401 otherwise (429 past
    the station's rate). Ends the session's read transaction — it must not pin an old
    snapshot for work that follows later — unless ``keep_snapshot``: a pull reads its page
    in the same snapshot straight away (one transaction, fewer round trips)."""
    if credentials is None or not credentials.credentials:
        raise ApiError(401, "unauthorized", "缺少站点凭据，请先注册（grid-station enroll）")
    station = station_for_token(session, token=credentials.credentials)
    if not keep_snapshot:
        session.rollback()
    if station is None:
        raise ApiError(401, "unauthorized", "站点凭据无效或已被吊销，请向镇网格中心重新申请注册码")
    request.scope.setdefault("state", {})["station_code"] = station.code
    request.app.state.limiter.check(station.code)
    return station


def get_current_station(
    request: Request, session: SessionDep, credentials: BearerToken
) -> AuthStation:
    return authenticate(request, session, credentials)


CurrentStation = Annotated[AuthStation, Depends(get_current_station)]
