"""Printing speed: a year's programme (about 30 rows) should render in well under a blink.

Run with ``pytest tests/bench/test_bench_printing.py -s``; the budgets: a median of 30 ms per
render in process, 1 s for all 20 committees of the synthetic council, and the print command
within 1.2 x the time Python takes to import SQLAlchemy's ORM and ReportLab. Every figure is
CPU time (of this process, or of the child process for the command), so other work on a shared
machine does not count against it.
"""

from __future__ import annotations

import io
import os
import resource
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


@pytest.mark.benchmark(group="printing-all", timer=time.process_time, min_rounds=5)
def test_print_all_twenty_synthetic_committees(
    benchmark, big_council: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Target: <= 1 s (CPU) to build and render one year's programme of each of 20 committees.

    The synthetic council (20 committees x 10 years x 8 meetings x 10 items) is built once and
    cached by ``conftest.build_synthetic``; each run works on a copy.
    """
    from domain.db import open_database
    from domain.ops.committees import list_committees, list_years

    copy = tmp_path / "council.sqlite"
    shutil.copyfile(big_council, copy)
    database = open_database(f"sqlite:///{copy}")
    try:
        with database.transaction() as s:
            committees = [c.id for c in list_committees(s)]
            year = max(list_years(s, committee_id=committees[0]))
        register_fonts()

        def print_all() -> int:
            pages = 0
            with database.transaction() as s:
                docs = [build_programme(s, committee_id=c, year_start=year) for c in committees]
            for doc in docs:
                buffer = io.BytesIO()
                render_programme(doc, buffer)
                pages += 1
            return pages

        benchmark.extra_info["machine"] = _machine()
        assert benchmark(print_all) == 20
    finally:
        database.close()


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _medians(commands: list[list[str]], runs: int = 9) -> list[tuple[float, float]]:
    """(wall, CPU) medians per command, run in turns so that load on a shared machine falls on
    each command alike. CPU is the user + system time of the child process."""
    walls: list[list[float]] = [[] for _ in commands]
    cpus: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for i, cmd in enumerate(commands):
            cpu, wall = _child_cpu(), time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
            walls[i].append(time.perf_counter() - wall)
            cpus[i].append(_child_cpu() - cpu)
    return [(statistics.median(w), statistics.median(c)) for w, c in zip(walls, cpus, strict=True)]


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.usefixtures("byte_compiled")
def test_print_command_against_the_import_floor(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Targets: ``python app.py print`` of the demo programme <= 1.2 x the time Python takes
    just to import SQLAlchemy's ORM and ReportLab's platypus (the floor), and <= 0.4 x
    LibreOffice converting the same programme from Word (our own .docx export of it, with
    ``soffice --headless --convert-to pdf``): medians of CPU time (user + system) of each
    process and its children, the three started in turns; wall time is shown too. The
    project's modules are byte-compiled first (``byte_compiled``)."""
    db = tmp_path / "demo.sqlite"
    subprocess.run([sys.executable, "app.py", "--db", str(db), "demo"], check=True, cwd=ROOT,
                   capture_output=True)  # fmt: skip
    out = tmp_path / "p.pdf"
    commands = [
        [sys.executable, "-c", "import sqlalchemy.orm, reportlab.platypus"],
        [sys.executable, "app.py", "--db", str(db), "print", "--committee", "ECSC",
         "--year", "2019-20", "--out", str(out)],
    ]  # fmt: skip
    soffice = _soffice()
    if soffice is not None:
        docx = tmp_path / "ecsc.docx"
        subprocess.run([sys.executable, "app.py", "--db", str(db), "export", "--committee", "ECSC",
                        "--year", "2019-20", "--out", str(docx)], check=True, cwd=ROOT,
                       capture_output=True)  # fmt: skip
        convert = [
            soffice, f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}", "--headless",
            "--convert-to", "pdf", "--outdir", str(tmp_path / "lo"), str(docx),
        ]  # fmt: skip
        subprocess.run(convert, check=True, capture_output=True)  # its first run makes a profile
        commands.append(convert)
    figures = _medians(commands)
    (floor_wall, floor_cpu), (whole_wall, whole_cpu) = figures[:2]
    with capsys.disabled():
        print(
            f"\n{_machine()}: print {whole_cpu * 1000:.0f} ms CPU ({whole_wall * 1000:.0f} ms "
            f"wall), floor {floor_cpu * 1000:.0f} ms CPU ({floor_wall * 1000:.0f} ms wall), "
            f"ratio {whole_cpu / floor_cpu:.2f} CPU, {whole_wall / floor_wall:.2f} wall"
        )
        if soffice is not None:
            lo_wall, lo_cpu = figures[2]
            print(
                f"LibreOffice from .docx {lo_cpu * 1000:.0f} ms CPU ({lo_wall * 1000:.0f} ms "
                f"wall): print is {whole_cpu / lo_cpu:.2f} of it in CPU, "
                f"{whole_wall / lo_wall:.2f} in wall time"
            )
    assert out.exists()


@pytest.mark.usefixtures("byte_compiled")
def test_print_all_command_on_both_cores(big_council: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """``python app.py print --all`` of one year of the 20 synthetic committees, as a whole
    process: it builds the documents, then renders them in a pool of one process per CPU.
    Wall time is the figure that counts here (the point of the pool); CPU time of the process
    and its workers is shown beside it."""
    from domain.db import open_database
    from domain.ops.committees import list_committees, list_years

    copy = tmp_path / "council.sqlite"
    shutil.copyfile(big_council, copy)
    database = open_database(f"sqlite:///{copy}")
    with database.transaction(read_only=True) as s:
        year = max(list_years(s, committee_id=list_committees(s)[0].id))
    database.close()
    out = tmp_path / "all"
    out.mkdir()
    command = [sys.executable, "app.py", "--db", str(copy), "print", "--all",
               "--year", f"{year}-{(year + 1) % 100:02d}", "--out-dir", str(out)]  # fmt: skip
    [(wall, cpu)] = _medians([command], runs=5)
    with capsys.disabled():
        print(f"\n{_machine()}: print --all, 20 committees: {wall * 1000:.0f} ms wall, "
              f"{cpu * 1000:.0f} ms CPU")  # fmt: skip
    assert len(list(out.glob("*.pdf"))) == 20
