"""Opening the local SQLite database: pragmas for a desk PC that may lose power,
automatic backup, and Alembic upgrade to the current schema.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from station.errors import DatabaseError

DB_FILENAME = "grid-station.sqlite3"


def _set_sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    # WAL: readers never block the writer; FULL: a power cut loses no committed work.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
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


def backup_database(db_path: Path, backup_dir: Path, *, label: str) -> Path:
    """Copy the database with SQLite's online backup API (consistent even in WAL mode)."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backup_dir / f"grid-station-{stamp}-{label}.sqlite3"
    source = sqlite3.connect(db_path)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    except sqlite3.Error as exc:
        raise DatabaseError(f"备份数据库失败：{exc}。请检查磁盘空间后重试。") from exc
    finally:
        source.close()
    return target
