"""The PAPER scoring panel, driven like a chair would: keyboard, history, agreed score, flag."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTextBrowser,
    QTreeWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from domain.db import Database
from domain.demo import load_demo
from domain.ops import assessments, committees, topics
from gui import errors
from gui.hub import Hub
from gui.widgets.scoring import AGREED_TEXT, AnswerChoice, ScoringPanel, short_date

ECSC = "Education and Children's Social Care Overview and Scrutiny Committee"


@pytest.fixture
def hub(sqlite_db: Database) -> Hub:
    with sqlite_db.transaction() as s:
        load_demo(s)
    return Hub(sqlite_db)


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Message boxes the panel would have shown (none should block a test)."""
    shown: list[str] = []
    monkeypatch.setattr(errors, "show_message", lambda _parent, _title, text: shown.append(text))
    return shown


@pytest.fixture
def stack() -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def panel(qtbot: QtBot, hub: Hub, stack: QUndoStack, messages: list[str]) -> Iterator[ScoringPanel]:
    widget = ScoringPanel(hub, stack)
    qtbot.addWidget(widget)
    widget.resize(1000, 900)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    yield widget
    assert messages == []  # no test expects an error box


def topic_id(hub: Hub, title: str) -> int:
    def find(s):  # noqa: ANN001, ANN202 - a session, inside the hub
        ecsc = next(c for c in committees.list_committees(s) if c.name == ECSC)
        return next(t.id for t in topics.list_topics(s, committee_id=ecsc.id) if t.title == title)

    return hub.query(find)


def show_topic(qtbot: QtBot, panel: ScoringPanel, topic: int | None) -> None:
    panel.set_topic(topic)
    # Widgets a layout adds to a visible window are shown from the event loop.
    if panel.rows:
        qtbot.waitUntil(panel.rows[-1].answer.isVisible)


def history_rows(panel: ScoringPanel) -> list[list[str]]:
    tree = panel.history
    return [
        [tree.topLevelItem(i).text(c) for c in range(tree.columnCount())]
        for i in range(tree.topLevelItemCount())
    ]


