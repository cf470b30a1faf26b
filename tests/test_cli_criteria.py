"""``python app.py criteria ...`` and ``print-scoring`` as a user runs them, in a separate
process."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from test_cli_print import run, text_of

ROOT = Path(__file__).resolve().parent.parent
TOPIC_FILE = ROOT / "resources" / "criteria" / "topic.json"


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("db") / "demo.sqlite"
    result = run("demo", db=db)
    assert result.returncode == 0, result.stderr
    return db


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Path:
    db = tmp_path / "demo.sqlite"
    shutil.copy(demo_template, db)
    return db


def _short_list(db: Path, *titles: str, exempt: str | None = None) -> None:
    with sqlite3.connect(db) as conn:
        for title in titles:
            conn.execute("UPDATE topic SET status = 'short_listed' WHERE title = ?", (title,))
        if exempt:
            conn.execute("UPDATE topic SET exempt = 1, exempt_paragraph = 3 WHERE title = ?", (exempt,))


def test_a_tool_is_imported_listed_shown_and_exported_as_the_same_file(demo_db: Path, tmp_path: Path) -> None:
    result = run("criteria", "import", str(TOPIC_FILE), "--committee", "ECSC", db=demo_db)
    assert result.returncode == 0, result.stderr
    assert "TOPIC added; Education and Children's Social Care" in result.stdout
    listed = run("criteria", "list", db=demo_db).stdout
    assert "PAPER (revision 1, default): 6 questions, totals 0-6" in listed
    assert "TOPIC (revision 1): 5 questions, totals 0-10; 0 scores; used by Education" in listed
    shown = run("criteria", "show", "topic", db=demo_db).stdout
    assert "1. T Timely [0-2]: Is this the right time" in shown
    assert "Bands: High 8-10, Medium 5-7, Low 1-4" in shown
    out = tmp_path / "out.json"
    assert run("criteria", "export", "TOPIC", "--out", str(out), db=demo_db).returncode == 0
    assert json.loads(out.read_text("utf-8")) == json.loads(TOPIC_FILE.read_text("utf-8"))


def test_a_tool_that_cannot_work_is_refused_and_nothing_is_added(demo_db: Path, tmp_path: Path) -> None:
    doc = json.loads(TOPIC_FILE.read_text("utf-8"))
    doc["bands"][1]["from"] = 6  # Medium 6-7 leaves 5 in no band
    bad = tmp_path / "gap.json"
    bad.write_text(json.dumps(doc), "utf-8")
    result = run("criteria", "import", str(bad), db=demo_db)
    assert result.returncode == 1
    assert "Bands Low and Medium leave a gap: no band holds a total of 5" in result.stderr
    assert "TOPIC" not in run("criteria", "list", db=demo_db).stdout


def test_changing_a_used_tool_from_a_file_makes_a_revision(demo_db: Path, tmp_path: Path) -> None:
    doc = json.loads((ROOT / "resources" / "criteria" / "paper.json").read_text("utf-8"))
    doc["questions"][0]["weight"] = 2
    doc["bands"][0]["to"] = 7
    changed = tmp_path / "paper2.json"
    changed.write_text(json.dumps(doc), "utf-8")
    result = run("criteria", "import", str(changed), "--replace", db=demo_db)
    assert result.returncode == 0, result.stderr
    assert "PAPER revised (revision 2; old scores keep revision 1)" in result.stdout
    # The printed programme still prints the old scores as they were made.
    out = tmp_path / "ecsc.pdf"
    assert run("print", "--committee", "ECSC", "--year", "2019-20", "--out", str(out), db=demo_db).returncode == 0
    assert "Children in Need 5" in text_of(out)


def test_print_scoring_prints_every_short_listed_topic_leaving_out_exempt_ones(demo_db: Path, tmp_path: Path) -> None:
    _short_list(demo_db, "Children in Need", "School visits", "Cyber Bullying", exempt="Cyber Bullying")
    out = tmp_path / "sheets.pdf"
    result = run("print-scoring", "--committee", "ECSC", "--year", "2019-20", "--out", str(out), db=demo_db)
    assert result.returncode == 0, result.stderr
    assert "2 scoring sheets" in result.stdout
    assert "1 exempt (Part II) topic left out" in result.stderr
    from pypdf import PdfReader

    pages = [" ".join(p.extract_text().split()) for p in PdfReader(out).pages]
    assert len(pages) == 2
    assert "Topic: Children in Need" in pages[0] and "Scored by:" in pages[0]
    assert "Topic: School visits" in pages[1]
    assert all("Cyber Bullying" not in p for p in pages)
    secret = tmp_path / "all.pdf"
    result = run("print-scoring", "--committee", "ECSC", "--year", "2019-20", "--out", str(secret),
                 "--include-exempt", db=demo_db)
    assert result.returncode == 0, result.stderr
    text = text_of(secret)
    assert "Cyber Bullying" in text and "NOT FOR PUBLICATION" in text


def _score(db: Path, title: str, answers: list[tuple[bool | None, str]]) -> None:
    from sqlalchemy import select

    from domain import schema
    from domain.db import open_database
    from domain.ops import assessments

    database = open_database(f"sqlite:///{db}")
    try:
        with database.transaction() as s:
            topic_id = s.scalar(select(schema.topic.c.id).where(schema.topic.c.title == title))
            assessments.record_assessment(s, topic_id=topic_id, scorer="Cllr Murphy", answers=answers, agreed=True)
    finally:
        database.close()


def test_print_scoring_for_one_topic_filled_in_or_blank(demo_db: Path, tmp_path: Path) -> None:
    _score(demo_db, "School visits", [(True, "Parents raised it at the July meeting"), (True, ""), (False, ""),
                                      (True, "Every ward"), (None, ""), (False, "")])
    out = tmp_path / "one.pdf"
    result = run("print-scoring", "--committee", "ECSC", "--year", "2019-20", "--topic", "school visits",
                 "--out", str(out), db=demo_db)
    assert result.returncode == 0, result.stderr
    text = text_of(out)
    assert "Topic: School visits" in text and "Scored by: Cllr Murphy" in text
    assert "Parents raised it at the July meeting" in text and "Total: 3 Medium" in text
    blank = tmp_path / "blank.pdf"
    result = run("print-scoring", "--committee", "ECSC", "--year", "2019-20", "--topic", "School visits",
                 "--blank", "--out", str(blank), db=demo_db)
    assert result.returncode == 0, result.stderr
    assert "Parents raised" not in text_of(blank) and "Total: 3" not in text_of(blank)
    total_only = tmp_path / "total.pdf"
    result = run("print-scoring", "--committee", "ECSC", "--year", "2019-20", "--topic", "Children in Need",
                 "--out", str(total_only), db=demo_db)
    assert result.returncode == 0, result.stderr
    assert "Total: 5 High" in text_of(total_only) and "the answers were not recorded" in text_of(total_only)
    nothing = run("print-scoring", "--committee", "ECSC", "--year", "2019-20", "--out", str(tmp_path / "n.pdf"),
                  db=demo_db)
    assert nothing.returncode == 1
    assert "has no short-listed topic in 2019 - 20" in nothing.stderr
    assert not (tmp_path / "n.pdf").exists()


def test_print_scoring_refuses_an_exempt_topic_named_on_its_own(demo_db: Path, tmp_path: Path) -> None:
    _short_list(demo_db, exempt="Children in Need")
    result = run("print-scoring", "--committee", "ECSC", "--year", "2019-20", "--topic", "Children in Need",
                 "--out", str(tmp_path / "x.pdf"), db=demo_db)
    assert result.returncode == 1
    assert "exempt (Part II), so it cannot go in a public document" in result.stderr
