"""`next-year` and `search` on the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_run import cli


@pytest.fixture
def db_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "scrutiny.sqlite"
    assert cli(capsys, "--db", str(path), "demo")[0] == 0
    return path


def test_next_year_carries_waiting_and_standing_items_once(db_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(db_file)
    code, out, _err = cli(capsys, "--db", db, "next-year", "--committee", "ECSC", "--year", "2019-20", "--dry-run")
    assert code == 0 and out.count("would carry:") == 10
    code, out, _err = cli(
        capsys, "--db", db, "next-year", "--committee", "ECSC", "--year", "2019-20", "--report", "young carers",
    )  # fmt: skip
    assert code == 0
    assert "carried: Young Carers" in out and out.strip().endswith("11 items carried into 2020/21.")
    code, out, err = cli(capsys, "--db", db, "next-year", "--committee", "ECSC", "--year", "2019-20")
    assert code == 1 and "Nothing to carry from 2019/20" in err
    code, out, _err = cli(capsys, "--db", db, "committees")
    assert "2020 - 21" in out


def test_next_year_names_what_can_be_carried_when_a_title_is_wrong(db_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = cli(
        capsys, "--db", str(db_file), "next-year", "--committee", "ECSC", "--year", "2019", "--standing", "Lunch",
    )  # fmt: skip
    assert code == 1
    assert "--standing: 'Lunch' is not one of the year's items" in err
    assert "Corporate Performance and Finance Outturn Report - Education focus" in err


def test_search_groups_by_committee_and_year_and_marks_part_ii(db_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from domain.db import open_database
    from domain.ops import topics

    database = open_database(str(db_file))
    with database.transaction() as s:
        topics.create_topic(s, committee_id=1, year_start=2019, title="Sale of the Capybara site", exempt=True, exempt_paragraph=3)
    database.close()
    code, out, _err = cli(capsys, "--db", str(db_file), "search", "capybara")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].endswith("— 2019 - 20")
    assert "Topic" in lines[1] and "Sale of the Capybara site  [Part II (paragraph 3)]" in lines[1]
    code, out, _err = cli(capsys, "--db", str(db_file), "search", "nothing-like-this")
    assert out.strip() == "Nothing found for 'nothing-like-this'."


def test_a_dry_run_reads_while_someone_else_is_saving(db_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import sqlite3

    other = sqlite3.connect(db_file, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another writer holds the write lock
        code, out, err = cli(capsys, "--db", str(db_file), "next-year", "--committee", "ECSC", "--year", "2019-20", "--dry-run")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert code == 0 and out.count("would carry:") == 10, err
