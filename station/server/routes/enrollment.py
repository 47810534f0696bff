"""``POST /api/v1/enroll``: a station trades its one-time code for a credential."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Request

from station.errors import GridStationError
from station.server import crud
from station.server.deps import WriteSessionDep
from station.server.errors import ApiError
from station.sync.protocol import EnrollmentCreate, EnrollmentPublic, ErrorPublic

router = APIRouter(tags=["enrollment"])


@router.post(
    "/enroll",
    response_model=EnrollmentPublic,
    responses={400: {"model": ErrorPublic}},
)
def enroll(request: Request, body: EnrollmentCreate, session: WriteSessionDep) -> EnrollmentPublic:
    with session.begin():
        try:
            station, token = crud.enroll(session, code=body.code, now=datetime.now())
        except GridStationError as err:
            raise ApiError(400, err.code, err.message, field="code") from None
        result = EnrollmentPublic(
            station=crud.public(station),
            token=token,
            town=crud.get_town(session),
            server_hlc=request.app.state.clock.now(),
        )
    return result
