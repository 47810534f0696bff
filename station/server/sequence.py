"""``server_seq``: one gap-free, commit-ordered sequence for events and reference data.

Why a locked single-row counter and not a database sequence: a PostgreSQL ``SEQUENCE`` (or
``BIGSERIAL``) hands numbers out at insert time but transactions commit in any order, so
a reader could see seq 11 committed while 10 is still in flight, advance its cursor to 11
and never see 10. Here every writer first locks the one ``seq_counter`` row
(``SELECT … FOR UPDATE`` on PostgreSQL; on SQLite the write transaction already holds the
database lock from ``BEGIN IMMEDIATE``), takes the next numbers, inserts, stores the new
``last`` and commits — releasing the lock only at commit. The next writer cannot number
anything before that, so numbers become visible strictly in order and a reader that has
seen ``last = N`` (read in its own snapshot) has seen every row up to N. Pulls serve only
up to the ``last`` they read, so they never run ahead of a commit.

The cost is that pushes are serialised. A push holds the lock for its validation and
inserts only (a 500-event batch takes a few tens of milliseconds), which is far above the
ingest rate a county needs; readers are never blocked by it.
"""

from __future__ import annotations

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from station.server.models import SeqCounter

# Built once: every push and every pull runs them.
_COUNTER = SeqCounter.__table__
_LAST = select(_COUNTER.c.last).where(_COUNTER.c.id == 1)
_LOCK = _LAST.with_for_update()
_STORE = update(_COUNTER).where(_COUNTER.c.id == 1).values(last=bindparam("new_last"))


def lock_counter(session: Session) -> int:
    """Lock the counter until this transaction ends; returns the last number handed out."""
    return int(session.connection().execute(_LOCK).scalar_one())


def store_counter(session: Session, last: int) -> None:
    session.connection().execute(_STORE, {"new_last": last})


def committed_last(session: Session) -> int:
    """The highest number whose transaction has committed (as this snapshot sees it)."""
    return int(session.connection().execute(_LAST).scalar_one())
