"""How long before a window shows a change committed elsewhere (another connection, as
another window or program would).

Each round commits a topic's new title on a second open of the database and measures, on the
wall clock, the time from the commit to the window having reloaded its pages
(``ChangeWatcher.noticed``). The watcher looks every 500 ms, so the expected delay is about
half that plus one reload. Run with
``QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest tests/bench/test_bench_live.py -s``;
each test prints the median and the slowest round.
"""

from __future__ import annotations

import itertools
import os
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from domain.db import Database, open_database
from domain.ops import topics as topic_ops
from gui.live import POLL_MS
from gui.mainwindow import MainWindow

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "gui"))
from window_helpers import ECSC, select_committee  # noqa: E402

ROUNDS = 20
_names = itertools.count()


def _delays(url: str, database: Database, qtbot: QtBot, settings: Path) -> list[float]:
    window = MainWindow(database, settings=QSettings(str(settings), QSettings.Format.IniFormat))
    other = open_database(url)
    try:
        window.show()
        qtbot.waitExposed(window)
        select_committee(window, ECSC)
        view = window.topics_view
        view.table.setCurrentIndex(view.proxy.index(0, 0))
        topic_id = view.current_topic().id
        delays = []
        for i in range(ROUNDS):
            # The last round ended at one of the watcher's looks: commit at evenly spread
            # points of its cycle.
            qtbot.wait(10 + i * POLL_MS // ROUNDS)
            with qtbot.waitSignal(window.watcher.noticed, timeout=3000):
                with other.transaction(who="Alex Reed") as s:
                    topic_ops.update_topic(s, topic_id=topic_id, title=f"Renamed elsewhere {i}")
                committed = time.perf_counter()
            delays.append(time.perf_counter() - committed)
            assert view.current_topic().title == f"Renamed elsewhere {i}"
        return delays
    finally:
        window.close()
        other.close()


def _report(name: str, delays: list[float]) -> None:
    print(
        f"\n{name}: a change committed elsewhere shown after {statistics.median(delays) * 1000:.0f} ms "
        f"(median of {len(delays)}), slowest {max(delays) * 1000:.0f} ms"
    )


def test_delay_on_sqlite(sqlite_demo_db: Database, qtbot: QtBot, tmp_path: Path) -> None:
    _report("SQLite", _delays(str(sqlite_demo_db.engine.url), sqlite_demo_db, qtbot, tmp_path / "s.ini"))


@pytest.fixture
def pg_demo(request: pytest.FixtureRequest) -> Iterator[tuple[str, Database]]:
    cluster = request.getfixturevalue("pg_cluster")
    template = request.getfixturevalue("_pg_demo_template")
    name = f"livebench{os.getpid()}_{next(_names)}"
    url = cluster.create_database(name, template=template)
    database = open_database(url)
    yield url, database
    database.close()
    cluster.drop_database(name)


@pytest.mark.postgres
def test_delay_on_postgresql(pg_demo: tuple[str, Database], qtbot: QtBot, tmp_path: Path) -> None:
    url, database = pg_demo
    _report("PostgreSQL", _delays(url, database, qtbot, tmp_path / "s.ini"))
