"""``GET /api/v1/changes?since=N``: events and reference data in the caller's scope."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from station.server.changes import changes_since
from station.server.deps import BearerToken, authenticate
from station.sync.protocol import (
    DEFAULT_PULL_LIMIT,
    MAX_PULL_LIMIT,
    NEXT_PAGE_HEADER,
    ChangesPublic,
    ErrorPublic,
)

router = APIRouter(tags=["changes"])


@router.get(
    "/changes",
    response_model=ChangesPublic,
    responses={
        200: {
            "headers": {
                NEXT_PAGE_HEADER: {
                    "description": "next_cursor if has_more, else 'end': a client may ask "
                    "for the next page before it has read this one",
                    "schema": {"type": "string"},
                }
            }
        },
        401: {"model": ErrorPublic},
    },
)
def read_changes(
    request: Request,
    credentials: BearerToken,
    since: Annotated[int, Query(ge=0, le=2**62, description="the cursor from the last page")] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_PULL_LIMIT)] = DEFAULT_PULL_LIMIT,
    own_upto: Annotated[
        int,
        Query(
            ge=0,
            le=2**62,
            description="the caller holds all its own events up to this server_seq: leave them out",
        ),
    ] = 0,
) -> Response:
    """One page of changes with ``server_seq > since``; continue from ``next_cursor``."""
    with request.app.state.db.sessions() as session:
        station = authenticate(request, session, credentials, keep_snapshot=True)
        page = changes_since(
            session,
            station=station,
            since=since,
            limit=limit,
            own_upto=own_upto,
            server_hlc=request.app.state.clock.now(),
        )
    following = str(page.next_cursor) if page.has_more else "end"
    return Response(
        content=page.body, media_type="application/json", headers={NEXT_PAGE_HEADER: following}
    )
