"""A long day's use cannot abort the program: PySide6 6.12.0 on Python 3.11 drops a reference
to None on every void call, which once ended a session with "none_dealloc" (gui/__init__.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# The program as started for a user (run_gui), then far more void calls into Qt than a fresh
# window holds references to None, then closed.
DAY = """
import sys
from gui import mainwindow
attach = mainwindow.MainWindow.attach_database

def a_long_day(self, database):
    attach(self, database)
    for i in range(300_000):
        self.statusBar().showMessage("Item %d" % i)
        self.statusBar().clearMessage()
    print("still here", flush=True)

mainwindow.MainWindow.attach_database = a_long_day
from gui.application import run_gui
sys.exit(run_gui(sys.argv[1], sys.argv[2]))
"""


def test_six_hundred_thousand_calls_into_qt_then_a_clean_exit(tmp_path: Path) -> None:
    from domain.db import open_database
    from domain.demo import load_demo

    url = f"sqlite:///{tmp_path / 'day.sqlite'}"
    database = open_database(url)
    with database.transaction() as s:
        load_demo(s)
    database.close()
    env = dict(
        os.environ, QT_QPA_PLATFORM="offscreen", SCRUTINEER_STARTUP_PROBE="1", SCRUTINEER_STARTUP_QUIT="1"
    )
    done = subprocess.run(
        [sys.executable, "-c", DAY, url, str(tmp_path / "settings.ini")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert "none_dealloc" not in done.stderr
    assert done.returncode == 0, done.stderr[-2000:]
    assert "still here" in done.stdout
