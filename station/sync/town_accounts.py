"""Town accounts at a station: user accounts that arrive with the reference data.

The town center creates an account once (``grid-station server add-user``); it travels to
every station as a reference record of kind :data:`TOWN_ACCOUNT_KIND` — username, display
name, role, roster person, the argon2id password *hash* (never the password) and whether
it is active — so a mediator can log in at any station of the town, offline, checked
against the local copy (:func:`station.services.users.authenticate`).

Rules, applied in :func:`apply_town_accounts`:

* The account is upserted into ``user_account`` with ``origin = 'town'``; a newer version
  from the server replaces its name, role, roster person, hash and active flag.
* A local account (``origin = 'local'``) with the same username is never overwritten: the
  town record is skipped with a log line, and the local account keeps working as before.
* Lockout state (failed logins, lock time), the last login and the password-change time
  stay local.
* A tombstone (the record removed on the server) disables the account; it is never
  deleted, since events and audit entries name it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.db.models import RosterPerson, UserAccount
from station.domain.enums import Role

if TYPE_CHECKING:
    from station.sync.reference import ReferenceRecord

log = logging.getLogger(__name__)

TOWN_ACCOUNT_KIND = "town_account"
TOWN = "town"
LOCAL = "local"
#: The fields a town account record carries (its id is the username).
FIELDS = ("username", "display_name", "role", "roster_person_id", "password_hash", "active")


def apply_town_accounts(session: Session, records: Iterable[ReferenceRecord]) -> int:
    """Upsert (or disable, for tombstones) town accounts; returns how many were applied."""
    count = 0
    now = datetime.now().replace(microsecond=0)
    for record in records:
        count += 1
        username = record.id
        user = session.scalar(select(UserAccount).where(UserAccount.username == username))
        if user is not None and user.origin != TOWN:
            log.info("town account %s skipped: a local account has that username", username)
            continue
        if record.deleted:
            if user is not None:
                user.active = False
            continue
        data = record.data
        try:
            role = Role(data["role"]).value
            password_hash = str(data["password_hash"])
        except (KeyError, ValueError):
            log.warning("town account %s skipped: incomplete record", username)
            continue
        values: dict[str, Any] = {
            "display_name": str(data.get("display_name") or username)[:40],
            "role": role,
            "roster_person_id": _roster_id(session, data.get("roster_person_id")),
            "active": bool(data.get("active", True)),
        }
        if user is None:
            session.add(
                UserAccount(
                    username=username,
                    password_hash=password_hash,
                    origin=TOWN,
                    created_at=now,
                    failed_logins=0,
                    password_changed_at=now,
                    must_change_password=False,
                    **values,
                )
            )
            continue
        for key, value in values.items():
            setattr(user, key, value)
        if user.password_hash != password_hash:
            user.password_hash = password_hash
            user.password_changed_at = now
    session.flush()
    return count


def _roster_id(session: Session, person_id: object) -> str | None:
    """The roster person if this station has them (reference data comes first), else none."""
    if not person_id:
        return None
    return str(person_id) if session.get(RosterPerson, str(person_id)) is not None else None
