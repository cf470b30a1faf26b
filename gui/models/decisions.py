"""The tracking decisions tables: a committee's resolutions, and one resolution's progress.

RAG and overdue are always written as words; their colours are a second cue only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from domain.decision_values import Rag

from . import labels
from .table import Column, RowTableModel

if TYPE_CHECKING:
    from domain.decision_values import DecisionInfo, ProgressNoteInfo

RAG_COLOURS = {Rag.GREEN: "#cfe8cf", Rag.AMBER: "#fbe3a6", Rag.RED: "#f6c9c4"}
OVERDUE = "Overdue"
OVERDUE_COLOUR = "#f6c9c4"


def _target_key(d: DecisionInfo) -> int:
    return d.target_date.toordinal() if d.target_date else 10**7


DECISION_COLUMNS: tuple[Column[DecisionInfo], ...] = (
    Column(
        "Meeting",
        lambda d: labels.date_text(d.meeting_date),
        sort_key=lambda d: d.meeting_date.toordinal(),
        header_tooltip="The date of the meeting that made the resolution",
    ),
    Column("Minute", lambda d: d.minute_no, sort_key=lambda d: (len(d.minute_no), d.minute_no)),
    Column("Title", lambda d: d.title, tooltip=lambda d: d.resolution or None),
    Column("Target", lambda d: d.target_label, sort_key=_target_key),
    Column("Officer", lambda d: d.officer, tooltip=lambda d: d.officer or None),
    Column("Status", lambda d: d.status.label),
    Column(
        "RAG",
        lambda d: d.rag.label if d.rag else "",
        background=lambda d: RAG_COLOURS.get(d.rag) if d.rag else None,
        header_tooltip="Green: achieved · Amber: progressing · Red: not achieved",
    ),
    Column(
        "Overdue",
        lambda d: OVERDUE if d.overdue else "",
        sort_key=lambda d: not d.overdue,
        background=lambda d: OVERDUE_COLOUR if d.overdue else None,
        tooltip=lambda d: f"Ongoing and past its target ({d.target_label})" if d.overdue else None,
        header_tooltip="Ongoing resolutions whose target date has passed",
    ),
    Column(
        "Latest progress",
        lambda d: " ".join(d.progress_text.split()),
        tooltip=lambda d: d.progress_text or None,
    ),
)


class DecisionTableModel(RowTableModel["DecisionInfo"]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(DECISION_COLUMNS, parent)

    def row_of_decision(self, decision_id: int) -> int:
        return self.row_of(lambda d: d.id == decision_id)


PROGRESS_COLUMNS: tuple[Column[ProgressNoteInfo], ...] = (
    Column("Date", lambda n: labels.date_text(n.noted_on), sort_key=lambda n: n.noted_on.toordinal()),
    Column("Progress", lambda n: n.text.strip(), tooltip=lambda n: n.text),
)


class ProgressTableModel(RowTableModel["ProgressNoteInfo"]):
    """A resolution's progress notes, newest first (the order the operation gives)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(PROGRESS_COLUMNS, parent)
