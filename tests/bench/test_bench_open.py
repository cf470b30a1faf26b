"""Opening the database and loading one committee-year out of a large council.

The database holds 20 committees x 10 municipal years x 8 meetings x 10 items (16,000
programme entries, 30,000 topics, about 50,000 scores). Run with
``pytest tests/bench/test_bench_open.py --benchmark-only``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from domain.db import open_database
from domain.ops import committees, planning, topics

pytest.importorskip("pytest_benchmark")

YEAR = 2018  # a year in the middle of the synthetic 2014-2023 range


def _committee_id(path: Path) -> int:
    database = open_database(f"sqlite:///{path}")
    try:
        with database.transaction() as s:
            return committees.list_committees(s)[10].id
    finally:
        database.close()


def _load(session, committee_id: int) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    view = planning.load_programme(session, committee_id=committee_id, year_start=YEAR)
    listed = topics.list_topics(session, committee_id=committee_id, year_start=YEAR)
    return sum(len(g.entries) for g in view.meetings), len(listed)


def test_open_and_load_one_committee_year(benchmark, big_council: Path) -> None:  # type: ignore[no-untyped-def]
    committee_id = _committee_id(big_council)

    def open_and_load() -> tuple[int, int]:
        database = open_database(f"sqlite:///{big_council}")
        try:
            with database.transaction() as s:
                return _load(s, committee_id)
        finally:
            database.close()

    assert benchmark(open_and_load) == (8 * 10, 8 * 10 + 70)


def test_load_one_committee_year_from_an_open_database(benchmark, big_council: Path) -> None:  # type: ignore[no-untyped-def]
    committee_id = _committee_id(big_council)
    database = open_database(f"sqlite:///{big_council}")
    try:

        def load() -> tuple[int, int]:
            with database.transaction() as s:
                return _load(s, committee_id)

        assert benchmark(load) == (8 * 10, 8 * 10 + 70)
    finally:
        database.close()
