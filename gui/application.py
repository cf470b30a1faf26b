"""The desktop program's entry point: QApplication, the main window, then the database.

The window is shown first and the database opened just after its first paint
(``QTimer.singleShot(0, ...)``), so the program appears at once; the window icon is read,
SQLAlchemy and the domain operations are imported only then, and the current page is built
with its data, read through a plain connection (``gui.hub``): SQLAlchemy's ORM and the mapped
classes are loaded at the first edit.

Start-up runs with Python's cyclic garbage collector paused: it only creates long-lived objects
(modules, classes, widgets), and the collector's passes over them cost about a tenth of the
time to the data on screen. Once the data is shown, those objects are moved out of the
collector's sight (``gc.freeze()``) and collection resumes. The few hundred start-up objects
that were already garbage by then (measured: under a thousand, with the demo data) stay frozen
too, rather than pausing the window for a full collection (about 50 ms) just as it appears.

With ``SCRUTINEER_STARTUP_PROBE=1`` the program prints, on standard output, the wall-clock
time and the process CPU time of the first paint ("painted <time> <cpu>") and of the demo data
first on screen ("data <time> <cpu>"), for the start-up benchmark.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


class _FirstPaint(QObject):
    """Calls back once, after the window's first paint event."""

    def __init__(self, callback: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._callback: Callable[[], object] | None = callback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            callback, self._callback = self._callback, None
            QTimer.singleShot(0, callback)
        return False


def _resume_gc() -> None:
    gc.freeze()
    gc.enable()


def run_gui(db_url: str | None = None, settings_path: str | Path | None = None) -> int:
    gc.disable()
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Scrutineer")
    app.setOrganizationName("Scrutineer")
    from . import errors
    from .mainwindow import MainWindow
    from .settings import open_settings

    errors.install_excepthook()
    probe = os.environ.get("SCRUTINEER_STARTUP_PROBE") == "1"
    window = MainWindow(settings=open_settings(settings_path))
    state: dict[str, object] = {}

    def open_data() -> None:
        if probe:
            print(f"painted {time.time():.6f} {time.process_time():.6f}", flush=True)
        from PySide6.QtGui import QIcon

        from . import spare_references_to_none

        spare_references_to_none()

        from domain.db import DatabaseError, open_database
        from domain.paths import resource_path

        # Set once the window is up: reading the icon is no part of drawing the window.
        QApplication.setWindowIcon(QIcon(str(resource_path("icons", "scrutineer.png"))))

        errors.configure_logging()

        try:
            database = open_database(db_url, demo_on_first_run=True)
        except DatabaseError as exc:
            _resume_gc()
            QMessageBox.critical(window, "Scrutineer", str(exc))
            window.close()
            return
        state["database"] = database
        if probe:
            def shown() -> None:
                window.repaint()
                print(f"data {time.time():.6f} {time.process_time():.6f}", flush=True)
                if os.environ.get("SCRUTINEER_STARTUP_QUIT") == "1":
                    QTimer.singleShot(0, window.close)

            window.on_data_shown = shown
        try:
            window.attach_database(database)
        finally:
            _resume_gc()

    watcher = _FirstPaint(open_data, window)
    window.installEventFilter(watcher)
    window.show()
    try:
        return app.exec()
    finally:
        if not gc.isenabled():  # closed before the data was shown
            _resume_gc()
        database = state.get("database")
        if database is not None:
            database.close()  # type: ignore[attr-defined]
