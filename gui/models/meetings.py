"""The Meetings table: a committee-year's meetings, one row each."""

from __future__ import annotations

from PySide6.QtCore import QObject

from domain.values import MeetingInfo

from . import labels
from .table import RIGHT, Column, RowTableModel


def _status(m: MeetingInfo) -> str:
    text = labels.MEETING_STATUS.get(m.status, m.status)
    if m.status == "moved" and m.moved_from is not None:
        text += f" (was {labels.date_text(m.moved_from.date())})"
    return text


MEETING_COLUMNS: tuple[Column[MeetingInfo], ...] = (
    Column(
        "Date",
        lambda m: labels.long_date(m.starts_at.date()),
        sort_key=lambda m: m.starts_at,
    ),
    Column("Time", lambda m: labels.time_text(m.starts_at.time()), sort_key=lambda m: m.starts_at.time(), alignment=RIGHT),
    Column("Venue", lambda m: m.venue, tooltip=lambda m: m.venue or None),
    Column("Status", _status),
    Column("Items", lambda m: str(m.item_count), sort_key=lambda m: m.item_count, alignment=RIGHT),
)


class MeetingTableModel(RowTableModel[MeetingInfo]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(MEETING_COLUMNS, parent)

    def row_of_meeting(self, meeting_id: int) -> int:
        return self.row_of(lambda m: m.id == meeting_id)
