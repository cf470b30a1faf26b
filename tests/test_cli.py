"""The command line, run as a user would: a separate process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_app(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "app.py"), *args],
        capture_output=True, text=True, timeout=120, env={**os.environ, **(env or {})}, cwd=ROOT,
    )


def test_first_run_creates_the_demo_in_the_default_database(tmp_path: Path) -> None:
    env = {"XDG_DATA_HOME": str(tmp_path), "HOME": str(tmp_path)}
    env.pop("SCRUTINY_DB", None)
    result = run_app("committees", env={**env, "SCRUTINY_DB": ""})
    assert result.returncode == 0, result.stderr
    assert "Education and Children's Social Care Overview and Scrutiny Committee (ECSC): 2019 - 20" in result.stdout
    assert "Ambitious Plymouth" in result.stdout
    assert list(tmp_path.rglob("scrutineer.sqlite"))


def test_an_explicit_new_database_starts_empty_and_demo_fills_it(tmp_path: Path) -> None:
    db = str(tmp_path / "team.sqlite")
    empty = run_app("--db", db, "committees")
    assert empty.returncode == 0, empty.stderr
    assert "No committees yet" in empty.stdout
    assert run_app("--db", db, "demo").returncode == 0
    assert "2015 - 16" in run_app("--db", db, "committees").stdout


def test_an_unusable_database_gets_one_clear_line(tmp_path: Path) -> None:
    bad = tmp_path / "not-a-db.sqlite"
    bad.write_text("this is a text file, not a database\n")
    result = run_app("--db", str(bad), "committees")
    assert result.returncode == 1
    assert result.stderr.startswith("scrutineer: error: Cannot open the database")
    assert "Traceback" not in result.stderr


def test_each_command_module_registers_the_commands_listed_with_it() -> None:
    """A command line naming a command builds only its module's sub-commands, found by the
    names listed in COMMAND_MODULES: a command missing from the list would still work (the
    whole parser is built) but a listed name its module lost would fail to parse."""
    import argparse
    import importlib

    from domain.cli import COMMAND_MODULES

    for module, commands in COMMAND_MODULES.items():
        sub = argparse.ArgumentParser().add_subparsers(dest="command")
        importlib.import_module(module).register(sub)
        assert tuple(sub.choices) == commands, module


def test_a_named_command_parses_as_with_the_whole_parser() -> None:
    from domain.cli import build_parser

    for argv in (
        ["--db", "x.sqlite", "print", "--committee", "ECSC", "--year", "2019-20", "--out", "p.pdf"],
        ["--user=Sam", "history", "--committee", "ECSC"],
        ["export", "--committee", "ECSC", "--year", "2019-20", "--out", "e.csv"],
    ):
        named = vars(build_parser(argv).parse_args(argv))
        whole = vars(build_parser().parse_args(argv))
        assert named == whole, argv
