"""The station's database handle: where it lives, how to open it, one transaction per call."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from station.db.engine import DB_FILENAME, SYNCHRONOUS, make_engine, make_session_factory
from station.db.migrate import upgrade


def default_data_dir() -> Path:
    """Per-user data folder (e.g. ``%LOCALAPPDATA%\\GridStation`` on Windows)."""
    return platformdirs.user_data_path("GridStation", appauthor=False)


def database_path(data_dir: Path) -> Path:
    return Path(data_dir) / DB_FILENAME


@dataclass
class Database:
    path: Path
    engine: Engine
    sessions: sessionmaker[Session]

    @contextmanager
    def transaction(self, *, durable: bool = True) -> Iterator[Session]:
        """One unit of work: commits when the block ends, rolls back on any error.

        ``durable=False`` commits without waiting for the disk (``synchronous=NORMAL`` for
        this transaction): still atomic, and kept if the program crashes, but a power cut
        right after may take it back. Only for work that can be fetched again and whose
        loss leaves nothing inconsistent — sync bookkeeping and pulled pages, which carry
        their own cursor — never for what a person typed."""
        if durable:
            with self.sessions() as session, session.begin():
                yield session
            return
        with self.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA synchronous=NORMAL")  # outside any transaction
            connection.commit()
            try:
                with self.sessions(bind=connection) as session, session.begin():
                    yield session
            finally:
                connection.rollback()  # (nothing open after a commit; after an error, undo)
                connection.exec_driver_sql(f"PRAGMA synchronous={SYNCHRONOUS}")
                connection.commit()

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self.sessions() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


def open_database(data_dir: Path, *, migrate: bool = True) -> Database:
    """Open (creating if needed) the database in ``data_dir`` and bring its schema up to date.

    Before an existing database is upgraded it is copied into ``data_dir/backups``.
    """
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    path = database_path(data_dir)
    engine = make_engine(path)
    if migrate:
        upgrade(engine, backup_dir=data_dir / "backups")
    return Database(path=path, engine=engine, sessions=make_session_factory(engine))
