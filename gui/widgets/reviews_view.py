"""The Reviews page: the committee-year's select committee reviews (read-only for now)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from domain.values import TopicRow

from ..models import labels
from ..models.table import RIGHT, Column, RowTableModel
from .tables import make_table

REVIEW_COLUMNS: tuple[Column[TopicRow], ...] = (
    Column("Review", lambda r: r.title, tooltip=lambda r: r.reason or None),
    Column("Score", lambda r: "" if r.score is None else str(r.score), sort_key=lambda r: r.score or -1, alignment=RIGHT),
    Column("Reason added to work programme", lambda r: r.reason, tooltip=lambda r: r.reason or None),
    Column("Responsible Officer", lambda r: r.responsible),
    Column("Status", lambda r: labels.STATUS.get(r.status, r.status)),
)


class ReviewTableModel(RowTableModel[TopicRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(REVIEW_COLUMNS, parent)


class ReviewsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ReviewsView")
        self.model = ReviewTableModel(self)
        self.table = make_table("reviewsTable", "Select committee reviews", self)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(-1, self.model.sort_order())
        for column, width in enumerate((300, 55, 420, 200)):
            self.table.setColumnWidth(column, width)
        self.empty_label = QLabel("No select committee reviews in this municipal year.", self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)

    def set_reviews(self, rows: list[TopicRow]) -> None:
        self.model.set_rows(rows)
        self.empty_label.setVisible(not rows)
