"""Dispatch and department handling: lead/co-handling units, supervision and extension state on work orders.

Reserved in the migration chain so the three pieces of work can land in any order; each
is filled in by its own change.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
