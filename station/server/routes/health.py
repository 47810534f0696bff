"""``GET /health``: for monitoring and load balancers (no credential needed)."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import text

from station import __version__
from station.server.deps import SessionDep
from station.sync.protocol import HealthPublic

router = APIRouter(tags=["health"])


@router.get("/health", response_model=HealthPublic)
def health(session: SessionDep) -> HealthPublic:
    session.execute(text("SELECT 1"))
    return HealthPublic(status="ok", version=__version__, database=session.get_bind().dialect.name)
