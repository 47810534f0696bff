"""The station's own details an admin may change after setup: names, phone, idle lock.

The station code and kind stay as set up (they are in every case number and in the sync
enrolment). Changes are checked like the first-run setup and audited.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from station.domain.permissions import Permission, require
from station.errors import FormInvalid, ValidationError
from station.services import audit
from station.services.events import Actor
from station.services.setup import check_settings
from station.settings import StationSettings, load_settings, save_settings

MAX_IDLE_MINUTES = 240
FIELD_LABELS = {
    "station_name": "驿站名称",
    "committee_name": "人民调解委员会名称",
    "committee_short": "调解委员会简称",
    "phone": "联系电话",
    "idle_lock_minutes": "自动锁定时间",
}


@dataclass(frozen=True)
class StationProfile:
    station_code: str
    station_name: str
    committee_name: str
    committee_short: str
    phone: str
    idle_lock_minutes: int


def _profile(settings: StationSettings) -> StationProfile:
    return StationProfile(
        station_code=settings.station_code,
        station_name=settings.station_name,
        committee_name=settings.committee_name,
        committee_short=settings.committee_short,
        phone=settings.phone,
        idle_lock_minutes=settings.idle_lock_minutes,
    )


def get_station_profile(session: Session) -> StationProfile:
    return _profile(load_settings(session))


def update_station_profile(
    session: Session,
    *,
    actor: Actor,
    station_name: str,
    committee_name: str,
    committee_short: str,
    phone: str,
    idle_lock_minutes: int,
) -> StationProfile:
    """Store the details (every problem at once as :class:`FormInvalid`); admins only."""
    require(actor, Permission.MANAGE_SETTINGS)
    current = load_settings(session)
    problems: list[ValidationError] = []
    try:
        checked = check_settings(
            replace(
                current,
                station_name=station_name,
                committee_name=committee_name,
                committee_short=committee_short,
                phone=phone,
            )
        )
    except FormInvalid as exc:
        problems += list(exc.errors)
        checked = current
    if not 0 <= idle_lock_minutes <= MAX_IDLE_MINUTES:
        problems.append(
            ValidationError(
                f"自动锁定时间请填0到{MAX_IDLE_MINUTES}分钟（0表示不自动锁定）",
                code="out_of_range",
                field="idle_lock_minutes",
            )
        )
    if problems:
        raise FormInvalid(problems)
    new = replace(checked, idle_lock_minutes=idle_lock_minutes)
    changed = [k for k, v in vars(_profile(new)).items() if getattr(current, k) != v]
    if changed:
        save_settings(session, new)
        audit.write(
            session,
            username=actor.username,
            action="station_info_changed",
            target_type="station",
            target_id=new.station_code,
            detail={"fields": [FIELD_LABELS.get(k, k) for k in changed]},
        )
    return _profile(new)
