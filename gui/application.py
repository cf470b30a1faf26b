"""The desktop program's entry point: QApplication, the database, the main window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox


def run_gui(db_url: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Scrutineer")
    app.setOrganizationName("Scrutineer")
    from domain.db import DatabaseError
    from domain.demo import open_with_demo

    try:
        database = open_with_demo(db_url)
    except DatabaseError as exc:
        QMessageBox.critical(None, "Scrutineer", str(exc))
        return 1
    from .mainwindow import MainWindow

    window = MainWindow(database)
    window.show()
    try:
        return app.exec()
    finally:
        database.close()
