"""How long screening one suggestion takes: the earlier items of every committee and year whose
titles look like it, over the 30,000-topic synthetic council.

Run with: pytest tests/bench/test_bench_screening.py --benchmark-only
Target: well under a frame of typing pause (50 ms median) for one suggestion, so the editor's
Screening flags tab and an import of a form's export do not wait on it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import func, select

from domain import schema
from domain.db import open_database
from domain.ops.suggestions import similar_recent


def test_screen_one_suggestion_against_every_committee(benchmark, big_council: Path) -> None:  # type: ignore[no-untyped-def]
    database = open_database(f"sqlite:///{big_council}")
    try:
        with database.transaction(read_only=True) as s:
            topics = s.scalar(select(func.count()).select_from(schema.topic))
            last = s.scalar(select(func.max(schema.meeting.c.starts_at)))
        assert topics is not None and topics >= 30_000
        on = (last - dt.timedelta(days=365)).date()

        def screen() -> int:
            with database.transaction(read_only=True) as s:
                return len(similar_recent(s, title="School Readiness Refresh of Plan", on=on))

        found = benchmark(screen)
        assert found > 0  # the synthetic council has items on that subject in any year
    finally:
        database.close()
