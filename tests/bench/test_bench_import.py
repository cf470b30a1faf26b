"""How long importing a large programme file takes through the import use case.

Run with ``pytest tests/bench/test_bench_import.py --benchmark-only``.
Target: 10,000 CSV rows (10 meetings x 1,000 items) into an empty SQLite database in 2 s or
less. Each meeting's items are booked at once, so the time grows with the rows, not with the
square of the items on a meeting.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from domain.dates import long_date as format_date
from domain.db import open_database
from domain.io.csv import read_programme_csv
from domain.io.layout import HEADER
from domain.ops import committees
from domain.ops.imports import import_rows

pytest.importorskip("pytest_benchmark")

MEETINGS = 10
ITEMS = 1_000


def _csv() -> str:
    lines = [",".join(HEADER)]
    for m in range(MEETINGS):
        day = dt.date(2019, 6, 5) + dt.timedelta(weeks=4 * m)
        for i in range(ITEMS):
            date = format_date(day) if i == 0 else ""
            lines.append(f"{date},Item {m}-{i},{i % 7},Reason {i},Officer {i % 40}")
    return "\n".join(lines) + "\n"


def test_importing_ten_thousand_rows(benchmark, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = read_programme_csv(_csv())
    assert len(rows) == MEETINGS * ITEMS
    runs = iter(range(1_000))

    def setup() -> tuple[tuple[object, ...], dict[str, object]]:
        database = open_database(f"sqlite:///{tmp_path / f'import{next(runs)}.sqlite'}")
        with database.transaction() as s:
            cid = committees.create_committee(s, name="Panel").id
        return (database, cid), {}

    def run(database, cid):  # type: ignore[no-untyped-def]
        with database.transaction() as s:
            return import_rows(s, committee_id=cid, year_start=2019, rows=rows, file="big.csv")

    result = benchmark.pedantic(run, setup=setup, rounds=3, iterations=1)
    assert result.summary.entries == MEETINGS * ITEMS
    assert result.summary.meetings_created == MEETINGS
    assert benchmark.stats.stats.median <= 2.0
