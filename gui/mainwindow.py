"""The main window."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QListWidget, QMainWindow, QVBoxLayout, QWidget

from domain.db import Database
from domain.ops import committees


class MainWindow(QMainWindow):
    def __init__(self, database: Database) -> None:
        super().__init__()
        self.database = database
        self.setObjectName("MainWindow")
        self.setWindowTitle("Scrutineer")
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addWidget(QLabel("Committees", central))
        self.committee_list = QListWidget(central)
        self.committee_list.setAccessibleName("Committees")
        layout.addWidget(self.committee_list)
        self.setCentralWidget(central)
        self.statusBar().showMessage(f"Database: {database.description}")
        with database.transaction() as s:
            for c in committees.list_committees(s):
                self.committee_list.addItem(c.name)
        self.resize(900, 600)
