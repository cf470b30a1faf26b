"""The Decisions table: a committee's resolutions being tracked (read-only for now)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from . import labels
from .table import Column, RowTableModel

if TYPE_CHECKING:  # the op module imports SQLAlchemy, which the window loads after painting
    from domain.ops.decisions_read import DecisionRow

_RAG_COLOURS = {"green": "#cfe8cf", "amber": "#fbe3a6", "red": "#f6c9c4"}

DECISION_COLUMNS: tuple[Column[DecisionRow], ...] = (
    Column("Minute", lambda d: d.minute_no),
    Column(
        "Meeting",
        lambda d: labels.date_text(d.meeting_date),
        sort_key=lambda d: d.meeting_date.toordinal(),
    ),
    Column("Title", lambda d: d.title, tooltip=lambda d: d.resolution or None),
    Column(
        "Target date",
        lambda d: labels.date_text(d.target_date),
        sort_key=lambda d: d.target_date.toordinal() if d.target_date else 0,
    ),
    Column("Officer", lambda d: d.officer, tooltip=lambda d: d.officer or None),
    Column(
        "Progress",
        lambda d: labels.DECISION_STATUS.get(d.status, d.status)
        + (f" · {labels.RAG.get(d.rag, d.rag)}" if d.rag else ""),
        tooltip=lambda d: d.latest_progress or None,
        background=lambda d: _RAG_COLOURS.get(d.rag or ""),
    ),
)


class DecisionTableModel(RowTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(DECISION_COLUMNS, parent)
