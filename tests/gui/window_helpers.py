"""Helpers shared by the main window tests."""

from __future__ import annotations

from domain.errors import Conflict
from gui.mainwindow import MainWindow

ECSC = "Education and Children's Social Care Overview and Scrutiny Committee"


def select_committee(window: MainWindow, name: str, year: int | None = None) -> None:
    index = window.committee_combo.findText(name)
    assert index >= 0, name
    window.committee_combo.setCurrentIndex(index)
    if year is not None:
        window.year_combo.setCurrentIndex(window.year_combo.findData(year))


def table_titles(window: MainWindow) -> list[str]:
    model = window.topics_view.proxy
    return [model.index(r, 0).data() for r in range(model.rowCount())]


class ConflictAnswers:
    """The "changed by someone else" questions the window asked, and the answer it gets:
    keep their change unless a test sets ``use_mine``."""

    def __init__(self) -> None:
        self.asked: list[Conflict] = []
        self.use_mine = False