def background(label: QWidget) -> str:
    return label.grab().toImage().pixelColor(1, label.height() // 2).name()


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_a_topic_is_scored_from_the_keyboard_saved_undone_and_redone(
    qtbot: QtBot, panel: ScoringPanel, hub: Hub, stack: QUndoStack
) -> None:
    young_carers = topic_id(hub, "Young Carers")
    show_topic(qtbot, panel, young_carers)
    assert panel.topic_label.text() == "Young Carers"
    assert [r.title.text() for r in panel.rows][:2] == ["&1.  P  Public interest", "&2.  A  Ability"]
    assert "Executive Decision" in panel.rows[5].text.text()

    panel.scorer_edit.setFocus()
    qtbot.keyClicks(focused(), "Councillor Murphy")
    assert panel.total_label.text() == "Total – of 6: not answered yet"

    keys = [Qt.Key.Key_Y, Qt.Key.Key_Y, Qt.Key.Key_N, Qt.Key.Key_Y, Qt.Key.Key_N, Qt.Key.Key_Y]
    seen = [
        "Total 1 of 6 — Low",
        "Total 2 of 6 — Low",
        "Total 2 of 6 — Low",
        "Total 3 of 6 — Medium",
        "Total 3 of 6 — Medium",
        "Total 4 of 6 — Medium",
    ]
    for i, (key, expected) in enumerate(zip(keys, seen, strict=True)):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # from the scorer or the last evidence box
        assert focused() is panel.rows[i].answer
        qtbot.keyClick(focused(), key)
        assert panel.total_label.text() == expected
        assert panel.answered_label.text() == f"{i + 1} of 6 questions answered"
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        assert focused() is panel.rows[i].evidence
        if i == 0:
            qtbot.keyClicks(focused(), "Raised by the Young Carers' forum")

    qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert history_rows(panel) == [
        ["Councillor Murphy", short_date(dt.date.today()), "4 of 6", "Medium", "Printed"]
    ]
    assert panel.total_label.text() == "Total – of 6: not answered yet"  # ready for the next
    assert panel.scorer_edit.text() == "Councillor Murphy"
    [saved] = hub.query(assessments.list_assessments, topic_id=young_carers)
    assert [a.answer for a in saved.answers] == [True, True, False, True, False, True]
    assert saved.answers[0].evidence == "Raised by the Young Carers' forum"
    assert "Raised by the Young Carers' forum" in panel.details.toPlainText()
    assert hub.query(topics.get_topic, topic_id=young_carers).score == 4

    assert stack.undoText() == "Score Young Carers"
    stack.undo()
    assert history_rows(panel) == []
    assert hub.query(assessments.list_assessments, topic_id=young_carers) == []
    assert hub.query(topics.get_topic, topic_id=young_carers).score is None

    stack.redo()
    [again] = hub.query(assessments.list_assessments, topic_id=young_carers)
    assert again.id == saved.id
    assert again.scored_on == saved.scored_on
    assert [a.answer for a in again.answers] == [a.answer for a in saved.answers]
    assert [r[0] for r in history_rows(panel)] == ["Councillor Murphy"]


def test_space_toggles_and_delete_clears_an_answer(qtbot: QtBot, panel: ScoringPanel, hub: Hub) -> None:
    show_topic(qtbot, panel, topic_id(hub, "Young Carers"))
    answer = panel.rows[2].answer
    answer.setFocus()
    qtbot.keyClick(answer, Qt.Key.Key_Space)
    assert (answer.answer(), answer.yes.isChecked()) == (True, True)
    assert answer.accessibleName() == "Question 3, P Performance: Yes"
    low_colour = background(panel.total_label)
    qtbot.keyClick(answer, Qt.Key.Key_Space)
    assert (answer.answer(), answer.no.isChecked()) == (False, True)
    assert panel.total_label.text() == "Total 0 of 6 — Not a scrutiny topic"
    assert background(panel.total_label) != low_colour  # the band shows as colour too
    qtbot.keyClick(answer, Qt.Key.Key_Delete)
    assert (answer.answer(), answer.yes.isChecked(), answer.no.isChecked()) == (None, False, False)
    assert panel.answered_label.text() == "0 of 6 questions answered"


def test_saving_without_a_scorer_says_so_inline_and_records_nothing(
    qtbot: QtBot, panel: ScoringPanel, hub: Hub, stack: QUndoStack
) -> None:
    young_carers = topic_id(hub, "Young Carers")
    show_topic(qtbot, panel, young_carers)
    panel.scorer_edit.setText("   ")
    panel.rows[0].answer.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Y)
    qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert panel.scorer_error.isVisible()
    assert panel.scorer_error.text() == "Enter the name of the person scoring before saving."
    assert focused() is panel.scorer_edit
    assert stack.count() == 0
    assert hub.query(assessments.list_assessments, topic_id=young_carers) == []
    assert panel.rows[0].answer.answer() is True  # the answers are still there to save

    qtbot.keyClicks(panel.scorer_edit, "Councillor Allen")
    assert not panel.scorer_error.isVisible()
    panel.save_button.click()
    assert [r[0] for r in history_rows(panel)] == ["Councillor Allen"]


