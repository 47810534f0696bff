"""Mediation tracking: agreement effect, performance, court confirmation, timer, archive lock.

Columns on mediation_case for the agreement's effect, court confirmation (司法确认), the
extended one-month timer, the archive lock and the per-person statistics; the agent's kind
on parties; satisfaction, lawsuit, escalation risk and measures on return visits; and the
append-only performance notes. Existing rows get empty values (nothing to backfill: the
facts were not recorded before).

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _case_columns() -> list[sa.Column]:
    return [
        sa.Column("prevented_criminal_persons", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("prevented_petition_persons", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("effective_on", sa.Date(), nullable=True),
        sa.Column("court_confirmation", sa.String(length=16), nullable=False, server_default=""),
        sa.Column("court_applied_on", sa.Date(), nullable=True),
        sa.Column("extended_due_on", sa.Date(), nullable=True),
        sa.Column("extension_consent", sa.Text(), nullable=False, server_default=""),
        sa.Column("archived_on", sa.Date(), nullable=True),
        sa.Column("archived_by", sa.String(length=40), nullable=False, server_default=""),
        sa.Column("reopen_reason", sa.Text(), nullable=False, server_default=""),
    ]


def _visit_columns() -> list[sa.Column]:
    return [
        sa.Column("satisfaction", sa.String(length=24), nullable=False, server_default=""),
        sa.Column("lawsuit", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("escalation_risk", sa.String(length=16), nullable=False, server_default=""),
        sa.Column("measures", sa.Text(), nullable=False, server_default=""),
    ]


def upgrade() -> None:
    with op.batch_alter_table("mediation_case", schema=None) as batch_op:
        for column in _case_columns():
            batch_op.add_column(column)
    # An agreement takes effect when signed (art. 29): what the fold derives for old events.
    op.execute("UPDATE mediation_case SET effective_on = signed_on WHERE signed_on IS NOT NULL")
    with op.batch_alter_table("mediation_party", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("agent_kind", sa.String(length=16), nullable=False, server_default="")
        )
    with op.batch_alter_table("return_visit", schema=None) as batch_op:
        for column in _visit_columns():
            batch_op.add_column(column)
    op.create_table(
        "mediation_performance_note",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("mediation_id", sa.String(length=36), nullable=False),
        sa.Column("noted_on", sa.Date(), nullable=False),
        sa.Column("performance_status", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["mediation_id"], ["mediation_case.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("mediation_performance_note", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_mediation_performance_note_mediation_id"), ["mediation_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("mediation_performance_note", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mediation_performance_note_mediation_id"))
    op.drop_table("mediation_performance_note")
    with op.batch_alter_table("return_visit", schema=None) as batch_op:
        for column in reversed(_visit_columns()):
            batch_op.drop_column(column.name)
    with op.batch_alter_table("mediation_party", schema=None) as batch_op:
        batch_op.drop_column("agent_kind")
    with op.batch_alter_table("mediation_case", schema=None) as batch_op:
        for column in reversed(_case_columns()):
            batch_op.drop_column(column.name)
