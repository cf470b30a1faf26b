"""`history` on the command line: who changed what, filtered by committee, person and date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from cli_run import cli

from domain.io import layout

CSV = (
    ",".join(layout.HEADER) + "\n"
    "11 Sept 2019,Child Exploitation,2,Include a progress report,Jean Kelly\n"
    "To be scheduled,School visits,2,Visits,Judith Harwood\n"
)


@pytest.fixture
def db_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "scrutiny.sqlite"
    assert cli(capsys, "--db", str(path), "--user", "loader", "demo")[0] == 0
    csv = tmp_path / "ecsc.csv"
    csv.write_text(CSV, encoding="utf-8")
    code, _out, err = cli(
        capsys, "--db", str(path), "--user", "Jo Bloggs", "import", str(csv),
        "--committee", "Audit Panel", "--year", "2019-20", "--create-committee",
    )
    assert code == 0, err
    return path


def test_history_prints_who_when_which_action_and_what(db_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = cli(capsys, "--db", str(db_file), "history", "--committee", "Audit Panel")
    assert code == 0
    lines = out.splitlines()
    assert lines and all("Jo Bloggs  Import ecsc.csv: " in line for line in lines)
    assert any("Topic " in line and "'Child Exploitation' added" in line for line in lines)
    assert any("Committee " in line and "'Audit Panel' added" in line for line in lines)
    today = dt.datetime.now().astimezone()
    assert lines[0].startswith(f"{today.day} {today:%b %Y}")
    assert "loader" not in out  # the demo's committees are not this committee


def test_history_filters_by_person_and_date(db_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _code, out, _err = cli(capsys, "--db", str(db_file), "history", "--who", "loader", "--limit", "5")
    assert out.splitlines()[:5] and all("  loader  Load the demo: " in line for line in out.splitlines()[:5])
    assert "older changes not shown" in out
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    code, out, _err = cli(capsys, "--db", str(db_file), "history", "--since", tomorrow)
    assert (code, out) == (0, "No changes recorded that match.\n")


def test_history_explains_a_bad_date_or_committee_in_one_line(
    db_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = cli(capsys, "--db", str(db_file), "history", "--since", "soon")
    assert code == 1 and err.startswith("scrutineer: error: --since: ") and err.count("\n") == 1
    code, _out, err = cli(capsys, "--db", str(db_file), "history", "--committee", "Nope")
    assert code == 1 and "python app.py committees" in err and err.count("\n") == 1


def test_the_user_comes_from_the_environment_when_not_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SCRUTINY_USER", "env person")
    path = tmp_path / "env.sqlite"
    assert cli(capsys, "--db", str(path), "demo")[0] == 0
    _code, out, _err = cli(capsys, "--db", str(path), "history", "--limit", "1")
    assert "  env person  Load the demo: " in out
