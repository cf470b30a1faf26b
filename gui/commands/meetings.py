"""Undoable edits of a committee's meetings: add, move, cancel or reinstate."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from domain.values import MeetingInfo

from .base import HubCommand, when

if TYPE_CHECKING:
    from ..hub import Hub


class AddMeetingCommand(HubCommand):
    """Add a meeting; undo deletes it, redo adds it back with the same id."""

    def __init__(
        self, hub: Hub, *, committee_id: int, starts_at: dt.datetime, venue: str | None = None
    ) -> None:
        super().__init__(hub, f"add meeting of {when(starts_at)}")
        self.committee_id = committee_id
        self.starts_at = starts_at
        self.venue = venue
        self.meeting: MeetingInfo | None = None

    def do(self) -> None:
        from domain.ops import planning

        self.meeting = self.run(
            planning.add_meeting,
            committee_id=self.committee_id,
            starts_at=self.starts_at,
            venue=self.venue if self.meeting is None else self.meeting.venue,
            meeting_id=self.meeting.id if self.meeting is not None else None,
        )

    def undo_(self) -> None:
        from domain.ops import planning

        assert self.meeting is not None
        self.run(planning.delete_meeting, meeting_id=self.meeting.id, expected_version=self.expected(self.meeting))


class MoveMeetingCommand(HubCommand):
    """Move a meeting to another date, time or venue; its items go with it."""

    def __init__(
        self, hub: Hub, *, before: MeetingInfo, starts_at: dt.datetime, venue: str | None = None
    ) -> None:
        super().__init__(hub, f"move meeting of {when(before.starts_at)} to {when(starts_at)}")
        self.before = before
        self.old = (before.starts_at, before.venue)
        self.new = (starts_at, before.venue if venue is None else venue)

    def _apply(self, at: tuple[dt.datetime, str]) -> None:
        from domain.ops import planning

        self.run(
            planning.move_meeting,
            meeting_id=self.before.id,
            starts_at=at[0],
            venue=at[1],
            expected_version=self.expected(self.before),
        )

    def do(self) -> None:
        self._apply(self.new)

    def undo_(self) -> None:
        self._apply(self.old)
