"""audit history: who changed what, when, in which action

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("who", sa.String(length=120), nullable=False),
        sa.Column("action", sa.String(length=400), nullable=False),
        sa.Column("committee_id", sa.Integer(), nullable=True),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=80), nullable=False),
        sa.Column("label", sa.String(length=400), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("added", "changed", "removed", name="audit_kind", native_enum=False, length=24),
            nullable=False,
        ),
        sa.Column("field", sa.String(length=60), nullable=True),
        sa.Column("before", sa.Text(), nullable=False),
        sa.Column("after", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_record")),
    )
    with op.batch_alter_table("audit_record", schema=None) as batch_op:
        batch_op.create_index(
            "ix_audit_record_committee_at", ["committee_id", "at"], unique=False
        )
        batch_op.create_index("ix_audit_record_table_row", ["table_name", "row_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("audit_record", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_record_table_row")
        batch_op.drop_index("ix_audit_record_committee_at")
    op.drop_table("audit_record")
