"""the database's own identity, so files made from it name its rows the same every time

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29

A calendar exported twice must give each meeting the same UID, and two databases (a council's
and a copy made for training) must not give theirs the same one: the UID is the meeting's id
together with this identity, made once when the database is created or upgraded.
"""

from __future__ import annotations

import json
import uuid

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

KEY = "database.identity"

_setting = sa.table(
    "setting",
    sa.column("key", sa.String),
    sa.column("value", sa.Text),
    sa.column("version", sa.Integer),
)


def upgrade() -> None:
    op.bulk_insert(_setting, [{"key": KEY, "value": json.dumps(uuid.uuid4().hex), "version": 1}])


def downgrade() -> None:
    op.execute(_setting.delete().where(_setting.c.key == KEY))
