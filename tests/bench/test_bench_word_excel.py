"""How long a programme takes to come in from, and go out to, Word and Excel, against CSV.

Run with ``pytest tests/bench/test_bench_word_excel.py --benchmark-only``.
Target: importing seed 001's 26-item programme (with its 9 items to be scheduled and 2
reviews) from a .docx or .xlsx, and exporting the demo's programme to one, each takes at most
1.2 x the same for CSV plus the time Python takes to load the file's library (python-docx or
openpyxl) the first time. The CSV figure for comparison is timed in the same test, the same way.
"""

from __future__ import annotations

import csv
import io
import itertools
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from programme_files import ecsc_docx, ecsc_printed, ecsc_xlsx

from domain.db import Database, open_database
from domain.demo import load_demo
from domain.io.csv import programme_csv_text
from domain.io.docx import programme_docx
from domain.io.rows import ProgrammeExport
from domain.io.sniff import read_programme
from domain.io.xlsx import programme_xlsx
from domain.ops import committees
from domain.ops.convert import committee_by_name
from domain.ops.exports import programme_table
from domain.ops.imports import import_rows

pytest.importorskip("pytest_benchmark")

LIBRARY = {"docx": "docx", "xlsx": "openpyxl"}
ROUNDS = 15
_names = itertools.count()


def library_load_time(module: str) -> float:
    """Seconds a fresh Python takes to import ``module`` (the best of three)."""
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    return min(
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
        for _ in range(3)
    )


def ecsc_csv() -> bytes:
    printed = ecsc_printed()
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(printed.header)
    for block in printed.blocks:
        writer.writerows(block)
    writer.writerows(["To be scheduled", w[0], "", w[1], w[2]] for w in printed.waiting)
    writer.writerows(["Select committee review", r[0], "", r[1], r[2]] for r in printed.reviews)
    return buffer.getvalue().encode("utf-8")


def median_of(run: Callable[[], Any], setup: Callable[[], Any] = lambda: None) -> float:
    times = []
    for _ in range(ROUNDS):
        setup()
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Database:
    db = open_database(f"sqlite:///{tmp_path_factory.mktemp('bench') / 'bench.sqlite'}")
    with db.transaction() as s:
        load_demo(s)
    return db


def _importer(database: Database, data: bytes, name: str) -> tuple[Callable[[], Any], Callable[[], Any]]:
    made: list[int] = []

    def setup() -> None:
        with database.transaction() as s:
            made.append(committees.create_committee(s, name=f"Copy {next(_names)} of {name}").id)

    def run() -> Any:
        rows = read_programme(data, name=name)
        with database.transaction() as s:
            return import_rows(s, committee_id=made[-1], year_start=2019, rows=rows, file=name)

    return setup, run


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_importing_a_26_item_programme(benchmark, database: Database, kind: str) -> None:  # type: ignore[no-untyped-def]
    data = ecsc_docx() if kind == "docx" else ecsc_xlsx()
    setup, run = _importer(database, data, f"ecsc.{kind}")
    result = benchmark.pedantic(run, setup=setup, rounds=ROUNDS, iterations=1)
    assert result.summary.entries == 26 and result.summary.reviews == 2
    csv_setup, csv_run = _importer(database, ecsc_csv(), "ecsc.csv")
    csv_time = median_of(csv_run, csv_setup)
    allowed = 1.2 * (csv_time + library_load_time(LIBRARY[kind]))
    benchmark.extra_info.update(csv_seconds=csv_time, allowed_seconds=allowed)
    assert benchmark.stats.stats.median <= allowed


WRITERS: dict[str, Callable[[ProgrammeExport], bytes]] = {
    "docx": programme_docx,
    "xlsx": programme_xlsx,
}


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_exporting_the_demo_programme(benchmark, database: Database, kind: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as s:
        ecsc = committee_by_name(s, "ECSC").id

    def export(write: Callable[[ProgrammeExport], bytes]) -> Callable[[], bytes]:
        def run() -> bytes:
            with database.transaction(read_only=True) as s:
                table = programme_table(s, committee_id=ecsc, year_start=2019)
            return write(table)

        return run

    data = benchmark.pedantic(export(WRITERS[kind]), rounds=ROUNDS, iterations=1)
    assert data.startswith(b"PK")
    csv_time = median_of(export(lambda t: programme_csv_text(t.rows).encode("utf-8")))
    allowed = 1.2 * (csv_time + library_load_time(LIBRARY[kind]))
    benchmark.extra_info.update(csv_seconds=csv_time, allowed_seconds=allowed)
    assert benchmark.stats.stats.median <= allowed
