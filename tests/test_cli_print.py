"""``python app.py print``, ``print-decisions`` and ``print-meeting`` as a user runs them, in a
separate process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "app.py"), "--db", str(db), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("db") / "demo.sqlite"
    result = run("demo", db=db)
    assert result.returncode == 0, result.stderr
    return db


def text_of(path: Path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)


def test_print_writes_the_programme_as_a_pdf(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "ecsc.pdf"
    result = run("print", "--committee", "ECSC", "--year", "2019/20", "--out", str(out), db=demo_db)
    assert result.returncode == 0, result.stderr
    assert str(out) in result.stdout
    assert out.read_bytes().startswith(b"%PDF")
    text = text_of(out)
    assert "Work Programme 2019 - 20" in text
    assert "Children in Need" in text
    assert "Annex 1" not in text
    assert [p.name for p in tmp_path.iterdir()] == ["ecsc.pdf"]  # no temporary file left


@pytest.mark.parametrize("year", ["2019-20", "2019 - 20", "2019", "2019-2020"])
def test_every_way_of_writing_the_year_works(demo_db: Path, tmp_path: Path, year: str) -> None:
    out = tmp_path / "p.pdf"
    result = run("print", "--committee", "ECSC", "--year", year, "--out", str(out), db=demo_db)
    assert result.returncode == 0, result.stderr
    assert "Work Programme 2019 - 20" in text_of(out)


def test_annex_adds_the_prioritisation_tool(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "p.pdf"
    result = run(
        "print", "--committee", "ECSC", "--year", "2019-20", "--annex", "--out", str(out),
        db=demo_db,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Scrutiny Prioritisation Tool" in text_of(out)


def test_include_exempt_marks_every_page_and_warns(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "p.pdf"
    result = run(
        "print", "--committee", "ECSC", "--year", "2019-20", "--include-exempt", "--out", str(out),
        db=demo_db,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "NOT FOR PUBLICATION" in result.stderr
    assert all("NOT FOR PUBLICATION" in p.extract_text() for p in PdfReader(out).pages)


def test_unknown_committee_is_one_line_listing_the_committees(
    demo_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "p.pdf"
    result = run("print", "--committee", "Planning", "--year", "2019-20", "--out", str(out), db=demo_db)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "Planning" in lines[0] and "Ambitious Plymouth" in lines[0]
    assert not out.exists()


def test_unknown_year_lists_the_committees_years(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "p.pdf"
    result = run("print", "--committee", "ECSC", "--year", "2031-32", "--out", str(out), db=demo_db)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "2031 - 32" in lines[0] and "2019 - 20" in lines[0]
    assert not out.exists()


def test_a_year_that_is_not_a_year_says_how_to_write_one(demo_db: Path, tmp_path: Path) -> None:
    result = run(
        "print", "--committee", "ECSC", "--year", "2019/21", "--out", str(tmp_path / "p.pdf"),
        db=demo_db,
    )  # fmt: skip
    assert result.returncode == 1
    assert "2019-20" in result.stderr


def test_unwritable_folder_fails_with_no_file(demo_db: Path, tmp_path: Path) -> None:
    # A folder under a regular file cannot exist, whoever runs the test (root included).
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    out = blocker / "p.pdf"
    result = run("print", "--committee", "ECSC", "--year", "2019-20", "--out", str(out), db=demo_db)
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Cannot write" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not-a-folder"]


def test_existing_file_is_untouched_when_the_print_fails(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "programme.pdf"
    out.write_bytes(b"the programme printed last week")
    for args in (
        ("print", "--committee", "Nobody", "--year", "2019-20"),
        ("print", "--committee", "ECSC", "--year", "2031-32"),
        ("print-decisions", "--committee", "Nobody"),
    ):
        result = run(*args, "--out", str(out), db=demo_db)
        assert result.returncode == 1, args
        assert out.read_bytes() == b"the programme printed last week"
    assert [p.name for p in tmp_path.iterdir()] == ["programme.pdf"]


def test_existing_file_is_replaced_by_a_complete_print(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "programme.pdf"
    out.write_bytes(b"old")
    result = run("print", "--committee", "ECSC", "--year", "2019-20", "--out", str(out), db=demo_db)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert out.read_bytes().rstrip().endswith(b"%%EOF")


def test_print_all_writes_one_file_per_committee_with_that_year(
    demo_db: Path, tmp_path: Path
) -> None:
    result = run("print", "--all", "--year", "2019-20", "--out-dir", str(tmp_path), db=demo_db)
    assert result.returncode == 0, result.stderr
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["ECSC-work-programme-2019-20.pdf"]  # Ambitious Plymouth has only 2015-16
    assert "Children in Need" in text_of(tmp_path / files[0])


def test_print_all_with_no_committee_in_that_year_fails(demo_db: Path, tmp_path: Path) -> None:
    result = run("print", "--all", "--year", "2040", "--out-dir", str(tmp_path), db=demo_db)
    assert result.returncode == 1
    assert "2040 - 41" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_print_decisions_open_only(demo_db: Path, tmp_path: Path) -> None:
    every, open_ = tmp_path / "all.pdf", tmp_path / "open.pdf"
    assert run("print-decisions", "--committee", "ECSC", "--out", str(every), db=demo_db).returncode == 0
    result = run(
        "print-decisions", "--committee", "ECSC", "--open-only", "--out", str(open_), db=demo_db
    )
    assert result.returncode == 0, result.stderr
    all_text, open_text = text_of(every), text_of(open_)
    # "Pledge Update" is complete in the demo, "The Oracy Project" still ongoing.
    assert "Pledge Update" in all_text and "The Oracy Project" in all_text
    assert "Pledge Update" not in open_text and "The Oracy Project" in open_text


def test_print_path_imports_no_gui_or_migration_code(demo_db: Path, tmp_path: Path) -> None:
    probe = (
        "import sys, runpy; sys.argv = ['app.py', '--db', sys.argv[1], 'print', '--committee', "
        "'ECSC', '--year', '2019-20', '--out', sys.argv[2]]\n"
        "try:\n    runpy.run_path('app.py', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'PySide6', 'alembic', 'holidays', 'platformdirs', 'gui'})\n"
        "print(bad)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(demo_db), str(tmp_path / "p.pdf")],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
    assert (tmp_path / "p.pdf").exists()


# --- a meeting's own papers ---------------------------------------------------------------------


def test_print_meeting_writes_the_agenda_items_with_their_report_deadline(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "sept.pdf"
    result = run("print-meeting", "--committee", "ECSC", "--date", "11 Sept 2019", "--out", str(out), db=demo_db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("11 Sept 2019: 5 items.")
    text = text_of(out)
    assert "Scrutiny items for the meeting of 11 September 2019" in text
    assert "Together for Childhood" in text and "29 August 2019" in text
    assert "Forward look" not in text


def test_print_meeting_with_the_forward_look_for_the_chairs_briefing(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "briefing.pdf"
    result = run(
        "print-meeting", "--committee", "ECSC", "--date", "2019-09-11", "--forward-look", "--out", str(out), db=demo_db
    )
    assert result.returncode == 0, result.stderr
    assert "and the forward look of 3 meetings." in result.stdout
    assert "Forward look: the next 3 meetings" in text_of(out)


def test_print_meeting_on_a_day_without_one_says_so_and_writes_nothing(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "none.pdf"
    result = run("print-meeting", "--committee", "ECSC", "--date", "12 Sept 2019", "--out", str(out), db=demo_db)
    assert result.returncode != 0
    assert "has no meeting on 12 September 2019" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_print_reads_the_programme_without_the_orm(demo_db: Path, tmp_path: Path) -> None:
    # The print command queries the tables through a plain connection: SQLAlchemy's ORM (a
    # tenth of the command's time) is never loaded, and the programme is printed whole.
    out = tmp_path / "ecsc.pdf"
    code = (
        "import sys, app\n"
        f"status = app.main(['--db', {str(demo_db)!r}, 'print', '--committee', 'ECSC', "
        f"'--year', '2019-20', '--out', {str(out)!r}])\n"
        "print('orm loaded' if 'sqlalchemy.orm' in sys.modules else 'orm not loaded')\n"
        "sys.exit(status)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "orm not loaded" in result.stdout
    assert "Children in Need" in text_of(out)
