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


class _RolledBack(Exception):
    """Ends a round's transaction without keeping what it made."""


def test_import_200_suggestions_against_every_committee(benchmark, big_council: Path) -> None:  # type: ignore[no-untyped-def]
    """A form's export of 200 suggestions over a year, each screened like the one above: the
    earlier items are read once for the whole file."""
    from domain.io.suggestions import SuggestionRow
    from domain.ops.suggestions import import_suggestions

    database = open_database(f"sqlite:///{big_council}")
    try:
        with database.transaction(read_only=True) as s:
            last = s.scalar(select(func.max(schema.meeting.c.starts_at)))
            committee_id, year = s.execute(select(schema.topic.c.committee_id, func.max(schema.topic.c.year_start))).one()
            titles = list(s.scalars(select(schema.topic.c.title).distinct().limit(200)))
        start = (last - dt.timedelta(days=730)).date()
        rows = [
            SuggestionRow("form.csv", n + 2, f"{title} refresh", submitted=start + dt.timedelta(days=n * 365 // len(titles)))
            for n, title in enumerate(titles)
        ]

        def import_file() -> int:
            try:
                with database.transaction() as s:
                    done = import_suggestions(s, committee_id=committee_id, year_start=year, rows=rows)
                    raise _RolledBack(len(done.similar))
            except _RolledBack as undone:
                return int(undone.args[0])

        found = benchmark.pedantic(import_file, rounds=3, iterations=1)
        assert found > 0
    finally:
        database.close()
