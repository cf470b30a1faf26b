"""The name the audit history records for changes made in the window is a preference,
"Your name in the history", which defaults to the login name."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from window_helpers import ECSC, rename_first_topic, select_committee

from domain.db import Database
from domain.identity import default_user
from domain.models import Topic
from domain.ops.history import row_history
from gui.mainwindow import MainWindow


def _edit_first_topic(window: MainWindow, qtbot: QtBot, title: str) -> int:
    select_committee(window, ECSC)
    return rename_first_topic(window, qtbot, title)[0]


def _last_change(db: Database, topic_id: int) -> tuple[str, str, str]:
    with db.transaction() as s:
        latest = row_history(s, table="topic", row_id=topic_id)[0]
    return latest.who, latest.field or "", latest.after


def test_an_edit_in_the_window_is_recorded_under_the_chosen_name(
    make_window, settings_path: Path, demo_db: Database, qtbot: QtBot  # noqa: ANN001
) -> None:
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    settings.setValue("preferences/history_name", "Jo Bloggs")
    settings.sync()
    window = make_window()
    topic_id = _edit_first_topic(window, qtbot, "Child Exploitation")
    assert _last_change(demo_db, topic_id) == ("Jo Bloggs", "title", "Child Exploitation")


def test_without_a_chosen_name_the_login_name_is_recorded(
    make_window, demo_db: Database, qtbot: QtBot  # noqa: ANN001
) -> None:
    window = make_window()
    topic_id = _edit_first_topic(window, qtbot, "Child Exploitation")
    assert _last_change(demo_db, topic_id)[0] == default_user()


def test_the_hub_names_the_action_in_the_history(demo_db: Database, qtbot: QtBot) -> None:
    from domain.ops import topics
    from gui.hub import Hub

    hub = Hub(demo_db)
    with demo_db.transaction() as s:
        first = s.scalars(select(Topic.id)).first()
    with qtbot.waitSignal(hub.changed):
        hub.run(topics.update_topic, action="Edit Budget", topic_id=first, title="Budget")
    with demo_db.transaction() as s:
        latest = row_history(s, table="topic", row_id=first)[0]
    assert (latest.action, latest.after) == ("Edit Budget", "Budget")
