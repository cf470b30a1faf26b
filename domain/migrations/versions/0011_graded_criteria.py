"""scoring tools as data: scale questions with help text, band colours, revisions replaced

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-29

A question is answered Yes/No or on a scale (criterion.kind, scale_min, scale_max) and has help
text; a band may have the council's own colour; a revision replaced by a newer one says which.
answer.answer becomes a whole number: Yes is 1 and No 0, the values the Boolean column already
held, so every Yes/No answer keeps its meaning; an unanswered question stays NULL.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("criterion", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("kind", sa.String(length=10), nullable=False, server_default="yes_no")
        )
        batch_op.add_column(sa.Column("scale_min", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("scale_max", sa.Integer(), nullable=False, server_default="1"))
        batch_op.add_column(sa.Column("help", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("band", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("colour", sa.String(length=7), nullable=False, server_default="")
        )
    with op.batch_alter_table("criteria_set", schema=None) as batch_op:
        batch_op.add_column(sa.Column("replaced_by", sa.Integer(), nullable=True))
    with op.batch_alter_table("answer", schema=None) as batch_op:
        batch_op.alter_column(
            "answer",
            existing_type=sa.Boolean(),
            type_=sa.Integer(),
            existing_nullable=True,
            postgresql_using="CASE WHEN answer THEN 1 WHEN NOT answer THEN 0 END",
        )


def downgrade() -> None:
    # A scale answer above 1 reads back as Yes.
    with op.batch_alter_table("answer", schema=None) as batch_op:
        batch_op.alter_column(
            "answer",
            existing_type=sa.Integer(),
            type_=sa.Boolean(),
            existing_nullable=True,
            postgresql_using="answer > 0",
        )
    with op.batch_alter_table("criteria_set", schema=None) as batch_op:
        batch_op.drop_column("replaced_by")
    with op.batch_alter_table("band", schema=None) as batch_op:
        batch_op.drop_column("colour")
    with op.batch_alter_table("criterion", schema=None) as batch_op:
        for name in ("help", "scale_max", "scale_min", "kind"):
            batch_op.drop_column(name)
