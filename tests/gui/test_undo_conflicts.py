"""Undo after someone else changed the same row: the window says who and when, and the user
keeps their change or puts their own back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from window_helpers import ConflictAnswers, table_titles

from domain.db import Database
from domain.decision_values import DecisionInfo
from domain.models import Assessment, Decision, ProgrammeEntry, Topic
from domain.ops import assessments, committees, decisions, planning, topics
from domain.ops.history import row_history
from gui.commands.decisions import AddToWorkProgrammeCommand
from gui.commands.planning import MoveEntryCommand
from gui.commands.scoring import SetAgreedCommand
from gui.commands.topics import EditTopicCommand
from gui.dialogs.topic_editor import TopicEditor
from gui.mainwindow import MainWindow


def _edit_title(window: MainWindow, qtbot: QtBot, title: str) -> tuple[int, str]:
    view = window.topics_view
    view.table.setCurrentIndex(view.proxy.index(0, 0))
    row = view.current_topic()
    assert row is not None
    window.edit_topic_action.trigger()
    editor = window.open_dialog
    assert isinstance(editor, TopicEditor)
    editor.title_edit.setText(title)
    qtbot.keyClick(editor.title_edit, Qt.Key.Key_Return)
    return row.id, row.title


def _undo(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


@pytest.mark.parametrize("use_mine", [False, True], ids=["keep their change", "use mine"])
def test_undo_over_someone_elses_edit_asks_and_does_what_the_user_chose(
    window: MainWindow, qtbot: QtBot, demo_db: Database, conflicts: ConflictAnswers, use_mine: bool
) -> None:
    topic_id, old_title = _edit_title(window, qtbot, "My title")
    with demo_db.transaction(who="Sam Patel") as s:
        topics.update_topic(s, topic_id=topic_id, title="Sam's title")
    conflicts.use_mine = use_mine

    _undo(window, qtbot)

    assert len(conflicts.asked) == 1
    assert str(conflicts.asked[0]).startswith("Sam Patel changed 'Sam's title' at ")
    with demo_db.transaction(read_only=True) as s:
        saved = topics.get_topic(s, topic_id=topic_id).title
    if use_mine:
        assert saved == old_title and "Sam's title" not in table_titles(window)
        assert window.undo_stack.canRedo()
    else:
        assert saved == "Sam's title" and "Sam's title" in table_titles(window)
        assert not window.undo_stack.canUndo() and not window.undo_stack.canRedo()


def test_undo_and_redo_are_recorded_under_the_commands_name(window: MainWindow, qtbot: QtBot, demo_db: Database) -> None:
    topic_id, _old = _edit_title(window, qtbot, "Attendance at school")
    _undo(window, qtbot)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    with demo_db.transaction(read_only=True) as s:
        actions = [e.action for e in row_history(s, table="topic", row_id=topic_id) if e.field == "title"]
    assert actions[:3] == [
        "Edit Attendance at school", "Undo edit Attendance at school", "Edit Attendance at school",
    ]  # fmt: skip


def test_undo_of_a_planner_move_after_someone_else_moved_the_entry(
    window: MainWindow, demo_db: Database, conflicts: ConflictAnswers
) -> None:
    assert window.hub is not None
    with demo_db.transaction(read_only=True) as s:
        entry = s.scalars(select(ProgrammeEntry).where(ProgrammeEntry.position == 2)).first()
        assert entry is not None
        entry_id, meeting_id = entry.id, entry.meeting_id
    window.push(MoveEntryCommand(window.hub, entry_id=entry_id, title="it", meeting_id=meeting_id, position=1, reorder=True))
    with demo_db.transaction(who="Sam Patel") as s:
        planning.move_entry(s, entry_id=entry_id, meeting_id=None)

    window.undo_action.trigger()

    assert [c.who for c in conflicts.asked] == ["Sam Patel"]
    with demo_db.transaction(read_only=True) as s:
        assert s.get(ProgrammeEntry, entry_id) is None  # Sam's unscheduling stands
    assert not window.undo_stack.canUndo()


def test_undo_of_an_agreed_score_after_someone_else_agreed_another(
    window: MainWindow, demo_db: Database, conflicts: ConflictAnswers
) -> None:
    assert window.hub is not None
    with demo_db.transaction() as s:
        first = s.scalars(select(Assessment).where(Assessment.agreed).order_by(Assessment.id)).first()
        assert first is not None
        first_id, topic_id = first.id, first.topic_id
        second = assessments.record_assessment(s, topic_id=topic_id, scorer="Cllr Murphy", answers=[(True, "")] * 6)
    window.push(SetAgreedCommand(window.hub, topic_id=topic_id, topic_title="it", assessment_id=second.id))
    with demo_db.transaction(who="Sam Patel") as s:
        assessments.set_agreed(s, assessment_id=first_id)

    window.undo_action.trigger()

    assert [c.who for c in conflicts.asked] == ["Sam Patel"]
    with demo_db.transaction(read_only=True) as s:
        assert s.get(Assessment, first_id).agreed and not s.get(Assessment, second.id).agreed
    assert not window.undo_stack.canUndo()


def test_approving_a_programme_someone_else_approved_meanwhile_asks(
    window: MainWindow, demo_db: Database, conflicts: ConflictAnswers
) -> None:
    assert window.committee_id is not None and window.year_start is not None
    shown = window.approved_action.isChecked()
    with demo_db.transaction(who="Sam Patel") as s:
        committees.set_programme_approved(
            s, committee_id=window.committee_id, year_start=window.year_start, approved=not shown
        )

    window.approved_action.trigger()  # the user asks for what Sam already did

    assert [c.who for c in conflicts.asked] == ["Sam Patel"]
    assert not window.undo_stack.canUndo()
    assert window.approved_action.isChecked() is not shown  # the tick shows Sam's change


def _add_first_resolution(window: MainWindow, db: Database) -> tuple[DecisionInfo, int]:
    """Put the first resolution on the work programme from the window: it and the new topic."""
    assert window.hub is not None
    with db.transaction(read_only=True) as s:
        decision = decisions.get_decision(s, decision_id=s.scalars(select(Decision.id).order_by(Decision.id)).first())
    command = AddToWorkProgrammeCommand(window.hub, decision=decision, title="", reason="")
    window.push(command)
    assert command.addition is not None
    return decision, command.addition.topic_id


def test_undo_and_redo_of_adding_a_resolution_to_the_programme_ask_over_someone_elses_change(
    window: MainWindow, demo_db: Database, conflicts: ConflictAnswers
) -> None:
    decision, topic_id = _add_first_resolution(window, demo_db)
    with demo_db.transaction(who="Sam Patel") as s:
        topics.update_topic(s, topic_id=topic_id, reason="Sam's reason")

    conflicts.use_mine = True
    window.undo_action.trigger()  # asked, and the user takes the addition off anyway
    with demo_db.transaction(who="Sam Patel") as s:
        decisions.update_decision(s, decision_id=decision.id, title="Sam's resolution")
    conflicts.use_mine = False
    window.redo_action.trigger()  # asked again; Sam's change stays

    assert [c.who for c in conflicts.asked] == ["Sam Patel", "Sam Patel"]
    assert (conflicts.asked[0].table, conflicts.asked[1].table) == ("topic", "decision")
    with demo_db.transaction(read_only=True) as s:
        assert s.get(Topic, topic_id) is None
        assert decisions.get_decision(s, decision_id=decision.id).title == "Sam's resolution"
    assert not window.undo_stack.canRedo()


def test_undoing_an_addition_after_the_window_itself_edited_the_topic_asks_nothing(
    window: MainWindow, demo_db: Database, conflicts: ConflictAnswers
) -> None:
    _decision, topic_id = _add_first_resolution(window, demo_db)
    assert window.hub is not None
    before = window.hub.query(topics.get_topic, topic_id=topic_id)
    window.push(EditTopicCommand(window.hub, before=before, fields={"reason": "Mine"}))

    window.undo_action.trigger()
    window.undo_action.trigger()

    assert conflicts.asked == []
    with demo_db.transaction(read_only=True) as s:
        assert s.get(Topic, topic_id) is None
