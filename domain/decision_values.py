"""Plain, frozen values for tracking decisions and select committee reviews.

Like ``domain.values``, these are what the use cases in ``ops.decisions`` and ``ops.reviews``
hand to the GUI and to printing: no live ORM object ever leaves an operation. A value carries
everything needed to put the row back as it was (ids included), so an undo command can restore
a deleted row, or the fields an edit replaced, from the value alone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Generic, TypeVar

# The stored codes with their labels, named here for the code that reads these values.
from .codes import DecisionStatus, ExecutiveResponse, Rag, ReviewStatus

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Edited(Generic[T]):
    """The row before and after an edit; undo puts ``before`` back."""

    before: T
    after: T


# --- tracking decisions -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProgressNoteInfo:
    id: int
    version: int
    decision_id: int
    noted_on: dt.date
    text: str


@dataclass(frozen=True, slots=True)
class LinkedTopic:
    """A work programme topic created from a resolution (or a recommendation's follow-up)."""

    id: int
    title: str
    status: str
    year_start: int
    meeting_dates: tuple[dt.date, ...]  # the meetings it is booked onto, earliest first
    needed_by: dt.date | None


@dataclass(frozen=True, slots=True)
class DecisionInfo:
    """A resolution as the tracking decisions log shows it."""

    id: int
    version: int
    committee_id: int
    meeting_id: int | None  # set when the meeting is in the database
    meeting_date: dt.date
    minute_no: str
    title: str
    resolution: str
    target_date: dt.date | None
    target_label: str  # "July 2019" for a month, "10 July 2019" for a day, "" for none
    officer: str
    status: DecisionStatus
    rag: Rag | None
    overdue: bool  # derived: ongoing and the target date has passed
    progress: tuple[ProgressNoteInfo, ...]  # newest first
    topics: tuple[LinkedTopic, ...] = ()  # topics created from this resolution

    @property
    def progress_text(self) -> str:
        """The latest progress, as the printed tracking document's "Progress:" shows it."""
        return self.progress[0].text if self.progress else ""


@dataclass(frozen=True, slots=True)
class ProgrammeAddition:
    """What adding a resolution (or a recommendation's follow-up) to the programme created.

    The undo op removes exactly this: the topic, its entry, the progress note, and puts the
    previous status (or follow-up link) back. The request itself is kept so that redo makes the
    same rows again with the same ids.
    """

    topic_id: int
    entry_id: int | None  # None when the topic went to "items to be scheduled"
    meeting_id: int | None
    meeting_date: dt.date | None
    needed_by: dt.date | None
    year_start: int
    message: str  # for the status bar: where the item went
    decision_id: int | None = None
    recommendation_id: int | None = None
    note_id: int | None = None  # the "Added to work programme" progress note
    previous_status: str | None = None  # the decision's status before
    previous_follow_up_topic_id: int | None = None  # the recommendation's link before
    # the request, for redo
    title: str | None = None
    reason: str | None = None
    requested_meeting_id: int | None = None
    in_months: int | None = None
    today: dt.date | None = None
    source_kind: str | None = None
    # (table, id, version) of the rows this step left: undo and redo check nobody changed
    # them. Not part of what was added, so a redone addition equals the first.
    versions: tuple[tuple[str, int, int], ...] = field(default=(), compare=False)

    @property
    def booked(self) -> bool:
        return self.entry_id is not None


# --- select committee reviews -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReviewMeetingInfo:
    id: int
    version: int
    review_id: int
    starts_at: dt.datetime
    venue: str
    notes: str


@dataclass(frozen=True, slots=True)
class RecommendationInfo:
    id: int
    version: int
    review_id: int
    number: int
    text: str
    response: ExecutiveResponse
    response_on: dt.date | None
    response_text: str
    follow_up_on: dt.date | None
    follow_up_topic_id: int | None


@dataclass(frozen=True, slots=True)
class ReviewInfo:
    """A select committee review (task and finish group) with its meetings and recommendations."""

    id: int
    version: int
    committee_id: int
    topic_id: int | None
    title: str
    scope: str
    members: tuple[str, ...]
    lead_officer: str
    status: ReviewStatus
    added_on: dt.date | None
    reported_on: dt.date | None
    meetings: tuple[ReviewMeetingInfo, ...] = ()
    recommendations: tuple[RecommendationInfo, ...] = ()
    # The review's topic is a Part II item: nothing of the review may be published.
    exempt: bool = False
    exempt_paragraph: int | None = None
