"""Other people's changes appear in the window without a reload, the selection kept."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from window_helpers import ECSC, select_committee, table_titles

from domain.db import Database, open_database
from domain.ops import topics as topic_ops
from gui.commands.topics import EditTopicCommand
from gui.mainwindow import MainWindow

_names = itertools.count()


def _select_last_topic(window: MainWindow) -> int:
    """Select the last topic, scrolled down to it."""
    view = window.topics_view
    last = view.proxy.index(view.proxy.rowCount() - 1, 0)
    view.table.setCurrentIndex(last)
    view.table.scrollTo(last)
    topic = view.current_topic()
    assert topic is not None
    assert view.table.verticalScrollBar().value() > 0
    return topic.id


def _rename_elsewhere(url: str, topic_id: int, title: str) -> None:
    """Another user of the same database: its own connection, its own open."""
    other = open_database(url)
    try:
        with other.transaction(who="Alex Reed") as s:
            topic_ops.update_topic(s, topic_id=topic_id, title=title)
    finally:
        other.close()


def _shows_change_from_elsewhere(window: MainWindow, url: str, qtbot: QtBot) -> None:
    view = window.topics_view
    view.history.set_expanded(True)
    selected = _select_last_topic(window)
    other_id = view.proxy.topic_at(view.proxy.index(0, 0)).id
    scroll = view.table.verticalScrollBar().value()

    _rename_elsewhere(url, other_id, "Renamed in another window")
    qtbot.waitUntil(lambda: "Renamed in another window" in table_titles(window), timeout=3000)
    assert view.current_topic().id == selected
    assert view.table.verticalScrollBar().value() == scroll

    _rename_elsewhere(url, selected, "The selected one, renamed elsewhere")
    qtbot.waitUntil(lambda: view.current_topic().title == "The selected one, renamed elsewhere", timeout=3000)
    assert view.current_topic().id == selected
    assert view.history.lines()[0].startswith("Alex Reed · ")


def test_a_commit_by_another_connection_appears_on_sqlite(
    window: MainWindow, demo_db: Database, qtbot: QtBot
) -> None:
    assert window.watcher.active
    _shows_change_from_elsewhere(window, str(demo_db.engine.url), qtbot)


def test_the_windows_own_edit_is_not_noticed_again(window: MainWindow, qtbot: QtBot) -> None:
    row = window.topics_view.current_topic() or window.topics_view.proxy.topic_at(window.topics_view.proxy.index(0, 0))
    with qtbot.waitSignal(window.watcher.noticed, timeout=1500, raising=False) as noticed:
        window.push(EditTopicCommand(window.hub, before=row, fields={"title": "Mine"}))
    assert "Mine" in table_titles(window)
    assert not noticed.signal_triggered


@pytest.fixture
def pg_demo_url(request: pytest.FixtureRequest) -> Iterator[str]:
    cluster = request.getfixturevalue("pg_cluster")
    template = request.getfixturevalue("_pg_demo_template")
    name = f"live{os.getpid()}_{next(_names)}"
    url = cluster.create_database(name, template=template)
    yield url
    cluster.drop_database(name)


@pytest.mark.postgres
def test_a_commit_by_another_window_appears_on_postgresql(
    pg_demo_url: str, qtbot: QtBot, settings_path: Path
) -> None:
    database = open_database(pg_demo_url)
    window = MainWindow(database, settings=QSettings(str(settings_path), QSettings.Format.IniFormat))
    try:
        window.show()
        qtbot.waitExposed(window)
        select_committee(window, ECSC)
        assert window.watcher.active
        _shows_change_from_elsewhere(window, pg_demo_url, qtbot)
        with qtbot.waitSignal(window.watcher.noticed, timeout=1500, raising=False) as noticed:
            row = window.topics_view.current_topic()
            window.push(EditTopicCommand(window.hub, before=row, fields={"title": "Mine"}))
        assert not noticed.signal_triggered  # the window's own commit is not news to it
    finally:
        window.close()
        database.close()
