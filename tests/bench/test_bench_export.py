"""How long exporting the demo ECSC 2019-20 programme takes in each format.

Run with ``pytest tests/bench/test_bench_export.py --benchmark-only``.
Target: each format ≤ 1.2 × (the CSV export + the import time of the format's own library).
The web page needs no library beyond Python's own; the calendar imports ``icalendar``, whose
import time ``test_library_import`` measures in fresh processes. Timed twice: the export use
case and the file write with the database open (what File ▸ Export… does after its dialogs),
and ``python app.py export`` as a whole process.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from domain.db import open_database
from domain.io.output import write_export
from domain.ops.convert import committee_by_name
from domain.ops.publish import FORMATS

pytest.importorskip("pytest_benchmark")

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def demo_file(_sqlite_demo_template: Path) -> Path:
    return _sqlite_demo_template


@pytest.mark.parametrize("key", list(FORMATS))
def test_export_in_process(benchmark, demo_file: Path, tmp_path: Path, key: str) -> None:  # type: ignore[no-untyped-def]
    database = open_database(f"sqlite:///{demo_file}")
    fmt = FORMATS[key]
    out = tmp_path / f"ecsc{fmt.extension}"
    with database.transaction(read_only=True) as s:
        committee_id = committee_by_name(s, "ECSC").id
        fmt.make(s, committee_id=committee_id, year_start=2019, include_exempt=False)  # warm

    def run() -> None:
        with database.transaction(read_only=True) as s:
            exported = fmt.make(s, committee_id=committee_id, year_start=2019, include_exempt=False)
        write_export(out, exported.data, what=fmt.noun)

    benchmark.pedantic(run, rounds=30, iterations=1, warmup_rounds=2)
    database.close()
    assert out.stat().st_size > 1000


@pytest.mark.parametrize("key", list(FORMATS))
def test_export_command(benchmark, demo_file: Path, tmp_path: Path, key: str) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / f"ecsc{FORMATS[key].extension}"
    command = [
        sys.executable, str(ROOT / "app.py"), "--db", str(demo_file), "export",
        "--committee", "ECSC", "--year", "2019-20", "--out", str(out),
    ]  # fmt: skip
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    benchmark.pedantic(
        lambda: subprocess.run(command, check=True, capture_output=True, env=env),
        rounds=7, iterations=1, warmup_rounds=1,
    )  # fmt: skip


@pytest.mark.parametrize("module", ["pass", "import icalendar"], ids=["python", "icalendar"])
def test_library_import(benchmark, module: str) -> None:  # type: ignore[no-untyped-def]
    benchmark.pedantic(
        lambda: subprocess.run([sys.executable, "-c", module], check=True),
        rounds=7, iterations=1, warmup_rounds=1,
    )  # fmt: skip
