"""The station's settings: one typed object, stored in the local database."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from sqlalchemy.orm import Session

from station.db.models import Setting
from station.domain.enums import StationKind


@dataclass(frozen=True)
class StationSettings:
    station_code: str = ""
    station_name: str = ""
    station_kind: str = StationKind.VILLAGE.value
    department_id: str = ""  # a department station's own department (set by enrollment)
    town_name: str = ""
    committee_name: str = ""  # e.g. 霞浦镇人民调解委员会
    committee_short: str = ""  # the X of （2026）X人调字第N号
    phone: str = ""
    server_url: str = ""
    sync_interval_minutes: int = 5
    tls_ca_file: str = ""  # a town's own CA certificate (PEM); empty: the system's CAs
    language: str = "zh_CN"  # of the desktop app: "zh_CN" or "en" (station.services.setup)
    backup_dir: str = ""  # where backups go; empty: the data folder's backups/
    idle_lock_minutes: int = 10  # lock the desktop app after this long without input; 0: never
    retention_years: int = 0  # closed work orders anonymised after this many years; 0: not set

    @property
    def configured(self) -> bool:
        return bool(self.station_code and self.station_name)


def load_settings(session: Session) -> StationSettings:
    stored = {s.key: s.value for s in session.query(Setting).all()}
    values: dict[str, object] = {}
    for f in fields(StationSettings):
        if f.name in stored:
            values[f.name] = int(stored[f.name]) if f.type == "int" else stored[f.name]
    return StationSettings(**values)  # type: ignore[arg-type]


def save_settings(session: Session, settings: StationSettings) -> None:
    for key, value in asdict(settings).items():
        session.merge(Setting(key=key, value=str(value)))
