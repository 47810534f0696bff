"""Accounts and privacy: lockout state on user accounts, an append-only audit log, ID
numbers sealed at rest.

``user_account`` gets the failed-login counter and lock time (the growing delay survives a
restart), the last login, when the password was last set and whether it must be changed
(after an admin reset). ``audit_entry`` gets triggers that refuse every UPDATE and DELETE:
the log can only grow, whatever code or tool opens the file.

ID numbers already stored in clear (``person.id_number``, ``id_number`` inside event
payloads and conflict records) are sealed with the key outside the database
(:mod:`station.db.sealed`); the columns keep their SQL types.

A later migration that rebuilds ``audit_entry`` with ``batch_alter_table`` must create the
triggers again (SQLite drops them with the old table).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from station.db import sealed

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _user_columns() -> tuple[sa.Column, ...]:
    return (
        sa.Column("failed_logins", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("last_login_at", sa.DateTime(), nullable=True),
        sa.Column("password_changed_at", sa.DateTime(), nullable=True),
        sa.Column("must_change_password", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


AUDIT_TRIGGERS = {
    "audit_entry_no_update": "UPDATE",
    "audit_entry_no_delete": "DELETE",
}


def upgrade() -> None:
    # ALTER TABLE … ADD COLUMN in place: a rebuilt table's constraint order varies between
    # runs, and a database upgraded must have exactly a fresh one's schema.
    with op.batch_alter_table("user_account", schema=None, recreate="never") as batch_op:
        for column in _user_columns():
            batch_op.add_column(column)
    for name, verb in AUDIT_TRIGGERS.items():
        op.execute(
            f"CREATE TRIGGER IF NOT EXISTS {name} BEFORE {verb} ON audit_entry "
            "BEGIN SELECT RAISE(ABORT, 'audit_entry is append-only'); END"
        )
    connection = op.get_bind()
    sealed.register_functions(connection.connection.dbapi_connection)
    sealed.seal_existing(connection)


def downgrade() -> None:
    connection = op.get_bind()
    sealed.register_functions(connection.connection.dbapi_connection)
    sealed.open_all(connection)
    for name in AUDIT_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    with op.batch_alter_table("user_account", schema=None) as batch_op:
        for column in reversed(_user_columns()):
            batch_op.drop_column(column.name)
