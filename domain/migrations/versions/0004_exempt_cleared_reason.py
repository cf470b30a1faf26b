"""a topic keeps why a person cleared the exemption it inherited

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("topic", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("exempt_cleared_reason", sa.Text(), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("topic", schema=None) as batch_op:
        batch_op.drop_column("exempt_cleared_reason")
