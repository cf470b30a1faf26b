"""Scoring topics with a criteria set (PAPER by default): several scorers, one agreed score."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from .. import scoring
from ..errors import Invalid
from ..models import Answer, Assessment, Committee, Topic
from ..values import AssessmentInfo, CriteriaSetInfo, QuestionInfo, TopicRow
from ..words import counted
from .bulk import insert_rows
from .convert import (
    CriteriaCache,
    agreed_scores,
    assessment_info,
    changed_since,
    chunks,
    get,
    lines,
    summaries,
    topic_row,
)
from .criteria import set_for_committee


def list_assessments(session: Session, *, topic_id: int) -> list[AssessmentInfo]:
    """Every score of a topic, oldest first: the scoring history."""
    get(session, Topic, topic_id)
    cache = CriteriaCache(session)
    rows = session.scalars(
        select(Assessment)
        .where(Assessment.topic_id == topic_id)
        .options(selectinload(Assessment.answers))
        .order_by(Assessment.scored_on, Assessment.id)
    )
    return [assessment_info(a, cache[a.criteria_set_id]) for a in rows]


def record_assessment(
    session: Session,
    *,
    topic_id: int,
    scorer: str,
    answers: Sequence[tuple[bool | int | None, str]],
    scored_on: dt.date | None = None,
    criteria_set_id: int | None = None,
    agreed: bool = False,
    note: str = "",
    assessment_id: int | None = None,
) -> AssessmentInfo:
    """Record one scorer's answers (Yes/No, a value on the question's scale, or unanswered
    (None), each with its evidence; one per question).

    ``assessment_id`` re-creates a score with its old id (redo after undo).
    """
    topic = get(session, Topic, topic_id)
    scorer = " ".join(scorer.split())
    if not scorer:
        raise Invalid("Enter the name of the person scoring.", "scorer")
    if criteria_set_id is None:
        cs = set_for_committee(session, committee_id=topic.committee_id)
    else:
        cs = CriteriaCache(session)[criteria_set_id]
    if len(answers) != len(cs.questions):
        raise Invalid(
            f"The {cs.name} tool has {counted(len(cs.questions), 'question')}; "
            f"{counted(len(answers), 'answer')} {'was' if len(answers) == 1 else 'were'} given.",
            "answers",
        )
    a = Assessment(
        id=assessment_id,
        topic_id=topic.id,
        criteria_set_id=cs.id,
        scorer=scorer,
        scored_on=scored_on or dt.date.today(),
        agreed=False,
        note=note,
    )
    a.answers = [
        Answer(criterion_id=q.id, answer=_stored(n, q, ans), evidence=evidence.strip())
        for n, (q, (ans, evidence)) in enumerate(zip(cs.questions, answers, strict=True), start=1)
    ]
    session.add(a)
    session.flush()
    if agreed:
        _set_agreed(session, a, True)
    return assessment_info(a, cs)


def _stored(n: int, q: QuestionInfo, value: bool | int | None) -> int | None:
    """An answer as stored (Yes = 1, No = 0, a scale value), refused when off the scale."""
    if value is None:
        return None
    number = int(value)
    if number not in q.rule.values:
        allowed = f"{q.scale_min} to {q.scale_max}" if q.is_scale else "Yes or No"
        raise Invalid(f"Question {n} ({q.title}) is answered {allowed}; got {number}.", "answers")
    return number


def record_imported_total(
    session: Session,
    *,
    topic_id: int,
    total: int,
    scorer: str = "Committee",
    scored_on: dt.date | None = None,
) -> AssessmentInfo:
    """A score known only by its total (from a printed programme or a CSV): agreed."""
    (assessment_id,) = record_imported_totals(
        session, totals=[(topic_id, total)], scorer=scorer, scored_on=scored_on
    )
    a = get(session, Assessment, assessment_id)
    return assessment_info(a, set_for_committee(session, committee_id=a.topic.committee_id))


def record_imported_totals(
    session: Session,
    *,
    totals: Sequence[tuple[int, int]],
    scorer: str = "Committee",
    scored_on: dt.date | None = None,
    ids: Sequence[int | None] = (),
) -> tuple[int, ...]:
    """Scores known only by their totals, (topic id, total) each, every one agreed; returns
    their ids in the same order. ``ids`` gives the n-th score that id (made again after an
    undo). An import records thousands at once: the topics and criteria sets are read once,
    and the scores written with one INSERT."""
    topic_ids = list(dict.fromkeys(topic_id for topic_id, _ in totals))
    found: dict[int, tuple[int, dt.date | None]] = {}
    for chunk in chunks(topic_ids):
        for row in session.execute(
            select(Topic.id, Topic.committee_id, Topic.added_on).where(Topic.id.in_(chunk))
        ):
            found[row.id] = (row.committee_id, row.added_on)
    sets: dict[int, CriteriaSetInfo] = {}
    made: list[dict[str, object]] = []
    for n, (topic_id, total) in enumerate(totals):
        if topic_id not in found:
            get(session, Topic, topic_id)  # says that the topic no longer exists
        committee_id, added_on = found[topic_id]
        cs = sets.get(committee_id)
        if cs is None:
            cs = sets[committee_id] = set_for_committee(session, committee_id=committee_id)
        if not 0 <= total <= cs.max_total:
            raise Invalid(
                f"A {cs.name} score is between 0 and {cs.max_total}; got {total}.", "score"
            )
        made.append(
            {
                "id": ids[n] if n < len(ids) else None,
                "topic_id": topic_id,
                "criteria_set_id": cs.id,
                "scorer": scorer,
                "scored_on": scored_on or added_on or dt.date.today(),
                "imported_total": total,
                "agreed": True,
            }
        )
    for chunk in chunks(topic_ids):
        for other in session.scalars(
            select(Assessment).where(Assessment.topic_id.in_(chunk), Assessment.agreed)
        ):
            other.agreed = False  # the new score is the agreed one
    return tuple(insert_rows(session, Assessment, made))


def _set_agreed(session: Session, a: Assessment, agreed: bool) -> None:
    if agreed:
        for other in session.scalars(
            select(Assessment).where(
                Assessment.topic_id == a.topic_id, Assessment.id != a.id, Assessment.agreed
            )
        ):
            other.agreed = False
    a.agreed = agreed
    session.flush()


def set_agreed(
    session: Session, *, assessment_id: int, agreed: bool = True, expected_version: int | None = None
) -> int | None:
    """Mark the committee's agreed score (only one per topic). Returns the id of the score
    that was agreed before, so the change can be undone."""
    a = get(session, Assessment, assessment_id, expected_version)
    previous = session.scalar(
        select(Assessment.id).where(Assessment.topic_id == a.topic_id, Assessment.agreed)
    )
    _set_agreed(session, a, agreed)
    return previous


def restore_agreed(
    session: Session, *, topic_id: int, assessment_id: int | None, expected_agreed: int | None = None
) -> None:
    """Put the agreed mark back on ``assessment_id`` (or on none). ``expected_agreed`` is the
    score the caller left agreed: when someone has since agreed another or none, nothing is
    written and a Conflict names who."""
    scores = list(session.scalars(select(Assessment).where(Assessment.topic_id == topic_id)))
    if expected_agreed is not None:
        agreed = {a.id for a in scores if a.agreed}
        if agreed != {expected_agreed}:
            raise changed_since(session, Assessment, min(agreed - {expected_agreed}, default=expected_agreed))
    for a in scores:
        a.agreed = a.id == assessment_id
    session.flush()


def delete_assessment(session: Session, *, assessment_id: int, expected_version: int | None = None) -> None:
    session.delete(get(session, Assessment, assessment_id, expected_version))
    session.flush()


@dataclass(frozen=True, slots=True)
class ScoringState:
    """Everything the scoring panel shows for one topic, read in one transaction.

    ``criteria`` is the set a new score is made with; ``sets`` holds every set the history
    uses (an old score keeps the questions it was made with). ``printed_id`` is the score the
    programme prints: the agreed one, or the only one when a single scorer has scored.
    ``people`` are the names a scorer is likely to be: the committee's chair, vice-chair,
    members and co-opted representatives, then anyone who has scored the topic.
    """

    topic: TopicRow
    criteria: CriteriaSetInfo
    assessments: tuple[AssessmentInfo, ...]
    sets: tuple[CriteriaSetInfo, ...]
    printed_id: int | None
    people: tuple[str, ...] = ()

    def set_of(self, info: AssessmentInfo) -> CriteriaSetInfo:
        for cs in self.sets:
            if cs.id == info.criteria_set_id:
                return cs
        return self.criteria


def scoring_state(session: Session, *, topic_id: int) -> ScoringState:
    """A topic, the questions to score it with, and its scoring history (oldest first)."""
    topic = get(session, Topic, topic_id)
    criteria = set_for_committee(session, committee_id=topic.committee_id)
    history = list_assessments(session, topic_id=topic_id)
    cache = CriteriaCache(session)
    sets = {criteria.id: criteria}
    for info in history:
        if info.criteria_set_id not in sets:
            sets[info.criteria_set_id] = cache[info.criteria_set_id]
    printed = scoring.agreed_score(summaries(history))
    return ScoringState(
        topic=topic_row(topic, agreed_scores(session, [topic.id]).get(topic.id)),
        criteria=criteria,
        assessments=tuple(history),
        sets=tuple(sets.values()),
        printed_id=printed.assessment_id if printed else None,
        people=_people(topic.committee, history),
    )


def _people(committee: Committee, history: Sequence[AssessmentInfo]) -> tuple[str, ...]:
    names = [committee.chair, committee.vice_chair, *lines(committee.members)]
    names += [*lines(committee.co_opted), *(a.scorer for a in history if not a.imported)]
    return tuple(dict.fromkeys(n for n in names if n))
