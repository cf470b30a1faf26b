"""What recording the audit history costs: a 26-row CSV import with and without the hooks.

The CSV is the demo Education committee's 2019-20 programme exported in the council's layout,
its first 26 rows. Each round imports it into a
new committee of a copy of the demo database, in one transaction, as ``python app.py import``
does. The second database has the audit hooks taken off (``domain.audit.uninstall``), which
only a benchmark does. Run with
``pytest tests/bench/test_bench_audit.py --benchmark-only -s``; the last test prints the
overhead measured on one database with the hooks on and off in turn, which is steadier than
comparing the first two figures on a busy machine.
"""

from __future__ import annotations

import itertools
import statistics
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from domain import audit
from domain.db import Database, open_database
from domain.io.csv import programme_csv_text, read_programme_csv
from domain.io.rows import ProgrammeRow
from domain.ops import committees
from domain.ops.convert import committee_by_name
from domain.ops.exports import programme_table

pytest.importorskip("pytest_benchmark")

YEAR = 2019
ROWS = 26


@pytest.fixture
def rows(sqlite_demo_db: Database) -> list[ProgrammeRow]:
    with sqlite_demo_db.transaction() as s:
        ecsc = committee_by_name(s, "ECSC")
        table = programme_table(s, committee_id=ecsc.id, year_start=YEAR, include_exempt=True)
    parsed = read_programme_csv(programme_csv_text(table.rows))
    assert len(parsed) > ROWS
    return parsed[:ROWS]


@pytest.fixture
def unaudited_db(tmp_path: Path, sqlite_demo_db: Database) -> Iterator[Database]:
    """A second copy of the demo database whose sessions record nothing."""
    import sqlite3

    path = tmp_path / "unaudited.sqlite"
    src = sqlite3.connect(sqlite_demo_db.description)
    dst = sqlite3.connect(path)
    src.backup(dst)
    src.close()
    dst.close()
    database = open_database(f"sqlite:///{path}")
    audit.uninstall(database.sessions)
    try:
        yield database
    finally:
        database.close()


def _importer(database: Database, rows: list[ProgrammeRow]) -> Callable[[], int]:
    from domain.ops.imports import import_programme

    names = itertools.count()

    def run() -> int:
        with database.transaction(action="Import ecsc.csv") as s:
            committee = committees.create_committee(s, name=f"Panel {next(names)}")
            summary = import_programme(s, committee_id=committee.id, year_start=YEAR, rows=rows)
        return summary.entries + summary.to_be_scheduled

    return run


def test_import_26_rows_recorded(benchmark, sqlite_demo_db: Database, rows) -> None:  # type: ignore[no-untyped-def]
    assert benchmark(_importer(sqlite_demo_db, rows)) == ROWS


def test_import_26_rows_not_recorded(benchmark, unaudited_db: Database, rows) -> None:  # type: ignore[no-untyped-def]
    assert benchmark(_importer(unaudited_db, rows)) == ROWS


def test_audit_overhead_on_a_26_row_import(benchmark, sqlite_demo_db: Database, rows) -> None:  # type: ignore[no-untyped-def]
    """The same database, the hooks taken off and put back between imports, so that both
    kinds of import see the same file and the same load on the machine."""
    run = _importer(sqlite_demo_db, rows)
    times: dict[bool, list[float]] = {True: [], False: []}
    for _ in range(5):  # warm up
        run()
    for _ in range(40):
        for recorded in (True, False):
            if not recorded:
                audit.uninstall(sqlite_demo_db.sessions)
            started = time.process_time()
            run()
            times[recorded].append(time.process_time() - started)
            if not recorded:
                audit.install(sqlite_demo_db.sessions)
    with_audit, without = statistics.median(times[True]), statistics.median(times[False])
    overhead = 100 * (with_audit / without - 1)
    benchmark.extra_info["overhead_percent"] = round(overhead, 1)
    print(
        f"\n26-row import: {with_audit * 1000:.1f} ms recorded, {without * 1000:.1f} ms not "
        f"recorded (process CPU time, medians of 40, interleaved): audit overhead {overhead:.1f} %"
    )
    benchmark.pedantic(run, rounds=1, iterations=1)
