"""Alembic, driven from code: no alembic.ini to ship or to find at run time."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from station.db.engine import backup_database
from station.errors import DatabaseError

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    script = ScriptDirectory.from_config(alembic_config(None))  # type: ignore[arg-type]
    head = script.get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, *, revision: str = "head", backup_dir: Path | None = None) -> bool:
    """Bring the schema to ``revision``; returns True when anything was applied.

    When ``backup_dir`` is given and the database already has a schema, it is copied there
    first, so an upgrade that goes wrong never costs data.
    """
    current = current_revision(engine)
    target = head_revision() if revision == "head" else revision
    if current == target:
        return False
    known = {
        rev.revision for rev in ScriptDirectory.from_config(alembic_config(engine)).walk_revisions()
    }
    if current is not None and current not in known:
        raise DatabaseError(
            "这个数据库来自更新版本的网格驿站，请先升级软件再打开它。",
            code="database_too_new",
        )
    db_file = engine.url.database
    if backup_dir is not None and current is not None and db_file:
        backup_database(Path(db_file), backup_dir, label=f"before-{target}")
    command.upgrade(alembic_config(engine), revision)
    return True
