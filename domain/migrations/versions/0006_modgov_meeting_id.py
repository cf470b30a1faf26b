"""a meeting keeps its Modern.gov meeting id, unique within its committee

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.add_column(sa.Column("modgov_id", sa.Integer(), nullable=True))
        batch_op.create_unique_constraint(
            "uq_meeting_committee_modgov", ["committee_id", "modgov_id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_constraint("uq_meeting_committee_modgov", type_="unique")
        batch_op.drop_column("modgov_id")
