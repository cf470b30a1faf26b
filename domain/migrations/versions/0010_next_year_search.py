"""topics carried into the next municipal year keep a link to their origin; text indexes for
finding anything in every committee

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-29

The link's origin is unique, so a topic is carried at most once however many people start
next year's programme at the same moment. On SQLite the FTS5 trigram index and its triggers
are made and filled from the rows already there (domain.search_index). On PostgreSQL the
pg_trgm extension is created (where the database's owner may) with a trigram index on each
searched table's text; without it the search reads the tables.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from domain import search_index

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "topic_carry",
        sa.Column("topic_id", sa.Integer(), nullable=False),
        sa.Column("origin_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["origin_id"], ["topic.id"], name=op.f("fk_topic_carry_origin_id_topic"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["topic_id"], ["topic.id"], name=op.f("fk_topic_carry_topic_id_topic"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("topic_id", name=op.f("pk_topic_carry")),
        sa.UniqueConstraint("origin_id", name=op.f("uq_topic_carry_origin_id")),
    )
    search_index.install(op.get_bind())


def downgrade() -> None:
    search_index.drop(op.get_bind())
    op.drop_table("topic_carry")
