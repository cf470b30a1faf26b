"""Fixtures for GUI tests: the demo database, a throwaway settings file, captured messages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from window_helpers import ECSC, ConflictAnswers, select_committee

from domain.db import Database
from domain.errors import Conflict
from gui import errors, spare_references_to_none
from gui.dialogs.seam import Dialogs
from gui.mainwindow import MainWindow

spare_references_to_none()  # the suite makes more Qt calls than a day's use (gui/__init__.py)


@pytest.fixture
def demo_db(sqlite_demo_db: Database) -> Database:
    """GUI tests run on SQLite only: the domain tests cover PostgreSQL."""
    return sqlite_demo_db


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Messages the window would show in a message box, captured instead."""
    shown: list[str] = []
    monkeypatch.setattr(errors, "show_message", lambda _parent, _title, text: shown.append(text))
    return shown


@pytest.fixture(autouse=True)
def conflicts(monkeypatch: pytest.MonkeyPatch) -> ConflictAnswers:
    answers = ConflictAnswers()

    def answer(_dialogs: Dialogs, _parent: object, conflict: Conflict) -> bool:
        answers.asked.append(conflict)
        return answers.use_mine

    monkeypatch.setattr(Dialogs, "conflict", answer)
    return answers


class BookingAnswers:
    """The "Book anyway?" questions asked, and the answer to give (book, by default)."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.book = True


@pytest.fixture(autouse=True)
def booking_questions(monkeypatch: pytest.MonkeyPatch) -> BookingAnswers:
    """Answers the question asked before booking onto a past meeting or after its report
    deadline, wherever it is asked, instead of opening a message box."""
    from gui.dialogs import booking

    answers = BookingAnswers()

    def answer(_parent: object, caution: str) -> bool:
        answers.asked.append(caution)
        return answers.book

    monkeypatch.setattr(booking, "book_anyway", answer)
    return answers


@pytest.fixture
def make_window(
    qtbot: QtBot, demo_db: Database, settings_path: Path, messages: list[str]
) -> Iterator:
    def make() -> MainWindow:
        window = MainWindow(demo_db, settings=QSettings(str(settings_path), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield make


@pytest.fixture
def window(make_window) -> MainWindow:  # noqa: ANN001
    w = make_window()
    select_committee(w, ECSC)
    return w


@pytest.fixture
def window_2019(make_window) -> MainWindow:  # noqa: ANN001
    """The window on the Education committee's 2019 municipal year."""
    w = make_window()
    select_committee(w, ECSC, 2019)
    return w
