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


def test_clearing_an_inherited_exemption_asks_why_beside_the_field_and_undoes(
    window: MainWindow, qtbot: QtBot
) -> None:
    select_committee(window, ECSC, 2019)
    # The Pledge Update agenda item of 10 July is exempt, so the resolution made on it is, and
    # so is the topic made from that resolution.
    for title in ("Pledge Update", "School Attendance Consultation"):
        window.hub.run(
            topic_ops.update_topic, topic_id=_topic_id(window, title),
            exempt=True, exempt_paragraph=3,
        )  # fmt: skip
    topic_id = _topic_id(window, "School Attendance Consultation")
    editor = _edit(window, topic_id)
    assert not editor.cleared_edit.isVisible()  # nothing to explain while it stays exempt
    editor.exempt_check.setChecked(False)
    assert editor.cleared_edit.isVisible()
    editor.save_button.click()
    message = editor.messages["exempt_cleared_reason"]
    assert editor.isVisible() and message.isVisible()
    assert "made from an exempt (Part II) item (paragraph 3)" in message.text()
    assert window.hub.query(topic_ops.get_topic, topic_id=topic_id).exempt

    qtbot.keyClicks(editor.cleared_edit, "Reported in public session on 11 September 2019")
    editor.save_button.click()
    assert not editor.isVisible()
    row = window.hub.query(topic_ops.get_topic, topic_id=topic_id)
    assert (row.exempt, row.exempt_cleared_reason) == (
        False, "Reported in public session on 11 September 2019",
    )  # fmt: skip
    window.undo_stack.undo()
    row = window.hub.query(topic_ops.get_topic, topic_id=topic_id)
    assert (row.exempt, row.exempt_paragraph, row.exempt_cleared_reason) == (True, 3, "")


def test_a_change_that_cannot_be_saved_yet_is_asked_about_not_shown_as_an_error(
    window: MainWindow, qtbot: QtBot, messages: list[str]
) -> None:
    select_committee(window, ECSC, 2019)
    editor = _edit(window, _topic_id(window, "School Attendance Consultation"))
    editor.urgent_check.setChecked(True)  # and no reason why yet
    asked: list[bool] = []
    editor.confirm_discard = lambda: asked.append(True) or False  # type: ignore[method-assign]
    editor.open_origin_button.click()
    assert asked and editor.isVisible() and window.current_page() == "topics"
    assert messages == []
