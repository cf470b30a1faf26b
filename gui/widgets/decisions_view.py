"""The Decisions page: the committee's resolutions and their progress (read-only for now)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..models.decisions import DecisionTableModel
from .tables import make_table


class DecisionsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DecisionsView")
        self.model = DecisionTableModel(self)
        self.table = make_table("decisionsTable", "Tracking decisions", self)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(-1, self.model.sort_order())
        for column, width in enumerate((70, 100, 360, 100, 200)):
            self.table.setColumnWidth(column, width)
        self.empty_label = QLabel("No resolutions are being tracked for this committee.", self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)

    def set_decisions(self, rows: list[Any]) -> None:
        self.model.set_rows(rows)
        self.empty_label.setVisible(not rows)
