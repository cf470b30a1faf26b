"""How quickly the planner redraws a committee-year, and how long a suggested schedule takes
through the use case (database rows in, plain values out).

Run with ``pytest tests/bench/test_bench_planner.py --benchmark-only``.
Targets: the planner model's reset for one committee-year of the synthetic council (8 meetings x
10 items, 150 topics) in 30 ms or less; ``planning.suggest`` on 500 waiting topics over 100
meetings reported alongside the pure function's 50 ms.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import insert

from domain.db import Database, open_database
from domain.models import Meeting, Topic, TopicStatus
from domain.ops import committees, planning

pytest.importorskip("pytest_benchmark")

YEAR = 2018


@pytest.fixture
def planner_data(big_council: Path) -> planning.PlannerData:
    database = open_database(f"sqlite:///{big_council}")
    try:
        with database.transaction() as s:
            cid = committees.list_committees(s)[10].id
            return planning.planner_data(
                s, committee_id=cid, year_start=YEAR, today=dt.date(YEAR, 6, 1)
            )
    finally:
        database.close()


def test_planner_model_reset_for_a_committee_year(benchmark, qtbot, planner_data) -> None:  # type: ignore[no-untyped-def]
    from gui.models.planner import PlannerModel

    model = PlannerModel()
    benchmark(model.set_data, planner_data)
    assert model.rowCount() == 8
    assert sum(len(r.entries) for r in model.meeting_rows()) == 80
    assert benchmark.stats.stats.median <= 0.030


def test_planner_data_query_for_a_committee_year(benchmark, big_council: Path) -> None:  # type: ignore[no-untyped-def]
    database = open_database(f"sqlite:///{big_council}")
    try:
        with database.transaction() as s:
            cid = committees.list_committees(s)[10].id

        def load() -> planning.PlannerData:
            with database.transaction() as s:
                return planning.planner_data(
                    s, committee_id=cid, year_start=YEAR, today=dt.date(YEAR, 6, 1)
                )

        data = benchmark(load)
        assert len(data.programme.meetings) == 8
    finally:
        database.close()


@pytest.fixture
def busy_year(sqlite_db: Database) -> int:
    """One committee-year with 100 meetings (capacity 6) and 500 accepted topics."""
    with sqlite_db.transaction() as s:
        cid = committees.create_committee(s, name="Busy Panel", capacity_items=6).id
        start = dt.datetime(2019, 5, 20, 14)
        s.execute(
            insert(Meeting),
            [
                {"committee_id": cid, "starts_at": start + dt.timedelta(days=3 * i), "venue": ""}
                for i in range(100)
            ],
        )
        s.execute(
            insert(Topic),
            [
                {
                    "committee_id": cid,
                    "year_start": 2019,
                    "title": f"Topic {i}",
                    "status": TopicStatus.ACCEPTED,
                    "added_on": dt.date(2019, 1, 1) + dt.timedelta(days=i % 300),
                    "needed_by": dt.date(2020, 1, 1) if i % 5 == 0 else None,
                    "responsible": f"Officer {i % 40}",
                }
                for i in range(500)
            ],
        )
    return cid


def test_suggest_500_topics_over_100_meetings_through_the_use_case(  # type: ignore[no-untyped-def]
    benchmark, sqlite_db: Database, busy_year: int
) -> None:
    def run() -> planning.ScheduleSuggestion:
        with sqlite_db.transaction() as s:
            return planning.suggest(
                s, committee_id=busy_year, year_start=2019, today=dt.date(2019, 5, 1)
            )

    result = benchmark(run)
    assert len(result.placements) + len(result.unplaced) == 500
    assert len(result.placements) == 500  # 100 meetings x 6 places leave room for every topic
