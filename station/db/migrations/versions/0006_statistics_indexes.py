"""Statistics: what a work order's history says, kept on the work order.

The dashboard counts cases settled at the desk, handled at the station, escalated, sent to
mediation, dispatched, signed for and replied to, and their 再次反映 lines. Reading those
from the history table (``case_note``, about six lines a case) was most of its time on a
town-wide year, so the case fold (station.services.projection) now also writes, from the
case's own history lines: four ``was_…`` flags, the first dispatch / sign-for / reply
times and the number of 再次反映 lines.

``case_note`` is itself the fold of the same events, so existing databases are filled from
it here with exactly what the fold gives (``grid-station check`` agrees afterwards).
Columns are added and dropped in place (ALTER TABLE ADD/DROP COLUMN), so the case search
triggers on ``work_case`` stay.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

#: Flag column → the history line kind whose presence sets it.
_FLAGS = {
    "was_desk_settled": "settle_at_desk",
    "was_station_handled": "handle_at_station",
    "was_escalated": "escalate",
    "was_sent_to_mediation": "to_mediation",
}
#: Time column → the line kinds whose earliest time it holds.
_FIRSTS = {
    "first_dispatched_at": ("dispatch",),
    "first_signed_at": ("sign_for",),
    "first_replied_at": ("reply", "settle_at_desk"),
}


def _columns() -> tuple[sa.Column, ...]:
    return (
        *[
            sa.Column(name, sa.Boolean(), nullable=False, server_default=sa.false())
            for name in _FLAGS
        ],
        *[sa.Column(name, sa.DateTime(), nullable=True) for name in _FIRSTS],
        sa.Column("repeat_count", sa.Integer(), nullable=False, server_default="0"),
    )


def _kinds(kinds: tuple[str, ...]) -> str:
    return ", ".join(f"'{kind}'" for kind in kinds)


def upgrade() -> None:
    with op.batch_alter_table("work_case", schema=None, recreate="never") as batch_op:
        for column in _columns():
            batch_op.add_column(column)
    lines = "FROM case_note WHERE case_note.case_id = work_case.id AND case_note.kind"
    values = [
        *[f"{name} = EXISTS (SELECT 1 {lines} = '{kind}')" for name, kind in _FLAGS.items()],
        *[f"{name} = (SELECT min(at) {lines} IN ({_kinds(k)}))" for name, k in _FIRSTS.items()],
        f"repeat_count = (SELECT count(*) {lines} = 'repeat')",
    ]
    op.execute(
        f"UPDATE work_case SET {', '.join(values)} "
        "WHERE EXISTS (SELECT 1 FROM case_note WHERE case_note.case_id = work_case.id)"
    )


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN in place (SQLite 3.35+): the columns have no index or
    # constraint, and rebuilding the table would trip the foreign keys of its history lines.
    with op.batch_alter_table("work_case", schema=None, recreate="never") as batch_op:
        for column in reversed(_columns()):
            batch_op.drop_column(column.name)
