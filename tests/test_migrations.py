"""Schema upgrades keep data: a database made by revision 0001, with data in it, is
upgraded to head; every row survives and the new search features work on the old rows."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from station.db.database import database_path, open_database
from station.db.engine import make_engine
from station.db.migrate import current_revision, head_revision, upgrade
from station.services import persons

ROWS = {
    "community": "INSERT INTO community VALUES ('C1', '东街社区', 'community', 1)",
    "grid": "INSERT INTO grid VALUES ('C1-01', 'C1', '东街社区第01网格', 80)",
    "person": (
        "INSERT INTO person (id, name, gender, phone, id_number, ethnicity, occupation, "
        "address, community_id, grid_id, created_at, version) VALUES "
        "('p1', '林玲玲', 'female', '13800138000', '', '汉族', '', '东街1号', 'C1', 'C1-01', "
        "'2026-01-01 09:00:00', 'v')"
    ),
    "event": (
        "INSERT INTO event VALUES ('e1', 'person', 'p1', 'created', 'TS01', 'jiedai', "
        "'000000000000001-00000', 1, '{}', 'h', NULL)"
    ),
}


def test_upgrade_from_first_revision_keeps_data(tmp_path: Path) -> None:
    engine = make_engine(database_path(tmp_path))
    upgrade(engine, revision="0001")
    assert current_revision(engine) == "0001"
    with engine.begin() as conn:
        for statement in ROWS.values():
            conn.execute(text(statement))
    engine.dispose()

    db = open_database(tmp_path)  # upgrades to head, backing up first
    assert current_revision(db.engine) == head_revision()
    backups = list((tmp_path / "backups").glob("*.sqlite3"))
    assert len(backups) == 1
    with db.read() as s:
        for table in ROWS:
            assert s.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 1, table
        assert s.execute(text("SELECT name, address FROM person")).one() == ("林玲玲", "东街1号")
        # The new revision filled pinyin keys and the FTS index for existing rows.
        assert [p.name for p in persons.search_persons(s, query="lll")] == ["林玲玲"]
        assert [p.name for p in persons.search_persons(s, query="东街1号")] == ["林玲玲"]
    db.close()

    # The backup is the pre-upgrade database, still at revision 0001.
    old = make_engine(backups[0])
    assert current_revision(old) == "0001"
    old.dispose()


def test_opening_a_current_database_changes_nothing(tmp_path: Path) -> None:
    open_database(tmp_path).close()
    db = open_database(tmp_path)
    assert not (tmp_path / "backups").exists()
    db.close()


def test_models_and_migrations_agree(tmp_path: Path) -> None:
    """Autogenerate finds no difference between the models and the migrated schema."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from station.db.models import Base
    from station.db.search_schema import FTS_TABLES

    db = open_database(tmp_path)
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    fts_shadow = tuple(FTS_TABLES)
    diff = [d for d in diff if not (d[0] == "remove_table" and d[1].name.startswith(fts_shadow))]
    assert diff == []
    db.close()
