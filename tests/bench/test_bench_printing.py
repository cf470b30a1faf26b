"""Printing speed: a year's programme (about 30 rows) should render in well under a blink.

Run with ``pytest tests/bench/test_bench_printing.py``; the budget is a median of 30 ms per
render in process. The timer is CPU time of this process, so other work on a shared machine does
not count against the figure.
"""

from __future__ import annotations

import io
import time

import pytest

from domain.printing.document import ProgrammeDoc
from domain.printing.render import register_fonts, render_programme
from domain.printing.samples import sample_programme

pytest.importorskip("pytest_benchmark")


def _thirty_row_programme() -> ProgrammeDoc:
    doc = sample_programme(annex=False)
    rows = sum(len(m.rows) for m in doc.meetings)
    assert 25 <= rows <= 35, rows
    return doc


@pytest.mark.benchmark(group="printing", timer=time.process_time, min_rounds=20)
def test_render_thirty_row_programme(benchmark) -> None:  # type: ignore[no-untyped-def]
    doc = _thirty_row_programme()
    register_fonts()  # once per process, as in the application

    def render() -> int:
        buffer = io.BytesIO()
        render_programme(doc, buffer, invariant=True)
        return buffer.tell()

    size = benchmark(render)
    assert size > 0
