"""Rows written with one executemany read back exactly as the ORM would have written them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from domain.bulk_insert import insert_many
from domain.db import Database
from domain.models import Topic, TopicStatus
from domain.ops import committees
from domain.ops.bulk import insert_rows


def test_rows_read_back_with_their_types_and_defaults(db: Database) -> None:
    with db.transaction() as s:
        cid = committees.create_committee(s, name="Panel").id
        insert_many(
            s.connection(),
            Topic.__table__,  # type: ignore[arg-type]
            [
                {"committee_id": cid, "year_start": 2019, "title": f"Item {i}",
                 "status": TopicStatus.SCHEDULED, "added_on": dt.date(2019, 6, 5 + i),
                 "exempt": i == 1, "exempt_paragraph": 3 if i == 1 else None}
                for i in range(2)
            ],
        )
    with db.transaction(read_only=True) as s:
        got = s.scalars(select(Topic).order_by(Topic.title)).all()
        assert [(t.title, t.status, t.added_on, t.exempt, t.exempt_paragraph) for t in got] == [
            ("Item 0", TopicStatus.SCHEDULED, dt.date(2019, 6, 5), False, None),
            ("Item 1", TopicStatus.SCHEDULED, dt.date(2019, 6, 6), True, 3),
        ]
        # Left out, so given their defaults, as the ORM gives them.
        assert all(t.version == 1 and t.reason == "" and t.kind.value == "report" for t in got)


def test_new_rows_get_ids_in_the_order_given_and_given_ids_are_kept(db: Database) -> None:
    with db.transaction() as s:
        cid = committees.create_committee(s, name="Panel").id
        rows = [{"committee_id": cid, "year_start": 2019, "title": f"Item {i}"} for i in range(3)]
        rows[1]["id"] = 500
        ids = insert_rows(s, Topic, rows)
        titles = {i: t for i, t in s.execute(select(Topic.id, Topic.title))}
    assert ids[1] == 500
    assert [titles[i] for i in ids] == ["Item 0", "Item 1", "Item 2"]
