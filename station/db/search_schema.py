"""DDL of the full-text search tables, shared by the migration that creates them and the
test that checks them.

FTS5 with the trigram tokenizer finds any substring of 3+ characters, which suits Chinese
(no word segmentation needed). The index is external-content: it stores only the index, the
text stays in the projection tables, and triggers keep both in step.
"""

from __future__ import annotations

FTS_TABLES = {
    # fts table: (content table, indexed columns)
    "case_fts": ("work_case", ("number", "summary", "description", "location")),
    "person_fts": ("person", ("name", "address")),
}


def _triggers(fts: str, table: str, columns: tuple[str, ...]) -> list[str]:
    cols = ", ".join(columns)
    new_vals = ", ".join(f"new.{c}" for c in columns)
    old_vals = ", ".join(f"old.{c}" for c in columns)
    return [
        f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.rowid, {new_vals}); END",
        f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {cols}) "
        f"VALUES ('delete', old.rowid, {old_vals}); END",
        f"CREATE TRIGGER {fts}_au AFTER UPDATE OF {cols} ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.rowid, {old_vals}); "
        f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.rowid, {new_vals}); END",
    ]


def create_statements() -> list[str]:
    statements = []
    for fts, (table, columns) in FTS_TABLES.items():
        cols = ", ".join(columns)
        statements += [
            f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content='{table}', "
            f"content_rowid='rowid', tokenize='trigram')",
            *_triggers(fts, table, columns),
            f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
        ]
    return statements


def trigger_statements() -> list[str]:
    """Only the triggers that keep the indexes in step (bulk writes drop and recreate them)."""
    return [s for fts, (t, cols) in FTS_TABLES.items() for s in _triggers(fts, t, cols)]


def drop_trigger_statements() -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {fts}_{s}" for fts in FTS_TABLES for s in ("ai", "ad", "au")]


def drop_statements() -> list[str]:
    statements = []
    for fts in FTS_TABLES:
        statements += [f"DROP TRIGGER IF EXISTS {fts}_{s}" for s in ("ai", "ad", "au")]
        statements.append(f"DROP TABLE IF EXISTS {fts}")
    return statements
