"""The topic editor says which resolution a topic was made from and opens it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from window_helpers import ECSC, select_committee

from domain.ops import topics as topic_ops
from gui.dialogs.topic_editor import TopicEditor
from gui.mainwindow import MainWindow


def _topic_id(window: MainWindow, title: str) -> int:
    rows = window.hub.query(topic_ops.list_topics, committee_id=window.committee_id, year_start=2019)
    return next(r.id for r in rows if r.title == title)


def _edit(window: MainWindow, topic_id: int) -> TopicEditor:
    assert window.show_topic(topic_id)
    window.edit_topic_action.trigger()
    editor = window.open_dialog
    assert isinstance(editor, TopicEditor)
    return editor


def test_a_topic_made_from_a_resolution_names_it_and_opens_it(window: MainWindow, qtbot: QtBot) -> None:
    select_committee(window, ECSC, 2019)
    editor = _edit(window, _topic_id(window, "School Attendance Consultation"))
    assert editor.origin_label.isVisible()
    assert editor.origin_label.text() == "From minute 14 of 10 July 2019: Pledge Update"
    assert "School Attendance Consultation" in editor.origin_label.toolTip()  # the resolution text

    # "All open" hides the complete Pledge Update resolution: the window then shows them all.
    window.decisions_view.set_filter("open")
    qtbot.mouseClick(editor.open_origin_button, Qt.MouseButton.LeftButton)
    assert not editor.isVisible()
    assert window.current_page() == "decisions"
    shown = window.decisions_view.current_decision()
    assert shown is not None and (shown.minute_no, shown.title) == ("14", "Pledge Update")
    assert not window.undo_stack.canUndo()  # opening it changed nothing


def test_unsaved_changes_are_kept_unless_the_user_discards_them(window: MainWindow, qtbot: QtBot) -> None:
    select_committee(window, ECSC, 2019)
    editor = _edit(window, _topic_id(window, "School Attendance Consultation"))
    editor.title_edit.setText("School Attendance Consultation – with achievement data")
    asked: list[bool] = []
    editor.confirm_discard = lambda: asked.append(True) or False  # type: ignore[method-assign]
    editor.open_origin_button.click()
    assert asked and editor.isVisible() and window.current_page() == "topics"
    editor.confirm_discard = lambda: True  # type: ignore[method-assign]
    editor.open_origin_button.click()
    assert not editor.isVisible() and window.current_page() == "decisions"
    assert not window.undo_stack.canUndo()  # the edit was discarded, not saved


def test_a_topic_not_made_from_a_resolution_shows_no_origin(window: MainWindow) -> None:
    select_committee(window, ECSC, 2019)
    editor = _edit(window, _topic_id(window, "Child Exploitation"))
    assert not editor.origin_label.isVisible()
    assert not editor.open_origin_button.isVisible()
