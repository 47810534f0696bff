"""Accounts and privacy: lockout state, encrypted ID numbers with a keyed hash for search.

Reserved in the migration chain so the three pieces of work can land in any order; each
is filled in by its own change.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
