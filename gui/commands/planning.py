"""Undoable planning edits: one QUndoCommand class per kind of move in the planner.

Each command runs a ``domain.ops.planning`` operation once; the operation returns the rows it
touched as they were before and after. Undo restores ``before`` and redo restores ``after``,
so ids stay the same through any number of undo and redo steps and a later command that names
an entry booked by an earlier one still finds it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from domain.words import counted

from .base import HubCommand, short, when

if TYPE_CHECKING:
    from domain.ops.planning import SuggestedPlacement, Undoable

    from ..hub import Hub


def _day(d: dt.date) -> str:
    from domain.dates import short_date

    return short_date(d)


class PlanCommand(HubCommand):
    """Run one planning operation; undo and redo restore the states it reported.

    ``result`` is the operation's value after the first run (with ``warnings`` when the
    operation gives any), or None if it failed.
    """

    def __init__(self, hub: Hub, text: str, op: Callable[..., Undoable], **kwargs: Any) -> None:
        super().__init__(hub, text)
        self.op = op
        self.kwargs = kwargs
        self.result: Any = None
        self.state: Any = None  # the rows as this command's last step left them

    @property
    def warnings(self) -> tuple[str, ...]:
        return tuple(getattr(self.result, "warnings", ()) or ())

    def do(self) -> None:
        from domain.ops.planning import restore_state

        if self.result is None:
            kwargs = dict(self.kwargs)
            if self._forced:  # the user chose to overwrite what changed since they read it
                kwargs.update({k: None for k in kwargs if k.startswith("expected")})
            self.result = self.run(self.op, **kwargs)
            self.state = self.result.after
        else:
            self.state = self.run(
                restore_state, state=self.result.after, expected=self.expected_state(self.state)
            )

    def undo_(self) -> None:
        from domain.ops.planning import restore_state

        assert self.result is not None
        self.state = self.run(
            restore_state, state=self.result.before, expected=self.expected_state(self.state)
        )


class BookTopicCommand(PlanCommand):
    def __init__(
        self, hub: Hub, *, topic_id: int, title: str, meeting_id: int, meeting_day: dt.date,
        position: int | None = None, today: dt.date | None = None,
    ) -> None:
        from domain.ops import planning

        super().__init__(
            hub, f"book {short(title)} on {_day(meeting_day)}", planning.book,
            topic_id=topic_id, meeting_id=meeting_id, position=position, today=today,
        )


class MoveEntryCommand(PlanCommand):
    """Move an item to another meeting or place on the agenda, or back to the list."""

    def __init__(
        self, hub: Hub, *, entry_id: int, title: str, meeting_id: int | None,
        meeting_day: dt.date | None = None, position: int | None = None,
        reorder: bool = False, today: dt.date | None = None, version: int | None = None,
        together: Mapping[int, int] | None = None,
    ) -> None:
        """``version`` is the entry's as the user saw it, to check nobody moved it since;
        ``together`` the versions of all the entries the user moves at once, as read before
        the first of them moved (the later moves renumber the others)."""
        from domain.ops import planning

        if meeting_id is None:
            text = f"unschedule {short(title)}"
        elif reorder:
            text = f"reorder {short(title)}"
        else:
            text = f"move {short(title)} to {_day(meeting_day) if meeting_day else 'meeting'}"
        super().__init__(
            hub, text, planning.move_entry,
            entry_id=entry_id, meeting_id=meeting_id, position=position, today=today,
            expected_version=version, expected_entries=together,
        )


class SetFlagsCommand(PlanCommand):
    def __init__(
        self, hub: Hub, *, entry_id: int, title: str,
        to_follow: bool | None = None, verbal_update: bool | None = None, version: int | None = None,
    ) -> None:
        from domain.ops import planning

        what = "to follow" if to_follow is not None else "verbal update"
        on = to_follow if to_follow is not None else verbal_update
        text = f"mark {short(title)} {what}" if on else f"clear {what} on {short(title)}"
        super().__init__(
            hub, text, planning.set_entry_flags,
            entry_id=entry_id, to_follow=to_follow, verbal_update=verbal_update,
            expected_version=version,
        )


class DeferCommand(PlanCommand):
    def __init__(
        self, hub: Hub, *, entry_id: int, title: str, reason: str, to: str,
        today: dt.date | None = None, version: int | None = None,
    ) -> None:
        from domain.ops import planning

        where = "the next meeting" if to == "next" else "the list"
        super().__init__(
            hub, f"defer {short(title)} to {where}", planning.defer_entry,
            entry_id=entry_id, reason=reason, to=to, today=today, expected_version=version,
        )


class BringBackCommand(PlanCommand):
    def __init__(
        self, hub: Hub, *, topic_id: int, title: str, months: int, from_date: dt.date,
        entry: tuple[int, int] | None = None,
    ) -> None:
        """``entry`` is the id and version of the entry brought back, as the planner showed it."""
        from domain.ops import planning

        super().__init__(
            hub, f"bring back {short(title)} in {months} months", planning.bring_back,
            topic_id=topic_id, months=months, from_date=from_date,
            expected_entries=dict([entry]) if entry is not None else None,
        )


class CreateMeetingsCommand(PlanCommand):
    def __init__(
        self, hub: Hub, *, committee_id: int, dates: Sequence[dt.date],
        time: dt.time | None = None, venue: str | None = None,
    ) -> None:
        from domain.ops import planning

        n = len(dates)
        super().__init__(
            hub, f"create {counted(n, 'meeting')}", planning.create_meetings,
            committee_id=committee_id, dates=list(dates), time=time, venue=venue,
        )


class CancelMeetingCommand(PlanCommand):
    def __init__(
        self, hub: Hub, *, meeting_id: int, meeting_day: dt.date, move_items_to: int | str | None
    ) -> None:
        from domain.ops import planning

        super().__init__(
            hub, f"cancel meeting of {_day(meeting_day)}", planning.cancel_meeting,
            meeting_id=meeting_id, move_items_to=move_items_to,
        )


class SetMeetingStatusCommand(PlanCommand):
    """Reinstate a cancelled meeting or mark one held (cancelling is CancelMeetingCommand)."""

    def __init__(self, hub: Hub, *, meeting_id: int, starts_at: dt.datetime, status: str) -> None:
        from domain.ops import planning

        verb = "mark held" if status == "held" else "reinstate"
        super().__init__(
            hub, f"{verb} meeting of {when(starts_at)}", planning.set_meeting_status,
            meeting_id=meeting_id, status=status,
        )


class PlaceStandingCommand(PlanCommand):
    def __init__(
        self, hub: Hub, *, committee_id: int, year_start: int, meetings: Mapping[int, int] | None = None
    ) -> None:
        """``meetings`` are the year's meetings (id -> version) as the planner showed them."""
        from domain.ops import planning

        super().__init__(
            hub, "place standing items", planning.place_standing_items,
            committee_id=committee_id, year_start=year_start, expected_meetings=meetings,
        )

    def do(self) -> None:
        first = self.result is None
        super().do()
        if first and self.result is not None and not self.result.entry_ids:
            self.setObsolete(True)  # nothing was placed, so there is nothing to undo


