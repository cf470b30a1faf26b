"""Undoable import of a committee's meetings from Modern.gov or a calendar."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from .base import HubCommand

if TYPE_CHECKING:
    from domain.io.meeting_records import MeetingsFile
    from domain.ops.meeting_import import MeetingsImported

    from ..hub import Hub


class ImportMeetingsCommand(HubCommand):
    """Bring a meetings file's meetings of one year into a committee, as one step.

    Undo puts every meeting it changed back and removes what it added (meetings, entries,
    topics); redo makes them again with the same ids, so later steps on the stack still find
    them. Either checks first that nobody else changed those rows since this window left them.
    """

    def __init__(self, hub: Hub, *, committee_id: int, year_start: int, meetings: MeetingsFile) -> None:
        super().__init__(hub, f"import meetings from {Path(meetings.name).name}")
        self.committee_id = committee_id
        self.year_start = year_start
        self.meetings = meetings
        self.result: MeetingsImported | None = None
        self.state: Any = None  # the rows as this command's last step left them

    def do(self) -> None:
        from domain.ops.meeting_import import import_meetings, redo_meeting_import

        if self.result is None:
            self.result = self.run(
                import_meetings, committee_id=self.committee_id, year_start=self.year_start, meetings=self.meetings
            )
            self.state = self.result.after
        else:
            self.state = self.run(redo_meeting_import, imported=self.result, expected=self.expected_state(self.state))

    def undo_(self) -> None:
        from domain.ops.meeting_import import undo_meeting_import

        assert self.result is not None
        self.state = self.run(undo_meeting_import, imported=self.result, expected=self.expected_state(self.state))
