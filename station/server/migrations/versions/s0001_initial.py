"""Town server: stations, events, scopes, reference data.

Revision ID: s0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "seq_counter",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("last", sa.BigInteger(), nullable=False),
    )
    op.execute("INSERT INTO seq_counter (id, last) VALUES (1, 0)")
    op.create_table(
        "station",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("code", sa.String(12), nullable=False, unique=True),
        sa.Column("name", sa.String(60), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("department_id", sa.String(24), nullable=True),
        sa.Column("token_hash", sa.String(64), nullable=True, unique=True),
        sa.Column("enroll_code_hash", sa.String(64), nullable=True, unique=True),
        sa.Column("enroll_expires_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("enrolled_at", sa.DateTime(), nullable=True),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_station_department_id", "station", ["department_id"])
    op.create_table(
        "station_grid",
        sa.Column("station_id", sa.Integer(), sa.ForeignKey("station.id"), primary_key=True),
        sa.Column("grid_id", sa.String(24), primary_key=True),
    )
    op.create_index("ix_station_grid_grid_id", "station_grid", ["grid_id"])
    op.create_table(
        "event",
        sa.Column("server_seq", sa.BigInteger(), primary_key=True, autoincrement=False),
        sa.Column("event_id", sa.String(36), nullable=False, unique=True),
        sa.Column("entity_type", sa.String(24), nullable=False),
        sa.Column("entity_id", sa.String(36), nullable=False),
        sa.Column("event_type", sa.String(40), nullable=False),
        sa.Column("station_code", sa.String(12), nullable=False),
        sa.Column("author", sa.String(40), nullable=False),
        sa.Column("hlc", sa.String(24), nullable=False),
        sa.Column("schema_version", sa.Integer(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_event_entity_seq", "event", ["entity_type", "entity_id", "server_seq"])
    op.create_table(
        "entity",
        sa.Column("entity_type", sa.String(24), primary_key=True),
        sa.Column("entity_id", sa.String(36), primary_key=True),
        sa.Column("station_code", sa.String(12), nullable=False),
        sa.Column("number", sa.String(40), nullable=True),
        sa.Column("created_seq", sa.BigInteger(), nullable=False),
    )
    op.create_index("ux_entity_number", "entity", ["entity_type", "number"], unique=True)
    op.create_table(
        "audience",
        sa.Column("station_id", sa.Integer(), sa.ForeignKey("station.id"), primary_key=True),
        sa.Column("entity_type", sa.String(24), primary_key=True),
        sa.Column("entity_id", sa.String(36), primary_key=True),
        sa.Column("since_seq", sa.BigInteger(), nullable=False),
    )
    op.create_index("ix_audience_entity", "audience", ["entity_type", "entity_id"])
    op.create_index("ix_audience_station_since", "audience", ["station_id", "since_seq"])
    op.create_table(
        "entity_link",
        sa.Column("parent_type", sa.String(24), primary_key=True),
        sa.Column("parent_id", sa.String(36), primary_key=True),
        sa.Column("person_id", sa.String(36), primary_key=True),
    )
    op.create_table(
        "reference_item",
        sa.Column("kind", sa.String(24), primary_key=True),
        sa.Column("item_id", sa.String(36), primary_key=True),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
    )
    op.create_index("ix_reference_item_seq", "reference_item", ["seq"])
    op.create_table(
        "town_setting",
        sa.Column("key", sa.String(40), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    for table in (
        "town_setting",
        "reference_item",
        "entity_link",
        "audience",
        "entity",
        "event",
        "station_grid",
        "station",
        "seq_counter",
    ):
        op.drop_table(table)