class AcceptSuggestionCommand(PlanCommand):
    def __init__(
        self, hub: Hub, *, placements: Sequence[SuggestedPlacement],
        released_entry_ids: Sequence[int] = (),
    ) -> None:
        from domain.ops import planning

        n = len(placements)
        super().__init__(
            hub, f"accept {counted(n, 'suggested booking')}",
            planning.accept_suggestion,
            placements=list(placements), released_entry_ids=list(released_entry_ids),
            expected_topics={p.topic_id: p.topic_version for p in placements if p.topic_version is not None},
        )


class RecordOutcomeCommand(PlanCommand):
    """Record that a meeting was held or adjourned, deferring the items it did not take."""

    def __init__(
        self, hub: Hub, *, meeting_id: int, starts_at: dt.datetime, outcome: str,
        not_taken: Sequence[int] = (), to: str = "list", today: dt.date | None = None,
        version: int | None = None, entries: Mapping[int, int] | None = None,
    ) -> None:
        """``version`` and ``entries`` (id -> version) are the meeting and its items as the
        user saw them when answering."""
        from domain.ops import planning

        n = len(not_taken)
        text = f"record meeting of {when(starts_at)} as {outcome}"
        if n:
            text += f", {n} item{'s' if n != 1 else ''} deferred"
        super().__init__(
            hub, text, planning.record_outcome,
            meeting_id=meeting_id, outcome=outcome, not_taken=list(not_taken), to=to, today=today,
            expected_version=version, expected_entries=entries,
        )
