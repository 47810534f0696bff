"""The sync part of the station's settings: server address, interval, CA file, enrollment.

What the settings section of the desktop app calls. Each function validates at the
boundary (a :class:`~station.errors.ValidationError` names the field, so the form shows the
message beside it) and checks that the person may change settings.
"""

from __future__ import annotations

import ssl
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy.orm import Session

from station.db.database import Database
from station.domain.permissions import Permission, require
from station.errors import ValidationError
from station.services.events import Actor
from station.settings import StationSettings, load_settings, save_settings
from station.sync.protocol import EnrollmentPublic
from station.sync.state import read_token
from station.sync.transport import enroll

MIN_INTERVAL, MAX_INTERVAL = 1, 24 * 60  # minutes


@dataclass(frozen=True)
class SyncSettings:
    server_url: str
    interval_minutes: int
    ca_file: str
    station_code: str
    station_name: str
    enrolled: bool  # holds a credential (never shown)


def _view(session: Session, settings: StationSettings) -> SyncSettings:
    return SyncSettings(
        server_url=settings.server_url,
        interval_minutes=settings.sync_interval_minutes,
        ca_file=settings.tls_ca_file,
        station_code=settings.station_code,
        station_name=settings.station_name,
        enrolled=bool(settings.server_url) and read_token(session) is not None,
    )


def load_sync_settings(session: Session) -> SyncSettings:
    return _view(session, load_settings(session))


def check_server_url(url: str) -> str:
    """The address normalised (no trailing slash), or a ValidationError saying what is wrong."""
    url = url.strip()
    if not url:
        raise ValidationError(
            "请填写镇服务器地址，如 https://town.example:8700", field="server_url"
        )
    if any(c.isspace() for c in url):
        raise ValidationError("镇服务器地址里不能有空格", field="server_url")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise ValidationError(
            "镇服务器地址应以 https:// 开头（如 https://town.example:8700）", field="server_url"
        )
    try:
        port = parts.port
    except ValueError:
        port = -1
    if not parts.hostname or port == -1:
        raise ValidationError(
            "镇服务器地址不完整：应为 https://主机名:端口，如 https://town.example:8700",
            field="server_url",
        )
    if parts.query or parts.fragment:
        raise ValidationError("镇服务器地址不应包含 ? 或 # 后面的部分", field="server_url")
    return url.rstrip("/")


def check_ca_file(path: str) -> str:
    path = path.strip()
    if not path:
        return ""
    if not Path(path).is_file():
        raise ValidationError("找不到这个证书文件，请重新选择", field="ca_file")
    try:
        ssl.create_default_context(cafile=path)
    except (ssl.SSLError, OSError, ValueError):
        raise ValidationError(
            "这个文件不是有效的证书（应为 PEM 格式的 CA 证书），请向镇网格中心索取",
            field="ca_file",
        ) from None
    return path


def check_interval(minutes: int) -> int:
    if not MIN_INTERVAL <= minutes <= MAX_INTERVAL:
        raise ValidationError(
            f"同步间隔应在 {MIN_INTERVAL} 到 {MAX_INTERVAL} 分钟之间", field="interval_minutes"
        )
    return minutes


def save_sync_settings(
    session: Session, *, actor: Actor, server_url: str, interval_minutes: int, ca_file: str
) -> SyncSettings:
    """Change the interval and CA file. The server address only changes by enrolling (a
    credential belongs to one server), so a different address here is refused."""
    require(actor, Permission.MANAGE_SETTINGS)
    current = load_settings(session)
    url = check_server_url(server_url) if server_url.strip() else ""
    if current.server_url and url and url != current.server_url.rstrip("/"):
        raise ValidationError(
            "要换到另一个镇服务器，请填写新地址和注册码后点“注册”", field="server_url"
        )
    updated = replace(
        current,
        server_url=current.server_url or url,
        sync_interval_minutes=check_interval(interval_minutes),
        tls_ca_file=check_ca_file(ca_file),
    )
    save_settings(session, updated)
    return _view(session, updated)


def enroll_station(
    db: Database,
    *,
    actor: Actor,
    server_url: str,
    code: str,
    ca_file: str = "",
    run_db: Callable[[Callable[[], Any]], Any] | None = None,
) -> EnrollmentPublic:
    """Validate the form, then :func:`station.sync.transport.enroll` (network: not on the
    GUI thread)."""
    require(actor, Permission.MANAGE_SETTINGS)
    url = check_server_url(server_url)
    ca = check_ca_file(ca_file)
    code = code.strip()
    if not 4 <= len(code) <= 40:
        raise ValidationError("请填写镇网格中心给的一次性注册码", field="code")
    return enroll(db, server_url=url, code=code, ca_file=ca, run_db=run_db)
