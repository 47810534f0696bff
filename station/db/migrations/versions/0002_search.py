"""Search: pinyin keys on person names and FTS5 trigram indexes on cases and persons.

Existing persons get their pinyin keys filled here, so an upgraded database finds people
typed as ``lll`` or ``linlingling`` straight away.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from station.db.search_schema import create_statements, drop_statements
from station.domain.pinyin import name_keys

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("person") as batch_op:
        batch_op.add_column(sa.Column("name_initials", sa.String(40), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("name_pinyin", sa.String(160), nullable=False, server_default=""))
        batch_op.create_index("ix_person_name_initials", ["name_initials"])
        batch_op.create_index("ix_person_name_pinyin", ["name_pinyin"])
    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT id, name FROM person")).all()
    for person_id, name in rows:
        initials, full = name_keys(name)
        connection.execute(
            sa.text("UPDATE person SET name_initials = :i, name_pinyin = :f WHERE id = :id"),
            {"i": initials, "f": full, "id": person_id},
        )
    for statement in create_statements():
        op.execute(statement)


def downgrade() -> None:
    for statement in drop_statements():
        op.execute(statement)
    with op.batch_alter_table("person") as batch_op:
        batch_op.drop_index("ix_person_name_pinyin")
        batch_op.drop_index("ix_person_name_initials")
        batch_op.drop_column("name_pinyin")
        batch_op.drop_column("name_initials")
