"""``python app.py import-suggestions`` and ``print-session-pack`` as a user runs them, and the
session pack's Part II and privacy rules."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from domain.db import open_database
from domain.ops import assessments, suggestions, topics
from domain.ops.convert import committee_row_by_name
from domain.printing.session_pack import build_session_pack

ROOT = Path(__file__).resolve().parent.parent
FORM = ROOT / "tests" / "fixtures" / "suggestion_form.csv"


def run(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "app.py"), "--db", str(db), *args],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )  # fmt: skip


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("db") / "demo.sqlite"
    assert run("demo", db=path).returncode == 0
    done = run("import-suggestions", str(FORM), "--committee", "ECSC", "--year", "2019-20", db=path)
    assert done.returncode == 0, done.stderr
    assert "4 suggestions added to the long list" in done.stdout
    assert "'Care Leavers and NEET plan refresh' is like 'Care Leavers and NEET - plan' at ECSC on 10 Jul 2019" in done.stdout
    database = open_database(f"sqlite:///{path}")
    with database.transaction() as s:
        cid = committee_row_by_name(s, "ECSC").id
        rows = [t for t in topics.list_topics(s, committee_id=cid, year_start=2019) if t.status == "long_listed"]
        suggestions.move_to_stage(s, topics=[(r.id, None) for r in rows], stage="short_list")
        crossing = next(r for r in rows if r.title == "School crossing patrols")
        topics.update_topic(s, topic_id=crossing.id, exempt=True, exempt_paragraph=2)
        youth = next(r for r in rows if r.title.startswith("Youth"))
        topics.update_topic(s, topic_id=youth.id, urgent=True, urgent_reason="Budget decision due in October")
        care = next(r for r in rows if r.title.startswith("Care Leavers"))
        assessments.record_imported_total(s, topic_id=care.id, total=5)
    database.close()
    return path


def text_of(path: Path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)


def test_the_public_pack_lists_the_short_list_without_part_ii_or_contacts(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "pack.pdf"
    done = run("print-session-pack", "--committee", "ECSC", "--year", "2019-20", "--out", str(out), db=db)
    assert done.returncode == 0, done.stderr
    text = text_of(out)
    assert "Work-planning session: the short list 2019 - 20" in text
    assert "Care Leavers and NEET plan refresh" in text and "Member: Cllr Jo Bowles" in text
    assert "Medium" in text and "Corporate plan: A caring council" in text
    # Urgent first, then by score: the scored topic before the unscored one.
    assert text.index("Youth services") < text.index("Care Leavers") < text.index("Elective home education")
    assert "5 (High)" in text and "Not scored" in text
    assert "Urgent: Budget decision due in October" in text
    assert "School crossing patrols" not in text and "Three schools" not in text
    assert "Part II item (paragraph 2)" in text
    assert "@" not in text  # nobody's email
    assert "NOT FOR PUBLICATION" not in text


def test_the_full_pack_is_marked_and_still_names_no_member_of_the_public(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "pack.pdf"
    done = run("print-session-pack", "--committee", "ECSC", "--year", "2019-20", "--out", str(out), "--include-exempt", db=db)
    assert done.returncode == 0, done.stderr
    text = text_of(out)
    assert "NOT FOR PUBLICATION" in text and "School crossing patrols" in text
    assert "Member of the public" in text and "Pat Resident" not in text
    assert "do not publish it" in done.stderr


def test_the_public_pack_never_reads_an_exempt_topics_text(db: Path) -> None:
    database = open_database(f"sqlite:///{db}")
    try:
        with database.transaction(read_only=True) as s:
            doc = build_session_pack(s, committee_id=committee_row_by_name(s, "ECSC").id, year_start=2019)
    finally:
        database.close()
    assert "School crossing patrols" not in repr(doc)


def test_a_bad_suggestion_file_is_refused_in_words_and_nothing_is_added(db: Path, tmp_path: Path) -> None:
    bad = tmp_path / "form.csv"
    bad.write_text("Topic,Workload\nPot holes,Enormous\n", encoding="utf-8")
    done = run("import-suggestions", str(bad), "--committee", "ECSC", "--year", "2019-20", db=db)
    assert done.returncode == 1
    assert "row 2, column 'Workload'" in done.stderr and "Traceback" not in done.stderr
    listed = run("print-session-pack", "--committee", "ECSC", "--year", "2019-20", "--out", str(tmp_path / "p.pdf"), db=db)
    assert "(4 on the short list)" in listed.stdout


def test_the_pack_names_a_source_in_the_words_of_the_topic_form() -> None:
    from domain.printing.session_pack import proposer_text
    from gui.models import labels

    assert proposer_text("motion", "Cllr Jo Bowles") == "Motion on notice to Council: Cllr Jo Bowles"
    assert proposer_text("public", "Pat Resident") == "Member of the public"
    for code, words in labels.SOURCE.items():
        assert proposer_text(code, "") == words
