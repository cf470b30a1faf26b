"""The select committee review tables: reviews, their meetings and their recommendations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from domain.dates import short_weekday_date
from domain.decision_values import ExecutiveResponse, ReviewStatus

from . import labels
from .table import RIGHT, Column, RowTableModel

if TYPE_CHECKING:
    from domain.decision_values import RecommendationInfo, ReviewInfo, ReviewMeetingInfo

# A second cue only: the response is always written in the cell.
RESPONSE_COLOURS = {
    ExecutiveResponse.AGREED: "#cfe8cf",
    ExecutiveResponse.NOTED: "#dde6f3",
    ExecutiveResponse.REJECTED: "#f6c9c4",
}
_STATUS_ORDER = list(ReviewStatus)


def _date_key(d: object) -> int:
    return d.toordinal() if d is not None else 10**7  # type: ignore[attr-defined]


REVIEW_COLUMNS: tuple[Column[ReviewInfo], ...] = (
    Column("Review", lambda r: r.title, tooltip=lambda r: r.scope or None),
    Column("Status", lambda r: r.status.label, sort_key=lambda r: _STATUS_ORDER.index(r.status)),
    Column("Lead officer", lambda r: r.lead_officer),
    Column("Added", lambda r: labels.date_text(r.added_on), sort_key=lambda r: _date_key(r.added_on)),
    Column("Reported", lambda r: labels.date_text(r.reported_on), sort_key=lambda r: _date_key(r.reported_on)),
    Column("Recommendations", lambda r: str(len(r.recommendations)) if r.recommendations else "",
           sort_key=lambda r: len(r.recommendations)),
)


class ReviewTableModel(RowTableModel["ReviewInfo"]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(REVIEW_COLUMNS, parent)

    def row_of_review(self, review_id: int) -> int:
        return self.row_of(lambda r: r.id == review_id)


def meeting_when(m: ReviewMeetingInfo) -> str:
    return f"{short_weekday_date(m.starts_at.date())}, {labels.time_text(m.starts_at.time())}"


REVIEW_MEETING_COLUMNS: tuple[Column[ReviewMeetingInfo], ...] = (
    Column("When", meeting_when, sort_key=lambda m: m.starts_at),
    Column("Venue", lambda m: m.venue),
    Column("Notes", lambda m: " ".join(m.notes.split()), tooltip=lambda m: m.notes or None),
)


class ReviewMeetingTableModel(RowTableModel["ReviewMeetingInfo"]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(REVIEW_MEETING_COLUMNS, parent)


def follow_up_text(x: RecommendationInfo) -> str:
    due = labels.date_text(x.follow_up_on)
    if x.follow_up_topic_id is not None:
        return f"{due} · on the work programme" if due else "On the work programme"
    return due


RECOMMENDATION_COLUMNS: tuple[Column[RecommendationInfo], ...] = (
    Column("No.", lambda x: str(x.number), sort_key=lambda x: x.number, alignment=RIGHT),
    Column("Recommendation", lambda x: x.text.strip(), tooltip=lambda x: x.text),
    Column(
        "Response",
        lambda x: x.response.label,
        background=lambda x: RESPONSE_COLOURS.get(x.response),
    ),
    Column("Date", lambda x: labels.date_text(x.response_on), sort_key=lambda x: _date_key(x.response_on),
           header_tooltip="The date of the executive's response"),
    Column("What the executive said", lambda x: x.response_text.strip(), tooltip=lambda x: x.response_text or None),
    Column("Follow-up", follow_up_text, sort_key=lambda x: _date_key(x.follow_up_on)),
)


class RecommendationTableModel(RowTableModel["RecommendationInfo"]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(RECOMMENDATION_COLUMNS, parent)
