"""import-evidence, evidence and link-evidence on the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from domain.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "resources" / "examples"


def test_import_evidence_twice_updates_and_lists_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "e.sqlite")
    kpis = str(EXAMPLES / "ambitious_plymouth_kpis_q2_2015_16.csv")
    assert main(["--db", db, "import-evidence", kpis, "--kind", "kpi"]) == 0
    assert "15 new rows" in capsys.readouterr().out
    assert main(["--db", db, "import-evidence", kpis, "--kind", "kpi"]) == 0
    assert "0 new rows, 0 updated, 15 unchanged" in capsys.readouterr().out
    assert main(["--db", db, "evidence"]) == 0
    listed = capsys.readouterr().out
    assert "P31 The proportion of people" in listed and "[Red for Q2 2015/16]" in listed


def test_the_wrong_kind_is_one_line_and_nothing_is_imported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "e.sqlite")
    risks = str(EXAMPLES / "corporate_risk_register.csv")
    assert main(["--db", db, "import-evidence", risks, "--kind", "forward-plan"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "corporate_risk_register.csv" in err and "--kind forward-plan" in err


def test_link_evidence_and_see_the_suggested_answer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "e.sqlite")
    assert main(["--db", db, "demo"]) == 0
    topic = "Cyber Bullying"
    assert main(["--db", db, "link-evidence", "P31", "--committee", "ECSC", "--topic", topic]) == 0
    capsys.readouterr()
    assert main(["--db", db, "evidence", "--committee", "ECSC", "--topic", topic]) == 0
    out = capsys.readouterr().out
    assert "Performance: Yes suggested \u2014 P31 is Red for Q2 2015/16" in out


def test_an_exempt_items_title_is_listed_only_when_asked_for(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "e.sqlite")
    plan = str(EXAMPLES / "cabinet_forward_plan_june_2023.csv")
    assert main(["--db", db, "import-evidence", plan, "--kind", "forward-plan"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "evidence"]) == 0
    public = capsys.readouterr().out
    assert "Brickfields" not in public and "Exempt (Part II) forward-plan item" in public
    assert main(["--db", db, "evidence", "--include-exempt"]) == 0
    assert "Brickfields  [Key decision expected 9 Mar 2023]  [Part II]" in capsys.readouterr().out


def test_a_topic_is_named_as_print_scoring_names_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "e.sqlite")
    assert main(["--db", db, "demo"]) == 0
    capsys.readouterr()
    # Part of one title is enough; spacing and case do not matter.
    assert main(["--db", db, "link-evidence", "P31", "--committee", "ECSC", "--topic", "cyber  BULLYING"]) == 0
    assert main(["--db", db, "link-evidence", "P31", "--committee", "ECSC", "--topic", "cyber"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "link-evidence", "P31", "--committee", "ECSC", "--topic", "bullying"]) == 1
    err = capsys.readouterr().err
    assert "matches several topics" in err and "Cyber Bullying" in err and "Traceback" not in err
    # The whole title wins over the longer ones that hold it.
    assert main(["--db", db, "evidence", "--committee", "ECSC", "--topic", "Care Leavers and NEET"]) == 0
