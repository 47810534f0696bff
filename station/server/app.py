"""The town server's ASGI app: ``create_app(database_url)``.

Everything a worker needs is built here from the database URL and :class:`ServerSettings`:
the schema is migrated, the HLC resumes from the newest stored event, routes are mounted
under ``/api/v1`` (``/health`` at the root). The app keeps no state of its own beyond
caches (reference data, rate buckets), so any number of workers can serve one database.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from functools import partial

from fastapi import FastAPI
from sqlalchemy import func, select
from starlette.middleware.gzip import GZipMiddleware

from station import __version__
from station.domain.clock import HybridLogicalClock
from station.server.db import ServerDatabase, open_server_database
from station.server.errors import install_error_handlers
from station.server.ingest import ScopesCache
from station.server.middleware import AccessLogMiddleware, RateLimiter, RequestBodyMiddleware
from station.server.models import Event
from station.server.push_queue import PushQueue, write_pushes
from station.server.reference import ReferenceCache
from station.server.routes import audit, changes, enrollment, events, health, stations
from station.sync.protocol import API_PREFIX


@dataclass(frozen=True)
class ServerSettings:
    max_body_bytes: int = 16 * 1024 * 1024  # one push request, compressed or not
    rate_per_second: float = 20.0  # per station and worker; 0 turns the limit off
    rate_burst: int = 200
    gzip_level: int = 5  # level 5: nearly level 9's size at a third of the CPU


def create_app(
    database_url: str,
    *,
    settings: ServerSettings | None = None,
    database: ServerDatabase | None = None,
) -> FastAPI:
    settings = settings or ServerSettings()
    db = database or open_server_database(database_url)
    with db.sessions() as session:
        newest = session.scalar(select(func.max(Event.hlc)))
    app = FastAPI(
        title="网格驿站 镇服务器 (Grid Station town server)",
        version=__version__,
        description="Offline-first sync for a town's grid stations: push events, pull changes.",
    )
    app.state.db = db
    app.state.settings = settings
    app.state.clock = HybridLogicalClock(last=newest)
    app.state.reference = ReferenceCache()
    app.state.pushes = PushQueue(partial(write_pushes, db, app.state.reference, ScopesCache()))
    app.state.limiter = RateLimiter(rate=settings.rate_per_second, burst=settings.rate_burst)
    install_error_handlers(app)
    app.include_router(health.router)
    for module in (enrollment, stations, events, changes, audit):
        app.include_router(module.router, prefix=API_PREFIX)
    # Outermost last: log → gzip responses → read (and inflate) request bodies.
    app.add_middleware(RequestBodyMiddleware, max_body=settings.max_body_bytes)
    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=settings.gzip_level)
    app.add_middleware(AccessLogMiddleware)
    return app


def keep_startup_objects_out_of_gc() -> None:
    """Call once the app is built, in the serving process. What is loaded by then — the
    modules, pypinyin's dictionaries (via the validation rules), SQLAlchemy's metadata —
    lives as long as the process; a full garbage collection scanned all of it, about
    100 ms with the whole server stalled, at arbitrary requests (the first pull after a
    push took 130 ms instead of 30). The desktop app does the same (ui/app.py)."""
    gc.collect()
    gc.freeze()


DATABASE_ENV = "GRID_STATION_SERVER_DB"


def app_from_env() -> FastAPI:
    """For ``uvicorn --factory station.server.app:app_from_env --workers N``: the database
    URL comes from ``GRID_STATION_SERVER_DB`` (each worker process builds its own app)."""
    import os

    url = os.environ.get(DATABASE_ENV)
    if not url:
        raise RuntimeError(f"set {DATABASE_ENV} to the server's database URL")
    app = create_app(url)
    keep_startup_objects_out_of_gc()
    return app
