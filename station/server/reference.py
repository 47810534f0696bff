"""Reference data on the server: versioned records with tombstones.

:func:`put_reference` compares what it is given with what is stored and hands a new
``server_seq`` only to records that changed, so stations pull just the difference.
:class:`ReferenceIndex` is the in-memory view the event validator looks things up in.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station.server.models import ReferenceItem
from station.server.sequence import lock_counter, store_counter
from station.services.events import canonical_json
from station.sync.reference import REFERENCE_KINDS, ReferenceRecord
from station.sync.town_accounts import TOWN_ACCOUNT_KIND


def put_reference(
    session: Session, *, records: Iterable[ReferenceRecord], replace_all: bool = False
) -> int:
    """Store reference records; with ``replace_all`` every stored record not given is
    tombstoned (town accounts excepted: they are managed by :mod:`station.server.accounts`,
    not imported from a station). Returns the number of records that changed. Call inside
    a write transaction.
    """
    last = lock_counter(session)
    stored = {(r.kind, r.item_id): r for r in session.scalars(select(ReferenceItem))}
    given: set[tuple[str, str]] = set()
    changed = 0
    for record in records:
        if record.kind not in REFERENCE_KINDS and record.kind != TOWN_ACCOUNT_KIND:
            raise ValueError(f"unknown reference kind {record.kind}")
        key = (record.kind, record.id)
        given.add(key)
        data = canonical_json(record.data)
        row = stored.get(key)
        if row is not None and row.data == data and row.deleted == record.deleted:
            continue
        last += 1
        changed += 1
        if row is None:
            row = ReferenceItem(kind=record.kind, item_id=record.id)
            session.add(row)
            stored[key] = row
        row.seq, row.deleted, row.data = last, record.deleted, data
    if replace_all:
        for key, row in stored.items():
            if key not in given and not row.deleted and key[0] in REFERENCE_KINDS:
                last += 1
                changed += 1
                row.seq, row.deleted = last, True
    store_counter(session, last)
    return changed


@dataclass
class ReferenceIndex:
    """Live reference records by kind and id (tombstones left out)."""

    version: tuple[int, int] = (0, 0)
    items: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)

    def get(self, kind: str, item_id: str | None) -> dict[str, Any] | None:
        if not item_id:
            return None
        return self.items.get(kind, {}).get(item_id)


class ReferenceCache:
    """One :class:`ReferenceIndex` per process, reloaded when the stored records change."""

    def __init__(self) -> None:
        self._index = ReferenceIndex(version=(-1, -1))

    def index(self, session: Session) -> ReferenceIndex:
        version = session.execute(
            select(func.coalesce(func.max(ReferenceItem.seq), 0), func.count())
        ).one()
        version = (int(version[0]), int(version[1]))
        if version != self._index.version:
            items: dict[str, dict[str, dict[str, Any]]] = {k: {} for k in REFERENCE_KINDS}
            live = select(ReferenceItem).where(ReferenceItem.deleted.is_(False))
            for row in session.scalars(live):
                items.setdefault(row.kind, {})[row.item_id] = json.loads(row.data)
            self._index = ReferenceIndex(version=version, items=items)
        return self._index
