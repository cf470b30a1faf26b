"""Planning a committee-year: meetings, booking topics onto them (one ``book``, one
``cancel_meeting`` for every caller), standing items, moves and deferrals, suggested schedules,
what the planner shows, and the snapshots that undo and redo restore.

``common`` holds what the operations share, ``snapshots`` the undo states; the modules below
hold the operations, and this package names them for callers.
"""

from __future__ import annotations

from .booking import (
    Booked,
    BookedMany,
    Booking,
    book,
    book_many,
    booking_caution,
    resolve_placement,
)
from .common import year_span
from .loads import MeetingDeadline, MeetingLoad, meeting_deadlines, meeting_loads
from .meetings import (
    MeetingAgenda,
    MeetingCancelled,
    MeetingsCreated,
    OutcomeRecorded,
    StatusSet,
    add_meeting,
    cancel_meeting,
    create_meetings,
    delete_meeting,
    list_meetings,
    meeting_agenda,
    move_meeting,
    record_outcome,
    set_meeting_status,
)
from .moves import (
    BroughtBack,
    Deferred,
    FlagsSet,
    Moved,
    bring_back,
    defer_entry,
    move_entry,
    set_entry_flags,
)
from .snapshots import ProgrammeState, Undoable, restore_state
from .standing import StandingPlaced, place_standing_items
from .suggestions import (
    ScheduleSuggestion,
    SuggestedPlacement,
    SuggestionAccepted,
    UnplacedTopic,
    accept_suggestion,
    suggest,
)
from .view import PlannerData, ProgrammeWarning, load_programme, planner_data, programme_warnings

__all__ = [
    "Booked",
    "BookedMany",
    "Booking",
    "BroughtBack",
    "Deferred",
    "FlagsSet",
    "MeetingAgenda",
    "MeetingCancelled",
    "MeetingDeadline",
    "MeetingLoad",
    "MeetingsCreated",
    "OutcomeRecorded",
    "Moved",
    "PlannerData",
    "ProgrammeState",
    "ProgrammeWarning",
    "ScheduleSuggestion",
    "StandingPlaced",
    "StatusSet",
    "SuggestedPlacement",
    "SuggestionAccepted",
    "Undoable",
    "UnplacedTopic",
    "accept_suggestion",
    "add_meeting",
    "book",
    "book_many",
    "booking_caution",
    "bring_back",
    "cancel_meeting",
    "create_meetings",
    "defer_entry",
    "delete_meeting",
    "list_meetings",
    "load_programme",
    "meeting_agenda",
    "meeting_deadlines",
    "meeting_loads",
    "move_entry",
    "move_meeting",
    "place_standing_items",
    "record_outcome",
    "planner_data",
    "programme_warnings",
    "restore_state",
    "resolve_placement",
    "set_entry_flags",
    "set_meeting_status",
    "suggest",
    "year_span",
]
