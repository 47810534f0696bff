"""``GET /api/v1/station``: who the server thinks the caller is (checks a credential)."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import select

from station.server import crud
from station.server.deps import CurrentStation, SessionDep
from station.server.models import Station
from station.sync.protocol import ErrorPublic, StationPublic

router = APIRouter(tags=["stations"])


@router.get("/station", response_model=StationPublic, responses={401: {"model": ErrorPublic}})
def read_own_station(station: CurrentStation, session: SessionDep) -> StationPublic:
    row = session.scalar(select(Station).where(Station.id == station.id))
    assert row is not None
    return crud.public(row)
