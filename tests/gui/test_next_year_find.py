"""Programme ▸ Start next year's programme… and Edit ▸ Find in all committees, driven as an
advisor would: from the menus and the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot
from window_helpers import ECSC, select_committee

from domain.ops import topics as topic_ops
from gui.dialogs.find_all import FindAllDialog
from gui.dialogs.next_year import NextYearDialog
from gui.dialogs.topic_editor import TopicEditor
from gui.mainwindow import MainWindow


def _titles(window: MainWindow, year: int) -> list[str]:
    rows = window.hub.query(topic_ops.list_topics, committee_id=window.committee_id, year_start=year)
    return sorted(r.title for r in rows)


def _next_year_dialog(window: MainWindow) -> NextYearDialog:
    window.findChild(QAction, "startNextYear").trigger()
    dialog = window.open_dialog
    assert isinstance(dialog, NextYearDialog)
    return dialog


def test_next_years_programme_is_started_in_one_undoable_step(window: MainWindow, qtbot: QtBot) -> None:
    select_committee(window, ECSC, 2019)
    dialog = _next_year_dialog(window)
    assert len(dialog.chosen_ids()) == 10  # 9 items to be scheduled and the standing item
    young_carers = next(c.id for c in dialog.plan.candidates if c.title == "Young Carers")
    item = next(i for i in dialog._items() if i.data(0, Qt.ItemDataRole.UserRole) == young_carers)
    dialog.tree.setCurrentItem(item)
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Space)  # ticks the selected line
    assert dialog.count_label.text() == "11 items will be carried."
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert window.year_start == 2020 and window.current_page() == "topics"
    carried = _titles(window, 2020)
    assert len(carried) == 11 and "Young Carers" in carried
    assert window.undo_stack.undoText() == "start the 2020/21 programme"
    assert "11 items carried into 2020/21." in window.statusBar().currentMessage()

    window.undo_stack.undo()
    assert _titles(window, 2020) == []
    window.undo_stack.redo()
    assert _titles(window, 2020) == carried

    # Again: what went already is greyed and cannot be ticked, so nothing is doubled.
    select_committee(window, ECSC, 2019)
    again = _next_year_dialog(window)
    assert again.chosen_ids() == [] and not again.carry_button.isEnabled()
    again.reject()


def test_a_carried_topic_says_where_it_came_from_and_opens_it(window: MainWindow, qtbot: QtBot) -> None:
    select_committee(window, ECSC, 2019)
    dialog = _next_year_dialog(window)
    dialog.carry_button.click()
    new_id = next(r.id for r in window.hub.query(topic_ops.list_topics, committee_id=window.committee_id, year_start=2020) if r.title == "School visits")
    assert window.show_topic(new_id)
    window.edit_topic_action.trigger()
    editor = window.open_dialog
    assert isinstance(editor, TopicEditor)
    assert editor.carried_label.isVisible()
    assert editor.carried_label.text() == "Carried from 2019/20: School visits"
    qtbot.mouseClick(editor.open_carried_button, Qt.MouseButton.LeftButton)
    assert not editor.isVisible()
    assert window.year_start == 2019
    shown = window.topics_view.current_topic()
    assert shown is not None and shown.title == "School visits" and shown.year_start == 2019


def _find(window: MainWindow) -> FindAllDialog:
    window.findChild(QAction, "findAll").trigger()
    dialog = window.open_dialog
    assert isinstance(dialog, FindAllDialog)
    return dialog


def test_find_searches_as_you_type_moves_with_arrows_and_opens_with_enter(window: MainWindow, qtbot: QtBot) -> None:
    select_committee(window, ECSC, 2019)
    window.tabs.setCurrentWidget(window.decisions_view)
    dialog = _find(window)
    assert dialog.edit.hasFocus() or dialog.focusWidget() is dialog.edit
    qtbot.keyClicks(dialog.edit, "attendance consultation")
    qtbot.waitUntil(lambda: bool(dialog.hits_shown()), timeout=2000)
    hits = dialog.hits_shown()
    assert {h.kind for h in hits} >= {"topic", "decision"}
    heads = [dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())]
    assert heads[0].startswith(f"{ECSC} — 2019 - 20")
    topic = next(h for h in hits if h.kind == "topic")
    while dialog.current_hit() != topic:  # Down moves through the results, the cursor stays put
        before = dialog.current_hit()
        qtbot.keyClick(dialog.edit, Qt.Key.Key_Down)
        assert dialog.current_hit() != before
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert window.current_page() == "topics"
    shown = window.topics_view.current_topic()
    assert shown is not None and shown.id == topic.topic_id

    again = _find(window)  # the last words are kept, and searched at once
    assert again.edit.text() == "attendance consultation" and again.hits_shown() == hits
    qtbot.keyClick(again.edit, Qt.Key.Key_Escape)
    assert not again.isVisible()


def test_exempt_items_are_found_and_marked_part_ii(window: MainWindow, qtbot: QtBot) -> None:
    select_committee(window, ECSC, 2019)
    window.hub.run(
        topic_ops.create_topic, committee_id=window.committee_id, year_start=2019, title="Sale of Capybara House",
        exempt=True, exempt_paragraph=3,
    )  # fmt: skip
    dialog = _find(window)
    dialog.edit.setText("capybara")
    dialog.run_search()
    (item,) = [dialog.tree.topLevelItem(0).child(0)]
    assert item.text(0) == "Sale of Capybara House" and item.text(2) == "Part II (paragraph 3)"


def test_a_recommendation_and_a_resolution_open_on_their_pages(window: MainWindow, qtbot: QtBot) -> None:
    from domain.ops import reviews

    select_committee(window, ECSC, 2019)
    rec = window.hub.run(reviews.add_recommendation, review_id=2, text="Lobby the minister on the platypus formula")
    dialog = _find(window)
    dialog.edit.setText("platypus")
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)  # before the pause ends: searched, then opened
    assert window.current_page() == "reviews"
    assert window.reviews_view.current_review().id == 2
    assert window.reviews_view.current_recommendation().id == rec.id

    dialog = _find(window)
    dialog.edit.setText("information emailed")
    dialog.run_search()
    note = next(h for h in dialog.hits_shown() if h.kind == "progress_note")
    while dialog.current_hit() != note:
        qtbot.keyClick(dialog.edit, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    assert window.current_page() == "decisions"
    assert window.decisions_view.current_decision().id == note.decision_id
