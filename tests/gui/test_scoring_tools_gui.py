"""Edit ▸ Scoring tools and graded answers in the scoring panel, driven as an advisor would."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox
from pytestqt.qtbot import QtBot
from window_helpers import ConflictAnswers

from domain.db import Database
from domain.ops.criteria import list_sets, set_for_committee
from gui.dialogs.scoring_tools import Q_ANSWER, Q_WEIGHT, ScoringToolsDialog
from gui.mainwindow import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def _open(window: MainWindow) -> ScoringToolsDialog:
    window.findChild(QAction, "scoringTools").trigger()
    dialog = window.open_dialog
    assert isinstance(dialog, ScoringToolsDialog)
    dialog.confirm = lambda _text: True
    return dialog


def _tools(window: MainWindow) -> list[tuple[str, int]]:
    return [(t.name, t.info.revision) for t in window.query(list_sets)]


def test_a_new_tool_with_a_scale_question_is_saved_and_undone(window: MainWindow, qtbot: QtBot) -> None:
    dialog = _open(window)
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    dialog.name_edit.setText("Ours")
    answer = dialog.questions.cellWidget(0, Q_ANSWER)
    assert isinstance(answer, QComboBox)
    answer.setCurrentIndex(answer.findText("Scale 0-2"))
    top = dialog.bands.cellWidget(0, 2)
    assert isinstance(top, QSpinBox)
    top.setValue(7)  # the top band reaches the new highest total, 7
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.message.text() == "Saved Ours. Ctrl+Z undoes it."
    assert _tools(window) == [("PAPER", 1), ("Ours", 1)]
    assert "totals 0-7" in dialog.tools.currentItem().text()
    window.undo_stack.undo()
    assert _tools(window) == [("PAPER", 1)]
    window.undo_stack.redo()
    assert _tools(window) == [("PAPER", 1), ("Ours", 1)]


def test_a_tool_that_cannot_work_is_refused_with_the_problem_named(window: MainWindow, qtbot: QtBot) -> None:
    dialog = _open(window)
    weight = dialog.questions.cellWidget(2, Q_WEIGHT)
    assert isinstance(weight, QSpinBox)
    weight.setValue(0)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Question 3 (Performance) has a weight of 0" in dialog.message.text()
    assert _tools(window) == [("PAPER", 1)]
    assert window.undo_stack.count() == 0


def _save_a_heavier_first_question(dialog: ScoringToolsDialog, qtbot: QtBot) -> None:
    """Weight 2 on PAPER's first question, its top band reaching the new highest total, saved."""
    weight = dialog.questions.cellWidget(0, Q_WEIGHT)
    assert isinstance(weight, QSpinBox)
    weight.setValue(2)
    top = dialog.bands.cellWidget(0, 2)
    assert isinstance(top, QSpinBox)
    top.setValue(7)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_changing_a_used_tool_makes_a_revision_and_undo_brings_the_old_one_back(
    window: MainWindow, qtbot: QtBot
) -> None:
    dialog = _open(window)
    assert "15 scores made with it. Saving a change makes revision 2" in dialog.about.text()
    _save_a_heavier_first_question(dialog, qtbot)
    assert dialog.message.text().startswith("Saved PAPER as revision 2; earlier scores keep revision 1.")
    assert _tools(window) == [("PAPER", 2)]
    assert window.undo_stack.undoText() == "save scoring tool PAPER"
    window.undo_stack.undo()
    assert _tools(window) == [("PAPER", 1)]


def test_a_committee_scores_with_a_scale_tool_from_the_keyboard(window: MainWindow, qtbot: QtBot) -> None:
    from domain.io.criteria import read_set

    dialog = _open(window)
    path = ROOT / "resources" / "criteria" / "topic.json"
    dialog.open_file = lambda: str(path)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.spec() == read_set(path)
    dialog.save()
    qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
    assert "scores with TOPIC from now on" in dialog.message.text()
    dialog.reject()

    view = window.topics_view
    view.table.setCurrentIndex(view.proxy.index(0, 0))
    panel = view.scoring_panel
    assert panel is not None
    qtbot.waitUntil(lambda: len(panel.rows) == 5)
    assert [b.text() for b, _v in panel.rows[0].answer.buttons] == ["0", "1", "2"]
    assert "0 = nothing is due" in panel.rows[0].title.toolTip()
    panel.scorer_edit.setText("Councillor Murphy")
    for row, key in zip(panel.rows, (Qt.Key.Key_2, Qt.Key.Key_1, Qt.Key.Key_Right, Qt.Key.Key_0), strict=False):
        row.answer.setFocus()
        qtbot.keyClick(row.answer, key)
    assert [r.answer.answer() for r in panel.rows] == [2, 1, 0, 0, None]
    assert panel.total_label.text() == "Total 3 of 10 — Low"
    qtbot.keyClick(panel.rows[0].answer, Qt.Key.Key_Delete)
    assert panel.rows[0].answer.answer() is None
    qtbot.keyClick(panel.rows[0].answer, Qt.Key.Key_Space)
    qtbot.keyClick(panel.rows[0].answer, Qt.Key.Key_Space)
    assert panel.rows[0].answer.answer() == 1
    panel.save()
    assert panel.message_label.text().startswith("Saved Councillor Murphy's score: Total 2 of 10 — Low.")
    assert "1 unanswered question counted as nothing" in panel.message_label.text()
    panel.show_scores()  # the history shows each answer on its scale
    details = panel.details.toPlainText()
    assert "Timely\n1 of 2" in details and "Interest\n0 of 2" in details and "priority\n—" in details


