"""Helpers shared by the main window tests."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from domain.errors import Conflict
from gui.dialogs.topic_editor import TopicEditor
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


def rename_first_topic(window: MainWindow, qtbot: QtBot, title: str) -> tuple[int, str]:
    """Give the first topic shown a new title in its editor, as a user would; its id and old
    title."""
    view = window.topics_view
    view.table.setCurrentIndex(view.proxy.index(0, 0))
    topic = view.current_topic()
    assert topic is not None
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    editor = window.open_dialog
    assert isinstance(editor, TopicEditor)
    editor.title_edit.setText(title)
    qtbot.keyClick(editor.title_edit, Qt.Key.Key_Return)
    return topic.id, topic.title


class ConflictAnswers:
    """The "changed by someone else" questions the window asked, and the answer it gets:
    keep their change unless a test sets ``use_mine``."""

    def __init__(self) -> None:
        self.asked: list[Conflict] = []
        self.use_mine = False
