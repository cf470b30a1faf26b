"""Save a picture of each main view, from the demo data, to docs/screenshots/.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/screenshots.py [--scale 2]

Runs offscreen with the DejaVu fonts (the offscreen platform has no font configuration of its
own), on a throwaway copy of the demo database and a throwaway settings file.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="QT_SCALE_FACTOR, e.g. 2 for 200 %%")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_QPA_FONTDIR", "/usr/share/fonts/truetype/dejavu")
    if args.scale != 1.0:
        os.environ["QT_SCALE_FACTOR"] = str(args.scale)
    sys.path.insert(0, str(ROOT))

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from domain.db import open_database
    from domain.demo import load_demo
    from gui.mainwindow import MainWindow

    args.out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.scale == 1.0 else f"_{int(args.scale * 100)}"
    with tempfile.TemporaryDirectory() as tmp:
        database = open_database(f"sqlite:///{Path(tmp) / 'demo.sqlite'}")
        with database.transaction() as s:
            load_demo(s)
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(database, settings=settings)
        window.resize(1280, 800)
        window.show()
        ecsc = window.committee_combo.findText(
            "Education and Children's Social Care Overview and Scrutiny Committee"
        )
        window.committee_combo.setCurrentIndex(max(ecsc, 0))
        app.processEvents()

        def save(name: str) -> None:
            app.processEvents()
            path = args.out / f"{name}{suffix}.png"
            window.grab().save(str(path))
            print(path)

        view = window.topics_view
        view.select_topic(view.model.rows()[1].id)
        save("main_window")
        view.filter_edit.setText("school")
        scored = [r for r in view.model.shown_rows() if r.score is not None]
        if scored:
            view.select_topic(scored[0].id)
        save("topics_filtered")
        if view.scoring_panel is not None and hasattr(view.scoring_panel, "set_topic"):
            save("topics_with_scoring")
        view.filter_edit.clear()
        for page in ("programme", "meetings", "reviews", "decisions"):
            window.tabs.setCurrentWidget(window.pages[page])
            if page == "meetings":
                window.meetings_view.table.selectRow(0)
            save(f"{page}_view")
        window.tabs.setCurrentWidget(view)
        view.select_topic(view.model.rows()[0].id)
        window.edit_topic()
        app.processEvents()
        dialog = window.open_dialog
        if dialog is not None:
            dialog.adjustSize()
            app.processEvents()
            path = args.out / f"topic_editor{suffix}.png"
            dialog.grab().save(str(path))
            print(path)
            dialog.reject()
        window.close()
        database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
