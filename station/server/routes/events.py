"""``POST /api/v1/events``: push a batch of events; one result per event."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Request

from station.server.deps import CurrentStation, WriteSessionDep
from station.server.ingest import ingest_events
from station.sync.protocol import ErrorPublic, EventBatchCreate, EventBatchResult

router = APIRouter(tags=["events"])


@router.post(
    "/events",
    response_model=EventBatchResult,
    responses={401: {"model": ErrorPublic}, 413: {"model": ErrorPublic}},
)
def push_events(
    request: Request, body: EventBatchCreate, station: CurrentStation, session: WriteSessionDep
) -> EventBatchResult:
    """Store the acceptable events of the batch; rejected ones say why. Idempotent."""
    clock = request.app.state.clock
    if body.client_hlc:
        clock.observe(body.client_hlc)
    with session.begin():
        reference = request.app.state.reference.index(session)
        results = ingest_events(
            session, station=station, events=body.events, reference=reference, now=datetime.now()
        )
    newest = max((e.hlc for e in body.events), default=None)
    if newest:
        clock.observe(newest)
    return EventBatchResult(results=results, server_hlc=clock.now())
