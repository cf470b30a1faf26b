"""Run by tests/gui/test_fit.py in a process of its own, under QT_SCALE_FACTOR (which must be
set before the QApplication exists): opens the main window on the demo data at a logical size,
shows each page, and prints what fit_check finds, one finding a line."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent.parent), str(HERE)]


def main(width: int, height: int) -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from fit_check import clipped, too_big

    from domain.db import open_database
    from domain.demo import load_demo
    from gui.mainwindow import MainWindow

    with tempfile.TemporaryDirectory() as tmp:
        database = open_database(f"sqlite:///{Path(tmp) / 'demo.sqlite'}")
        with database.transaction() as s:
            load_demo(s)
        window = MainWindow(database, settings=QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        window.show()
        combo = window.committee_combo
        combo.setCurrentIndex(max(combo.findText("Education and Children's Social Care Overview and Scrutiny Committee"), 0))
        window.year_combo.setCurrentIndex(window.year_combo.findData(2019))
        window.resize(width, height)
        for page in ("topics", "programme", "meetings", "reviews", "decisions"):
            window.tabs.setCurrentWidget(window.pages[page])
            if page == "topics":
                window.topics_view.select_topic(window.topics_view.model.rows()[0].id)
            for _ in range(3):
                app.processEvents()
            for found in too_big(window, width, height) + clipped(window):
                print(f"{page}: {found}")
        window.close()
        database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]), int(sys.argv[2])))
