"""HTTP to the town server: building the client, enrolling.

TLS verification is always on; a town that runs its own CA names its certificate file in
the settings (``tls_ca_file``). Request bodies are gzip-compressed by the caller
(:func:`gzip_json`); responses are inflated by httpx.
"""

from __future__ import annotations

import functools
import gzip
import ssl
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session

from station import __version__
from station.db.database import Database
from station.db.models import Event
from station.errors import GridStationError
from station.services.events import clock_for
from station.settings import StationSettings, load_settings, save_settings
from station.sync.protocol import API_PREFIX, EnrollmentPublic
from station.sync.state import read_token, reset_own_upto, save_cursor, save_token

GZIP_LEVEL = 5


class SyncError(GridStationError):
    """Sync could not complete; ``message`` is plain Chinese for the status bar."""

    code = "sync_failed"


def gzip_json(body: bytes) -> bytes:
    return gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)


@functools.lru_cache(maxsize=4)
def _tls_context(ca_file: str) -> ssl.SSLContext:
    """Verification always on; loading the CA store costs ~20 ms, so it is done once."""
    return ssl.create_default_context(cafile=ca_file or None)


def make_http_client(
    *, server_url: str, token: str | None = None, ca_file: str = "", timeout: float = 60.0
) -> httpx.Client:
    if not server_url.startswith(("http://", "https://")):
        raise GridStationError(
            f"镇服务器地址应以 https:// 或 http:// 开头：{server_url}", code="bad_server_url"
        )
    verify = _tls_context(ca_file)
    headers = {"User-Agent": f"grid-station/{__version__}", "Accept-Encoding": "gzip"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return httpx.Client(
        base_url=server_url.rstrip("/"),
        headers=headers,
        verify=verify,
        timeout=httpx.Timeout(timeout, connect=10.0),
    )


def open_client(db: Database) -> httpx.Client:
    """A client for this station's server with its credential; raises if not enrolled."""
    return make_station_client(db)


def make_station_client(
    db: Database, *, run_db: Callable[[Callable[[], Any]], Any] | None = None
) -> httpx.Client:
    """:func:`open_client`, reading the settings through ``run_db`` (see ``sync_once``)."""

    def read() -> tuple[StationSettings, str | None]:
        with db.read() as session:
            return load_settings(session), read_token(session)

    settings, token = (run_db or (lambda step: step()))(read)
    if not settings.server_url or not token:
        raise SyncError(
            "本站还没有在镇服务器注册：请运行 grid-station enroll --server 地址 --code 注册码",
            code="not_enrolled",
        )
    return make_http_client(
        server_url=settings.server_url, token=token, ca_file=settings.tls_ca_file
    )


def explain(exc: Exception) -> SyncError:
    """A network or HTTP failure in plain words (never the credential)."""
    if isinstance(exc, SyncError):
        return exc
    if isinstance(exc, httpx.HTTPStatusError):
        response = exc.response
        try:
            detail = response.json()["error"]
            message, code = detail["message"], detail["code"]
        except (ValueError, KeyError, TypeError):
            message, code = f"镇服务器返回错误 {response.status_code}", "server_error"
        if response.status_code == 401:
            return SyncError(message, code="unauthorized")
        if response.status_code == 429:
            return SyncError("镇服务器繁忙，稍后会自动重试", code="rate_limited")
        if response.status_code >= 500:
            return SyncError("镇服务器出错，稍后会自动重试", code="server_error")
        return SyncError(message, code=code)
    if isinstance(exc, httpx.TimeoutException):
        return SyncError("连接镇服务器超时，已离线工作", code="offline")
    if isinstance(exc, httpx.TransportError):
        return SyncError("无法连接镇服务器，已离线工作", code="offline")
    return SyncError(f"同步失败：{exc}", code="sync_failed")


def _local_station_codes(session: Session) -> set[str]:
    stmt = select(Event.station_code).where(Event.server_seq.is_(None)).distinct()
    return set(session.scalars(stmt))


def enroll(
    db: Database,
    *,
    server_url: str,
    code: str,
    ca_file: str = "",
    http: httpx.Client | None = None,
    run_db: Callable[[Callable[[], Any]], Any] | None = None,
) -> EnrollmentPublic:
    """Enroll this station with its one-time code and keep the credential in the database.

    Refuses to attach a database that holds unsynced records of another station (they would
    be rejected as written by someone else). Returns the answer with the token blanked.
    ``run_db`` runs the database steps, as for :func:`station.sync.client.sync_once`.
    """
    run_db = run_db or (lambda step: step())

    def codes() -> set[str]:
        with db.read() as session:
            return _local_station_codes(session)

    local_codes = run_db(codes)
    client = http or make_http_client(server_url=server_url, ca_file=ca_file)
    try:
        response = client.post(f"{API_PREFIX}/enroll", json={"code": code.strip()})
        response.raise_for_status()
        answer = EnrollmentPublic.model_validate_json(response.content)
    except (httpx.HTTPError, ValueError) as exc:
        raise explain(exc) from None
    finally:
        if http is None:
            client.close()
    station = answer.station
    if local_codes - {station.code}:
        raise GridStationError(
            f"这个数据文件夹里有其他站点（{'、'.join(sorted(local_codes))}）尚未同步的记录，"
            f"不能注册为 {station.code}。请换一个数据文件夹，并向镇网格中心重新索取注册码。",
            code="station_mismatch",
        )

    def store() -> None:
        with db.transaction() as session:
            settings = load_settings(session)
            changed_server = settings.server_url.rstrip("/") != server_url.rstrip("/")
            save_settings(
                session,
                replace(
                    settings,
                    **{
                        "station_code": station.code,
                        "station_name": station.name,
                        "station_kind": station.kind,
                        "department_id": station.department_id or "",
                        "server_url": server_url.rstrip("/"),
                        "tls_ca_file": ca_file or settings.tls_ca_file,
                        "town_name": settings.town_name or answer.town.town_name,
                        "committee_name": settings.committee_name or answer.town.committee_name,
                        "committee_short": settings.committee_short or answer.town.committee_short,
                    },
                ),
            )
            save_token(session, answer.token)
            reset_own_upto(session)  # maybe another station code, or another server
            if changed_server:
                save_cursor(session, 0)
            clock_for(session).observe(answer.server_hlc)

    run_db(store)
    return answer.model_copy(update={"token": ""})
