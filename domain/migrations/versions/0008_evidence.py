"""evidence from the council's own systems: key actions, indicators with their RAG marks,
forward-plan decisions and risks, and their links to topics

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_RAG = sa.Enum("green", "amber", "red", name="rag", native_enum=False, create_constraint=False, length=24)
_KIND = sa.Enum(
    "key_action", "indicator", "forward_plan", "risk",
    name="evidence_kind", native_enum=False, create_constraint=False, length=24,
)


def upgrade() -> None:
    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", _KIND, nullable=False),
        sa.Column("key", sa.String(length=400), nullable=False),
        sa.Column("reference", sa.String(length=40), nullable=False, server_default=""),
        sa.Column("title", sa.String(length=400), nullable=False),
        sa.Column("lead", sa.String(length=300), nullable=False, server_default=""),
        sa.Column("panel", sa.String(length=200), nullable=False, server_default=""),
        sa.Column("decision_on", sa.Date(), nullable=True),
        sa.Column("key_decision", sa.Boolean(), nullable=False, server_default="0"),
        sa.Column("exempt", sa.Boolean(), nullable=False, server_default="0"),
        sa.Column("exempt_paragraph", sa.Integer(), nullable=True),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence")),
        sa.UniqueConstraint("kind", "key", name="uq_evidence_kind_key"),
    )
    op.create_table(
        "evidence_rating",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("evidence_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=20), nullable=False),
        sa.Column("period_order", sa.Integer(), nullable=False),
        sa.Column("rag", _RAG, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["evidence_id"], ["evidence.id"],
            name=op.f("fk_evidence_rating_evidence_id_evidence"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_rating")),
        sa.UniqueConstraint("evidence_id", "period_order", name="uq_evidence_rating_evidence_period"),
    )
    op.create_table(
        "evidence_link",
        sa.Column("evidence_id", sa.Integer(), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["evidence_id"], ["evidence.id"],
            name=op.f("fk_evidence_link_evidence_id_evidence"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["topic_id"], ["topic.id"], name=op.f("fk_evidence_link_topic_id_topic"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("evidence_id", "topic_id", name=op.f("pk_evidence_link")),
    )
    op.create_index(op.f("ix_evidence_link_topic_id"), "evidence_link", ["topic_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_evidence_link_topic_id"), table_name="evidence_link")
    op.drop_table("evidence_link")
    op.drop_table("evidence_rating")
    op.drop_table("evidence")
