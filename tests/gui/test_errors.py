"""Errors in the desktop program: logged with their details, shown in plain words."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from domain.errors import Invalid
from gui import errors


@pytest.fixture
def restore_logging():  # noqa: ANN201
    root = logging.getLogger()
    handlers, level, before = list(root.handlers), root.level, errors.log_file
    yield
    for h in root.handlers[:]:
        if h not in handlers:
            root.removeHandler(h)
            h.close()
    root.setLevel(level)
    errors.log_file = before


def test_an_unexpected_error_is_logged_to_the_file_and_named_in_the_message(
    tmp_path: Path, messages: list[str], restore_logging: None
) -> None:
    log = tmp_path / "logs" / "scrutineer.log"
    assert errors.configure_logging(log) == log
    try:
        raise KeyError("meeting 7")
    except KeyError as exc:
        errors.report(exc)
    assert "nothing was changed" in messages[-1]
    assert str(log) in messages[-1]
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "KeyError: 'meeting 7'" in text


def test_a_users_mistake_is_shown_as_it_is_and_not_logged_as_an_error(
    tmp_path: Path, messages: list[str], restore_logging: None
) -> None:
    log = tmp_path / "scrutineer.log"
    errors.configure_logging(log)
    errors.report(Invalid("A topic needs a title.", "title"))
    assert messages[-1] == "A topic needs a title."
    assert "Traceback" not in log.read_text(encoding="utf-8")


def test_an_unwritable_log_folder_falls_back_to_the_console(
    tmp_path: Path, restore_logging: None
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    assert errors.configure_logging(blocker / "scrutineer.log") is None
    assert errors.log_file is None
