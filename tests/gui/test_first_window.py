from __future__ import annotations

from pytestqt.qtbot import QtBot

from domain.db import Database
from domain.demo import load_demo
from gui.mainwindow import MainWindow


def test_main_window_lists_the_committees_and_names_the_database(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    with sqlite_db.transaction() as s:
        load_demo(s)
    window = MainWindow(sqlite_db)
    qtbot.addWidget(window)
    window.show()
    names = [window.committee_list.item(i).text() for i in range(window.committee_list.count())]
    assert "Education and Children's Social Care Overview and Scrutiny Committee" in names
    assert sqlite_db.description in window.statusBar().currentMessage()
