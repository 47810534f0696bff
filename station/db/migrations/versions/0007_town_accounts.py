"""Town accounts: user accounts that come from the town server with the reference data.

``user_account.origin`` says where an account comes from: ``'local'`` (created at this
station, managed by its admins) or ``'town'`` (created at the town center with
``grid-station server add-user``, kept in step by every sync; see
:mod:`station.sync.town_accounts`). Every existing account is local.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ALTER TABLE … ADD COLUMN in place, as in 0005: the table is not rebuilt.
    with op.batch_alter_table("user_account", schema=None, recreate="never") as batch_op:
        batch_op.add_column(
            sa.Column("origin", sa.String(8), nullable=False, server_default="local")
        )


def downgrade() -> None:
    with op.batch_alter_table("user_account", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("origin")
