"""How quickly Find in all committees answers over the synthetic council (20 committees x 10
years: 30,000 topics and their 278,000 scored answers with evidence).

Run with ``pytest tests/bench/test_bench_search.py --benchmark-only``. Target: 50 ms or less
for one search as the window makes it (its own short transaction, the rows read and grouped).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from domain.db import open_database
from domain.ops.search import SearchResult, search

pytest.importorskip("pytest_benchmark")

QUERIES = {
    "a common word": "school",  # more than the 200 shown
    "two words, in evidence": "cabinet decision",  # more than the 200 shown
    "an officer's name": "amanda hill",
    "nothing matches": "zebra crossing",
}


@pytest.mark.parametrize("query", QUERIES.values(), ids=QUERIES.keys())
def test_find_in_all_committees(benchmark, big_council: Path, query: str) -> None:  # type: ignore[no-untyped-def]
    database = open_database(f"sqlite:///{big_council}")
    try:

        def find() -> SearchResult:
            with database.transaction(read_only=True) as s:
                return search(s, query=query)

        found = benchmark(find)
    finally:
        database.close()
    assert bool(found.hits) == (query != "zebra crossing")
    assert found.more == (query in ("school", "cabinet decision"))
    assert benchmark.stats.stats.median <= 0.050
