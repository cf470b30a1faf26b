"""Plain, frozen values that use cases return to the GUI, the command line and printing.

No view ever holds a live ORM object (architecture house rule 1), so nothing can touch a
detached instance or lazy-load from a closed session.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# The two printed programme layouts the council uses (``Committee.programme_layout``): seed 001's
# with a Prioritisation Score column, and seed 000's with a "Purpose of the agenda item" column.
PROGRAMME_LAYOUTS = ("scored", "purpose")


@dataclass(frozen=True, slots=True)
class CommitteeInfo:
    id: int
    version: int
    name: str
    short_name: str
    remit: str
    corporate_priorities: str
    chair: str
    vice_chair: str
    members: tuple[str, ...]
    co_opted: tuple[str, ...]
    officer_name: str
    officer_phone: str
    officer_email: str
    default_venue: str
    default_time: dt.time | None
    capacity_items: int | None
    capacity_minutes: int | None
    minutes_per_item: int
    programme_layout: str = "scored"  # "scored" (seed 001) or "purpose" (seed 000)


@dataclass(frozen=True, slots=True)
class MeetingInfo:
    id: int
    version: int
    committee_id: int
    starts_at: dt.datetime
    venue: str
    status: str
    moved_from: dt.datetime | None
    capacity_items: int | None
    capacity_minutes: int | None
    notes: str
    item_count: int = 0


@dataclass(frozen=True, slots=True)
class TopicRow:
    """A topic as listed in the Topics view (one row per topic)."""

    id: int
    version: int
    committee_id: int
    year_start: int
    title: str
    reason: str
    responsible: str
    source_kind: str | None
    source_ref: str
    added_on: dt.date | None
    kind: str
    status: str
    status_reason: str
    exempt: bool
    exempt_paragraph: int | None
    needed_by: dt.date | None
    estimated_minutes: int | None
    score: int | None  # the agreed (printed) score
    band: str | None
    decision_id: int | None = None
    exempt_cleared_reason: str = ""  # why a person cleared an inherited exemption


@dataclass(frozen=True, slots=True)
class AnswerValue:
    question_index: int
    answer: bool | None
    evidence: str


@dataclass(frozen=True, slots=True)
class AssessmentInfo:
    id: int
    version: int
    topic_id: int
    criteria_set_id: int
    scorer: str
    scored_on: dt.date
    agreed: bool
    answers: tuple[AnswerValue, ...]  # empty for an imported total
    total: int
    max_total: int
    band: str | None
    imported: bool
    note: str


@dataclass(frozen=True, slots=True)
class QuestionInfo:
    id: int
    position: int
    letter: str
    title: str
    question: str
    weight: int


@dataclass(frozen=True, slots=True)
class BandInfo:
    name: str
    min_total: int
    max_total: int


@dataclass(frozen=True, slots=True)
class CriteriaSetInfo:
    id: int
    name: str
    revision: int
    questions: tuple[QuestionInfo, ...]
    bands: tuple[BandInfo, ...]

    @property
    def max_total(self) -> int:
        return sum(q.weight for q in self.questions)


@dataclass(frozen=True, slots=True)
class EntryInfo:
    id: int
    version: int
    meeting_id: int
    topic_id: int
    position: int
    title: str
    purpose: str | None
    reason: str  # what prints: the purpose when set, else the topic's reason
    responsible: str
    score: int | None
    band: str | None
    to_follow: bool
    verbal_update: bool
    pinned: bool
    provisional: bool
    exempt: bool
    exempt_paragraph: int | None
    kind: str
    note: str


@dataclass(frozen=True, slots=True)
class MeetingWithEntries:
    meeting: MeetingInfo
    entries: tuple[EntryInfo, ...]


@dataclass(frozen=True, slots=True)
class ProgrammeView:
    """A committee's programme for one municipal year, as the planner and printing see it."""

    committee: CommitteeInfo
    year_start: int
    approved: bool
    meetings: tuple[MeetingWithEntries, ...]
    to_be_scheduled: tuple[TopicRow, ...]
    reviews: tuple[TopicRow, ...]


@dataclass(frozen=True, slots=True)
class Change:
    """What an operation changed, so views redraw only that (Anki's OpChanges)."""

    committees: bool = False
    meetings: bool = False
    topics: bool = False
    scores: bool = False
    programme: bool = False
    decisions: bool = False
    reviews: bool = False
