"""Evidence in the window: suggested answers in the scoring panel, accepted with one key or
left alone; linking evidence with one undo; File ▸ Import evidence… with one undo."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot
from window_helpers import select_committee

from gui.mainwindow import MainWindow
from gui.widgets.scoring import ScoringPanel

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"


def _panel(window: MainWindow, committee: str, title: str) -> ScoringPanel:
    select_committee(window, committee)
    view = window.topics_view
    view.select_topic(next(r.id for r in view.model.rows() if r.title == title))
    panel = view.scoring_panel
    assert isinstance(panel, ScoringPanel)
    return panel


def test_a_red_indicator_suggests_performance_and_a_accepts_it(window: MainWindow, qtbot: QtBot) -> None:
    panel = _panel(window, "Ambitious Plymouth", "'Be-wise to Child Sexual Exploitation'")
    assert panel.hints.suggestion_texts() == ["Performance: Yes suggested \u2014 P31 is Red for Q2 2015/16"]
    performance = panel.rows[2]
    assert performance.answer.answer() is None  # suggested, never imposed
    performance.answer.setFocus()
    qtbot.keyClick(performance.answer, Qt.Key.Key_A)
    assert performance.answer.answer() is True
    assert "P31" in performance.evidence.toPlainText() and "Red for Q2 2015/16" in performance.evidence.toPlainText()
    assert panel.total_label.text().startswith("Total 1 of 6")
    qtbot.keyClick(panel.rows[0].answer, Qt.Key.Key_A)  # no suggestion for Public interest
    assert panel.rows[0].answer.answer() is None


def test_a_key_decision_suggests_executive_decision_and_its_button_accepts_it(window: MainWindow) -> None:
    panel = _panel(window, "Education and Children's Social Care Overview and Scrutiny Committee", "Young Carers")
    assert panel.hints.suggestion_texts() == [
        "Executive decision: Yes suggested \u2014 key decision expected 12 Jun 2023"
    ]
    _label, button = panel.hints.lines[0]
    button.click()
    assert panel.rows[5].answer.answer() is True
    assert "Young Carers & Substance Misuse Business Case" in panel.rows[5].evidence.toPlainText()


def test_linking_evidence_is_one_step_that_undo_takes_back(window: MainWindow, qtbot: QtBot) -> None:
    panel = _panel(window, "Ambitious Plymouth", "Validated results SATS/GCSE's")
    assert panel.hints.suggestion_texts() == ["Performance: Yes suggested \u2014 P12 is Amber for Q2 2015/16"]
    panel.hints.links_button.click()
    dialog = panel.hints.open_dialog
    assert dialog is not None
    for i in range(dialog.list.count()):
        item = dialog.list.item(i)
        item.setCheckState(Qt.CheckState.Unchecked)
    dialog.accept()
    # Closed for good: each opening does not leave a hidden dialog behind.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert panel.hints.open_dialog is None and not shiboken6.isValid(dialog)
    qtbot.waitUntil(lambda: panel.hints.suggestion_texts() == [])
    assert panel.hints.links_button.text() == "Lin&ked evidence…"
    assert panel.hints.isHidden()
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: len(panel.hints.suggestion_texts()) == 1)


def test_import_evidence_from_the_file_menu_and_undo_it(window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    path = tmp_path / "kpis.csv"
    path.write_text(
        "Code,Title,Outcome lead,Scrutiny panel,Q3 2015/16\n"
        "P33,Success rate of the Plymouth Offer and Ask,Giles Perritt,Ambitious,Red\n",
        encoding="utf-8",
    )
    window.dialogs.open_file = lambda *_args: str(path)  # type: ignore[method-assign]
    action = window.findChild(QAction, "importEvidence")
    assert action is not None and action.text() == "Import &evidence…"
    action.trigger()
    assert "1 new row" in window.statusBar().currentMessage()
    from domain.ops.evidence import list_evidence

    assert any(e.reference == "P33" for e in window.query(list_evidence))
    window.undo_stack.undo()
    assert not any(e.reference == "P33" for e in window.query(list_evidence))
    window.undo_stack.redo()
    assert any(e.reference == "P33" for e in window.query(list_evidence))


def test_a_bad_evidence_file_is_reported_and_changes_nothing(window: MainWindow, tmp_path: Path, messages: list[str]) -> None:
    path = tmp_path / "kpis.csv"
    path.write_text("Code,Title,Q2 2015/16\nP14,Early help,Blue\n", encoding="utf-8")
    window.dialogs.open_file = lambda *_args: str(path)  # type: ignore[method-assign]
    from domain.ops.evidence import list_evidence

    before = window.query(list_evidence)
    window.findChild(QAction, "importEvidence").trigger()  # type: ignore[union-attr]
    assert any("kpis.csv, row 2, column 'Q2 2015/16'" in m for m in messages)
    assert window.query(list_evidence) == before
    assert not window.undo_stack.canUndo()


def test_a_set_without_such_questions_shows_no_suggestion(window: MainWindow) -> None:
    from dataclasses import dataclass

    from PySide6.QtWidgets import QPlainTextEdit

    from gui.widgets.scoring import AnswerChoice

    panel = _panel(window, "Ambitious Plymouth", "'Be-wise to Child Sexual Exploitation'")

    @dataclass
    class Question:
        title: str

    @dataclass
    class Row:
        question: Question
        answer: AnswerChoice
        evidence: QPlainTextEdit

    rows = [Row(Question(t), AnswerChoice(t, panel), QPlainTextEdit(panel)) for t in ("Public interest", "Impact")]
    panel.hints.show_for(panel.topic_id(), rows)
    assert panel.hints.suggestion_texts() == []
    assert panel.hints.isHidden()
    assert panel.hints.links_button.text() == "Lin&ked evidence (2)…"  # the evidence is still there


def test_accepting_twice_adds_the_evidence_once(window: MainWindow) -> None:
    panel = _panel(window, "Ambitious Plymouth", "'Be-wise to Child Sexual Exploitation'")
    panel.rows[2].evidence.setPlainText("Raised by the panel")
    panel.hints.accept(2)
    panel.hints.accept(2)
    text = panel.rows[2].evidence.toPlainText()
    assert text.startswith("Raised by the panel\n") and text.count("P31") == 1


def test_on_a_graded_tool_the_suggested_yes_is_the_top_of_the_scale(window: MainWindow, qtbot: QtBot) -> None:
    """TOPIC's Performance is scored 0-2 (2 = red indicators): accepting the red indicator's
    suggestion answers 2, not 1."""
    from domain.io.criteria import read_set
    from domain.ops import committees, criteria

    assert window.hub is not None
    spec = read_set(Path(__file__).resolve().parents[2] / "resources" / "criteria" / "topic.json")
    made = window.hub.run(criteria.create_set, spec=spec)
    plymouth = next(c for c in window.hub.query(committees.list_committees) if c.name == "Ambitious Plymouth")
    window.hub.run(criteria.choose_set, committee_id=plymouth.id, criteria_set_id=made.id)
    panel = _panel(window, "Ambitious Plymouth", "'Be-wise to Child Sexual Exploitation'")
    panel.reload()
    performance = next(r for r in panel.rows if r.question.title == "Performance")
    assert performance.answer.scale is not None and performance.answer.scale[-1] == 2
    performance.answer.setFocus()
    qtbot.keyClick(performance.answer, Qt.Key.Key_A)
    assert performance.answer.answer() == 2
    assert "P31" in performance.evidence.toPlainText()
