"""Mediation tracking: agreement effect, performance, court confirmation, timer extensions, archive lock.

Reserved in the migration chain so the three pieces of work can land in any order; each
is filled in by its own change.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
