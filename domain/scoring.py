"""The prioritisation engine: criteria sets, totals, bands and the agreed score.

Pure functions over plain values, so the same rules serve the database, the GUI and printing.
The default set is the PAPER tool of seed 001 ("Annex 1 – Scrutiny Prioritisation Tool").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

YES_NO = "yes_no"
SCALE = "scale"
ANSWER_KINDS = (YES_NO, SCALE)
# The widest scale a question may have: a row of radio buttons must still fit the panel.
SCALE_LIMIT = 10


@dataclass(frozen=True, slots=True)
class Question:
    """One question of a criteria set.

    ``kind`` is YES_NO (Yes scores 1, No 0) or SCALE (a whole number from ``scale_min`` to
    ``scale_max``, e.g. 0-2 as in the TOPIC tool, or 1-5). An answer earns its value times
    ``weight``; an unanswered question earns nothing. ``help`` guides the scorer.
    """

    letter: str
    title: str
    question: str
    weight: int = 1
    kind: str = YES_NO
    scale_min: int = 0
    scale_max: int = 1
    help: str = ""

    @property
    def is_scale(self) -> bool:
        return self.kind == SCALE

    @property
    def values(self) -> range:
        """The values an answer may take (No = 0 and Yes = 1 for a Yes/No question)."""
        return range(self.scale_min, self.scale_max + 1) if self.is_scale else range(0, 2)

    @property
    def max_points(self) -> int:
        return self.weight * self.values[-1]


@dataclass(frozen=True, slots=True)
class BandRule:
    """A priority band: totals from ``min_total`` to ``max_total``; ``colour`` (#rrggbb) is
    the council's own fill, empty for the palette's colour of the band's rank."""

    name: str
    min_total: int
    max_total: int
    colour: str = ""


@dataclass(frozen=True, slots=True)
class CriteriaSetSpec:
    name: str
    questions: tuple[Question, ...]
    bands: tuple[BandRule, ...]

    @property
    def max_total(self) -> int:
        return max_total(self.questions)


def max_total(questions: Sequence[Question]) -> int:
    return sum(q.max_points for q in questions)


def scale_label(q: Question) -> str:
    """How a question is answered, in words: "Yes / No" or "0-2"."""
    return f"{q.scale_min}-{q.scale_max}" if q.is_scale else "Yes / No"


def answer_word(value: int | None, q: Question) -> str:
    """An answer as printed and shown: "Yes", "No", the scale value, or "" when unanswered."""
    if value is None:
        return ""
    if not q.is_scale:
        return "Yes" if value else "No"
    return str(int(value))


def points(value: int | None, q: Question) -> int:
    """What an answer adds to the total."""
    return 0 if value is None else int(value) * q.weight


_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def problems(spec: CriteriaSetSpec) -> list[str]:
    """Why a criteria set cannot work, one sentence each; empty when it can.

    Refused: no name, no questions, a question without a title or text, a weight below 1, a
    scale that is not a range of 2 to SCALE_LIMIT + 1 whole numbers from 0 or 1, no bands, a
    band with no name or a lowest total above its highest, bands that overlap or leave a
    gap between them, a top band that stops short of the highest possible total, a colour
    not written #rrggbb. Totals below the lowest band are "Not a scrutiny topic".
    """
    found: list[str] = []
    if not spec.name.strip():
        found.append("The set has no name.")
    if not spec.questions:
        found.append("The set has no questions: add at least one.")
    for n, q in enumerate(spec.questions, start=1):
        what = f"Question {n}" + (f" ({q.title})" if q.title.strip() else "")
        if not q.title.strip():
            found.append(f"{what} has no title.")
        if not q.question.strip():
            found.append(f"{what} has no question text.")
        if q.weight < 1:
            found.append(f"{what} has a weight of {q.weight}: a weight is a whole number, 1 or more.")
        if q.kind not in ANSWER_KINDS:
            found.append(f"{what} is answered '{q.kind}': use Yes / No or a scale.")
        elif q.is_scale and (
            q.scale_min not in (0, 1) or not q.scale_min < q.scale_max <= SCALE_LIMIT
        ):
            found.append(
                f"{what} has the scale {q.scale_min}-{q.scale_max}: a scale starts at 0 or 1 "
                f"and ends above its start, at most {SCALE_LIMIT}."
            )
    if not spec.bands:
        found.append("The set has no bands: add at least one (e.g. High, Medium, Low).")
    seen: set[str] = set()
    for b in spec.bands:
        key = b.name.strip().casefold()
        if not key:
            found.append("A band has no name.")
        elif key in seen:
            found.append(f"Two bands are called {b.name}.")
        seen.add(key)
        if b.min_total > b.max_total:
            found.append(
                f"Band {b.name}: its lowest total ({b.min_total}) is above its highest "
                f"({b.max_total})."
            )
        if b.min_total < 0:
            found.append(f"Band {b.name} starts below 0.")
        if b.colour and not _COLOUR.fullmatch(b.colour):
            found.append(f"Band {b.name}: the colour '{b.colour}' is not written #rrggbb.")
    if any(b.min_total > b.max_total or not b.name.strip() for b in spec.bands) or not spec.bands:
        return found
    ordered = sorted(spec.bands, key=lambda b: (b.min_total, b.max_total))
    for low, high in zip(ordered, ordered[1:], strict=False):
        if high.min_total <= low.max_total:
            found.append(
                f"Bands {low.name} ({low.min_total}-{low.max_total}) and {high.name} "
                f"({high.min_total}-{high.max_total}) overlap."
            )
        elif high.min_total > low.max_total + 1:
            found.append(
                f"Bands {low.name} and {high.name} leave a gap: no band holds "
                + _span(low.max_total + 1, high.min_total - 1)
                + "."
            )
    top = ordered[-1]
    if spec.questions and top.max_total < spec.max_total:
        found.append(
            f"The bands leave a gap: the highest possible total is {spec.max_total}, but the "
            f"top band, {top.name}, ends at {top.max_total}; make it end at {spec.max_total}."
        )
    return found


def _span(low: int, high: int) -> str:
    return f"a total of {low}" if low == high else f"totals {low} to {high}"


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


def total(answers: Sequence[int | None], weights: Sequence[int]) -> int:
    """The weighted sum of the answers (Yes = 1, No = 0, a scale answer its value);
    unanswered questions count as nothing."""
    if len(answers) != len(weights):
        raise ValueError(f"{len(answers)} answers for {len(weights)} questions")
    return sum(w * int(a) for a, w in zip(answers, weights, strict=True) if a is not None)


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
