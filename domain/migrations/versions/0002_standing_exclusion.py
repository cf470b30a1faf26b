"""standing items taken off one meeting

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "standing_exclusion",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_standing_exclusion_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["topic_id"],
            ["topic.id"],
            name=op.f("fk_standing_exclusion_topic_id_topic"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("meeting_id", "topic_id", name=op.f("pk_standing_exclusion")),
    )
    with op.batch_alter_table("standing_exclusion", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_standing_exclusion_topic_id"), ["topic_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("standing_exclusion", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_standing_exclusion_topic_id"))
    op.drop_table("standing_exclusion")
