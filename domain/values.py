"""Plain, frozen values that use cases return to the GUI, the command line and printing.

No view ever holds a live ORM object (architecture house rule 1), so nothing can touch a
detached instance or lazy-load from a closed session.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from . import scoring

# The stages of a year's topics the Year page's priority spread counts, with the topic
# statuses each takes in (the Topics page filters on the same sets).
STAGES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Accepted", ("accepted", "to_be_scheduled")),
    ("Scheduled", ("scheduled", "done")),
    ("Not pursued", ("not_pursued",)),
)

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
    # The suggestion and its path (domain.screening reads ``screening``).
    proposer_name: str = ""
    proposer_contact: str = ""
    outcome: str = ""
    plan_link: str = ""
    workload: str | None = None
    screening: tuple[tuple[str, str], ...] = ()  # (flag, reason), in domain.screening's order
    told_on: dt.date | None = None
    urgent: bool = False
    urgent_reason: str = ""


@dataclass(frozen=True, slots=True)
class AnswerValue:
    """One answer: True (Yes) or False (No) to a Yes/No question, a whole number on a
    scale question's scale, or None when unanswered."""

    question_index: int
    answer: bool | int | None
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
    kind: str = scoring.YES_NO
    scale_min: int = 0
    scale_max: int = 1
    help: str = ""

    @property
    def rule(self) -> scoring.Question:
        return scoring.Question(
            self.letter, self.title, self.question, self.weight,
            self.kind, self.scale_min, self.scale_max, self.help,
        )  # fmt: skip

    @property
    def is_scale(self) -> bool:
        return self.kind == scoring.SCALE


@dataclass(frozen=True, slots=True)
class BandInfo:
    name: str
    min_total: int
    max_total: int
    colour: str = ""

    @property
    def rule(self) -> scoring.BandRule:
        return scoring.BandRule(self.name, self.min_total, self.max_total, self.colour)


@dataclass(frozen=True, slots=True)
class CriteriaSetInfo:
    id: int
    name: str
    revision: int
    questions: tuple[QuestionInfo, ...]
    bands: tuple[BandInfo, ...]
    version: int = 1
    is_default: bool = False
    replaced_by: int | None = None

    @property
    def max_total(self) -> int:
        return scoring.max_total(self.question_rules)

    @property
    def question_rules(self) -> tuple[scoring.Question, ...]:
        return tuple(q.rule for q in self.questions)

    @property
    def band_rules(self) -> tuple[scoring.BandRule, ...]:
        return tuple(b.rule for b in self.bands)

    @property
    def spec(self) -> scoring.CriteriaSetSpec:
        return scoring.CriteriaSetSpec(self.name, self.question_rules, self.band_rules)


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


EVERYTHING = Change(
    committees=True, meetings=True, topics=True, scores=True, programme=True, decisions=True, reviews=True
)

# What an operation changed, by the type of the value it returns. Names, not classes: the
# result types live beside their operations, which load SQLAlchemy, and this module must not.
_CHANGED_BY: dict[str, Change] = {
    "CommitteeInfo": Change(committees=True, programme=True),
    "MeetingInfo": Change(meetings=True, programme=True),
    "TopicRow": Change(topics=True, programme=True),
    "TopicBatch": Change(topics=True, programme=True),
    "SuggestionImport": Change(topics=True, programme=True),
    # A score changes the printed programme's score column as well as the topic's score.
    "AssessmentInfo": Change(scores=True, programme=True),
    # A planning step (booking, moving, cancelling) reports the programme it left behind.
    "ProgrammeState": Change(programme=True, meetings=True, topics=True),
    # Settings change deadlines, warnings and what prints: the planner and meetings redraw.
    "CouncilSettings": Change(programme=True, meetings=True),
    "ImportResult": Change(topics=True, meetings=True, programme=True, scores=True),
    # A scoring tool's questions and bands: the scoring panel, the topics' bands, the print.
    "CriteriaSetInfo": Change(scores=True, topics=True, programme=True),
    "DeletedSet": Change(scores=True, topics=True, programme=True),
    "ToolChoice": Change(scores=True, topics=True, programme=True),
    "DecisionInfo": Change(decisions=True),
    "ProgressNoteInfo": Change(decisions=True),
    "ReviewInfo": Change(reviews=True),
    "ReviewMeetingInfo": Change(reviews=True),
    "RecommendationInfo": Change(reviews=True),
    # Adding to the programme makes a topic and books it: every page showing those reloads.
    "ProgrammeAddition": Change(decisions=True, reviews=True, topics=True, programme=True, meetings=True),
    # Evidence shows beside a topic's score (its suggested answers) and on the scoring sheet.
    "LinkChange": Change(scores=True),
    "EvidenceImportSummary": Change(scores=True),
}


def change_of_type(cls: type) -> Change | None:
    """What an operation returning a ``cls`` changed, or None if the type does not say."""
    for base in cls.__mro__:
        change = _CHANGED_BY.get(base.__name__)
        if change is not None:
            return change
    return None


def change_of(result: object, default: Change = EVERYTHING) -> Change:
    """What the operation that returned ``result`` changed, so views redraw only that.

    A result carrying the state after the change (``after``: an edit's row, a planning step's
    programme) changed what that state is. A result that says nothing (None, a number) gives
    ``default``: every view reloads unless the caller knows better, so none shows stale data.
    """
    change = change_of_type(type(result))
    if change is not None:
        return change
    after = getattr(result, "after", None)
    if after is not None:
        return change_of(after, default)
    return default
