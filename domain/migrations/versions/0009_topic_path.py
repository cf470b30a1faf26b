"""a topic records its suggestion (proposer, outcome, plan link, workload), screening flags,
the day the proposer was told, and whether it is urgent

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("topic", schema=None) as batch_op:
        batch_op.add_column(sa.Column("proposer_name", sa.String(200), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("proposer_contact", sa.String(300), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("outcome", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("plan_link", sa.String(300), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("workload", sa.String(24), nullable=True))
        batch_op.add_column(sa.Column("screening", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("told_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("urgent", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column("urgent_reason", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("topic", schema=None) as batch_op:
        for name in (
            "urgent_reason", "urgent", "told_on", "screening", "workload", "plan_link", "outcome",
            "proposer_contact", "proposer_name",
        ):
            batch_op.drop_column(name)
