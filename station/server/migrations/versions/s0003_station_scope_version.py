"""Town server: stations count the changes to their scope (kind, grids, department), so a
server process can keep the scopes between pushes and know when to load them again.

Revision ID: s0003
Revises: s0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0003"
down_revision = "s0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("station") as batch:
        batch.add_column(
            sa.Column("scope_version", sa.Integer(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    with op.batch_alter_table("station") as batch:
        batch.drop_column("scope_version")
