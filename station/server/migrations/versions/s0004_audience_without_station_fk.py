"""Town server: ``audience.station_id`` without its foreign key to ``station``.

Every audience row checked its station with a query of its own (PostgreSQL's referential
trigger, ``SELECT … FOR KEY SHARE``): more than half of what PostgreSQL spent on a push. The
rows are written only by ingest, from the stations it loaded itself, and stations are never
deleted, so the check could never fail.

Revision ID: s0004
Revises: s0003
"""

from __future__ import annotations

from alembic import op

revision = "s0004"
down_revision = "s0003"
branch_labels = None
depends_on = None

# s0001 left the constraint unnamed: PostgreSQL named it so; on SQLite (a table rebuilt in
# batch mode) the convention gives the reflected constraint the same name to drop it by.
_NAMES = {"fk": "%(table_name)s_%(column_0_name)s_fkey"}


def upgrade() -> None:
    with op.batch_alter_table("audience", naming_convention=_NAMES) as batch:
        batch.drop_constraint("audience_station_id_fkey", type_="foreignkey")


def downgrade() -> None:
    with op.batch_alter_table("audience", naming_convention=_NAMES) as batch:
        batch.create_foreign_key("audience_station_id_fkey", "station", ["station_id"], ["id"])
