"""Running the command line inside the test process, as the tests of its commands do."""

from __future__ import annotations

import pytest

from domain.cli import main


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """``python app.py ARGS``: its exit status, standard output and standard error."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err
