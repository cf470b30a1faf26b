"""Counts in messages read as English: "1 item", "2 items", never "1 items" or "item(s)"."""

from __future__ import annotations

from pathlib import Path

import pytest

from domain.cli import main
from domain.io import layout
from domain.words import counted


def test_counted_writes_one_thing_and_many_things() -> None:
    assert [counted(n, "item") for n in (0, 1, 2)] == ["0 items", "1 item", "2 items"]
    assert counted(1, "reply", "replies") == "1 reply"
    assert counted(3, "reply", "replies") == "3 replies"


def test_importing_one_item_says_one_item_at_one_meeting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "scrutiny.sqlite"
    assert main(["--db", str(db), "demo"]) == 0
    one = tmp_path / "one.csv"
    one.write_text(
        ",".join(layout.HEADER) + "\n11 Sept 2019,Child Exploitation,2,A progress report,Jean Kelly\n",
        encoding="utf-8",
    )
    capsys.readouterr()
    args = ["--db", str(db), "import", str(one), "--committee", "ambitious", "--year", "2019-20"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "Imported 1 item at 1 meeting (1 new) and 0 items to be scheduled" in out
