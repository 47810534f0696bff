"""Reference data on the wire: read from a station database, written into one.

Reference data (communities, grids, departments, categories, dispute types, the roster)
belongs to the town center and flows server → stations. Each record travels whole, as a
dict of its columns (a roster person with its ``roles``), versioned by the server's
sequence; a tombstone removes it. Kinds are applied parents first, so foreign keys hold.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from station.db import models as m
from station.services.events import to_payload
from station.services.projection import coerce
from station.sync.town_accounts import TOWN_ACCOUNT_KIND, apply_town_accounts

# Application order: a kind only refers to kinds before it.
REFERENCE_KINDS: dict[str, type[m.Base]] = {
    "community": m.Community,
    "department": m.Department,
    "dispute_type": m.DisputeType,
    "grid": m.Grid,
    "category": m.Category,
    "roster_person": m.RosterPerson,
}


@dataclass(frozen=True)
class ReferenceRecord:
    kind: str
    id: str
    data: dict[str, Any]
    deleted: bool = False


def _columns(model: type[m.Base]) -> list[str]:
    return [c.key for c in model.__table__.columns]  # type: ignore[attr-defined]


def export_reference(session: Session) -> list[ReferenceRecord]:
    """Every reference record of a station database, as it would travel."""
    roles: dict[str, list[dict[str, Any]]] = {}
    for a in session.scalars(select(m.RosterAssignment).order_by(m.RosterAssignment.id)):
        roles.setdefault(a.person_id, []).append({"role": a.role, "grid_id": a.grid_id})
    out: list[ReferenceRecord] = []
    for kind, model in REFERENCE_KINDS.items():
        columns = _columns(model)
        for row in session.scalars(select(model)):
            data = to_payload({c: getattr(row, c) for c in columns})
            if kind == "roster_person":
                data["roles"] = sorted(
                    roles.get(row.id, []), key=lambda r: (r["role"], r["grid_id"] or "")
                )
            out.append(ReferenceRecord(kind=kind, id=str(data["id"]), data=data))
    return out


def _parents_first(records: list[ReferenceRecord]) -> list[ReferenceRecord]:
    """Categories form a tree: a child must come after its parent within one batch."""
    by_id = {r.id: r for r in records}

    def depth(r: ReferenceRecord, seen: int = 0) -> int:
        parent = r.data.get("parent_id")
        if not parent or parent not in by_id or seen > 50:
            return 0
        return 1 + depth(by_id[parent], seen + 1)

    return sorted(records, key=depth)


def apply_reference(session: Session, records: Iterable[ReferenceRecord]) -> int:
    """Upsert (or remove, for tombstones) reference records; returns how many were applied.

    A tombstoned roster person is deactivated, not deleted (old cases still name them); any
    other tombstoned record is deleted unless local rows still refer to it, in which case it
    stays (the reference is history, not a live choice).
    """
    grouped: dict[str, list[ReferenceRecord]] = {kind: [] for kind in REFERENCE_KINDS}
    grouped[TOWN_ACCOUNT_KIND] = []  # last: a town account may name a roster person
    for record in records:
        if record.kind in grouped:
            grouped[record.kind].append(record)
    conn = session.connection()
    count = 0
    for kind, model in REFERENCE_KINDS.items():
        items = grouped[kind]
        if kind == "category":
            items = _parents_first(items)
        table = model.__table__  # type: ignore[attr-defined]
        count += len(items)
        live = [r for r in items if not r.deleted]
        for record in items:
            if record.deleted:
                _remove(session, kind, record.id)
        if not live:
            continue
        rows = [coerce(table.name, {k: v for k, v in r.data.items() if k != "roles"}) for r in live]
        stmt = sqlite_insert(table)
        stmt = stmt.on_conflict_do_update(
            index_elements=["id"],
            set_={c.key: stmt.excluded[c.key] for c in table.columns if c.key != "id"},
        )
        if kind == "category":  # parents first: one row at a time keeps the order
            for row in rows:
                conn.execute(stmt, [row])
        else:
            conn.execute(stmt, rows)
        if kind == "roster_person":
            ids = [r.id for r in live]
            for start in range(0, len(ids), 500):
                conn.execute(
                    delete(m.RosterAssignment).where(
                        m.RosterAssignment.person_id.in_(ids[start : start + 500])
                    )
                )
            roles = [
                {"person_id": r.id, "role": role["role"], "grid_id": role.get("grid_id")}
                for r in live
                for role in r.data.get("roles") or ()
            ]
            if roles:
                conn.execute(m.RosterAssignment.__table__.insert(), roles)
    count += apply_town_accounts(session, grouped[TOWN_ACCOUNT_KIND])
    session.expire_all()
    return count


def _remove(session: Session, kind: str, item_id: str) -> None:
    model = REFERENCE_KINDS[kind]
    if kind == "roster_person":
        session.execute(update(model).where(model.id == item_id).values(active=False))
        return
    try:
        with session.begin_nested():
            session.execute(delete(model).where(model.id == item_id))
    except IntegrityError:
        pass  # still referenced: keep it
