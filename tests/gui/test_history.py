"""The audit history in the window: a row's History on its page, and Edit ▸ History."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot
from window_helpers import ECSC, rename_first_topic, select_committee

from domain.db import Database
from domain.ops import topics as topic_ops
from gui.dialogs.history_dialog import HistoryDialog
from gui.mainwindow import MainWindow


@pytest.fixture
def sam_window(make_window, settings_path: Path) -> MainWindow:  # noqa: ANN001
    """The window of Sam Patel (the name the history records for this window's changes)."""
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    settings.setValue("preferences/history_name", "Sam Patel")
    settings.sync()
    window = make_window()
    select_committee(window, ECSC)
    return window


def test_the_topic_history_shows_who_changed_what_and_follows_the_selection(
    sam_window: MainWindow, qtbot: QtBot
) -> None:
    view = sam_window.topics_view
    assert not view.history.list.isVisible()  # folded until asked for: the scoring has the room
    qtbot.mouseClick(view.history.toggle, Qt.MouseButton.LeftButton)
    assert view.history.list.isVisible()

    topic_id, old_title = rename_first_topic(sam_window, qtbot, "Attendance after the pandemic")
    first = view.history.lines()[0]
    who, when, what = first.split(" · ")
    assert who == "Sam Patel"
    now = dt.datetime.now()
    assert when.startswith(f"{now.day} {now:%b %Y} ")  # today, in local time
    assert what == f"title '{old_title}' → 'Attendance after the pandemic'"

    sam_window.undo_action.trigger()
    assert view.history.lines()[0].endswith(f"title 'Attendance after the pandemic' → '{old_title}'")

    view.table.setCurrentIndex(view.proxy.index(1, 0))
    assert view.current_topic().id != topic_id
    assert "Attendance after the pandemic" not in " ".join(view.history.lines())


def test_the_history_stays_open_when_the_window_is_opened_again(
    sam_window: MainWindow, make_window  # noqa: ANN001
) -> None:
    sam_window.topics_view.history.set_expanded(True)
    sam_window.close()
    again = make_window()
    assert again.topics_view.history.expanded


def test_a_resolutions_history_shows_its_status_change(window_2019: MainWindow) -> None:
    window_2019.tabs.setCurrentWidget(window_2019.decisions_view)
    view = window_2019.decisions_view
    view.history.set_expanded(True)
    decision = view.current_decision()
    assert decision is not None and decision.status != "complete"
    view.status_combo.setCurrentIndex(view.status_combo.findData("complete"))
    assert view.history.lines()[0].endswith(f"status '{decision.status}' → 'complete'")


def test_a_meetings_history_shows_it_was_added(sam_window: MainWindow, demo_db: Database) -> None:
    from domain.ops import planning

    sam_window.tabs.setCurrentWidget(sam_window.meetings_view)
    view = sam_window.meetings_view
    view.history.set_expanded(True)
    when = dt.datetime(sam_window.year_start + 1, 2, 2, 18, 0)
    with demo_db.transaction(who="Alex Reed") as s:
        meeting = planning.add_meeting(s, committee_id=sam_window.committee_id, starts_at=when, venue="Room 1")
    sam_window.reload_all()
    assert view.select_meeting(meeting.id)
    assert view.history.lines()[0].startswith("Alex Reed · ")
    assert view.history.lines()[0].endswith(" · added")


def _open_history(window: MainWindow) -> HistoryDialog:
    action = window.findChild(QAction, "history")
    assert action is not None and action.isEnabled()
    action.trigger()
    dialog = window.open_dialog
    assert isinstance(dialog, HistoryDialog)
    return dialog


def test_edit_history_lists_the_committees_changes_filtered_by_person_and_date(
    sam_window: MainWindow, qtbot: QtBot, demo_db: Database
) -> None:
    topic_id, _old = rename_first_topic(sam_window, qtbot, "Attendance after the pandemic")
    with demo_db.transaction(who="Alex Reed") as s:
        topic_ops.update_topic(s, topic_id=topic_id, title="Attendance in secondary schools")

    dialog = _open_history(sam_window)
    lines = dialog.lines()
    assert lines[0].startswith("Alex Reed · ")  # newest first
    assert lines[0].endswith("title 'Attendance after the pandemic' → 'Attendance in secondary schools'")

    people = [dialog.person_combo.itemText(i) for i in range(dialog.person_combo.count())]
    assert {"Everyone", "Alex Reed", "Sam Patel"} <= set(people)
    dialog.set_person("Sam Patel")
    assert dialog.lines() and all(line.startswith("Sam Patel · ") for line in dialog.lines())
    assert any("'Attendance after the pandemic'" in line for line in dialog.lines())

    today = dt.date.today()
    dialog.set_dates(today, today)
    assert any("'Attendance after the pandemic'" in line for line in dialog.lines())
    dialog.set_dates(None, today - dt.timedelta(days=1))
    assert not any("'Attendance after the pandemic'" in line for line in dialog.lines())
    assert dialog.count_label.text() == "No changes match." or dialog.lines()

    qtbot.keyClick(dialog.list, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert sam_window.open_dialog is None
