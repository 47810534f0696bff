"""Opening the local SQLite database: pragmas for a desk PC that may lose power,
automatic backup, and Alembic upgrade to the current schema.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from station.errors import DatabaseError

DB_FILENAME = "grid-station.sqlite3"
SYNCHRONOUS = "FULL"  # see station.db.database.Database.transaction for the exception


def _set_sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    # WAL: readers never block the writer; FULL: a power cut loses no committed work.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA synchronous={SYNCHRONOUS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(db_path: Path | str) -> Engine:
    """An engine on the SQLite file at ``db_path`` (``":memory:"`` for tests)."""
    url = "sqlite://" if str(db_path) == ":memory:" else f"sqlite:///{Path(db_path)}"
    engine = create_engine(url, connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _set_sqlite_pragmas)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: commits on success, rolls back on any error."""
    with factory() as session, session.begin():
        yield session


def backup_database(
    db_path: Path,
    backup_dir: Path,
    *,
    label: str,
    when: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Copy the database with SQLite's online backup API (consistent even in WAL mode).

    The copy is a self-contained file (rollback journal, no ``-wal`` beside it) and appears
    under its final name only once complete and flushed to disk: a power cut or a full disk
    during the copy leaves at most a hidden ``.part`` file, never a half backup that looks
    whole. ``progress(done_pages, total_pages)`` is called as the copy advances.
    """
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = backup_dir / f"grid-station-{stamp}-{label}.sqlite3"
    n = 1
    while target.exists():  # two backups within one second
        n += 1
        target = backup_dir / f"grid-station-{stamp}-{label}-{n}.sqlite3"
    part = backup_dir / f".{target.name}.part"
    part.unlink(missing_ok=True)

    def report(_status: int, remaining: int, total: int) -> None:
        if progress is not None:
            progress(total - remaining, total)

    try:
        source = sqlite3.connect(db_path)
        try:
            dest = sqlite3.connect(part)
            try:
                source.backup(dest, pages=1024, progress=report)
                dest.execute("PRAGMA journal_mode=DELETE")
            finally:
                dest.close()
        finally:
            source.close()
        with open(part, "rb+") as written:
            os.fsync(written.fileno())
        os.replace(part, target)
    except (sqlite3.Error, OSError) as exc:
        with contextlib.suppress(OSError):
            part.unlink(missing_ok=True)
        raise DatabaseError(
            f"备份数据库失败：{exc}。请检查磁盘空间后重试。", code="backup_failed"
        ) from exc
    return target
