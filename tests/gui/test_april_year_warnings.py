"""The window's "is this date in the year" warnings follow the council's year start month."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from window_helpers import ECSC, select_committee

from domain.db import Database
from domain.settings import load_settings, save_settings
from gui.dialogs.fields import to_qdate
from gui.dialogs.meeting_dialog import MeetingDialog
from gui.dialogs.topic_editor import TopicEditor
from gui.mainwindow import MainWindow


@pytest.fixture
def april_window(demo_db: Database, make_window) -> MainWindow:  # noqa: ANN001
    with demo_db.sessions.begin() as s:
        save_settings(s, settings=dataclasses.replace(load_settings(s), year_start_month=4))
    w = make_window()
    select_committee(w, ECSC, 2019)
    return w


def test_the_topic_editor_warns_by_the_april_year(april_window: MainWindow) -> None:
    april_window.new_topic_action.trigger()
    editor = april_window.open_dialog
    assert isinstance(editor, TopicEditor)
    message = editor.messages["added_on"]
    editor.added_date.set_value(dt.date(2019, 4, 15))  # before May, yet in 2019 - 20
    assert not message.isVisible()
    editor.added_date.set_value(dt.date(2020, 4, 15))
    assert message.isVisible()
    assert "(April 2019 to March 2020)" in message.text()
    editor.reject()


def test_the_meeting_dialog_warns_by_the_april_year(april_window: MainWindow) -> None:
    april_window.add_meeting_action.trigger()
    dialog = april_window.open_dialog
    assert isinstance(dialog, MeetingDialog)
    dialog.date_edit.setDate(to_qdate(dt.date(2020, 4, 15)))
    assert dialog.message.isVisible()
    assert "outside the municipal year 2019 - 20" in dialog.message.text()
    dialog.date_edit.setDate(to_qdate(dt.date(2020, 3, 31)))
    assert not dialog.message.isVisible()
    dialog.reject()


def test_the_year_a_resolution_opens_in_follows_the_april_year(april_window: MainWindow, demo_db: Database) -> None:
    from domain.ops import decisions
    from domain.ops.convert import committee_by_name

    with demo_db.sessions.begin() as s:
        cid = committee_by_name(s, ECSC).id
        made = decisions.create_decision(s, committee_id=cid, title="Dentistry", meeting_date=dt.date(2020, 4, 15))
    assert april_window.show_decision(made.id)
    assert april_window.year_start == 2020