def test_two_scorers_and_the_agreed_one_is_printed(
    qtbot: QtBot, panel: ScoringPanel, hub: Hub, stack: QUndoStack
) -> None:
    child_exploitation = topic_id(hub, "Child Exploitation")
    show_topic(qtbot, panel, child_exploitation)
    # The demo's score came from the printed programme: only its total is known.
    assert history_rows(panel)[0][2:] == ["2 of 6", "Low", "Agreed"]
    assert "Score 2 (total only, from the printed programme)" in panel.details.toPlainText()
    assert panel.agreed_label.text() == AGREED_TEXT
    assert not panel.agree_button.isEnabled()

    for scorer, answers in (("Councillor Mrs Johnson", [True] * 6), ("Councillor Murphy",
                                                                     [True, True, True, False,
                                                                      False, False])):
        panel.scorer_edit.setText(scorer)
        for row, yes in zip(panel.rows, answers, strict=True):
            qtbot.mouseClick(row.answer.yes if yes else row.answer.no, Qt.MouseButton.LeftButton)
        panel.save_button.click()
    rows = history_rows(panel)
    assert [r[0] for r in rows] == ["Committee", "Councillor Mrs Johnson", "Councillor Murphy"]
    assert [r[4] for r in rows] == ["Agreed", "", ""]
    assert hub.query(topics.get_topic, topic_id=child_exploitation).score == 2

    # The newest score is selected; its answers show read-only.
    assert panel.history.currentItem().text(0) == "Councillor Murphy"
    assert panel.agreed_label.text() == "Not the agreed score"
    panel.agree_button.click()

    row = hub.query(topics.get_topic, topic_id=child_exploitation)
    assert (row.score, row.band) == (3, "Medium")
    assert [r[4] for r in history_rows(panel)] == ["", "", "Agreed"]
    assert panel.agreed_label.text() == AGREED_TEXT
    assert panel.printed_label.text() == "Printed score: Total 3 of 6 — Medium (agreed)."
    assert stack.undoText() == "Agree score for Child Exploitation"

    stack.undo()
    assert hub.query(topics.get_topic, topic_id=child_exploitation).score == 2
    assert [r[4] for r in history_rows(panel)] == ["Agreed", "", ""]


def test_a_topic_scored_zero_is_flagged_and_can_be_marked_not_pursued(
    qtbot: QtBot, panel: ScoringPanel, hub: Hub, stack: QUndoStack
) -> None:
    young_carers = topic_id(hub, "Young Carers")
    before = hub.query(topics.get_topic, topic_id=young_carers)
    show_topic(qtbot, panel, young_carers)
    assert not panel.flag_frame.isVisible()
    panel.scorer_edit.setText("Councillor Mrs Johnson")
    for row in panel.rows:
        row.answer.setFocus()
        qtbot.keyClick(row.answer, Qt.Key.Key_N)
    assert panel.total_label.text() == "Total 0 of 6 — Not a scrutiny topic"
    panel.save()

    assert panel.flag_frame.isVisible()
    assert panel.flag_label.text().startswith("Not a scrutiny topic")
    assert panel.not_pursued_button.isVisible()

    asked: list[str] = []

    def cancel(_parent: QWidget, title: str) -> str | None:
        asked.append(title)
        return None

    panel.ask_reason = cancel
    panel.not_pursued_button.click()
    assert asked == ["Young Carers"]
    assert hub.query(topics.get_topic, topic_id=young_carers).status == before.status

    reason = "Covered by the Corporate Parenting Group"
    panel.ask_reason = lambda _parent, _title: reason
    panel.not_pursued_button.click()
    row = hub.query(topics.get_topic, topic_id=young_carers)
    assert (row.status, row.status_reason) == ("not_pursued", reason)
    assert panel.flag_label.text() == f"Not pursued: {reason}"
    assert not panel.not_pursued_button.isVisible()
    assert stack.undoText() == "Mark Young Carers not pursued"

    stack.undo()
    row = hub.query(topics.get_topic, topic_id=young_carers)
    assert (row.status, row.status_reason) == (before.status, before.status_reason)
    assert panel.not_pursued_button.isVisible()


