"""How long evidence takes: importing a large performance report, and what the scoring panel
reads each time the topic changes.

Run with ``pytest tests/bench/test_bench_evidence.py --benchmark-only``. No target is set for
the import (a council's report has some hundreds of rows); the panel's read must stay well
within a frame (16 ms) whatever the amount of evidence, since it runs on every change of topic.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from domain.db import open_database
from domain.io.evidence import EvidenceFile, EvidenceRow, read_evidence
from domain.ops import committees, evidence, topics

pytest.importorskip("pytest_benchmark")

ROWS = 3_000
_WORDS = ["early", "help", "safeguarding", "schools", "housing", "carbon", "skills", "jobs", "transport", "care", "adults", "budget"]


def _rows() -> list[EvidenceRow]:
    lines = ["Code,Title,Outcome lead,Scrutiny panel,Q1 2015/16,Q2 2015/16,Q3 2015/16,Q4 2015/16"]
    for i in range(ROWS):
        title = " ".join(_WORDS[(i * 7 + j) % len(_WORDS)] for j in range(6))
        lines.append(f"P{i},{title} {i},Lead {i % 9},Panel {i % 5},Green,Amber,Green,Red")
    return read_evidence(("\n".join(lines) + "\n").encode(), EvidenceFile.KPI)


def test_importing_three_thousand_indicators(benchmark, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = _rows()
    runs = iter(range(1_000))

    def setup() -> tuple[tuple[object, ...], dict[str, object]]:
        return (open_database(f"sqlite:///{tmp_path / f'e{next(runs)}.sqlite'}"),), {}

    def run(database):  # type: ignore[no-untyped-def]
        with database.transaction() as s:
            return evidence.import_evidence(s, file_kind=EvidenceFile.KPI, rows=rows)

    result = benchmark.pedantic(run, setup=setup, rounds=3, iterations=1)
    assert len(result.added) == ROWS


def test_the_scoring_panels_read_with_three_thousand_pieces(benchmark, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    database = open_database(f"sqlite:///{tmp_path / 'panel.sqlite'}")
    with database.transaction() as s:
        evidence.import_evidence(s, file_kind=EvidenceFile.KPI, rows=_rows())
        cid = committees.create_committee(s, name="Panel 1").id
        tid = topics.create_topic(s, committee_id=cid, year_start=2015, title="Early help and safeguarding").id
        evidence.set_topic_evidence(s, topic_id=tid, evidence_ids=[1, 2, 3])

    def run():  # type: ignore[no-untyped-def]
        with database.transaction(read_only=True) as s:
            linked = evidence.topic_evidence_linked(s, topic_ids=[tid])[tid]
            return evidence.suggestions_from(linked)

    suggestions = benchmark(run)
    assert suggestions
    assert benchmark.stats.stats.median <= 0.016
