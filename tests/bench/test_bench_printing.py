"""Printing speed: a year's programme (about 30 rows) should render in well under a blink.

Run with ``pytest tests/bench/test_bench_printing.py -s``; the budgets: a median of 30 ms per
render in process, 1 s for all 20 committees of the synthetic council, and the print command
within 1.2 x the time Python takes to import SQLAlchemy's ORM and ReportLab. In-process timers
are CPU time of this process, so other work on a shared machine does not count against them.
"""

from __future__ import annotations

import io
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

from domain.db import Database
from domain.demo import load_demo
from domain.ops.convert import committee_by_name
from domain.printing.build import build_programme
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


# --- from the database ------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]


def _machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs, {model}"


@pytest.fixture
def demo(sqlite_db: Database) -> tuple[Database, int]:
    with sqlite_db.transaction() as s:
        load_demo(s)
        return sqlite_db, committee_by_name(s, "ECSC").id


@pytest.mark.benchmark(group="printing", timer=time.process_time, min_rounds=20)
def test_render_demo_ecsc_programme(benchmark, demo) -> None:  # type: ignore[no-untyped-def]
    """Target: median <= 30 ms (CPU) to render the demo ECSC 2019 - 20 programme."""
    db, ecsc = demo
    with db.transaction() as s:
        doc = build_programme(s, committee_id=ecsc, year_start=2019)
    register_fonts()

    def render() -> int:
        buffer = io.BytesIO()
        render_programme(doc, buffer)
        return buffer.tell()

    benchmark.extra_info["machine"] = _machine()
    assert benchmark(render) > 0


@pytest.mark.benchmark(group="printing", timer=time.process_time, min_rounds=20)
def test_build_demo_ecsc_programme(benchmark, demo) -> None:  # type: ignore[no-untyped-def]
    """Reading the programme from the database (the part before rendering)."""
    db, ecsc = demo

    def build() -> int:
        with db.transaction() as s:
            return len(build_programme(s, committee_id=ecsc, year_start=2019).meetings)

    assert benchmark(build) == 5


@pytest.mark.benchmark(group="printing-all", timer=time.perf_counter, min_rounds=3)
def test_print_all_twenty_synthetic_committees(benchmark, sqlite_db: Database) -> None:  # type: ignore[no-untyped-def]
    """Target: <= 1 s to build and render one year's programme of each of 20 committees."""
    synthetic = pytest.importorskip("domain.synthetic")
    with sqlite_db.transaction() as s:
        synthetic.generate(s, committees=20, years=10, meetings_per_year=8, items_per_meeting=10, seed=1)
    from domain.ops.committees import list_committees, list_years

    with sqlite_db.transaction() as s:
        committees = [c.id for c in list_committees(s)]
        year = max(list_years(s, committee_id=committees[0]))
    register_fonts()

    def print_all() -> int:
        pages = 0
        with sqlite_db.transaction() as s:
            docs = [build_programme(s, committee_id=c, year_start=year) for c in committees]
        for doc in docs:
            buffer = io.BytesIO()
            render_programme(doc, buffer)
            pages += 1
        return pages

    benchmark.extra_info["machine"] = _machine()
    assert benchmark(print_all) == 20


def _wall_median(cmd: list[str], runs: int = 9) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def test_print_command_against_the_import_floor(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Target: ``python app.py print`` of the demo programme <= 1.2 x the time Python takes
    just to import SQLAlchemy's ORM and ReportLab's platypus (the floor), wall clock, median."""
    db = tmp_path / "demo.sqlite"
    subprocess.run([sys.executable, "app.py", "--db", str(db), "demo"], check=True, cwd=ROOT,
                   capture_output=True)  # fmt: skip
    out = tmp_path / "p.pdf"
    floor = _wall_median([sys.executable, "-c", "import sqlalchemy.orm, reportlab.platypus"])
    whole = _wall_median([
        sys.executable, "app.py", "--db", str(db), "print", "--committee", "ECSC",
        "--year", "2019-20", "--out", str(out),
    ])  # fmt: skip
    with capsys.disabled():
        print(
            f"\n{_machine()}: print {whole * 1000:.0f} ms, floor {floor * 1000:.0f} ms, "
            f"ratio {whole / floor:.2f}"
        )
    assert out.exists()


def test_against_libreoffice_converting_a_docx() -> None:
    """Only where LibreOffice is installed (it is not a dependency)."""
    if shutil.which("soffice") is None:
        pytest.skip("soffice is not installed")
    pytest.skip("no equivalent .docx of the programme is bundled to convert")