def test_the_panel_follows_changes_made_elsewhere_and_keeps_drafts(
    qtbot: QtBot, panel: ScoringPanel, hub: Hub
) -> None:
    young_carers = topic_id(hub, "Young Carers")
    school_visits = topic_id(hub, "School visits")
    show_topic(qtbot, panel, young_carers)
    panel.scorer_edit.setText("Councillor Buchan")
    panel.rows[0].answer.set_answer(True)
    panel.rows[0].evidence.setPlainText("Parents wrote in")

    hub.run(
        assessments.record_assessment,
        topic_id=young_carers,
        scorer="Councillor Goslin",
        answers=[(True, "")] * 6,
    )
    assert [r[0] for r in history_rows(panel)] == ["Councillor Goslin"]
    assert panel.rows[0].answer.answer() is True  # a reload keeps what is being typed

    show_topic(qtbot, panel, school_visits)
    assert panel.topic_label.text() == "School visits"
    assert panel.rows[0].answer.answer() is None
    assert panel.scorer_edit.text() == "Councillor Buchan"  # remembered between topics
    show_topic(qtbot, panel, young_carers)
    assert panel.rows[0].answer.answer() is True
    assert panel.rows[0].evidence.toPlainText() == "Parents wrote in"

    show_topic(qtbot, panel, None)
    assert not panel.save_button.isEnabled()
    assert panel.history.topLevelItemCount() == 0
    assert panel.topic_label.text() == "Choose a topic to score it."

    show_topic(qtbot, panel, school_visits)
    hub.run(topics.delete_topic, topic_id=school_visits)
    assert panel.topic_id() is None
    assert "no longer exists" in panel.topic_label.text()


def test_every_control_has_an_accessible_name_and_questions_have_mnemonics(
    qtbot: QtBot, panel: ScoringPanel, hub: Hub
) -> None:
    show_topic(qtbot, panel, topic_id(hub, "Child Exploitation"))
    kinds = (QAbstractButton, QLineEdit, QPlainTextEdit, QTreeWidget, QTextBrowser, AnswerChoice)
    unnamed = [
        w for w in panel.findChildren(QWidget)
        if isinstance(w, kinds) and w.isVisible() and not w.accessibleName()
        and w.objectName() != "qt_scrollarea_viewport"
    ]
    assert unnamed == []
    for n, row in enumerate(panel.rows, start=1):
        assert row.title.buddy() is row.answer
        assert row.title.text().startswith(f"&{n}.")
        assert row.evidence.tabChangesFocus()


def test_opening_the_panel_module_does_not_load_the_database_layer() -> None:
    # The main window paints before SQLAlchemy is imported; this panel must not undo that.
    code = "import sys, gui.widgets.scoring; print('sqlalchemy' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": "."},
    )
    assert out.stdout.strip() == "False"


def test_the_total_is_never_cut_off_in_a_narrow_panel(qtbot: QtBot, panel: ScoringPanel, hub: Hub) -> None:
    # Beside the topics table the panel may be only a few hundred pixels wide.
    show_topic(qtbot, panel, topic_id(hub, "Young Carers"))
    label = panel.total_label

    def whole_text_shows() -> bool:
        one_line = label.fontMetrics().horizontalAdvance(label.text()) <= label.contentsRect().width()
        wrapped = label.wordWrap() and label.height() >= label.heightForWidth(label.width())
        return label.geometry().right() <= label.parentWidget().width() and (one_line or wrapped)

    for width in (1000, 470, 380):  # 470: its width beside the topics table at 1280 pixels
        panel.resize(width, 900)
        for row in panel.rows:
            row.answer.set_answer(None)
        panel.clear_answers()
        QApplication.processEvents()
        assert panel.width() <= max(width, panel.minimumSizeHint().width())
        assert label.text() == "Total – of 6: not answered yet"
        assert whole_text_shows()
        for row in panel.rows:
            row.answer.set_answer(False)
        panel._update_total()
        QApplication.processEvents()
        assert label.text() == "Total 0 of 6 — Not a scrutiny topic"
        assert whole_text_shows()
        assert panel.save_button.isVisible() and panel.answered_label.text() == "6 of 6 questions answered"


def test_the_questions_have_the_panel_and_alt_h_shows_the_history_of_scores(
    qtbot: QtBot, panel: ScoringPanel, hub: Hub
) -> None:
    show_topic(qtbot, panel, topic_id(hub, "Child Exploitation"))
    assert panel.rows[-1].evidence.isVisible() and not panel.history.isVisible()
    assert panel.sections.tabText(1) == "History of scores (1)"
    qtbot.keyClick(panel.scorer_edit, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    assert panel.history.isVisible() and panel.history.hasFocus()
    assert history_rows(panel)[0][3] == "Low"
