"""Dispatch and department handling: lead/co-handling units, supervision and extension
state on work orders.

Every column is a projection of case events (station.services.projection folds them), so
old databases need no data step: the new columns start empty and fill as events arrive.
Columns are added in place (ALTER TABLE ADD COLUMN) so the case search triggers on
``work_case`` stay; the downgrade rebuilds the table and puts the triggers back.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from station.db.search_schema import drop_trigger_statements, trigger_statements

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_COLUMNS: tuple[tuple[str, sa.types.TypeEngine, object], ...] = (
    ("handling_community_id", sa.String(16), None),
    ("co_department_ids", sa.String(200), ""),
    ("instructions", sa.Text(), ""),
    ("dispatched_at", sa.DateTime(), None),
    ("sign_deadline", sa.Date(), None),
    ("signed_at", sa.DateTime(), None),
    ("replied_at", sa.DateTime(), None),
    ("extension_state", sa.String(16), ""),
    ("extension_until", sa.Date(), None),
    ("reminder_count", sa.Integer(), 0),
    ("supervision_note", sa.Text(), ""),
    ("rework_count", sa.Integer(), 0),
)


def upgrade() -> None:
    # Plain ADD COLUMN, not batch mode: a batch rebuild of ``work_case`` would drop the
    # case search triggers (station.db.search_schema).
    for name, kind, default in _COLUMNS:
        if default is None:
            op.add_column("work_case", sa.Column(name, kind, nullable=True))
        else:
            op.add_column(
                "work_case",
                sa.Column(name, kind, nullable=False, server_default=sa.text(repr(default))),
            )


def downgrade() -> None:
    for statement in drop_trigger_statements():
        op.execute(statement)
    with op.batch_alter_table("work_case") as batch_op:
        for name, _kind, _default in reversed(_COLUMNS):
            batch_op.drop_column(name)
    for statement in trigger_statements():
        op.execute(statement)
