"""Meetings of the shown committee: add, move, cancel, reinstate, and record what happened."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:

    from .host import WorkflowHost


class MeetingsFlow:
    """The Meetings menu: each asks, then pushes one undoable command."""

    def __init__(self, window: WorkflowHost) -> None:
        self.window = window

    def _next_meeting_time(self) -> dt.datetime:
        from ..models import labels

        time = (self.window.committee.default_time if self.window.committee else None) or dt.time(14, 0)
        today = dt.date.today()
        assert self.window.year_start is not None
        month = self.window.start_month()
        if labels.municipal_year_of(today, month) == self.window.year_start:
            day = today + dt.timedelta(days=7)
        else:  # a month into the year, after the annual meeting
            day = labels.year_bounds(self.window.year_start, month)[0] + dt.timedelta(days=31)
        current = self.window.meetings_view.model.shown_rows()
        if current:
            day = max(m.starts_at.date() for m in current) + dt.timedelta(days=28)
        while day.weekday() >= 5:
            day += dt.timedelta(days=1)
        return dt.datetime.combine(day, time)

    def add_meeting(self) -> None:
        if self.window.hub is None or self.window.committee_id is None or self.window.year_start is None:
            return
        from ..commands.meetings import AddMeetingCommand

        hub, cid = self.window.hub, self.window.committee_id
        venue = self.window.committee.default_venue if self.window.committee else ""
        dialog = self.window.dialogs.meeting_dialog(
            self.window, title="Add meeting", starts_at=self._next_meeting_time(), venue=venue, year_start=self.window.year_start,
            start_month=self.window.start_month(),
        )

        def accepted() -> None:
            command = AddMeetingCommand(hub, committee_id=cid, starts_at=dialog.starts_at(), venue=dialog.venue())
            if self.window.push(command) is None and command.meeting is not None:
                self.window.tabs.setCurrentWidget(self.window.meetings_view)
                self.window.meetings_view.select_meeting(command.meeting.id)

        self.window.show_dialog(dialog, accepted)

    def move_meeting(self) -> None:
        meeting = self.window.meetings_view.current_meeting()
        if self.window.hub is None or meeting is None or self.window.year_start is None:
            return
        from ..commands.meetings import MoveMeetingCommand

        hub = self.window.hub
        dialog = self.window.dialogs.meeting_dialog(
            self.window, title="Move meeting", starts_at=meeting.starts_at, venue=meeting.venue, year_start=self.window.year_start,
            start_month=self.window.start_month(),
        )

        def accepted() -> None:
            if dialog.starts_at() == meeting.starts_at and dialog.venue() == meeting.venue:
                return
            self.window.push(MoveMeetingCommand(hub, before=meeting, starts_at=dialog.starts_at(), venue=dialog.venue()))

        self.window.show_dialog(dialog, accepted)

    def cancel_meeting(self) -> None:
        """Cancel the selected meeting as the planner does, asking where its items go."""
        from ..models import labels

        meeting = self.window.meetings_view.current_meeting()
        if self.window.hub is None or meeting is None or meeting.status == "cancelled":
            return
        destination: int | str | None | bool = None  # with no question asked, items stay
        if meeting.item_count and self.window.preferences.get("confirm_cancel_meeting"):
            choices = [
                (m.id, labels.long_date(m.starts_at.date()))
                for m in self.window.meetings_view.model.shown_rows()
                if m.id != meeting.id and m.status not in ("cancelled", "held", "adjourned")
            ]
            destination = self.window.dialogs.cancel_destination(self.window, meeting, choices)
            if destination is False:
                return
        from ..commands.planning import CancelMeetingCommand

        self.window.push(CancelMeetingCommand(
            self.window.hub, meeting_id=meeting.id, meeting_day=meeting.starts_at.date(),
            move_items_to=destination,
        ))

    def reinstate_meeting(self) -> None:
        meeting = self.window.meetings_view.current_meeting()
        if self.window.hub is None or meeting is None or meeting.status != "cancelled":
            return
        from ..commands.planning import SetMeetingStatusCommand

        self.window.push(SetMeetingStatusCommand(
            self.window.hub, meeting_id=meeting.id, starts_at=meeting.starts_at,
            status="moved" if meeting.moved_from else "scheduled",
        ))

    def record_outcome(self) -> None:
        """Ask what happened at the selected meeting (held or adjourned, and which items it
        did not take) and record it as one undoable step."""
        meeting = self.window.meetings_view.current_meeting()
        if self.window.hub is None or meeting is None or meeting.status == "cancelled":
            return
        from domain.ops import planning

        from ..commands.planning import RecordOutcomeCommand

        today = self.window.meetings_view.model.today()
        agenda = self.window.query(planning.meeting_agenda, meeting_id=meeting.id, today=today)
        answer = self.window.dialogs.meeting_outcome(self.window, agenda)
        if answer is None:
            return
        outcome, not_taken, to = answer
        command = RecordOutcomeCommand(
            self.window.hub, meeting_id=meeting.id, starts_at=meeting.starts_at, outcome=outcome,
            not_taken=not_taken, to=to, today=today, version=agenda.meeting.version,
            entries={e.id: e.version for e in agenda.entries},
        )
        if self.window.push(command) is None and command.result is not None:
            self.window.statusBar().showMessage(command.result.message)
