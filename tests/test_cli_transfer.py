"""`import` and `export` on the command line: what a democratic advisor sees."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_run import cli

from domain.db import open_database
from domain.errors import Invalid
from domain.io import layout
from domain.ops import planning, topics
from domain.ops.convert import committee_by_name
from domain.printing.build import waiting_order

ROOT = Path(__file__).resolve().parent.parent
HEAD = ",".join(layout.HEADER)
GOOD = (
    f"{HEAD}\n"
    "11 Sept 2019,Child Exploitation,2,Include a progress report,Jean Kelly\n"
    ",Together for Childhood,,,Siobhan Wallace\n"
    "13 Nov 2019,STEM refresh of plan,4,A retrospective,Ed Coley\n"
)


@pytest.fixture
def demo_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "scrutiny.sqlite"
    assert cli(capsys, "--db", str(path), "demo")[0] == 0
    return path


def snapshot(db_file: Path) -> dict[str, bytes]:
    """Every file SQLite keeps for the database (the main file, and a WAL if one is left)."""
    return {
        p.name: p.read_bytes()
        for p in db_file.parent.iterdir()
        if p.name.startswith(db_file.name) and not p.name.endswith("-shm")
    }


def programme_of(url: str, committee: str, year: int) -> tuple[list, list]:
    database = open_database(url)
    try:
        with database.transaction() as s:
            c = committee_by_name(s, committee)
            view = planning.load_programme(s, committee_id=c.id, year_start=year)
    finally:
        database.close()
    return (
        [
            (g.meeting.starts_at.date(), [(e.title, e.score, e.reason, e.responsible) for e in g.entries])
            for g in view.meetings
        ],
        # In the printed programme's order (the order the items joined the list).
        [
            (t.title, t.score, t.reason, t.responsible)
            for t in sorted(view.to_be_scheduled, key=lambda t: waiting_order(t.id))
        ],
    )


# --- bad input changes nothing ---------------------------------------------------------------

BAD_FILES = {
    "unreadable date": (f"{HEAD}\n31 Sept 2019,Item,,,\n".encode(), "row 2, column 'Date of meeting'"),
    "score above 6": (f"{HEAD}\n11 Sept 2019,Item,7,,\n".encode(), "row 2, column 'Prioritisation Score'"),
    "score not a number": (f"{HEAD}\n11 Sept 2019,Item,High,,\n".encode(), "row 2, column 'Prioritisation Score'"),
    "missing column": (b"Date of meeting,Reason for consideration\n11 Sept 2019,x\n", "row 1, column 'Agenda item'"),
    "empty title": (f"{HEAD}\n11 Sept 2019,Item,,,\n,,4,Reason,\n".encode(), "row 3, column 'Agenda item'"),
    "first row without a date": (f"{HEAD}\n,Item,,,\n".encode(), "row 2, column 'Date of meeting'"),
    "date outside the year": (f"{HEAD}\n11 Sept 2020,Item,,,\n".encode(), "row 2, column 'Date of meeting'"),
    "binary garbage": (bytes(range(256)) * 8, "not a text file"),
    "an Excel workbook": (b"PK\x03\x04" + bytes(200), "Excel workbook"),
    "neither UTF-8 nor cp1252": (f"{HEAD}\n11 Sept 2019,Caf\xe9\x8d,,,\n".encode("latin-1"), "neither UTF-8 nor Windows-1252"),
    "broken quoting": (f'{HEAD}\n11 Sept 2019,"Item,,,\n'.encode(), "quotation marks"),
    "empty file": (b"", "empty"),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_a_bad_file_gets_one_message_and_leaves_the_database_byte_for_byte_unchanged(
    case: str, demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, where = BAD_FILES[case]
    bad = tmp_path / "programme.csv"
    bad.write_bytes(data)
    before = snapshot(demo_file)
    code, out, err = cli(capsys, "--db", str(demo_file), "import", str(bad), "--committee", "ECSC", "--year", "2019-20")
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("scrutineer: error: ")
    assert str(bad) in err and where in err
    assert snapshot(demo_file) == before


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--committee", "Nobody", "--year", "2019-20"), "python app.py committees"),
        (("--committee", "ECSC", "--year", "2019-21"), "--year"),
        (("--committee", "ECSC", "--year", "2019-20"), "already has 34 items in 2019 - 20"),
    ],
)
def test_an_unknown_committee_or_year_is_refused_without_writing(
    args: tuple[str, ...], words: str, demo_file: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    good = tmp_path / "programme.csv"
    good.write_text(GOOD)
    before = snapshot(demo_file)
    code, _, err = cli(capsys, "--db", str(demo_file), "import", str(good), *args)
    assert code == 1 and words in err
    assert snapshot(demo_file) == before


@pytest.mark.parametrize("command", ["import", "export", "print"])
def test_an_impossible_year_is_refused_by_every_command(
    command: str, demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "programme.csv"
    good.write_text(GOOD)
    target = tmp_path / "out.file"
    where = [str(good)] if command == "import" else ["--out", str(target)]
    before = snapshot(demo_file)
    code, _, err = cli(
        capsys, "--db", str(demo_file), command, *where, "--committee", "ECSC", "--year", "9999"
    )
    assert code == 1
    assert "not a municipal year this program can hold" in err and "Traceback" not in err
    assert snapshot(demo_file) == before and not target.exists()


def test_a_missing_file_is_named(demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(demo_file)
    missing = tmp_path / "no-such.csv"
    code, _, err = cli(capsys, "--db", str(demo_file), "import", str(missing), "--committee", "ECSC", "--year", "2019")
    assert code == 1 and str(missing) in err and "no file" in err
    assert snapshot(demo_file) == before


def test_a_failure_half_way_through_the_import_writes_nothing(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    good = tmp_path / "programme.csv"
    good.write_text(GOOD)
    real = planning.book_many
    calls = []

    def failing_book_many(session, **kw):  # type: ignore[no-untyped-def]
        calls.append(kw)
        if len(calls) == 2:
            raise Invalid("The meeting is full.")
        return real(session, **kw)

    monkeypatch.setattr(planning, "book_many", failing_book_many)
    before = snapshot(demo_file)
    code, _, err = cli(
        capsys, "--db", str(demo_file), "import", str(good), "--committee", "ECSC", "--year",
        "2019-20", "--append",
    )
    assert code == 1 and "The meeting is full." in err
    assert len(calls) == 2  # one meeting's items were written in the transaction before the failure
    assert snapshot(demo_file) == before


# --- importing and exporting -----------------------------------------------------------------


def test_import_reports_what_it_did_and_the_items_appear(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "programme.csv"
    good.write_bytes(("\ufeff" + GOOD.replace(",", ";")).encode("utf-8"))
    before = snapshot(demo_file)
    code, out, err = cli(capsys, "--db", str(demo_file), "import", str(good), "--committee", "ambitious", "--year", "2019 - 20")
    assert code == 0, err
    assert snapshot(demo_file) != before  # so the unchanged-file checks above can fail
    assert "Imported 3 items at 2 meetings (2 new) and 0 items to be scheduled into Ambitious Plymouth, 2019 - 20" in out
    meetings, _ = programme_of(f"sqlite:///{demo_file}", "Ambitious Plymouth", 2019)
    assert [t for _, entries in meetings for t, *_ in entries] == [
        "Child Exploitation", "Together for Childhood", "STEM refresh of plan"
    ]


def test_export_writes_excel_friendly_csv_with_each_date_once(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "ecsc.csv"
    code, out, err = cli(capsys, "--db", str(demo_file), "export", "--committee", "ECSC", "--year", "2019/20", "--format", "csv", "--out", str(out_file))
    assert code == 0, err
    data = out_file.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf" + HEAD.encode() + b"\r\n")
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[1].startswith("10 July 2019,Fair Funding for Schools,")
    assert lines[2].startswith(",Pledge Update,")
    assert any(line.startswith("11 September 2019,Child Exploitation [To follow],2,") for line in lines)
    assert "Council – Education" in data.decode("utf-8")  # the en dash survives
    assert sum(1 for line in lines if line.startswith("To be scheduled,")) == 9
    assert str(out_file) in out


def test_exempt_items_are_never_exported_unless_asked_for(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = open_database(f"sqlite:///{demo_file}")
    with database.transaction() as s:
        ecsc = committee_by_name(s, "ECSC")
        topic = next(t for t in topics.list_topics(s, committee_id=ecsc.id) if t.title == "Young Carers")
        topics.update_topic(s, topic_id=topic.id, exempt=True, exempt_paragraph=1)
    database.close()
    public, full = tmp_path / "public.csv", tmp_path / "full.csv"
    args = ("--db", str(demo_file), "export", "--committee", "ECSC", "--year", "2019-20")
    code, _, err = cli(capsys, *args, "--out", str(public))
    assert code == 0 and "1 exempt (Part II) item left out" in err
    assert "Young Carers" not in public.read_text(encoding="utf-8-sig")
    code, _, err = cli(capsys, *args, "--out", str(full), "--include-exempt")
    assert code == 0 and "do not publish" in err
    assert "[Part II, paragraph 1] Young Carers" in full.read_text(encoding="utf-8-sig")


def test_export_replaces_an_existing_file_only_with_a_complete_one(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "ecsc.csv"
    target.write_text("the advisor's earlier export\n")
    args = ("--db", str(demo_file), "export", "--committee", "ECSC", "--year", "2019-20", "--out", str(target))

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as m:
        m.setattr(os, "fsync", disk_full)
        code, _, err = cli(capsys, *args)
    assert code == 1 and "No space left on device" in err and str(target) in err
    assert target.read_text() == "the advisor's earlier export\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []
    assert cli(capsys, *args)[0] == 0
    assert target.read_text(encoding="utf-8-sig").startswith(HEAD)


@pytest.mark.parametrize("where", ["missing-folder/ecsc.csv", "."])
def test_export_to_an_unwritable_path_says_so(
    where: str, demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = cli(capsys, "--db", str(demo_file), "export", "--committee", "ECSC", "--year", "2019-20", "--out", str(tmp_path / where))
    assert code == 1
    assert "does not exist" in err or "is a folder" in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write to a read-only folder")
def test_export_into_a_read_only_folder_says_so(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        code, _, err = cli(capsys, "--db", str(demo_file), "export", "--committee", "ECSC", "--year", "2019-20", "--out", str(folder / "x.csv"))
    finally:
        folder.chmod(0o700)
    assert code == 1 and "Cannot write" in err


def test_round_trip_export_then_import_into_an_empty_database(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], request: pytest.FixtureRequest
) -> None:
    if db_url.startswith("postgresql"):
        target_url = request.getfixturevalue("pg_cluster").create_database(f"target{os.getpid()}")
    else:
        target_url = f"sqlite:///{tmp_path / 'target.sqlite'}"
    assert cli(capsys, "--db", db_url, "demo")[0] == 0
    exported = tmp_path / "ecsc.csv"
    assert cli(capsys, "--db", db_url, "export", "--committee", "ECSC", "--year", "2019-20", "--out", str(exported))[0] == 0
    name = "Education and Children's Social Care Overview and Scrutiny Committee"
    code, _, err = cli(capsys, "--db", target_url, "import", str(exported), "--committee", name, "--year", "2019-20")
    assert code == 1 and "--create-committee" in err
    code, _, err = cli(
        capsys, "--db", target_url, "import", str(exported), "--committee", name, "--year",
        "2019-20", "--create-committee",
    )
    assert code == 0, err
    original = programme_of(db_url, "ECSC", 2019)
    assert programme_of(target_url, name, 2019) == original
    assert len(original[0]) == 5 and original[1]


def test_as_a_separate_process_a_bad_file_exits_non_zero_with_one_line(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite"
    bad = tmp_path / "bad.csv"
    bad.write_text(f"{HEAD}\n11 Sept 2019,Item,seven,,\n")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, str(ROOT / "app.py"), "--db", str(db), *args],
            capture_output=True, text=True, timeout=120, cwd=ROOT,
        )

    assert run("demo").returncode == 0
    result = run("import", str(bad), "--committee", "ECSC", "--year", "2019-20")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"scrutineer: error: {bad}, row 2, column 'Prioritisation Score': 'seven' is not a score. "
        "Write the prioritisation total as a whole number from 0 to 6, or leave the cell empty "
        "for an item that was not scored. Correct the file and import it again; nothing was "
        "imported."
    ]


# --- Word and Excel files ----------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_import_reads_the_councils_word_and_excel_programmes(
    kind: str, demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from programme_files import ecsc_docx, ecsc_xlsx

    path = tmp_path / f"ECSC work programme.{kind}"
    path.write_bytes(ecsc_docx() if kind == "docx" else ecsc_xlsx())
    code, out, err = cli(
        capsys, "--db", str(demo_file), "import", str(path), "--committee", "Copy of ECSC", "--year",
        "2019-20", "--create-committee",
    )  # fmt: skip
    assert code == 0, err
    assert out == (
        "Imported 26 items at 5 meetings (5 new), 9 items to be scheduled and 2 select committee "
        "reviews into Copy of ECSC, 2019 - 20.\n"
    )
    # An old programme: said once, not once per meeting.
    assert err.splitlines() == ["note: 5 meetings of this file have already taken place."]
    meetings, waiting = programme_of(f"sqlite:///{demo_file}", "Copy of ECSC", 2019)
    assert [len(items) for _, items in meetings] == [6, 5, 7, 6, 2]
    assert waiting[0][0] == "School visits" and len(waiting) == 9


@pytest.mark.parametrize(
    ("kind", "where"),
    [
        ("docx", "table 1, row 4, column 'Prioritisation Score'"),
        ("xlsx", "sheet 'Programme 2019-20', row 10, column 'Prioritisation Score'"),
    ],
)
def test_a_bad_word_or_excel_file_gets_one_line_and_changes_nothing(
    kind: str, where: str, demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from programme_files import ecsc_docx, ecsc_xlsx

    bad = tmp_path / f"programme.{kind}"
    bad.write_bytes(ecsc_docx(bad_cell=(4, 2, "7")) if kind == "docx" else ecsc_xlsx(bad_cell=(10, 3, 7)))
    before = snapshot(demo_file)
    code, out, err = cli(
        capsys, "--db", str(demo_file), "import", str(bad), "--committee", "ECSC", "--year", "2019-20",
        "--append",
    )  # fmt: skip
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and f"{bad}, {where}: 7 is not a score" in err
    assert snapshot(demo_file) == before
