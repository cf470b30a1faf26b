"""The Meetings table: a committee-year's meetings, one row each."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject

from domain.scheduling import shown_status
from domain.values import MeetingInfo

from . import labels
from .table import RIGHT, Column, RowTableModel


def status_text(m: MeetingInfo, today: dt.date) -> str:
    """'Held' for a meeting whose day has passed, though nobody marked it; 'Moved (was …)'."""
    status = shown_status(m.status, m.starts_at.date(), today)
    text = labels.MEETING_STATUS.get(status, status)
    if status == "moved" and m.moved_from is not None:
        text += f" (was {labels.date_text(m.moved_from.date())})"
    return text


def meeting_columns(today: Callable[[], dt.date]) -> tuple[Column[MeetingInfo], ...]:
    return (
        Column(
            "Date",
            lambda m: labels.long_date(m.starts_at.date()),
            sort_key=lambda m: m.starts_at,
        ),
        Column("Time", lambda m: labels.time_text(m.starts_at.time()), sort_key=lambda m: m.starts_at.time(), alignment=RIGHT),
        Column("Venue", lambda m: m.venue, tooltip=lambda m: m.venue or None),
        Column("Status", lambda m: status_text(m, today())),
        Column("Items", lambda m: str(m.item_count), sort_key=lambda m: m.item_count, alignment=RIGHT),
    )


class MeetingTableModel(RowTableModel[MeetingInfo]):
    """The meetings; ``today`` says which have taken place (tests set it)."""

    def __init__(self, parent: QObject | None = None) -> None:
        self.today: Callable[[], dt.date] = dt.date.today
        super().__init__(meeting_columns(lambda: self.today()), parent)

    def row_of_meeting(self, meeting_id: int) -> int:
        return self.row_of(lambda m: m.id == meeting_id)
