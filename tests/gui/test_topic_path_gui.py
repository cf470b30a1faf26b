"""The topic's path in the window: a new topic says where it will appear, several topics are
accepted, short-listed or not pursued in one undoable step, the screening tab points out an
earlier item with a similar title, and File ▸ Import suggestions fills the long list."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from pytestqt.qtbot import QtBot
from window_helpers import ECSC, select_committee

from domain.ops import planning
from domain.ops import topics as topic_ops
from gui.dialogs.seam import Dialogs
from gui.dialogs.topic_editor import TopicEditor
from gui.mainwindow import MainWindow

FORM = Path(__file__).resolve().parents[1] / "fixtures" / "suggestion_form.csv"


def _statuses(window: MainWindow, titles: list[str]) -> list[str]:
    rows = window.hub.query(topic_ops.list_topics, committee_id=window.committee_id, year_start=2019)
    by_title = {r.title: r.status for r in rows}
    return [by_title[t] for t in titles]


def _waiting(window: MainWindow) -> list[str]:
    view = window.hub.query(planning.load_programme, committee_id=window.committee_id, year_start=2019)
    return [t.title for t in view.to_be_scheduled]


@pytest.fixture
def imported(window: MainWindow, monkeypatch: pytest.MonkeyPatch, messages: list[str]) -> MainWindow:
    select_committee(window, ECSC, 2019)
    monkeypatch.setattr(Dialogs, "open_file", lambda _self, _parent, _title, _filter: str(FORM))
    window.findChild(type(window.new_topic_action), "importSuggestions").trigger()
    return window


def _select(window: MainWindow, titles: list[str]) -> None:
    view = window.topics_view
    window.tabs.setCurrentWidget(view)
    view.table.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    matches = [view.model.index(r, 0) for r in range(view.model.rowCount()) if view.model.topic_at(view.model.index(r, 0)).title in titles]
    view.table.setCurrentIndex(matches[0])  # as a click: the first becomes the current topic
    for index in matches[1:]:
        view.table.selectionModel().select(index, flags)  # as Ctrl+click


def _screening_of_first_suggestion(window: MainWindow) -> TopicEditor:
    """The editor of the first suggestion, open on its screening tab."""
    _select(window, SUGGESTED[:1])
    window.edit_topic_action.trigger()
    editor = window.open_dialog
    assert isinstance(editor, TopicEditor)
    editor.tabs.setCurrentIndex(2)
    return editor


SUGGESTED = ["Care Leavers and NEET plan refresh", "School crossing patrols", "Youth services after the budget cuts"]


def test_imported_suggestions_land_on_the_long_list_and_one_undo_takes_them_back(imported: MainWindow, messages: list[str]) -> None:
    window = imported
    assert _statuses(window, SUGGESTED) == ["long_listed"] * 3
    assert "4 suggestions added to the long list" in window.statusBar().currentMessage()
    assert any("like 'Care Leavers and NEET - plan' at ECSC on 10 Jul 2019" in m for m in messages)
    window.undo_action.trigger()
    rows = window.hub.query(topic_ops.list_topics, committee_id=window.committee_id, year_start=2019)
    assert not {r.title for r in rows} & set(SUGGESTED)
    window.redo_action.trigger()
    assert _statuses(window, SUGGESTED) == ["long_listed"] * 3


def test_several_topics_are_accepted_in_one_step_and_one_undo(imported: MainWindow) -> None:
    window = imported
    _select(window, SUGGESTED[:2])
    assert window.topics_flow.path.accept_action.isEnabled()
    window.topics_flow.path.accept_action.trigger()
    assert _statuses(window, SUGGESTED) == ["accepted", "accepted", "long_listed"]
    assert set(SUGGESTED[:2]) <= set(_waiting(window))
    assert window.undo_action.text() == "Undo accept 2 topics"
    window.undo_action.trigger()
    assert _statuses(window, SUGGESTED) == ["long_listed"] * 3
    assert not set(SUGGESTED) & set(_waiting(window))


def test_short_list_then_not_pursued_asks_why(imported: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    window = imported
    _select(window, SUGGESTED)
    from PySide6.QtWidgets import QToolButton

    button = window.topics_view.findChild(QToolButton, "button_shortListTopics")
    assert button is not None and button.text() == "Short-list"
    button.click()
    assert _statuses(window, SUGGESTED) == ["short_listed"] * 3
    answers = iter(["", "A matter for Highways"])
    monkeypatch.setattr(Dialogs, "ask_text", lambda *_a: next(answers))
    _select(window, SUGGESTED[1:2])
    window.topics_flow.path.not_pursued_action.trigger()
    assert _statuses(window, SUGGESTED) == ["short_listed", "not_pursued", "short_listed"]
    row = window.topics_view.current_topic()
    assert row is not None and row.status_reason == "A matter for Highways"
    assert window.undo_action.text() == "Undo mark 'School crossing patrols' not pursued"


def test_a_new_topic_starts_on_the_long_list_and_says_where_it_appears(window: MainWindow, qtbot: QtBot) -> None:
    select_committee(window, ECSC, 2019)
    window.new_topic_action.trigger()
    editor = window.open_dialog
    assert isinstance(editor, TopicEditor)
    assert editor.status_combo.currentText() == "Long list"
    assert "long list" in editor.where_label.text() and "accepted" in editor.where_label.text()
    editor.status_combo.setCurrentIndex(editor.status_combo.findData("accepted"))
    assert "Items to be scheduled on the Programme page" in editor.where_label.text()
    editor.status_combo.setCurrentIndex(editor.status_combo.findData("long_listed"))
    editor.title_edit.setText("Pot holes on Mutley Plain")
    qtbot.keyClick(editor.title_edit, Qt.Key.Key_Return)
    assert "Added 'Pot holes on Mutley Plain': it appears on the long list" in window.statusBar().currentMessage()


def test_the_screening_tab_shows_an_earlier_item_and_a_person_uses_it(imported: MainWindow, qtbot: QtBot) -> None:
    window = imported
    editor = _screening_of_first_suggestion(window)
    box = editor.screening_box
    assert box.similar_list.item(0).text() == "'Care Leavers and NEET - plan' at ECSC on 10 Jul 2019"
    assert not box.checks["recent"].isChecked()  # the program only points it out
    box.similar_list.setCurrentRow(0)
    box.use_button.click()
    editor.urgent_check.setChecked(True)
    editor.save_button.click()
    assert editor.isVisible()  # urgent needs its reason, said next to the field
    assert "Say why the topic is urgent" in editor.messages["urgent_reason"].text()
    editor.urgent_edit.setText("Ofsted visit in November")
    editor.save_button.click()
    assert not editor.isVisible()
    row = window.topics_view.current_topic()
    assert row is not None and row.urgent and row.urgent_reason == "Ofsted visit in November"
    assert row.screening == (("recent", "Like 'Care Leavers and NEET - plan' at ECSC on 10 Jul 2019"),)
    title = window.topics_view.model.index(window.topics_view.table.currentIndex().row(), 0)
    assert title.data().startswith("Urgent · ")
    tip = title.data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Urgent: Ofsted visit in November\n\nReviewed in the last 12 months: Like 'Care Leavers")


def test_a_bad_suggestion_file_is_explained_and_changes_nothing(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, messages: list[str], tmp_path: Path
) -> None:
    select_committee(window, ECSC, 2019)
    bad = tmp_path / "form.csv"
    bad.write_text("Topic,I am a\nPot holes,Alien\n", encoding="utf-8")
    before = window.hub.query(topic_ops.list_topics, committee_id=window.committee_id, year_start=2019)
    monkeypatch.setattr(Dialogs, "open_file", lambda _self, _parent, _title, _filter: str(bad))
    window.topics_flow.path.import_action.trigger()
    assert any("form.csv, row 2, column 'I am a': 'Alien' is not a proposer" in m for m in messages)
    assert window.hub.query(topic_ops.list_topics, committee_id=window.committee_id, year_start=2019) == before
    assert not window.undo_stack.canUndo()


def test_an_empty_items_to_be_scheduled_says_how_a_topic_gets_there(window: MainWindow) -> None:
    from domain.ops import suggestions

    select_committee(window, ECSC, 2019)
    rows = window.hub.query(topic_ops.list_topics, committee_id=window.committee_id, year_start=2019)
    waiting = [(r.id, r.version) for r in rows if r.status in ("accepted", "to_be_scheduled")]
    window.hub.run(suggestions.move_to_stage, topics=waiting, stage="long_list")
    window.tabs.setCurrentWidget(window.programme_view)
    assert window.programme_view.waiting_label.text().endswith("(0) — accept topics on the Topics page")


def test_an_exempt_earlier_item_is_shown_marked_and_use_copies_no_title(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    select_committee(window, ECSC, 2019)
    rows = window.hub.query(topic_ops.list_topics, committee_id=window.committee_id, year_start=2019)
    earlier = next(r for r in rows if r.title == "Care Leavers and NEET - plan")
    window.hub.run(topic_ops.update_topic, topic_id=earlier.id, exempt=True, exempt_paragraph=3)
    monkeypatch.setattr(Dialogs, "open_file", lambda _self, _parent, _title, _filter: str(FORM))
    window.findChild(type(window.new_topic_action), "importSuggestions").trigger()
    assert "Care Leavers and NEET - plan" not in window.statusBar().currentMessage()
    editor = _screening_of_first_suggestion(window)
    box = editor.screening_box
    shown = box.similar_list.item(0).text()
    assert shown == "Part II (paragraph 3), not for publication: 'Care Leavers and NEET - plan' at ECSC on 10 Jul 2019"
    box.similar_list.setCurrentRow(0)
    box.use_button.click()
    assert box.reasons["recent"].text() == "Like a Part II item (paragraph 3) at ECSC on 10 Jul 2019"
