"""The server's database: engines for SQLite and PostgreSQL, sessions, Alembic upgrade.

SQLite (one town, one process): WAL, and every *write* transaction starts with
``BEGIN IMMEDIATE`` so two writers queue on the lock instead of failing when a read
transaction tries to become a write one. Read transactions start with a plain ``BEGIN``
and never block writers. PostgreSQL (a county): a normal pool; statements are the same.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
VERSION_TABLE = "server_alembic_version"
SERVER_DB_FILENAME = "town-server.sqlite3"
_MIGRATION_LOCK = 7_302_026  # PostgreSQL advisory lock id: one migrating worker at a time


def default_database_url(data_dir: Path) -> str:
    return f"sqlite:///{Path(data_dir) / SERVER_DB_FILENAME}"


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def make_server_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _connect(dbapi_connection, _record):  # type: ignore[no-untyped-def]
            dbapi_connection.isolation_level = None  # we emit BEGIN ourselves (below)
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: durable on commit
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _begin(connection):  # type: ignore[no-untyped-def]
            write = connection.get_execution_options().get("write", False)
            connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

        return engine
    return create_engine(url, pool_size=10, max_overflow=20, pool_pre_ping=True)


@dataclass
class ServerDatabase:
    engine: Engine
    sessions: sessionmaker[Session]  # reads
    write_sessions: sessionmaker[Session]  # writes (BEGIN IMMEDIATE on SQLite)
    # SQLite: this process's writers take turns here before BEGIN IMMEDIATE. Waiting inside
    # SQLite's busy handler sleeps in steps of up to 100 ms whether or not the lock came
    # free meanwhile: with 50 stations pushing at once, a push holding the lock for ~10 ms
    # kept others waiting for up to a second. A Python lock wakes the next writer at once.
    # (Other processes on the same file still meet the busy timeout; PostgreSQL needs none.)
    write_turn: threading.RLock | None = None

    @contextmanager
    def write_session(self) -> Iterator[Session]:
        """A session for one write transaction, begun by the caller."""
        with self.write_turn or nullcontext(), self.write_sessions() as session:
            yield session

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One write transaction: commits when the block ends, rolls back on error."""
        with self.write_session() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()


def open_server_database(url: str, *, migrate: bool = True) -> ServerDatabase:
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = make_server_engine(url)
    if migrate:
        upgrade(engine)
    return ServerDatabase(
        engine=engine,
        sessions=sessionmaker(bind=engine, expire_on_commit=False),
        write_sessions=sessionmaker(
            bind=engine.execution_options(write=True), expire_on_commit=False
        ),
        write_turn=threading.RLock() if is_sqlite(engine) else None,
    )


def _config(engine: Engine | None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


@functools.lru_cache(maxsize=1)
def head_revision() -> str:
    head = ScriptDirectory.from_config(_config(None)).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE})
        return context.get_current_revision()


def upgrade(engine: Engine) -> bool:
    """Bring the schema to head; True when anything was applied.

    On PostgreSQL an advisory lock makes workers that start together migrate one at a time.
    """
    if current_revision(engine) == head_revision():
        return False
    if is_sqlite(engine):
        command.upgrade(_config(engine), "head")
        return True
    with engine.connect() as lock:
        lock.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _MIGRATION_LOCK})
        try:
            if current_revision(engine) != head_revision():
                command.upgrade(_config(engine), "head")
        finally:
            lock.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _MIGRATION_LOCK})
            lock.commit()
    return True