def test_the_scoring_papers_preview_from_the_topics_page(
    window: MainWindow, qtbot: QtBot, messages: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from gui.print_output import PrintDialogs
    from gui.workflows.scoring_papers import SHORT_LIST, TOPIC_BLANK

    view = window.topics_view
    view.select_topic(next(r.id for r in view.model.rows() if r.title == "Children in Need"))
    panel = view.scoring_panel
    assert panel is not None
    qtbot.mouseClick(panel.print_button, Qt.MouseButton.LeftButton)
    preview = panel.preview
    assert preview is not None and preview.pdf is not None
    assert preview.pdf.file_name == "scoring-Children-in-Need.pdf"
    preview.kind_combo.setCurrentIndex(preview.kind_combo.findData(TOPIC_BLANK))
    assert preview.pdf.title == "Children in Need"
    preview.kind_combo.setCurrentIndex(preview.kind_combo.findData(SHORT_LIST))
    assert "No topic of this year is short-listed" in messages[-1]
    preview.close()

    asked: list[bool] = []
    monkeypatch.setattr(PrintDialogs, "confirm_exempt", lambda _self, _parent: asked.append(True) or False)
    from domain.ops import topics

    topic = panel.state.topic if panel.state else None
    assert topic is not None
    assert window.hub is not None
    window.hub.run(topics.update_topic, topic_id=topic.id, exempt=True, exempt_paragraph=3)
    panel.reload()
    assert panel.print_papers() is None and asked == [True]  # asked first; declined, nothing opens

    monkeypatch.setattr(PrintDialogs, "confirm_exempt", lambda _self, _parent: True)
    preview = panel.print_papers()
    assert preview is not None
    preview.exempt_check.setChecked(False)  # the exempt topic's own sheet, made public
    assert "is exempt (Part II)" in messages[-1] and "Include exempt items" in messages[-1]
    assert "short-listed" not in messages[-1]
    preview.close()


def test_the_tools_editor_works_from_the_keyboard(window: MainWindow, qtbot: QtBot) -> None:
    dialog = _open(window)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    table = dialog.questions
    table.setFocus()
    table.setCurrentCell(1, Q_ANSWER)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    answer = table.cellWidget(1, Q_ANSWER)
    assert isinstance(answer, QComboBox) and answer.hasFocus()
    qtbot.keyClick(answer, Qt.Key.Key_Down)
    assert answer.currentText() == "Scale 0-2"
    table.setFocus()
    table.setCurrentCell(1, 1)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: isinstance(dialog.focusWidget(), QLineEdit))
    editor = dialog.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "Able to influence")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)  # Qt commits it queued
    assert dialog.spec().questions[1].title == "Able to influence"
    assert dialog.spec().questions[1].scale_max == 2


def test_redo_of_a_revision_keeps_its_id_so_a_later_choice_of_it_redoes_too(
    window: MainWindow, qtbot: QtBot
) -> None:
    dialog = _open(window)
    _save_a_heavier_first_question(dialog, qtbot)
    qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
    assert "scores with PAPER from now on" in dialog.message.text()
    stack = window.undo_stack
    stack.undo()
    stack.undo()
    assert _tools(window) == [("PAPER", 1)]
    stack.redo()
    stack.redo()
    assert _tools(window) == [("PAPER", 2)]
    assert stack.index() == stack.count() == 2  # both steps redone; none failed
    chosen = window.query(set_for_committee, committee_id=window.committee_id)
    assert (chosen.name, chosen.revision) == ("PAPER", 2)


def test_ctrl_z_in_the_dialog_undoes_the_save_and_ctrl_y_redoes_it(window: MainWindow, qtbot: QtBot) -> None:
    dialog = _open(window)
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    dialog.name_edit.setText("Ours")
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.message.text() == "Saved Ours. Ctrl+Z undoes it."
    listed = lambda: [dialog.tools.item(i).text().split("\n")[0] for i in range(dialog.tools.count())]  # noqa: E731
    assert listed() == ["PAPER — default", "Ours"]
    dialog.tools.setFocus()
    qtbot.keyClick(dialog.tools, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _tools(window) == [("PAPER", 1)]
    assert listed() == ["PAPER — default"]
    qtbot.keyClick(dialog.tools, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert _tools(window) == [("PAPER", 1), ("Ours", 1)]
    assert listed() == ["PAPER — default", "Ours"]
    assert dialog.isVisible()


def test_undoing_a_choice_of_tool_after_someone_else_changed_the_committee_asks(
    window: MainWindow, qtbot: QtBot, conflicts: ConflictAnswers, demo_db: Database
) -> None:
    from domain.models import Committee
    from domain.ops import committees

    dialog = _open(window)
    assert dialog.editing is not None
    paper_id = dialog.editing.id
    qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
    assert "scores with PAPER from now on" in dialog.message.text()
    assert window.hub is not None
    with demo_db.transaction(who="Sam Patel") as s:
        committees.update_committee(s, committee_id=window.committee_id, chair="Cllr Sam Patel")
    window.undo_stack.undo()
    assert len(conflicts.asked) == 1 and str(conflicts.asked[0]).startswith("Sam Patel changed")
    with demo_db.transaction(read_only=True) as s:  # the choice stays as the user left it
        assert s.get(Committee, window.committee_id).criteria_set_id == paper_id
