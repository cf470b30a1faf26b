"""The prioritisation engine: criteria sets, totals, bands and the agreed score.

Pure functions over plain values, so the same rules serve the database, the GUI and printing.
The default set is the PAPER tool of seed 001 ("Annex 1 – Scrutiny Prioritisation Tool").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Question:
    letter: str
    title: str
    question: str
    weight: int = 1


@dataclass(frozen=True, slots=True)
class BandRule:
    name: str
    min_total: int
    max_total: int


@dataclass(frozen=True, slots=True)
class CriteriaSetSpec:
    name: str
    questions: tuple[Question, ...]
    bands: tuple[BandRule, ...]

    @property
    def max_total(self) -> int:
        return sum(q.weight for q in self.questions)


NOT_A_SCRUTINY_TOPIC = "Not a scrutiny topic"

PAPER = CriteriaSetSpec(
    name="PAPER",
    questions=(
        Question(
            "P",
            "Public interest",
            "Is it an issue of concern to partners, stakeholders and/or the community?",
        ),
        Question("A", "Ability", "Could Scrutiny have an influence?"),
        Question("P", "Performance", "Is this an area of underperformance?"),
        Question(
            "E",
            "Extent",
            "Does the topic affect people living, working or studying in more than one "
            "electoral ward of Plymouth?",
        ),
        Question("R", "Replication", "Will this be the only opportunity for public scrutiny?"),
        Question(
            "",
            "Executive decision",
            "Is the topic due planned to be the subject of an Executive Decision?",
        ),
    ),
    bands=(
        BandRule("High", 5, 6),
        BandRule("Medium", 3, 4),
        BandRule("Low", 1, 2),
    ),
)

# Lower rank sorts first; used for ordering topics by priority.
BAND_RANK = {"High": 0, "Medium": 1, "Low": 2}
UNSCORED_RANK = 9


def total(answers: Sequence[bool | None], weights: Sequence[int]) -> int:
    """Weighted count of Yes answers; unanswered questions count as No."""
    if len(answers) != len(weights):
        raise ValueError(f"{len(answers)} answers for {len(weights)} questions")
    return sum(w for a, w in zip(answers, weights, strict=True) if a)


def band_for(score: int | None, bands: Sequence[BandRule]) -> str | None:
    """The band a total falls in, ``NOT_A_SCRUTINY_TOPIC`` for 0, or None when unscored.

    A total outside every band (possible with custom sets that leave gaps) falls in the
    nearest band below it, so a higher score never gets a lower priority.
    """
    if score is None:
        return None
    for b in bands:
        if b.min_total <= score <= b.max_total:
            return b.name
    if score <= 0:
        return NOT_A_SCRUTINY_TOPIC
    below = [b for b in bands if b.max_total < score]
    if below:
        return max(below, key=lambda b: b.max_total).name
    return NOT_A_SCRUTINY_TOPIC


def band_rank(band: str | None, bands: Sequence[BandRule] = PAPER.bands) -> int:
    """Sort key for a band: the highest band first, then lower ones, unscored last."""
    if band is None:
        return UNSCORED_RANK
    ordered = sorted(bands, key=lambda b: -b.max_total)
    for i, b in enumerate(ordered):
        if b.name == band:
            return i
    return UNSCORED_RANK - 1  # "not a scrutiny topic"


@dataclass(frozen=True, slots=True)
class ScoreSummary:
    """One assessment as the GUI and printing see it."""

    assessment_id: int
    scorer: str
    scored_on: str  # ISO date
    total: int
    max_total: int
    band: str | None
    agreed: bool


def agreed_score(scores: Sequence[ScoreSummary]) -> ScoreSummary | None:
    """The committee's score: the one marked agreed (the latest if several were marked).

    With no agreed score, a topic scored by exactly one scorer is printed with that score,
    as the paper process did; several disagreeing scorers print nothing until one is agreed.
    """
    agreed = [s for s in scores if s.agreed]
    if agreed:
        return max(agreed, key=lambda s: (s.scored_on, s.assessment_id))
    if len(scores) == 1:
        return scores[0]
    return None
