"""``python app.py print-meeting``: a meeting's scrutiny items for report authors, and the
chair's briefing, as a user runs it."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_cli_print import run, text_of


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("db") / "demo.sqlite"
    result = run("demo", db=db)
    assert result.returncode == 0, result.stderr
    return db


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
