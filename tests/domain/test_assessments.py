"""Scoring topics: recording, several scorers, the agreed score, undo support, scoring state."""

from __future__ import annotations

import datetime as dt

import pytest

from domain import scoring
from domain.db import Database
from domain.errors import Invalid, NotFound
from domain.ops import assessments, committees, topics
from domain.ops.criteria import revise_set

YES_4 = [(True, "Raised by parents"), (True, ""), (False, ""), (True, "City-wide"), (True, ""),
         (None, "")]


@pytest.fixture
def topic_id(db: Database) -> int:
    with db.transaction() as s:
        c = committees.create_committee(
            s, name="Education Scrutiny Committee", chair="Councillor Mrs Johnson",
            vice_chair="Councillor Murphy", members=["Councillor Allen", "Councillor Buchan"],
        )
        return topics.create_topic(
            s, committee_id=c.id, year_start=2019, title="Child Exploitation"
        ).id


def test_a_recorded_score_has_its_total_band_and_evidence(db: Database, topic_id: int) -> None:
    with db.transaction() as s:
        info = assessments.record_assessment(
            s, topic_id=topic_id, scorer="  Councillor   Murphy ", answers=YES_4
        )
    assert (info.total, info.max_total, info.band) == (4, 6, "Medium")
    assert info.scorer == "Councillor Murphy"
    with db.transaction() as s:
        [again] = assessments.list_assessments(s, topic_id=topic_id)
    assert again.answers[0].evidence == "Raised by parents"
    assert again.answers[5].answer is None


def test_an_empty_scorer_or_wrong_answer_count_records_nothing(db: Database, topic_id: int) -> None:
    with db.transaction() as s, pytest.raises(Invalid) as exc:
        assessments.record_assessment(s, topic_id=topic_id, scorer="   ", answers=YES_4)
    assert exc.value.field == "scorer"
    with db.transaction() as s, pytest.raises(Invalid, match="6 questions; 2 answers"):
        assessments.record_assessment(
            s, topic_id=topic_id, scorer="Councillor Allen", answers=YES_4[:2]
        )
    with db.transaction() as s:
        assert assessments.list_assessments(s, topic_id=topic_id) == []


def test_a_deleted_score_comes_back_with_the_same_id(db: Database, topic_id: int) -> None:
    with db.transaction() as s:
        first = assessments.record_assessment(
            s, topic_id=topic_id, scorer="Councillor Allen", answers=YES_4,
            scored_on=dt.date(2019, 9, 11),
        )
    with db.transaction() as s:
        assessments.delete_assessment(s, assessment_id=first.id)
    with db.transaction() as s:
        assert assessments.list_assessments(s, topic_id=topic_id) == []
        again = assessments.record_assessment(
            s, topic_id=topic_id, scorer="Councillor Allen", answers=YES_4,
            scored_on=dt.date(2019, 9, 11), assessment_id=first.id,
        )
    assert again.id == first.id
    assert again.total == first.total
    assert again.scored_on == dt.date(2019, 9, 11)


def test_the_agreed_score_is_printed_and_can_be_put_back(db: Database, topic_id: int) -> None:
    with db.transaction() as s:
        a = assessments.record_assessment(
            s, topic_id=topic_id, scorer="Councillor Allen", answers=[(True, "")] * 6
        )
        b = assessments.record_assessment(
            s, topic_id=topic_id, scorer="Councillor Buchan", answers=[(False, "")] * 3 +
            [(True, "")] * 3,
        )
    with db.transaction() as s:
        # Two scorers who disagree: nothing is printed until one is agreed.
        assert topics.get_topic(s, topic_id=topic_id).score is None
        assert assessments.set_agreed(s, assessment_id=a.id) is None
    with db.transaction() as s:
        assert topics.get_topic(s, topic_id=topic_id).score == 6
        previous = assessments.set_agreed(s, assessment_id=b.id)
    assert previous == a.id
    with db.transaction() as s:
        row = topics.get_topic(s, topic_id=topic_id)
        assert (row.score, row.band) == (3, "Medium")
        agreed = [x.id for x in assessments.list_assessments(s, topic_id=topic_id) if x.agreed]
        assert agreed == [b.id]
        assessments.restore_agreed(s, topic_id=topic_id, assessment_id=previous)
    with db.transaction() as s:
        assert topics.get_topic(s, topic_id=topic_id).score == 6


def test_scoring_state_reads_topic_questions_history_and_printed_score(
    db: Database, topic_id: int
) -> None:
    with db.transaction() as s:
        empty = assessments.scoring_state(s, topic_id=topic_id)
    assert empty.assessments == ()
    assert empty.printed_id is None
    assert [q.title for q in empty.criteria.questions] == [q.title for q in scoring.PAPER.questions]

    with db.transaction() as s:
        only = assessments.record_assessment(
            s, topic_id=topic_id, scorer="Councillor Allen", answers=YES_4,
            scored_on=dt.date(2019, 7, 1),
        )
        later = assessments.record_assessment(
            s, topic_id=topic_id, scorer="Councillor Downie", answers=[(False, "")] * 6,
            scored_on=dt.date(2019, 7, 2),
        )
    with db.transaction() as s:
        state = assessments.scoring_state(s, topic_id=topic_id)
    assert [a.id for a in state.assessments] == [only.id, later.id]  # newest last
    assert state.printed_id is None  # two scorers, none agreed
    assert state.topic.title == "Child Exploitation"
    assert state.assessments[1].band == scoring.NOT_A_SCRUTINY_TOPIC

    with db.transaction() as s:
        assessments.set_agreed(s, assessment_id=later.id)
        state = assessments.scoring_state(s, topic_id=topic_id)
    assert state.printed_id == later.id
    assert state.topic.score == 0
    # The names offered for the scorer: the committee first, then anyone else who scored.
    assert state.people == (
        "Councillor Mrs Johnson", "Councillor Murphy", "Councillor Allen", "Councillor Buchan",
        "Councillor Downie",
    )


def test_an_old_score_keeps_the_questions_it_was_made_with(db: Database, topic_id: int) -> None:
    with db.transaction() as s:
        old = assessments.record_assessment(
            s, topic_id=topic_id, scorer="Councillor Allen", answers=YES_4
        )
        shorter = scoring.CriteriaSetSpec(
            "PAPER", scoring.PAPER.questions[:5], scoring.PAPER.bands
        )
        revise_set(s, criteria_set_id=old.criteria_set_id, spec=shorter)
    with db.transaction() as s:
        state = assessments.scoring_state(s, topic_id=topic_id)
    assert len(state.criteria.questions) == 5  # new scores use the revised set
    assert len(state.set_of(state.assessments[0]).questions) == 6
    assert state.assessments[0].total == 4


def test_scoring_state_of_a_deleted_topic_says_so(db: Database, topic_id: int) -> None:
    with db.transaction() as s:
        topics.delete_topic(s, topic_id=topic_id)
    with db.transaction() as s, pytest.raises(NotFound, match="topic no longer exists"):
        assessments.scoring_state(s, topic_id=topic_id)
