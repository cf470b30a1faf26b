"""A long day's use cannot abort the program: PySide6 6.12.0 on Python 3.11 drops a reference
to None on every void call, which once ended a session with "none_dealloc" (gui/__init__.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

DAY = """
import gui
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
for i in range(300_000):  # more void calls than a fresh window has references to None
    label.setText("Item %d" % i)
    label.hide()
print("still here")
"""


def test_three_hundred_thousand_calls_into_qt_then_a_clean_exit() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", DAY], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "still here" in done.stdout
    assert "none_dealloc" not in done.stderr
