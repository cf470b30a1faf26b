"""The topic editor's "date added" warning: never for the date the editor filled in itself,
never for a topic suggested before its year starts, only for a date after the year ended."""

from __future__ import annotations

import datetime as dt

from domain.db import Database
from domain.ops import topics
from domain.ops.convert import committee_by_name
from gui.dialogs.topic_editor import TopicEditor
from gui.mainwindow import MainWindow


def _editor(window: MainWindow) -> TopicEditor:
    dialog = window.open_dialog
    assert isinstance(dialog, TopicEditor)
    return dialog


def test_a_new_topic_in_a_past_year_opens_without_a_warning(window_2019: MainWindow) -> None:
    # The window shows 2019 - 20, long over: today's date is after it, yet nobody typed it.
    window_2019.new_topic_action.trigger()
    editor = _editor(window_2019)
    assert editor.added_date.value() == dt.date.today()
    assert not editor.messages["added_on"].isVisible()
    editor.added_date.set_value(dt.date(2020, 6, 5))  # typed: after the year ended
    assert editor.messages["added_on"].isVisible()
    assert "after the municipal year 2019\xa0-\xa020 (May 2019 to April 2020)" in editor.messages["added_on"].text()
    editor.added_date.set_value(dt.date(2019, 3, 1))  # suggested before the year began
    assert not editor.messages["added_on"].isVisible()
    editor.reject()


def test_a_topic_added_before_its_year_is_not_flagged(window_2019: MainWindow, demo_db: Database) -> None:
    with demo_db.transaction() as s:
        ecsc = committee_by_name(s, "ECSC")
        early = [
            t for t in topics.list_topics(s, committee_id=ecsc.id, year_start=2019)
            if t.added_on is not None and t.added_on < dt.date(2019, 5, 1)
        ]  # fmt: skip
    assert early, "the demo data has topics suggested before 2019 - 20 began"
    window_2019.reload_all()
    view = window_2019.topics_view
    window_2019.tabs.setCurrentWidget(view)
    assert view.select_topic(early[0].id)
    window_2019.edit_topic_action.trigger()
    editor = _editor(window_2019)
    assert editor.added_date.value() == early[0].added_on
    assert not editor.messages["added_on"].isVisible()
    editor.reject()
