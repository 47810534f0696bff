"""``POST /api/v1/events``: push a batch of events; one result per event."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from station.server.deps import BearerToken, authenticate
from station.server.ingest import Push
from station.sync.protocol import ErrorPublic, EventBatchCreate, EventBatchResult

router = APIRouter(tags=["events"])


@router.post(
    "/events",
    response_model=EventBatchResult,
    responses={401: {"model": ErrorPublic}, 413: {"model": ErrorPublic}},
)
def push_events(request: Request, body: EventBatchCreate, credentials: BearerToken) -> Response:
    """Store the acceptable events of the batch; rejected ones say why. Idempotent."""
    with request.app.state.db.sessions() as session:
        station = authenticate(request, session, credentials)
    clock = request.app.state.clock
    if body.client_hlc:
        clock.observe(body.client_hlc)
    results = request.app.state.pushes.push(Push(station=station, events=body.events))
    newest = max((e.hlc for e in body.events), default=None)
    if newest:
        clock.observe(newest)
    # Serialised here, once: returning the model would have FastAPI validate a thousand
    # results again against the response model before encoding them.
    answer = EventBatchResult(results=results, server_hlc=clock.now())
    return Response(content=answer.model_dump_json(), media_type="application/json")
